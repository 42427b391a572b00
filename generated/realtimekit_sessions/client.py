"""The clients, and the one place every operation's request goes through: timeouts, retries and errors.

Every generated operation calls `send` (or `send_async`) with the request it built. `send` turns transport
failures and non-2xx answers into the exceptions of `errors`, and retries the ones worth retrying with
exponential backoff and jitter, honouring Retry-After. The retry loop is tenacity's, entered only after a
first attempt has failed, so a call that succeeds pays nothing for it.
"""

from __future__ import annotations

import asyncio
import email.utils
import ipaddress
import os
import random
import ssl
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from typing import TYPE_CHECKING, Any, NoReturn, Self, TypeVar, cast
from urllib.parse import quote, urlencode

import httpx
import msgspec
from attrs import define, evolve, field

from .errors import (
    APIConnectionError,
    APIError,
    APIStatusError,
    APITimeoutError,
    ConfigurationError,
    InvalidParameterError,
    ModelParseError,
    ResponseValidationError,
    status_error,
)
from .types import UNSET, Download, Unset, fail

if TYPE_CHECKING:
    from tenacity import RetryCallState

T = TypeVar("T")
P = TypeVar("P")

__version__ = "0.1.0"

DEFAULT_BASE_URL = "https://api.cloudflare.com/client/v4"
# httpx's own default is 5 s for everything; a large peer report can take longer than that to arrive.
DEFAULT_TIMEOUT = httpx.Timeout(60.0, connect=5.0)
DEFAULT_MAX_RETRIES = 2
USER_AGENT = f"realtimekit-sessions/{__version__} httpx/{httpx.__version__}"

# Backoff: 0.5 s, 1 s, 2 s, ... up to 8 s, each shortened by up to a quarter at random so that clients
# which failed together do not come back together.
INITIAL_RETRY_DELAY = 0.5
MAX_RETRY_DELAY = 8.0
# Retry-After is obeyed up to this many seconds; a longer wait is handed back to the caller (the
# RateLimitError carries it) rather than blocking the call that long.
MAX_RETRY_AFTER = 60.0


def _env_token() -> str | None:
    return os.environ.get("CLOUDFLARE_API_TOKEN") or None


def _env_base_url() -> str:
    return os.environ.get("CLOUDFLARE_BASE_URL") or DEFAULT_BASE_URL


class _SentCookiesOnly(httpx.Cookies):
    """The cookies a client was given, sent with every request; cookies an answer sets are not kept.

    A client authenticated by token has no use for them (Cloudflare's edge may set bot-management cookies),
    and httpx files every answer's cookies through urllib's cookie jar: a quarter of a small call's cost.
    """

    def extract_cookies(self, response: httpx.Response) -> None:
        return None


