# Copied into generated/realtimekit_sessions/ by `make generate`: edit openapi/runtime/client.py, not the copy.
"""The clients: settings shared by every request, and the httpx clients built from them.

Every generated operation sends its request through `_transport.send` (or `send_async`), which turns transport
failures and non-2xx answers into the exceptions of `errors` and retries the ones worth retrying.
"""

from __future__ import annotations

import contextlib
import functools
import ipaddress
import os
import ssl
import threading
import weakref
from collections.abc import AsyncGenerator
from typing import Any, Literal, Self

import httpx
from attrs import define, evolve, field

from ._ratelimit import RateLimit, as_rate_limit
from ._reading import decode_json, load_json, read_json
from ._transport import AsyncRetrySleep, RetrySleep, keep_to_deadlines
from .errors import ConfigurationError
from .types import UNSET, Unset

__version__ = "0.1.0"

DEFAULT_BASE_URL = "https://api.cloudflare.com/client/v4"
# httpx's own default is 5 s for everything; a large peer report can take longer than that to arrive.
DEFAULT_TIMEOUT = httpx.Timeout(60.0, connect=5.0)
DEFAULT_MAX_RETRIES = 2
# A chat, transcript or summary is kilobytes to a few megabytes; anything past this in memory is an accident.
DEFAULT_MAX_DOWNLOAD_BYTES = 100 * 1024 * 1024
# Event loops not running whose async pools a client keeps (see Client._async_pool).
IDLE_LOOPS = 8
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


@functools.cache
def _ssl_context(trust_env: bool, ca_file: str | None, ca_dir: str | None, alpn: str) -> ssl.SSLContext:
    # httpx's own default, made by httpx (it reads SSL_CERT_FILE / SSL_CERT_DIR when trust_env; hence the key).
    # `alpn` is in the key because httpcore sets the context's ALPN protocols for each connection it opens
    # ("h2" and "http/1.1" clients each get theirs), and aiohttp, which speaks HTTP/1.1 only, must never be
    # handed a context an HTTP/2 client has set to offer h2 ("aiohttp": no httpcore connection ever sets it).
    return httpx.create_ssl_context(verify=True, trust_env=trust_env)


def shared_verify(
    verify: str | bool | ssl.SSLContext, httpx_args: dict[str, Any], *, aiohttp: bool = False
) -> str | bool | ssl.SSLContext:
    """httpx's `verify`, with the default (True) as one SSL context per process rather than one per httpx client.

    httpx builds a context for every client it makes, and building one reads the whole CA bundle: about 40 ms,
    more than a hundred small calls. Clients made per task or per thread, each download's client, and copies
    made by with_headers() all paid it. The context is the one httpx would make: certifi's bundle, or
    SSL_CERT_FILE / SSL_CERT_DIR when trust_env (as they are when the client is built). An SSLContext may be
    shared by threads; `False`, a context of the caller's own, or `cert=` in httpx_args (which httpx would load
    into the context) leave httpx to make its own as before.
    """
    if verify is not True or httpx_args.get("cert"):
        return verify
    trust_env = bool(httpx_args.get("trust_env", True))
    env = os.environ if trust_env else {}
    alpn = "aiohttp" if aiohttp else "h2" if httpx_args.get("http2") else "http/1.1"
    return _ssl_context(trust_env, env.get("SSL_CERT_FILE") or None, env.get("SSL_CERT_DIR") or None, alpn)


# Settings the client makes from its own arguments; the same keys in httpx_args would fight them.
_OWN_HTTPX_SETTINGS = {
    "base_url": "base_url",
    "timeout": "timeout",
    "headers": "headers",
    "cookies": "cookies",
    "verify": "verify_ssl",
    "follow_redirects": "follow_redirects",
}


