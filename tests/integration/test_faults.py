"""Faults from a real HTTP server on 127.0.0.1: refused, reset, stalled, rate limited, flapping, the edge's 520.

Each test asserts the retries (requests the server saw), the exception type, the time spent against a budget
computed from the client's backoff constants (shrunk by the fast_retries fixture), and that nothing leaks:
the httpx pool is empty after close() and the server sees every connection closed. Sync and async alike.
"""

from __future__ import annotations

import asyncio
import email.utils
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from realtimekit_sessions import errors
from realtimekit_tools import mock_server
from realtimekit_tools.testing.fault_server import (
    FaultServer,
    HangUp,
    ResetMidBody,
    Respond,
    Script,
    Stall,
    refused_port,
)
from suite_support import make_client, operation_module, path_arguments, report, success_model

# Scheduling noise allowed on top of a budget: a loaded 2-core CI machine can stall a thread this long.
SLACK = 3.0
HTML_520 = "<!DOCTYPE html><html><head><title>520: Web server is returning an unknown error</title></head></html>"
# "aiohttp": async calls with async_transport="aiohttp" (the [aiohttp] extra), held to the same assertions.
MODES: list[bool | str] = [False, True, "aiohttp"]
MODE_IDS = ["sync", "async", "aiohttp"]
SUCCESS_BODIES = mock_server.success_bodies()


class CountingTransport(httpx.HTTPTransport):
    """httpx's own transport, counting the attempts that never reach a server (connection refused)."""

    attempts = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.attempts += 1
        return super().handle_request(request)


class AsyncCountingTransport(httpx.AsyncHTTPTransport):
    attempts = 0

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.attempts += 1
        return await super().handle_async_request(request)


@dataclass
class Outcome:
    result: Any
    error: BaseException | None
    elapsed: float
    attempts: int
    pooled_after_close: int


def mode_name(use_async: bool | str) -> str:
    return MODE_IDS[MODES.index(use_async)]


def _aiohttp_counting(client: Any) -> Any:
    """The aiohttp transport the client builds for this event loop, counting its attempts as the others do."""
    transport = client.get_async_httpx_client()._transport
    transport.attempts = 0
    handle = transport.handle_async_request

    async def counted(request: httpx.Request) -> httpx.Response:
        transport.attempts += 1
        return await handle(request)

    transport.handle_async_request = counted
    return transport


def _pooled(transport: Any) -> int:
    if isinstance(transport, httpx.HTTPTransport | httpx.AsyncHTTPTransport):
        return len(transport._pool.connections)
    session = transport.client  # aiohttp's: closed with the client, or never made
    return 0 if session is None or session.closed else len(session.connector._conns)


def invoke(
    base_url: str, *, use_async: bool | str, operation_id: str = "get_session_details", **client_args: Any
) -> Outcome:
    """One call through a fresh client with a real transport; the client is closed before returning."""
    transport: Any = None
    if use_async == "aiohttp":
        client = make_client(base_url=base_url, async_transport="aiohttp", **client_args)
    else:
        transport = AsyncCountingTransport() if use_async else CountingTransport()
        client = make_client(transport, base_url=base_url, **client_args)
    module = operation_module(operation_id)
    arguments = path_arguments(operation_id)
    result: Any = None
    error: BaseException | None = None
    started = time.monotonic()
    if use_async:

        async def run() -> Any:
            nonlocal transport
            if transport is None:
                transport = _aiohttp_counting(client)
            try:
                return await module.asyncio(*arguments, client=client)
            finally:
                await client.aclose()

        try:
            result = asyncio.run(run())
        except Exception as exc:  # noqa: BLE001 - the tests assert on exactly which
            error = exc
    else:
        try:
            result = module.sync(*arguments, client=client)
        except Exception as exc:  # noqa: BLE001
            error = exc
        finally:
            client.close()
    elapsed = time.monotonic() - started
    pooled = _pooled(transport)
    return Outcome(result, error, elapsed, transport.attempts, pooled)


def backoff_budget(retries: int, delays: dict[str, float]) -> tuple[float, float]:
    """(least, most) seconds the client's backoff sleeps over `retries` retries: each delay is
    min(INITIAL * 2**(n-1), MAX), shortened by up to a quarter of itself at random."""
    full = [min(delays["INITIAL_RETRY_DELAY"] * 2 ** (n - 1), delays["MAX_RETRY_DELAY"]) for n in range(1, retries + 1)]
    return 0.75 * sum(full), sum(full)


