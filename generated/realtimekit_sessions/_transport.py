# Copied into generated/realtimekit_sessions/ by `make generate`: edit openapi/runtime/_transport.py, not the copy.
"""The one place every operation's request goes through: timeouts, retries and errors.

`send` turns transport failures and non-2xx answers into the exceptions of `errors`, and retries the ones worth
retrying with exponential backoff and jitter, honouring Retry-After. The retry loop is tenacity's, entered only
after a first attempt has failed, so a call that succeeds pays nothing for it.
"""

from __future__ import annotations

import asyncio
import email.utils
import random
import time
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlencode

import httpx

from .errors import APIConnectionError, APIError, APIStatusError, APITimeoutError, status_error
from .types import UNSET, Unset

if TYPE_CHECKING:
    from tenacity import RetryCallState

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
    return send_http(http, _absolute(client._url_prefix, request), timeout, retries, idempotent)


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
    return await send_http_async(http, _absolute(client._url_prefix, request), timeout, retries, idempotent)


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


def send_http(
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


async def send_http_async(
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
