"""The Python mock server behind `make demo`, seen through the generated client and through plain httpx."""

from __future__ import annotations

import httpx
import pytest
from e2e_support import ACCOUNT_ID, APP_ID, PARTICIPANT_ID, SESSION_ID
from realtimekit_sessions import AuthenticatedClient
from realtimekit_sessions.api.sessions import (
    get_participant_data_from_peer_id,
    get_session_chat,
    get_session_details,
    get_session_participant_details,
)
from realtimekit_sessions.errors import AuthenticationError, NotFoundError
from realtimekit_sessions.models import CloudflareError, RealtimeKitError
from realtimekit_tools import mock_server


def _drop_authorization(request: httpx.Request) -> None:
    del request.headers["Authorization"]


def test_request_without_token_gets_cloudflare_401(local_mock: str) -> None:
    client = AuthenticatedClient(
        token="unused",
        base_url=local_mock,
        max_retries=0,
        httpx_args={"event_hooks": {"request": [_drop_authorization]}},
    )
    with client, pytest.raises(AuthenticationError) as raised:
        get_session_details.sync(ACCOUNT_ID, APP_ID, "any-session", client=client)
    assert raised.value.status_code == 401
    assert isinstance(raised.value.body, CloudflareError)
    assert raised.value.body.errors[0].code == 10000
    assert raised.value.ray_id is not None and raised.value.ray_id.endswith("-MOCK")


def test_unknown_path_gets_realtimekit_404(local_mock: str) -> None:
    response = httpx.get(
        f"{local_mock}/accounts/{ACCOUNT_ID}/realtime/kit/{APP_ID}/meetings",
        headers={"Authorization": "Bearer mock-token"},
    )
    assert response.status_code == 404
    body = RealtimeKitError.from_dict(response.json())
    assert body.success is False
    assert body.error.code == 404


def test_answers_from_its_data_set_and_404_for_unknown_ids(local_mock: str) -> None:
    with AuthenticatedClient(token="mock-token", base_url=local_mock, max_retries=0) as client:
        session = get_session_details.sync(ACCOUNT_ID, APP_ID, SESSION_ID, client=client).data
        chat = get_session_chat.sync(ACCOUNT_ID, APP_ID, SESSION_ID, client=client).data
        # The spec's example session and peer are in the data set, as the examples show them.
        report = get_participant_data_from_peer_id.sync(ACCOUNT_ID, APP_ID, PARTICIPANT_ID, client=client).data
        for ask in (
            lambda: get_session_details.sync(ACCOUNT_ID, APP_ID, "session-42", client=client),
            lambda: get_session_participant_details.sync(ACCOUNT_ID, APP_ID, SESSION_ID, "nobody", client=client),
            lambda: get_participant_data_from_peer_id.sync(ACCOUNT_ID, APP_ID, "nobody", client=client),
        ):
            with pytest.raises(NotFoundError) as raised:
                ask()
            assert isinstance(raised.value.body, RealtimeKitError) and raised.value.error_code == 404
    assert session.id == SESSION_ID
    assert session.meeting_display_name == "Weekly platform sync"
    # The link points at the mock itself, and has not expired.
    assert chat.chat_download_url.startswith(local_mock.rsplit("/client/v4", 1)[0] + "/files/chat/" + SESSION_ID)
    assert str(report.participant.id) == PARTICIPANT_ID


def test_peer_report_literal_path_wins_over_session_template(local_mock: str) -> None:
    # /sessions/peer-report/participants also fits /sessions/{session_id}/participants; the literal segment wins,
    # so the mock looks for a peer named "participants", not a session named "peer-report".
    response = httpx.get(
        f"{local_mock}/accounts/{ACCOUNT_ID}/realtime/kit/{APP_ID}/sessions/peer-report/participants",
        headers={"Authorization": "Bearer mock-token"},
    )
    assert response.status_code == 404
    assert response.json()["error"]["message"] == "Peer not found"


def test_token_never_reaches_the_log(capfd: pytest.CaptureFixture[str]) -> None:
    server, base_url = mock_server.start(log_requests=True)
    try:
        with AuthenticatedClient(token="s3cr3t-token-value", base_url=base_url, max_retries=0) as client:
            get_session_chat.sync(ACCOUNT_ID, APP_ID, SESSION_ID, client=client)
    finally:
        server.stop()
    logged = capfd.readouterr().err
    assert f"/sessions/{SESSION_ID}/chat -> 200" in logged
    assert "s3cr3t-token-value" not in logged
