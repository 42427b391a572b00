from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.cloudflare_error import CloudflareError
from ...models.participant_sort_by import ParticipantSortBy
from ...models.participant_view import ParticipantView
from ...models.realtime_kit_error import RealtimeKitError
from ...models.session_get_session_participants_response import SessionGetSessionParticipantsResponse
from ...models.sort_order import SortOrder
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

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/accounts/{account_id}/realtime/kit/{app_id}/sessions/{session_id}/participants".format(
            account_id=quote(str(account_id), safe=""),
            app_id=quote(str(app_id), safe=""),
            session_id=quote(str(session_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CloudflareError | RealtimeKitError | SessionGetSessionParticipantsResponse | None:
    if response.status_code == 200:
        response_200 = SessionGetSessionParticipantsResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:

        def _parse_response_400(data: object) -> CloudflareError | RealtimeKitError:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_error_body_type_0 = RealtimeKitError.from_dict(data)

                return componentsschemas_error_body_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_error_body_type_1 = CloudflareError.from_dict(data)

            return componentsschemas_error_body_type_1

        response_400 = _parse_response_400(response.json())

        return response_400

    if response.status_code == 401:

        def _parse_response_401(data: object) -> CloudflareError | RealtimeKitError:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_error_body_type_0 = RealtimeKitError.from_dict(data)

                return componentsschemas_error_body_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_error_body_type_1 = CloudflareError.from_dict(data)

            return componentsschemas_error_body_type_1

        response_401 = _parse_response_401(response.json())

        return response_401

    if response.status_code == 403:

        def _parse_response_403(data: object) -> CloudflareError | RealtimeKitError:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_error_body_type_0 = RealtimeKitError.from_dict(data)

                return componentsschemas_error_body_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_error_body_type_1 = CloudflareError.from_dict(data)

            return componentsschemas_error_body_type_1

        response_403 = _parse_response_403(response.json())

        return response_403

    if response.status_code == 404:

        def _parse_response_404(data: object) -> CloudflareError | RealtimeKitError:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_error_body_type_0 = RealtimeKitError.from_dict(data)

                return componentsschemas_error_body_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_error_body_type_1 = CloudflareError.from_dict(data)

            return componentsschemas_error_body_type_1

        response_404 = _parse_response_404(response.json())

        return response_404

    if response.status_code == 429:

        def _parse_response_429(data: object) -> CloudflareError | RealtimeKitError:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_error_body_type_0 = RealtimeKitError.from_dict(data)

                return componentsschemas_error_body_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_error_body_type_1 = CloudflareError.from_dict(data)

            return componentsschemas_error_body_type_1

        response_429 = _parse_response_429(response.json())

        return response_429

    if 500 <= response.status_code <= 599:

        def _parse_response_5xx(data: object) -> CloudflareError | RealtimeKitError:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_error_body_type_0 = RealtimeKitError.from_dict(data)

                return componentsschemas_error_body_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_error_body_type_1 = CloudflareError.from_dict(data)

            return componentsschemas_error_body_type_1

        response_5xx = _parse_response_5xx(response.json())

        return response_5xx

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CloudflareError | RealtimeKitError | SessionGetSessionParticipantsResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
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
) -> Response[CloudflareError | RealtimeKitError | SessionGetSessionParticipantsResponse]:
    """Fetch participants list of a session

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

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CloudflareError | RealtimeKitError | SessionGetSessionParticipantsResponse]
    """

    kwargs = _get_kwargs(
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
    )

    response = client.get_httpx_client().request(
        **kwargs,
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
) -> CloudflareError | RealtimeKitError | SessionGetSessionParticipantsResponse | None:
    """Fetch participants list of a session

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

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CloudflareError | RealtimeKitError | SessionGetSessionParticipantsResponse
    """

    return sync_detailed(
        account_id=account_id,
        app_id=app_id,
        session_id=session_id,
        client=client,
        search=search,
        page_no=page_no,
        per_page=per_page,
        sort_order=sort_order,
        sort_by=sort_by,
        include_peer_events=include_peer_events,
        view=view,
    ).parsed


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
) -> Response[CloudflareError | RealtimeKitError | SessionGetSessionParticipantsResponse]:
    """Fetch participants list of a session

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

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CloudflareError | RealtimeKitError | SessionGetSessionParticipantsResponse]
    """

    kwargs = _get_kwargs(
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
    )

    response = await client.get_async_httpx_client().request(**kwargs)

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
) -> CloudflareError | RealtimeKitError | SessionGetSessionParticipantsResponse | None:
    """Fetch participants list of a session

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

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CloudflareError | RealtimeKitError | SessionGetSessionParticipantsResponse
    """

    return (
        await asyncio_detailed(
            account_id=account_id,
            app_id=app_id,
            session_id=session_id,
            client=client,
            search=search,
            page_no=page_no,
            per_page=per_page,
            sort_order=sort_order,
            sort_by=sort_by,
            include_peer_events=include_peer_events,
            view=view,
        )
    ).parsed
