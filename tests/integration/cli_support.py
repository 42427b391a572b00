"""Fixtures of the CLI tests: the toolkit's mock server started in-process, plus a loopback file host for downloads."""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Iterator
from typing import Any

import pytest
from realtimekit_tools import mock_server
from realtimekit_tools.paths import recordings_dir, repo_root
from realtimekit_tools.recording import read_recording
from realtimekit_tools.testing.file_host import FileHost

ROOT = repo_root()
ACCOUNT_ID = "023e105f4ecef8ad9ca31a8372d0c353"
APP_ID = "3f9a1c527e444b1da0c26d8e5b7f9a10"
SESSION_ID = "5e3b5a0c-2a8f-4c38-8d0e-3f0d2b9c7a11"
PEER_ID = "0c6f4b1e-8d2a-4f7c-b3e9-5a1d7c9e2f40"
CHAT_CSV = (
    "id,participantId,sessionId,meetingId,displayName,pinned,isEdited,payloadType,payload,createdAt\n"
    f'm1,{PEER_ID},{SESSION_ID},meet-1,Priya N.,false,false,TEXT_MESSAGE,"Hello, all",2025-03-14T09:01:00.000Z\n'
    f"m2,{PEER_ID},{SESSION_ID},meet-1,Priya N.,true,true,TEXT_MESSAGE,Agenda is in the doc,2025-03-14T09:02:00.000Z\n"
)
TRANSCRIPT_VTT = "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nPriya N.: Good morning.\n"
SUMMARY_TEXT = "Summary: the team agreed on the release date.\n"
FILES = {
    "/files/chat.csv": ("text/csv", CHAT_CSV.encode()),
    "/files/transcript.vtt": ("text/vtt", TRANSCRIPT_VTT.encode()),
    "/files/summary.txt": ("text/plain", SUMMARY_TEXT.encode()),
}


@dataclasses.dataclass
class Api:
    base_url: str
    file_requests: list[dict[str, Any]]


def _long_peer_report() -> Any:
    return read_recording(recordings_dir() / "get_participant_data_from_peer_id" / "long_report.json").response.body


@pytest.fixture(scope="session")
def cli_servers() -> Iterator[Api]:
    """The mock API and the file host, started once for every CLI test of the run."""
    files = FileHost(FILES)
    file_base = f"{files.base_url}/files"
    expiry = (datetime.datetime.now(datetime.UTC) + datetime.timedelta(hours=6)).isoformat()
    downloads = {
        "get_session_chat": {
            "chat_download_url": f"{file_base}/chat.csv?X-Amz-Signature=x",
            "chat_download_url_expiry": expiry,
        },
        "get_session_transcripts": {
            "sessionId": SESSION_ID,
            "transcript_download_url": f"{file_base}/transcript.vtt",
            "transcript_download_url_expiry": expiry,
        },
        "get_session_summary": {
            "sessionId": SESSION_ID,
            "summaryDownloadUrl": f"{file_base}/summary.txt",
            "summaryDownloadUrlExpiry": expiry,
        },
    }
    routes = []
    for route in mock_server.load_routes():
        if route.operation_id in downloads:
            route = dataclasses.replace(route, success_body={"success": True, "data": downloads[route.operation_id]})
        if route.operation_id == "get_participant_data_from_peer_id":
            route = dataclasses.replace(route, success_body=_long_peer_report())
        routes.append(route)
    server = mock_server.MockServer(("127.0.0.1", 0), routes)
    server.serve_in_background()
    try:
        yield Api(f"http://127.0.0.1:{server.server_address[1]}/client/v4", files.requests)
    finally:
        server.stop()
        files.stop()


def point_cli_at(
    monkeypatch: pytest.MonkeyPatch,
    base_url: str,
    token: str = "cli-test-token",
    account_id: str = ACCOUNT_ID,
    app_id: str = APP_ID,
) -> None:
    """The environment the CLI reads (base URL, token, account and app ids) pointing at a test's server."""
    monkeypatch.setenv("CLOUDFLARE_BASE_URL", base_url)
    monkeypatch.setenv("CLOUDFLARE_API_TOKEN", token)
    monkeypatch.setenv("CLOUDFLARE_ACCOUNT_ID", account_id)
    monkeypatch.setenv("REALTIMEKIT_APP_ID", app_id)


@pytest.fixture
def api(cli_servers: Api, monkeypatch: pytest.MonkeyPatch) -> Api:
    """The shared servers, with the environment the CLI reads pointing at them (and the file log emptied)."""
    point_cli_at(monkeypatch, cli_servers.base_url)
    cli_servers.file_requests.clear()
    return cli_servers