@define
class Client:
    """Settings shared by every request, and the httpx clients built from them.

    Keyword arguments:
        base_url: defaults to $CLOUDFLARE_BASE_URL, else https://api.cloudflare.com/client/v4. Plain http:// is
            refused except to a loopback address, unless allow_insecure_http=True.
        timeout: an httpx.Timeout or seconds; defaults to 5 s to connect and 60 s for the rest. Each call can
            override it with its own `timeout=`.
        max_retries: how many times a failed request is tried again (default 2); each call can override it.
        headers, cookies, verify_ssl, follow_redirects: as in httpx (redirects are not followed by default).
        httpx_args: passed on to httpx.Client / httpx.AsyncClient (for example `transport=`).
    """

    _base_url: str = field(factory=_env_base_url, kw_only=True, alias="base_url")
    _timeout: httpx.Timeout | float | None = field(default=DEFAULT_TIMEOUT, kw_only=True, alias="timeout")
    max_retries: int = field(default=DEFAULT_MAX_RETRIES, kw_only=True)
    _headers: dict[str, str] = field(factory=dict, kw_only=True, alias="headers")
    _cookies: dict[str, str] = field(factory=dict, kw_only=True, alias="cookies")
    _verify_ssl: str | bool | ssl.SSLContext = field(default=True, kw_only=True, alias="verify_ssl")
    _follow_redirects: bool = field(default=False, kw_only=True, alias="follow_redirects")
    _allow_insecure_http: bool = field(default=False, kw_only=True, alias="allow_insecure_http")
    _httpx_args: dict[str, Any] = field(factory=dict, kw_only=True, alias="httpx_args", repr=False)
    _client: httpx.Client | None = field(default=None, init=False, repr=False)
    _async_client: httpx.AsyncClient | None = field(default=None, init=False, repr=False)
    # The base URL as text, without its trailing slash: requests are sent with absolute URLs built from it,
    # which spares httpx parsing and merging a relative one (a third of a small call's cost).
    _url_prefix: str = field(default="", init=False, repr=False)

    def __attrs_post_init__(self) -> None:
        _check_base_url(self._base_url, self._allow_insecure_http)
        self._url_prefix = self._base_url.rstrip("/")
        if self.max_retries < 0:
            raise ConfigurationError(f"max_retries must be 0 or more, not {self.max_retries}")

    @property
    def base_url(self) -> str:
        return self._base_url

    def _request_headers(self) -> dict[str, str]:
        return {"User-Agent": USER_AGENT, "Accept": "application/json", **self._headers}

    def with_headers(self, headers: dict[str, str]) -> Self:
        """A copy of this client that also sends these headers."""
        return evolve(self, headers={**self._headers, **headers})

    def with_timeout(self, timeout: httpx.Timeout | float) -> Self:
        """A copy of this client with another timeout."""
        return evolve(self, timeout=timeout)

    def set_httpx_client(self, client: httpx.Client) -> Self:
        """Use this httpx.Client for requests; it replaces every setting of this client, base URL included."""
        self._client = client
        self._url_prefix = str(client.base_url).rstrip("/")
        return self

    def get_httpx_client(self) -> httpx.Client:
        """The httpx.Client requests go through, built on first use."""
        if self._client is None:
            self._client = httpx.Client(
                base_url=self._base_url,
                cookies=self._cookies,
                headers=self._request_headers(),
                timeout=self._timeout,
                verify=self._verify_ssl,
                follow_redirects=self._follow_redirects,
                **self._httpx_args,
            )
            self._client._cookies = _SentCookiesOnly(self._cookies)
        return self._client

    def __enter__(self) -> Self:
        self.get_httpx_client().__enter__()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.get_httpx_client().close()

    def close(self) -> None:
        if self._client is not None:
            self._client.close()

    def set_async_httpx_client(self, async_client: httpx.AsyncClient) -> Self:
        """Use this httpx.AsyncClient for async requests; it replaces every setting of this client, base URL
        included."""
        self._async_client = async_client
        self._url_prefix = str(async_client.base_url).rstrip("/")
        return self

    def get_async_httpx_client(self) -> httpx.AsyncClient:
        """The httpx.AsyncClient async requests go through, built on first use."""
        if self._async_client is None:
            self._async_client = httpx.AsyncClient(
                base_url=self._base_url,
                cookies=self._cookies,
                headers=self._request_headers(),
                timeout=self._timeout,
                verify=self._verify_ssl,
                follow_redirects=self._follow_redirects,
                **self._httpx_args,
            )
            self._async_client._cookies = _SentCookiesOnly(self._cookies)
        return self._async_client

    async def __aenter__(self) -> Self:
        await self.get_async_httpx_client().__aenter__()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.get_async_httpx_client().aclose()

    async def aclose(self) -> None:
        if self._async_client is not None:
            await self._async_client.aclose()


@define
class AuthenticatedClient(Client):
    """A Client that sends a Cloudflare API token as `Authorization: Bearer <token>`.

    The token defaults to $CLOUDFLARE_API_TOKEN. It is kept out of repr() and str(), and is sent only to
    base_url: redirects are not followed unless asked, and httpx drops the header on a redirect to another host.
    """

    token: str | None = field(factory=_env_token, kw_only=True, repr=False)

    def __attrs_post_init__(self) -> None:
        super().__attrs_post_init__()
        if not self.token:
            raise ConfigurationError(
                "no API token: pass token=... or set CLOUDFLARE_API_TOKEN "
                "(a token with the Realtime or Realtime Admin permission)"
            )

    def _request_headers(self) -> dict[str, str]:
        return {**super()._request_headers(), "Authorization": f"Bearer {self.token}"}


