from typing import Any

import httpx

# Every helper an operation may use; the generator's ruff post-hook drops the ones this one does not.
from ...client import (
    AuthenticatedClient,
    Client,
    afetch_download,
    download_link,
    fetch_download,
    path_id,
    read_json,
    send,
    send_async,
)
from ...errors import ResponseValidationError
from ...models.session_get_session_summary_response import SessionGetSessionSummaryResponse
from ...types import UNSET, Download, Response, Unset


def _get_kwargs(
    account_id: str,
    app_id: str,
    session_id: str,
) -> dict[str, Any]:
    account_id = path_id("account_id", account_id)
    app_id = path_id("app_id", app_id)
    session_id = path_id("session_id", session_id)

    return {
        "method": "GET",
        "url": f"/accounts/{account_id}/realtime/kit/{app_id}/sessions/{session_id}/summary",
    }


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> SessionGetSessionSummaryResponse:
    return read_json(response, SessionGetSessionSummaryResponse.from_dict)


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[SessionGetSessionSummaryResponse]:
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
) -> Response[SessionGetSessionSummaryResponse]:
    """Fetch summary of transcripts for a session

    Returns a short-lived URL of the summary made from the session's transcript.

    `GET /accounts/{account_id}/realtime/kit/{app_id}/sessions/{session_id}/summary`

    Args:
        account_id (str):
        app_id (str):
        session_id (str):
        timeout: this call's timeout, instead of the client's.
        max_retries: this call's retry budget, instead of the client's.

    Raises:
        errors.InvalidParameterError: a parameter is refused before anything is sent.
        errors.APIStatusError: the API answered with a non-2xx status (a subclass per status family).
        errors.APIConnectionError: no answer (errors.APITimeoutError when it took too long).
        errors.ResponseValidationError: a 2xx answer whose body is not a readable SessionGetSessionSummaryResponse.

    Returns:
    Response[SessionGetSessionSummaryResponse]: status, headers, raw content and the parsed body.
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
        idempotent=True,
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
) -> SessionGetSessionSummaryResponse:
    """Fetch summary of transcripts for a session

    Returns a short-lived URL of the summary made from the session's transcript.

    `GET /accounts/{account_id}/realtime/kit/{app_id}/sessions/{session_id}/summary`

    Args:
        account_id (str):
        app_id (str):
        session_id (str):
        timeout: this call's timeout, instead of the client's.
        max_retries: this call's retry budget, instead of the client's.

    Raises:
        errors.InvalidParameterError: a parameter is refused before anything is sent.
        errors.APIStatusError: the API answered with a non-2xx status (a subclass per status family).
        errors.APIConnectionError: no answer (errors.APITimeoutError when it took too long).
        errors.ResponseValidationError: a 2xx answer whose body is not a readable SessionGetSessionSummaryResponse.

    Returns:
    SessionGetSessionSummaryResponse
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
        idempotent=True,
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
) -> Response[SessionGetSessionSummaryResponse]:
    """Fetch summary of transcripts for a session

    Returns a short-lived URL of the summary made from the session's transcript.

    `GET /accounts/{account_id}/realtime/kit/{app_id}/sessions/{session_id}/summary`

    Args:
        account_id (str):
        app_id (str):
        session_id (str):
        timeout: this call's timeout, instead of the client's.
        max_retries: this call's retry budget, instead of the client's.

    Raises:
        errors.InvalidParameterError: a parameter is refused before anything is sent.
        errors.APIStatusError: the API answered with a non-2xx status (a subclass per status family).
        errors.APIConnectionError: no answer (errors.APITimeoutError when it took too long).
        errors.ResponseValidationError: a 2xx answer whose body is not a readable SessionGetSessionSummaryResponse.

    Returns:
    Response[SessionGetSessionSummaryResponse]: status, headers, raw content and the parsed body.
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
        idempotent=True,
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
) -> SessionGetSessionSummaryResponse:
    """Fetch summary of transcripts for a session

    Returns a short-lived URL of the summary made from the session's transcript.

    `GET /accounts/{account_id}/realtime/kit/{app_id}/sessions/{session_id}/summary`

    Args:
        account_id (str):
        app_id (str):
        session_id (str):
        timeout: this call's timeout, instead of the client's.
        max_retries: this call's retry budget, instead of the client's.

    Raises:
        errors.InvalidParameterError: a parameter is refused before anything is sent.
        errors.APIStatusError: the API answered with a non-2xx status (a subclass per status family).
        errors.APIConnectionError: no answer (errors.APITimeoutError when it took too long).
        errors.ResponseValidationError: a 2xx answer whose body is not a readable SessionGetSessionSummaryResponse.

    Returns:
    SessionGetSessionSummaryResponse
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
        idempotent=True,
    )
    return _parse_response(client=client, response=response)


def _download_link(response: httpx.Response) -> tuple[str, object]:
    data = read_json(response, SessionGetSessionSummaryResponse.from_dict).data
    if isinstance(data, Unset):
        raise ResponseValidationError(
            f"{response.status_code} from {response.request.url.path} has no data: no download URL to follow",
            response=response,
            path="$.data",
        )
    return download_link(response, data.summary_download_url, data.summary_download_url_expiry, "summaryDownloadUrl")


def download(
    account_id: str,
    app_id: str,
    session_id: str,
    *,
    client: AuthenticatedClient | Client,
    timeout: httpx.Timeout | float | None | Unset = UNSET,
    max_retries: int | Unset = UNSET,
) -> Download:
    """Fetch the file `data.summaryDownloadUrl` points at.

    The URL is asked for first (this operation), then fetched from its storage host with a separate HTTP
    client: the API token never goes there. An expired URL is replaced by a fresh one, once.
    """
    return fetch_download(
        client,
        lambda: _download_link(
            send(
                client,
                _get_kwargs(
                    account_id=account_id,
                    app_id=app_id,
                    session_id=session_id,
                ),
                timeout=timeout,
                max_retries=max_retries,
                idempotent=True,
            )
        ),
        timeout=timeout,
        max_retries=max_retries,
    )


async def adownload(
    account_id: str,
    app_id: str,
    session_id: str,
    *,
    client: AuthenticatedClient | Client,
    timeout: httpx.Timeout | float | None | Unset = UNSET,
    max_retries: int | Unset = UNSET,
) -> Download:
    """The async twin of download()."""

    async def locate() -> tuple[str, object]:
        response = await send_async(
            client,
            _get_kwargs(
                account_id=account_id,
                app_id=app_id,
                session_id=session_id,
            ),
            timeout=timeout,
            max_retries=max_retries,
            idempotent=True,
        )
        return _download_link(response)

    return await afetch_download(client, locate, timeout=timeout, max_retries=max_retries)
