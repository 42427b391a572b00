"""The local mock (`make mock`) through the generated client: its data set, filters, paging, 404s, download links
and files, and the faults it can be asked for, by MockOptions and by its command-line flags."""

from __future__ import annotations

import datetime
import subprocess
import sys
import time
from collections.abc import Iterator

import httpx
import pytest
from realtimekit_sessions import AuthenticatedClient, errors
from realtimekit_sessions._ratelimit import read_rate_limit
from realtimekit_sessions.api.sessions import (
    get_participant_data_from_peer_id,
    get_session_chat,
    get_session_details,
    get_session_participant_details,
    get_session_participants,
    get_session_summary,
    get_session_transcripts,
    get_sessions,
)
from realtimekit_sessions.models import ChatMessage
from realtimekit_sessions.transcripts import read_transcript
from realtimekit_sessions.types import read_csv
from realtimekit_tools.mock_data import BAD_MINUTES, LONG_CALL_ID, DataSet
from realtimekit_tools.mock_server import MockOptions, MockServer, options_from, options_parser, running

ACCOUNT, APP = "acct", "app"


@pytest.fixture(scope="module")
def mock() -> Iterator[MockServer]:
    with running() as server:
        yield server


@pytest.fixture
def client(mock: MockServer) -> Iterator[AuthenticatedClient]:
    with AuthenticatedClient(token="t", base_url=mock.api_url, max_retries=0) as client:
        yield client


def test_the_data_set_is_deterministic_and_sized() -> None:
    one, two = DataSet(300, seed=3), DataSet(300, seed=3)
    assert one.sessions == two.sessions and len(one.sessions) == 300
    assert DataSet(300, seed=4).sessions != one.sessions
    record = one.records[100]
    assert one.participants(record) == two.participants(record)
    assert one.chat_csv(record) == two.chat_csv(record)
    # The numbers agree with the participants.
    people = one.participants(record)
    ended = [p for p in people if "duration" in p]
    if record.body["status"] == "ENDED":
        assert record.body["minutes_consumed"] == pytest.approx(sum(p["duration"] for p in ended), abs=0.05)


def test_lists_sessions_newest_first_and_pages_from_1(client: AuthenticatedClient, mock: MockServer) -> None:
    page = get_sessions.sync(ACCOUNT, APP, client=client, per_page=50)
    assert page.paging.total_count == 300 and page.paging.start_offset == 1 and page.paging.end_offset == 50
    assert page.data.sessions[0].id == LONG_CALL_ID
    starts = [s.created_at for s in page.data.sessions]
    assert starts == sorted(starts, reverse=True)
    second = get_sessions.sync(ACCOUNT, APP, client=client, per_page=50, page_no=2)
    assert second.paging.start_offset == 51
    everything = list(get_sessions.iter_all(ACCOUNT, APP, client=client, per_page=70))
    assert len({s.id for s in everything}) == 300
    past = get_sessions.sync(ACCOUNT, APP, client=client, per_page=50, page_no=99)
    assert past.data.sessions == [] and past.paging.total_count == 300


def test_filters_and_sorting(client: AuthenticatedClient, mock: MockServer) -> None:
    def ids(**query: object) -> list[str]:
        return [s.id for s in get_sessions.iter_all(ACCOUNT, APP, client=client, **query)]  # type: ignore[arg-type]

    data = mock.data.sessions
    live = ids(status="LIVE")
    assert live and set(live) == {s["id"] for s in data if s["status"] == "LIVE"}
    march = datetime.datetime(2025, 3, 1, tzinfo=datetime.UTC)
    assert set(ids(start_time=march)) == {s["id"] for s in data if s["created_at"] >= "2025-03-01"}
    assert set(ids(end_time=march)) == {s["id"] for s in data if s["created_at"] < "2025-03-01"}
    meeting = data[10]["associated_id"]
    assert set(ids(associated_id=meeting)) == {s["id"] for s in data if s["associated_id"] == meeting}
    assert set(ids(search="stand-up")) == {s["id"] for s in data if "stand-up" in s["meeting_display_name"].lower()}
    assert ids(search=data[5]["id"][:13]) == [data[5]["id"]]
    big = {s["id"] for s in data if s["max_concurrent_participants"] >= 8}
    assert set(ids(participants="8")) == big and set(ids(participants=">=8")) == big
    assert set(ids(participants="2-3")) == {s["id"] for s in data if 2 <= s["max_concurrent_participants"] <= 3}
    by_minutes = [
        s.minutes_consumed
        for s in get_sessions.iter_all(ACCOUNT, APP, client=client, sort_by="minutesConsumed", sort_order="ASC")
    ]
    assert by_minutes == sorted(by_minutes)
    with pytest.raises(errors.BadRequestError, match="participants must be"):
        get_sessions.sync(ACCOUNT, APP, client=client, participants="lots")