def _check_base_url(base_url: str, allow_insecure_http: bool) -> None:
    try:
        url = httpx.URL(base_url)
    except (httpx.InvalidURL, TypeError) as exc:
        raise ConfigurationError(f"base_url is not a URL: {base_url!r}") from exc
    if url.scheme == "https" or (url.scheme == "http" and (allow_insecure_http or _is_loopback(url.host))):
        return
    if url.scheme == "http":
        raise ConfigurationError(
            f"base_url {base_url!r} is plain http to a non-loopback host: the token would travel unencrypted. "
            "Use https, or pass allow_insecure_http=True if this is really meant."
        )
    raise ConfigurationError(f"base_url must be an http(s) URL, not {base_url!r}")


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


# ---- Sending, errors and retries ------------------------------------------------------------------------


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
    return _send(http, _absolute(client._url_prefix, request), timeout, retries, idempotent)


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
    return await _send_async(http, _absolute(client._url_prefix, request), timeout, retries, idempotent)


def _absolute(prefix: str, request: dict[str, Any]) -> dict[str, Any]:
    """The request with its path and query folded into one absolute URL."""
    url = prefix + request["url"]
    params = request.get("params")
    if params:
        # Encoded as httpx would: booleans as true/false, everything percent-encoded.
        url += "?" + urlencode(
            [
                (name, "true" if value is True else "false" if value is False else value)
                for name, value in params.items()
            ],
            quote_via=quote,
        )
    return {"method": request["method"], "url": url}


def _send(
    http: httpx.Client,
    request: dict[str, Any],
    timeout: httpx.Timeout | float | None | Unset,
    retries: int,
    idempotent: bool,
) -> httpx.Response:
    if not isinstance(timeout, Unset):
        request = {**request, "timeout": timeout}

    def attempt() -> httpx.Response:
        try:
            response = http.request(**request)
        except httpx.TransportError as exc:
            raise _transport_error(exc) from exc
        if not response.is_success:
            raise status_error(response)
        return response

    try:
        return attempt()
    except APIError as first_error:
        if retries <= 0 or not should_retry(first_error, idempotent):
            raise
        first_delay = retry_delay(first_error, 1)

    from tenacity import Retrying, retry_if_exception, stop_after_attempt

    time.sleep(first_delay)
    retrying = Retrying(
        stop=stop_after_attempt(retries),
        wait=_tenacity_wait,
        retry=retry_if_exception(lambda exc: should_retry(exc, idempotent)),
        reraise=True,
    )
    return retrying(attempt)


async def _send_async(
    http: httpx.AsyncClient,
    request: dict[str, Any],
    timeout: httpx.Timeout | float | None | Unset,
    retries: int,
    idempotent: bool,
) -> httpx.Response:
    if not isinstance(timeout, Unset):
        request = {**request, "timeout": timeout}

    async def attempt() -> httpx.Response:
        try:
            response = await http.request(**request)
        except httpx.TransportError as exc:
            raise _transport_error(exc) from exc
        if not response.is_success:
            raise status_error(response)
        return response

    try:
        return await attempt()
    except APIError as first_error:
        if retries <= 0 or not should_retry(first_error, idempotent):
            raise
        first_delay = retry_delay(first_error, 1)

    from tenacity import AsyncRetrying, retry_if_exception, stop_after_attempt

    await asyncio.sleep(first_delay)
    retrying = AsyncRetrying(
        stop=stop_after_attempt(retries),
        wait=_tenacity_wait,
        retry=retry_if_exception(lambda exc: should_retry(exc, idempotent)),
        reraise=True,
    )
    return await retrying(attempt)


def _tenacity_wait(state: RetryCallState) -> float:
    # tenacity counts its own attempts; the first retry happened before it took over.
    error = state.outcome.exception() if state.outcome is not None else None
    if not isinstance(error, BaseException):
        return 0.0
    return retry_delay(error, state.attempt_number + 1)


def _transport_error(exc: httpx.TransportError) -> APIConnectionError:
    try:
        request = exc.request
        where = f" on {request.method} {request.url.path}"
    except RuntimeError:  # httpx raises this when the exception has no request attached
        request, where = None, ""
    if isinstance(exc, httpx.TimeoutException):
        return APITimeoutError(f"{type(exc).__name__}: no answer in time{where}", request=request)
    return APIConnectionError(f"{type(exc).__name__}{where}: {exc}", request=request)


