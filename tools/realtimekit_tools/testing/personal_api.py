"""A stand-in for the live API that answers with personal data and secrets in it, for the recorder's tests."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler
from typing import Any

from ..local_server import LocalServer, respond
from ..paths import recordings_dir
from ..recording import read_recording
from ..routes import route_table

# Not a credential: the tests check it never reaches a written file.
TOKEN = "live-test-token-Zq8v1Kx3"
ACCOUNT_ID = "9d8c7b6a5f4e3d2c1b0a99887766aabb"
APP_ID = "0f1e2d3c4b5a69788796a5b4c3d2e1f0"
NAME = "Jane Q. Public"
EMAIL = "jane.public@acme-corp.test"
USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36"
IPV4 = "100.64.7.9"
IPV6 = "2606:4700:4700::1111"
CITY = "Springfield"
AMZ_CREDENTIAL = "AKIAIOSFODNN7EXAMPLE/20250314/auto/s3/aws4_request"
AMZ_SIGNATURE = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJqYW5lIn0.c2lnbmF0dXJlLXBhcnQ"
PERSONAL = (TOKEN, ACCOUNT_ID, APP_ID, NAME, EMAIL, USER_AGENT, IPV4, IPV6, CITY, AMZ_SIGNATURE, JWT, "AKIAIOSFODNN7")


def _body(operation_id: str) -> Any:
    return copy.deepcopy(read_recording(recordings_dir() / operation_id / "full.json").response.body)


def _set_everywhere(value: Any, key: str, new: Any) -> None:
    if isinstance(value, dict):
        for name in value:
            if name == key:
                value[name] = new
            else:
                _set_everywhere(value[name], key, new)
    elif isinstance(value, list):
        for item in value:
            _set_everywhere(item, key, new)


def personal_bodies() -> dict[str, Any]:
    """Each operation's `full` recording body, with personal data and secrets put in."""
    bodies = {operation_id: _body(operation_id) for operation_id in route_table()}
    bodies["get_sessions"]["data"]["sessions"][0]["meeting_display_name"] = f"1:1 with {NAME}"
    for operation_id in (
        "get_session_participants",
        "get_session_participant_details",
        "get_participant_data_from_peer_id",
    ):
        _set_everywhere(bodies[operation_id], "display_name", NAME)
        _set_everywhere(bodies[operation_id], "custom_participant_id", EMAIL)
        _set_everywhere(bodies[operation_id], "user_agent", USER_AGENT)
        _set_everywhere(bodies[operation_id], "city", CITY)
        _set_everywhere(bodies[operation_id], "remote_candidate_address", IPV4)
    report = bodies["get_participant_data_from_peer_id"]["data"]
    report["x_client_ip"] = IPV4
    report["x_client_ipv6"] = IPV6
    report["x_note"] = f"connected from {IPV4} as {EMAIL}"
    bodies["get_session_chat"]["data"]["chat_download_url"] = (
        "https://dyte-uploads.r2.cloudflarestorage.com/chat/s.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256"
        f"&X-Amz-Credential={AMZ_CREDENTIAL.replace('/', '%2F')}&X-Amz-Expires=3600&X-Amz-Signature={AMZ_SIGNATURE}"
    )
    bodies["get_session_summary"]["data"]["summaryDownloadUrl"] = f"https://summaries.example.com/s?token={JWT}"
    bodies["generate_summary_of_transcripts"]["x_echo"] = f"Bearer {TOKEN} for account {ACCOUNT_ID}"
    return bodies


class _Server(LocalServer):
    def __init__(self, bodies: dict[str, Any], statuses: dict[str, int]) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.bodies = bodies
        self.statuses = statuses
        self.seen: list[dict[str, str]] = []


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"

    def _answer(self) -> None:
        path = self.path.split("?", 1)[0].removeprefix("/client/v4")
        matched = route_table().match(self.command, path)
        assert matched is not None, f"no route for {self.command} {path}"
        route = matched[0]
        self.server.seen.append({"operation": route.operation_id, **{k.lower(): v for k, v in self.headers.items()}})
        status = self.server.statuses.get(route.operation_id, 200)
        body = (
            self.server.bodies[route.operation_id]
            if status == 200
            else {"success": False, "error": {"code": status, "message": "Session not found"}}
        )
        payload = json.dumps(body).encode()
        headers = {"cf-ray": "8f1e2d3c4b5a6978-LIS", "Set-Cookie": f"__cf_bm={TOKEN}; path=/"}
        respond(self, status, "application/json; charset=utf-8", payload, headers)

    do_GET = do_POST = _answer

    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def personal_api(statuses: dict[str, int] | None = None) -> Iterator[tuple[_Server, str]]:
    """A local API whose answers carry personal data; `statuses` makes operations fail."""
    server = _Server(personal_bodies(), statuses or {})
    server.serve_in_background()
    try:
        yield server, f"http://127.0.0.1:{server.server_address[1]}/client/v4"
    finally:
        server.stop()