def test_participants_reports_and_404s(client: AuthenticatedClient, mock: MockServer) -> None:
    people = get_session_participants.sync(ACCOUNT, APP, LONG_CALL_ID, client=client, include_peer_events=True).data
    assert people.paging.total_count == 9 and len(people.participants) == 9
    host = people.participants[0]
    assert [e.event_name for e in host.peer_events][:2] == ["PEER_CREATED", "PEER_JOINING"]
    by_duration = get_session_participants.sync(
        ACCOUNT, APP, LONG_CALL_ID, client=client, sort_by="duration", sort_order="DESC"
    )
    durations = [p.duration for p in by_duration.data.participants]
    assert durations == sorted(durations, reverse=True)
    one = get_session_participant_details.sync(ACCOUNT, APP, LONG_CALL_ID, host.id, client=client).data.participant
    assert one.id == host.id

    report = get_participant_data_from_peer_id.sync(ACCOUNT, APP, host.id, client=client).data.participant
    quality = report.peer_report.quality
    # Samples every 30 s across the hour, a screen share, and the bad minutes.
    assert len(quality.audio_producer) >= 110 and quality.screenshare_video_producer
    bad = [s for s in quality.audio_producer if s.timestamp.minute in BAD_MINUTES and s.timestamp.hour == 15]
    assert bad and max(s.mos_quality for s in bad) < 3 < quality.audio_producer_cumulative.quality_mos.p50
    only = get_participant_data_from_peer_id.sync(ACCOUNT, APP, host.id, client=client, filters="device_info")
    assert only.data.participant.peer_report.to_dict() == {
        "metadata": {"device_info": report.peer_report.metadata.device_info.to_dict()}
    }

    other = mock.data.records[3].id
    for call in (
        lambda: get_session_details.sync(ACCOUNT, APP, "no-such-session", client=client),
        lambda: get_session_participant_details.sync(ACCOUNT, APP, other, host.id, client=client),
        lambda: get_participant_data_from_peer_id.sync(
            ACCOUNT, APP, "0c6f4b1e-0000-4000-8000-000000000000", client=client
        ),
    ):
        with pytest.raises(errors.NotFoundError) as raised:
            call()
        assert raised.value.error_message.endswith("not found")


def test_downloads_come_from_the_mock_itself(client: AuthenticatedClient) -> None:
    chat = get_session_chat.sync(ACCOUNT, APP, LONG_CALL_ID, client=client).data
    assert chat.chat_download_url_expiry > datetime.datetime.now(datetime.UTC)
    messages = list(
        read_csv(get_session_chat.download(ACCOUNT, APP, LONG_CALL_ID, client=client).content, ChatMessage.from_dict)
    )
    assert messages and messages[0].session_id == LONG_CALL_ID and isinstance(messages[0].pinned, bool)
    lines = {}
    for format_ in ("CSV", "JSON", "SRT", "VTT"):
        file = get_session_transcripts.download(ACCOUNT, APP, LONG_CALL_ID, client=client, format_=format_)
        lines[format_] = read_transcript(file.content, format_)
    assert len({len(found) for found in lines.values()}) == 1 and lines["CSV"]
    assert [line.text for line in lines["VTT"]] == [line.text for line in lines["CSV"]]
    assert lines["CSV"][0].peer_id and lines["VTT"][0].display_name == lines["CSV"][0].display_name
    assert "All-hands" in get_session_summary.download(ACCOUNT, APP, LONG_CALL_ID, client=client).text


def test_an_expired_link_is_refused_as_storage_refuses_it() -> None:
    with running(MockOptions(link_ttl=0)) as mock, AuthenticatedClient(token="t", base_url=mock.api_url) as client:
        url = get_session_chat.sync(ACCOUNT, APP, LONG_CALL_ID, client=client).data.chat_download_url
        response = httpx.get(url)
        assert response.status_code == 403 and b"Request has expired" in response.content


