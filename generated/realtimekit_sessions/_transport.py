# Copied into generated/realtimekit_sessions/ by `make generate`: edit openapi/runtime/_transport.py, not the copy.
"""The one place every operation's request goes through: timeouts, retries and errors.

`send` turns transport failures and non-2xx answers into the exceptions of `errors`, and retries the ones worth
retrying with exponential backoff and jitter, honouring Retry-After. The retry loop is tenacity's, entered only
after a first attempt has failed, so a call that succeeds pays nothing for it.
"""

from __future__ import annotations

import contextvars
import datetime
import email.utils
import functools
import math
import random
import ssl
import time
import weakref
from collections.abc import Awaitable, Callable, Iterable
from typing import TYPE_CHECKING, Any, NoReturn
from urllib.parse import quote, urlencode

import httpcore
import httpx

from .errors import (
    APIConnectionError,
    APIError,
    APIStatusError,
    APITimeoutError,
    one_line,
    status_error,
    without_token,
)
from .types import UNSET, Unset

if TYPE_CHECKING:
    from tenacity import RetryCallState

    from ._ratelimit import RateLimit
    from .client import Client

# Backoff: 0.5 s, 1 s, 2 s, ... up to 8 s, each shortened by up to a quarter at random so that clients
# which failed together do not come back together.
INITIAL_RETRY_DELAY = 0.5
MAX_RETRY_DELAY = 8.0
# Retry-After is obeyed up to this many seconds; a longer wait is handed back to the caller (the
# RateLimitError carries it) rather than blocking the call that long.
MAX_RETRY_AFTER = 60.0


def send(
    client: Client,
    request: dict[str, Any],
    *,
    timeout: httpx.Timeout | float | None | Unset = UNSET,
    max_retries: int | Unset = UNSET,
    idempotent: bool = True,
) -> httpx.Response:
    """Send one operation's request; return its 2xx response or raise an `errors.APIError`."""
    retries = client.max_retries if isinstance(max_retries, Unset) else max_retries
    http = client.get_httpx_client()
    request, timeout = _routed(client, request, timeout, given=client._client_given)
    return send_http(
        http,
        request,
        timeout,
        retries,
        idempotent,
        client.max_retry_after,
        sleep=client.retry_sleep,
        limit=client.rate_limit,
    )


async def send_async(
    client: Client,
    request: dict[str, Any],
    *,
    timeout: httpx.Timeout | float | None | Unset = UNSET,
    max_retries: int | Unset = UNSET,
    idempotent: bool = True,
) -> httpx.Response:
    """The async twin of `send`."""
    retries = client.max_retries if isinstance(max_retries, Unset) else max_retries
    http = client.get_async_httpx_client()
    request, timeout = _routed(client, request, timeout, given=client._async_given is not None)
    return await send_http_async(
        http,
        request,
        timeout,
        retries,
        idempotent,
        client.max_retry_after,
        sleep=client.async_retry_sleep,
        limit=client.rate_limit,
    )


def _routed(
    client: Client, request: dict[str, Any], timeout: httpx.Timeout | float | None | Unset, *, given: bool
) -> tuple[dict[str, Any], httpx.Timeout | float | None | Unset]:
    """The request as an absolute URL, and the call's timeout. A copy (with_headers / with_timeout) not `given`
    an httpx client of its own sends through its original's pool, to its original's base URL as it is now (an
    httpx client given to the original after the copy was made brings its own), with the headers it added and
    its own timeout if it has one (a timeout the call gave still wins)."""
    original = client._original
    if original is None or given:
        return _absolute(client._url_prefix, request), timeout
    request = _absolute(original._url_prefix, request)
    if client._added_headers:
        request["headers"] = client._added_headers
    return request, client._own_timeout if isinstance(timeout, Unset) else timeout


def _absolute(prefix: str, request: dict[str, Any]) -> dict[str, Any]:
    """The request with its path and query folded into one absolute URL, handed to httpx already parsed."""
    path = request["url"]
    params = request.get("params")
    query = None
    if params:
        # Encoded as httpx would: booleans as true/false, everything percent-encoded.
        query = urlencode(
            [
                (name, "true" if value is True else "false" if value is False else value)
                for name, value in params.items()
            ],
            quote_via=quote,
        )
    return {"method": request["method"], "url": _url(prefix, path, query)}


