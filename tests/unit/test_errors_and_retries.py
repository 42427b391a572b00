"""Non-2xx answers raise one typed hierarchy; the retry policy retries what is worth retrying, no more."""

from __future__ import annotations

import email.utils
import time

import httpx
import pytest
from realtimekit_sessions import errors
from realtimekit_sessions._transport import MAX_RETRY_AFTER, MAX_RETRY_DELAY
from realtimekit_sessions.api.sessions import generate_summary_of_transcripts, get_session_chat

from .conftest import ACCOUNT, APP, CHAT_OK, SESSION, TOKEN, json_response

RTK_404 = {"success": False, "error": {"code": 404, "message": "Session not found"}}
CF_401 = {
    "success": False,
    "errors": [{"code": 10000, "message": "Authentication error"}],
    "messages": [],
    "result": None,
}
EDGE_PAGE = b"<!DOCTYPE html><html><head><title>520: Web server is returning an unknown error</title></head></html>"


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, errors.BadRequestError),
        (401, errors.AuthenticationError),
        (403, errors.PermissionDeniedError),
        (404, errors.NotFoundError),
        (409, errors.ConflictError),
        (422, errors.UnprocessableEntityError),
        (429, errors.RateLimitError),
        (500, errors.InternalServerError),
        (503, errors.InternalServerError),
        (418, errors.APIStatusError),
    ],
)
def test_each_status_family_has_its_exception(make_client, status: int, cls: type) -> None:
    client, _ = make_client(json_response(status, RTK_404), max_retries=0)
    with pytest.raises(cls) as caught:
        get_session_chat.sync(ACCOUNT, APP, SESSION, client=client)
    assert type(caught.value) is cls
    assert caught.value.status_code == status


@pytest.mark.parametrize("status", range(520, 528))
def test_cloudflare_edge_statuses_raise_server_errors_instead_of_crashing(make_client, status: int) -> None:
    page = httpx.Response(
        status, content=EDGE_PAGE, headers={"content-type": "text/html", "cf-ray": "8a1b2c3d4e5f6071-LIS"}
    )
    client, _ = make_client(page, max_retries=0)
    with pytest.raises(errors.InternalServerError) as caught:
        get_session_chat.sync(ACCOUNT, APP, SESSION, client=client)
    error = caught.value
    assert error.body is None and error.ray_id == "8a1b2c3d4e5f6071-LIS"
    assert str(error).startswith(f"{status} ") and "text/html body" in str(error)


def test_realtimekit_envelope_is_parsed_and_the_message_is_one_line(make_client) -> None:
    answer = json_response(404, RTK_404, {"cf-ray": "8a1b2c3d4e5f6071-AMS"})
    client, _ = make_client(answer, max_retries=0)
    with pytest.raises(errors.NotFoundError) as caught:
        get_session_chat.sync(ACCOUNT, APP, SESSION, client=client)
    error = caught.value
    assert error.body is not None and error.body.error.message == "Session not found"
    assert (error.error_code, error.error_message) == (404, "Session not found")
    assert str(error) == (
        f"404 Not Found from GET /client/v4/accounts/{ACCOUNT}/realtime/kit/{APP}/sessions/{SESSION}/chat: "
        "Session not found (code 404) [cf-ray 8a1b2c3d4e5f6071-AMS]"
    )
    assert "\n" not in str(error) and TOKEN not in str(error) and TOKEN not in repr(error)
    assert error.response.status_code == 404


def test_cloudflare_envelope_is_parsed(make_client) -> None:
    client, _ = make_client(json_response(401, CF_401), max_retries=0)
    with pytest.raises(errors.AuthenticationError) as caught:
        get_session_chat.sync(ACCOUNT, APP, SESSION, client=client)
    assert caught.value.body is not None and caught.value.body.errors[0].code == 10000
    assert caught.value.error_message == "Authentication error"


def test_detailed_calls_give_status_headers_and_raw_content(make_client) -> None:
    client, _ = make_client(json_response(200, CHAT_OK, {"cf-ray": "x-1"}))
    response = get_session_chat.sync_detailed(ACCOUNT, APP, SESSION, client=client)
    assert response.status_code == 200 and response.headers["cf-ray"] == "x-1"
    assert response.content.startswith(b'{"success"')
    assert response.parsed.data.chat_download_url.startswith("https://files.example.net/")


@pytest.mark.parametrize("status", [408, 409, 429, 500, 502, 503, 504, 520, 522])
def test_retryable_statuses_are_retried_with_backoff(make_client, waits, status: int) -> None:
    client, script = make_client(
        json_response(status, RTK_404), json_response(status, RTK_404), json_response(200, CHAT_OK)
    )
    result = get_session_chat.sync(ACCOUNT, APP, SESSION, client=client)
    assert result.data.chat_download_url
    assert len(script.requests) == 3
    # 0.5 s then 1 s, each shortened by at most a quarter of itself for jitter.
    assert 0.375 <= waits[0] <= 0.5 and 0.75 <= waits[1] <= 1.0