def check_no_leak(outcome: Outcome, server: FaultServer | None) -> None:
    assert outcome.pooled_after_close == 0, "connections left in the httpx pool after close()"
    if server is not None:
        assert server.wait_until_all_closed() == 0, "the server still holds connections the client left open"


def record(name: str, outcome: Outcome, requests: int) -> None:
    kind = type(outcome.error).__name__ if outcome.error else "success"
    report("faults survived", f"{name:<62} -> {kind:<20} {requests} attempt(s), {outcome.elapsed:.2f} s")


def valid_answer(operation_id: str = "get_session_details") -> Respond:
    return Respond(200, SUCCESS_BODIES[operation_id])


# ---- no answer at all ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("use_async", MODES, ids=MODE_IDS)
@pytest.mark.parametrize("operation_id", ["get_session_details", "generate_summary_of_transcripts"])
def test_connection_refused_is_retried_then_raised(
    use_async: bool | str, operation_id: str, fast_retries: dict[str, float]
) -> None:
    retries = 3
    port = refused_port()
    outcome = invoke(f"http://127.0.0.1:{port}", use_async=use_async, operation_id=operation_id, max_retries=retries)
    assert type(outcome.error) is errors.APIConnectionError, outcome.error
    assert "ConnectError" in str(outcome.error)
    # The message names the server that was not there, port included (a mock not started, a wrong base URL).
    assert f" on {'POST' if operation_id.startswith('generate') else 'GET'} 127.0.0.1:{port}/" in str(outcome.error)
    # Refused means never sent, so even the POST is tried again.
    assert outcome.attempts == 1 + retries
    least, most = backoff_budget(retries, fast_retries)
    assert least <= outcome.elapsed <= most + SLACK
    check_no_leak(outcome, None)
    record(f"connection refused ({operation_id}, {mode_name(use_async)})", outcome, outcome.attempts)


@pytest.mark.parametrize("use_async", MODES, ids=MODE_IDS)
def test_reset_mid_body_is_retried_then_raised(
    use_async: bool | str, fast_retries: dict[str, float], start_server: Callable[[Script], FaultServer]
) -> None:
    server = start_server([ResetMidBody()])
    outcome = invoke(server.base_url, use_async=use_async, max_retries=2)
    assert type(outcome.error) is errors.APIConnectionError, outcome.error
    assert server.request_count == 3
    least, most = backoff_budget(2, fast_retries)
    assert least <= outcome.elapsed <= most + SLACK
    check_no_leak(outcome, server)
    record(f"reset mid-body, every time ({mode_name(use_async)})", outcome, server.request_count)


@pytest.mark.parametrize("use_async", MODES, ids=MODE_IDS)
def test_reset_mid_body_then_an_answer_succeeds(
    use_async: bool | str, fast_retries: dict[str, float], start_server: Callable[[Script], FaultServer]
) -> None:
    server = start_server([ResetMidBody(), HangUp(), valid_answer()])
    outcome = invoke(server.base_url, use_async=use_async, max_retries=2)
    assert outcome.error is None, outcome.error
    assert type(outcome.result) is success_model("get_session_details")
    assert server.request_count == 3
    # Each request the server saw was one of the client's own attempts, waited for and counted in its budget:
    # none was sent again by the transport underneath (aiohttp resends an idempotent request that was hung up on).
    assert outcome.attempts == 3
    # A reset connection is not put back in the pool: each attempt needed a new one.
    assert server.connections_accepted == 3
    check_no_leak(outcome, server)
    record(f"reset, hang-up, then 200 ({mode_name(use_async)})", outcome, server.request_count)


@pytest.mark.parametrize("use_async", MODES, ids=MODE_IDS)
def test_reset_mid_body_is_not_retried_for_the_post(
    use_async: bool | str, fast_retries: dict[str, float], start_server: Callable[[Script], FaultServer]
) -> None:
    # The request reached the server, which may have started the summary: trying again could start it twice.
    server = start_server([ResetMidBody(), valid_answer("generate_summary_of_transcripts")])
    outcome = invoke(
        server.base_url, use_async=use_async, operation_id="generate_summary_of_transcripts", max_retries=3
    )
    assert type(outcome.error) is errors.APIConnectionError, outcome.error
    assert server.request_count == 1
    check_no_leak(outcome, server)


