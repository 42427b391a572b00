"""Secrets, errors, time and lifecycle: the client as people deploy it (threads, fork, event loops, closing)."""

from __future__ import annotations

import asyncio
import contextlib
import datetime
import functools
import gc
import json
import multiprocessing
import os
import pickle
import signal
import socket
import threading
import time
import warnings
import weakref
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from realtimekit_sessions import AuthenticatedClient, errors
from realtimekit_sessions.api.sessions import get_session_details, get_sessions
from realtimekit_sessions.client import IDLE_LOOPS
from realtimekit_tools.testing.transports import json_response

from .conftest import ACCOUNT, APP, BASE, SESSION, TOKEN, RawServer, http_answer, scripted_client

OK = {"success": True, "data": {"sessions": []}}
Start = Callable[[Callable[[str, socket.socket], None]], RawServer]


def session_answer(path: str) -> bytes:
    """A session details body whose id is the path's last segment: who asked for what is visible."""
    body = {
        "success": True,
        "data": {
            "id": path.split("?", 1)[0].rsplit("/", 1)[-1],
            "associated_id": "a",
            "created_at": "2025-03-14T09:00:00Z",
            "updated_at": "2025-03-14T09:00:00Z",
            "started_at": "2025-03-14T09:00:00Z",
            "live_participants": 0,
            "max_concurrent_participants": 1,
            "meeting_display_name": "m",
            "minutes_consumed": 1,
            "organization_id": APP,
            "status": "ENDED",
            "type": "meeting",
        },
    }
    return http_answer(json.dumps(body).encode())


def answering(raw_server: Start, transport: str) -> tuple[RawServer, AuthenticatedClient]:
    """A server answering each session's details with that session's id, and a client of it (on `transport`,
    without retries)."""
    server = raw_server(lambda path, connection: connection.sendall(session_answer(path)))
    return server, AuthenticatedClient(token=TOKEN, base_url=server.base_url, max_retries=0, async_transport=transport)


# ---- secrets -------------------------------------------------------------------------------------------------


def test_a_token_with_surrounding_whitespace_is_stripped() -> None:
    client, script = scripted_client(json_response(200, OK), token=f"  {TOKEN}\n")
    get_sessions.sync(ACCOUNT, APP, client=client)
    assert script.requests[0].headers["authorization"] == f"Bearer {TOKEN}"


@pytest.mark.parametrize("inside", [" ", "\n", "\t", "\x00", "\x7f", "é", "\u200b"])
def test_a_token_with_inner_whitespace_control_or_non_ascii_is_refused_without_echoing_it(inside: str) -> None:
    token = TOKEN[:20] + inside + TOKEN[20:]
    with pytest.raises(errors.ConfigurationError) as raised:
        AuthenticatedClient(token=token, base_url="https://api.example.com")
    text = str(raised.value) + repr(raised.value)
    assert TOKEN[:12] not in text and TOKEN[-12:] not in text


# ---- every failure an errors class, one line -----------------------------------------------------------------


def test_a_redirect_loop_is_an_errors_exception() -> None:
    loop = httpx.Response(302, headers={"location": "https://api.example.com/client/v4/loop"})
    client, _ = scripted_client(loop, follow_redirects=True, max_retries=0)
    with pytest.raises(errors.APIConnectionError, match="too many redirects"):
        get_sessions.sync(ACCOUNT, APP, client=client)


@pytest.mark.parametrize(
    ("httpx_args", "says"),
    [
        ({"timeout": 3}, "timeout="),
        ({"headers": {"x": "y"}}, "headers="),
        ({"verify": False}, "verify_ssl="),
        ({"base_url": "https://x.example"}, "base_url="),
        ({"no_such_setting": 1}, "no_such_setting"),
    ],
)
def test_bad_httpx_args_are_refused_at_construction(httpx_args: dict[str, object], says: str) -> None:
    with pytest.raises(errors.ConfigurationError, match=says):
        AuthenticatedClient(token=TOKEN, base_url="https://api.example.com", httpx_args=httpx_args)


def test_an_error_message_is_one_bounded_line_and_the_body_stays_whole() -> None:
    message = "first line\r\nsecond line\x1b[31m red\n" + "x" * 10_000
    client, _ = scripted_client(json_response(404, {"success": False, "error": {"code": 404, "message": message}}))
    with pytest.raises(errors.NotFoundError) as raised:
        get_sessions.sync(ACCOUNT, APP, client=client)
    text = str(raised.value)
    assert "\n" not in text and "\r" not in text and "\x1b" not in text and len(text) < 600
    assert "first line\\r\\nsecond line" in text
    assert raised.value.error_message == message  # the whole text is kept on the exception


@pytest.mark.parametrize("value", ["-5", "inf", "nan", "soon", "1e400"])
def test_an_insane_retry_after_leaves_the_normal_backoff_in_charge(value: str, no_sleep: list[float]) -> None:
    limited = json_response(429, {"success": False}, {"retry-after": value})
    client, script = scripted_client(limited, json_response(200, OK), max_retries=1)
    get_sessions.sync(ACCOUNT, APP, client=client)
    assert len(script.requests) == 2 and len(no_sleep) == 1 and 0.3 <= no_sleep[0] <= 0.5