def test_faults_latency_cap_and_growth_on_request() -> None:
    options = MockOptions(
        sessions=1200, max_per_page=25, latency=0.05, rate_limit_every=3, retry_after=0, extra_session_field="region_v2"
    )
    with running(options) as mock, AuthenticatedClient(token="t", base_url=mock.api_url, max_retries=0) as client:
        started = time.monotonic()
        page = get_sessions.sync(ACCOUNT, APP, client=client, per_page=100)
        assert time.monotonic() - started >= 0.05
        assert len(page.data.sessions) == 25 and page.paging.total_count == 1200
        assert page.data.sessions[0]["region_v2"]["v"] == 2  # kept as a field the spec does not know
        get_sessions.sync(ACCOUNT, APP, client=client)
        with pytest.raises(errors.RateLimitError) as raised:
            get_sessions.sync(ACCOUNT, APP, client=client)
        assert raised.value.retry_after == 0
        mock.fail_next(503, times=1)
        with pytest.raises(errors.InternalServerError):
            get_sessions.sync(ACCOUNT, APP, client=client)
        mock.fail_next(429, retry_after=600)
        with pytest.raises(errors.RateLimitError) as raised:
            get_sessions.sync(ACCOUNT, APP, client=client, max_retries=2)
        assert raised.value.retry_after == 600  # beyond the client's cap: handed to the caller, not waited out
        assert mock.request_count == 5
    with running() as mock, AuthenticatedClient(token="t", base_url=mock.api_url, max_retries=0) as client:
        # A fault for one operation waits for a request to it.
        mock.fail_next(500, operation_id="get_session_details")
        get_sessions.sync(ACCOUNT, APP, client=client)
        with pytest.raises(errors.InternalServerError):
            get_session_details.sync(ACCOUNT, APP, LONG_CALL_ID, client=client)
        assert get_session_details.sync(ACCOUNT, APP, LONG_CALL_ID, client=client).data.id == LONG_CALL_ID
    with running(MockOptions(error_every=2, error_status=522)) as mock:
        with AuthenticatedClient(
            token="t", base_url=mock.api_url, max_retries=1, retry_sleep=lambda *_: None
        ) as client:
            # The first attempt answers, the second gets the edge's HTML 522, the retry answers.
            get_sessions.sync(ACCOUNT, APP, client=client)
            assert get_sessions.sync(ACCOUNT, APP, client=client).data.sessions
        assert mock.request_count == 3
    with (
        running(MockOptions(token="only-this")) as mock,
        AuthenticatedClient(token="other", base_url=mock.api_url) as client,
        pytest.raises(errors.AuthenticationError),
    ):
        get_sessions.sync(ACCOUNT, APP, client=client)


def test_a_quota_answers_429_past_it_and_every_answer_says_what_is_left() -> None:
    options = MockOptions(sessions=20, quota=4, window=60)
    with running(options) as mock, AuthenticatedClient(token="t", base_url=mock.api_url, max_retries=0) as client:
        answers = [get_sessions.sync_detailed(ACCOUNT, APP, client=client) for _ in range(3)]
        with pytest.raises(errors.NotFoundError) as missing:  # an error answer is counted and says so too
            get_session_details.sync(ACCOUNT, APP, "no-such-session", client=client)
        with pytest.raises(errors.RateLimitError) as refused:
            get_sessions.sync(ACCOUNT, APP, client=client)
        seen = [answer.rate_limit for answer in answers] + [read_rate_limit(missing.value.response.headers)]
        assert [info.remaining for info in seen if info] == [3, 2, 1, 0]
        assert all(info and info.quota == 4 and info.window == 60 and 0 < (info.reset or 0) <= 60 for info in seen)
        assert refused.value.rate_limit and refused.value.rate_limit.remaining == 0
        assert refused.value.retry_after is not None and 50 <= refused.value.retry_after <= 60  # the oldest leaves
        assert mock.rate_limited_count == 1 and mock.most_in_window == 4 and mock.request_count == 5
        assert mock.requests_by_operation == {"get_sessions": 4, "get_session_details": 1}
    with running() as mock, AuthenticatedClient(token="t", base_url=mock.api_url) as client:
        assert get_sessions.sync_detailed(ACCOUNT, APP, client=client).rate_limit is None  # no quota, no headers


def test_now_moves_the_dates_so_the_last_week_has_its_files() -> None:
    now = datetime.datetime(2026, 6, 1, 12, 0, tzinfo=datetime.UTC)
    data = DataSet(300, now=now)
    newest = data.records[-1]
    assert newest.id == LONG_CALL_ID
    ended = datetime.datetime.fromisoformat(newest.body["ended_at"])
    assert abs(ended - (now - datetime.timedelta(hours=1))) < datetime.timedelta(seconds=5)
    week = [r for r in data.records if now - datetime.timedelta(days=7) <= r.started and r.body["status"] == "ENDED"]
    assert 15 <= len(week) <= 40  # 300 sessions over 90 days: about 23 a week
    starts = [r.started for r in data.records]
    assert starts == sorted(starts) and all(start < now for start in starts)
    assert DataSet(300).records[-1].started.year == 2025  # without `now`, the fixed dates
    parsed = options_from(options_parser().parse_args(["--now", "2026-06-01T12:00:00Z", "--quota", "9"]))
    assert parsed.now == now and parsed.quota == 9 and parsed.window == 300


