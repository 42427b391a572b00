from typing import Any

import httpx

# Every helper an operation may use; the generator's ruff post-hook drops the ones this one does not.
from ...client import (
    AuthenticatedClient,
    Client,
    path_id,
    query_choice,
    query_flag,
    read_json,
    send,
    send_async,
)
from ...models.peer_report_filter import PEER_REPORT_FILTER_VALUES, PeerReportFilter
from ...models.session_get_participant_data_from_peer_id_response import SessionGetParticipantDataFromPeerIDResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    account_id: str,
    app_id: str,
    peer_id: str,
    *,
    filters: PeerReportFilter | Unset = UNSET,
    include_peer_events: bool | Unset = False,
) -> dict[str, Any]:
    account_id = path_id("account_id", account_id)
    app_id = path_id("app_id", app_id)
    peer_id = path_id("peer_id", peer_id)
    if filters is not UNSET:
        query_choice("filters", filters, PEER_REPORT_FILTER_VALUES)
    if include_peer_events is not UNSET:
        query_flag("include_peer_events", include_peer_events)

    params: dict[str, Any] = {}

    json_filters: str | Unset = UNSET
    if not isinstance(filters, Unset):
        json_filters = filters

    params["filters"] = json_filters

    params["include_peer_events"] = include_peer_events

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    return {
        "method": "GET",
        "url": f"/accounts/{account_id}/realtime/kit/{app_id}/sessions/peer-report/{peer_id}",
        "params": params,
    }


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> SessionGetParticipantDataFromPeerIDResponse:
    return read_json(response, SessionGetParticipantDataFromPeerIDResponse.from_dict)


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[SessionGetParticipantDataFromPeerIDResponse]:
    return Response(
        status_code=response.status_code,
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    account_id: str,
    app_id: str,
    peer_id: str,
    *,
    client: AuthenticatedClient | Client,
    filters: PeerReportFilter | Unset = UNSET,
    include_peer_events: bool | Unset = False,
    timeout: httpx.Timeout | float | None | Unset = UNSET,
    max_retries: int | Unset = UNSET,
) -> Response[SessionGetParticipantDataFromPeerIDResponse]:
    """Fetch details of peer

    The participant behind a peer with its call-quality report: device and network metadata and the
    media statistics sampled through the call.

    `GET /accounts/{account_id}/realtime/kit/{app_id}/sessions/peer-report/{peer_id}`

    Args:
        account_id (str):
        app_id (str):
        peer_id (str):
        filters (PeerReportFilter | Unset):
        include_peer_events (bool | Unset):  Default: False.
        timeout: this call's timeout, instead of the client's.
        max_retries: this call's retry budget, instead of the client's.

    Raises:
        errors.InvalidParameterError: a parameter is refused before anything is sent.
        errors.APIStatusError: the API answered with a non-2xx status (a subclass per status family).
        errors.APIConnectionError: no answer (errors.APITimeoutError when it took too long).
        errors.ResponseValidationError: a 2xx answer whose body is not a readable SessionGetParticipantDataFromPeerIDResponse.

    Returns:
    Response[SessionGetParticipantDataFromPeerIDResponse]: status, headers, raw content and the parsed body.
    """

    response = send(
        client,
        _get_kwargs(
            account_id=account_id,
            app_id=app_id,
            peer_id=peer_id,
            filters=filters,
            include_peer_events=include_peer_events,
        ),
        timeout=timeout,
        max_retries=max_retries,
        idempotent=True,
    )
    return _build_response(client=client, response=response)


def sync(
    account_id: str,
    app_id: str,
    peer_id: str,
    *,
    client: AuthenticatedClient | Client,
    filters: PeerReportFilter | Unset = UNSET,
    include_peer_events: bool | Unset = False,
    timeout: httpx.Timeout | float | None | Unset = UNSET,
    max_retries: int | Unset = UNSET,
) -> SessionGetParticipantDataFromPeerIDResponse:
    """Fetch details of peer

    The participant behind a peer with its call-quality report: device and network metadata and the
    media statistics sampled through the call.

    `GET /accounts/{account_id}/realtime/kit/{app_id}/sessions/peer-report/{peer_id}`

    Args:
        account_id (str):
        app_id (str):
        peer_id (str):
        filters (PeerReportFilter | Unset):
        include_peer_events (bool | Unset):  Default: False.
        timeout: this call's timeout, instead of the client's.
        max_retries: this call's retry budget, instead of the client's.

    Raises:
        errors.InvalidParameterError: a parameter is refused before anything is sent.
        errors.APIStatusError: the API answered with a non-2xx status (a subclass per status family).
        errors.APIConnectionError: no answer (errors.APITimeoutError when it took too long).
        errors.ResponseValidationError: a 2xx answer whose body is not a readable SessionGetParticipantDataFromPeerIDResponse.

    Returns:
    SessionGetParticipantDataFromPeerIDResponse
    """

    response = send(
        client,
        _get_kwargs(
            account_id=account_id,
            app_id=app_id,
            peer_id=peer_id,
            filters=filters,
            include_peer_events=include_peer_events,
        ),
        timeout=timeout,
        max_retries=max_retries,
        idempotent=True,
    )
    return _parse_response(client=client, response=response)