# Statuses that mean "try again later". 409 is Cloudflare's answer to a lock held by a concurrent change.
RETRY_STATUSES = frozenset({408, 409, 429})
# For a request that is not idempotent (the POST that starts a summary): only failures that prove the
# request was not acted on. A connection that never opened, a 408 (the server gave up waiting for the
# request) and a 429 (refused before any work) are safe; a 5xx or a read timeout might follow work done.
_NOT_SENT_ERRORS = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)
_NOT_ACTED_ON_STATUSES = frozenset({408, 429})


def should_retry(error: BaseException, idempotent: bool) -> bool:
    """Whether a failed attempt is worth another try."""
    if isinstance(error, APIStatusError):
        status = error.status_code
        if idempotent:
            retryable = status in RETRY_STATUSES or status >= 500
        else:
            retryable = status in _NOT_ACTED_ON_STATUSES
        if not retryable:
            return False
        wait = retry_after_seconds(error.response)
        return wait is None or wait <= MAX_RETRY_AFTER
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
    """The Retry-After header in seconds (it may be a number or an HTTP date), or None when absent or unreadable."""
    value = response.headers.get("retry-after")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


# ---- Checking inputs and reading answers ---------------------------------------------------------------

# What a path id may hold: RFC 3986's unreserved characters. Every id the API hands out (hex tags, UUIDs,
# V1 room names like abcdef-ghijkl) fits, and nothing in it can change which URL is called.
_ID_CHARACTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
MAX_ID_LENGTH = 128


def _refuse(parameter: str, problem: str) -> NoReturn:
    raise InvalidParameterError(parameter, problem)


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def path_id(parameter: str, value: object) -> str:
    """An id for the URL path, refused unless it is plainly an id: no id can change which URL is called."""
    text = str(value) if isinstance(value, uuid.UUID) else value
    if not isinstance(text, str):
        _refuse(parameter, f"must be a string id, not {type(value).__name__}")
    if not text:
        _refuse(parameter, "must not be empty")
    if len(text) > MAX_ID_LENGTH:
        _refuse(parameter, f"is {len(text)} characters long; ids are at most {MAX_ID_LENGTH}")
    if text.strip(".") == "":
        _refuse(parameter, f"{text!r} is a path step, not an id")
    if not _ID_CHARACTERS.issuperset(text):
        bad = sorted({c for c in text if c not in _ID_CHARACTERS})
        _refuse(parameter, f"{_shown(text)} holds {_shown(''.join(bad))}; ids are letters, digits and - . _ ~")
    return text


def query_choice(parameter: str, value: object, allowed: frozenset[Any]) -> None:
    if value not in allowed:
        _refuse(parameter, f"{_shown(value)} is not one of {', '.join(sorted(allowed))}")


def query_count(parameter: str, value: object) -> None:
    # Every integer query parameter of this API is a page number or page size, documented with minimum 0;
    # tests/test_spec.py keeps the spec that way.
    if not isinstance(value, int) or isinstance(value, bool):
        _refuse(parameter, f"must be a whole number, not {_shown(value)}")
    if value < 0:
        _refuse(parameter, f"must be 0 or more, not {value}")


def query_flag(parameter: str, value: object) -> None:
    if not isinstance(value, bool):
        _refuse(parameter, f"must be True or False, not {_shown(value)}")


def query_datetime(parameter: str, value: object) -> None:
    import datetime

    if not isinstance(value, datetime.datetime):
        _refuse(parameter, f"must be a datetime, not {_shown(value)}")


def query_text(parameter: str, value: object) -> None:
    if not isinstance(value, str):
        _refuse(parameter, f"must be a string, not {_shown(value)}")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        _refuse(parameter, f"{_shown(value)} holds a lone surrogate, which no URL can carry")


# msgspec decodes JSON about twice as fast as the standard library, keeps integers of any size exact (orjson
# turns those beyond 64 bits into floats) and refuses what JSON does not allow: invalid UTF-8, NaN, lone
# surrogates. One decoder, made once.
_decode = msgspec.json.Decoder().decode


