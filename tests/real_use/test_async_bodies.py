"""Answers' bodies as the async transports read them, against a real server: small ones whole as they arrive
(the aiohttp transport, up to EAGER_BODY_BYTES by their Content-Length), large and unsized ones streamed, every
one read the same on httpx's pool and on aiohttp, and the connection kept for the next call."""

from __future__ import annotations

import asyncio
import gzip
import json
import secrets
import socket
from collections.abc import Callable

import pytest
from realtimekit_sessions import AuthenticatedClient, errors
from realtimekit_sessions.api.sessions import get_session_chat

from .conftest import ACCOUNT, APP, SESSION, TOKEN, RawServer, http_answer

Start = Callable[[Callable[[str, socket.socket], None]], RawServer]
TRANSPORTS = ["httpx", "aiohttp"]
# realtimekit_sessions._aiohttp's EAGER_BODY_BYTES, written out: importing the module at collection would import
# aiohttp in every test worker (a third of a second each). test_the_limit_is_the_transports holds them equal.
EAGER_BODY_BYTES = 1024 * 1024


def test_the_limit_is_the_transports() -> None:
    from realtimekit_sessions import _aiohttp

    assert _aiohttp.EAGER_BODY_BYTES == EAGER_BODY_BYTES


def chat(messages: int, noise: bool = False) -> bytes:
    """A chat body of about 100 bytes a message (with noise, text that gzip cannot shrink)."""
    note = secrets.token_hex(messages * 50) if noise else "n" * (messages * 100)
    body = {
        "success": True,
        "data": {
            "chat_download_url": "https://files.example/chat.csv?sig=x",
            "chat_download_url_expiry": "2025-03-14T10:00:00+00:00",
            "note": note,
        },
    }
    return json.dumps(body).encode()


def chunked(body: bytes) -> bytes:
    """The answer with no Content-Length: its body in chunks of 64 KB."""
    head = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
    parts = [body[i : i + 65536] for i in range(0, len(body), 65536)]
    return head + b"".join(b"%x\r\n%s\r\n" % (len(part), part) for part in parts) + b"0\r\n\r\n"