def test_max_retry_after_is_a_setting(no_sleep: list[float]) -> None:
    long_wait = json_response(429, {"success": False}, {"retry-after": "120"})
    client, script = scripted_client(long_wait, json_response(200, OK), max_retries=1)
    with pytest.raises(errors.RateLimitError) as raised:  # the default cap, 60 s, hands it to the caller
        get_sessions.sync(ACCOUNT, APP, client=client)
    assert raised.value.retry_after == 120.0 and no_sleep == []

    client, script = scripted_client(long_wait, json_response(200, OK), max_retries=1, max_retry_after=300)
    get_sessions.sync(ACCOUNT, APP, client=client)  # a bulk job that sits out the block
    assert no_sleep == [120.0] and len(script.requests) == 2


# ---- errors that cross a process boundary -------------------------------------------------------------------


def raised_by(call: Callable[[], object]) -> errors.RealtimeKitSessionsError:
    try:
        call()
    except errors.RealtimeKitSessionsError as error:
        return error
    raise AssertionError("the call raised nothing")


def every_kind_of_error() -> list[errors.RealtimeKitSessionsError]:
    """One of each kind of error the client raises, as calls raise them (a status error with its answer, a
    connection error with its request), and those whose constructor takes more than a message."""
    not_found = json_response(404, {"success": False, "errors": [{"code": 7003, "message": "no such session"}]})
    not_found.headers["cf-ray"] = "8a1b2c3d4e5f6071-AMS"
    answers: list[httpx.Response | Exception] = [
        not_found,
        json_response(429, {"success": False}, {"retry-after": "999"}),
        httpx.Response(200, content=b"<html>maintenance</html>"),
        httpx.ConnectError("refused"),
    ]
    clients = [scripted_client(answer, max_retries=0)[0] for answer in answers]
    raised = [raised_by(functools.partial(get_sessions.sync, ACCOUNT, APP, client=client)) for client in clients]
    raised.append(raised_by(lambda: get_session_details.sync(ACCOUNT, APP, "..", client=clients[0])))
    raised.append(raised_by(lambda: AuthenticatedClient(token="", base_url="https://api.example.com")))
    raised.append(errors.PaginationError("page 2 brought no item", page=2))
    raised.append(errors.DownloadTooLargeError("past 100 MiB", url="https://storage.example.com/chat.csv"))
    return raised


def test_every_error_survives_pickle_whole_and_without_the_token() -> None:
    # A multiprocessing or concurrent.futures worker hands its exception back pickled: one that cannot be rebuilt
    # from its pickle breaks multiprocessing.Pool's result thread (the pool hangs) and ProcessPoolExecutor. The
    # pickle is also where an exception goes to a task queue's result store: the token is not to travel with it.
    kinds = every_kind_of_error()
    assert [type(error) for error in kinds] == [
        errors.NotFoundError,
        errors.RateLimitError,
        errors.ResponseValidationError,
        errors.APIConnectionError,
        errors.InvalidParameterError,
        errors.ConfigurationError,
        errors.PaginationError,
        errors.DownloadTooLargeError,
    ]
    for error in kinds:
        pickled = pickle.dumps(error)
        assert TOKEN.encode() not in pickled, f"the token is in a pickled {type(error).__name__}"
        copy = pickle.loads(pickled)
        assert type(copy) is type(error) and str(copy) == str(error) and copy.args == error.args
        for name in ("status_code", "error_code", "error_message", "ray_id", "parameter", "page", "url", "path"):
            assert getattr(copy, name, None) == getattr(error, name, None), name
        if isinstance(error, errors.APIError) and error.request is not None:
            assert copy.request.url == error.request.url
            assert copy.request.headers["authorization"] == "[secure]"
            assert error.request.headers["authorization"] == f"Bearer {TOKEN}"  # the original is left as it was
        if isinstance(error, errors.APIStatusError | errors.ResponseValidationError):
            assert copy.response.content == error.response.content
            assert TOKEN not in str(copy.response.request.headers.get("authorization"))
    not_found = pickle.loads(pickle.dumps(kinds[0]))
    assert isinstance(not_found, errors.NotFoundError) and not_found.body is not None
    assert (not_found.error_code, not_found.ray_id) == (7003, "8a1b2c3d4e5f6071-AMS")
    assert pickle.loads(pickle.dumps(kinds[1])).retry_after == 999.0


def fail_with_not_found(session: str) -> object:
    client, _ = scripted_client(json_response(404, {"success": False, "errors": [{"code": 7003, "message": "gone"}]}))
    return get_session_details.sync(ACCOUNT, APP, session, client=client)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this platform")
def test_an_error_raised_in_a_worker_process_reaches_the_caller() -> None:
    with multiprocessing.get_context("fork").Pool(1) as pool:
        outcome = pool.map_async(fail_with_not_found, ["s-1"])
        with pytest.raises(errors.NotFoundError, match="gone"):
            outcome.get(timeout=10)


# ---- time ----------------------------------------------------------------------------------------------------


def trickle(path: str, connection: socket.socket) -> None:
    """Headers, then one body byte every 0.2 s for ever (until the client goes away)."""
    connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n")
    for _ in range(200):  # bounded: 40 s at most
        connection.sendall(b" ")
        time.sleep(0.2)


