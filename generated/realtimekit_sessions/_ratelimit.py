# Copied into generated/realtimekit_sessions/ by `make generate`: edit openapi/runtime/_ratelimit.py, not the copy.
"""What the API says about its rate limit, and an opt-in budget shared by every call of one client.

Cloudflare answers with the IETF draft's structured fields (draft-ietf-httpapi-ratelimit-headers):

    Ratelimit-Policy: "default";q=1200;w=300     a List: each policy's quota (q) per window of w seconds
    Ratelimit: "default";r=50;t=30               a List: the remaining quota (r) and seconds to reset (t)

Both are parsed with http-sf (RFC 9651); a header that is not a valid structured field, or whose items lack
the draft's required parameters, is ignored as if absent (an answer that came back is never refused for it).

`RateLimit` is the client's opt-in budget (`AuthenticatedClient(rate_limit=True)`): a sliding window (by default
Cloudflare's global 1,200 requests per 5 minutes) over pyrate-limiter's in-memory bucket, shared by the sync and
the async calls of one client and every copy of it, which also pauses every call until the server's reset when
`Ratelimit` says fewer than `min_remaining` requests are left, or after a 429 with Retry-After.

The server counts a request when it arrives, somewhere between when it left and when its answer came back. So
a request holds its place in the budget from when it leaves until one window after its answer (or its failure):
the bucket records answers, and a request may leave only while the answers of the last window and the requests
still under way leave room for it. Counted from when they left instead, a request that was slow to arrive
stays in the server's window after it left the client's, and the next one gets a 429.
"""

from __future__ import annotations

import math
import os
import threading
import time
import weakref
from collections import UserString
from collections.abc import Awaitable, Callable, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from attrs import define, field, frozen

if TYPE_CHECKING:
    import httpx
    from pyrate_limiter import InMemoryBucket

# Cloudflare's global limit: 1,200 requests per five minutes per user or token (RealtimeKit's own 3,500 per
# five minutes counts towards it, so the global one binds first).
CLOUDFLARE_GLOBAL_REQUESTS = 1200
CLOUDFLARE_GLOBAL_WINDOW = 300.0
# How often a call waiting for a place re-checks while every place is held by a request under way.
_IN_FLIGHT_POLL = 0.005
_ITEM = "realtimekit"


@frozen
class RateLimitPolicy:
    """One item of `Ratelimit-Policy`: `quota` requests (q) per `window` seconds (w, None when not said)."""

    name: str
    quota: int
    window: float | None = None


@frozen
class RateLimitInfo:
    """What an answer's `Ratelimit` and `Ratelimit-Policy` headers say.

    `remaining` and `reset` (seconds from the answer) come from the `Ratelimit` item with the least quota left,
    `policy` names it; `policies` lists every `Ratelimit-Policy` item, and `quota`/`window` are those of the
    policy `policy` names (or of the only policy). Fields the headers do not give are None.
    """

    remaining: int | None = None
    reset: float | None = None
    policy: str | None = None
    policies: tuple[RateLimitPolicy, ...] = ()

    @property
    def quota(self) -> int | None:
        found = self._policy()
        return None if found is None else found.quota

    @property
    def window(self) -> float | None:
        found = self._policy()
        return None if found is None else found.window

    def _policy(self) -> RateLimitPolicy | None:
        for policy in self.policies:
            if policy.name == self.policy:
                return policy
        return self.policies[0] if len(self.policies) == 1 else None


def _list_items(value: str | None) -> list[tuple[str, dict[str, Any]]]:
    """The items of a structured-field List whose bare items are names (strings or tokens); [] if malformed."""
    if not value:
        return []
    import http_sf

    try:
        parsed: Any = http_sf.parse(value.encode("ascii", "strict"), tltype="list")
    except (http_sf.StructuredFieldError, UnicodeEncodeError, ValueError):
        return []
    items = []
    for member in parsed:
        name, params = member
        # A name is a String or a Token (http-sf's Token is a UserString); an inner list or a number is not.
        if not isinstance(name, str | UserString) or not isinstance(params, dict):
            return []
        items.append((str(name), dict(params)))
    return items


def _count(value: Any) -> int | None:
    # The draft's r and q are non-negative integers; anything else makes the item unusable.
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else None


def _seconds(value: Any) -> float | None:
    # The draft's t and w are integers; a decimal (http-sf gives a Decimal) is read too, as seconds.
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        return None
    value = float(value)
    return float(value) if math.isfinite(value) and value >= 0 else None


