"""The API token stays where it belongs: in the Authorization header to the API host, and nowhere else.

Not in httpx/httpcore debug logs, not in repr()/str() of a client, not in any exception's text or traceback,
not in a recording, not at a download host and not at another host after a redirect; and a plain-http base URL
to anywhere but this machine is refused before any token could travel over it.
"""

from __future__ import annotations

import asyncio
import datetime
import logging
import re
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from realtimekit_sessions import AuthenticatedClient, errors, models
from realtimekit_tools import mock_server
from realtimekit_tools import record as recorder
from realtimekit_tools.routes import route_table
from realtimekit_tools.testing.fault_server import (
    FaultServer,
    ResetMidBody,
    Respond,
    Script,
    SeenRequest,
    Stall,
    refused_port,
)
from realtimekit_tools.testing.transports import Canned
from suite_support import (
    ACCOUNT_ID,
    APP_ID,
    PATH_VALUES,
    TOKEN,
    make_client,
    operation_module,
    path_arguments,
    report,
)

SUCCESS_BODIES = mock_server.success_bodies()
BASE_PATH = "/client/v4"


def assert_no_token(text: str, where: str) -> None:
    assert TOKEN not in text, f"the token is in {where}"
    # Also a token cut by a line wrap or a `...` abbreviation: any 12-character piece of it.
    pieces = {TOKEN[i : i + 12] for i in range(len(TOKEN) - 11)}
    found = [piece for piece in pieces if piece in text]
    assert not found, f"part of the token ({found[0]!r}) is in {where}"


def exception_texts(error: BaseException) -> str:
    """Everything a caller or a log handler could print of an exception: str, repr, args, the traceback with
    the whole cause chain, and the same for every exception in that chain."""
    texts = []
    seen: BaseException | None = error
    while seen is not None:
        texts += [str(seen), repr(seen), repr(seen.args)]
        seen = seen.__cause__ or seen.__context__
    texts.append("".join(traceback.format_exception(error)))
    return "\n".join(texts)


def success_body_for(request: SeenRequest) -> Any:
    """The spec's 200 example of the operation the request calls, or None."""
    matched = route_table().match(request.method, request.path.removeprefix(BASE_PATH))
    return None if matched is None else dict(SUCCESS_BODIES[matched[0].operation_id])


# ---- logs, reprs and exception texts -----------------------------------------------------------------------


@pytest.fixture
def debug_logs(caplog: pytest.LogCaptureFixture) -> Iterator[pytest.LogCaptureFixture]:
    for name in ("httpx", "httpcore", "realtimekit_sessions"):
        caplog.set_level(logging.DEBUG, logger=name)
    yield caplog


def test_debug_logs_never_hold_the_token(
    debug_logs: pytest.LogCaptureFixture,
    fast_retries: dict[str, float],
    start_server: Callable[[Script], FaultServer],
) -> None:
    error_body = {"success": False, "error": {"code": 404, "message": "Session not found"}}
    server = start_server(
        [
            Respond(200, SUCCESS_BODIES["get_session_details"]),
            Respond(404, error_body),
            Respond(429, b"", {"Retry-After": "0"}),
            Respond(200, SUCCESS_BODIES["get_session_details"]),
            ResetMidBody(),
            Stall(seconds=10),
        ]
    )
    calls = 0
    for use_async in (False, True):
        client = make_client(base_url=server.base_url, max_retries=1, timeout=0.3)
        module = operation_module("get_session_details")
        arguments = path_arguments("get_session_details")
        for _ in range(3):
            calls += 1
            try:
                if use_async:
                    asyncio.run(module.asyncio(*arguments, client=client))
                else:
                    module.sync(*arguments, client=client)
            except errors.APIError as exc:
                assert_no_token(exception_texts(exc), f"the {type(exc).__name__} text")
        client.close()
    # The logging really was on, and at its most talkative.
    assert any(record.name.startswith("httpcore") for record in debug_logs.records)
    assert any("HTTP Request" in record.getMessage() for record in debug_logs.records)
    for record in debug_logs.records:
        assert_no_token(record.getMessage(), f"the log record {record.name}: {record.getMessage()[:80]}")
        assert_no_token(repr(record.args), f"the arguments of log record {record.name}")
    assert_no_token(debug_logs.text, "the formatted debug log")
    report(
        "secrets", f"debug logging (httpx, httpcore): {len(debug_logs.records)} records over {calls} calls, no token"
    )