def read_chat(server: RawServer, transport: str, calls: int = 1) -> list[object]:
    client = AuthenticatedClient(token=TOKEN, base_url=server.base_url, max_retries=0, async_transport=transport)

    async def run() -> list[object]:
        async with client:
            return [await get_session_chat.asyncio(ACCOUNT, APP, SESSION, client=client) for _ in range(calls)]

    return asyncio.run(run())


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize(
    "size, encode",
    [
        (50, lambda body: http_answer(body)),  # read whole by the aiohttp transport
        (50, lambda body: http_answer(gzip.compress(body), headers={"Content-Encoding": "gzip"})),  # and decoded
        (EAGER_BODY_BYTES // 100 + 10, lambda body: http_answer(body)),  # past the limit: streamed
        (50, chunked),  # no Content-Length: streamed
        (EAGER_BODY_BYTES // 50, chunked),
    ],
    ids=["small", "small-gzip", "large", "chunked", "large-chunked"],
)
def test_every_body_reads_alike_and_the_connection_is_kept(
    raw_server: Start, transport: str, size: int, encode: Callable[[bytes], bytes]
) -> None:
    body = chat(size)
    server = raw_server(lambda path, connection: connection.sendall(encode(body)))
    first, second = read_chat(server, transport, calls=2)
    assert first == second
    assert first.to_dict() == json.loads(body)  # type: ignore[attr-defined]
    assert server.connections == 1  # the body read whole or streamed, the connection went back to the pool


@pytest.mark.parametrize("transport", TRANSPORTS)
def test_a_corrupt_small_gzip_body_is_a_connection_error_on_both(raw_server: Start, transport: str) -> None:
    answer = http_answer(b"this is not gzip", headers={"Content-Encoding": "gzip"})
    server = raw_server(lambda path, connection: connection.sendall(answer))
    with pytest.raises(errors.APIConnectionError, match="Content-Encoding is corrupt"):
        read_chat(server, transport)


@pytest.mark.parametrize("transport", TRANSPORTS)
def test_a_small_body_cut_short_is_a_connection_error_on_both(raw_server: Start, transport: str) -> None:
    def short(path: str, connection: socket.socket) -> None:
        connection.sendall(http_answer(chat(50))[:-100])
        connection.shutdown(socket.SHUT_WR)

    server = raw_server(short)
    with pytest.raises(errors.APIConnectionError) as raised:
        read_chat(server, transport)
    assert not isinstance(raised.value, errors.APITimeoutError)


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize(
    "headers",
    [{"X-Policy": "p" * 20_000}, {f"X-Header-{n}": "v" for n in range(300)}],
    ids=["a-20-KB-header", "300-headers"],
)
def test_a_large_head_httpx_reads_is_read_on_both(raw_server: Start, transport: str, headers: dict[str, str]) -> None:
    # httpx's pool reads an answer whose head (status line and headers) fits in 100 KiB; aiohttp by itself refused
    # a header past 8,190 bytes or more than 128 headers, as a connection error that every retry met again.
    body = chat(50)
    server = raw_server(lambda path, connection: connection.sendall(http_answer(body, headers=headers)))
    (answer,) = read_chat(server, transport)
    assert answer.to_dict() == json.loads(body)  # type: ignore[attr-defined]
    assert len(server.paths) == 1  # read at the first attempt


@pytest.mark.parametrize("transport", TRANSPORTS)
def test_a_head_of_hundreds_of_kilobytes_is_refused_on_both(raw_server: Start, transport: str) -> None:
    # httpx refuses a head past 100 KiB; aiohttp bounds only a header's length and the headers' number, which
    # the transport sets (at 25,600 headers, a hostile answer's head of 100 MB was read whole).
    headers = {f"X-Header-{n}": "v" * 1000 for n in range(600)}
    server = raw_server(lambda path, connection: connection.sendall(http_answer(chat(1), headers=headers)))
    with pytest.raises(errors.APIConnectionError):
        read_chat(server, transport)


def exactly(size: int) -> bytes:
    """A JSON body of exactly `size` bytes."""
    body = chat(0)
    return body[:-2] + b" " * (size - len(body)) + body[-2:]


@pytest.mark.parametrize(
    "size, read_whole",
    [(len(chat(50)), True), (EAGER_BODY_BYTES, True), (EAGER_BODY_BYTES + 1, False)],
    ids=["small", "at-the-limit", "past-the-limit"],
)
def test_the_aiohttp_transport_reads_whole_only_bodies_up_to_the_limit(
    raw_server: Start, size: int, read_whole: bool
) -> None:
    import httpx
    from realtimekit_sessions import _aiohttp

    body = exactly(size)
    assert len(body) == size
    server = raw_server(lambda path, connection: connection.sendall(http_answer(body)))

    async def answer() -> tuple[object, bytes]:
        transport = _aiohttp.AiohttpTransport()
        try:
            response = await transport.handle_async_request(httpx.Request("GET", server.base_url + "/x"))
            return response.stream, await response.aread()
        finally:
            await transport.aclose()

    stream, content = asyncio.run(answer())
    # Read whole: handed over as one chunk already in memory, the connection back in aiohttp's pool.
    assert isinstance(stream, _aiohttp._ReadWhole) is read_whole and content == body


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize("size", [50, EAGER_BODY_BYTES // 50], ids=["small", "large"])  # large as sent, gzipped
def test_a_response_is_timed_counted_and_streamed_raw_alike_on_both(
    raw_server: Start, transport: str, size: int
) -> None:
    """What httpx gives of a response besides its content: how long it took, the bytes that came (compressed),
    and, asked for as a stream, those bytes as they came."""
    body = chat(size, noise=True)
    compressed = gzip.compress(body)
    assert (len(compressed) <= EAGER_BODY_BYTES) is (size == 50)
    answer = http_answer(compressed, headers={"Content-Encoding": "gzip"})
    server = raw_server(lambda path, connection: connection.sendall(answer))
    client = AuthenticatedClient(token=TOKEN, base_url=server.base_url, max_retries=0, async_transport=transport)

    async def run() -> tuple[object, ...]:
        async with client:
            http = client.get_async_httpx_client()
            read = await http.get(server.base_url + "/x")
            async with http.stream("GET", server.base_url + "/x") as streamed:
                raw = b"".join([chunk async for chunk in streamed.aiter_raw()])
            return read.content, read.num_bytes_downloaded, read.elapsed.total_seconds(), raw

    content, downloaded, elapsed, raw = asyncio.run(run())
    assert content == body and downloaded == len(compressed) and raw == compressed
    assert 0 < elapsed < 10


def test_a_streamed_body_not_yet_read_holds_only_the_read_ahead(raw_server: Start) -> None:
    """An answer whose body waits to be read (the export keeps up to --concurrency of them waiting for room) holds
    twice READ_BUFFER_BYTES and one read of the socket (at most 256 KiB) in aiohttp's buffer, not the whole body:
    at aiohttp's default buffer it held about 650 KB of a 4 MB body."""
    import httpx
    from realtimekit_sessions import _aiohttp

    body = exactly(4 * EAGER_BODY_BYTES)
    server = raw_server(lambda path, connection: connection.sendall(http_answer(body)))

    async def buffered() -> tuple[int, bytes]:
        transport = _aiohttp.AiohttpTransport()
        try:
            response = await transport.handle_async_request(httpx.Request("GET", server.base_url + "/x"))
            await asyncio.sleep(0.3)  # the server has sent it all; the socket holds what aiohttp did not read
            reader = response.stream._stream._aiohttp_response.content  # type: ignore[attr-defined]
            held = reader.total_bytes
            return held, await response.aread()
        finally:
            await transport.aclose()

    held, content = asyncio.run(buffered())
    assert content == body  # and the rest is read as it is asked for
    assert held <= 384 * 1024  # 2 x 64 KiB and one read; aiohttp's default buffer read about 650 KB
