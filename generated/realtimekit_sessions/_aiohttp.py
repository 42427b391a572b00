# Copied into generated/realtimekit_sessions/ by `make generate`: edit openapi/runtime/_aiohttp.py, not the copy.
"""Async calls over aiohttp (`async_transport="aiohttp"`, the `[aiohttp]` extra): httpx's interface, aiohttp's pool.

httpx's own async pool (httpcore) is what limits many concurrent calls: at 50 and more in flight it spends more
time managing connections than the calls take. httpx-aiohttp keeps httpx's client (so headers, redirects,
timeouts, events and everything `_transport` does stay as they are) and sends each request through an aiohttp
session instead. What this module adds to httpx-aiohttp's transport, so that the client behaves the same on both:

- Failures are httpx's exceptions of the same kind httpcore raises (httpx-aiohttp calls a dropped connection a
  connect timeout, which would make the POST that must not be repeated look safe to retry).
- A body in memory is sent as it is, never chunked (httpx-aiohttp streams what httpx has not read yet, which
  sends a redirected GET with `Transfer-Encoding: chunked` and an empty body).
- The session keeps no cookies (aiohttp's jar would file and send back what answers set; see _SentCookiesOnly),
  and its pool is sized from httpx's `limits` (max_connections; None is no limit, as in httpx).
- An answer's header may be as long as httpx's whole head (HEAD_BYTES), and there may be up to MAX_HEADERS of
  them, not aiohttp's 8,190 bytes and 128.
- A request whose connection fails before an answer is not sent again by aiohttp itself: retrying is the
  client's, waited for and counted in its budget, as on httpx.
- A body of at most EAGER_BODY_BYTES (by its Content-Length) is read by aiohttp whole as the answer arrives, the
  connection back in the pool at once, and handed to httpx as a stream of one chunk: aiohttp's chunked reading,
  and the two exception-mapping layers around it, are skipped for the small bodies most calls get. A larger
  body, or one of unknown length, is streamed as it comes. (A response built already read would save more, but
  has no `elapsed`, counts no bytes downloaded, and cannot be streamed raw.) Of a streamed body not being read,
  aiohttp reads twice READ_BUFFER_BYTES ahead and what came in the same read of the socket (about 220 KB in
  all), then leaves the rest in the socket.
"""

from __future__ import annotations

import contextlib
import typing
from collections.abc import AsyncIterator, Iterator
from typing import Any

import aiohttp
import httpx
from httpx_aiohttp import AiohttpTransport as _HttpxAiohttpTransport
from httpx_aiohttp import HttpxAiohttpClient
from httpx_aiohttp.transport import AiohttpResponseStream as _HttpxAiohttpStream

from . import _transport
from .errors import without_token

# How much of a streamed body aiohttp reads ahead of its reader before it stops reading the socket (it stops at
# twice this, plus one read of the socket). aiohttp's default, 256 KiB, let an answer whose body waits to be read
# hold about 650 KB: the export keeps up to --concurrency answers waiting for room (its BodyGate), 21 MB at 32.
# At 64 KiB it is about 220 KB, and a body being read still comes in reads of up to 256 KiB.
READ_BUFFER_BYTES = 64 * 1024

# The largest body (by its Content-Length) read as soon as its answer arrives rather than streamed: a page of
# participants is about 170 KB, and a body this size is held whole by httpx once read either way.
EAGER_BODY_BYTES = 1024 * 1024

# The largest head (status line and headers) of an answer, as httpx's pool takes it (httpcore hands h11 100 KiB):
# aiohttp's own limits (8,190 bytes a line or header, 128 headers) refused answers httpx reads, one long header
# (a large Set-Cookie or Content-Security-Policy from a proxy) or many, and the retries could not help. aiohttp
# bounds a line and the number of headers, not the head: a line may be as long as httpx's whole head, and
# MAX_HEADERS keeps the head of a hostile answer within 50 MB (at 25,600 headers it read 100 MB and more).
HEAD_BYTES = 100 * 1024
MAX_HEADERS = 512


def _httpx_error(exc: BaseException) -> type[httpx.TransportError]:
    """The httpx exception class httpcore raises for the failure aiohttp reports as `exc`."""
    if isinstance(exc, aiohttp.ConnectionTimeoutError):  # no connection within the connect (or pool) timeout
        return httpx.ConnectTimeout
    if isinstance(exc, aiohttp.ServerTimeoutError):  # SocketTimeoutError too: no bytes within the read timeout
        return httpx.ReadTimeout
    if isinstance(exc, aiohttp.ClientProxyConnectionError | aiohttp.ClientHttpProxyError):
        return httpx.ProxyError
    if isinstance(exc, aiohttp.ClientConnectorError):  # refused, DNS, TLS: the request was never sent
        return httpx.ConnectError
    if isinstance(exc, aiohttp.InvalidURL | aiohttp.NonHttpUrlClientError):
        return httpx.UnsupportedProtocol
    if isinstance(exc, aiohttp.ServerDisconnectedError | aiohttp.ClientPayloadError | aiohttp.ClientResponseError):
        return httpx.RemoteProtocolError  # hung up before or during the answer, or an answer that is not HTTP
    if isinstance(exc, aiohttp.ClientOSError):
        return httpx.ReadError
    return httpx.ReadError