@functools.lru_cache(maxsize=32)
def _parsed_prefix(prefix: str) -> tuple[Callable[[Iterable[Any]], Any], list[Any], int, int, int] | None:
    """The base URL as httpx parses it, once per base URL: how to make a parse (its named tuple's `_make`), the
    base's parts, and where the path, query and fragment are among them. None when httpx keeps its parse
    elsewhere."""
    parsed: Any = getattr(httpx.URL(prefix), "_uri_reference", None)
    fields = getattr(parsed, "_fields", ())
    if not callable(getattr(parsed, "_make", None)) or not {"path", "query", "fragment"} <= set(fields):
        return None
    return parsed._make, list(parsed), fields.index("path"), fields.index("query"), fields.index("fragment")


def _url(prefix: str, path: str, query: str | None) -> httpx.URL | str:
    """`prefix + path (+ "?" + query)` as an httpx.URL, made without parsing the whole string again.

    httpx parses a URL string character by character (a fifth of a small call). The base URL is parsed once;
    the path (template text and ids checked to be RFC 3986 unreserved characters) and the query
    (percent-encoded above) need no parsing, so the parse is extended with them (built from its parts: the
    named tuple's `_replace` costs as much again). Should httpx ever keep its parse differently, the string goes
    to httpx as before.
    """
    base = _parsed_prefix(prefix)
    if base is None:
        return prefix + path + ("" if query is None else "?" + query)
    make, parts, at_path, at_query, at_fragment = base
    parts = parts.copy()
    parts[at_path] += path
    parts[at_query] = query
    parts[at_fragment] = None
    url = httpx.URL.__new__(httpx.URL)
    url._uri_reference = make(parts)
    return url


# Requests built for each plain httpx client, by method, host and the headers a copy of the client adds (see
# Client.with_headers): (the client's headers then, the request). At most KEPT_REQUESTS a client: copies made for
# each call (a request ID each) would otherwise add one for ever with every call.
_built: weakref.WeakKeyDictionary[
    httpx.Client | httpx.AsyncClient,
    dict[tuple[str, bytes, tuple[tuple[str, str], ...]], tuple[list[tuple[bytes, bytes]], httpx.Request]],
]
_built = weakref.WeakKeyDictionary()
KEPT_REQUESTS = 64
# The clients whose requests build_request may copy: httpx's own, and the aiohttp transport's client (it changes
# only how requests are sent; _aiohttp adds it). A subclass of anything else may build its requests its own way
# (its build_request, or a _merge_* that calls), and is left to it.
PLAIN_CLIENTS: set[type[httpx.Client | httpx.AsyncClient]] = {httpx.Client, httpx.AsyncClient}


def build_request(http: httpx.Client | httpx.AsyncClient, request: dict[str, Any]) -> httpx.Request:
    """What `http.build_request(**request)` gives, for the requests `_absolute` makes (method, URL, timeout, and a
    copy's added headers).

    build_request merges the client's headers, cookies, query parameters and timeout into a new Request, which
    normalizes every header again on the way in: a fifth of a small call. For one of the PLAIN_CLIENTS
    (httpx.Client, httpx.AsyncClient, the aiohttp transport's) with no cookies or query parameters of its own,
    the first request built for a method and host is kept, and later ones are copies of it with their own URL,
    headers (a copy: httpx's auth and event hooks may change them) and timeout, for as long as the client's
    headers are the ones it was built with. Anything else goes to build_request.
    """
    url = request["url"]
    added = request.get("headers", ())
    # Method and URL, and perhaps a timeout and a copy's added headers (as pairs), nothing else.
    plain = len(request) == 2 + ("timeout" in request) + ("headers" in request) and type(added) is tuple
    if not plain or type(http) not in PLAIN_CLIENTS or type(url) is not httpx.URL or http.params or http.cookies:
        return http.build_request(**request)
    method = request["method"]
    headers = http.headers.raw
    built = _built.get(http)
    if built is None:
        built = _built[http] = {}
    key = (method, url.netloc, added)
    kept = built.get(key)
    if kept is None or kept[0] != headers:
        if len(built) >= KEPT_REQUESTS:
            built.clear()
        kept = built[key] = (headers, http.build_request(method, url, headers=added))
    timeout = http.timeout if "timeout" not in request else httpx.Timeout(request["timeout"])
    copy = httpx.Request.__new__(httpx.Request)
    copy.__dict__.update(kept[1].__dict__)
    copy.url = url
    copy.headers = httpx.Headers(kept[1].headers)
    copy.extensions = {"timeout": timeout.as_dict()}
    return copy