def test_retries_are_bounded_by_max_retries_per_client_and_per_call(make_client, waits) -> None:
    client, script = make_client(json_response(503, RTK_404), max_retries=4)
    with pytest.raises(errors.InternalServerError):
        get_session_chat.sync(ACCOUNT, APP, SESSION, client=client)
    assert len(script.requests) == 5
    assert all(wait <= MAX_RETRY_DELAY for wait in waits) and len(waits) == 4

    client, script = make_client(json_response(503, RTK_404))
    with pytest.raises(errors.InternalServerError):
        get_session_chat.sync(ACCOUNT, APP, SESSION, client=client, max_retries=0)
    assert len(script.requests) == 1


def test_retry_after_in_seconds_is_obeyed(make_client, waits) -> None:
    client, script = make_client(json_response(429, CF_401, {"retry-after": "7"}), json_response(200, CHAT_OK))
    get_session_chat.sync(ACCOUNT, APP, SESSION, client=client)
    assert waits == [7.0] and len(script.requests) == 2


def test_retry_after_as_an_http_date_is_obeyed(make_client, waits) -> None:
    when = email.utils.formatdate(time.time() + 12, usegmt=True)
    client, _ = make_client(json_response(503, RTK_404, {"retry-after": when}), json_response(200, CHAT_OK))
    get_session_chat.sync(ACCOUNT, APP, SESSION, client=client)
    assert 9.0 <= waits[0] <= 12.0


def test_retry_after_beyond_the_cap_is_handed_to_the_caller(make_client, waits) -> None:
    wait = str(int(MAX_RETRY_AFTER) + 240)
    client, script = make_client(json_response(429, CF_401, {"retry-after": wait}))
    with pytest.raises(errors.RateLimitError) as caught:
        get_session_chat.sync(ACCOUNT, APP, SESSION, client=client)
    assert caught.value.retry_after == float(wait)
    assert len(script.requests) == 1 and waits == []


def test_connection_errors_are_retried_then_raised_as_connection_errors(make_client, waits) -> None:
    client, script = make_client(httpx.ConnectError("refused"))
    with pytest.raises(errors.APIConnectionError) as caught:
        get_session_chat.sync(ACCOUNT, APP, SESSION, client=client)
    assert len(script.requests) == 3 and not isinstance(caught.value, errors.APITimeoutError)
    # The message names the host (and a port only when it is not the scheme's default).
    assert f" on GET {script.requests[0].url.host}/client/v4/accounts/" in str(caught.value)

    client, script = make_client(httpx.ReadTimeout("slow"), json_response(200, CHAT_OK))
    assert get_session_chat.sync(ACCOUNT, APP, SESSION, client=client).data
    client, script = make_client(httpx.ReadTimeout("slow"))
    with pytest.raises(errors.APITimeoutError):
        get_session_chat.sync(ACCOUNT, APP, SESSION, client=client, max_retries=1)
    assert len(script.requests) == 2


JOB = {"success": True, "data": {"session_id": SESSION, "status": "PENDING"}}


@pytest.mark.parametrize(
    ("failure", "retried"),
    [
        (httpx.ConnectError("refused"), True),  # never reached the server
        (json_response(429, CF_401), True),  # refused before any work
        (json_response(408, RTK_404), True),  # the server gave up waiting for the request
        (json_response(500, RTK_404), False),  # the summary may have been started
        (json_response(502, RTK_404), False),
        (httpx.ReadTimeout("slow"), False),  # the request may have arrived
    ],
)
def test_the_post_is_retried_only_when_it_surely_did_nothing(make_client, waits, failure, retried: bool) -> None:
    client, script = make_client(failure, json_response(200, JOB))
    if retried:
        result = generate_summary_of_transcripts.sync(ACCOUNT, APP, SESSION, client=client)
        assert result.data.status == "PENDING" and len(script.requests) == 2
    else:
        with pytest.raises(errors.APIError):
            generate_summary_of_transcripts.sync(ACCOUNT, APP, SESSION, client=client)
        assert len(script.requests) == 1


async def test_async_calls_share_errors_and_retries(make_client, monkeypatch: pytest.MonkeyPatch) -> None:
    slept: list[float] = []

    async def no_sleep(seconds: float) -> None:
        slept.append(seconds)

    monkeypatch.setattr("asyncio.sleep", no_sleep)
    client, script = make_client(json_response(503, RTK_404), json_response(200, CHAT_OK))
    result = await get_session_chat.asyncio(ACCOUNT, APP, SESSION, client=client)
    assert result.data.chat_download_url and len(script.requests) == 2 and len(slept) == 1

    client, _ = make_client(json_response(404, RTK_404))
    with pytest.raises(errors.NotFoundError):
        await get_session_chat.asyncio_detailed(ACCOUNT, APP, SESSION, client=client)


def test_a_token_too_short_to_be_told_from_words_is_not_masked_in_messages() -> None:
    # A message is cleaned of the request's token (a server may quote it back), but a credential of a few
    # characters would match ordinary words: a test's token "t" had made "Session no[token] found".
    real = "Zx9" + "a" * 37  # a Cloudflare API token is 40 characters
    quoted = f"Invalid request headers: Bearer {real}; session not found"
    request = httpx.Request("GET", "https://api.example.com/x", headers={"Authorization": f"Bearer {real}"})
    assert errors.without_token(quoted, request) == "Invalid request headers: Bearer [token]; session not found"
    short = httpx.Request("GET", "https://api.example.com/x", headers={"Authorization": "Bearer t"})
    assert errors.without_token("Session not found", short) == "Session not found"
    assert errors.without_token("Session not found", None) == "Session not found"