def test_the_data_set_changes_while_it_is_served() -> None:
    now = datetime.datetime.now(datetime.UTC)
    with (
        running(MockOptions(sessions=50, now=now)) as mock,
        AuthenticatedClient(token="t", base_url=mock.api_url) as client,
    ):

        def listed(**query: object) -> list[str]:
            return [s.id for s in get_sessions.iter_all(ACCOUNT, APP, client=client, **query)]  # type: ignore[arg-type]

        live = listed(status="LIVE")
        assert len(live) == 3
        added = [record.id for record in mock.add_sessions(4)]
        assert listed(per_page=4, sort_order="DESC")[:4] == added[::-1]  # the newest, newest first
        assert len(listed()) == 54
        since = get_session_details.sync(ACCOUNT, APP, LONG_CALL_ID, client=client).data.started_at
        assert set(listed(start_time=since)) == {LONG_CALL_ID, *added}
        assert sorted(mock.end_live()) == sorted(live) and listed(status="LIVE") == []
        details = get_session_details.sync(ACCOUNT, APP, live[0], client=client).data
        assert details.status == "ENDED" and details.ended_at is not None
        people = list(get_session_participants.iter_all(ACCOUNT, APP, live[0], client=client))
        assert people and all(person.left_at is not None for person in people)
        mock.add_session_field("recording_region")
        assert all(
            "recording_region" in s.additional_properties
            for s in get_sessions.sync(ACCOUNT, APP, client=client).data.sessions
        )


def test_a_session_is_a_function_of_its_number_so_any_size_costs_nothing_up_front() -> None:
    data = DataSet(1_000_000, seed=5)  # built when read: a million sessions start at once
    assert len(data.records) == 1_000_000
    record = data.records[654_321]
    assert data.record(record.id) is not None and data.record(record.id).body == record.body  # type: ignore[union-attr]
    person = data.participants(record)[0]
    found = data.find_participant(person["id"])
    assert found is not None and found[0].id == record.id
    assert data.records[654_320].started < record.started < data.records[654_322].started
    assert data.record(person["id"]) is None and data.find_participant(record.id) is None
    small = DataSet(300, seed=5, max_participants=2)
    assert all(len(small.participants(r)) <= 2 for r in small.records if r.id != LONG_CALL_ID)
    full = DataSet(300, seed=5)
    assert max(len(full.participants(r)) for r in full.records[:100]) > 2


def test_the_program_prints_what_to_paste_and_takes_the_flags() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "realtimekit_tools.mock_server", "--port", "0", "--quiet", "--sessions", "5000",
         "--per-page-cap", "10", "--extra-session-field", "x_new"],
        stdout=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    try:
        assert process.stdout is not None
        lines = [process.stdout.readline() for _ in range(4)]
        export = next(line.strip() for line in lines if line.strip().startswith("export "))
        env = dict(part.split("=", 1) for part in export.removeprefix("export ").split())
        assert set(env) == {
            "CLOUDFLARE_BASE_URL",
            "CLOUDFLARE_API_TOKEN",
            "CLOUDFLARE_ACCOUNT_ID",
            "REALTIMEKIT_APP_ID",
        }
        with AuthenticatedClient(token=env["CLOUDFLARE_API_TOKEN"], base_url=env["CLOUDFLARE_BASE_URL"]) as client:
            page = get_sessions.sync(
                env["CLOUDFLARE_ACCOUNT_ID"], env["REALTIMEKIT_APP_ID"], client=client, per_page=50
            )
        assert page.paging.total_count == 5000 and len(page.data.sessions) == 10
        assert "x_new" in page.data.sessions[0].additional_properties
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_many_connections_opened_at_once_are_all_taken() -> None:
    # socketserver's listen backlog is 5: past it the kernel drops a new connection's SYN and the client sends it
    # again a second later, so an export with 32 calls in flight ran slower against the mock than one call at a
    # time. Here nothing accepts (the mock is not serving yet): every connection must still be taken at once.
    import socket

    server = MockServer(("127.0.0.1", 0))
    clients: list[socket.socket] = []
    try:
        for _ in range(64):
            client = socket.socket()
            clients.append(client)
            client.settimeout(0.5)
            client.connect(server.server_address)  # taken into the backlog, or socket.timeout: its SYN was dropped
    finally:
        for client in clients:
            client.close()
        server.server_close()
