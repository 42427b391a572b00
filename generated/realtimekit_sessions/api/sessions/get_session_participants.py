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
    query_flag,
    query_text,
    read_json,
    send,
    send_async,
)
from ...models.participant import Participant
from ...models.participant_sort_by import PARTICIPANT_SORT_BY_VALUES, ParticipantSortBy
from ...models.participant_view import PARTICIPANT_VIEW_VALUES, ParticipantView
from ...models.session_get_session_participants_response import SessionGetSessionParticipantsResponse
from ...models.sort_order import SORT_ORDER_VALUES, SortOrder
from ...types import UNSET, Response, Unset


def _get_kwargs(
    account_id: str,
    app_id: str,
    session_id: str,
    *,
    search: str | Unset = UNSET,
    page_no: int | Unset = UNSET,
    per_page: int | Unset = UNSET,
    sort_order: SortOrder | Unset = UNSET,
    sort_by: ParticipantSortBy | Unset = UNSET,
    include_peer_events: bool | Unset = False,
    view: ParticipantView | Unset = UNSET,
) -> dict[str, Any]:
    account_id = path_id("account_id", account_id)
    app_id = path_id("app_id", app_id)
    session_id = path_id("session_id", session_id)
    if search is not UNSET:
        query_text("search", search)
    if page_no is not UNSET:
        query_count("page_no", page_no)
    if per_page is not UNSET:
        query_count("per_page", per_page)
    if sort_order is not UNSET:
        query_choice("sort_order", sort_order, SORT_ORDER_VALUES)
    if sort_by is not UNSET:
        query_choice("sort_by", sort_by, PARTICIPANT_SORT_BY_VALUES)
    if include_peer_events is not UNSET:
        query_flag("include_peer_events", include_peer_events)
    if view is not UNSET:
        query_choice("view", view, PARTICIPANT_VIEW_VALUES)

    params: dict[str, Any] = {}

    params["search"] = search

    params["page_no"] = page_no

    params["per_page"] = per_page

    json_sort_order: str | Unset = UNSET
    if not isinstance(sort_order, Unset):
        json_sort_order = sort_order

    params["sort_order"] = json_sort_order

    json_sort_by: str | Unset = UNSET
    if not isinstance(sort_by, Unset):
        json_sort_by = sort_by

    params["sort_by"] = json_sort_by

    params["include_peer_events"] = include_peer_events

    json_view: str | Unset = UNSET
    if not isinstance(view, Unset):
        json_view = view

    params["view"] = json_view

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    return {
        "method": "GET",
        "url": f"/accounts/{account_id}/realtime/kit/{app_id}/sessions/{session_id}/participants",
        "params": params,
    }


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> SessionGetSessionParticipantsResponse:
    return read_json(response, SessionGetSessionParticipantsResponse.from_dict)


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[SessionGetSessionParticipantsResponse]:
    return Response(
        status_code=response.status_code,
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    account_id: str,
    app_id: str,
    session_id: str,
    *,
    client: AuthenticatedClient | Client,
    search: str | Unset = UNSET,
    page_no: int | Unset = UNSET,
    per_page: int | Unset = UNSET,
    sort_order: SortOrder | Unset = UNSET,
    sort_by: ParticipantSortBy | Unset = UNSET,
    include_peer_events: bool | Unset = False,
    view: ParticipantView | Unset = UNSET,
    timeout: httpx.Timeout | float | None | Unset = UNSET,
    max_retries: int | Unset = UNSET,
) -> Response[SessionGetSessionParticipantsResponse]:
    """Fetch participants list of a session

    `GET /accounts/{account_id}/realtime/kit/{app_id}/sessions/{session_id}/participants`

    Args:
        account_id (str):
        app_id (str):
        session_id (str):
        search (str | Unset):
        page_no (int | Unset):
        per_page (int | Unset):
        sort_order (SortOrder | Unset):
        sort_by (ParticipantSortBy | Unset):
        include_peer_events (bool | Unset):  Default: False.
        view (ParticipantView | Unset):
        timeout: this call's timeout, instead of the client's.
        max_retries: this call's retry budget, instead of the client's.

    Raises:
        errors.InvalidParameterError: a parameter is refused before anything is sent.
        errors.APIStatusError: the API answered with a non-2xx status (a subclass per status family).
        errors.APIConnectionError: no answer (errors.APITimeoutError when it took too long).
        errors.ResponseValidationError: a 2xx answer whose body is not a readable SessionGetSessionParticipantsResponse.

    Returns:
    Response[SessionGetSessionParticipantsResponse]: status, headers, raw content and the parsed body.
    """

    response = send(
        client,
        _get_kwargs(
            account_id=account_id,
            app_id=app_id,
            session_id=session_id,
            search=search,
            page_no=page_no,
            per_page=per_page,
            sort_order=sort_order,
            sort_by=sort_by,
            include_peer_events=include_peer_events,
            view=view,
        ),
        timeout=timeout,
        max_retries=max_retries,
        idempotent=True,
    )
    return _build_response(client=client, response=response)