@pytest.mark.parametrize("use_async", MODES, ids=MODE_IDS)
def test_a_stalled_server_times_out_within_the_budget(
    use_async: bool | str, fast_retries: dict[str, float], start_server: Callable[[Script], FaultServer]
) -> None:
    timeout, retries = 0.3, 2
    server = start_server([Stall(seconds=10)])
    outcome = invoke(server.base_url, use_async=use_async, max_retries=retries, timeout=timeout)
    assert type(outcome.error) is errors.APITimeoutError, outcome.error
    # Sync (httpx's timeout) and async (the whole-answer budget) both say which server did not answer.
    assert f" on GET {server.base_url.removeprefix('http://')}/" in str(outcome.error), outcome.error
    assert server.request_count == 1 + retries
    least, most = backoff_budget(retries, fast_retries)
    attempts = 1 + retries
    assert attempts * timeout + least <= outcome.elapsed <= attempts * timeout + most + SLACK
    # The client hung up on each stalled connection: the server saw all of them close, long before 10 s.
    check_no_leak(outcome, server)
    record(f"stall past a {timeout} s timeout ({mode_name(use_async)})", outcome, server.request_count)


@pytest.mark.parametrize("use_async", MODES, ids=MODE_IDS)
def test_a_stall_is_not_retried_for_the_post(
    use_async: bool | str, fast_retries: dict[str, float], start_server: Callable[[Script], FaultServer]
) -> None:
    server = start_server([Stall(seconds=10)])
    outcome = invoke(
        server.base_url,
        use_async=use_async,
        operation_id="generate_summary_of_transcripts",
        max_retries=3,
        timeout=0.3,
    )
    assert type(outcome.error) is errors.APITimeoutError, outcome.error
    assert server.request_count == 1
    check_no_leak(outcome, server)


# ---- answers that say "later" ----------------------------------------------------------------------------------


@pytest.mark.parametrize("use_async", MODES, ids=MODE_IDS)
def test_a_429_storm_without_retry_after_backs_off_then_raises(
    use_async: bool | str, fast_retries: dict[str, float], start_server: Callable[[Script], FaultServer]
) -> None:
    retries = 4
    server = start_server([Respond(429, {"success": False, "error": {"code": 429, "message": "Too many requests"}})])
    outcome = invoke(server.base_url, use_async=use_async, max_retries=retries)
    assert type(outcome.error) is errors.RateLimitError, outcome.error
    assert outcome.error.retry_after is None
    assert server.request_count == 1 + retries
    least, most = backoff_budget(retries, fast_retries)
    assert least <= outcome.elapsed <= most + SLACK
    # Kept-alive: a 429 with a body read to the end leaves the connection reusable.
    assert server.connections_accepted == 1
    check_no_leak(outcome, server)
    record(f"429 storm, no Retry-After ({mode_name(use_async)})", outcome, server.request_count)


@pytest.mark.parametrize("use_async", MODES, ids=MODE_IDS)
def test_a_429_storm_with_retry_after_waits_as_told(
    use_async: bool | str, fast_retries: dict[str, float], start_server: Callable[[Script], FaultServer]
) -> None:
    wait, retries = 0.25, 2
    server = start_server([Respond(429, b"", {"Retry-After": str(wait)})])
    outcome = invoke(server.base_url, use_async=use_async, max_retries=retries)
    assert type(outcome.error) is errors.RateLimitError, outcome.error
    assert outcome.error.retry_after == wait
    assert server.request_count == 1 + retries
    # Retry-After replaces the backoff exactly, no jitter.
    assert retries * wait <= outcome.elapsed <= retries * wait + SLACK
    check_no_leak(outcome, server)
    record(f"429 storm, Retry-After {wait} s ({mode_name(use_async)})", outcome, server.request_count)


@pytest.mark.parametrize("use_async", MODES, ids=MODE_IDS)
def test_an_http_date_retry_after_beyond_the_cap_is_handed_to_the_caller(
    use_async: bool | str, fast_retries: dict[str, float], start_server: Callable[[Script], FaultServer]
) -> None:
    # An HTTP date has whole seconds: four seconds ahead means a wait of more than three when written, and of
    # more than two however long a loaded machine takes to get the answer to the client.
    when = email.utils.formatdate(time.time() + 4, usegmt=True)
    server = start_server([Respond(429, b"", {"Retry-After": when}), valid_answer()])
    outcome = invoke(server.base_url, use_async=use_async, max_retries=1)
    # fast_retries caps Retry-After at 1 s, so the date is too far: the caller hears at once.
    assert type(outcome.error) is errors.RateLimitError
    assert server.request_count == 1
    assert outcome.error.retry_after is not None and 2.0 <= outcome.error.retry_after <= 4.0
    check_no_leak(outcome, server)


