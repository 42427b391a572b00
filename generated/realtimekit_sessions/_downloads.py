# Copied into generated/realtimekit_sessions/ by `make generate`: edit openapi/runtime/_downloads.py, not the copy.
"""Files behind the download URLs the API hands out, fetched without the API token."""

from __future__ import annotations

import datetime
import ipaddress
import os
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx

from ._models import FieldPath, json_path, value_at
from ._params import shown
from ._transport import keep_to_deadlines, send_http, send_http_async
from .client import USER_AGENT, shared_verify
from .errors import APIStatusError, DownloadRefusedError, DownloadTooLargeError, ResponseValidationError
from .types import UNSET, Download, Unset

if TYPE_CHECKING:
    from .client import Client

# Statuses a storage host answers for a signed URL that has expired (S3 and R2 say 403 "Request has
# expired"; some proxies 410): worth one fresh URL.
_EXPIRED_URL_STATUSES = frozenset({403, 410})
# What reaches the network carries over to the download client from httpx_args; nothing else does.
_NETWORK_SETTINGS = ("transport", "mounts", "proxy", "trust_env", "cert", "http1", "http2")
_MAX_REDIRECTS = 5
_CHUNK = 64 * 1024


def _download_client_args(client: Client) -> dict[str, Any]:
    # The download host is not Cloudflare's API: it gets none of the client's headers (the token above all),
    # cookies or base URL. Redirects are followed, each hop checked before it is sent.
    args = {key: value for key, value in client._httpx_args.items() if key in _NETWORK_SETTINGS}
    return {
        "headers": {"User-Agent": USER_AGENT},
        "timeout": client._timeout,
        "verify": shared_verify(client._verify_ssl, args),
        "follow_redirects": True,
        "max_redirects": _MAX_REDIRECTS,
        **args,
    }


def _shown_url(url: httpx.URL) -> str:
    # Signed download URLs carry their signature in the query: enough to fetch the file, so not for messages.
    return str(url.copy_with(query=None, fragment=None))


def check_download_url(url: httpx.URL, allow_local: bool) -> None:
    """Refuse a download hop that is not https to a public host (DownloadRefusedError).

    A client whose own base URL is local (tests, the mock) may also fetch over http from loopback hosts.
    Link-local addresses (cloud metadata services live at 169.254.169.254 and fd00:ec2::254) never.
    """
    host = url.host
    try:
        address: ipaddress.IPv4Address | ipaddress.IPv6Address | None = ipaddress.ip_address(host)
    except ValueError:
        address = None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    loopback = host == "localhost" or (address is not None and address.is_loopback)
    problem = None
    if url.scheme not in ("https", "http"):
        problem = f"is not an http(s) URL ({url.scheme})"
    elif address is not None and address.is_link_local:
        problem = "points at a link-local address, where cloud metadata services answer"
    elif loopback and not allow_local:
        problem = "points at this machine"
    elif address is not None and not loopback and (address.is_private or not address.is_global):
        problem = "points at a private or reserved address"
    elif url.scheme == "http" and not (loopback and allow_local):
        problem = "is plain http: the file would travel unencrypted and could be changed on the way"
    if problem is not None:
        raise DownloadRefusedError(f"download refused: {_shown_url(url)} {problem}", url=_shown_url(url))


class _Sink:
    """Where a download's bytes go: memory (capped) or a file (streamed, bounded memory)."""

    def __init__(self, to: Path | None, limit: int) -> None:
        self.to, self.limit = to, limit
        self.size = 0
        self.chunks: list[bytes] = []
        self.response: httpx.Response | None = None

    def start(self, response: httpx.Response) -> None:
        self.size, self.chunks, self.response = 0, [], response
        if self.to is not None:
            self.to.write_bytes(b"")  # each attempt starts the file afresh

    def add(self, chunk: bytes) -> None:
        self.size += len(chunk)
        if self.to is not None:
            with self.to.open("ab") as file:
                file.write(chunk)
        elif self.size > self.limit:
            url = _shown_url(self.response.url) if self.response is not None else ""
            raise DownloadTooLargeError(
                f"download of {url} passed max_download_bytes ({self.limit}) in memory: pass to=... to stream it "
                "to a file",
                url=url,
            )
        else:
            self.chunks.append(chunk)

    def read(self, response: httpx.Response) -> None:
        self.start(response)
        for chunk in response.iter_bytes(_CHUNK):
            self.add(chunk)

    async def aread(self, response: httpx.Response) -> None:
        self.start(response)
        async for chunk in response.aiter_bytes(_CHUNK):
            self.add(chunk)

    def result(self, response: httpx.Response) -> Download:
        return Download(
            url=str(response.url),
            content=b"".join(self.chunks),
            content_type=response.headers.get("content-type"),
            path=self.to,
            size=self.size,
        )


def _is_local(client: Client) -> bool:
    host = httpx.URL(client._url_prefix).host
    try:
        return host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


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


def fetch_download(
    client: Client,
    locate: Callable[[], tuple[str, object]],
    *,
    timeout: httpx.Timeout | float | None | Unset = UNSET,
    max_retries: int | Unset = UNSET,
    to: str | os.PathLike[str] | None = None,
) -> Download:
    """Fetch what a download URL points at, into memory or streamed to the file `to`. `locate` asks the API for
    the URL and its expiry; it is asked again, once, when the URL has expired before or during the download."""
    retries = client.max_retries if isinstance(max_retries, Unset) else max_retries
    sink = _Sink(None if to is None else Path(to), client.max_download_bytes)
    allow_local = _is_local(client)

    def check(request: httpx.Request) -> None:
        check_download_url(request.url, allow_local)

    url, expiry = locate()
    refreshed = False
    if _expired(expiry):
        url, expiry = locate()
        refreshed = True
    with httpx.Client(**_download_client_args(client), event_hooks={"request": [check]}) as http:
        keep_to_deadlines(http)  # a trickling storage host is bounded like the API
        for _ in range(2):
            try:
                response = send_http(http, {"method": "GET", "url": url}, timeout, retries, True, read_body=sink.read)
            except APIStatusError as exc:
                if refreshed or exc.status_code not in _EXPIRED_URL_STATUSES:
                    raise
                url, expiry = locate()
                refreshed = True
            else:
                return sink.result(response)
    raise AssertionError("unreachable: the second attempt returns or raises")


async def afetch_download(
    client: Client,
    locate: Callable[[], Awaitable[tuple[str, object]]],
    *,
    timeout: httpx.Timeout | float | None | Unset = UNSET,
    max_retries: int | Unset = UNSET,
    to: str | os.PathLike[str] | None = None,
) -> Download:
    """The async twin of `fetch_download`."""
    retries = client.max_retries if isinstance(max_retries, Unset) else max_retries
    sink = _Sink(None if to is None else Path(to), client.max_download_bytes)
    allow_local = _is_local(client)

    async def check(request: httpx.Request) -> None:
        check_download_url(request.url, allow_local)

    url, expiry = await locate()
    refreshed = False
    if _expired(expiry):
        url, expiry = await locate()
        refreshed = True
    async with httpx.AsyncClient(**_download_client_args(client), event_hooks={"request": [check]}) as http:
        for _ in range(2):
            try:
                response = await send_http_async(
                    http, {"method": "GET", "url": url}, timeout, retries, True, read_body=sink.aread
                )
            except APIStatusError as exc:
                if refreshed or exc.status_code not in _EXPIRED_URL_STATUSES:
                    raise
                url, expiry = await locate()
                refreshed = True
            else:
                return sink.result(response)
    raise AssertionError("unreachable: the second attempt returns or raises")
