"""The CLI against what real servers and real people put in front of it: names with escape sequences, wide
characters, dollar signs; a storage host that refuses, answers HTML or another encoding; a terminal that is not
UTF-8. Each is either shown safely or is one line naming what was wrong, never a traceback."""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any

import pytest
from cli_support import ROOT, point_cli_at
from realtimekit_sessions_cli.app import app
from realtimekit_tools.local_server import LocalServer, respond
from typer.testing import CliRunner

runner = CliRunner()
TOKEN = "hostile-test-token-7f3a"
LONG_REPORT = ROOT / "tests" / "recordings" / "get_participant_data_from_peer_id" / "long_report.json"


def invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def _session(number: int, **fields: Any) -> dict[str, Any]:
    session = {
        "id": f"sess-{number}",
        "associated_id": "meet-1",
        "created_at": "2025-03-14T09:00:02.118Z",
        "updated_at": "2025-03-14T09:47:40.902Z",
        "started_at": "2025-03-14T09:00:02.118Z",
        "live_participants": 0,
        "max_concurrent_participants": 6,
        "meeting_display_name": "Weekly sync",
        "minutes_consumed": 212.4,
        "organization_id": "org",
        "status": "ENDED",
        "type": "meeting",
    }
    session.update(fields)
    return session


def _page(key: str, items: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "success": True,
        "data": {key: items},
        "paging": {"total_count": len(items), "start_offset": 0, "end_offset": len(items)},
    }


class Hostile(LocalServer):
    """Answers by the end of the request path: `answers[suffix] = (status, content type, body bytes)`; every
    request's path and Authorization header are kept in `seen`."""

    def __init__(self) -> None:
        class Handler(BaseHTTPRequestHandler):
            def do_GET(handler) -> None:  # the server is `self`, from the closure
                path = handler.path.split("?")[0]
                self.seen.append((path, handler.headers.get("Authorization")))
                status, content_type, body = next(
                    (answer for suffix, answer in self.answers.items() if path.endswith(suffix)),
                    (404, "application/json", b'{"success": false, "errors": [{"code": 404, "message": "no"}]}'),
                )
                respond(handler, status, content_type, body)

            def log_message(handler, format: str, *args: object) -> None:
                pass

        super().__init__(("127.0.0.1", 0), Handler)
        self.answers: dict[str, tuple[int, str, bytes]] = {}
        self.seen: list[tuple[str, str | None]] = []
        self.base_url = f"http://127.0.0.1:{self.server_address[1]}"
        self.serve_in_background()

    def json(self, suffix: str, body: Any, status: int = 200) -> None:
        self.answers[suffix] = (status, "application/json", json.dumps(body).encode())

    def file(self, body: bytes, content_type: str, status: int = 200) -> None:
        """The file behind every download link, served from /files/ on this host (a signed query on the link)."""
        self.answers["/files/f"] = (status, content_type, body)
        link = f"{self.base_url}/files/f?X-Amz-Signature=sig123&X-Amz-Credential=cred456"
        expiry = "2099-01-01T00:00:00Z"
        self.json("/chat", {"success": True, "data": {"chat_download_url": link, "chat_download_url_expiry": expiry}})
        self.json(
            "/transcript",
            {
                "success": True,
                "data": {
                    "sessionId": "sess-1",
                    "transcript_download_url": link,
                    "transcript_download_url_expiry": expiry,
                },
            },
        )
        self.json(
            "/summary",
            {
                "success": True,
                "data": {"sessionId": "sess-1", "summaryDownloadUrl": link, "summaryDownloadUrlExpiry": expiry},
            },
        )


@pytest.fixture
def hostile(monkeypatch: pytest.MonkeyPatch) -> Iterator[Hostile]:
    server = Hostile()
    point_cli_at(monkeypatch, f"{server.base_url}/client/v4", TOKEN, "acct", "app")
    monkeypatch.delenv("COLUMNS", raising=False)
    try:
        yield server
    finally:
        server.stop()


# ---- tables -----------------------------------------------------------------------------------------------------


