# Copied into generated/realtimekit_sessions/ by `make generate`: edit openapi/runtime/fanout.py, not the copy.
"""Many calls, a few at a time: the participants of many sessions, the peer reports of many participants.

`fan_out(call, items)` runs `call(item)` for every item with at most `max_in_flight` calls under way (threads),
and `afan_out` does the same with asyncio tasks. Both read `items` lazily (a generator of a million session ids
holds only the calls in flight), yield `(item, result)` in the order of `items`, and stop at the first call
that raises: the calls not yet started never start, and the error is raised where the results are read.
Made with a client that has `rate_limit` on, the calls keep to its budget together, whatever `max_in_flight`.
"""

from __future__ import annotations

import asyncio
import collections
from collections.abc import AsyncIterable, AsyncIterator, Awaitable, Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TypeVar

from .errors import ConfigurationError

T = TypeVar("T")
R = TypeVar("R")

DEFAULT_MAX_IN_FLIGHT = 4


def _check(max_in_flight: int) -> None:
    if not isinstance(max_in_flight, int) or isinstance(max_in_flight, bool) or max_in_flight < 1:
        raise ConfigurationError(f"max_in_flight must be a whole number of 1 or more, not {max_in_flight!r}")


def fan_out(
    call: Callable[[T], R], items: Iterable[T], *, max_in_flight: int = DEFAULT_MAX_IN_FLIGHT
) -> Iterator[tuple[T, R]]:
    """`(item, call(item))` for every item, in order, with at most `max_in_flight` calls running in threads."""
    _check(max_in_flight)
    return _fan_out(call, items, max_in_flight)


def _fan_out(call: Callable[[T], R], items: Iterable[T], max_in_flight: int) -> Iterator[tuple[T, R]]:
    pending: collections.deque[tuple[T, Future[R]]] = collections.deque()
    source = iter(items)
    with ThreadPoolExecutor(max_workers=max_in_flight, thread_name_prefix="realtimekit-fan-out") as pool:
        try:
            for item in source:
                pending.append((item, pool.submit(call, item)))
                if len(pending) >= max_in_flight:
                    first, future = pending.popleft()
                    yield first, future.result()
            while pending:
                first, future = pending.popleft()
                yield first, future.result()
        finally:
            for _, future in pending:  # an error, or the reader stopped early: what has not started never will
                future.cancel()


def afan_out(
    call: Callable[[T], Awaitable[R]],
    items: Iterable[T] | AsyncIterable[T],
    *,
    max_in_flight: int = DEFAULT_MAX_IN_FLIGHT,
) -> AsyncIterator[tuple[T, R]]:
    """The async twin of `fan_out`: `async for item, result in afan_out(...)`, at most `max_in_flight` tasks."""
    _check(max_in_flight)
    return _afan_out(call, items, max_in_flight)


async def _aiterate(items: Iterable[T] | AsyncIterable[T]) -> AsyncIterator[T]:
    if isinstance(items, AsyncIterable):
        async for item in items:
            yield item
    else:
        for item in items:
            yield item


async def _afan_out(
    call: Callable[[T], Awaitable[R]], items: Iterable[T] | AsyncIterable[T], max_in_flight: int
) -> AsyncIterator[tuple[T, R]]:
    pending: collections.deque[tuple[T, asyncio.Future[R]]] = collections.deque()

    async def run(item: T) -> R:
        return await call(item)

    try:
        async for item in _aiterate(items):
            pending.append((item, asyncio.ensure_future(run(item))))
            if len(pending) >= max_in_flight:
                first, task = pending.popleft()
                yield first, await task
        while pending:
            first, task = pending.popleft()
            yield first, await task
    finally:
        for _, task in pending:
            task.cancel()
        if pending:
            await asyncio.gather(*(task for _, task in pending), return_exceptions=True)


__all__ = ["DEFAULT_MAX_IN_FLIGHT", "afan_out", "fan_out"]