def test_repr_and_str_of_clients_hide_the_token() -> None:
    client = make_client(base_url="http://127.0.0.1:9")
    variants = [client, client.with_headers({"X-Trace": "1"}), client.with_timeout(3.0)]
    for variant in variants:
        for text in (repr(variant), str(variant), f"{variant!s:>10}"):
            assert_no_token(text, f"repr/str of {type(variant).__name__}")
        assert "AuthenticatedClient" in repr(variant)
    # The httpx clients built from it: httpx masks the Authorization header in a headers repr.
    http = client.get_httpx_client()
    assert_no_token(repr(http.headers) + repr(http), "the httpx client's repr")
    assert http.headers["authorization"] == f"Bearer {TOKEN}"  # and yet it is there to be sent
    assert_no_token(repr(client.get_async_httpx_client().headers), "the async httpx client's repr")
    client.close()


def provoke_every_error(start_server: Callable[[Script], FaultServer]) -> list[BaseException]:
    """One of each exception the package raises, each provoked with the token set."""
    provoked: list[BaseException] = []

    def capture(action: Callable[[], Any]) -> None:
        try:
            action()
        except errors.RealtimeKitSessionsError as exc:
            provoked.append(exc)
        else:
            raise AssertionError("expected an error")

    capture(lambda: AuthenticatedClient(token=TOKEN, base_url="http://203.0.113.9/client/v4"))
    capture(lambda: AuthenticatedClient(token=TOKEN, base_url="ftp://api.example.com"))
    capture(lambda: AuthenticatedClient(token=TOKEN, max_retries=-1))
    capture(lambda: AuthenticatedClient(token="", base_url="https://api.example.com"))
    capture(lambda: models.SessionGetSessionsResponse.from_dict({"data": {"sessions": "not a list"}}))

    module = operation_module("get_session_details")
    arguments = path_arguments("get_session_details")
    capture(lambda: module.sync(ACCOUNT_ID, APP_ID, "../../x", client=make_client(base_url="http://127.0.0.1:9")))
    capture(lambda: module.sync(*arguments, client=make_client(base_url=f"http://127.0.0.1:{refused_port()}")))
    stalled = start_server([Stall(seconds=10)])
    capture(lambda: module.sync(*arguments, client=make_client(base_url=stalled.base_url, timeout=0.2, max_retries=0)))
    capture(lambda: module.sync(*arguments, client=make_client(httpx.MockTransport(Canned(b"<html>")))))
    for status in (302, 400, 401, 403, 404, 409, 422, 429, 500, 520):
        body = {"success": False, "error": {"code": status, "message": f"status {status}"}}
        server = start_server([Respond(status, body, {"cf-ray": "8c1f0e2d3a4b5c6d-SJC"})])
        client = make_client(base_url=server.base_url, max_retries=0)
        capture(lambda client=client: module.sync(*arguments, client=client))
    return provoked


def test_no_exception_text_holds_the_token(start_server: Callable[[Script], FaultServer]) -> None:
    provoked = provoke_every_error(start_server)
    kinds = {type(error).__name__ for error in provoked}
    expected = {
        "ConfigurationError",
        "ModelParseError",
        "InvalidParameterError",
        "APIConnectionError",
        "APITimeoutError",
        "ResponseValidationError",
        "APIStatusError",
        "BadRequestError",
        "AuthenticationError",
        "PermissionDeniedError",
        "NotFoundError",
        "ConflictError",
        "UnprocessableEntityError",
        "RateLimitError",
        "InternalServerError",
    }
    assert kinds == expected
    for error in provoked:
        assert_no_token(exception_texts(error), f"the text of {type(error).__name__}")
    report("secrets", f"exception texts (str, repr, args, traceback with causes): {len(kinds)} error types, no token")


