# Copied into generated/realtimekit_sessions/ by `make generate`: edit openapi/runtime/client.py, not the copy.
"""The clients: settings shared by every request, and the httpx clients built from them.

Every generated operation sends its request through `_transport.send` (or `send_async`), which turns transport
failures and non-2xx answers into the exceptions of `errors` and retries the ones worth retrying.
"""

from __future__ import annotations

import ipaddress
import os
import ssl
from typing import Any, Self

import httpx
from attrs import define, evolve, field

from ._reading import decode_json, load_json, read_json
from .errors import ConfigurationError

__version__ = "0.1.0"

DEFAULT_BASE_URL = "https://api.cloudflare.com/client/v4"
# httpx's own default is 5 s for everything; a large peer report can take longer than that to arrive.
DEFAULT_TIMEOUT = httpx.Timeout(60.0, connect=5.0)
DEFAULT_MAX_RETRIES = 2
USER_AGENT = f"realtimekit-sessions/{__version__} httpx/{httpx.__version__}"


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


__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
    "USER_AGENT",
    "AuthenticatedClient",
    "Client",
    "__version__",
    "decode_json",
    "load_json",
    "read_json",
]