def read_rate_limit(headers: Mapping[str, str]) -> RateLimitInfo | None:
    """The rate limit an answer's headers describe, or None when it has neither header (or none readable)."""
    policies = []
    for name, params in _list_items(headers.get("ratelimit-policy")):
        quota = _count(params.get("q"))
        if quota is not None:
            policies.append(RateLimitPolicy(name=name, quota=quota, window=_seconds(params.get("w"))))
    states = []
    for name, params in _list_items(headers.get("ratelimit")):
        remaining = _count(params.get("r"))
        if remaining is not None:
            states.append((remaining, _seconds(params.get("t")), name))
    if not policies and not states:
        return None
    if not states:
        return RateLimitInfo(policies=tuple(policies))
    remaining, reset, policy = min(states, key=lambda state: state[0])
    return RateLimitInfo(remaining=remaining, reset=reset, policy=policy, policies=tuple(policies))


# ---- The client's budget ------------------------------------------------------------------------------------


@define
class RateLimit:
    """A request budget shared by every call of one client (sync and async, every thread, every copy).

    Keyword arguments:
        requests, per_seconds: at most `requests` requests in any `per_seconds` window (default Cloudflare's
            global limit, 1,200 per 300 s), as the server counts them: a request holds its place from when it
            leaves until `per_seconds` after its answer. Every attempt counts, retries included; downloads from
            the storage host do not (they are not API calls).
        min_remaining: when an answer's `Ratelimit` says fewer requests than this are left, every call waits
            until its reset (default 10).
        max_pause: the longest such wait, in seconds (default 300, Cloudflare's five-minute block); a 429's
            Retry-After pauses every call too, up to this.
        sleep: how sync calls wait (default time.sleep), `sleep(seconds)`; a program can show the wait.
        async_sleep: the same for async calls, an `async def` awaited (default asyncio.sleep).
    """

    requests: int = field(default=CLOUDFLARE_GLOBAL_REQUESTS, kw_only=True)
    per_seconds: float = field(default=CLOUDFLARE_GLOBAL_WINDOW, kw_only=True)
    min_remaining: int = field(default=10, kw_only=True)
    max_pause: float = field(default=CLOUDFLARE_GLOBAL_WINDOW, kw_only=True)
    sleep: Callable[[float], None] | None = field(default=None, kw_only=True, repr=False, eq=False)
    async_sleep: Callable[[float], Awaitable[None]] | None = field(default=None, kw_only=True, repr=False, eq=False)
    # When every call may go on again (time.monotonic()), after the server said the quota is nearly spent.
    _resume_at: float = field(default=0.0, init=False, repr=False, eq=False)
    _bucket: InMemoryBucket | None = field(default=None, init=False, repr=False, eq=False)
    _lock: threading.Lock = field(factory=threading.Lock, init=False, repr=False, eq=False)
    # Requests that left and whose answer (or failure) has not come back yet.
    _in_flight: int = field(default=0, init=False, repr=False, eq=False)
    # How many requests went through, and how long calls waited in all: for progress and benchmarks.
    sent: int = field(default=0, init=False, eq=False)
    waited: float = field(default=0.0, init=False, eq=False)

    def __attrs_post_init__(self) -> None:
        from .errors import ConfigurationError

        if self.requests < 1 or not (0 < self.per_seconds < math.inf):
            raise ConfigurationError(
                f"rate_limit needs at least 1 request per a positive window, not {self.requests} per {self.per_seconds}"
            )
        if self.min_remaining < 0 or not (0 <= self.max_pause < math.inf):
            raise ConfigurationError("rate_limit's min_remaining and max_pause must be 0 or more")
        _BUDGETS[id(self)] = self

    def bucket(self) -> InMemoryBucket:
        """pyrate-limiter's bucket behind the budget: when each answer of the last window came back (ms)."""
        if self._bucket is None:
            with self._lock:
                if self._bucket is None:
                    from pyrate_limiter import InMemoryBucket, Rate

                    self._bucket = InMemoryBucket([Rate(self.requests, self._window_ms())])
        return self._bucket

    def pause_left(self) -> float:
        """Seconds until calls may go on after the server said the quota is nearly spent (0: none)."""
        return max(0.0, self._resume_at - time.monotonic())

    @property
    def in_flight(self) -> int:
        """Requests that left and whose answer has not come back yet: each holds a place."""
        return self._in_flight

    def _window_ms(self) -> int:
        return math.ceil(self.per_seconds * 1000)

    def _reserve(self) -> float:
        """Take a place if there is one (0.0), else how many seconds to wait before asking again."""
        bucket = self.bucket()
        with self._lock:
            now = _now_ms()
            bucket.leak(now)  # answers older than the window no longer count
            answered = bucket.count()
            if answered + self._in_flight < self.requests:
                self._in_flight += 1
                return 0.0
            # The oldest answers must leave the window until one place is free; if requests under way hold
            # every place, one of them must come back first.
            leaving = answered + self._in_flight - self.requests  # how many leave before the one waited for
            if leaving >= answered:
                return _IN_FLIGHT_POLL
            oldest = bucket.peek(answered - 1 - leaving)  # peek counts from the newest
            if oldest is None:
                return _IN_FLIGHT_POLL
            return max(0.001, (oldest.timestamp + self._window_ms() - now + 1) / 1000)

    def acquire(self) -> None:
        """Wait, in this thread, until one more request fits the budget; then hold its place until `release`."""
        started = time.monotonic()
        sleep = self.sleep or time.sleep
        while True:
            if (left := self.pause_left()) > 0:
                sleep(left)
            elif (wait := self._reserve()) > 0:
                sleep(wait)
            else:
                break
        self._count(started)

    async def acquire_async(self) -> None:
        """The async twin of `acquire`: waits without blocking the event loop."""
        import asyncio  # not at the top: a sync program never imports asyncio (issue 13)

        started = time.monotonic()
        sleep = self.async_sleep or asyncio.sleep
        while True:
            if (left := self.pause_left()) > 0:
                await sleep(left)
            elif (wait := self._reserve()) > 0:
                await sleep(wait)
            else:
                break
        self._count(started)

    def release(self) -> None:
        """The request `acquire` let go has its answer (or failed): it counts for one window from now."""
        from pyrate_limiter import RateItem

        bucket = self.bucket()
        with self._lock:
            self._in_flight = max(0, self._in_flight - 1)
            bucket.put(RateItem(_ITEM, _now_ms()))

    def _count(self, started: float) -> None:
        with self._lock:
            self.sent += 1
            self.waited += time.monotonic() - started

    def observe(self, response: httpx.Response) -> None:
        """Learn from an answer: nearly no quota left, or a 429 with Retry-After, pauses every call."""
        pause: float | None = None
        info = read_rate_limit(response.headers)
        if info is not None and info.remaining is not None and info.remaining < self.min_remaining:
            pause = info.reset if info.reset is not None else (info.window or self.per_seconds)
        if response.status_code == 429:
            from ._transport import retry_after_seconds

            pause = max(pause or 0.0, retry_after_seconds(response) or 0.0) or None
        if pause:
            resume = time.monotonic() + min(pause, self.max_pause)
            with self._lock:
                self._resume_at = max(self._resume_at, resume)