def test_escape_sequences_in_names_never_reach_the_terminal(hostile: Hostile, monkeypatch: pytest.MonkeyPatch) -> None:
    # A meeting title or display name is typed by whoever set up the meeting or joined it: an ESC or a BEL in it
    # must not drive the terminal of the person listing sessions (colours, a new window title, OSC 52 clipboard).
    evil = "Standup\x1b]0;owned\x07\x1b[2J\x9b31m\x7f"
    hostile.json("/sessions", _page("sessions", [_session(1, meeting_display_name=evil)]))
    hostile.json(
        "/participants",
        _page("participants", [{"id": "p1", "display_name": evil, "custom_participant_id": "c\x1bx"}]),
    )
    hostile.json("/sessions/sess-1", {"success": True, "data": _session(1, meeting_display_name=evil)})
    monkeypatch.setenv("COLUMNS", "300")  # the name on one line, to be read back
    for command in (["sessions", "list"], ["sessions", "show", "sess-1"], ["participants", "list", "sess-1"]):
        for wide in ([], ["--wide"]):
            code, out, err = invoke(*command, *wide)
            assert code == 0, err
            assert not any(ord(c) < 32 and c != "\n" or 0x7F <= ord(c) < 0xA0 for c in out), (command, repr(out))
            assert "Standup\\x1b]0;owned\\x07" in out  # the text is still shown, its controls made visible


def test_ids_of_wide_characters_are_never_cut(hostile: Hostile, monkeypatch: pytest.MonkeyPatch) -> None:
    # Ids are measured in terminal cells, not characters: an id in CJK or emoji (custom participant ids are the
    # app's own) takes two cells a character, and was cut to half its length by --wide.
    custom = "社員番号" * 6 + "🙂" * 4
    name = "会議" * 30
    hostile.json(
        "/participants",
        _page("participants", [{"id": "p1", "display_name": name, "custom_participant_id": custom}]),
    )
    for columns, wide in (("200", ["--wide"]), ("300", []), ("80", ["--wide"])):
        monkeypatch.setenv("COLUMNS", columns)
        code, out, err = invoke("participants", "list", "sess-1", *wide)
        assert code == 0, err
        assert any(custom in line for line in out.splitlines()), (columns, wide, out)
    monkeypatch.setenv("COLUMNS", "80")
    code, out, err = invoke("participants", "list", "sess-1")
    assert code == 0, err
    from rich.cells import cell_len

    assert max(cell_len(line) for line in out.splitlines()) <= 80, out


# ---- charts -----------------------------------------------------------------------------------------------------


@pytest.mark.xdist_group("charts")
@pytest.mark.parametrize("name", ["Ke$ha \\x$", "$$", "Cost: $5 and $10", "a_b^c $\\frac{1}{0}$"])
def test_a_display_name_with_dollar_signs_is_drawn_as_written(hostile: Hostile, tmp_path: Path, name: str) -> None:
    # matplotlib reads $...$ as mathtext: a name with two dollar signs was drawn as a formula, or, with a
    # backslash between them, killed the command with a traceback from deep inside matplotlib.
    report = json.loads(LONG_REPORT.read_text(encoding="utf-8"))["response"]["body"]
    report = copy.deepcopy(report)
    report["data"]["participant"]["display_name"] = name
    for key, value in report["data"]["participant"]["peer_report"]["quality"].items():
        if isinstance(value, list):
            report["data"]["participant"]["peer_report"]["quality"][key] = value[:3]
    hostile.json("/peer-report/p1", report)
    chart = tmp_path / "q.png"
    code, _, err = invoke("peer-report", "p1", "--chart", str(chart), "--json")
    assert code == 0, err
    assert chart.stat().st_size > 10_000
    assert "Traceback" not in err


# ---- downloads --------------------------------------------------------------------------------------------------

S3_EXPIRED = (
    b'<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code>'
    b"<Message>Request has expired</Message></Error>"
)


