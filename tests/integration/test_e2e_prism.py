"""The generated client, sync and async, against Prism serving the spec: all nine operations.

Prism validates every request against the spec (path, query types and enums, the bearer token) and answers with
the spec's examples, so a pass means the client sends what the spec allows and reads what the spec promises.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

import httpx
import pytest
from e2e_support import ACCOUNT_ID, APP_ID, PARTICIPANT_ID, SESSION_ID, assert_same_json
from realtimekit_sessions import AuthenticatedClient
from realtimekit_sessions.api.sessions import (
    generate_summary_of_transcripts,
    get_participant_data_from_peer_id,
    get_session_chat,
    get_session_details,
    get_session_participant_details,
    get_session_participants,
    get_session_summary,
    get_session_transcripts,
    get_sessions,
)
from realtimekit_sessions.errors import AuthenticationError, InvalidParameterError
from realtimekit_sessions.models import (
    CloudflareError,
    RealtimeKitError,
    SessionGenerateSummaryOfTranscriptsResponse,
    SessionGetParticipantDataFromPeerIDResponse,
    SessionGetSessionChatResponse,
    SessionGetSessionDetailsResponse,
    SessionGetSessionParticipantDetailsResponse,
    SessionGetSessionParticipantsResponse,
    SessionGetSessionsResponse,
    SessionGetSessionSummaryResponse,
    SessionGetSessionTranscriptsResponse,
)
from realtimekit_sessions.types import UNSET

# On one worker of the suite (--dist loadgroup): Prism (npx, then node loading the spec) costs about 2 CPU seconds
# to start, once per worker that runs one of these tests.
pytestmark = pytest.mark.xdist_group("prism")
UTC = datetime.UTC


def check_sessions(result: Any) -> None:
    first, second = result.data.sessions
    assert first.meeting_display_name == "Weekly platform sync"
    assert first.status == "ENDED"
    assert first.started_at == datetime.datetime(2025, 3, 14, 9, 0, 2, 118000, tzinfo=UTC)
    assert first.minutes_consumed == 212.4
    assert second.status == "LIVE"
    assert second.ended_at is UNSET
    assert second.live_participants == 3
    assert result.paging.total_count == 2


def check_session_details(result: Any) -> None:
    session = result.data
    assert session.id == SESSION_ID
    assert session.type_ == "meeting"
    assert session.ended_at == datetime.datetime(2025, 3, 14, 9, 47, 40, 902000, tzinfo=UTC)
    assert session.max_concurrent_participants == 6
    assert session.breakout_rooms == []


def check_participants(result: Any) -> None:
    participants = result.data.participants
    assert [p.display_name for p in participants] == ["Priya N.", "Tomás R."]
    assert [p.duration for p in participants] == [47.55, 27.84]
    assert participants[1].joined_at == datetime.datetime(2025, 3, 14, 9, 2, 12, tzinfo=UTC)
    assert result.data.paging.end_offset == 2


def check_participant_details(result: Any) -> None:
    participant = result.data.participant
    assert participant.id == PARTICIPANT_ID
    assert participant.preset_name == "group_call_host"
    created, joining = participant.peer_events
    assert (created.event_name, joining.event_name) == ("PEER_CREATED", "PEER_JOINING")
    assert created.socket_session_id is None
    assert joining.preset_view_type == "GROUP_CALL"


def check_chat(result: Any) -> None:
    assert result.data.chat_download_url.startswith("https://dyte-uploads.r2.cloudflarestorage.com/chat/")
    assert result.data.chat_download_url_expiry == datetime.datetime(2025, 3, 14, 11, 0, tzinfo=UTC)


def check_transcripts(result: Any) -> None:
    assert result.data.session_id == SESSION_ID
    assert "/transcripts/" in result.data.transcript_download_url
    assert result.data.transcript_download_url_expiry == datetime.datetime(2025, 3, 14, 11, 0, tzinfo=UTC)


def check_summary(result: Any) -> None:
    assert result.data.session_id == SESSION_ID
    assert "/summaries/" in result.data.summary_download_url
    assert result.data.summary_download_url_expiry.utcoffset() == datetime.timedelta(0)


def check_summary_job(result: Any) -> None:
    assert str(result.data.session_id) == SESSION_ID
    assert result.data.status == "PENDING"


def check_peer_report(result: Any) -> None:
    participant = result.data.participant
    assert participant.display_name == "Priya N."
    metadata, quality = participant.peer_report.metadata, participant.peer_report.quality
    assert metadata.ip_information.city == "Lisbon"
    assert metadata.device_info.cpus == 10
    assert metadata.browser_metadata.webgl_support is True
    assert quality.audio_producer_cumulative.quality_mos.avg == 4.25
    assert quality.audio_consumer_cumulative.jitter_buffer_delay.avg == 66.1
    assert quality.video_consumer_cumulative.frame_per_second.avg == 28.7
    assert quality.video_producer[0].quality_limitation_reason == "none"
    assert quality.screenshare_video_consumer == []


@dataclass(frozen=True)
class Case:
    operation: ModuleType
    args: tuple[str, ...]
    model: type
    check: Any
    kwargs: dict[str, Any] = field(default_factory=dict)

    @property
    def operation_id(self) -> str:
        return self.operation.__name__.rsplit(".", 1)[-1]


# Query values are valid for the spec, so Prism's request validation checks how the client writes them.
CASES = [
    Case(
        get_sessions,
        (ACCOUNT_ID, APP_ID),
        SessionGetSessionsResponse,
        check_sessions,
        {
            "page_no": 1,
            "per_page": 20,
            "sort_by": "createdAt",
            "sort_order": "DESC",
            "start_time": datetime.datetime(2025, 3, 1, tzinfo=UTC),
            "end_time": datetime.datetime(
                2025, 3, 31, 23, 59, 59, tzinfo=datetime.timezone(datetime.timedelta(hours=1))
            ),
            "status": "ENDED",
            "search": "platform sync",
        },
    ),
    Case(
        get_session_details,
        (ACCOUNT_ID, APP_ID, SESSION_ID),
        SessionGetSessionDetailsResponse,
        check_session_details,
        {"include_breakout_rooms": True},
    ),
    Case(
        get_session_participants,
        (ACCOUNT_ID, APP_ID, SESSION_ID),
        SessionGetSessionParticipantsResponse,
        check_participants,
        {"page_no": 1, "per_page": 50, "sort_by": "duration", "sort_order": "ASC", "view": "consolidated"},
    ),
    Case(
        get_session_participant_details,
        (ACCOUNT_ID, APP_ID, SESSION_ID, PARTICIPANT_ID),
        SessionGetSessionParticipantDetailsResponse,
        check_participant_details,
        {"include_peer_events": True},
    ),
    Case(get_session_chat, (ACCOUNT_ID, APP_ID, SESSION_ID), SessionGetSessionChatResponse, check_chat),
    Case(
        get_session_transcripts,
        (ACCOUNT_ID, APP_ID, SESSION_ID),
        SessionGetSessionTranscriptsResponse,
        check_transcripts,
        {"format_": "VTT"},
    ),
    Case(get_session_summary, (ACCOUNT_ID, APP_ID, SESSION_ID), SessionGetSessionSummaryResponse, check_summary),
    Case(
        generate_summary_of_transcripts,
        (ACCOUNT_ID, APP_ID, SESSION_ID),
        SessionGenerateSummaryOfTranscriptsResponse,
        check_summary_job,
    ),
    Case(
        get_participant_data_from_peer_id,
        (ACCOUNT_ID, APP_ID, PARTICIPANT_ID),
        SessionGetParticipantDataFromPeerIDResponse,
        check_peer_report,
        {"filters": "quality_stats", "include_peer_events": True},
    ),
]


def test_cases_cover_all_nine_operations(success_examples: dict[str, Any]) -> None:
    assert sorted(case.operation_id for case in CASES) == sorted(success_examples)
    assert len(CASES) == 9


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.operation_id)
def test_sync(case: Case, prism_url: str, success_examples: dict[str, Any]) -> None:
    with AuthenticatedClient(token="e2e-token", base_url=prism_url, max_retries=0) as client:
        result = case.operation.sync(*case.args, client=client, **case.kwargs)
    assert isinstance(result, case.model)
    case.check(result)
    assert_same_json(result.to_dict(), success_examples[case.operation_id])


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.operation_id)
async def test_async(case: Case, prism_url: str, success_examples: dict[str, Any]) -> None:
    async with AuthenticatedClient(token="e2e-token", base_url=prism_url, max_retries=0) as client:
        response = await case.operation.asyncio_detailed(*case.args, client=client, **case.kwargs)
    assert response.status_code == 200
    assert isinstance(response.parsed, case.model)
    case.check(response.parsed)
    assert_same_json(response.parsed.to_dict(), success_examples[case.operation_id])


def _drop_authorization(request: httpx.Request) -> None:
    del request.headers["Authorization"]


def test_missing_token_is_an_authentication_error(prism_url: str) -> None:
    client = AuthenticatedClient(
        token="e2e-token",
        base_url=prism_url,
        max_retries=0,
        httpx_args={"event_hooks": {"request": [_drop_authorization]}},
    )
    with client, pytest.raises(AuthenticationError) as raised:
        get_session_chat.sync(ACCOUNT_ID, APP_ID, SESSION_ID, client=client)
    assert raised.value.status_code == 401
    assert isinstance(raised.value.body, CloudflareError)
    assert [(e.code, e.message) for e in raised.value.body.errors] == [(10000, "Authentication error")]


async def test_query_value_outside_the_enum_is_refused_like_prism_refuses_it(prism_url: str) -> None:
    async with AuthenticatedClient(token="e2e-token", base_url=prism_url, max_retries=0) as client:
        # The client refuses a status the spec does not list before sending anything...
        with pytest.raises(InvalidParameterError) as refused:
            await get_sessions.asyncio(ACCOUNT_ID, APP_ID, client=client, status="ARCHIVED")  # type: ignore[arg-type]
        assert refused.value.parameter == "status"
        # ...and Prism, which validates requests against the spec, would have answered the same request with
        # the spec's 400: so the 200s above mean the client's query values passed that validation.
        raw = await client.get_async_httpx_client().get(
            f"/accounts/{ACCOUNT_ID}/realtime/kit/{APP_ID}/sessions", params={"status": "ARCHIVED"}
        )
    assert raw.status_code == 400
    assert "status" in raw.headers["sl-violations"]
    assert RealtimeKitError.from_dict(raw.json()).error.code == 400


def test_path_id_longer_than_the_spec_allows_is_refused_by_the_client_as_prism_refuses_it(prism_url: str) -> None:
    # account_id has maxLength 32 in the spec: Prism refuses a longer one, and the client, which reads the same
    # constraint from the spec, refuses it before sending.
    path = f"/accounts/{'a' * 33}/realtime/kit/{APP_ID}/sessions/{SESSION_ID}"
    answer = httpx.get(prism_url + path, headers={"Authorization": "Bearer e2e-token"}, timeout=30)
    assert answer.status_code == 400
    assert "account_id" in answer.headers["sl-violations"]
    client = AuthenticatedClient(token="e2e-token", base_url=prism_url, max_retries=0)
    with client:
        with pytest.raises(
            InvalidParameterError, match="account_id: is 33 characters long; ids are at most 32"
        ) as raised:
            get_session_details.sync("a" * 33, APP_ID, SESSION_ID, client=client)
        assert raised.value.parameter == "account_id"
        # The longest the spec allows goes out, and Prism takes it.
        assert get_session_details.sync("a" * 32, APP_ID, SESSION_ID, client=client).data
