import datetime
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx

# Every helper an operation may use; the generator's ruff post-hook drops the ones this one does not.
from ...client import (
    AuthenticatedClient,
    Client,
    aiterate_pages,
    iterate_pages,
    path_id,
    query_choice,
    query_count,
    query_datetime,
    query_text,
    read_json,
    send,
    send_async,
)
from ...models.session import Session
from ...models.session_get_sessions_response import SessionGetSessionsResponse
from ...models.session_sort_by import SESSION_SORT_BY_VALUES, SessionSortBy
from ...models.session_status import SESSION_STATUS_VALUES, SessionStatus
from ...models.sort_order import SORT_ORDER_VALUES, SortOrder
from ...types import UNSET, Response, Unset


def _get_kwargs(
    account_id: str,
    app_id: str,
    *,
    page_no: int | Unset = UNSET,
    per_page: int | Unset = UNSET,
    sort_by: SessionSortBy | Unset = UNSET,
    sort_order: SortOrder | Unset = UNSET,
    start_time: datetime.datetime | Unset = UNSET,
    end_time: datetime.datetime | Unset = UNSET,
    participants: str | Unset = UNSET,
    status: SessionStatus | Unset = UNSET,
    search: str | Unset = UNSET,
    associated_id: str | Unset = UNSET,
) -> dict[str, Any]:
    account_id = path_id("account_id", account_id)
    app_id = path_id("app_id", app_id)
    if page_no is not UNSET:
        query_count("page_no", page_no)
    if per_page is not UNSET:
        query_count("per_page", per_page)
    if sort_by is not UNSET:
        query_choice("sort_by", sort_by, SESSION_SORT_BY_VALUES)
    if sort_order is not UNSET:
        query_choice("sort_order", sort_order, SORT_ORDER_VALUES)
    if start_time is not UNSET:
        query_datetime("start_time", start_time)
    if end_time is not UNSET:
        query_datetime("end_time", end_time)
    if participants is not UNSET:
        query_text("participants", participants)
    if status is not UNSET:
        query_choice("status", status, SESSION_STATUS_VALUES)
    if search is not UNSET:
        query_text("search", search)
    if associated_id is not UNSET:
        query_text("associated_id", associated_id)

    params: dict[str, Any] = {}

    params["page_no"] = page_no

    params["per_page"] = per_page

    json_sort_by: str | Unset = UNSET
    if not isinstance(sort_by, Unset):
        json_sort_by = sort_by

    params["sort_by"] = json_sort_by

    json_sort_order: str | Unset = UNSET
    if not isinstance(sort_order, Unset):
        json_sort_order = sort_order

    params["sort_order"] = json_sort_order

    json_start_time: str | Unset = UNSET
    if not isinstance(start_time, Unset):
        json_start_time = start_time.isoformat()
    params["start_time"] = json_start_time

    json_end_time: str | Unset = UNSET
    if not isinstance(end_time, Unset):
        json_end_time = end_time.isoformat()
    params["end_time"] = json_end_time

    params["participants"] = participants

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status

    params["status"] = json_status

    params["search"] = search

    params["associated_id"] = associated_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    return {
        "method": "GET",
        "url": f"/accounts/{account_id}/realtime/kit/{app_id}/sessions",
        "params": params,
    }


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> SessionGetSessionsResponse:
    return read_json(response, SessionGetSessionsResponse.from_dict)


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[SessionGetSessionsResponse]:
    return Response(
        status_code=response.status_code,
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    account_id: str,
    app_id: str,
    *,
    client: AuthenticatedClient | Client,
    page_no: int | Unset = UNSET,
    per_page: int | Unset = UNSET,
    sort_by: SessionSortBy | Unset = UNSET,
    sort_order: SortOrder | Unset = UNSET,
    start_time: datetime.datetime | Unset = UNSET,
    end_time: datetime.datetime | Unset = UNSET,
    participants: str | Unset = UNSET,
    status: SessionStatus | Unset = UNSET,
    search: str | Unset = UNSET,
    associated_id: str | Unset = UNSET,
    timeout: httpx.Timeout | float | None | Unset = UNSET,
    max_retries: int | Unset = UNSET,
) -> Response[SessionGetSessionsResponse]:
    """Fetch all sessions of an App

    Lists the sessions of an app, newest first unless sorted otherwise, one page at a time.

    `GET /accounts/{account_id}/realtime/kit/{app_id}/sessions`

    Args:
        account_id (str):
        app_id (str):
        page_no (int | Unset):
        per_page (int | Unset):
        sort_by (SessionSortBy | Unset):
        sort_order (SortOrder | Unset):
        start_time (datetime.datetime | Unset):
        end_time (datetime.datetime | Unset):
        participants (str | Unset):
        status (SessionStatus | Unset): Current status of the session.
        search (str | Unset):
        associated_id (str | Unset):
        timeout: this call's timeout, instead of the client's.
        max_retries: this call's retry budget, instead of the client's.

    Raises:
        errors.InvalidParameterError: a parameter is refused before anything is sent.
        errors.APIStatusError: the API answered with a non-2xx status (a subclass per status family).
        errors.APIConnectionError: no answer (errors.APITimeoutError when it took too long).
        errors.ResponseValidationError: a 2xx answer whose body is not a readable SessionGetSessionsResponse.

    Returns:
    Response[SessionGetSessionsResponse]: status, headers, raw content and the parsed body.
    """

    response = send(
        client,
        _get_kwargs(
            account_id=account_id,
            app_id=app_id,
            page_no=page_no,
            per_page=per_page,
            sort_by=sort_by,
            sort_order=sort_order,
            start_time=start_time,
            end_time=end_time,
            participants=participants,
            status=status,
            search=search,
            associated_id=associated_id,
        ),
        timeout=timeout,
        max_retries=max_retries,
        idempotent=True,
    )
    return _build_response(client=client, response=response)


