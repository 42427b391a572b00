"""Issue 14, in the client: the Ratelimit and Ratelimit-Policy headers read as structured fields and shown on
Response and RateLimitError; the opt-in budget shared by every call of a client (sync, async, threads, copies),
which waits until the reset when the server says the quota is nearly spent; the bounded fan-out helpers."""

from __future__ import annotations

import asyncio
import threading
import time
from typing import Any

import httpx
import pytest
from realtimekit_sessions import AuthenticatedClient, errors
from realtimekit_sessions._ratelimit import RateLimit, RateLimitInfo, RateLimitPolicy, read_rate_limit
from realtimekit_sessions.api.sessions import get_session_chat, get_sessions
from realtimekit_sessions.fanout import afan_out, fan_out

ACCOUNT = "023e105f4ecef8ad9ca31a8372d0c353"
APP = "3f9a1c527e444b1da0c26d8e5b7f9a10"
BASE = "https://api.example.com/client/v4"
PAGE = b'{"success": true, "data": {"sessions": []}}'


def client_answering(handler: Any, **kwargs: Any) -> AuthenticatedClient:
    return AuthenticatedClient(
        token="t", base_url=BASE, httpx_args={"transport": httpx.MockTransport(handler)}, **kwargs
    )


# ---- Reading the headers ----------------------------------------------------------------------------------


def test_cloudflares_headers_are_read() -> None:
    info = read_rate_limit(
        httpx.Headers({"Ratelimit-Policy": '"default";q=1200;w=300', "Ratelimit": '"default";r=50;t=30'})
    )
    assert info == RateLimitInfo(
        remaining=50, reset=30.0, policy="default", policies=(RateLimitPolicy("default", 1200, 300.0),)
    )
    assert (info.quota, info.window) == (1200, 300.0)


def test_several_policies_the_least_remaining_binds() -> None:
    info = read_rate_limit(
        {
            "ratelimit-policy": '"burst";q=100;w=60, "daily";q=1000;w=86400',
            "ratelimit": '"burst";r=40;t=12, "daily";r=3;t=3600',
        }
    )
    assert info is not None
    assert (info.remaining, info.reset, info.policy, info.quota, info.window) == (3, 3600.0, "daily", 1000, 86400.0)


def test_tokens_as_names_and_unknown_parameters_are_fine() -> None:
    info = read_rate_limit({"ratelimit": "default;r=0;t=5;pk=:YWJj:", "ratelimit-policy": "default;q=10;qu=requests"})
    assert info is not None
    assert (info.remaining, info.reset, info.policy, info.quota, info.window) == (0, 5.0, "default", 10, None)


@pytest.mark.parametrize(
    "value",
    [
        "",  # empty
        '"default";r=50;t=30,',  # a trailing comma is not a List
        '"default";r="50"',  # r must be an integer
        '"default";r=-1',  # ... not negative
        '"default";r=1.5',  # ... not a decimal
        '"default";t=30',  # r is required
        '("a" "b");r=1',  # an inner list is no policy name
        "1;r=1",  # nor is a number
        "limit=100, remaining=50",  # the older drafts' Dictionary form is not this List
        '"défaut";r=1',  # not ASCII
    ],
)
def test_malformed_ratelimit_is_ignored(value: str) -> None:
    assert read_rate_limit({"ratelimit": value}) is None


def test_no_headers_no_info() -> None:
    assert read_rate_limit({}) is None
    assert read_rate_limit({"ratelimit-policy": '"default";w=300'}) is None  # q is required


def test_response_and_rate_limit_error_expose_it() -> None:
    headers = {"ratelimit-policy": '"default";q=1200;w=300', "ratelimit": '"default";r=7;t=42'}
    ok = client_answering(lambda request: httpx.Response(200, content=PAGE, headers=headers))
    response = get_sessions.sync_detailed(ACCOUNT, APP, client=ok)
    assert response.rate_limit is not None and response.rate_limit.remaining == 7

    limited = client_answering(
        lambda request: httpx.Response(
            429, json={"success": False, "errors": []}, headers={**headers, "retry-after": "600"}
        )
    )
    with pytest.raises(errors.RateLimitError) as caught:
        get_sessions.sync(ACCOUNT, APP, client=limited, max_retries=0)
    assert caught.value.rate_limit is not None
    assert (caught.value.rate_limit.remaining, caught.value.rate_limit.reset, caught.value.retry_after) == (
        7,
        42.0,
        600,
    )