def send_http(
    http: httpx.Client,
    request: dict[str, Any],
    timeout: httpx.Timeout | float | None | Unset,
    retries: int,
    idempotent: bool,
    max_retry_after: float | None = None,
    read_body: Callable[[httpx.Response], None] | None = None,
    sleep: RetrySleep | None = None,
    limit: RateLimit | None = None,
) -> httpx.Response:
    """Send `request` through `http`, with retries; the 2xx response, or an `errors.APIError`.

    With `read_body`, a 2xx body is streamed to it instead of read into the response (downloads); a failure
    while it reads is retried like any other, and it is called afresh on each attempt. `sleep(seconds, error)`
    waits before each retry (default: time.sleep). With `limit` (the client's rate_limit), every attempt waits
    for the budget first, and every answer is shown to it (see _ratelimit).
    """
    if not isinstance(timeout, Unset):
        request = {**request, "timeout": timeout}
    budget = attempt_budget(http.timeout if isinstance(timeout, Unset) else timeout)

    def attempt() -> httpx.Response:
        if limit is not None:
            limit.acquire()  # before the deadline starts: waiting for the budget is not the attempt's time
        token = _deadline.set(None if budget is None else time.monotonic() + budget)
        try:
            if read_body is None:
                response = http.send(build_request(http, request))
            else:
                response = http.send(http.build_request(**request), stream=True)
                try:
                    if response.is_success:
                        read_body(response)
                    else:
                        response.read()
                finally:
                    response.close()
        except httpx.HTTPError as exc:
            raise transport_error(exc) from exc
        except RuntimeError as exc:  # httpx's own refusals: a closed client, a stream already read
            raise APIConnectionError(f"the HTTP client refused the request: {exc}") from exc
        finally:
            _deadline.reset(token)
            if limit is not None:
                limit.release()  # answered or failed: it counts for a window from now
        unbind(response)
        if limit is not None:
            limit.observe(response)
        if not response.is_success:
            raise status_error(response)
        return response

    def worth_retrying(error: BaseException) -> bool:
        return should_retry(error, idempotent, max_retry_after)

    try:
        return attempt()
    except APIError as first_error:
        if retries <= 0 or not worth_retrying(first_error):
            raise
        first_delay, held = retry_delay(first_error, 1), _Held(first_error)

    from tenacity import Retrying

    wait = sleep or _sleep
    retrying = Retrying(**held.settings(retries, worth_retrying), sleep=lambda seconds: wait(seconds, held.latest()))
    try:
        wait(first_delay, held.latest())  # in here: an interrupted wait lets go of the first error too
        return retrying(attempt)
    finally:
        held.let_go()


# How a sync call waits before a retry: `sleep(seconds, the error that caused it)`. The client's retry_sleep
# replaces it, so that a program can show the wait (the command-line tool counts it down).
RetrySleep = Callable[[float, BaseException], None]


def _sleep(seconds: float, error: BaseException) -> None:
    time.sleep(seconds)  # looked up at each call: tests record waits by replacing time.sleep


# How an async call waits before a retry: `await sleep(seconds, the error that caused it)`. The client's
# async_retry_sleep replaces it (the command-line tool's export counts the wait down without blocking its loop).
AsyncRetrySleep = Callable[[float, BaseException], Awaitable[None]]


async def _async_sleep(seconds: float, error: BaseException) -> None:
    import asyncio

    await asyncio.sleep(seconds)  # looked up at each call: tests record waits by replacing asyncio.sleep


