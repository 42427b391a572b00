"""Retries the person at the keyboard can see: every wait of a second or more counts down on stderr.

The client retries as it always does; the tool gives it `retry_sleep` (see `retry_sleep` below), through
which every wait before a retry passes, and shows it. A 429 is waited out for as long as its Retry-After asks,
up to LONGEST_WAIT (the client's `max_retry_after`); a longer Retry-After is handed back (the
`RateLimitError`, whose `retry_after` says how long).
"""

from __future__ import annotations

import math
import sys
import threading
import time
from collections.abc import Awaitable, Callable, Iterator
from typing import IO, Any, TypeVar

T = TypeVar("T")

# More than a library's default: a person at a terminal would rather wait than start again.
RETRIES = 5
LONGEST_WAIT = 15 * 60.0
# How often a countdown writes a new line when stderr is not a terminal (a log file, CI).
LOG_EVERY = 10

RETRYING = "retrying in"

# Replaced in tests, so that a countdown takes no time.
sleep: Callable[[float], None] = time.sleep


class Notice:
    """Where waits are shown: one line on stderr, rewritten in place on a terminal, else a line every 10 s."""

    def __init__(self, stream: IO[str] | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        try:
            self.terminal = self.stream.isatty()
        except (AttributeError, ValueError):
            self.terminal = False
        self._shown = False
        # Several calls may wait at once (a 429 refuses every call in flight; the budget holds them all): one
        # countdown is shown at a time, the others wait silently. A lock for threads, a flag for an event loop.
        self._counting = threading.Lock()
        self._acounting = False

    def show(self, text: str, remaining: int, first: bool) -> None:
        if self.terminal:
            self.stream.write("\r\x1b[2K" + text)
            self._shown = True
        elif first or remaining % LOG_EVERY == 0 or remaining <= 3:
            self.stream.write(text + "\n")
        self.stream.flush()

    def done(self) -> None:
        if self.terminal and self._shown:
            self.stream.write("\r\x1b[2K")
            self.stream.flush()
            self._shown = False


def _steps(seconds: float, reason: str, notice: Notice, action: str) -> Iterator[float]:
    """The steps of a countdown: each is shown (`reason: action N s`), then its length is to be waited."""
    remaining = seconds
    first = True
    while remaining > 0:
        whole = math.ceil(remaining)
        notice.show(f"{reason}: {action} {whole} s", whole, first)
        first = False
        step = remaining - (whole - 1) if whole > 1 else remaining
        yield step
        remaining -= step


def countdown(seconds: float, reason: str, notice: Notice, action: str = RETRYING) -> None:
    """Wait `seconds`, saying `reason: retrying in N s` each second."""
    try:
        for step in _steps(seconds, reason, notice, action):
            sleep(step)
    finally:
        notice.done()


def _what(error: BaseException) -> str:
    status = getattr(error, "status_code", None)
    if status == 429:
        return "rate limited (429)"
    return f"HTTP {status}" if status is not None else type(error).__name__


def wait(seconds: float, reason: str, notice: Notice, action: str = RETRYING) -> None:
    """A wait of a second or more counts down (unless another thread's is being shown); a shorter one passes."""
    if seconds < 1 or not notice._counting.acquire(blocking=False):
        sleep(seconds)
        return
    try:
        countdown(seconds, reason, notice, action)
    finally:
        notice._counting.release()


async def await_wait(seconds: float, reason: str, notice: Notice, action: str = RETRYING) -> None:
    """`wait` on an event loop: awaited, so the calls still in flight go on meanwhile."""
    if seconds < 1 or notice._acounting:
        await asleep(seconds)
        return
    notice._acounting = True
    try:
        await acountdown(seconds, reason, notice, action)
    finally:
        notice._acounting = False


def retry_sleep(notice: Notice) -> Callable[[float, BaseException], None]:
    """The client's `retry_sleep`: every wait before a retry goes through `wait`."""
    return lambda seconds, error: wait(seconds, _what(error), notice)


def async_retry_sleep(notice: Notice) -> Callable[[float, BaseException], Awaitable[None]]:
    """The client's `async_retry_sleep`: every wait before an async retry goes through `await_wait`."""
    return lambda seconds, error: await_wait(seconds, _what(error), notice)


BUDGET, GOING_ON = "the rate limit's budget is spent", "going on in"


def budget_sleeps(notice: Notice) -> dict[str, Any]:
    """RateLimit's `sleep` and `async_sleep`: a wait for the budget is shown as a retry's is, not a silent stall."""
    return {
        "sleep": lambda seconds: wait(seconds, BUDGET, notice, GOING_ON),
        "async_sleep": lambda seconds: await_wait(seconds, BUDGET, notice, GOING_ON),
    }


async def asleep(seconds: float) -> None:
    """How async waits pass (replaced in tests, as `sleep` is)."""
    import asyncio

    await asyncio.sleep(seconds)


async def acountdown(seconds: float, reason: str, notice: Notice, action: str = RETRYING) -> None:
    """`countdown` on an event loop: the wait is awaited, so the calls still in flight go on meanwhile."""
    try:
        for step in _steps(seconds, reason, notice, action):
            await asleep(step)
    finally:
        notice.done()
