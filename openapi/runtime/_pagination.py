# Copied into generated/realtimekit_sessions/ by `make generate`: edit openapi/runtime/_pagination.py, not the copy.
"""Every item of a paged list, fetched page by page as the iteration needs them."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from typing import Any, TypeVar, cast

from ._models import FieldPath, value_at
from ._params import query_count, refuse
from .types import UNSET

T = TypeVar("T")
P = TypeVar("P")


def list_at(page: object, path: FieldPath) -> list[Any]:
    """A page's items: the list at `path` (x-pagination's `items`), empty when the page has none."""
    items = value_at(page, path)
    return [] if items is UNSET else cast(list[Any], items)


def number_at(page: object, path: FieldPath) -> float | None:
    """The API's total count at `path` (x-pagination's `total`), None when the page does not say."""
    total = value_at(page, path)
    return None if total is UNSET else cast(float, total)


def _check_paging(per_page: int, limit: int | None) -> None:
    query_count("per_page", per_page, {"minimum": 1})
    if per_page == 0:
        refuse("per_page", "must be at least 1 to walk the pages")
    if limit is not None:
        query_count("limit", limit, {"minimum": 0})


def _is_last_page(page_no: int, per_page: int, batch: int, total: float | None) -> bool:
    # Pages are numbered from 1: page p ends at item p * per_page of the whole list.
    return batch < per_page or (total is not None and page_no * per_page >= total)


def iterate_pages(
    fetch: Callable[[int], P],
    items: Callable[[P], list[T]],
    total: Callable[[P], float | None],
    *,
    page_no: int,
    per_page: int,
    limit: int | None,
) -> Iterator[T]:
    """Every item from page `page_no` on, fetching pages as they are needed, until the API's total_count is
    reached, a page comes back short, or `limit` items have been given."""
    _check_paging(per_page, limit)
    given = 0
    while limit is None or given < limit:
        page = fetch(page_no)
        batch = items(page)
        yield from batch[: None if limit is None else limit - given]
        given += len(batch)
        if _is_last_page(page_no, per_page, len(batch), total(page)):
            return
        page_no += 1


async def aiterate_pages(
    fetch: Callable[[int], Awaitable[P]],
    items: Callable[[P], list[T]],
    total: Callable[[P], float | None],
    *,
    page_no: int,
    per_page: int,
    limit: int | None,
) -> AsyncIterator[T]:
    """The async twin of `iterate_pages`."""
    _check_paging(per_page, limit)
    given = 0
    while limit is None or given < limit:
        page = await fetch(page_no)
        batch = items(page)
        for item in batch[: None if limit is None else limit - given]:
            yield item
        given += len(batch)
        if _is_last_page(page_no, per_page, len(batch), total(page)):
            return
        page_no += 1