def decode_json(content: bytes) -> Any:
    """Decode a JSON body exactly and strictly. ValueError says why it is not JSON."""
    try:
        return _decode(content)
    except RecursionError:
        raise ValueError("nested too deeply to decode") from None


def load_json(content: bytes, from_dict: Callable[[dict[str, Any]], T]) -> T:
    """The bytes of a JSON object read into its model: what every operation does with a 2xx body.

    `from_dict` is a model's `from_dict` (or any function of a decoded object). Raises ModelParseError (a
    ValueError, with the JSONPath of the problem) when the document is JSON of another shape, and ValueError
    when it is not JSON at all.
    """
    model = getattr(from_dict, "__self__", None)
    fast = _fast_reader(model) if isinstance(model, type) else None
    if fast is not None:
        try:
            return cast(T, fast(content))
        except (ValueError, TypeError, RecursionError):
            pass  # refused by msgspec or by _from_shape: the lenient path reads it, or says precisely why not
    data = decode_json(content)
    if type(data) is not dict:
        fail("a JSON object", data)
    return from_dict(data)


# The fast path. Each model declares the shape of its JSON object as a msgspec Struct (`Model._Shape`), which
# msgspec decodes in C straight from the bytes: no dict per object, and no key lookups afterwards, where
# `_from_shape` reads the fields. It is strict about structure only: an unknown key anywhere, a missing
# required field or an object where a list belongs makes msgspec refuse the body, and the body is then read
# again by the lenient path (decode_json and from_dict), which keeps unknown keys and locates errors. So a
# body with fields the spec does not know yet costs about twice as much to read, and nothing else changes.
_fast_readers: dict[type, Callable[[bytes], Any] | None] = {}


def _fast_reader(model: type) -> Callable[[bytes], Any] | None:
    if model in _fast_readers:
        return _fast_readers[model]
    shape = getattr(model, "_Shape", None)
    from_shape = getattr(model, "_from_shape", None)
    reader = None
    if shape is not None and from_shape is not None:
        decode = msgspec.json.Decoder(shape).decode

        def reader(content: bytes) -> Any:
            return from_shape(decode(content))

    _fast_readers[model] = reader
    return reader


def read_json(response: httpx.Response, from_dict: Callable[[dict[str, Any]], T]) -> T:
    """A 2xx body read into its model, or ResponseValidationError saying why it could not be."""
    try:
        return load_json(response.content, from_dict)
    except ModelParseError as exc:
        request = f"{response.request.method} {response.request.url.path}"
        raise ResponseValidationError(
            f"{response.status_code} from {request}: unexpected body shape at {exc}", response=response, path=exc.path
        ) from exc
    except ValueError as exc:
        request = f"{response.request.method} {response.request.url.path}"
        kind = response.headers.get("content-type", "no content type").split(";")[0]
        problem = "an empty body" if not response.content else f"a body that is not JSON ({kind}): {exc}"
        raise ResponseValidationError(
            f"{response.status_code} from {request} came with {problem}", response=response
        ) from exc


# ---- Pages ----------------------------------------------------------------------------------------------


def _check_paging(per_page: int, limit: int | None) -> None:
    query_count("per_page", per_page)
    if per_page == 0:
        _refuse("per_page", "must be at least 1 to walk the pages")
    if limit is not None:
        query_count("limit", limit)


def _is_last_page(page_no: int, per_page: int, batch: int, total: float | None) -> bool:
    # Pages are numbered from 1: page p ends at item p * per_page of the whole list.
    return batch < per_page or (total is not None and page_no * per_page >= total)


def iterate_pages(
    fetch: Callable[[int], P],
    items: Callable[[P], list[T]],
    total: Callable[[P], float | None],
    *,
    page_no: int,
    per_page: int,
    limit: int | None,
) -> Iterator[T]:
    """Every item from page `page_no` on, fetching pages as they are needed, until the API's total_count is
    reached, a page comes back short, or `limit` items have been given."""
    _check_paging(per_page, limit)
    given = 0
    while limit is None or given < limit:
        page = fetch(page_no)
        batch = items(page)
        yield from batch[: None if limit is None else limit - given]
        given += len(batch)
        if _is_last_page(page_no, per_page, len(batch), total(page)):
            return
        page_no += 1