async def asyncio_detailed(
    account_id: str,
    app_id: str,
    peer_id: str,
    *,
    client: AuthenticatedClient | Client,
    filters: PeerReportFilter | Unset = UNSET,
    include_peer_events: bool | Unset = False,
    timeout: httpx.Timeout | float | None | Unset = UNSET,
    max_retries: int | Unset = UNSET,
) -> Response[SessionGetParticipantDataFromPeerIDResponse]:
    """Fetch details of peer

    The participant behind a peer with its call-quality report: device and network metadata and the
    media statistics sampled through the call.

    `GET /accounts/{account_id}/realtime/kit/{app_id}/sessions/peer-report/{peer_id}`

    Args:
        account_id (str):
        app_id (str):
        peer_id (str):
        filters (PeerReportFilter | Unset):
        include_peer_events (bool | Unset):  Default: False.
        timeout: this call's timeout, instead of the client's.
        max_retries: this call's retry budget, instead of the client's.

    Raises:
        errors.InvalidParameterError: a parameter is refused before anything is sent.
        errors.APIStatusError: the API answered with a non-2xx status (a subclass per status family).
        errors.APIConnectionError: no answer (errors.APITimeoutError when it took too long).
        errors.ResponseValidationError: a 2xx answer whose body is not a readable SessionGetParticipantDataFromPeerIDResponse.

    Returns:
    Response[SessionGetParticipantDataFromPeerIDResponse]: status, headers, raw content and the parsed body.
    """

    response = await send_async(
        client,
        _get_kwargs(
            account_id=account_id,
            app_id=app_id,
            peer_id=peer_id,
            filters=filters,
            include_peer_events=include_peer_events,
        ),
        timeout=timeout,
        max_retries=max_retries,
        idempotent=True,
    )
    return _build_response(client=client, response=response)


async def asyncio(
    account_id: str,
    app_id: str,
    peer_id: str,
    *,
    client: AuthenticatedClient | Client,
    filters: PeerReportFilter | Unset = UNSET,
    include_peer_events: bool | Unset = False,
    timeout: httpx.Timeout | float | None | Unset = UNSET,
    max_retries: int | Unset = UNSET,
) -> SessionGetParticipantDataFromPeerIDResponse:
    """Fetch details of peer

    The participant behind a peer with its call-quality report: device and network metadata and the
    media statistics sampled through the call.

    `GET /accounts/{account_id}/realtime/kit/{app_id}/sessions/peer-report/{peer_id}`

    Args:
        account_id (str):
        app_id (str):
        peer_id (str):
        filters (PeerReportFilter | Unset):
        include_peer_events (bool | Unset):  Default: False.
        timeout: this call's timeout, instead of the client's.
        max_retries: this call's retry budget, instead of the client's.

    Raises:
        errors.InvalidParameterError: a parameter is refused before anything is sent.
        errors.APIStatusError: the API answered with a non-2xx status (a subclass per status family).
        errors.APIConnectionError: no answer (errors.APITimeoutError when it took too long).
        errors.ResponseValidationError: a 2xx answer whose body is not a readable SessionGetParticipantDataFromPeerIDResponse.

    Returns:
    SessionGetParticipantDataFromPeerIDResponse
    """

    response = await send_async(
        client,
        _get_kwargs(
            account_id=account_id,
            app_id=app_id,
            peer_id=peer_id,
            filters=filters,
            include_peer_events=include_peer_events,
        ),
        timeout=timeout,
        max_retries=max_retries,
        idempotent=True,
    )
    return _parse_response(client=client, response=response)