async def send_http_async(
    http: httpx.AsyncClient,
    request: dict[str, Any],
    timeout: httpx.Timeout | float | None | Unset,
    retries: int,
    idempotent: bool,
    max_retry_after: float | None = None,
    read_body: Callable[[httpx.Response], Awaitable[None]] | None = None,
    sleep: AsyncRetrySleep | None = None,
    limit: RateLimit | None = None,
) -> httpx.Response:
    """The async twin of `send_http`: `await sleep(seconds, error)` waits before each retry (default:
    asyncio.sleep)."""
    import asyncio  # here, not at the top: a program that never awaits need not load asyncio

    if not isinstance(timeout, Unset):
        request = {**request, "timeout": timeout}
    budget = attempt_budget(http.timeout if isinstance(timeout, Unset) else timeout)

    async def attempt() -> httpx.Response:
        if limit is not None:
            await limit.acquire_async()
        try:
            async with asyncio.timeout(budget):
                if read_body is None:
                    if type(http) in PLAIN_CLIENTS:
                        # What httpx's request() does (build the request, send it), with build_request's copy.
                        response = await http.send(build_request(http, request))
                    else:
                        response = await http.request(**request)
                else:
                    response = await http.send(http.build_request(**request), stream=True)
                    try:
                        if response.is_success:
                            await read_body(response)
                        else:
                            await response.aread()
                    finally:
                        await response.aclose()
        except TimeoutError as exc:
            where = _where(request["method"], http.build_request(request["method"], request["url"]).url)
            raise APITimeoutError(f"no whole answer within {budget:g} s{where}") from exc
        except httpx.HTTPError as exc:
            raise transport_error(exc) from exc
        except RuntimeError as exc:  # httpx's own refusals: a closed client, a stream already read
            raise APIConnectionError(f"the HTTP client refused the request: {exc}") from exc
        finally:
            if limit is not None:
                limit.release()  # answered, failed or cancelled: it counts for a window from now
        unbind(response)
        if limit is not None:
            limit.observe(response)
        if not response.is_success:
            raise status_error(response)
        return response

    def worth_retrying(error: BaseException) -> bool:
        return should_retry(error, idempotent, max_retry_after)

    try:
        return await attempt()
    except APIError as first_error:
        if retries <= 0 or not worth_retrying(first_error):
            raise
        first_delay, held = retry_delay(first_error, 1), _Held(first_error)

    from tenacity import AsyncRetrying

    wait = sleep or _async_sleep

    async def pause(seconds: float) -> None:
        await wait(seconds, held.latest())

    retrying = AsyncRetrying(**held.settings(retries, worth_retrying), sleep=pause)
    try:
        await wait(first_delay, held.latest())  # in here: a cancelled wait lets go of the first error too
        return await retrying(attempt)
    finally:
        held.let_go()


def _give_up(state: RetryCallState) -> NoReturn:
    """The retries are over and the last attempt failed: its error raised as it is (what reraise=True does),
    without the RetryError that reraise=True makes first and keeps in the traceback, holding the error."""
    outcome, state.outcome = state.outcome, None
    error = outcome.exception() if outcome is not None else None
    del outcome
    if error is None:  # tenacity calls this only after a failed attempt (retry_if_exception)
        raise RuntimeError("retries ended without an error to raise")
    try:
        raise error
    finally:
        del error  # this frame, in the error's traceback, is not to hold the error


class _Held:
    """What a retried call keeps of its errors while it retries: the first (for the first wait), the last failure
    tenacity reported (for each wait after it), and tenacity's retry state; `let_go` as the call ends.

    The first error's traceback holds the frame that holds this, the last failure's holds tenacity's, and an error
    raised by tenacity holds the frames that hold the retry state, whose outcome holds the error: cycles that would
    keep every response the call read (a sync call's answer too, through its callers' frames) until the collector
    runs, were they not let go of.
    """

    __slots__ = ("failed", "first", "states")

    def __init__(self, first: APIError) -> None:
        self.first: list[APIError] = [first]
        self.failed: list[BaseException] = []
        self.states: list[RetryCallState] = []

    def note(self, state: RetryCallState) -> None:
        error = state.outcome.exception() if state.outcome is not None else None
        self.failed[:] = [error] if isinstance(error, BaseException) else []

    def latest(self) -> BaseException:
        """The error the next wait is for."""
        return self.failed[0] if self.failed else self.first[0]

    def settings(self, retries: int, worth_retrying: Callable[[BaseException], bool]) -> dict[str, Any]:
        """tenacity's settings, sync or async alike (the caller adds how to sleep)."""
        from tenacity import retry_if_exception, stop_after_attempt

        return {
            "stop": stop_after_attempt(retries),
            "wait": _tenacity_wait,
            "retry": retry_if_exception(worth_retrying),
            "before": self.states.append,
            "before_sleep": self.note,
            "retry_error_callback": _give_up,
        }

    def let_go(self) -> None:
        self.first.clear()
        self.failed.clear()
        for state in self.states:
            state.outcome = None
        self.states.clear()


