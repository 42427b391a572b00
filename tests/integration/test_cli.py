"""The `realtimekit-sessions` command, driven through typer's CliRunner against the local mock API."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from cli_support import CHAT_CSV, PEER_ID, SESSION_ID, SUMMARY_TEXT, TRANSCRIPT_VTT, Api, point_cli_at
from PIL import Image
from realtimekit_sessions_cli.app import app
from typer.testing import CliRunner

runner = CliRunner()


def invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def test_sessions_list_table_and_json(api: Api) -> None:
    code, out, _ = invoke("sessions", "list")
    assert code == 0
    assert "Weekly platform sync" in out and "Daily stand-up" in out and "2 sessions" in out
    code, out, _ = invoke("sessions", "list", "--json")
    assert code == 0
    sessions = json.loads(out)
    assert [s["meeting_display_name"] for s in sessions] == ["Weekly platform sync", "Daily stand-up"]


def test_sessions_list_passes_every_filter(api: Api) -> None:
    code, out, err = invoke(
        "sessions",
        "list",
        "--json",
        "--status",
        "ENDED",
        "--search",
        "sync",
        "--sort-by",
        "createdAt",
        "--sort-order",
        "ASC",
        "--start-time",
        "2025-03-01T00:00:00Z",
        "--end-time",
        "2025-03-31T00:00:00",
        "--associated-id",
        "9d4c2f3e",
        "--participants",
        "gte:2",
        "--limit",
        "1",
        "--per-page",
        "1",
    )
    assert code == 0, err
    assert len(json.loads(out)) == 1
    code, _, err = invoke("sessions", "list", "--status", "ARCHIVED")
    assert code == 2 and "ARCHIVED" in err
    code, _, err = invoke("sessions", "list", "--start-time", "yesterday")
    assert code == 2 and err.strip() == (
        "error: --start-time must be an ISO 8601 time such as 2025-03-01T00:00:00Z, not 'yesterday'"
    )


def test_session_show_and_participants(api: Api) -> None:
    code, out, _ = invoke("sessions", "show", SESSION_ID, "--json", "--breakout-rooms")
    assert code == 0 and json.loads(out)["id"] == SESSION_ID
    code, out, _ = invoke("participants", "list", SESSION_ID, "--json", "--view", "consolidated")
    assert code == 0 and [p["display_name"] for p in json.loads(out)] == ["Priya N.", "Tomás R."]
    code, out, _ = invoke("participants", "list", SESSION_ID)
    assert code == 0 and "Tomás R." in out
    code, out, _ = invoke("participants", "show", SESSION_ID, PEER_ID, "--json", "--peer-events")
    assert code == 0 and json.loads(out)["id"] == PEER_ID
    code, out, _ = invoke("participants", "show", SESSION_ID, PEER_ID)
    assert code == 0 and "Priya N." in out


def test_peer_report_summary(api: Api) -> None:
    code, out, _ = invoke("peer-report", PEER_ID, "--json")
    assert code == 0
    summary = json.loads(out)
    assert summary["device"]["os"] == "macOS 14.4"
    assert summary["browser"]["name"].startswith("Chrome ")
    assert set(summary["quality"]) >= {"audio sent", "audio received", "video sent", "video received"}
    audio = summary["quality"]["audio sent"]
    assert audio["samples"] == 200
    assert 1 <= audio["mos_p50"] <= audio["mos_p90"] <= 5
    assert audio["rtt_ms"] > 0 and audio["jitter_ms"] > 0 and audio["packet_loss_pct"] >= 0
    code, out, _ = invoke("peer-report", PEER_ID)
    assert code == 0
    for word in ("quality", "audio received", "p90", "network", "browser"):
        assert word in out
    code, out, _ = invoke("peer-report", PEER_ID, "--json", "--full")
    assert code == 0 and "peer_report" in json.loads(out)["data"]["participant"]


@pytest.mark.xdist_group("charts")  # with test_cli_usability's chart tests: matplotlib imported by one worker
@pytest.mark.parametrize("suffix", ["png", "svg"])
def test_peer_report_chart(api: Api, tmp_path: Path, suffix: str) -> None:
    chart = tmp_path / f"quality.{suffix}"
    code, _, err = invoke("peer-report", PEER_ID, "--chart", str(chart), "--json")
    assert code == 0, err
    assert f"chart written to {chart}" in err
    if suffix == "png":
        with Image.open(chart) as image:
            image.verify()
            assert image.format == "PNG"
            assert image.size[0] >= 800 and image.size[1] >= 800
    else:
        text = chart.read_text(encoding="utf-8")
        assert text.lstrip().startswith("<?xml") and "<svg" in text
        for label in ("MOS", "packet loss", "round-trip time", "jitter", "audio sent", "video received"):
            assert label in text


def test_chart_refuses_other_extensions(api: Api, tmp_path: Path) -> None:
    code, _, err = invoke("peer-report", PEER_ID, "--chart", str(tmp_path / "q.jpg"))
    assert code == 2 and "--chart must name a .png or .svg file" in err
    assert not (tmp_path / "q.jpg").exists()


def test_chat_transcript_summary_downloads(api: Api, tmp_path: Path) -> None:
    code, out, _ = invoke("chat", SESSION_ID)
    assert code == 0 and out == CHAT_CSV
    code, out, _ = invoke("chat", SESSION_ID, "--json")
    messages = json.loads(out)
    assert code == 0 and [m["payload"] for m in messages] == ["Hello, all", "Agenda is in the doc"]
    assert messages[1]["pinned"] is True
    code, _, err = invoke("transcript", SESSION_ID, "--format", "VTT", "-o", str(tmp_path / "t.vtt"))
    assert code == 0 and (tmp_path / "t.vtt").read_text(encoding="utf-8") == TRANSCRIPT_VTT
    assert "bytes written to" in err
    code, out, _ = invoke("summary", SESSION_ID, "--json")
    assert code == 0 and json.loads(out)["text"] == SUMMARY_TEXT
    # The API token went to the API only, never to the file host.
    assert api.file_requests and all(request["authorization"] is None for request in api.file_requests)
    code, out, _ = invoke("summary", SESSION_ID, "--generate", "--json")
    assert code == 0 and json.loads(out)["status"] == "PENDING"


def test_export_ndjson_and_csv(api: Api, tmp_path: Path) -> None:
    code, _, err = invoke("export", "-o", str(tmp_path / "all.ndjson"))
    assert code == 0, err
    lines = (tmp_path / "all.ndjson").read_text(encoding="utf-8").splitlines()
    sessions = [json.loads(line) for line in lines]
    assert [s["meeting_display_name"] for s in sessions] == ["Weekly platform sync", "Daily stand-up"]
    assert all(len(s["participants"]) == 2 for s in sessions)
    assert "2 sessions, 4 participants written to" in err

    code, out, _ = invoke("export", "--format", "csv", "--status", "ENDED")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 4
    assert {row["participant_display_name"] for row in rows} == {"Priya N.", "Tomás R."}
    assert rows[0]["session_id"] and rows[0]["participant_id"]
    assert json.loads(rows[0]["session_breakout_rooms"]) == []

    code, out, _ = invoke("export", "--sessions-only", "--limit", "1", "--json", "-o", str(tmp_path / "one.ndjson"))
    assert code == 0 and json.loads(out) == {"sessions": 1, "participants": 0, "file": str(tmp_path / "one.ndjson")}


def test_export_sets_the_allocator_once_at_its_start(api: Api, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from realtimekit_sessions_cli import export as exporting

    calls: list[int] = []
    monkeypatch.setattr(exporting, "keep_freed_memory", lambda: calls.append(1) or True)
    for mode in ([], ["--concurrency", "1"]):
        code, _, err = invoke("export", "-o", str(tmp_path / "all.ndjson"), *mode)
        assert code == 0, err
    assert calls == [1, 1]


def test_missing_credentials_are_one_line_and_exit_2(api: Api, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CLOUDFLARE_API_TOKEN")
    code, out, err = invoke("sessions", "list")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "CLOUDFLARE_API_TOKEN" in err and "Traceback" not in err
    monkeypatch.setenv("CLOUDFLARE_API_TOKEN", "x")
    monkeypatch.delenv("REALTIMEKIT_APP_ID")
    code, _, err = invoke("sessions", "list")
    assert code == 2 and err.strip() == "error: set REALTIMEKIT_APP_ID (or --app-id)"
    code, out, _ = invoke("--app-id", "3f9a1c527e444b1da0c26d8e5b7f9a10", "sessions", "list", "--json")
    assert code == 0 and len(json.loads(out)) == 2


def test_rejected_credentials_are_one_line_and_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from http.server import BaseHTTPRequestHandler

    from realtimekit_tools.local_server import LocalServer, respond

    class Refuse(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            status = 401 if "/sessions" in self.path and "peer-report" not in self.path else 403
            body = json.dumps(
                {
                    "success": False,
                    "errors": [{"code": 10000, "message": "Authentication error"}],
                    "messages": [],
                    "result": None,
                }
            ).encode()
            respond(self, status, "application/json", body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = LocalServer(("127.0.0.1", 0), Refuse)
    server.serve_in_background()
    try:
        point_cli_at(monkeypatch, f"http://127.0.0.1:{server.server_address[1]}", "rejected-token-123", "acct", "app")
        code, _, err = invoke("sessions", "list")
        assert code == 2 and "refused the token (401)" in err and err.count("\n") == 1
        code, _, err = invoke("peer-report", "peer-1")
        assert code == 2 and "Realtime" in err and "(403)" in err and err.count("\n") == 1
        assert "rejected-token-123" not in err
    finally:
        server.stop()


def test_an_invalid_id_is_a_usage_error(api: Api) -> None:
    code, _, err = invoke("sessions", "show", "bad id with spaces")
    assert code == 2 and err.startswith("error: invalid session_id")


def test_console_script_runs_in_a_subprocess(api: Api) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "realtimekit_sessions_cli", "sessions", "list", "--json", "--limit", "1"],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)) == 1