@pytest.mark.parametrize("use_async", [False, True, "aiohttp"])
def test_a_trickling_server_cannot_hold_a_call_past_its_timeout(use_async: bool | str, raw_server: Start) -> None:
    # With aiohttp, this body (100,000 bytes by its Content-Length) is one the transport reads whole at once.
    server = raw_server(trickle)
    transport = "aiohttp" if use_async == "aiohttp" else "httpx"
    client = AuthenticatedClient(token=TOKEN, base_url=server.base_url, max_retries=0, async_transport=transport)
    started = time.monotonic()

    async def call() -> None:
        async with client:
            await get_sessions.asyncio(ACCOUNT, APP, client=client, timeout=1.0)

    with pytest.raises(errors.APITimeoutError):
        if use_async:
            asyncio.run(call())
        else:
            get_sessions.sync(ACCOUNT, APP, client=client, timeout=1.0)
    assert time.monotonic() - started < 2.5


def test_the_client_timeout_bounds_a_whole_attempt_too(raw_server: Start) -> None:
    server = raw_server(trickle)
    client = AuthenticatedClient(token=TOKEN, base_url=server.base_url, max_retries=0, timeout=1.0)
    started = time.monotonic()
    with pytest.raises(errors.APITimeoutError):
        get_sessions.sync(ACCOUNT, APP, client=client)
    assert time.monotonic() - started < 2.5


# ---- lifecycle -----------------------------------------------------------------------------------------------


def test_threads_calling_together_share_one_pool(raw_server: Start) -> None:
    server = raw_server(lambda path, connection: connection.sendall(session_answer(path)))
    client = AuthenticatedClient(token=TOKEN, base_url=server.base_url, max_retries=0)
    seen: list[httpx.Client] = []
    barrier = threading.Barrier(16)

    def call(number: int) -> None:
        barrier.wait()
        assert get_session_details.sync(ACCOUNT, APP, f"s-{number}", client=client).data.id == f"s-{number}"
        seen.append(client.get_httpx_client())

    threads = [threading.Thread(target=call, args=(n,)) for n in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=20)
    assert len(seen) == 16 and len({id(http) for http in seen}) == 1
    client.close()


def forked(work: Callable[[], str]) -> Callable[[], tuple[str, int]]:
    """Forks: the child runs `work` and hands the parent what it returned, or the repr of what it raised (a hung
    child ends after 10 s rather than holding the test). The parent gets a function that waits for the child and
    gives that text and the child's exit status."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        signal.alarm(10)
        try:
            got = work()
        except BaseException as exc:  # noqa: BLE001 - reported to the parent, whatever it is
            got = repr(exc)
        os.write(write_end, got.encode())
        os._exit(0)
    os.close(write_end)

    def outcome() -> tuple[str, int]:
        _, status = os.waitpid(pid, 0)
        with os.fdopen(read_end, "rb") as reader:
            return reader.read().decode(), status

    return outcome


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this platform")
def test_after_fork_the_child_never_reads_the_parents_connections(raw_server: Start) -> None:
    server = raw_server(lambda path, connection: connection.sendall(session_answer(path)))
    client = AuthenticatedClient(token=TOKEN, base_url=server.base_url, max_retries=0)
    assert get_session_details.sync(ACCOUNT, APP, "warm-up", client=client).data.id == "warm-up"
    # The child: its own call, its own answer, on a pool of its own.
    outcome = forked(lambda: get_session_details.sync(ACCOUNT, APP, "child", client=client).data.id)
    parent = [get_session_details.sync(ACCOUNT, APP, f"parent-{n}", client=client).data.id for n in range(5)]
    child, _ = outcome()
    assert child == "child"
    assert parent == [f"parent-{n}" for n in range(5)]
    assert server.connections >= 2  # the child opened a connection of its own
    client.close()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this platform")
def test_a_fork_while_another_thread_builds_the_pool_leaves_the_child_a_working_client(raw_server: Start) -> None:
    # The client's lock is held while a thread builds a pool (its first call, or the first after close()); a
    # fork at that moment gave the child a lock no thread of its own would ever release: its first call hung.
    server = raw_server(lambda path, connection: connection.sendall(session_answer(path)))
    client = AuthenticatedClient(token=TOKEN, base_url=server.base_url, max_retries=0)
    building, done = threading.Event(), threading.Event()

    def build_a_pool() -> None:
        with client._lock:  # as get_httpx_client holds it while httpx.Client is made
            building.set()
            done.wait(timeout=10)

    builder = threading.Thread(target=build_a_pool)
    builder.start()
    building.wait(timeout=10)
    outcome = forked(lambda: get_session_details.sync(ACCOUNT, APP, "child", client=client).data.id)
    done.set()
    builder.join(timeout=10)
    child, status = outcome()
    assert not os.WIFSIGNALED(status), "the child hung on the lock its parent's thread held"
    assert child == "child"
    assert get_session_details.sync(ACCOUNT, APP, "parent", client=client).data.id == "parent"
    client.close()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this platform")
@pytest.mark.parametrize("transport", ["httpx", "aiohttp"])
def test_an_event_loop_carried_across_a_fork_gets_a_pool_of_its_own_in_the_child(
    transport: str, raw_server: Start
) -> None:
    # One loop kept for the program's life (a sync wrapper's), made before a fork and run on in the child: the
    # child found the parent's pool for it, and read on the parent's connections (with both calling, each read
    # the other's answers). The child now builds its own. (Parent and child take turns on the loop here: an
    # asyncio loop shares its epoll with its forked copy, which the loop itself does not survive running at once.)
    server, client = answering(raw_server, transport)
    loop = asyncio.new_event_loop()

    def call(session: str) -> str:
        return loop.run_until_complete(get_session_details.asyncio(ACCOUNT, APP, session, client=client)).data.id

    try:
        assert call("warm-up") == "warm-up"
        child, _ = forked(lambda: ",".join(call(f"child-{n}") for n in range(3)))()
        assert child == "child-0,child-1,child-2"
        assert server.connections == 2  # the child's own connection, beside the parent's
        assert [call(f"parent-{n}") for n in range(3)] == ["parent-0", "parent-1", "parent-2"]
        assert server.connections == 2  # and the parent's still its own
    finally:
        loop.run_until_complete(client.aclose())
        loop.close()


def responses_alive() -> int:
    return sum(1 for thing in gc.get_objects() if isinstance(thing, httpx.Response))


@contextlib.contextmanager
def collector_off() -> Iterator[Callable[[], int]]:
    """The cyclic collector off inside the block (as it is, for a while, in any program); gives a function saying
    how many httpx responses are alive beyond those at the block's start. Restored as it was on the way out."""
    was_enabled = gc.isenabled()
    gc.collect()
    gc.disable()
    try:
        before = responses_alive()
        yield lambda: responses_alive() - before
    finally:
        if was_enabled:
            gc.enable()