# ---- The budget --------------------------------------------------------------------------------------------


def test_off_by_default_true_is_cloudflares_global_budget() -> None:
    assert client_answering(lambda request: httpx.Response(200)).rate_limit is None
    limit = client_answering(lambda request: httpx.Response(200), rate_limit=True).rate_limit
    assert limit is not None and (limit.requests, limit.per_seconds) == (1200, 300.0)
    with pytest.raises(errors.ConfigurationError):
        RateLimit(requests=0)
    with pytest.raises(errors.ConfigurationError):
        client_answering(lambda request: httpx.Response(200), rate_limit="yes")


def test_budget_holds_calls_to_the_rate_and_copies_share_it() -> None:
    # 5 requests per 0.5 s: 12 calls from a client and its copy take at least two more windows.
    limit = RateLimit(requests=5, per_seconds=0.5)
    client = client_answering(lambda request: httpx.Response(200, content=PAGE), rate_limit=limit)
    copy = client.with_headers({"x-copy": "1"})
    assert copy.rate_limit is limit
    started = time.monotonic()
    for n in range(12):
        get_sessions.sync(ACCOUNT, APP, client=client if n % 2 else copy)
    assert time.monotonic() - started >= 0.9
    assert limit.sent == 12


def test_budget_is_shared_by_threads_and_async_calls() -> None:
    stamps: list[float] = []
    lock = threading.Lock()

    def handler(request: httpx.Request) -> httpx.Response:
        with lock:
            stamps.append(time.monotonic())
        return httpx.Response(200, content=PAGE)

    limit = RateLimit(requests=4, per_seconds=0.4)
    client = client_answering(handler, rate_limit=limit)
    client.set_async_httpx_client(httpx.AsyncClient(base_url=BASE, transport=httpx.MockTransport(handler)))
    threads = [
        threading.Thread(target=get_sessions.sync, args=(ACCOUNT, APP), kwargs={"client": client}) for _ in range(6)
    ]
    for thread in threads:
        thread.start()

    async def many() -> None:
        await asyncio.gather(*(get_sessions.asyncio(ACCOUNT, APP, client=client) for _ in range(6)))

    asyncio.run(many())
    for thread in threads:
        thread.join()
    assert len(stamps) == limit.sent == 12
    stamps.sort()
    # No window of 0.4 s holds more than 4 requests (a little slack for the clock).
    for i in range(len(stamps) - 4):
        assert stamps[i + 4] - stamps[i] >= 0.35


def test_a_request_holds_its_place_until_a_window_after_its_answer() -> None:
    waits: list[float] = []
    limit = RateLimit(requests=2, per_seconds=0.3)

    def sleep(seconds: float) -> None:
        waits.append(seconds)
        if len(waits) == 1:
            limit.release()  # the first answer comes back while the third request waits
        time.sleep(seconds)

    limit.sleep = sleep
    limit.acquire()
    limit.acquire()
    assert limit.in_flight == 2
    time.sleep(0.35)  # both left more than a window ago, but neither has its answer: neither place is free
    limit.acquire()
    # First a short wait for an answer, then a whole window from that answer (not from when it left).
    assert len(waits) == 2 and waits[0] < 0.05 and 0.25 < waits[1] <= 0.31
    assert limit.in_flight == 2 and limit.sent == 3