@pytest.mark.parametrize("command", [["chat", "sess-1"], ["transcript", "sess-1"], ["summary", "sess-1", "--json"]])
def test_a_storage_host_refusing_the_link_is_not_blamed_on_the_token(hostile: Hostile, command: list[str]) -> None:
    # The token never goes to the storage host: its 403 (an expired or revoked signed link) says nothing about the
    # token's permissions, and telling the user to change them sends them the wrong way.
    hostile.file(S3_EXPIRED, "application/xml", status=403)
    code, out, err = invoke(*command)
    assert code == 1, err
    assert err.count("\n") == 1 and err.startswith("error: ")
    assert "permission" not in err.lower() and "CLOUDFLARE_API_TOKEN" not in err
    assert "/files/f" in err and "403" in err
    assert "sig123" not in err and "cred456" not in err and TOKEN not in err + out
    file_requests = [auth for path, auth in hostile.seen if path.startswith("/files/")]
    assert file_requests and all(auth is None for auth in file_requests)


def test_chat_as_json_refuses_a_page_that_is_not_the_chat(hostile: Hostile) -> None:
    # A storage host or a proxy answering 200 with a sign-in page: read as CSV, each line of HTML became a
    # "message" (or there were none), and the command succeeded.
    hostile.file(b"<!DOCTYPE html>\n<html>\n<body>Please sign in</body>\n</html>\n", "text/html")
    code, out, err = invoke("chat", "sess-1", "--json")
    assert code == 1 and out == "", out
    assert err.count("\n") == 1 and "text/html" in err and "chat" in err


def test_chat_as_json_of_a_chat_with_no_messages_is_an_empty_list(hostile: Hostile) -> None:
    hostile.file(
        b"id,participantId,sessionId,meetingId,displayName,pinned,isEdited,payloadType,payload,createdAt\n", "text/csv"
    )
    code, out, err = invoke("chat", "sess-1", "--json")
    assert code == 0, err
    assert json.loads(out) == []


@pytest.mark.parametrize(
    ("command", "body", "content_type"),
    [
        (["chat", "sess-1", "--json"], "id,displayName,payload\nm1,José,olá\n", "text/csv"),
        (["transcript", "sess-1", "--json"], "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nJosé: Olá.\n", "text/vtt"),
        (["summary", "sess-1", "--json"], "Résumé: José a parlé.\n", "text/plain"),
    ],
)
def test_a_file_in_another_encoding_is_one_line(
    hostile: Hostile, command: list[str], body: str, content_type: str
) -> None:
    hostile.file(body.encode("latin-1"), content_type)
    code, _, err = invoke(*command)
    assert code == 1, err
    assert err.count("\n") == 1 and "UTF-8" in err and "-o" in err


def test_a_file_in_another_encoding_is_still_saved_as_it_came(hostile: Hostile, tmp_path: Path) -> None:
    body = "id,displayName,payload\nm1,José,olá\n".encode("latin-1")
    hostile.file(body, "text/csv")
    code, _, err = invoke("chat", "sess-1", "-o", str(tmp_path / "chat.csv"))
    assert code == 0, err
    assert (tmp_path / "chat.csv").read_bytes() == body


# ---- the terminal -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_a_terminal_that_is_not_utf8_gets_the_table_not_a_traceback(hostile: Hostile, encoding: str) -> None:
    # An old server's locale (LANG=en_US.ISO-8859-1), a Windows code page, or PYTHONIOENCODING in a cron job:
    # names and box drawing it cannot show are replaced, the command does not die.
    hostile.json(
        "/sessions",
        _page("sessions", [_session(1, meeting_display_name="🎉 Fête d'équipe 会議 שלום")]),
    )
    env = {**os.environ, "PYTHONIOENCODING": encoding, "PYTHONPATH": os.pathsep.join(sys.path)}
    for args in (["sessions", "list"], ["sessions", "list", "--json"]):
        result = subprocess.run(
            [sys.executable, "-m", "realtimekit_sessions_cli", *args],
            capture_output=True,
            timeout=60,
            check=False,
            env=env,
        )
        assert result.returncode == 0, result.stderr.decode(errors="replace")
        assert b"Traceback" not in result.stderr and b"sess-1" in result.stdout


