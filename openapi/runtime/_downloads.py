# Copied into generated/realtimekit_sessions/ by `make generate`: edit openapi/runtime/_downloads.py, not the copy.
"""Files behind the download URLs the API hands out, fetched without the API token."""

from __future__ import annotations

import datetime
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

import httpx

from ._models import FieldPath, json_path, value_at
from ._params import shown
from ._transport import send_http, send_http_async
from .client import USER_AGENT
from .errors import APIStatusError, ResponseValidationError
from .types import UNSET, Download, Unset

if TYPE_CHECKING:
    from .client import Client

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


def download_link(response: httpx.Response, answer: object, url: FieldPath, expiry: FieldPath) -> tuple[str, object]:
    """The download URL and its expiry in an answer (at x-download's `url` and `expiry`), refused with
    ResponseValidationError unless the URL is an http(s) URL."""
    link = value_at(answer, url)
    if isinstance(link, str):
        try:
            parsed = httpx.URL(link)
        except httpx.InvalidURL:
            parsed = None
        if parsed is not None and parsed.scheme in ("http", "https") and parsed.host:
            return link, value_at(answer, expiry)
    where = json_path(url)
    problem = f"has no {where}" if link is UNSET else f"{where} is not an http(s) URL: {shown(link)}"
    raise ResponseValidationError(
        f"{response.status_code} from {response.request.url.path} {problem}: no download URL to follow",
        response=response,
        path=where,
    )


def _expired(expiry: object) -> bool:
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
            return _to_download(send_http(http, {"method": "GET", "url": url}, timeout, retries, True))
        except APIStatusError as exc:
            if refreshed or exc.status_code not in _EXPIRED_URL_STATUSES:
                raise
        url, expiry = locate()
        return _to_download(send_http(http, {"method": "GET", "url": url}, timeout, retries, True))


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
            return _to_download(await send_http_async(http, {"method": "GET", "url": url}, timeout, retries, True))
        except APIStatusError as exc:
            if refreshed or exc.status_code not in _EXPIRED_URL_STATUSES:
                raise
        url, expiry = await locate()
        return _to_download(await send_http_async(http, {"method": "GET", "url": url}, timeout, retries, True))