def sync(
    account_id: str,
    app_id: str,
    *,
    client: AuthenticatedClient | Client,
    page_no: int | Unset = UNSET,
    per_page: int | Unset = UNSET,
    sort_by: SessionSortBy | Unset = UNSET,
    sort_order: SortOrder | Unset = UNSET,
    start_time: datetime.datetime | Unset = UNSET,
    end_time: datetime.datetime | Unset = UNSET,
    participants: str | Unset = UNSET,
    status: SessionStatus | Unset = UNSET,
    search: str | Unset = UNSET,
    associated_id: str | Unset = UNSET,
    timeout: httpx.Timeout | float | None | Unset = UNSET,
    max_retries: int | Unset = UNSET,
) -> SessionGetSessionsResponse:
    """Fetch all sessions of an App

    Lists the sessions of an app, newest first unless sorted otherwise, one page at a time.

    `GET /accounts/{account_id}/realtime/kit/{app_id}/sessions`

    Args:
        account_id (str):
        app_id (str):
        page_no (int | Unset):
        per_page (int | Unset):
        sort_by (SessionSortBy | Unset):
        sort_order (SortOrder | Unset):
        start_time (datetime.datetime | Unset):
        end_time (datetime.datetime | Unset):
        participants (str | Unset):
        status (SessionStatus | Unset): Current status of the session.
        search (str | Unset):
        associated_id (str | Unset):
        timeout: this call's timeout, instead of the client's.
        max_retries: this call's retry budget, instead of the client's.

    Raises:
        errors.InvalidParameterError: a parameter is refused before anything is sent.
        errors.APIStatusError: the API answered with a non-2xx status (a subclass per status family).
        errors.APIConnectionError: no answer (errors.APITimeoutError when it took too long).
        errors.ResponseValidationError: a 2xx answer whose body is not a readable SessionGetSessionsResponse.

    Returns:
    SessionGetSessionsResponse
    """

    response = send(
        client,
        _get_kwargs(
            account_id=account_id,
            app_id=app_id,
            page_no=page_no,
            per_page=per_page,
            sort_by=sort_by,
            sort_order=sort_order,
            start_time=start_time,
            end_time=end_time,
            participants=participants,
            status=status,
            search=search,
            associated_id=associated_id,
        ),
        timeout=timeout,
        max_retries=max_retries,
        idempotent=True,
    )
    return _parse_response(client=client, response=response)