@pytest.mark.parametrize("use_async", MODES, ids=MODE_IDS)
def test_an_http_date_retry_after_within_the_cap_is_waited_for(
    use_async: bool | str,
    fast_retries: dict[str, float],
    start_server: Callable[[Script], FaultServer],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from realtimekit_sessions import _transport as client

    monkeypatch.setattr(client, "MAX_RETRY_AFTER", 5.0)
    # Whole seconds again: three ahead is a wait of two to three seconds, whatever the fraction is now.
    when = email.utils.formatdate(time.time() + 3, usegmt=True)
    server = start_server([Respond(429, b"", {"Retry-After": when}), valid_answer()])
    outcome = invoke(server.base_url, use_async=use_async, max_retries=1)
    assert outcome.error is None, outcome.error
    assert server.request_count == 2
    assert 1.5 <= outcome.elapsed <= 3.0 + SLACK
    check_no_leak(outcome, server)


@pytest.mark.parametrize("use_async", MODES, ids=MODE_IDS)
def test_a_retry_after_beyond_the_cap_is_handed_to_the_caller(
    use_async: bool | str, fast_retries: dict[str, float], start_server: Callable[[Script], FaultServer]
) -> None:
    server = start_server([Respond(429, b"", {"Retry-After": "30"}), valid_answer()])
    outcome = invoke(server.base_url, use_async=use_async, max_retries=3)
    assert type(outcome.error) is errors.RateLimitError
    assert outcome.error.retry_after == 30.0
    assert server.request_count == 1
    assert outcome.elapsed <= SLACK  # it did not sleep the 30 s
    check_no_leak(outcome, server)


@pytest.mark.parametrize("use_async", MODES, ids=MODE_IDS)
def test_a_429_is_retried_for_the_post(
    use_async: bool | str, fast_retries: dict[str, float], start_server: Callable[[Script], FaultServer]
) -> None:
    server = start_server([Respond(429, b""), valid_answer("generate_summary_of_transcripts")])
    outcome = invoke(server.base_url, use_async=use_async, operation_id="generate_summary_of_transcripts")
    assert outcome.error is None, outcome.error
    assert server.request_count == 2
    check_no_leak(outcome, server)


# ---- server errors -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("use_async", MODES, ids=MODE_IDS)
def test_5xx_that_flaps_then_recovers_succeeds(
    use_async: bool | str, fast_retries: dict[str, float], start_server: Callable[[Script], FaultServer]
) -> None:
    flaps = [Respond(503, b""), Respond(502, HTML_520), Respond(500, {"success": False, "error": {"code": 500}})]
    server = start_server([*flaps, valid_answer()])
    outcome = invoke(server.base_url, use_async=use_async, max_retries=3)
    assert outcome.error is None, outcome.error
    assert type(outcome.result) is success_model("get_session_details")
    assert server.request_count == 4
    least, most = backoff_budget(3, fast_retries)
    assert least <= outcome.elapsed <= most + SLACK
    check_no_leak(outcome, server)
    record(f"503, 502, 500 then 200 ({mode_name(use_async)})", outcome, server.request_count)


@pytest.mark.parametrize("use_async", MODES, ids=MODE_IDS)
def test_5xx_longer_than_the_retries_raises_the_last_one(
    use_async: bool | str, fast_retries: dict[str, float], start_server: Callable[[Script], FaultServer]
) -> None:
    server = start_server([Respond(503, b""), Respond(502, b""), Respond(504, b""), valid_answer()])
    outcome = invoke(server.base_url, use_async=use_async)  # the default: 2 retries
    assert type(outcome.error) is errors.InternalServerError, outcome.error
    assert outcome.error.status_code == 504
    assert server.request_count == 3
    check_no_leak(outcome, server)


@pytest.mark.parametrize("use_async", MODES, ids=MODE_IDS)
def test_520_from_the_edge_is_an_internal_server_error_without_a_body(
    use_async: bool | str, fast_retries: dict[str, float], start_server: Callable[[Script], FaultServer]
) -> None:
    server = start_server([Respond(520, HTML_520, {"cf-ray": "8c1f0e2d3a4b5c6d-SJC"})])
    outcome = invoke(server.base_url, use_async=use_async, max_retries=2)
    error = outcome.error
    assert type(error) is errors.InternalServerError, error
    assert error.status_code == 520 and error.body is None
    assert error.ray_id == "8c1f0e2d3a4b5c6d-SJC"
    assert "520" in str(error) and "text/html" in str(error) and "<html" not in str(error)
    assert server.request_count == 3
    check_no_leak(outcome, server)
    record(f"520 HTML from the edge ({mode_name(use_async)})", outcome, server.request_count)


@pytest.mark.parametrize("use_async", MODES, ids=MODE_IDS)
def test_5xx_is_not_retried_for_the_post(
    use_async: bool | str, fast_retries: dict[str, float], start_server: Callable[[Script], FaultServer]
) -> None:
    server = start_server([Respond(520, HTML_520), valid_answer("generate_summary_of_transcripts")])
    outcome = invoke(server.base_url, use_async=use_async, operation_id="generate_summary_of_transcripts")
    assert type(outcome.error) is errors.InternalServerError
    assert server.request_count == 1
    check_no_leak(outcome, server)


@pytest.mark.parametrize("use_async", MODES, ids=MODE_IDS)
@pytest.mark.parametrize("status", [400, 401, 403, 404, 422])
def test_client_errors_are_not_retried(
    use_async: bool | str, status: int, fast_retries: dict[str, float], start_server: Callable[[Script], FaultServer]
) -> None:
    server = start_server([Respond(status, {"success": False, "error": {"code": status, "message": "no"}})])
    outcome = invoke(server.base_url, use_async=use_async, max_retries=3)
    assert isinstance(outcome.error, errors.APIStatusError) and outcome.error.status_code == status
    assert server.request_count == 1
    check_no_leak(outcome, server)


@pytest.mark.parametrize("use_async", MODES, ids=MODE_IDS)
def test_every_fault_in_one_call_then_success(
    use_async: bool | str, fast_retries: dict[str, float], start_server: Callable[[Script], FaultServer]
) -> None:
    script = [HangUp(), ResetMidBody(), Respond(429, b"", {"Retry-After": "0"}), Respond(520, HTML_520)]
    server = start_server([*script, valid_answer()])
    outcome = invoke(server.base_url, use_async=use_async, max_retries=4, timeout=5)
    assert outcome.error is None, outcome.error
    assert server.request_count == 5
    check_no_leak(outcome, server)
    record(f"hang-up, reset, 429, 520, then 200 ({mode_name(use_async)})", outcome, server.request_count)


# ---- the wait before a retry, shown by the program --------------------------------------------------------------


@pytest.mark.parametrize("use_async", MODES, ids=MODE_IDS)
def test_every_wait_goes_through_the_clients_sleep_hook(
    use_async: bool | str,
    fast_retries: dict[str, float],
    start_server: Callable[[Script], FaultServer],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # retry_sleep for sync calls, async_retry_sleep (awaited) for async ones on either transport: each wait is
    # the hook's, with the error that caused it; the built-in waits are never used, nor the other path's hook.
    from realtimekit_sessions import _transport

    def no_default(*args: object) -> None:
        raise AssertionError("the built-in wait was used instead of the client's hook")

    monkeypatch.setattr(_transport, "_sleep", no_default)
    monkeypatch.setattr(_transport, "_async_sleep", no_default)
    waits: list[tuple[str, float, type[BaseException]]] = []

    def sync_hook(seconds: float, error: BaseException) -> None:
        waits.append(("sync", seconds, type(error)))

    async def async_hook(seconds: float, error: BaseException) -> None:
        await asyncio.sleep(0)  # really awaited: a coroutine never awaited would record nothing
        waits.append(("async", seconds, type(error)))

    busy = {"success": False, "error": {"code": 503, "message": "busy"}}
    server = start_server([Respond(429, b"", {"Retry-After": "30"}), Respond(503, busy), valid_answer()])
    outcome = invoke(
        server.base_url,
        use_async=use_async,
        max_retries=3,
        max_retry_after=600,  # 30 s is waited out (by the hook, which takes no time)
        retry_sleep=sync_hook,
        async_retry_sleep=async_hook,
    )
    assert outcome.error is None, outcome.error
    assert server.request_count == 3
    side = "async" if use_async else "sync"
    assert [(hook, kind) for hook, _, kind in waits] == [
        (side, errors.RateLimitError),
        (side, errors.InternalServerError),
    ]
    assert waits[0][1] == 30.0
    assert 0.75 * 2 * fast_retries["INITIAL_RETRY_DELAY"] <= waits[1][1] <= 2 * fast_retries["INITIAL_RETRY_DELAY"]
    check_no_leak(outcome, server)