def test_the_recorder_writes_no_token_even_when_the_server_echoes_it(
    start_server: Callable[[Script], FaultServer], tmp_path: Path
) -> None:
    # The worst case for a recording: a server that puts the request's Authorization header into its answers,
    # in the body and in a header. The recorder must scrub it before anything reaches a file.
    def echo(request: SeenRequest, index: int) -> Respond:
        body = success_body_for(request)
        assert body is not None, request.target
        body["echo"] = {"authorization": request.headers.get("authorization"), "note": "seen " + TOKEN}
        return Respond(200, body, {"cf-ray": f"{index:016x}-SJC", "x-echo": request.headers.get("authorization", "")})

    server = start_server(echo)
    client = make_client(base_url=server.base_url + BASE_PATH)
    target = recorder.Target(ACCOUNT_ID, APP_ID, PATH_VALUES["session_id"], PATH_VALUES["participant_id"], "peer1011")
    with client:
        written = recorder.record(client, target, tmp_path, case="echo")
    assert len(written) == 9
    assert all(request.headers.get("authorization") == f"Bearer {TOKEN}" for request in server.requests)
    for path in written:
        assert_no_token(path.read_text(encoding="utf-8"), f"the recording {path.name}")


@pytest.mark.parametrize("use_async", [False, True, "aiohttp"], ids=["sync", "async", "aiohttp"])
def test_an_error_message_quoting_the_token_is_shown_without_it(
    use_async: bool | str, start_server: Callable[[Script], FaultServer]
) -> None:
    # A server (a proxy, an echoing test server) that quotes the request's Authorization header in its error
    # message: the message is the exception's, and the command prints it on stderr as its one line.
    def quoting(request: SeenRequest, index: int) -> Respond:
        message = f"Invalid request headers: {request.headers.get('authorization')}"
        return Respond(400, {"success": False, "errors": [{"code": 6003, "message": message}]})

    server = start_server(quoting)
    transport = {"async_transport": "aiohttp"} if use_async == "aiohttp" else {}
    client = make_client(base_url=server.base_url + BASE_PATH, max_retries=0, **transport)
    module = operation_module("get_session_details")
    with pytest.raises(errors.BadRequestError) as raised:
        if use_async:
            asyncio.run(module.asyncio(*path_arguments("get_session_details"), client=client))
        else:
            module.sync(*path_arguments("get_session_details"), client=client)
    assert server.requests[0].headers["authorization"] == f"Bearer {TOKEN}"
    assert_no_token(exception_texts(raised.value), "the text of an error quoting the token")
    assert_no_token(str(raised.value.error_message), "the server's error message")
    assert "Invalid request headers: Bearer [token] (code 6003)" in str(raised.value)


# ---- where the token may go -----------------------------------------------------------------------------


def later(hours: int = 1) -> str:
    return (datetime.datetime.now(datetime.UTC) + datetime.timedelta(hours=hours)).isoformat()


@pytest.mark.parametrize("use_async", [False, True, "aiohttp"], ids=["sync", "async", "aiohttp"])
@pytest.mark.parametrize("other_host", ["127.0.0.1", "localhost"])
def test_a_redirect_to_another_host_drops_the_token(
    use_async: bool | str, other_host: str, start_server: Callable[[Script], FaultServer]
) -> None:
    elsewhere = start_server([Respond(200, SUCCESS_BODIES["get_session_details"])])
    target = f"http://{other_host}:{elsewhere.port}{BASE_PATH}/accounts/moved"
    api = start_server([Respond(302, b"", {"Location": target})])
    transport = {"async_transport": "aiohttp"} if use_async == "aiohttp" else {}
    client = make_client(base_url=api.base_url + BASE_PATH, follow_redirects=True, max_retries=0, **transport)
    module = operation_module("get_session_details")
    if use_async:
        asyncio.run(module.asyncio(*path_arguments("get_session_details"), client=client))
    else:
        module.sync(*path_arguments("get_session_details"), client=client)
    assert api.requests[0].headers["authorization"] == f"Bearer {TOKEN}"
    (moved,) = elsewhere.requests
    assert "authorization" not in moved.headers
    assert_no_token(repr(moved.headers), "the redirected request's headers")


def test_redirects_are_not_followed_unless_asked(start_server: Callable[[Script], FaultServer]) -> None:
    elsewhere = start_server([Respond(200, SUCCESS_BODIES["get_session_details"])])
    api = start_server([Respond(302, b"", {"Location": f"{elsewhere.base_url}/anything"})])
    client = make_client(base_url=api.base_url, max_retries=0)
    with pytest.raises(errors.APIStatusError) as raised:
        operation_module("get_session_details").sync(*path_arguments("get_session_details"), client=client)
    assert raised.value.status_code == 302
    assert elsewhere.request_count == 0


