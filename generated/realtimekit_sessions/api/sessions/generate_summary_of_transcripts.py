from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.cloudflare_error import CloudflareError
from ...models.realtime_kit_error import RealtimeKitError
from ...models.session_generate_summary_of_transcripts_response import SessionGenerateSummaryOfTranscriptsResponse
from ...types import Response


def _get_kwargs(
    account_id: str,
    app_id: str,
    session_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/accounts/{account_id}/realtime/kit/{app_id}/sessions/{session_id}/summary".format(
            account_id=quote(str(account_id), safe=""),
            app_id=quote(str(app_id), safe=""),
            session_id=quote(str(session_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CloudflareError | RealtimeKitError | SessionGenerateSummaryOfTranscriptsResponse | None:
    if response.status_code == 200:
        response_200 = SessionGenerateSummaryOfTranscriptsResponse.from_dict(response.json())

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
) -> Response[CloudflareError | RealtimeKitError | SessionGenerateSummaryOfTranscriptsResponse]:
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
) -> Response[CloudflareError | RealtimeKitError | SessionGenerateSummaryOfTranscriptsResponse]:
    """Generate summary of Transcripts for the session

     Starts making a summary of the session's transcript. The summary is fetched later with
    get_session_summary. Takes no request body.

    Args:
        account_id (str):
        app_id (str):
        session_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CloudflareError | RealtimeKitError | SessionGenerateSummaryOfTranscriptsResponse]
    """

    kwargs = _get_kwargs(
        account_id=account_id,
        app_id=app_id,
        session_id=session_id,
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
) -> CloudflareError | RealtimeKitError | SessionGenerateSummaryOfTranscriptsResponse | None:
    """Generate summary of Transcripts for the session

     Starts making a summary of the session's transcript. The summary is fetched later with
    get_session_summary. Takes no request body.

    Args:
        account_id (str):
        app_id (str):
        session_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CloudflareError | RealtimeKitError | SessionGenerateSummaryOfTranscriptsResponse
    """

    return sync_detailed(
        account_id=account_id,
        app_id=app_id,
        session_id=session_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    account_id: str,
    app_id: str,
    session_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[CloudflareError | RealtimeKitError | SessionGenerateSummaryOfTranscriptsResponse]:
    """Generate summary of Transcripts for the session

     Starts making a summary of the session's transcript. The summary is fetched later with
    get_session_summary. Takes no request body.

    Args:
        account_id (str):
        app_id (str):
        session_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CloudflareError | RealtimeKitError | SessionGenerateSummaryOfTranscriptsResponse]
    """

    kwargs = _get_kwargs(
        account_id=account_id,
        app_id=app_id,
        session_id=session_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    account_id: str,
    app_id: str,
    session_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> CloudflareError | RealtimeKitError | SessionGenerateSummaryOfTranscriptsResponse | None:
    """Generate summary of Transcripts for the session

     Starts making a summary of the session's transcript. The summary is fetched later with
    get_session_summary. Takes no request body.

    Args:
        account_id (str):
        app_id (str):
        session_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CloudflareError | RealtimeKitError | SessionGenerateSummaryOfTranscriptsResponse
    """

    return (
        await asyncio_detailed(
            account_id=account_id,
            app_id=app_id,
            session_id=session_id,
            client=client,
        )
    ).parsed
