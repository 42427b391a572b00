import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.cloudflare_error import CloudflareError
from ...models.realtime_kit_error import RealtimeKitError
from ...models.session_get_sessions_response import SessionGetSessionsResponse
from ...models.session_sort_by import SessionSortBy
from ...models.session_status import SessionStatus
from ...models.sort_order import SortOrder
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

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/accounts/{account_id}/realtime/kit/{app_id}/sessions".format(
            account_id=quote(str(account_id), safe=""),
            app_id=quote(str(app_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CloudflareError | RealtimeKitError | SessionGetSessionsResponse | None:
    if response.status_code == 200:
        response_200 = SessionGetSessionsResponse.from_dict(response.json())

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
) -> Response[CloudflareError | RealtimeKitError | SessionGetSessionsResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
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
) -> Response[CloudflareError | RealtimeKitError | SessionGetSessionsResponse]:
    """Fetch all sessions of an App

     Lists the sessions of an app, newest first unless sorted otherwise, one page at a time.

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

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CloudflareError | RealtimeKitError | SessionGetSessionsResponse]
    """

    kwargs = _get_kwargs(
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
    )

    response = client.get_httpx_client().request(
        **kwargs,
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
) -> CloudflareError | RealtimeKitError | SessionGetSessionsResponse | None:
    """Fetch all sessions of an App

     Lists the sessions of an app, newest first unless sorted otherwise, one page at a time.

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

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CloudflareError | RealtimeKitError | SessionGetSessionsResponse
    """

    return sync_detailed(
        account_id=account_id,
        app_id=app_id,
        client=client,
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
    ).parsed


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
) -> Response[CloudflareError | RealtimeKitError | SessionGetSessionsResponse]:
    """Fetch all sessions of an App

     Lists the sessions of an app, newest first unless sorted otherwise, one page at a time.

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

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CloudflareError | RealtimeKitError | SessionGetSessionsResponse]
    """

    kwargs = _get_kwargs(
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
    )

    response = await client.get_async_httpx_client().request(**kwargs)

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
) -> CloudflareError | RealtimeKitError | SessionGetSessionsResponse | None:
    """Fetch all sessions of an App

     Lists the sessions of an app, newest first unless sorted otherwise, one page at a time.

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

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CloudflareError | RealtimeKitError | SessionGetSessionsResponse
    """

    return (
        await asyncio_detailed(
            account_id=account_id,
            app_id=app_id,
            client=client,
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
        )
    ).parsed
