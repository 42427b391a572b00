from typing import Any

import httpx

# Every helper an operation may use; the generator's ruff post-hook drops the ones this one does not.
from ...client import (
    AuthenticatedClient,
    Client,
    path_id,
    query_flag,
    read_json,
    send,
    send_async,
)
from ...models.session_get_session_details_response import SessionGetSessionDetailsResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    account_id: str,
    app_id: str,
    session_id: str,
    *,
    include_breakout_rooms: bool | Unset = False,
) -> dict[str, Any]:
    account_id = path_id("account_id", account_id)
    app_id = path_id("app_id", app_id)
    session_id = path_id("session_id", session_id)
    if include_breakout_rooms is not UNSET:
        query_flag("include_breakout_rooms", include_breakout_rooms)

    params: dict[str, Any] = {}

    params["include_breakout_rooms"] = include_breakout_rooms

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    return {
        "method": "GET",
        "url": f"/accounts/{account_id}/realtime/kit/{app_id}/sessions/{session_id}",
        "params": params,
    }


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> SessionGetSessionDetailsResponse:
    return read_json(response, SessionGetSessionDetailsResponse.from_dict)


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[SessionGetSessionDetailsResponse]:
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
    include_breakout_rooms: bool | Unset = False,
    timeout: httpx.Timeout | float | None | Unset = UNSET,
    max_retries: int | Unset = UNSET,
) -> Response[SessionGetSessionDetailsResponse]:
    """Fetch details of a session

    `GET /accounts/{account_id}/realtime/kit/{app_id}/sessions/{session_id}`

    Args:
        account_id (str):
        app_id (str):
        session_id (str):
        include_breakout_rooms (bool | Unset):  Default: False.
        timeout: this call's timeout, instead of the client's.
        max_retries: this call's retry budget, instead of the client's.

    Raises:
        errors.InvalidParameterError: a parameter is refused before anything is sent.
        errors.APIStatusError: the API answered with a non-2xx status (a subclass per status family).
        errors.APIConnectionError: no answer (errors.APITimeoutError when it took too long).
        errors.ResponseValidationError: a 2xx answer whose body is not a readable SessionGetSessionDetailsResponse.

    Returns:
    Response[SessionGetSessionDetailsResponse]: status, headers, raw content and the parsed body.
    """

    response = send(
        client,
        _get_kwargs(
            account_id=account_id,
            app_id=app_id,
            session_id=session_id,
            include_breakout_rooms=include_breakout_rooms,
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
    include_breakout_rooms: bool | Unset = False,
    timeout: httpx.Timeout | float | None | Unset = UNSET,
    max_retries: int | Unset = UNSET,
) -> SessionGetSessionDetailsResponse:
    """Fetch details of a session

    `GET /accounts/{account_id}/realtime/kit/{app_id}/sessions/{session_id}`

    Args:
        account_id (str):
        app_id (str):
        session_id (str):
        include_breakout_rooms (bool | Unset):  Default: False.
        timeout: this call's timeout, instead of the client's.
        max_retries: this call's retry budget, instead of the client's.

    Raises:
        errors.InvalidParameterError: a parameter is refused before anything is sent.
        errors.APIStatusError: the API answered with a non-2xx status (a subclass per status family).
        errors.APIConnectionError: no answer (errors.APITimeoutError when it took too long).
        errors.ResponseValidationError: a 2xx answer whose body is not a readable SessionGetSessionDetailsResponse.

    Returns:
    SessionGetSessionDetailsResponse
    """

    response = send(
        client,
        _get_kwargs(
            account_id=account_id,
            app_id=app_id,
            session_id=session_id,
            include_breakout_rooms=include_breakout_rooms,
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
    include_breakout_rooms: bool | Unset = False,
    timeout: httpx.Timeout | float | None | Unset = UNSET,
    max_retries: int | Unset = UNSET,
) -> Response[SessionGetSessionDetailsResponse]:
    """Fetch details of a session

    `GET /accounts/{account_id}/realtime/kit/{app_id}/sessions/{session_id}`

    Args:
        account_id (str):
        app_id (str):
        session_id (str):
        include_breakout_rooms (bool | Unset):  Default: False.
        timeout: this call's timeout, instead of the client's.
        max_retries: this call's retry budget, instead of the client's.

    Raises:
        errors.InvalidParameterError: a parameter is refused before anything is sent.
        errors.APIStatusError: the API answered with a non-2xx status (a subclass per status family).
        errors.APIConnectionError: no answer (errors.APITimeoutError when it took too long).
        errors.ResponseValidationError: a 2xx answer whose body is not a readable SessionGetSessionDetailsResponse.

    Returns:
    Response[SessionGetSessionDetailsResponse]: status, headers, raw content and the parsed body.
    """

    response = await send_async(
        client,
        _get_kwargs(
            account_id=account_id,
            app_id=app_id,
            session_id=session_id,
            include_breakout_rooms=include_breakout_rooms,
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
    include_breakout_rooms: bool | Unset = False,
    timeout: httpx.Timeout | float | None | Unset = UNSET,
    max_retries: int | Unset = UNSET,
) -> SessionGetSessionDetailsResponse:
    """Fetch details of a session

    `GET /accounts/{account_id}/realtime/kit/{app_id}/sessions/{session_id}`

    Args:
        account_id (str):
        app_id (str):
        session_id (str):
        include_breakout_rooms (bool | Unset):  Default: False.
        timeout: this call's timeout, instead of the client's.
        max_retries: this call's retry budget, instead of the client's.

    Raises:
        errors.InvalidParameterError: a parameter is refused before anything is sent.
        errors.APIStatusError: the API answered with a non-2xx status (a subclass per status family).
        errors.APIConnectionError: no answer (errors.APITimeoutError when it took too long).
        errors.ResponseValidationError: a 2xx answer whose body is not a readable SessionGetSessionDetailsResponse.

    Returns:
    SessionGetSessionDetailsResponse
    """

    response = await send_async(
        client,
        _get_kwargs(
            account_id=account_id,
            app_id=app_id,
            session_id=session_id,
            include_breakout_rooms=include_breakout_rooms,
        ),
        timeout=timeout,
        max_retries=max_retries,
        idempotent=True,
    )
    return _parse_response(client=client, response=response)