def details_of_each(client: AuthenticatedClient, use_async: bool | str, sessions: list[str]) -> list[object]:
    """get_session_details of each session through `client`, one at a time, sync or async (on the client's async
    transport): each answer's id, or the class of the error the call raised. Not the error itself: kept, it would
    keep its traceback's frames alive, this function's among them, and whatever they hold."""

    def one(session: str) -> object:
        try:
            return get_session_details.sync(ACCOUNT, APP, session, client=client).data.id
        except Exception as error:  # noqa: BLE001 - its class is the outcome
            return type(error)

    async def one_async(session: str) -> object:
        try:
            return (await get_session_details.asyncio(ACCOUNT, APP, session, client=client)).data.id
        except Exception as error:  # noqa: BLE001 - its class is the outcome
            return type(error)

    async def every_async() -> list[object]:
        async with client:
            return [await one_async(session) for session in sessions]

    if use_async:
        return asyncio.run(every_async())
    with client:
        return [one(session) for session in sessions]


@pytest.mark.parametrize("use_async", [False, True, "aiohttp"])
def test_a_response_and_its_body_are_freed_when_the_call_returns_without_waiting_for_the_collector(
    use_async: bool | str, raw_server: Start
) -> None:
    # httpx makes every response a reference cycle (its stream holds it, to set `elapsed`): with the collector
    # off, or not yet run, each body would stay in memory after the call. 100 KB bodies, ten calls each way.
    def answer(path: str, connection: socket.socket) -> None:
        if "missing" in path:
            body = json.dumps({"success": False, "errors": [{"code": 404, "message": "x" * 100_000}]}).encode()
            connection.sendall(http_answer(body, status="404 Not Found"))
        else:
            connection.sendall(session_answer(path + "x" * 100_000))

    server = raw_server(answer)
    transport = "aiohttp" if use_async == "aiohttp" else "httpx"
    client = AuthenticatedClient(token=TOKEN, base_url=server.base_url, max_retries=0, async_transport=transport)

    with collector_off() as responses_left:
        outcomes = details_of_each(client, use_async, [f"s{number}" for number in range(10)] + ["missing"])
        assert all(type(outcome) is str and len(outcome) > 1 for outcome in outcomes[:10])
        assert outcomes[10] is errors.NotFoundError
        assert responses_left() == 0


@pytest.mark.parametrize("use_async", [False, True, "aiohttp"])
@pytest.mark.parametrize("way", ["retried", "redirected", "exhausted", "given up"])
def test_a_retried_or_redirected_call_frees_every_response_it_read_when_it_returns(
    use_async: bool | str, way: str, raw_server: Start
) -> None:
    # A call that got two 429s before its answer, or followed a redirect to it, read more than one response: none
    # of them (the 100 KB answer above all) may wait for the collector. Nor may those of a call whose retries ran
    # out (503, 503, 503), or that was given up on an answer not worth retrying (429, then 400), nor its error.
    asked: list[str] = []
    failure = json.dumps({"success": False, "errors": [{"code": 1, "message": "x" * 10_000}]}).encode()

    def answer(path: str, connection: socket.socket) -> None:
        asked.append(path)
        if "again" in path and asked.count(path) <= 2:
            connection.sendall(http_answer(b"{}", status="429 Too Many Requests", headers={"Retry-After": "0"}))
        elif "moved" in path:
            connection.sendall(http_answer(b"", status="302 Found", headers={"Location": path.replace("moved", "s")}))
        elif "down" in path:
            connection.sendall(http_answer(failure, status="503 Service Unavailable"))
        elif "refused" in path:
            status = "429 Too Many Requests" if asked.count(path) == 1 else "400 Bad Request"
            connection.sendall(http_answer(failure, status=status, headers={"Retry-After": "0"}))
        else:
            connection.sendall(session_answer(path + "x" * 100_000))

    async def no_wait(seconds: float, error: BaseException) -> None:
        pass

    server = raw_server(answer)
    client = AuthenticatedClient(
        token=TOKEN,
        base_url=server.base_url,
        max_retries=2,
        follow_redirects=way == "redirected",
        retry_sleep=lambda seconds, error: None,
        async_retry_sleep=no_wait,
        async_transport="aiohttp" if use_async == "aiohttp" else "httpx",
    )
    stem = {"retried": "again", "redirected": "moved", "exhausted": "down", "given up": "refused"}[way]
    ids = [f"{stem}{number}" for number in range(5)]
    fails = way in ("exhausted", "given up")

    with collector_off() as responses_left:
        outcomes = details_of_each(client, use_async, ids)
        if fails:
            assert all(isinstance(outcome, type) and issubclass(outcome, errors.APIStatusError) for outcome in outcomes)
        else:
            assert all(type(outcome) is str and len(outcome) > 1 for outcome in outcomes)
        assert responses_left() == 0
    assert len(asked) == {"retried": 15, "redirected": 10, "exhausted": 15, "given up": 10}[way]