async def aiterate_pages(
    fetch: Callable[[int], Awaitable[P]],
    items: Callable[[P], list[T]],
    total: Callable[[P], float | None],
    *,
    page_no: int,
    per_page: int,
    limit: int | None,
) -> AsyncIterator[T]:
    """The async twin of `iterate_pages`."""
    _check_paging(per_page, limit)
    given = 0
    while limit is None or given < limit:
        page = await fetch(page_no)
        batch = items(page)
        for item in batch[: None if limit is None else limit - given]:
            yield item
        given += len(batch)
        if _is_last_page(page_no, per_page, len(batch), total(page)):
            return
        page_no += 1


# ---- Downloads ------------------------------------------------------------------------------------------

# Statuses a storage host answers for a signed URL that has expired (S3 and R2 say 403 "Request has
# expired"; some proxies 410): worth one fresh URL.
_EXPIRED_URL_STATUSES = frozenset({403, 410})


def _download_client_args(client: Client) -> dict[str, Any]:
    # The download host is not Cloudflare's API: it gets none of the client's headers (the token above all),
    # cookies or base URL. Only how to reach the network carries over.
    args = {key: value for key, value in client._httpx_args.items() if key in ("transport", "proxy", "mounts")}
    return {
        "headers": {"User-Agent": USER_AGENT},
        "timeout": client._timeout,
        "verify": client._verify_ssl,
        "follow_redirects": True,
        **args,
    }


def download_link(response: httpx.Response, url: object, expiry: object, field: str) -> tuple[str, object]:
    """The download URL an answer gave, refused with ResponseValidationError unless it is an http(s) URL."""
    if isinstance(url, str):
        try:
            parsed = httpx.URL(url)
        except httpx.InvalidURL:
            parsed = None
        if parsed is not None and parsed.scheme in ("http", "https") and parsed.host:
            return url, expiry
    raise ResponseValidationError(
        f"{response.status_code} from {response.request.url.path}: {field} is not an http(s) URL: {_shown(url)}",
        response=response,
        path=f"$.data.{field}",
    )


def _expired(expiry: object) -> bool:
    import datetime

    if not isinstance(expiry, datetime.datetime):
        return False
    return expiry <= datetime.datetime.now(datetime.UTC)


def _to_download(response: httpx.Response) -> Download:
    return Download(url=str(response.url), content=response.content, content_type=response.headers.get("content-type"))


def fetch_download(
    client: Client,
    locate: Callable[[], tuple[str, object]],
    *,
    timeout: httpx.Timeout | float | None | Unset = UNSET,
    max_retries: int | Unset = UNSET,
) -> Download:
    """Fetch what a download URL points at. `locate` asks the API for the URL and its expiry; it is asked
    again, once, when the URL has expired before or during the download."""
    retries = client.max_retries if isinstance(max_retries, Unset) else max_retries
    url, expiry = locate()
    refreshed = False
    if _expired(expiry):
        url, expiry = locate()
        refreshed = True
    with httpx.Client(**_download_client_args(client)) as http:
        try:
            return _to_download(_send(http, {"method": "GET", "url": url}, timeout, retries, True))
        except APIStatusError as exc:
            if refreshed or exc.status_code not in _EXPIRED_URL_STATUSES:
                raise
        url, expiry = locate()
        return _to_download(_send(http, {"method": "GET", "url": url}, timeout, retries, True))


async def afetch_download(
    client: Client,
    locate: Callable[[], Awaitable[tuple[str, object]]],
    *,
    timeout: httpx.Timeout | float | None | Unset = UNSET,
    max_retries: int | Unset = UNSET,
) -> Download:
    """The async twin of `fetch_download`."""
    retries = client.max_retries if isinstance(max_retries, Unset) else max_retries
    url, expiry = await locate()
    refreshed = False
    if _expired(expiry):
        url, expiry = await locate()
        refreshed = True
    async with httpx.AsyncClient(**_download_client_args(client)) as http:
        try:
            return _to_download(await _send_async(http, {"method": "GET", "url": url}, timeout, retries, True))
        except APIStatusError as exc:
            if refreshed or exc.status_code not in _EXPIRED_URL_STATUSES:
                raise
        url, expiry = await locate()
        return _to_download(await _send_async(http, {"method": "GET", "url": url}, timeout, retries, True))