def _tenacity_wait(state: RetryCallState) -> float:
    # tenacity counts its own attempts; the first retry happened before it took over.
    error = state.outcome.exception() if state.outcome is not None else None
    if not isinstance(error, BaseException):
        return 0.0
    return retry_delay(error, state.attempt_number + 1)


# What a read and closed response's stream becomes (see `unbind`): empty, as the stream it replaces now is.
_READ = httpx.ByteStream(b"")


def unbind(response: httpx.Response) -> None:
    """Break the reference cycle httpx makes between a response and its stream, once the body is read.

    httpx 0.28 wraps every body in a stream that holds its response (to set `elapsed` when it closes), so every
    response is a cycle: freed only when the cyclic collector next runs, with its body (encode/httpx#3733, open).
    A read and closed response needs its stream no more (`elapsed` is set, the body is in `content`), so the
    stream is replaced by an empty one and the response, with its body, is freed as soon as it is let go.
    """
    for read in (*response.history, response):  # the redirects followed to it were read and closed on the way
        if read.is_closed and read.is_stream_consumed:
            read.stream = _READ


def _where(method: str, url: httpx.URL) -> str:
    """`" on GET host:port/path"`: the host with its port when it is not the scheme's default, so that a refused
    connection says which server was not there (the mock not started, a wrong CLOUDFLARE_BASE_URL)."""
    port = f":{url.port}" if url.port is not None else ""
    return f" on {method} {url.host}{port}{url.path}"


def transport_error(exc: httpx.HTTPError) -> APIConnectionError:
    """An httpx failure as the client's exception. The message names what failed and where, never a header
    value (h11 quotes a refused header in its message, and that header may be the token), nor the token in
    what the HTTP library quotes of the answer (aiohttp quotes the bytes it could not read)."""
    try:
        request = exc.request
        where = _where(request.method, request.url)
    except RuntimeError:  # httpx raises this when the exception has no request attached
        request, where = None, ""
    kind = type(exc).__name__
    if isinstance(exc, httpx.TimeoutException):
        return APITimeoutError(f"{kind}: no answer in time{where}", request=request)
    if isinstance(exc, httpx.DecodingError):
        return APIConnectionError(
            f"{kind}{where}: the body could not be decoded (its Content-Encoding is corrupt)", request=request
        )
    if isinstance(exc, httpx.TooManyRedirects):
        return APIConnectionError(f"{kind}{where}: too many redirects (a redirect loop?)", request=request)
    if isinstance(exc, httpx.LocalProtocolError):
        return APIConnectionError(f"{kind}{where}: the request could not be sent as built", request=request)
    return APIConnectionError(f"{kind}{where}: {one_line(without_token(str(exc), request))}", request=request)


# Statuses that mean "try again later". 409 is Cloudflare's answer to a lock held by a concurrent change.
RETRY_STATUSES = frozenset({408, 409, 429})
# For a request that is not idempotent (the POST that starts a summary): only failures that prove the
# request was not acted on. A connection that never opened, a 408 (the server gave up waiting for the
# request) and a 429 (refused before any work) are safe; a 5xx or a read timeout might follow work done.
_NOT_SENT_ERRORS = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)
_NOT_ACTED_ON_STATUSES = frozenset({408, 429})


def should_retry(error: BaseException, idempotent: bool, max_retry_after: float | None = None) -> bool:
    """Whether a failed attempt is worth another try. A Retry-After longer than `max_retry_after` (default
    MAX_RETRY_AFTER) is not waited out: the error goes to the caller, who may choose to wait."""
    if isinstance(error, APIStatusError):
        status = error.status_code
        if idempotent:
            retryable = status in RETRY_STATUSES or status >= 500
        else:
            retryable = status in _NOT_ACTED_ON_STATUSES
        if not retryable:
            return False
        wait = retry_after_seconds(error.response)
        return wait is None or wait <= (MAX_RETRY_AFTER if max_retry_after is None else max_retry_after)
    if isinstance(error, APIConnectionError):
        return idempotent or isinstance(error.__cause__, _NOT_SENT_ERRORS)
    return False