def sync(
    account_id: str,
    app_id: str,
    session_id: str,
    *,
    client: AuthenticatedClient | Client,
    search: str | Unset = UNSET,
    page_no: int | Unset = UNSET,
    per_page: int | Unset = UNSET,
    sort_order: SortOrder | Unset = UNSET,
    sort_by: ParticipantSortBy | Unset = UNSET,
    include_peer_events: bool | Unset = False,
    view: ParticipantView | Unset = UNSET,
    timeout: httpx.Timeout | float | None | Unset = UNSET,
    max_retries: int | Unset = UNSET,
) -> SessionGetSessionParticipantsResponse:
    """Fetch participants list of a session

    `GET /accounts/{account_id}/realtime/kit/{app_id}/sessions/{session_id}/participants`

    Args:
        account_id (str):
        app_id (str):
        session_id (str):
        search (str | Unset):
        page_no (int | Unset):
        per_page (int | Unset):
        sort_order (SortOrder | Unset):
        sort_by (ParticipantSortBy | Unset):
        include_peer_events (bool | Unset):  Default: False.
        view (ParticipantView | Unset):
        timeout: this call's timeout, instead of the client's.
        max_retries: this call's retry budget, instead of the client's.

    Raises:
        errors.InvalidParameterError: a parameter is refused before anything is sent.
        errors.APIStatusError: the API answered with a non-2xx status (a subclass per status family).
        errors.APIConnectionError: no answer (errors.APITimeoutError when it took too long).
        errors.ResponseValidationError: a 2xx answer whose body is not a readable SessionGetSessionParticipantsResponse.

    Returns:
    SessionGetSessionParticipantsResponse
    """

    response = send(
        client,
        _get_kwargs(
            account_id=account_id,
            app_id=app_id,
            session_id=session_id,
            search=search,
            page_no=page_no,
            per_page=per_page,
            sort_order=sort_order,
            sort_by=sort_by,
            include_peer_events=include_peer_events,
            view=view,
        ),
        timeout=timeout,
        max_retries=max_retries,
        idempotent=True,
    )
    return _parse_response(client=client, response=response)


async def asyncio_detailed(
    account_id: str,
    app_id: str,
    session_id: str,
    *,
    client: AuthenticatedClient | Client,
    search: str | Unset = UNSET,
    page_no: int | Unset = UNSET,
    per_page: int | Unset = UNSET,
    sort_order: SortOrder | Unset = UNSET,
    sort_by: ParticipantSortBy | Unset = UNSET,
    include_peer_events: bool | Unset = False,
    view: ParticipantView | Unset = UNSET,
    timeout: httpx.Timeout | float | None | Unset = UNSET,
    max_retries: int | Unset = UNSET,
) -> Response[SessionGetSessionParticipantsResponse]:
    """Fetch participants list of a session

    `GET /accounts/{account_id}/realtime/kit/{app_id}/sessions/{session_id}/participants`

    Args:
        account_id (str):
        app_id (str):
        session_id (str):
        search (str | Unset):
        page_no (int | Unset):
        per_page (int | Unset):
        sort_order (SortOrder | Unset):
        sort_by (ParticipantSortBy | Unset):
        include_peer_events (bool | Unset):  Default: False.
        view (ParticipantView | Unset):
        timeout: this call's timeout, instead of the client's.
        max_retries: this call's retry budget, instead of the client's.

    Raises:
        errors.InvalidParameterError: a parameter is refused before anything is sent.
        errors.APIStatusError: the API answered with a non-2xx status (a subclass per status family).
        errors.APIConnectionError: no answer (errors.APITimeoutError when it took too long).
        errors.ResponseValidationError: a 2xx answer whose body is not a readable SessionGetSessionParticipantsResponse.

    Returns:
    Response[SessionGetSessionParticipantsResponse]: status, headers, raw content and the parsed body.
    """

    response = await send_async(
        client,
        _get_kwargs(
            account_id=account_id,
            app_id=app_id,
            session_id=session_id,
            search=search,
            page_no=page_no,
            per_page=per_page,
            sort_order=sort_order,
            sort_by=sort_by,
            include_peer_events=include_peer_events,
            view=view,
        ),
        timeout=timeout,
        max_retries=max_retries,
        idempotent=True,
    )
    return _build_response(client=client, response=response)