def test_a_server_counting_arrivals_never_sees_more_than_the_budget_when_some_arrive_late() -> None:
    # Every other request takes 0.1 s to reach the server. Counted from when it left, a late one stays in the
    # server's window after it left the client's, and the request after it would be one too many there.
    arrivals: list[float] = []
    lock = threading.Lock()
    number = iter(range(1000))

    def handler(request: httpx.Request) -> httpx.Response:
        with lock:
            late = next(number) % 2 == 0
        if late:
            time.sleep(0.1)
        with lock:
            arrivals.append(time.monotonic())
        return httpx.Response(200, content=PAGE)

    limit = RateLimit(requests=3, per_seconds=0.3)
    client = client_answering(handler, rate_limit=limit)
    fan = list(fan_out(lambda _: get_sessions.sync(ACCOUNT, APP, client=client), range(10), max_in_flight=3))
    assert len(fan) == len(arrivals) == 10 and limit.in_flight == 0
    arrivals.sort()
    # As the server counts: no 0.3 s window of arrivals holds a 4th request.
    assert all(arrivals[i + 3] - arrivals[i] > 0.3 for i in range(len(arrivals) - 3))


def test_nearly_spent_quota_pauses_every_call_until_reset() -> None:
    answers = iter(['"default";r=2;t=0.3', '"default";r=500;t=200', '"default";r=500;t=200'])

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=PAGE, headers={"ratelimit": next(answers)})

    waits: list[float] = []

    def sleep(seconds: float) -> None:
        waits.append(seconds)
        time.sleep(seconds)

    limit = RateLimit(min_remaining=5, sleep=sleep)
    client = client_answering(handler, rate_limit=limit)
    get_sessions.sync(ACCOUNT, APP, client=client)  # says 2 left: below 5
    get_sessions.sync(ACCOUNT, APP, client=client)  # waits out the 0.3 s reset first
    get_sessions.sync(ACCOUNT, APP, client=client)  # 500 left: no wait
    assert len(waits) == 1 and 0.2 < waits[0] <= 0.3


def test_async_calls_wait_for_the_budget_through_async_sleep() -> None:
    # The async twin of `sleep`: a program (the CLI) shows the wait instead of stalling silently.
    waits: list[float] = []

    async def async_sleep(seconds: float) -> None:
        waits.append(seconds)
        await asyncio.sleep(seconds)

    limit = RateLimit(min_remaining=5, async_sleep=async_sleep)
    limit.observe(httpx.Response(200, headers={"ratelimit": '"default";r=2;t=0.2'}))  # 2 left: pause to reset
    asyncio.run(limit.acquire_async())
    limit.release()
    assert len(waits) == 1 and 0.1 < waits[0] <= 0.2


def test_a_429_pauses_the_others_up_to_max_pause() -> None:
    limit = RateLimit(max_pause=0.2)
    answers = iter([httpx.Response(429, headers={"retry-after": "3600"}), httpx.Response(200, content=PAGE)])
    client = client_answering(lambda request: next(answers), rate_limit=limit)
    with pytest.raises(errors.RateLimitError):
        get_sessions.sync(ACCOUNT, APP, client=client)  # 3600 s is past max_retry_after: raised, not waited
    assert 0.1 < limit.pause_left() <= 0.2  # ... but the budget holds the next call for max_pause at most
    started = time.monotonic()
    get_sessions.sync(ACCOUNT, APP, client=client)
    assert time.monotonic() - started >= 0.1


def test_async_pause_does_not_block_the_loop() -> None:
    limit = RateLimit()
    client = client_answering(lambda request: httpx.Response(200))
    client.rate_limit = limit
    client.set_async_httpx_client(
        httpx.AsyncClient(
            base_url=BASE,
            transport=httpx.MockTransport(
                lambda request: httpx.Response(200, content=PAGE, headers={"ratelimit": "default;r=0;t=0.3"})
            ),
        )
    )
    ticks = 0

    async def tick() -> None:
        nonlocal ticks
        for _ in range(10):
            await asyncio.sleep(0.02)
            ticks += 1

    async def run() -> None:
        await get_sessions.asyncio(ACCOUNT, APP, client=client)
        await asyncio.gather(get_sessions.asyncio(ACCOUNT, APP, client=client), tick())

    started = time.monotonic()
    asyncio.run(run())
    assert time.monotonic() - started >= 0.25 and ticks == 10