def retry_delay(error: BaseException, retry_number: int) -> float:
    """Seconds to wait before retry number `retry_number` (1 for the first)."""
    if isinstance(error, APIStatusError):
        wait = retry_after_seconds(error.response)
        if wait is not None:
            return wait
    backoff = min(INITIAL_RETRY_DELAY * 2.0 ** (retry_number - 1), MAX_RETRY_DELAY)
    return backoff * (1 - 0.25 * random.random())


def retry_after_seconds(response: httpx.Response) -> float | None:
    """The Retry-After header in seconds (a number or an HTTP date), or None when absent or not a sane wait:
    a negative or not finite number, or text that is neither, leaves the normal backoff in charge."""
    value = response.headers.get("retry-after")
    if not value:
        return None
    try:
        seconds = float(value)
    except ValueError:
        pass
    else:
        return seconds if math.isfinite(seconds) and seconds >= 0 else None
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:  # RFC 9110 dates are GMT; parsedate_to_datetime leaves "-0000" naive
        when = when.replace(tzinfo=datetime.UTC)
    return max(0.0, when.timestamp() - time.time())


# ---- Bounding a whole attempt -----------------------------------------------------------------------------
#
# httpx's timeouts are per read: a server that trickles a byte every 0.2 s keeps a call with timeout=1 alive for
# ever. Async attempts run under asyncio.timeout. Sync attempts set a deadline that the network streams of the
# clients we build read (see DeadlineBackend): each socket read waits at most until then.

_deadline: contextvars.ContextVar[float | None] = contextvars.ContextVar("realtimekit_sessions_deadline", default=None)


def attempt_budget(timeout: httpx.Timeout | float | None) -> float | None:
    """Seconds one attempt may take in all: the largest of its timeouts (None: unbounded)."""
    if timeout is None or isinstance(timeout, (int, float)):
        return None if timeout is None else float(timeout)
    budget = None
    for part in (timeout.connect, timeout.read, timeout.write, timeout.pool):
        if part is not None and (budget is None or part > budget):
            budget = part
    return budget


def _remaining(timeout: float | None) -> float | None:
    deadline = _deadline.get()
    if deadline is None:
        return timeout
    left = deadline - time.monotonic()
    if left <= 0:
        raise httpcore.ReadTimeout("the attempt's time is up")
    return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    """A network stream whose every read and write ends by the attempt's deadline."""

    def __init__(self, stream: httpcore.NetworkStream) -> None:
        self._stream = stream

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, _remaining(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, _remaining(timeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        return _DeadlineStream(self._stream.start_tls(ssl_context, server_hostname, _remaining(timeout)))

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class DeadlineBackend(httpcore.NetworkBackend):
    """httpcore's own network backend, with streams that keep to the attempt's deadline."""

    def __init__(self, backend: httpcore.NetworkBackend) -> None:
        self._backend = backend

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        stream = self._backend.connect_tcp(host, port, _remaining(timeout), local_address, socket_options)
        return _DeadlineStream(stream)

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.NetworkStream:
        return _DeadlineStream(self._backend.connect_unix_socket(path, _remaining(timeout), socket_options))

    def sleep(self, seconds: float) -> None:
        self._backend.sleep(seconds)


def keep_to_deadlines(http: httpx.Client) -> None:
    """Make the connection pools httpx built for `http` (its own and its proxies') keep to attempt deadlines.

    httpx offers no setting for the network backend, so the pools' backend is wrapped in place; a transport the
    caller supplied (httpx_args transport= or mounts=) is left as it is.
    """
    transports = [http._transport, *http._mounts.values()]
    for transport in transports:
        pool = getattr(transport, "_pool", None) if type(transport) is httpx.HTTPTransport else None
        backend = getattr(pool, "_network_backend", None)
        if backend is not None and not isinstance(backend, DeadlineBackend):
            pool._network_backend = DeadlineBackend(backend)  # type: ignore[union-attr]
