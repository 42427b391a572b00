from typing import Any

import httpx

# Every helper an operation may use; the generator's ruff post-hook drops the ones this one does not.
from ...client import (
    AuthenticatedClient,
    Client,
    path_id,
    read_json,
    send,
    send_async,
)
from ...models.session_generate_summary_of_transcripts_response import SessionGenerateSummaryOfTranscriptsResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    account_id: str,
    app_id: str,
    session_id: str,
) -> dict[str, Any]:
    account_id = path_id("account_id", account_id)
    app_id = path_id("app_id", app_id)
    session_id = path_id("session_id", session_id)

    return {
        "method": "POST",
        "url": f"/accounts/{account_id}/realtime/kit/{app_id}/sessions/{session_id}/summary",
    }


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> SessionGenerateSummaryOfTranscriptsResponse:
    return read_json(response, SessionGenerateSummaryOfTranscriptsResponse.from_dict)


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[SessionGenerateSummaryOfTranscriptsResponse]:
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
    timeout: httpx.Timeout | float | None | Unset = UNSET,
    max_retries: int | Unset = UNSET,
) -> Response[SessionGenerateSummaryOfTranscriptsResponse]:
    """Generate summary of Transcripts for the session

    Starts making a summary of the session's transcript. The summary is fetched later with
    get_session_summary. Takes no request body.

    `POST /accounts/{account_id}/realtime/kit/{app_id}/sessions/{session_id}/summary`

    Args:
        account_id (str):
        app_id (str):
        session_id (str):
        timeout: this call's timeout, instead of the client's.
        max_retries: this call's retry budget, instead of the client's. Being a POST, it
            is retried only after failures that prove the request was not acted on (no connection, 408, 429).

    Raises:
        errors.InvalidParameterError: a parameter is refused before anything is sent.
        errors.APIStatusError: the API answered with a non-2xx status (a subclass per status family).
        errors.APIConnectionError: no answer (errors.APITimeoutError when it took too long).
        errors.ResponseValidationError: a 2xx answer whose body is not a readable SessionGenerateSummaryOfTranscriptsResponse.

    Returns:
    Response[SessionGenerateSummaryOfTranscriptsResponse]: status, headers, raw content and the parsed body.
    """

    response = send(
        client,
        _get_kwargs(
            account_id=account_id,
            app_id=app_id,
            session_id=session_id,
        ),
        timeout=timeout,
        max_retries=max_retries,
        idempotent=False,
    )
    return _build_response(client=client, response=response)


def sync(
    account_id: str,
    app_id: str,
    session_id: str,
    *,
    client: AuthenticatedClient | Client,
    timeout: httpx.Timeout | float | None | Unset = UNSET,
    max_retries: int | Unset = UNSET,
) -> SessionGenerateSummaryOfTranscriptsResponse:
    """Generate summary of Transcripts for the session

    Starts making a summary of the session's transcript. The summary is fetched later with
    get_session_summary. Takes no request body.

    `POST /accounts/{account_id}/realtime/kit/{app_id}/sessions/{session_id}/summary`

    Args:
        account_id (str):
        app_id (str):
        session_id (str):
        timeout: this call's timeout, instead of the client's.
        max_retries: this call's retry budget, instead of the client's. Being a POST, it
            is retried only after failures that prove the request was not acted on (no connection, 408, 429).

    Raises:
        errors.InvalidParameterError: a parameter is refused before anything is sent.
        errors.APIStatusError: the API answered with a non-2xx status (a subclass per status family).
        errors.APIConnectionError: no answer (errors.APITimeoutError when it took too long).
        errors.ResponseValidationError: a 2xx answer whose body is not a readable SessionGenerateSummaryOfTranscriptsResponse.

    Returns:
    SessionGenerateSummaryOfTranscriptsResponse
    """

    response = send(
        client,
        _get_kwargs(
            account_id=account_id,
            app_id=app_id,
            session_id=session_id,
        ),
        timeout=timeout,
        max_retries=max_retries,
        idempotent=False,
    )
    return _parse_response(client=client, response=response)


async def asyncio_detailed(
    account_id: str,
    app_id: str,
    session_id: str,
    *,
    client: AuthenticatedClient | Client,
    timeout: httpx.Timeout | float | None | Unset = UNSET,
    max_retries: int | Unset = UNSET,
) -> Response[SessionGenerateSummaryOfTranscriptsResponse]:
    """Generate summary of Transcripts for the session

    Starts making a summary of the session's transcript. The summary is fetched later with
    get_session_summary. Takes no request body.

    `POST /accounts/{account_id}/realtime/kit/{app_id}/sessions/{session_id}/summary`

    Args:
        account_id (str):
        app_id (str):
        session_id (str):
        timeout: this call's timeout, instead of the client's.
        max_retries: this call's retry budget, instead of the client's. Being a POST, it
            is retried only after failures that prove the request was not acted on (no connection, 408, 429).

    Raises:
        errors.InvalidParameterError: a parameter is refused before anything is sent.
        errors.APIStatusError: the API answered with a non-2xx status (a subclass per status family).
        errors.APIConnectionError: no answer (errors.APITimeoutError when it took too long).
        errors.ResponseValidationError: a 2xx answer whose body is not a readable SessionGenerateSummaryOfTranscriptsResponse.

    Returns:
    Response[SessionGenerateSummaryOfTranscriptsResponse]: status, headers, raw content and the parsed body.
    """

    response = await send_async(
        client,
        _get_kwargs(
            account_id=account_id,
            app_id=app_id,
            session_id=session_id,
        ),
        timeout=timeout,
        max_retries=max_retries,
        idempotent=False,
    )
    return _build_response(client=client, response=response)


async def asyncio(
    account_id: str,
    app_id: str,
    session_id: str,
    *,
    client: AuthenticatedClient | Client,
    timeout: httpx.Timeout | float | None | Unset = UNSET,
    max_retries: int | Unset = UNSET,
) -> SessionGenerateSummaryOfTranscriptsResponse:
    """Generate summary of Transcripts for the session

    Starts making a summary of the session's transcript. The summary is fetched later with
    get_session_summary. Takes no request body.

    `POST /accounts/{account_id}/realtime/kit/{app_id}/sessions/{session_id}/summary`

    Args:
        account_id (str):
        app_id (str):
        session_id (str):
        timeout: this call's timeout, instead of the client's.
        max_retries: this call's retry budget, instead of the client's. Being a POST, it
            is retried only after failures that prove the request was not acted on (no connection, 408, 429).

    Raises:
        errors.InvalidParameterError: a parameter is refused before anything is sent.
        errors.APIStatusError: the API answered with a non-2xx status (a subclass per status family).
        errors.APIConnectionError: no answer (errors.APITimeoutError when it took too long).
        errors.ResponseValidationError: a 2xx answer whose body is not a readable SessionGenerateSummaryOfTranscriptsResponse.

    Returns:
    SessionGenerateSummaryOfTranscriptsResponse
    """

    response = await send_async(
        client,
        _get_kwargs(
            account_id=account_id,
            app_id=app_id,
            session_id=session_id,
        ),
        timeout=timeout,
        max_retries=max_retries,
        idempotent=False,
    )
    return _parse_response(client=client, response=response)