@define
class Client:
    """Settings shared by every request, and the httpx clients built from them.

    Keyword arguments:
        base_url: defaults to $CLOUDFLARE_BASE_URL, else https://api.cloudflare.com/client/v4. Plain http:// is
            refused except to a loopback address, unless allow_insecure_http=True.
        timeout: an httpx.Timeout or seconds; defaults to 5 s to connect and 60 s for the rest. It also bounds
            each attempt as a whole (its largest part), so a server that trickles cannot hold a call for ever.
            Each call can override it with its own `timeout=`.
        max_retries: how many times a failed request is tried again (default 2); each call can override it.
        max_retry_after: the longest Retry-After waited out before a retry (default 60 s); a longer one is
            raised as RateLimitError with `retry_after` set. A bulk job may set 300 to sit out Cloudflare's
            five-minute block.
        retry_sleep: how sync calls wait before a retry, `retry_sleep(seconds, error)` (default time.sleep): a
            program can show the wait, as the command-line tool counts it down.
        async_retry_sleep: how async calls wait before a retry, `await async_retry_sleep(seconds, error)`
            (default asyncio.sleep), on either async transport: the same for programs on an event loop, whose
            waits must not block it.
        rate_limit: True for a request budget shared by every call of this client and its copies, sync and async:
            Cloudflare's global 1,200 requests per 5 minutes, waiting until the reset when an answer's
            `Ratelimit` header says the quota is nearly spent; or a `RateLimit(requests=, per_seconds=,
            min_remaining=, max_pause=)` of your own. Off by default.
        headers, cookies, verify_ssl, follow_redirects: as in httpx (redirects are not followed by default).
        max_download_bytes: the most a download may hold in memory, decompressed (default 100 MiB); a download
            streamed to a file (`download(..., to=path)`) has no cap.
        async_transport: what async calls go through: "httpx" (the default, httpx's own pool) or "aiohttp"
            (an aiohttp session behind the same httpx interface; needs the `[aiohttp]` extra). Same errors,
            retries, timeouts and headers either way; aiohttp carries many concurrent calls several times
            faster (docs/performance.md). Sync calls always use httpx.
        httpx_args: passed on to httpx.Client / httpx.AsyncClient (for example `transport=`, `proxy=`,
            `trust_env=`, `limits=`); what reaches the network (transport, proxy, mounts, trust_env, cert, http2)
            applies to downloads too.

    One client may be shared: by threads (one connection pool, built once), across a fork (the child builds
    its own pool and never reads the parent's connections), and by event loops, one after another or at once in
    several threads (each loop gets an async pool of its own, closed when asyncio.run ends the loop). After
    close() the next call builds a fresh pool.
    """

    _base_url: str = field(factory=_env_base_url, kw_only=True, alias="base_url")
    _timeout: httpx.Timeout | float | None = field(default=DEFAULT_TIMEOUT, kw_only=True, alias="timeout")
    max_retries: int = field(default=DEFAULT_MAX_RETRIES, kw_only=True)
    max_retry_after: float | None = field(default=None, kw_only=True)
    max_download_bytes: int = field(default=DEFAULT_MAX_DOWNLOAD_BYTES, kw_only=True)
    retry_sleep: RetrySleep | None = field(default=None, kw_only=True, repr=False)
    async_retry_sleep: AsyncRetrySleep | None = field(default=None, kw_only=True, repr=False)
    rate_limit: RateLimit | None = field(default=None, kw_only=True, converter=as_rate_limit)
    _headers: dict[str, str] = field(factory=dict, kw_only=True, alias="headers")
    _cookies: dict[str, str] = field(factory=dict, kw_only=True, alias="cookies")
    _verify_ssl: str | bool | ssl.SSLContext = field(default=True, kw_only=True, alias="verify_ssl")
    _follow_redirects: bool = field(default=False, kw_only=True, alias="follow_redirects")
    _allow_insecure_http: bool = field(default=False, kw_only=True, alias="allow_insecure_http")
    _httpx_args: dict[str, Any] = field(factory=dict, kw_only=True, alias="httpx_args", repr=False)
    async_transport: Literal["httpx", "aiohttp"] = field(default="httpx", kw_only=True)
    _client: httpx.Client | None = field(default=None, init=False, repr=False)
    # Clients given with set_httpx_client / set_async_httpx_client are the caller's: never replaced or rebuilt.
    _client_given: bool = field(default=False, init=False, repr=False)
    _async_given: httpx.AsyncClient | None = field(default=None, init=False, repr=False)
    # Where the sync pool was built: a forked child needs a pool of its own.
    _client_pid: int = field(default=0, init=False, repr=False)
    # The async pools: one for each event loop (a pool's connections belong to the loop that opened them, and can
    # be neither used nor closed from another), each with what closes it at its loop's end (_closed_with_loop).
    # `_async_unbound` is one built outside any loop, taken by the first loop that uses it; `_async_last` is the
    # (loop, pool) last handed out, read in one step by the per-call fast path whatever other threads do.
    _async_pools: dict[Any, tuple[httpx.AsyncClient, AsyncGenerator[None, None]]] = field(
        factory=dict, init=False, repr=False, eq=False
    )
    _async_unbound: httpx.AsyncClient | None = field(default=None, init=False, repr=False)
    _async_last: tuple[object, httpx.AsyncClient | None] = field(default=(None, None), init=False, repr=False)
    _lock: threading.Lock = field(factory=threading.Lock, init=False, repr=False, eq=False)
    # A copy made by with_headers / with_timeout: the client whose pools it sends through (see with_headers), and
    # what it sends that the original does not: the headers it added, its timeout if another (else UNSET).
    _original: Client | None = field(default=None, init=False, repr=False, eq=False)
    _added_headers: tuple[tuple[str, str], ...] = field(default=(), init=False, repr=False, eq=False)
    _own_timeout: httpx.Timeout | float | None | Unset = field(default=UNSET, init=False, repr=False, eq=False)
    # The base URL as text, without its trailing slash: requests are sent with absolute URLs built from it,
    # which spares httpx parsing and merging a relative one (a third of a small call's cost).
    _url_prefix: str = field(default="", init=False, repr=False)

    def __attrs_post_init__(self) -> None:
        _CLIENTS[id(self)] = self
        _check_base_url(self._base_url, self._allow_insecure_http)
        self._url_prefix = self._base_url.rstrip("/")
        if self.max_retries < 0:
            raise ConfigurationError(f"max_retries must be 0 or more, not {self.max_retries}")
        if self.max_retry_after is not None and not (0 <= self.max_retry_after < float("inf")):
            raise ConfigurationError(f"max_retry_after must be a number of seconds, not {self.max_retry_after}")
        _check_httpx_args(self._httpx_args)
        _check_async_transport(self.async_transport)

    @property
    def base_url(self) -> str:
        return self._base_url

    def _request_headers(self) -> dict[str, str]:
        return {"User-Agent": USER_AGENT, "Accept": "application/json", **self._headers}

    def with_headers(self, headers: dict[str, str]) -> Self:
        """A copy of this client that also sends these headers.

        A copy sends through this client's connection pools (its headers and timeout go with each request), as
        its rate limit is this client's: a copy made for each call (a request ID, a longer timeout) opens no
        connection of its own, and closing a copy (close(), a `with` block) leaves this client's pools open.
        """
        return self._copy(evolve(self, headers={**self._headers, **headers}))

    def with_timeout(self, timeout: httpx.Timeout | float) -> Self:
        """A copy of this client with another timeout (sending through this client's pools: see with_headers)."""
        return self._copy(evolve(self, timeout=timeout), timeout_given=True)

    def _copy(self, copy: Self, *, timeout_given: bool = False) -> Self:
        # A copy given an httpx client of its own sends through it, to its base URL: so do copies made of it. Others
        # go to the first original, so that a chain of copies of copies is never walked on each call.
        given = self._client_given or self._async_given is not None
        original = copy._original = self if given else self._original or self
        copy._url_prefix = self._url_prefix
        # Only what the original's pool does not already send goes on each request: a client given its own httpx
        # client sends that client's headers (its credentials among them), and a copy of it adds its own to them.
        # Compared as sent (_request_headers), so that the token wins over an Authorization header, as it does in
        # a client made with that header.
        sent = original._request_headers()
        copy._added_headers = tuple(
            (name, value) for name, value in copy._request_headers().items() if sent.get(name) != value
        )
        # The timeout asked of with_timeout goes on each request even when it is the original's own: an original
        # given an httpx client sends with that client's timeout. Otherwise a copy keeps its middle copy's.
        if timeout_given:
            copy._own_timeout = copy._timeout
        else:
            copy._own_timeout = self._own_timeout if original is not self else UNSET
        return copy

    def _httpx_settings(self, *, aiohttp: bool = False) -> dict[str, Any]:
        return {
            "base_url": self._base_url,
            "cookies": self._cookies,
            "headers": self._request_headers(),
            "timeout": self._timeout,
            "verify": shared_verify(self._verify_ssl, self._httpx_args, aiohttp=aiohttp),
            "follow_redirects": self._follow_redirects,
            **self._httpx_args,
        }

    def set_httpx_client(self, client: httpx.Client) -> Self:
        """Use this httpx.Client for requests; it replaces every setting of this client, base URL included."""
        self._client, self._client_given = client, True
        self._url_prefix = str(client.base_url).rstrip("/")
        return self

    def get_httpx_client(self) -> httpx.Client:
        """The httpx.Client requests go through, built on first use (once, whichever thread asks first)."""
        if self._original is not None and not self._client_given:
            return self._original.get_httpx_client()
        client = self._client
        if client is not None and (self._client_given or self._client_pid == os.getpid()):
            return client
        with self._lock:
            if self._client is None or not (self._client_given or self._client_pid == os.getpid()):
                # None yet, or the parent's after a fork: its connections are the parent's, never to be read
                # here (nor closed: closing would end them for the parent too).
                client = httpx.Client(**self._httpx_settings())
                client._cookies = _SentCookiesOnly(self._cookies)
                keep_to_deadlines(client)
                self._client, self._client_pid = client, os.getpid()
            return self._client

    def __enter__(self) -> Self:
        self.get_httpx_client()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection pool; a later call builds a fresh one."""
        with self._lock:
            client, self._client = self._client, None
        if client is not None and (self._client_given or self._client_pid == os.getpid()):
            client.close()
        self._client_given = False

    def set_async_httpx_client(self, async_client: httpx.AsyncClient) -> Self:
        """Use this httpx.AsyncClient for async requests; it replaces every setting of this client, base URL
        included."""
        self._async_given = async_client
        self._url_prefix = str(async_client.base_url).rstrip("/")
        return self

    def get_async_httpx_client(self) -> httpx.AsyncClient:
        """The httpx.AsyncClient async requests go through: one for each event loop, built on first use in it."""
        given = self._async_given
        if given is not None:
            return given
        if self._original is not None:
            return self._original.get_async_httpx_client()
        import asyncio

        try:
            loop: asyncio.AbstractEventLoop | None = asyncio.get_running_loop()
        except RuntimeError:  # asked outside any loop (to look at it): built now, taken by the first loop to use it
            loop = None
        last_loop, last = self._async_last
        if last is not None and last_loop is loop:
            return last
        return self._async_pool(loop)

    def _async_pool(self, loop: Any) -> httpx.AsyncClient:
        with self._lock:
            if loop is None:
                if self._async_unbound is None:
                    self._async_unbound = self._build_async_client()
                return self._async_unbound
            found = self._async_pools.get(loop)
            if found is None:
                # A loop closed without shutdown_asyncgens() (which asyncio.run and asyncio.Runner call) never
                # closed its pool: let go, to the garbage collector. A loop not running now may be run again (an
                # asyncio.Runner between two runs) or may have been dropped unclosed, which no one can tell: the
                # IDLE_LOOPS most recent keep their pools, and older ones are let go, so that a program dropping
                # loops unclosed one after another does not have them held, with their sockets, for ever.
                idle = []
                for other in list(self._async_pools):
                    if other.is_closed():
                        del self._async_pools[other]
                    elif not other.is_running():
                        idle.append(other)
                for oldest in idle[: max(0, len(idle) - IDLE_LOOPS)]:
                    del self._async_pools[oldest]
                pool = self._async_unbound if self._async_unbound is not None else self._build_async_client()
                self._async_unbound = None
                found = self._async_pools[loop] = (pool, self._closed_with_loop(loop, pool))
            self._async_last = (loop, found[0])
            return found[0]

    def _build_async_client(self) -> httpx.AsyncClient:
        if self.async_transport == "aiohttp":
            from ._aiohttp import AiohttpClient

            client: httpx.AsyncClient = AiohttpClient(**self._httpx_settings(aiohttp=True))
        else:
            client = httpx.AsyncClient(**self._httpx_settings())
        client._cookies = _SentCookiesOnly(self._cookies)
        return client

    def _closed_with_loop(self, loop: Any, pool: httpx.AsyncClient) -> AsyncGenerator[None, None]:
        """What closes `pool`, in `loop`, when the loop ends: an async generator, its first step taken here, so
        that the running loop keeps track of it (the loop's first-iteration hook) and closes it in its
        shutdown_asyncgens(), which asyncio.run and asyncio.Runner call before they close the loop. Closing it
        closes the pool, unless aclose() has already. A pool left open would hold its connections until the
        collector came by, and aiohttp's would log "Unclosed client session" and "Unclosed connector" then."""

        async def close_at_the_end() -> AsyncGenerator[None, None]:
            try:
                yield
            finally:
                with self._lock:
                    ours = self._async_pools.get(loop, (None,))[0] is pool
                    if ours:
                        del self._async_pools[loop]
                        if self._async_last[1] is pool:
                            self._async_last = (None, None)
                if ours:
                    await pool.aclose()

        closer = close_at_the_end()
        with contextlib.suppress(StopIteration):  # the step ends at the yield, without waiting for anything
            closer.__anext__().send(None)
        return closer

    async def __aenter__(self) -> Self:
        self.get_async_httpx_client()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Close this event loop's async connection pool (and a client given with set_async_httpx_client); a
        later call builds a fresh one. Other loops' pools are theirs, closed when those loops end."""
        import asyncio

        try:
            loop: asyncio.AbstractEventLoop | None = asyncio.get_running_loop()
        except RuntimeError:  # not asyncio's (trio, through httpx): only the pool built outside a loop is in use
            loop = None
        with self._lock:
            given, self._async_given = self._async_given, None
            unbound, self._async_unbound = self._async_unbound, None
            found = self._async_pools.get(loop)
        if given is not None:
            await given.aclose()
        if unbound is not None:
            await unbound.aclose()
        if found is not None:
            await found[1].aclose()  # the pool closed as at the loop's end, and forgotten


# Every client of this process, for the fork hook below (by id: clients compare by value, so are not hashable).
_CLIENTS: weakref.WeakValueDictionary[int, Client] = weakref.WeakValueDictionary()


# The parent's async pools, as a forked child found them: kept, never used, never closed (see below).
_PARENTS_POOLS: list[object] = []


def _after_fork_in_child() -> None:
    # A thread of the parent building a pool (holding the lock) at the fork is not in the child: the lock would
    # stay held for ever, and the child's first call would hang on it. What it guards is replaced there anyway:
    # the sync pool is rebuilt for the child's pid, and the async pools are set aside here. An event loop made
    # before the fork and run on in the child would otherwise find the parent's pool, and parent and child read
    # each other's answers. Set aside, not dropped: collected, aiohttp's would close their connections, and a
    # forked loop shares its epoll with the parent's, so the parent's connections would go deaf to it.
    for client in list(_CLIENTS.values()):
        client._lock = threading.Lock()
        _PARENTS_POOLS.append((client._async_pools, client._async_unbound))
        client._async_pools = {}
        client._async_unbound = None
        client._async_last = (None, None)


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork_in_child)


