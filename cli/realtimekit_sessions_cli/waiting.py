"""Retries the person at the keyboard can see: every wait of a second or more counts down on stderr.

The tool builds its client with `max_retries=0` and retries here instead, with the client's own rules
(`should_retry` and `retry_delay` of the package's `_transport`: 2 retries, backoff 0.5 s, 1 s, ...), so
that no wait is silent. A 429 is waited out for as long as its Retry-After asks, up to LONGEST_WAIT, with
a countdown, and retried up to RATE_LIMIT_RETRIES times; a longer Retry-After is handed back (the
`RateLimitError`, whose `retry_after` says how long).
"""

from __future__ import annotations

import math
import sys
import time
from collections.abc import Callable
from typing import IO, TypeVar

T = TypeVar("T")

RETRIES = 2
RATE_LIMIT_RETRIES = 5
LONGEST_WAIT = 15 * 60.0
# How often a countdown writes a new line when stderr is not a terminal (a log file, CI).
LOG_EVERY = 10

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


def countdown(seconds: float, reason: str, notice: Notice) -> None:
    """Wait `seconds`, saying `reason: retrying in N s` each second."""
    remaining = seconds
    first = True
    try:
        while remaining > 0:
            whole = math.ceil(remaining)
            notice.show(f"{reason}: retrying in {whole} s", whole, first)
            first = False
            step = remaining - (whole - 1) if whole > 1 else remaining
            sleep(step)
            remaining -= step
    finally:
        notice.done()


def _what(error: BaseException) -> str:
    status = getattr(error, "status_code", None)
    return f"HTTP {status}" if status is not None else type(error).__name__


def patiently(call: Callable[[], T], notice: Notice, *, idempotent: bool = True) -> T:
    """`call()`, retried as the client would retry it, with every wait of a second or more shown."""
    from realtimekit_sessions import errors

    # The client's own retry rules; private to the package, which ships with this tool in one wheel.
    from realtimekit_sessions._transport import retry_delay, should_retry

    failures = rate_limited = 0
    while True:
        try:
            return call()
        except errors.RateLimitError as error:
            rate_limited += 1
            wait = error.retry_after
            if wait is None:
                wait = retry_delay(error, rate_limited)
            if rate_limited > RATE_LIMIT_RETRIES or wait > LONGEST_WAIT:
                raise
            countdown(wait, "rate limited (429)", notice)
        except errors.APIError as error:
            failures += 1
            if failures > RETRIES or not should_retry(error, idempotent):
                raise
            delay = retry_delay(error, failures)
            if delay >= 1:
                countdown(delay, _what(error), notice)
            else:
                sleep(delay)
