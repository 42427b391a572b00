"""realtimekit_tools.record: every operation recorded through the generated client, scrubbed, all or nothing."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from realtimekit_sessions.client import USER_AGENT as CLIENT_USER_AGENT
from realtimekit_tools import drift, mock_server, record
from realtimekit_tools.routes import route_table
from realtimekit_tools.testing.personal_api import (
    ACCOUNT_ID,
    APP_ID,
    PERSONAL,
    TOKEN,
    personal_api,
)


@pytest.fixture
def live_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLOUDFLARE_API_TOKEN", TOKEN)
    monkeypatch.setenv("CLOUDFLARE_ACCOUNT_ID", ACCOUNT_ID)
    monkeypatch.setenv("REALTIMEKIT_APP_ID", APP_ID)


def written(out: Path) -> dict[str, dict[str, Any]]:
    return {path.parent.name: json.loads(path.read_text(encoding="utf-8")) for path in out.glob("*/*.json")}


def test_records_all_nine_operations_from_the_mock_server(
    live_env: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    server, base_url = mock_server.start()
    monkeypatch.setenv("CLOUDFLARE_BASE_URL", base_url + "/client/v4")
    try:
        assert record.main(["--out", str(tmp_path)]) == 0
    finally:
        server.stop()
    recordings = written(tmp_path)
    assert sorted(recordings) == sorted(record.OPERATION_IDS)
    for operation_id, recording in recordings.items():
        assert recording["operation_id"] == operation_id
        assert recording["provenance"]["source"] == "live"
        assert recording["response"]["status"] == 200
        assert route_table()[operation_id].pattern.match(recording["request"]["path"]), (
            operation_id,
            recording["request"]["path"],
        )
        assert ACCOUNT_ID not in recording["request"]["path"] and APP_ID not in recording["request"]["path"]
    assert recordings["get_session_details"]["request"]["query"] == {"include_breakout_rooms": "true"}
    assert recordings["get_sessions"]["request"]["query"] == {"per_page": "5"}
    # The mock answers with the spec's own examples: what was recorded from it shows no drift at all.
    assert drift.main([str(tmp_path)]) == 0


def test_scrubs_personal_data_and_secrets_and_keeps_relations(
    live_env: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with personal_api() as (server, base_url):
        monkeypatch.setenv("CLOUDFLARE_BASE_URL", base_url)
        assert record.main(["--out", str(tmp_path)]) == 0

    # The requests were made by the generated client itself, with the token.
    assert len(server.seen) == 9
    assert {seen["user-agent"] for seen in server.seen} == {CLIENT_USER_AGENT}
    assert {seen["authorization"] for seen in server.seen} == {f"Bearer {TOKEN}"}

    text = "\n".join(path.read_text(encoding="utf-8") for path in sorted(tmp_path.rglob("*.json")))
    for secret in PERSONAL:
        assert secret not in text, secret
    assert "set-cookie" not in text.lower()

    recordings = written(tmp_path)
    participant = recordings["get_session_participant_details"]["response"]["body"]["data"]["participant"]
    listed = recordings["get_session_participants"]["response"]["body"]["data"]["participants"]
    # One person, one placeholder, in every answer.
    assert participant["display_name"] == listed[0]["display_name"] == "Participant 1"
    assert participant["custom_participant_id"] == "scrubbed-custom-id-1"
    report = recordings["get_participant_data_from_peer_id"]["response"]["body"]["data"]
    assert re.fullmatch(r"(192\.0\.2|198\.51\.100|203\.0\.113)\.\d+", report["x_client_ip"])
    # remote_candidate_address held the same address as x_client_ip: it got the same placeholder.
    assert f'"remote_candidate_address": "{report["x_client_ip"]}"' in json.dumps(report)
    assert report["x_client_ipv6"].startswith("2001:db8::")
    assert report["x_note"] == f"connected from {report['x_client_ip']} as person-1@example.com"
    chat_url = recordings["get_session_chat"]["response"]["body"]["data"]["chat_download_url"]
    assert "X-Amz-Expires=3600" in chat_url and "X-Amz-Algorithm=AWS4-HMAC-SHA256" in chat_url
    assert "X-Amz-Signature=scrubbed-signature-" in chat_url and "X-Amz-Credential=scrubbed-signature-" in chat_url
    echo = recordings["generate_summary_of_transcripts"]["response"]["body"]["x_echo"]
    assert echo == "Bearer scrubbed-token-1 for account " + recordings["get_sessions"]["request"]["path"].split("/")[2]
    assert recordings["get_sessions"]["response"]["headers"] == {
        "content-type": "application/json; charset=utf-8",
        "cf-ray": "8f1e2d3c4b5a6978-LIS",
    }


def test_scrubbing_is_deterministic(live_env: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    runs = []
    for name in ("one", "two"):
        with personal_api() as (_, base_url):
            monkeypatch.setenv("CLOUDFLARE_BASE_URL", base_url)
            assert record.main(["--out", str(tmp_path / name)]) == 0
        runs.append(
            {op: {k: v for k, v in rec.items() if k != "provenance"} for op, rec in written(tmp_path / name).items()}
        )
    assert runs[0] == runs[1]


def test_scrubber_placeholders() -> None:
    scrubber = record.Scrubber(secrets=("s3cr3t-token",))
    assert scrubber.text("a@b.test and c@d.test and a@b.test") == (
        "person-1@example.com and person-2@example.com and person-1@example.com"
    )
    assert scrubber.text("10.0.0.1, 10.0.0.2, 10.0.0.1") == "192.0.2.1, 192.0.2.2, 192.0.2.1"
    assert scrubber.text("fe80::1") == "2001:db8::1"
    assert scrubber.text("2025-03-14T09:00:06.012Z") == "2025-03-14T09:00:06.012Z"
    assert scrubber.text("10.15.7.2", key="os_version") == "10.15.7.2"
    assert scrubber.text("Bearer s3cr3t-token") == "Bearer scrubbed-token-1"
    assert scrubber.json({"display_name": "Ann", "peers": [{"display_name": "Ann"}]}) == {
        "display_name": "Participant 1",
        "peers": [{"display_name": "Participant 1"}],
    }
    # 300 addresses still land in documentation ranges, each its own.
    many = {scrubber.text(f"100.64.{n // 250}.{n % 250}") for n in range(300)}
    assert len(many) == 300
    assert all(re.fullmatch(r"(192\.0\.2|198\.51\.100|203\.0\.113)\.\d+", ip) for ip in many)


def test_without_credentials_says_so_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("CLOUDFLARE_API_TOKEN", "CLOUDFLARE_ACCOUNT_ID", "REALTIMEKIT_APP_ID"):
        monkeypatch.delenv(name, raising=False)
    assert record.main(["--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "CLOUDFLARE_API_TOKEN" in err and "REALTIMEKIT_APP_ID" in err
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("failing", ["get_session_transcripts", "generate_summary_of_transcripts"])
def test_a_failing_operation_leaves_no_half_recording(
    live_env: None, tmp_path: Path, failing: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with personal_api({failing: 404}) as (_, base_url):
        monkeypatch.setenv("CLOUDFLARE_BASE_URL", base_url)
        assert record.main(["--out", str(tmp_path)]) == 1
    assert list(tmp_path.rglob("*")) == []
    err = capsys.readouterr().err
    assert f"{failing} answered 404" in err and err.count("\n") == 1
    assert TOKEN not in err


def test_rejected_token_is_one_line_with_a_hint(
    live_env: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with personal_api({"get_sessions": 401}) as (_, base_url):
        monkeypatch.setenv("CLOUDFLARE_BASE_URL", base_url)
        assert record.main(["--out", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "get_sessions answered 401" in err and "CLOUDFLARE_API_TOKEN" in err and err.count("\n") == 1
    assert list(tmp_path.rglob("*.json")) == []


def test_ids_given_as_options_are_used(live_env: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with personal_api() as (server, base_url):
        monkeypatch.setenv("CLOUDFLARE_BASE_URL", base_url)
        assert (
            record.main(
                ["--out", str(tmp_path), "--session-id", "sess-42", "--participant-id", "part-7", "--peer-id", "peer-9"]
            )
            == 0
        )
    recordings = written(tmp_path)
    assert recordings["get_session_details"]["request"]["path"].endswith("/sessions/sess-42")
    assert recordings["get_session_participant_details"]["request"]["path"].endswith("/participants/part-7")
    assert recordings["get_participant_data_from_peer_id"]["request"]["path"].endswith("/peer-report/peer-9")
    assert [seen["operation"] for seen in server.seen] == list(record.OPERATION_IDS)


def test_scrubber_reads_keys_in_any_case_and_scrubs_secret_named_keys() -> None:
    # The API answers camelCase too (sessionId, summaryDownloadUrl; the chat export's displayName): a new field
    # `displayName` or `userAgent` is the same person's data as display_name. Values under secret-named keys are
    # opaque (no token or JWT shape for the patterns to find) and must go whatever they look like.
    scrubber = record.Scrubber()
    scrubbed = scrubber.json(
        {
            "displayName": "Priya Natarajan",
            "customParticipantId": "emp-10482",
            "userAgent": "Mozilla/5.0 (Macintosh) Chrome/122",
            "Display-Name": "Priya Natarajan",
            "refresh_token": "opaque-refresh-xyz",
            "authToken": "opaque-auth-xyz",
            "api_key": "opaque-key-abc",
            "clientSecret": "opaque-secret-def",
            "password": "hunter2",
            "cookie": "session=abc123",
            "key_frames_encoded": 12,
            "turn_connectivity": True,
        }
    )
    text = json.dumps(scrubbed)
    for secret in ("Priya", "emp-10482", "Macintosh", "opaque-", "hunter2", "abc123"):
        assert secret not in text, (secret, scrubbed)
    assert scrubbed["displayName"] == scrubbed["Display-Name"] == "Participant 1"
    assert scrubbed["key_frames_encoded"] == 12 and scrubbed["turn_connectivity"] is True


def test_scrubber_scrubs_credentials_in_a_url_fragment() -> None:
    scrubber = record.Scrubber()
    text = scrubber.text("see https://files.example.com/x.csv#access_token=abcdef123&expires=60 now")
    assert "abcdef123" not in text and "files.example.com/x.csv#" in text and "expires=60" in text


def test_a_json_answer_with_another_media_type_is_scrubbed_by_its_keys() -> None:
    # The recorder keeps answers the client cannot read (that is what drift is for): JSON sent as text/plain is
    # one of them, and its names, cities and user agents were kept, as only the text patterns ran over it.
    import httpx

    body = {"success": True, "data": {"participant": {"display_name": "Priya Natarajan", "city": "Lisbon"}}}
    request = httpx.Request("GET", "https://api.example.com/client/v4/accounts/a/realtime/kit/b/sessions/peer-report/p")
    response = httpx.Response(200, headers={"content-type": "text/plain"}, json=body, request=request)
    response.headers["content-type"] = "text/plain"
    recording = record.to_recording(
        "get_participant_data_from_peer_id",
        record.Exchange(request, response),
        "https://api.example.com/client/v4",
        record.Scrubber(),
        "2025-03-14T00:00:00Z",
    )
    assert recording.response.body_text is not None  # still recorded as the text it came as (media-type drift)
    assert "Priya" not in recording.response.body_text and "Lisbon" not in recording.response.body_text
    assert json.loads(recording.response.body_text)["data"]["participant"]["display_name"] == "Participant 1"