@define
class AuthenticatedClient(Client):
    """A Client that sends a Cloudflare API token as `Authorization: Bearer <token>`.

    The token defaults to $CLOUDFLARE_API_TOKEN; surrounding whitespace (a file's trailing newline) is dropped.
    It is kept out of repr() and str(), and is sent only to base_url: redirects are not followed unless asked,
    and httpx drops the header on a redirect to another host.
    """

    token: str | None = field(factory=_env_token, kw_only=True, repr=False)

    def __attrs_post_init__(self) -> None:
        if isinstance(self.token, str):
            self.token = self.token.strip()
        if not self.token:
            raise ConfigurationError(
                "no API token: pass token=... or set CLOUDFLARE_API_TOKEN "
                "(a token with the Realtime or Realtime Admin permission)"
            )
        if not isinstance(self.token, str) or not _is_header_safe(self.token):
            # Said without the token: this message may well reach a log.
            raise ConfigurationError(
                "the API token holds whitespace, control or non-ASCII characters inside it: "
                "it cannot be sent in a header (copied with something around it?)"
            )
        super().__attrs_post_init__()

    def _request_headers(self) -> dict[str, str]:
        return {**super()._request_headers(), "Authorization": f"Bearer {self.token}"}


def _is_header_safe(token: str) -> bool:
    return token.isascii() and token.isprintable() and not any(c.isspace() for c in token)