def _aiohttp_cause(exc: BaseException) -> BaseException | None:
    """The aiohttp failure behind `exc`: itself, or the one httpx-aiohttp's own mapping wrapped."""
    if isinstance(exc, aiohttp.ClientError):
        return exc
    cause = exc.__cause__
    return cause if isinstance(cause, aiohttp.ClientError) else None


@contextlib.contextmanager
def _as_httpx_errors(request: httpx.Request) -> Iterator[None]:
    try:
        yield
    except Exception as exc:
        cause = _aiohttp_cause(exc)
        if cause is None:
            raise
        message = without_token(f"{type(cause).__name__}: {cause}", request)
        raise _httpx_error(cause)(message, request=request) from cause


class _Body(httpx.AsyncByteStream):
    """The answer's body as aiohttp reads it, its failures as httpx's."""

    def __init__(self, stream: httpx.AsyncByteStream, request: httpx.Request) -> None:
        self._stream = stream
        self._request = request

    async def __aiter__(self) -> AsyncIterator[bytes]:
        with _as_httpx_errors(self._request):
            async for chunk in self._stream:
                yield chunk

    async def aclose(self) -> None:
        with _as_httpx_errors(self._request):
            await self._stream.aclose()


class _ReadWhole(httpx.AsyncByteStream):
    """A body aiohttp has read whole, handed to httpx as a stream of one chunk: httpx then reads, decodes, counts
    and times it (`num_bytes_downloaded`, `elapsed`) as any streamed body, and `aiter_raw` still gives the bytes
    as they came. The chunk is let go once given, so a compressed body is not kept beside its decoded copy."""

    __slots__ = ("_body",)

    def __init__(self, body: bytes) -> None:
        self._body = body

    async def __aiter__(self) -> AsyncIterator[bytes]:
        body, self._body = self._body, b""
        if body:
            yield body


class AiohttpTransport(_HttpxAiohttpTransport):
    """httpx-aiohttp's transport with httpcore's exceptions, no cookie jar and a pool sized from `limits`."""

    def get_client(self) -> aiohttp.ClientSession:
        if self.client is not None:
            return super().get_client()
        limit = self.limits.max_connections
        connector = aiohttp.TCPConnector(
            limit=0 if limit is None else limit,  # aiohttp's 0 is httpx's None: no limit
            keepalive_timeout=self.limits.keepalive_expiry,
            ssl=self.ssl_context,
            local_addr=(self.local_address, 0) if self.local_address else None,
        )
        # A line or header as long as httpx's whole head, and up to MAX_HEADERS of them (see HEAD_BYTES); and
        # READ_BUFFER_BYTES read ahead of a body not yet being read.
        settings: dict[str, Any] = {
            "max_line_size": HEAD_BYTES,
            "max_field_size": HEAD_BYTES,
            "read_bufsize": READ_BUFFER_BYTES,
        }
        try:
            session = aiohttp.ClientSession(
                connector=connector, cookie_jar=aiohttp.DummyCookieJar(), max_headers=MAX_HEADERS, **settings
            )
        except TypeError:  # an aiohttp without max_headers (nor, then, its limit of 128 headers)
            session = aiohttp.ClientSession(connector=connector, cookie_jar=aiohttp.DummyCookieJar(), **settings)
        # aiohttp sends an idempotent request again, at once, when the connection fails before an answer (a
        # hang-up, a reset): a request the client's retries never saw, neither waited for nor counted in its rate
        # limit's budget. httpx does not; the retries are the client's own, on both transports.
        if hasattr(session, "_retry_connection"):  # aiohttp 3.10 on
            session._retry_connection = False
        return session

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if isinstance(request.stream, httpx.ByteStream):
            # A body in memory (a redirect's copy of a request holds its body, empty or not, unread): read, so
            # that it goes out as it is and not as a chunked stream (an empty one, for a GET).
            await request.aread()
        with _as_httpx_errors(request):
            response = await super().handle_async_request(request)
        stream = typing.cast(_HttpxAiohttpStream, response.stream)
        answer = stream._aiohttp_response
        length = answer.content_length
        if length is not None and length <= EAGER_BODY_BYTES:
            with _as_httpx_errors(request):
                try:
                    body = await answer.read()
                finally:
                    answer.release()
            response.stream = _ReadWhole(body)
            return response
        response.stream = _Body(typing.cast(httpx.AsyncByteStream, response.stream), request)
        return response


class AiohttpClient(HttpxAiohttpClient):
    """An httpx.AsyncClient whose requests (and those through a proxy) go through `AiohttpTransport`."""

    def _init_transport(  # type: ignore[override]
        self, transport: httpx.AsyncBaseTransport | None = None, **kwargs: Any
    ) -> httpx.AsyncBaseTransport:
        return transport if transport is not None else AiohttpTransport(**kwargs)

    def _init_proxy_transport(self, proxy: httpx.Proxy, **kwargs: Any) -> httpx.AsyncBaseTransport:  # type: ignore[override]
        return AiohttpTransport(proxy=proxy, **kwargs)


_transport.PLAIN_CLIENTS.add(AiohttpClient)  # it builds its requests as httpx.AsyncClient does

__all__ = ["AiohttpClient", "AiohttpTransport"]