async def asyncio_detailed(
    account_id: str,
    app_id: str,
    *,
    client: AuthenticatedClient | Client,
    page_no: int | Unset = UNSET,
    per_page: int | Unset = UNSET,
    sort_by: SessionSortBy | Unset = UNSET,
    sort_order: SortOrder | Unset = UNSET,
    start_time: datetime.datetime | Unset = UNSET,
    end_time: datetime.datetime | Unset = UNSET,
    participants: str | Unset = UNSET,
    status: SessionStatus | Unset = UNSET,
    search: str | Unset = UNSET,
    associated_id: str | Unset = UNSET,
    timeout: httpx.Timeout | float | None | Unset = UNSET,
    max_retries: int | Unset = UNSET,
) -> Response[SessionGetSessionsResponse]:
    """Fetch all sessions of an App

    Lists the sessions of an app, newest first unless sorted otherwise, one page at a time.

    `GET /accounts/{account_id}/realtime/kit/{app_id}/sessions`

    Args:
        account_id (str):
        app_id (str):
        page_no (int | Unset):
        per_page (int | Unset):
        sort_by (SessionSortBy | Unset):
        sort_order (SortOrder | Unset):
        start_time (datetime.datetime | Unset):
        end_time (datetime.datetime | Unset):
        participants (str | Unset):
        status (SessionStatus | Unset): Current status of the session.
        search (str | Unset):
        associated_id (str | Unset):
        timeout: this call's timeout, instead of the client's.
        max_retries: this call's retry budget, instead of the client's.

    Raises:
        errors.InvalidParameterError: a parameter is refused before anything is sent.
        errors.APIStatusError: the API answered with a non-2xx status (a subclass per status family).
        errors.APIConnectionError: no answer (errors.APITimeoutError when it took too long).
        errors.ResponseValidationError: a 2xx answer whose body is not a readable SessionGetSessionsResponse.

    Returns:
    Response[SessionGetSessionsResponse]: status, headers, raw content and the parsed body.
    """

    response = await send_async(
        client,
        _get_kwargs(
            account_id=account_id,
            app_id=app_id,
            page_no=page_no,
            per_page=per_page,
            sort_by=sort_by,
            sort_order=sort_order,
            start_time=start_time,
            end_time=end_time,
            participants=participants,
            status=status,
            search=search,
            associated_id=associated_id,
        ),
        timeout=timeout,
        max_retries=max_retries,
        idempotent=True,
    )
    return _build_response(client=client, response=response)


async def asyncio(
    account_id: str,
    app_id: str,
    *,
    client: AuthenticatedClient | Client,
    page_no: int | Unset = UNSET,
    per_page: int | Unset = UNSET,
    sort_by: SessionSortBy | Unset = UNSET,
    sort_order: SortOrder | Unset = UNSET,
    start_time: datetime.datetime | Unset = UNSET,
    end_time: datetime.datetime | Unset = UNSET,
    participants: str | Unset = UNSET,
    status: SessionStatus | Unset = UNSET,
    search: str | Unset = UNSET,
    associated_id: str | Unset = UNSET,
    timeout: httpx.Timeout | float | None | Unset = UNSET,
    max_retries: int | Unset = UNSET,
) -> SessionGetSessionsResponse:
    """Fetch all sessions of an App

    Lists the sessions of an app, newest first unless sorted otherwise, one page at a time.

    `GET /accounts/{account_id}/realtime/kit/{app_id}/sessions`

    Args:
        account_id (str):
        app_id (str):
        page_no (int | Unset):
        per_page (int | Unset):
        sort_by (SessionSortBy | Unset):
        sort_order (SortOrder | Unset):
        start_time (datetime.datetime | Unset):
        end_time (datetime.datetime | Unset):
        participants (str | Unset):
        status (SessionStatus | Unset): Current status of the session.
        search (str | Unset):
        associated_id (str | Unset):
        timeout: this call's timeout, instead of the client's.
        max_retries: this call's retry budget, instead of the client's.

    Raises:
        errors.InvalidParameterError: a parameter is refused before anything is sent.
        errors.APIStatusError: the API answered with a non-2xx status (a subclass per status family).
        errors.APIConnectionError: no answer (errors.APITimeoutError when it took too long).
        errors.ResponseValidationError: a 2xx answer whose body is not a readable SessionGetSessionsResponse.

    Returns:
    SessionGetSessionsResponse
    """

    response = await send_async(
        client,
        _get_kwargs(
            account_id=account_id,
            app_id=app_id,
            page_no=page_no,
            per_page=per_page,
            sort_by=sort_by,
            sort_order=sort_order,
            start_time=start_time,
            end_time=end_time,
            participants=participants,
            status=status,
            search=search,
            associated_id=associated_id,
        ),
        timeout=timeout,
        max_retries=max_retries,
        idempotent=True,
    )
    return _parse_response(client=client, response=response)