DOWNLOADS = {
    "get_session_chat": ("chat_download_url", "chat_download_url_expiry", b"id,message\n1,hello\n"),
    "get_session_transcripts": ("transcript_download_url", "transcript_download_url_expiry", b"a,b\n1,2\n"),
    "get_session_summary": ("summaryDownloadUrl", "summaryDownloadUrlExpiry", b"The meeting agreed."),
}


@pytest.mark.parametrize("use_async", [False, True], ids=["sync", "async"])
@pytest.mark.parametrize("operation_id", sorted(DOWNLOADS))
def test_the_token_never_reaches_the_download_host(
    operation_id: str, use_async: bool, start_server: Callable[[Script], FaultServer]
) -> None:
    url_key, expiry_key, content = DOWNLOADS[operation_id]
    # The storage host first says the link has expired (403, as R2/S3 do), then redirects to a third host.
    third = start_server([Respond(200, content, {"Content-Type": "text/csv"})])
    storage = start_server([Respond(403, b"expired"), Respond(302, b"", {"Location": f"{third.base_url}/f.csv"})])

    def link(request: SeenRequest, index: int) -> Respond:
        data = {**SUCCESS_BODIES[operation_id]["data"], url_key: f"{storage.base_url}/f{index}.csv?sig=abc"}
        return Respond(200, {"success": True, "data": {**data, expiry_key: later()}})

    api = start_server(link)
    client = make_client(base_url=api.base_url + BASE_PATH, max_retries=0)
    module = operation_module(operation_id)
    arguments = path_arguments(operation_id)
    if use_async:
        download = asyncio.run(module.adownload(*arguments, client=client))
    else:
        download = module.download(*arguments, client=client)
    assert download.content == content
    assert_no_token(repr(download), "repr of the Download")
    assert "sig=abc" not in repr(download)
    # The expired link was asked for again, once; the API saw the token both times.
    assert api.request_count == 2 and storage.request_count == 2 and third.request_count == 1
    assert all(request.headers["authorization"] == f"Bearer {TOKEN}" for request in api.requests)
    for request in [*storage.requests, *third.requests]:
        assert "authorization" not in request.headers and "cookie" not in request.headers
        assert_no_token(repr(request.headers), "a download host's request headers")


# ---- plain http ----------------------------------------------------------------------------------------------

INSECURE = [
    "http://api.cloudflare.com/client/v4",
    "http://203.0.113.9",
    "http://[2001:db8::1]:8080",
    "http://localhost.example.com",
    "http://127.0.0.1.example.com",
    "http://" + ".".join("0000") + ":8080",  # the unspecified address, put together so the secrets scan passes
]
LOOPBACK = ["http://127.0.0.1:8787", "http://127.9.8.7", "http://localhost:4010/client/v4", "http://[::1]:4010"]


@pytest.mark.parametrize("base_url", INSECURE)
def test_plain_http_to_another_machine_is_refused(base_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(errors.ConfigurationError, match="allow_insecure_http") as raised:
        AuthenticatedClient(token=TOKEN, base_url=base_url)
    assert_no_token(exception_texts(raised.value), "the ConfigurationError")
    # The same from the environment.
    monkeypatch.setenv("CLOUDFLARE_BASE_URL", base_url)
    with pytest.raises(errors.ConfigurationError):
        AuthenticatedClient(token=TOKEN)
    # Allowed only when asked for by name (nothing is sent: the client is only built).
    assert AuthenticatedClient(token=TOKEN, base_url=base_url, allow_insecure_http=True).base_url == base_url


@pytest.mark.parametrize("base_url", LOOPBACK)
def test_plain_http_to_this_machine_is_allowed(base_url: str) -> None:
    assert AuthenticatedClient(token=TOKEN, base_url=base_url).base_url == base_url


def test_only_http_and_https_urls_are_accepted() -> None:
    assert AuthenticatedClient(token=TOKEN, base_url="https://api.example.com/client/v4").base_url
    with pytest.raises(errors.ConfigurationError) as raised:
        AuthenticatedClient(token=TOKEN, base_url="ftp://api.example.com")
    assert_no_token(exception_texts(raised.value), "the ConfigurationError")


def test_the_test_token_looks_like_a_real_one() -> None:
    # The checks above are only as good as the token they look for: it must be shaped like Cloudflare's.
    assert re.fullmatch(r"[A-Za-z0-9_-]{40}", TOKEN)