async def asyncio(
    account_id: str,
    app_id: str,
    session_id: str,
    *,
    client: AuthenticatedClient | Client,
    search: str | Unset = UNSET,
    page_no: int | Unset = UNSET,
    per_page: int | Unset = UNSET,
    sort_order: SortOrder | Unset = UNSET,
    sort_by: ParticipantSortBy | Unset = UNSET,
    include_peer_events: bool | Unset = False,
    view: ParticipantView | Unset = UNSET,
    timeout: httpx.Timeout | float | None | Unset = UNSET,
    max_retries: int | Unset = UNSET,
) -> SessionGetSessionParticipantsResponse:
    """Fetch participants list of a session

    `GET /accounts/{account_id}/realtime/kit/{app_id}/sessions/{session_id}/participants`

    Args:
        account_id (str):
        app_id (str):
        session_id (str):
        search (str | Unset):
        page_no (int | Unset):
        per_page (int | Unset):
        sort_order (SortOrder | Unset):
        sort_by (ParticipantSortBy | Unset):
        include_peer_events (bool | Unset):  Default: False.
        view (ParticipantView | Unset):
        timeout: this call's timeout, instead of the client's.
        max_retries: this call's retry budget, instead of the client's.

    Raises:
        errors.InvalidParameterError: a parameter is refused before anything is sent.
        errors.APIStatusError: the API answered with a non-2xx status (a subclass per status family).
        errors.APIConnectionError: no answer (errors.APITimeoutError when it took too long).
        errors.ResponseValidationError: a 2xx answer whose body is not a readable SessionGetSessionParticipantsResponse.

    Returns:
    SessionGetSessionParticipantsResponse
    """

    response = await send_async(
        client,
        _get_kwargs(
            account_id=account_id,
            app_id=app_id,
            session_id=session_id,
            search=search,
            page_no=page_no,
            per_page=per_page,
            sort_order=sort_order,
            sort_by=sort_by,
            include_peer_events=include_peer_events,
            view=view,
        ),
        timeout=timeout,
        max_retries=max_retries,
        idempotent=True,
    )
    return _parse_response(client=client, response=response)


def _page_items(page: SessionGetSessionParticipantsResponse) -> list[Participant]:
    data = page.data
    if isinstance(data, Unset) or isinstance(data.participants, Unset):
        return []
    return data.participants


def _page_total(page: SessionGetSessionParticipantsResponse) -> float | None:
    paging = UNSET if isinstance(page.data, Unset) else page.data.paging
    if isinstance(paging, Unset) or isinstance(paging.total_count, Unset):
        return None
    return paging.total_count


def iter_all(
    account_id: str,
    app_id: str,
    session_id: str,
    *,
    client: AuthenticatedClient,
    search: str | Unset = UNSET,
    sort_order: SortOrder | Unset = UNSET,
    sort_by: ParticipantSortBy | Unset = UNSET,
    include_peer_events: bool | Unset = False,
    view: ParticipantView | Unset = UNSET,
    page_no: int = 1,
    per_page: int = 100,
    limit: int | None = None,
    timeout: httpx.Timeout | float | None | Unset = UNSET,
    max_retries: int | Unset = UNSET,
) -> Iterator[Participant]:
    """Every Participant of `data.participants`, across pages, fetched as the iteration needs them.

    Starts at page `page_no` (pages are numbered from 1), asks for `per_page` items a page, and stops at the
    API's total_count, at a short page, or after `limit` items. Takes the same filters as sync().
    """
    return iterate_pages(
        lambda page: sync(
            account_id,
            app_id,
            session_id,
            client=client,
            search=search,
            sort_order=sort_order,
            sort_by=sort_by,
            include_peer_events=include_peer_events,
            view=view,
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
    session_id: str,
    *,
    client: AuthenticatedClient,
    search: str | Unset = UNSET,
    sort_order: SortOrder | Unset = UNSET,
    sort_by: ParticipantSortBy | Unset = UNSET,
    include_peer_events: bool | Unset = False,
    view: ParticipantView | Unset = UNSET,
    page_no: int = 1,
    per_page: int = 100,
    limit: int | None = None,
    timeout: httpx.Timeout | float | None | Unset = UNSET,
    max_retries: int | Unset = UNSET,
) -> AsyncIterator[Participant]:
    """The async twin of iter_all: `async for item in aiter_all(...)`."""
    return aiterate_pages(
        lambda page: asyncio(
            account_id,
            app_id,
            session_id,
            client=client,
            search=search,
            sort_order=sort_order,
            sort_by=sort_by,
            include_peer_events=include_peer_events,
            view=view,
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