# ---- configuration ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("token", ["Bearer abc123", "abc\n123", "abc–123"])
def test_a_malformed_token_points_at_the_token_not_the_base_url(
    hostile: Hostile, monkeypatch: pytest.MonkeyPatch, token: str
) -> None:
    # A token pasted with its "Bearer " or a stray space used to end in "(check CLOUDFLARE_BASE_URL)".
    monkeypatch.setenv("CLOUDFLARE_API_TOKEN", token)
    code, out, err = invoke("sessions", "list")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "CLOUDFLARE_API_TOKEN" in err and "CLOUDFLARE_BASE_URL" not in err, err
    assert "abc" not in err and "123" not in err
    assert hostile.seen == []


@pytest.mark.parametrize("args", [["sessions", "list"], ["sessions", "list", "--json"], ["export"]])
def test_a_reader_that_stops_early_ends_the_command_quietly(hostile: Hostile, args: list[str]) -> None:
    """`realtimekit-sessions ... | head -1`: once the reader has gone, the command stops with nothing on stderr. The
    export, which writes as it goes, exits with SIGPIPE's code (141), as `yes | head` does; before, it said "error:
    file: Broken pipe" and exited 1. (More output than a pipe holds, so that the command is still writing; the
    tables stop as rich has them stop, with 1, and the JSON is one write that the closed pipe cuts short.)"""
    hostile.json("/sessions", _page("sessions", [_session(n, meeting_display_name="x" * 200) for n in range(1500)]))
    hostile.json("/participants", _page("participants", []))
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path), "COLUMNS": "120"}
    process = subprocess.Popen(
        [sys.executable, "-m", "realtimekit_sessions_cli", *args, *(["--limit", "0"] if args[0] == "sessions" else [])],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.read(10)  # a first line's worth, then the reader goes away
    process.stdout.close()
    stderr = process.stderr.read()
    code = process.wait(timeout=60)
    assert stderr == b""
    if args[0] == "export":
        assert code == 141


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_json_on_a_stdout_that_is_not_utf8_stays_exact(hostile: Hostile, encoding: str) -> None:
    # errors='replace' keeps a table alive on such a stdout; --json, read by programs, must not lose characters
    # to '?' (a file or pipe under PYTHONIOENCODING or an ISO-8859-1 locale): JSON's \u escapes say them exactly.
    title = "🎉 Fête d'équipe 会議 שלום"
    hostile.json("/sessions", _page("sessions", [_session(1, meeting_display_name=title)]))
    env = {**os.environ, "PYTHONIOENCODING": encoding, "PYTHONPATH": os.pathsep.join(sys.path)}
    result = subprocess.run(
        [sys.executable, "-m", "realtimekit_sessions_cli", "sessions", "list", "--json"],
        capture_output=True,
        timeout=60,
        check=False,
        env=env,
    )
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    assert json.loads(result.stdout.decode(encoding))[0]["meeting_display_name"] == title


@pytest.mark.parametrize("format_", ["ndjson", "csv"])
def test_an_export_to_a_stdout_that_is_not_utf8_is_utf8_and_exact(hostile: Hostile, format_: str) -> None:
    # NDJSON and CSV are UTF-8 wherever they are written; on a stdout of another encoding the names came out as '?'
    # (the table's errors='replace'), and the export said it had written them.
    title = "🎉 Fête d'équipe 会議 שלום"
    hostile.json("/sessions", _page("sessions", [_session(1, meeting_display_name=title)]))
    hostile.json("/participants", _page("participants", []))
    env = {**os.environ, "PYTHONIOENCODING": "ascii", "PYTHONPATH": os.pathsep.join(sys.path)}
    result = subprocess.run(
        [sys.executable, "-m", "realtimekit_sessions_cli", "export", "--format", format_],
        capture_output=True,
        timeout=60,
        check=False,
        env=env,
    )
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    assert title in result.stdout.decode("utf-8")
