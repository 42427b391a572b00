"""Downloads: https to a public host at every hop, a size cap in memory, streaming to a file."""

from __future__ import annotations

import asyncio
import gzip
import socket
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
from realtimekit_sessions import AuthenticatedClient, errors
from realtimekit_sessions.api.sessions import get_session_chat
from realtimekit_tools.testing.transports import json_response

from .conftest import ACCOUNT, APP, SESSION, TOKEN, RawServer, http_answer

CSV = b"id,payload\n1,hello\n"


def link(url: str) -> httpx.Response:
    return json_response(
        200, {"success": True, "data": {"chat_download_url": url, "chat_download_url_expiry": "2999-01-01T00:00:00Z"}}
    )


def client_for(routes: dict[str, Callable[[httpx.Request], httpx.Response]], **kwargs: object) -> AuthenticatedClient:
    """A client whose one transport answers the API and every storage host from `routes` (by host)."""

    def answer(request: httpx.Request) -> httpx.Response:
        return routes[request.url.host](request)

    return AuthenticatedClient(
        token=TOKEN,
        base_url="https://api.example.com/client/v4",
        max_retries=0,
        httpx_args={"transport": httpx.MockTransport(answer)},
        **kwargs,  # type: ignore[arg-type]
    )


@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("http://files.example.net/chat.csv", "plain http"),
        ("https://169.254.169.254/latest/meta-data/", "link-local"),
        ("https://[fe80::1]/chat.csv", "link-local"),
        ("https://[::ffff:169.254.169.254]/x", "link-local"),
        ("https://10.0.0.5/chat.csv", "private"),
        ("https://192.168.1.2/chat.csv", "private"),
        ("https://127.0.0.1/chat.csv", "this machine"),
        ("https://localhost/chat.csv", "this machine"),
    ],
)
def test_a_link_that_is_not_https_to_a_public_host_is_refused(url: str, says: str) -> None:
    client = client_for({"api.example.com": lambda request: link(url)})
    with pytest.raises(errors.DownloadRefusedError, match=says) as raised:
        get_session_chat.download(ACCOUNT, APP, SESSION, client=client)
    assert "?" not in raised.value.url


@pytest.mark.parametrize("use_async", [False, True])
def test_a_redirect_to_http_or_to_metadata_is_refused_on_the_way(use_async: bool) -> None:
    for target in ("http://files.example.net/chat.csv", "https://169.254.169.254/latest/"):
        client = client_for(
            {
                "api.example.com": lambda request: link("https://files.example.net/chat.csv?sig=1"),
                "files.example.net": lambda request, to=target: httpx.Response(302, headers={"location": to}),
            }
        )
        with pytest.raises(errors.DownloadRefusedError):
            if use_async:
                asyncio.run(get_session_chat.adownload(ACCOUNT, APP, SESSION, client=client))
            else:
                get_session_chat.download(ACCOUNT, APP, SESSION, client=client)


def test_a_download_redirect_loop_is_an_errors_exception() -> None:
    client = client_for(
        {
            "api.example.com": lambda request: link("https://files.example.net/a"),
            "files.example.net": lambda request: httpx.Response(
                302, headers={"location": "https://files.example.net/a"}
            ),
        }
    )
    with pytest.raises(errors.APIConnectionError, match="too many redirects"):
        get_session_chat.download(ACCOUNT, APP, SESSION, client=client)


def test_an_https_redirect_between_public_hosts_is_followed() -> None:
    client = client_for(
        {
            "api.example.com": lambda request: link("https://files.example.net/chat.csv?sig=1"),
            "files.example.net": lambda request: httpx.Response(302, headers={"location": "https://cdn.example.org/c"}),
            "cdn.example.org": lambda request: httpx.Response(200, content=CSV),
        }
    )
    assert get_session_chat.download(ACCOUNT, APP, SESSION, client=client).content == CSV


