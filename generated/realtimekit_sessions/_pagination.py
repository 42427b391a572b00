# Copied into generated/realtimekit_sessions/ by `make generate`: edit openapi/runtime/_pagination.py, not the copy.
"""Every item of a paged list, fetched page by page as the iteration needs them, and never a lie about it.

Where the items, the total and the page's first position are comes from the spec's x-pagination. The walk:
- goes on while the API's total_count says items remain, even after a page shorter than asked (servers cap
  per_page); without a total, a short page is the last;
- stops at an empty page, and never gives the same item twice (items are told apart by x-pagination's key);
- raises PaginationError, naming the page, when a page brings nothing new (a server that ignores page_no
  would otherwise loop for ever) or when the first page does not start where page numbering from 1 says.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from typing import Any, TypeVar

from attrs import frozen

from ._models import FieldPath, value_at
from ._params import query_count
from .errors import PaginationError
from .types import UNSET

P = TypeVar("P")


@frozen
class Pagination:
    """Where a page holds what the walk needs (paths from x-pagination; `start` and `key` may be empty)."""

    items: FieldPath
    total: FieldPath
    start: FieldPath = ()
    key: FieldPath = ()


class _Walk:
    """The state of one walk over the pages: shared by the sync and the async iterator."""

    def __init__(self, pagination: Pagination, page_no: int, per_page: int, limit: int | None) -> None:
        query_count("per_page", per_page, {"minimum": 1})
        if limit is not None:
            query_count("limit", limit, {"minimum": 0})
        self.pagination, self.page_no, self.per_page, self.limit = pagination, page_no, per_page, limit
        self.first_page = page_no
        self.given = 0
        self.seen: set[Any] = set()
        self.done = limit == 0

    def take(self, page: object) -> list[Any]:
        """The items of the page just fetched (page_no) that are new, within the limit; moves to the next page."""
        items = value_at(page, self.pagination.items)
        batch: list[Any] = [] if items is UNSET else list(items)
        total = value_at(page, self.pagination.total) if self.pagination.total else UNSET
        if self.page_no == self.first_page == 1 and self.pagination.start:
            self._check_first_position(value_at(page, self.pagination.start))
        fresh = [item for item in batch if self._is_new(item)]
        if batch and not fresh:
            raise PaginationError(
                f"page {self.page_no} brought no item that earlier pages had not: the server seems to ignore "
                "the page number, and walking on would repeat the same items for ever",
                page=self.page_no,
            )
        if self.limit is not None:
            fresh = fresh[: self.limit - self.given]
        self.given += len(fresh)
        if not batch or (self.limit is not None and self.given >= self.limit):
            self.done = True
        elif total is not UNSET and total is not None:
            self.done = len(self.seen) >= total
        else:
            self.done = len(batch) < self.per_page
        self.page_no += 1
        return fresh

    def _is_new(self, item: Any) -> bool:
        if not self.pagination.key:
            return True
        key = value_at(item, self.pagination.key)
        if key is UNSET:
            return True  # nothing to tell it apart by: taken as it comes
        if key in self.seen:
            return False
        self.seen.add(key)
        return True

    def _check_first_position(self, start: Any) -> None:
        # The documented first page (page_no=1) starts at item 1. A first page that starts further on means the
        # API numbers pages from 0 and page 0 would be skipped: said, not silently lost.
        if start is UNSET or start is None or start == 1 or start == 0:
            return
        raise PaginationError(
            f"page 1 starts at item {start:g}, not 1: the API seems to number pages from 0, so iterating from "
            "page_no=1 would skip the first page; pass page_no=0",
            page=1,
        )


def iterate_pages(
    fetch: Callable[[int], P],
    pagination: Pagination,
    *,
    page_no: int,
    per_page: int,
    limit: int | None,
) -> Iterator[Any]:
    """Every item from page `page_no` on (see the module's docstring), fetched as the iteration needs them."""
    walk = _Walk(pagination, page_no, per_page, limit)
    while not walk.done:
        yield from walk.take(fetch(walk.page_no))


async def aiterate_pages(
    fetch: Callable[[int], Awaitable[P]],
    pagination: Pagination,
    *,
    page_no: int,
    per_page: int,
    limit: int | None,
) -> AsyncIterator[Any]:
    """The async twin of `iterate_pages`."""
    walk = _Walk(pagination, page_no, per_page, limit)
    while not walk.done:
        for item in walk.take(await fetch(walk.page_no)):
            yield item