# Every budget of this process, for the fork hook below (by id: budgets compare by value, so are not hashable).
_BUDGETS: weakref.WeakValueDictionary[int, RateLimit] = weakref.WeakValueDictionary()


def _after_fork_in_child() -> None:
    # Requests under way in the parent at the fork are not the child's: none of them will come back here to give
    # its place back (they would hold it for ever), and a lock another thread held at that moment stays held.
    # Answers already counted stay counted: the server counted them too.
    for budget in list(_BUDGETS.values()):
        budget._lock = threading.Lock()
        budget._in_flight = 0


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork_in_child)


def _now_ms() -> int:
    # Rounded up: an answer never counts as older than it is.
    return math.ceil(time.monotonic() * 1000)


def as_rate_limit(value: RateLimit | bool | None) -> RateLimit | None:
    """The client's `rate_limit` setting: True is Cloudflare's global budget, False or None none."""
    if value is True:
        return RateLimit()
    if value is False or value is None:
        return None
    if isinstance(value, RateLimit):
        return value
    from .errors import ConfigurationError

    raise ConfigurationError(f"rate_limit must be True, False, None or a RateLimit, not {type(value).__name__}")


__all__ = [
    "CLOUDFLARE_GLOBAL_REQUESTS",
    "CLOUDFLARE_GLOBAL_WINDOW",
    "RateLimit",
    "RateLimitInfo",
    "RateLimitPolicy",
    "read_rate_limit",
]