class Interrupted(Exception):
    """What a person's Ctrl-C, or a caller's timeout, does to a call waiting to retry."""


@pytest.mark.parametrize("use_async", [False, True, "aiohttp"])
def test_a_call_interrupted_while_it_waits_to_retry_frees_what_it_read(
    use_async: bool | str, raw_server: Start
) -> None:
    def answer(path: str, connection: socket.socket) -> None:
        body = json.dumps({"success": False, "errors": [{"code": 1, "message": "x" * 10_000}]}).encode()
        connection.sendall(http_answer(body, status="429 Too Many Requests", headers={"Retry-After": "30"}))

    def interrupt(seconds: float, error: BaseException) -> None:
        raise Interrupted

    async def interrupt_async(seconds: float, error: BaseException) -> None:
        raise Interrupted

    server = raw_server(answer)
    client = AuthenticatedClient(
        token=TOKEN,
        base_url=server.base_url,
        max_retries=2,
        retry_sleep=interrupt,
        async_retry_sleep=interrupt_async,
        async_transport="aiohttp" if use_async == "aiohttp" else "httpx",
    )

    with collector_off() as responses_left:
        assert details_of_each(client, use_async, [f"s{number}" for number in range(3)]) == [Interrupted] * 3
        assert responses_left() == 0