def _check_httpx_args(httpx_args: dict[str, Any]) -> None:
    if not httpx_args:
        return
    import inspect

    for key, own in _OWN_HTTPX_SETTINGS.items():
        if key in httpx_args:
            raise ConfigurationError(
                f"httpx_args[{key!r}] would override the client's own {own}=...: pass {own}= to the client instead"
            )
    accepted = inspect.signature(httpx.Client.__init__).parameters
    unknown = sorted(key for key in httpx_args if key not in accepted)
    if unknown:
        raise ConfigurationError(f"httpx_args has keys httpx.Client does not take: {', '.join(unknown)}")


def _check_async_transport(name: object) -> None:
    if name == "httpx":
        return
    if name != "aiohttp":
        raise ConfigurationError(f'async_transport must be "httpx" or "aiohttp", not {name!r}')
    import importlib.util

    if importlib.util.find_spec("httpx_aiohttp") is None or importlib.util.find_spec("aiohttp") is None:
        raise ConfigurationError(
            'async_transport="aiohttp" needs httpx-aiohttp: pip install "realtimekit-sessions[aiohttp]"'
        )


def _check_base_url(base_url: str, allow_insecure_http: bool) -> None:
    try:
        url = httpx.URL(base_url)
    except (httpx.InvalidURL, TypeError) as exc:
        raise ConfigurationError(f"base_url is not a URL: {base_url!r}") from exc
    if base_url != base_url.strip():
        raise ConfigurationError(f"base_url has whitespace around it: {base_url!r}")
    if url.query or url.fragment or "?" in base_url or "#" in base_url:
        # Paths are appended to the base URL: after a query or a fragment they would not be paths at all.
        raise ConfigurationError(f"base_url must not have a query or a fragment: {base_url!r}")
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
    "RateLimit",
    "__version__",
    "decode_json",
    "load_json",
    "read_json",
]