def test_downloads_from_storage_do_not_spend_the_budget() -> None:
    chat = {
        "success": True,
        "data": {
            "chat_download_url": "http://127.0.0.1:9/chat.csv",
            "chat_download_url_expiry": "2999-01-01T00:00:00Z",
        },
    }

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/chat"):
            return httpx.Response(200, json=chat)
        return httpx.Response(200, content=b"id\n1\n")

    limit = RateLimit()
    client = AuthenticatedClient(
        token="t",
        base_url="http://127.0.0.1:9/client/v4",
        httpx_args={"transport": httpx.MockTransport(handler)},
        rate_limit=limit,
    )
    get_session_chat.download(ACCOUNT, APP, "s1", client=client)
    assert limit.sent == 1


# ---- Fan-out -----------------------------------------------------------------------------------------------


def test_fan_out_keeps_order_and_bounds_the_calls_in_flight() -> None:
    running = peak = 0
    lock = threading.Lock()

    def call(n: int) -> int:
        nonlocal running, peak
        with lock:
            running += 1
            peak = max(peak, running)
        time.sleep(0.01 * (n % 3))
        with lock:
            running -= 1
        return n * n

    assert list(fan_out(call, range(30), max_in_flight=3)) == [(n, n * n) for n in range(30)]
    assert peak == 3


def test_fan_out_reads_items_lazily_and_stops_at_the_first_error() -> None:
    started: list[int] = []

    def call(n: int) -> int:
        started.append(n)
        if n == 2:
            raise ValueError("boom")
        return n

    def endless() -> Any:
        n = 0
        while True:
            yield n
            n += 1

    results = fan_out(call, endless(), max_in_flight=2)
    assert next(results) == (0, 0)
    assert next(results) == (1, 1)
    with pytest.raises(ValueError, match="boom"):
        next(results)
    assert max(started) <= 4
    with pytest.raises(errors.ConfigurationError):
        fan_out(call, [], max_in_flight=0)


def test_afan_out_keeps_order_and_bounds_the_tasks() -> None:
    running = peak = 0

    async def call(n: int) -> int:
        nonlocal running, peak
        running += 1
        peak = max(peak, running)
        await asyncio.sleep(0.005 * (n % 4))
        running -= 1
        return -n

    async def collect() -> list[tuple[int, int]]:
        async def numbers() -> Any:
            for n in range(25):
                yield n

        return [pair async for pair in afan_out(call, numbers(), max_in_flight=5)]

    assert asyncio.run(collect()) == [(n, -n) for n in range(25)]
    assert peak == 5


def test_fan_out_over_a_rate_limited_client_keeps_to_the_budget() -> None:
    stamps: list[float] = []
    lock = threading.Lock()

    def handler(request: httpx.Request) -> httpx.Response:
        with lock:
            stamps.append(time.monotonic())
        return httpx.Response(200, content=PAGE)

    client = client_answering(handler, rate_limit=RateLimit(requests=5, per_seconds=0.5))
    list(fan_out(lambda n: get_sessions.sync(ACCOUNT, APP, client=client), range(15), max_in_flight=8))
    stamps.sort()
    assert stamps[-1] - stamps[0] >= 0.9


def test_a_forked_child_gets_back_the_places_of_requests_under_way_in_the_parent() -> None:
    # The child inherits the budget; the two requests the parent had under way will never answer in the child,
    # so their places are the child's again (before, its acquire() polled for ever).
    import os

    budget = RateLimit(requests=2, per_seconds=60)
    budget.acquire()
    budget.acquire()
    assert budget.in_flight == 2
    pid = os.fork()
    if pid == 0:  # the child: report through the exit code, never return into pytest
        code = 1
        try:
            code = 0 if budget.in_flight == 0 and budget._reserve() == 0.0 else 3
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    assert budget.in_flight == 2  # the parent's own requests still hold theirs
    budget.release()
    budget.release()