@pytest.mark.parametrize("use_async", [False, True])
def test_a_download_past_the_cap_fails_cleanly_even_compressed(use_async: bool) -> None:
    bomb = gzip.compress(b"0" * 5_000_000)  # 5 MB once decompressed, a few kilobytes on the wire

    def storage(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, stream=httpx.ByteStream(bomb), headers={"content-encoding": "gzip"})

    routes = {"api.example.com": lambda request: link("https://files.example.net/x"), "files.example.net": storage}
    client = client_for(routes, max_download_bytes=1_000_000)
    with pytest.raises(errors.DownloadTooLargeError, match="max_download_bytes"):
        if use_async:
            asyncio.run(get_session_chat.adownload(ACCOUNT, APP, SESSION, client=client))
        else:
            get_session_chat.download(ACCOUNT, APP, SESSION, client=client)


@pytest.mark.parametrize("use_async", [False, True])
def test_a_download_streams_to_a_file(use_async: bool, tmp_path: Path) -> None:
    big = b"line of chat\n" * 200_000  # 2.6 MB, past a 1 MB cap that applies only in memory
    routes = {
        "api.example.com": lambda request: link("https://files.example.net/x"),
        "files.example.net": lambda request: httpx.Response(200, stream=httpx.ByteStream(big)),
    }
    client = client_for(routes, max_download_bytes=1_000_000)
    target = tmp_path / "chat.csv"
    if use_async:
        done = asyncio.run(get_session_chat.adownload(ACCOUNT, APP, SESSION, client=client, to=target))
    else:
        done = get_session_chat.download(ACCOUNT, APP, SESSION, client=client, to=target)
    assert done.path == target and done.size == len(big) and done.content == b""
    assert target.read_bytes() == big and done.text == big.decode()


def test_a_local_client_may_download_over_http_from_loopback(raw_server: Callable[..., RawServer]) -> None:
    def serve(path: str, connection: socket.socket) -> None:
        if path.endswith("/chat"):
            url = f"http://127.0.0.1:{server.port}/files/chat.csv"
            body = f'{{"success": true, "data": {{"chat_download_url": "{url}", "chat_download_url_expiry": "2999-01-01T00:00:00Z"}}}}'
            connection.sendall(http_answer(body.encode()))
        else:
            connection.sendall(http_answer(CSV, headers={"Content-Type": "text/csv"}))

    server = raw_server(serve)
    client = AuthenticatedClient(token=TOKEN, base_url=server.base_url, max_retries=0)
    assert get_session_chat.download(ACCOUNT, APP, SESSION, client=client).content == CSV


def test_httpx_args_that_reach_the_network_apply_to_downloads() -> None:
    from realtimekit_sessions._downloads import _download_client_args

    client = AuthenticatedClient(
        token=TOKEN,
        base_url="https://api.example.com",
        httpx_args={"trust_env": False, "http2": False, "limits": httpx.Limits()},
    )
    args = _download_client_args(client)
    assert args["trust_env"] is False and args["http2"] is False and "limits" not in args
    assert "Authorization" not in args["headers"] and "authorization" not in {k.lower() for k in args["headers"]}


def test_a_trickling_storage_host_cannot_hold_a_download_past_its_timeout(raw_server: Callable[..., RawServer]) -> None:
    import time

    def serve(path: str, connection: socket.socket) -> None:
        if path.endswith("/chat"):
            url = f"http://127.0.0.1:{server.port}/files/chat.csv"
            body = f'{{"success": true, "data": {{"chat_download_url": "{url}", "chat_download_url_expiry": "2999-01-01T00:00:00Z"}}}}'
            connection.sendall(http_answer(body.encode()))
            return
        connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/csv\r\nContent-Length: 100000\r\n\r\n")
        for _ in range(200):  # a byte every 0.2 s, 40 s at most
            connection.sendall(b"x")
            time.sleep(0.2)

    server = raw_server(serve)
    client = AuthenticatedClient(token=TOKEN, base_url=server.base_url, max_retries=0)
    started = time.monotonic()
    with pytest.raises(errors.APITimeoutError):
        get_session_chat.download(ACCOUNT, APP, SESSION, client=client, timeout=1.0)
    assert time.monotonic() - started < 2.5