@contextlib.contextmanager
def nothing_left_unclosed(caplog: pytest.LogCaptureFixture) -> Iterator[None]:
    """Fails if, by the end of the block (a collection included), anything warned of a resource left open:
    a ResourceWarning, or asyncio's log of one (aiohttp's "Unclosed client session" and "Unclosed connector")."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        gc.collect()  # what earlier tests left to the collector is theirs
    with caplog.at_level("ERROR", logger="asyncio"), warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ResourceWarning)
        yield
        gc.collect()
    assert [str(w.message) for w in caught if issubclass(w.category, ResourceWarning)] == []
    assert [record.getMessage() for record in caplog.records if record.name == "asyncio"] == []


@pytest.mark.parametrize("transport", ["httpx", "aiohttp"])
def test_one_async_client_serves_several_event_loops_and_each_pool_closes_with_its_loop(
    transport: str, raw_server: Start, caplog: pytest.LogCaptureFixture
) -> None:
    server, client = answering(raw_server, transport)
    with nothing_left_unclosed(caplog), collector_off():
        for run in range(3):
            details = asyncio.run(get_session_details.asyncio(ACCOUNT, APP, f"run-{run}", client=client))
            assert details.data.id == f"run-{run}"
            # Closed as asyncio.run ended the loop, not whenever the collector (off here) would come by.
            assert server.wait_for_closed(run + 1), f"run {run}: its connection is still open"


@pytest.mark.parametrize("transport", ["httpx", "aiohttp"])
def test_event_loops_running_at_once_in_threads_keep_a_pool_each(
    transport: str, raw_server: Start, caplog: pytest.LogCaptureFixture
) -> None:
    # A thread pool whose workers each run asyncio.run, one client shared: each loop keeps its own pool for all
    # its calls, rather than each call building one anew because another thread's loop asked last.
    server, client = answering(raw_server, transport)
    loops, rounds = 4, 5
    together = threading.Barrier(loops, timeout=10)
    results: dict[int, list[str]] = {}

    def worker(number: int) -> None:
        async def calls() -> list[str]:
            ids = []
            for turn in range(rounds):
                together.wait()  # every loop makes its next call at the same time as the others
                details = await get_session_details.asyncio(ACCOUNT, APP, f"t{number}-{turn}", client=client)
                ids.append(details.data.id)
            return ids

        results[number] = asyncio.run(calls())

    with nothing_left_unclosed(caplog):
        threads = [threading.Thread(target=worker, args=(number,)) for number in range(loops)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
        assert results == {n: [f"t{n}-{turn}" for turn in range(rounds)] for n in range(loops)}
        assert server.connections == loops  # one connection a loop, kept for all its calls
        assert server.wait_for_closed(loops)  # and each closed as its loop ended


@pytest.mark.parametrize("closed", [True, False])
def test_a_loop_left_without_shutting_down_is_not_held_by_the_client(closed: bool, raw_server: Start) -> None:
    # A loop closed without shutdown_asyncgens(), or dropped unclosed: its pool was never closed, and is let go
    # once another loop builds its own, rather than held, and the loop with it, for the client's lifetime.
    server = raw_server(lambda path, connection: connection.sendall(session_answer(path)))
    client = AuthenticatedClient(token=TOKEN, base_url=server.base_url, max_retries=0)
    loop = asyncio.new_event_loop()
    assert loop.run_until_complete(get_session_details.asyncio(ACCOUNT, APP, "a", client=client)).data.id == "a"
    if closed:
        loop.close()
    left = weakref.ref(loop)
    del loop
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)  # the unclosed loops' own, as the collector takes them
        # A closed loop's pool goes as soon as another loop builds one; an unclosed one (it might be run again)
        # once IDLE_LOOPS loops not running have come after it.
        for number in range(1 if closed else IDLE_LOOPS + 1):
            other = asyncio.new_event_loop()
            assert other.run_until_complete(get_session_details.asyncio(ACCOUNT, APP, "b", client=client)).data.id
            del other
        gc.collect()
    assert left() is None


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="counts this process's file descriptors in /proc")
def test_loops_dropped_unclosed_one_after_another_leak_no_descriptors(raw_server: Start) -> None:
    server = raw_server(lambda path, connection: connection.sendall(session_answer(path)))
    client = AuthenticatedClient(token=TOKEN, base_url=server.base_url, max_retries=0)
    gc.collect()
    before = len(os.listdir("/proc/self/fd"))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        for number in range(30):
            loop = asyncio.new_event_loop()
            loop.run_until_complete(get_session_details.asyncio(ACCOUNT, APP, f"s{number}", client=client))
            del loop
        gc.collect()
    # The IDLE_LOOPS most recent loops' at most (a selector, a self-pipe, a pool's connection and the server's end
    # of it, the server being in this process: 5 a loop), not all 30 held for ever. The server's threads close
    # their ends of the connections the collector closed a moment later: waited for, a little.
    most = 5 * (IDLE_LOOPS + 1)  # and the last one's
    deadline = time.monotonic() + 5
    while len(os.listdir("/proc/self/fd")) - before > most and time.monotonic() < deadline:
        time.sleep(0.01)
    assert len(os.listdir("/proc/self/fd")) - before <= most


@pytest.mark.parametrize("transport", ["httpx", "aiohttp"])
def test_a_runner_between_its_runs_keeps_its_pool_while_other_loops_come_and_go(
    transport: str, raw_server: Start, caplog: pytest.LogCaptureFixture
) -> None:
    # An asyncio.Runner's loop is not running between two runs, like a loop dropped unclosed: its pool is kept
    # (and closed when the Runner closes), not let go to the collector when another loop builds one.
    server, client = answering(raw_server, transport)
    with nothing_left_unclosed(caplog), asyncio.Runner() as runner:
        assert runner.run(get_session_details.asyncio(ACCOUNT, APP, "r1", client=client)).data.id == "r1"
        assert asyncio.run(get_session_details.asyncio(ACCOUNT, APP, "other", client=client)).data.id == "other"
        assert runner.run(get_session_details.asyncio(ACCOUNT, APP, "r2", client=client)).data.id == "r2"
    assert server.connections == 2  # the Runner's one, kept across the other loop's, and the other's


def header_of(head: bytes, name: str) -> str | None:
    for line in head.split(b"\r\n")[1:]:
        key, _, value = line.partition(b":")
        if key.strip().lower() == name.encode():
            return value.strip().decode()
    return None


@pytest.mark.parametrize("use_async", [False, True, "aiohttp"])
def test_copies_send_through_the_originals_pool_with_their_own_headers(use_async: bool | str, raw_server: Start) -> None:
    # A copy made for each call (a request ID to trace it by) opened a pool, and a connection, of its own, left
    # to the collector; copies now send through the original's pool, their headers on each request.
    server = raw_server(lambda path, connection: connection.sendall(session_answer(path)))
    transport = {"async_transport": "aiohttp"} if use_async == "aiohttp" else {}
    client = AuthenticatedClient(token=TOKEN, base_url=server.base_url, max_retries=0, **transport)
    copies = [client.with_headers({"X-Request-Id": f"r{n}"}) for n in range(5)]
    copies.append(copies[0].with_timeout(7.0))  # a copy of a copy: its headers too, the original's pool still
    callers = [client, *copies, client]

    async def each_async() -> list[str]:
        got = []
        for number, caller in enumerate(callers):
            got.append((await get_session_details.asyncio(ACCOUNT, APP, f"s{number}", client=caller)).data.id)
        async with copies[1]:  # closing a copy leaves the original's pool open
            await get_session_details.asyncio(ACCOUNT, APP, "in-with", client=copies[1])
        got.append((await get_session_details.asyncio(ACCOUNT, APP, "after", client=client)).data.id)
        await client.aclose()
        return got

    if use_async:
        ids = asyncio.run(each_async())
    else:
        ids = [get_session_details.sync(ACCOUNT, APP, f"s{n}", client=caller).data.id for n, caller in enumerate(callers)]
        with copies[1]:
            get_session_details.sync(ACCOUNT, APP, "in-with", client=copies[1])
        ids.append(get_session_details.sync(ACCOUNT, APP, "after", client=client).data.id)
        client.close()
    assert ids == [f"s{n}" for n in range(len(callers))] + ["after"]
    assert server.connections == 1
    request_ids = [header_of(head, "x-request-id") for head in server.heads]
    assert request_ids == [None, "r0", "r1", "r2", "r3", "r4", "r0", None, "r1", None]
    assert {header_of(head, "authorization") for head in server.heads} == {f"Bearer {TOKEN}"}


@pytest.mark.parametrize("use_async", [False, True])
def test_a_copy_of_a_copy_given_an_httpx_client_sends_through_that_client(use_async: bool) -> None:
    # The copy took the middle copy's base URL (its given client's) but the first client's pool: a request for the
    # given client's host, with the token, went out through a pool that was never meant to reach it (found by
    # reviewing copies of copies after set_httpx_client).
    sent: dict[str, list[httpx.Request]] = {"first": [], "given": []}

    def answer(name: str) -> Callable[[httpx.Request], httpx.Response]:
        def handle(request: httpx.Request) -> httpx.Response:
            sent[name].append(request)
            return httpx.Response(200, content=session_answer(request.url.path).partition(b"\r\n\r\n")[2])

        return handle

    first = AuthenticatedClient(
        token=TOKEN, base_url="https://api.example.com/client/v4", httpx_args={"transport": httpx.MockTransport(answer("first"))}
    )
    middle = first.with_headers({"X-Middle": "m"})
    given_args: dict[str, Any] = {"base_url": "https://given.example/v4", "transport": httpx.MockTransport(answer("given"))}
    if use_async:
        middle.set_async_httpx_client(httpx.AsyncClient(**given_args))
    else:
        middle.set_httpx_client(httpx.Client(**given_args))
    copy = middle.with_headers({"X-Copy": "c"})
    if use_async:
        asyncio.run(get_session_details.asyncio(ACCOUNT, APP, "s", client=copy))
    else:
        get_session_details.sync(ACCOUNT, APP, "s", client=copy)
    assert sent["first"] == []
    assert [request.url.host for request in sent["given"]] == ["given.example"]
    assert sent["given"][0].headers["x-copy"] == "c"


def test_a_copy_of_a_client_given_an_httpx_client_adds_only_its_own_headers() -> None:
    # The given client is the caller's, with its own credentials: a copy sends through it what the original
    # sends (the given client's headers), plus what the copy added, not this client's token as well.
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return json_response(200, OK)

    given = httpx.Client(
        base_url="https://given.example.com/client/v4",
        headers={"Authorization": "Bearer the-callers-own-credential", "User-Agent": "callers-agent"},
        transport=httpx.MockTransport(answer),
    )
    original = AuthenticatedClient(token=TOKEN, base_url=BASE).set_httpx_client(given)
    copy = original.with_headers({"X-Request-Id": "r1"}).with_headers({"User-Agent": "copys-agent"})
    get_sessions.sync(ACCOUNT, APP, client=original)
    get_sessions.sync(ACCOUNT, APP, client=copy)
    assert [request.url.host for request in seen] == ["given.example.com"] * 2
    assert [request.headers["authorization"] for request in seen] == ["Bearer the-callers-own-credential"] * 2
    assert [request.headers.get("x-request-id") for request in seen] == [None, "r1"]
    assert [request.headers.get_list("user-agent") for request in seen] == [["callers-agent"], ["copys-agent"]]


@pytest.mark.parametrize("use_async", [False, True])
def test_a_copys_authorization_header_gives_way_to_the_token_as_a_clients_does(use_async: bool) -> None:
    # A client made with headers={"Authorization": ...} sends its token; so does a copy given that header by
    # with_headers, as copies did before they sent through the original's pool.
    client, script = scripted_client(*[json_response(200, OK)] * 2)
    made = AuthenticatedClient(
        token=TOKEN, base_url=BASE, headers={"Authorization": "Bearer other"},
        httpx_args={"transport": httpx.MockTransport(script)},
    )
    copy = client.with_headers({"Authorization": "Bearer other", "X-Request-Id": "r1"})
    for each in (made, copy):
        if use_async:
            asyncio.run(get_sessions.asyncio(ACCOUNT, APP, client=each))
        else:
            get_sessions.sync(ACCOUNT, APP, client=each)
    assert [request.headers.get_list("authorization") for request in script.requests] == [[f"Bearer {TOKEN}"]] * 2
    assert script.requests[1].headers["x-request-id"] == "r1"


@pytest.mark.parametrize("use_async", [False, True])
def test_a_copy_made_before_its_original_is_given_an_httpx_client_sends_to_that_clients_base_url(
    use_async: bool,
) -> None:
    # The copy sends through the given client, with that client's credentials: to its base URL, as the
    # original does, not to the base URL the original had when the copy was made.
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return json_response(200, OK)

    original = AuthenticatedClient(token=TOKEN, base_url=BASE)
    copy = original.with_headers({"X-Request-Id": "r1"})
    given_settings: dict[str, Any] = {
        "base_url": "https://given.example.com/client/v4",
        "headers": {"Authorization": "Bearer the-callers-own-credential"},
        "transport": httpx.MockTransport(answer),
    }
    if use_async:
        original.set_async_httpx_client(httpx.AsyncClient(**given_settings))
        asyncio.run(get_sessions.asyncio(ACCOUNT, APP, client=original))
        asyncio.run(get_sessions.asyncio(ACCOUNT, APP, client=copy))
    else:
        original.set_httpx_client(httpx.Client(**given_settings))
        get_sessions.sync(ACCOUNT, APP, client=original)
        get_sessions.sync(ACCOUNT, APP, client=copy)
    assert [request.url.host for request in seen] == ["given.example.com"] * 2
    assert [request.headers.get("x-request-id") for request in seen] == [None, "r1"]


@pytest.mark.parametrize("use_async", [False, True])
def test_with_timeout_holds_on_a_given_httpx_client_even_at_the_originals_own_timeout(use_async: bool) -> None:
    # The given client has its own timeout (3 s); the client's own (60 s) is not what its requests get, so a copy
    # asked for exactly that timeout must still put it on its requests, and copies of that copy too.
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return json_response(200, OK)

    original = AuthenticatedClient(token=TOKEN, base_url=BASE, timeout=60.0)
    given_settings: dict[str, Any] = {"base_url": BASE, "timeout": 3.0, "transport": httpx.MockTransport(answer)}
    if use_async:
        original.set_async_httpx_client(httpx.AsyncClient(**given_settings))
    else:
        original.set_httpx_client(httpx.Client(**given_settings))
    longer = original.with_timeout(60.0)
    for client in (original, longer, longer.with_headers({"X-Request-Id": "r1"}), original.with_headers({})):
        if use_async:
            asyncio.run(get_sessions.asyncio(ACCOUNT, APP, client=client))
        else:
            get_sessions.sync(ACCOUNT, APP, client=client)
    assert [request.extensions["timeout"]["read"] for request in seen] == [3.0, 60.0, 60.0, 3.0]


def test_copies_made_for_each_call_keep_a_bounded_number_of_requests_built() -> None:
    from realtimekit_sessions import _transport

    client, script = scripted_client(*[json_response(200, OK)] * 200)
    for number in range(200):
        get_sessions.sync(ACCOUNT, APP, client=client.with_headers({"X-Request-Id": f"r{number}"}))
    assert [request.headers["x-request-id"] for request in script.requests] == [f"r{n}" for n in range(200)]
    assert 0 < len(_transport._built[client.get_httpx_client()]) <= _transport.KEPT_REQUESTS


@pytest.mark.parametrize("use_async", [False, True])
def test_a_copys_timeout_holds_on_the_originals_pool(use_async: bool, raw_server: Start) -> None:
    stalled = threading.Event()

    def stall(path: str, connection: socket.socket) -> None:
        stalled.wait(timeout=5)  # answers nothing until the test ends

    server = raw_server(stall)
    client = AuthenticatedClient(token=TOKEN, base_url=server.base_url, max_retries=0, timeout=30.0)
    hasty = client.with_timeout(0.5)
    started = time.monotonic()
    try:
        with pytest.raises(errors.APITimeoutError):
            if use_async:
                asyncio.run(get_session_details.asyncio(ACCOUNT, APP, "s", client=hasty))
            else:
                get_session_details.sync(ACCOUNT, APP, "s", client=hasty)
        assert time.monotonic() - started < 3
    finally:
        stalled.set()


def test_a_closed_client_builds_a_fresh_pool_and_with_works_twice() -> None:
    client, script = scripted_client(lambda request: json_response(200, OK))
    with client:
        get_sessions.sync(ACCOUNT, APP, client=client)
    get_sessions.sync(ACCOUNT, APP, client=client)  # after the with block
    client.close()
    get_sessions.sync(ACCOUNT, APP, client=client)  # after close()
    with client:
        get_sessions.sync(ACCOUNT, APP, client=client)
    assert len(script.requests) == 4

    async def twice() -> None:
        async with client:
            await get_sessions.asyncio(ACCOUNT, APP, client=client)
        async with client:
            await get_sessions.asyncio(ACCOUNT, APP, client=client)

    asyncio.run(twice())
    assert len(script.requests) == 6


@pytest.mark.parametrize(
    "base_url",
    [
        "https://api.example.com/client/v4#x",
        "https://api.example.com/client/v4?x=1",
        " https://api.example.com",
        "https://api.example.com\n",
    ],
)
def test_a_base_url_with_a_query_fragment_or_whitespace_is_refused(base_url: str) -> None:
    with pytest.raises(errors.ConfigurationError, match="base_url"):
        AuthenticatedClient(token=TOKEN, base_url=base_url)


def test_a_naive_datetime_is_sent_as_utc_with_its_offset() -> None:
    client, script = scripted_client(json_response(200, OK))
    get_sessions.sync(ACCOUNT, APP, client=client, start_time=datetime.datetime(2025, 3, 14, 9, 0))
    assert script.requests[0].url.params["start_time"] == "2025-03-14T09:00:00+00:00"
    aware = datetime.datetime(2025, 3, 14, 9, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=2)))
    get_sessions.sync(ACCOUNT, APP, client=client, start_time=aware)
    assert script.requests[1].url.params["start_time"] == "2025-03-14T09:00:00+02:00"


def test_session_details_path_ids_keep_to_the_spec() -> None:
    client, script = scripted_client(json_response(200, OK))
    with pytest.raises(errors.InvalidParameterError, match="at most 32"):
        get_session_details.sync("a" * 33, APP, SESSION, client=client)
    assert script.requests == []