def _page_items(page: SessionGetSessionsResponse) -> list[Session]:
    data = page.data
    if isinstance(data, Unset) or isinstance(data.sessions, Unset):
        return []
    return data.sessions


def _page_total(page: SessionGetSessionsResponse) -> float | None:
    paging = page.paging
    if isinstance(paging, Unset) or isinstance(paging.total_count, Unset):
        return None
    return paging.total_count


def iter_all(
    account_id: str,
    app_id: str,
    *,
    client: AuthenticatedClient,
    sort_by: SessionSortBy | Unset = UNSET,
    sort_order: SortOrder | Unset = UNSET,
    start_time: datetime.datetime | Unset = UNSET,
    end_time: datetime.datetime | Unset = UNSET,
    participants: str | Unset = UNSET,
    status: SessionStatus | Unset = UNSET,
    search: str | Unset = UNSET,
    associated_id: str | Unset = UNSET,
    page_no: int = 1,
    per_page: int = 100,
    limit: int | None = None,
    timeout: httpx.Timeout | float | None | Unset = UNSET,
    max_retries: int | Unset = UNSET,
) -> Iterator[Session]:
    """Every Session of `data.sessions`, across pages, fetched as the iteration needs them.

    Starts at page `page_no` (pages are numbered from 1), asks for `per_page` items a page, and stops at the
    API's total_count, at a short page, or after `limit` items. Takes the same filters as sync().
    """
    return iterate_pages(
        lambda page: sync(
            account_id,
            app_id,
            client=client,
            sort_by=sort_by,
            sort_order=sort_order,
            start_time=start_time,
            end_time=end_time,
            participants=participants,
            status=status,
            search=search,
            associated_id=associated_id,
            page_no=page,
            per_page=per_page,
            timeout=timeout,
            max_retries=max_retries,
        ),
        _page_items,
        _page_total,
        page_no=page_no,
        per_page=per_page,
        limit=limit,
    )


def aiter_all(
    account_id: str,
    app_id: str,
    *,
    client: AuthenticatedClient,
    sort_by: SessionSortBy | Unset = UNSET,
    sort_order: SortOrder | Unset = UNSET,
    start_time: datetime.datetime | Unset = UNSET,
    end_time: datetime.datetime | Unset = UNSET,
    participants: str | Unset = UNSET,
    status: SessionStatus | Unset = UNSET,
    search: str | Unset = UNSET,
    associated_id: str | Unset = UNSET,
    page_no: int = 1,
    per_page: int = 100,
    limit: int | None = None,
    timeout: httpx.Timeout | float | None | Unset = UNSET,
    max_retries: int | Unset = UNSET,
) -> AsyncIterator[Session]:
    """The async twin of iter_all: `async for item in aiter_all(...)`."""
    return aiterate_pages(
        lambda page: asyncio(
            account_id,
            app_id,
            client=client,
            sort_by=sort_by,
            sort_order=sort_order,
            start_time=start_time,
            end_time=end_time,
            participants=participants,
            status=status,
            search=search,
            associated_id=associated_id,
            page_no=page,
            per_page=per_page,
            timeout=timeout,
            max_retries=max_retries,
        ),
        _page_items,
        _page_total,
        page_no=page_no,
        per_page=per_page,
        limit=limit,
    )
