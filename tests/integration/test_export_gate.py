"""The export's bodies read as they fit (realtimekit_sessions_cli.export.BodyGate), through the real command, the
real client on each async transport and a real HTTP server: small sessions, then large ones.

A window sized by the sessions seen so far had every large session after a run of small ones in flight and read
at once (100 small sessions, then 40 of 5.5 MB: 231-253 MB peak, against 103 MB when the large ones came first).
Here the whole window's requests go out from the start, and the large bodies are read only as they fit.
"""

from __future__ import annotations

import contextlib
import gzip
import json
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest
from cli_support import point_cli_at
from realtimekit_sessions_cli import export as exporting
from realtimekit_sessions_cli.app import app
from realtimekit_tools.bench.bodies import BodyMaker, _fixed, encode, load_spec, success_schemas
from realtimekit_tools.local_server import LocalServer, respond
from typer.testing import CliRunner

SMALL, LARGE = 6, 6  # sessions of each kind, small first
CONCURRENCY = 8
ROOM = 64 * 1024
LATENCY = 0.2  # each participants answer's, so that the answers of a window overlap
# How long the server holds the first answers back for the whole first window's requests to come in: the old
# window (2 at first) never sent them all, and waited this long; the gate's sends them at once.
WINDOW_WAIT = 10.0


class ExportApi:
    """Sessions on one page; the first SMALL sessions' participants are 2, the others' 100 (about 70 KB)."""

    def __init__(self) -> None:
        spec = load_spec()
        schemas = success_schemas(spec)
        template = BodyMaker(spec, _fixed({"sessions": 1})).make(schemas["get_sessions"])["data"]["sessions"][0]
        self.sessions = [{**template, "id": f"5e3b5a0c-0000-4000-8000-{n:012d}"} for n in range(SMALL + LARGE)]
        self.bodies = {}
        for label, count in (("small", 2), ("large", 100)):
            body = BodyMaker(spec, _fixed({"participants": count, "peer_events": 2})).make(
                schemas["get_session_participants"]
            )
            for number, participant in enumerate(body["data"]["participants"]):
                participant["id"] = f"{label}-{number}"
            body["data"]["paging"] = {"total_count": count, "start_offset": 1, "end_offset": count}
            self.bodies[label] = encode(body)
        self.lock = threading.Lock()
        self.asked: list[float] = []  # when each participants request came in
        self.answered: list[float] = []  # when each participants answer went out
        # Set once a whole window's requests are in: until then (or WINDOW_WAIT) no answer goes out, so that a
        # loaded machine, slow to send them, cannot make the first answer come first.
        self.window_in = threading.Event()

    def answer(self, target: str) -> bytes:
        url = urlsplit(target)
        if url.path.endswith("/participants"):
            with self.lock:
                self.asked.append(time.monotonic())
                if len(self.asked) >= CONCURRENCY:
                    self.window_in.set()
            number = int(url.path.split("/sessions/")[1].split("/")[0].rsplit("-", 1)[1])
            self.window_in.wait(WINDOW_WAIT)
            time.sleep(LATENCY)
            with self.lock:
                self.answered.append(time.monotonic())
            return self.bodies["small" if number < SMALL else "large"]
        query = dict(parse_qsl(url.query))
        page, per_page = int(query.get("page_no", 1)), int(query.get("per_page", 100))
        items = self.sessions[(page - 1) * per_page : page * per_page]
        paging = {"total_count": len(self.sessions), "start_offset": (page - 1) * per_page + 1}
        return encode({"success": True, "data": {"sessions": items}, "paging": {**paging, "end_offset": len(items)}})


@contextlib.contextmanager
def serving(
    answer: Callable[[str], bytes], monkeypatch: pytest.MonkeyPatch, encoding: str = "identity"
) -> Iterator[None]:
    """A real HTTP/1.1 server answering each GET with `answer(path)`, sent as `encoding` says (as it is, with its
    Content-Length; gzip-compressed, as the client's Accept-Encoding asks; or chunked, with no length at all), and
    the command's environment pointing at it."""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            body = answer(self.path)
            if encoding == "chunked":
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Transfer-Encoding", "chunked")
                self.end_headers()
                for start in range(0, len(body), 16384):
                    part = body[start : start + 16384]
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(part), part))
                self.wfile.write(b"0\r\n\r\n")
            elif encoding == "gzip":
                assert "gzip" in self.headers.get("accept-encoding", "")
                respond(self, 200, "application/json", gzip.compress(body), {"Content-Encoding": "gzip"})
            else:
                respond(self, 200, "application/json", body)

        def log_message(self, *args: Any) -> None:
            pass

    server = LocalServer(("127.0.0.1", 0), Handler)
    server.serve_in_background()
    try:
        point_cli_at(monkeypatch, f"http://127.0.0.1:{server.server_address[1]}/client/v4", "export-gate-token")
        yield
    finally:
        server.stop()


@pytest.fixture
def export_api(monkeypatch: pytest.MonkeyPatch) -> Iterator[ExportApi]:
    api = ExportApi()
    with serving(api.answer, monkeypatch):
        yield api


@pytest.mark.parametrize("transport", ["aiohttp", "httpx"])
def test_large_sessions_after_small_ones_are_read_as_they_fit(
    export_api: ExportApi, transport: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(exporting, "WINDOW_BYTES", ROOM)
    monkeypatch.setattr(exporting, "fast_path", lambda: transport)
    # Kept here, not read off the gate: the bytes of the answers let through whose sessions are not written yet.
    reading: dict[int, int] = {}
    most_read = 0
    sizes: list[int] = []
    admit, close = exporting.BodyGate.admit, exporting.BodyGate.close

    async def recording_admit(gate: exporting.BodyGate, response: Any) -> None:
        nonlocal most_read
        await admit(gate, response)
        session = exporting._SESSION.get()
        if session is not None and response.is_success:
            size = int(response.headers["content-length"])
            sizes.append(size)
            reading[session] = reading.get(session, 0) + size
            most_read = max(most_read, sum(reading.values()))

    def recording_close(gate: exporting.BodyGate, session: int) -> None:
        reading.pop(session, None)
        close(gate, session)

    monkeypatch.setattr(exporting.BodyGate, "admit", recording_admit)
    monkeypatch.setattr(exporting.BodyGate, "close", recording_close)
    output = tmp_path / "export.ndjson"
    result = CliRunner().invoke(app, ["export", "-o", str(output), "--concurrency", str(CONCURRENCY)])
    assert result.exit_code == 0, result.output

    sessions = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    assert [session["id"] for session in sessions] == [session["id"] for session in export_api.sessions]
    assert [len(session["participants"]) for session in sessions] == [2] * SMALL + [100] * LARGE
    # The whole window's requests went out before the first answer came back: no round trip spent on sizes.
    first_answer = min(export_api.answered)
    assert sum(1 for asked in export_api.asked if asked < first_answer) == CONCURRENCY
    # Every participants answer passed the gate, and no more was read at once than the room and the largest body
    # (the oldest session's, let through over the room): without the gate, the window's 6 large bodies at once.
    small, large = len(export_api.bodies["small"]), len(export_api.bodies["large"])
    assert sorted(sizes) == [small] * SMALL + [large] * LARGE
    assert ROOM < 2 * large and LARGE * large > ROOM + large
    assert most_read <= ROOM + large


class PagedApi:
    """SESSIONS sessions of PAGES pages of participants each, every answer compressed (gzip, as asked by the
    client's Accept-Encoding) or sent chunked: a head that does not say how large its body is once read."""

    SESSIONS, PAGES, PER_PAGE = 16, 3, 100

    def __init__(self, encoding: str) -> None:
        spec = load_spec()
        schemas = success_schemas(spec)
        template = BodyMaker(spec, _fixed({"sessions": 1})).make(schemas["get_sessions"])["data"]["sessions"][0]
        self.sessions = [{**template, "id": f"5e3b5a0c-0000-4000-8000-{n:012d}"} for n in range(self.SESSIONS)]
        participant = BodyMaker(spec, _fixed({"participants": 1, "peer_events": 0})).make(
            schemas["get_session_participants"]
        )["data"]["participants"][0]
        self.participant = participant
        self.encoding = encoding
        self.lock = threading.Lock()
        self.later_pages_in = threading.Event()
        self.in_flight = 0
        self.most_later_pages = 0  # the most requests for a session's second or later page in the server at once

    def participants(self, number: int, page: int) -> bytes:
        total, start = self.PAGES * self.PER_PAGE, (page - 1) * self.PER_PAGE
        people = [{**self.participant, "id": f"{number}-{n}"} for n in range(start, min(total, start + self.PER_PAGE))]
        paging = {"total_count": total, "start_offset": start + 1, "end_offset": start + len(people)}
        return encode({"success": True, "data": {"participants": people, "paging": paging}})

    def answer(self, target: str) -> bytes:
        url = urlsplit(target)
        query = dict(parse_qsl(url.query))
        page, per_page = int(query.get("page_no", 1)), int(query.get("per_page", 100))
        if url.path.endswith("/participants"):
            number = int(url.path.split("/sessions/")[1].split("/")[0].rsplit("-", 1)[1])
            with self.lock:
                self.in_flight += page > 1
                self.most_later_pages = max(self.most_later_pages, self.in_flight)
                if self.most_later_pages >= CONCURRENCY // 2:
                    self.later_pages_in.set()
            if page > 1:
                # Held until half a window's later pages are in side by side (or a second): a loaded machine, slow
                # to send them, cannot pass for an export reading one session at a time, nor the other way round.
                self.later_pages_in.wait(1.0)
            time.sleep(LATENCY)
            with self.lock:
                self.in_flight -= page > 1
            return self.participants(number, page)
        items = self.sessions[(page - 1) * per_page : page * per_page]
        paging = {"total_count": len(self.sessions), "start_offset": (page - 1) * per_page + 1}
        return encode({"success": True, "data": {"sessions": items}, "paging": {**paging, "end_offset": len(items)}})


@pytest.mark.parametrize("encoding", ["gzip", "chunked"])
@pytest.mark.parametrize("transport", ["aiohttp", "httpx"])
def test_bodies_of_unknown_size_do_not_make_the_export_one_session_at_a_time(
    encoding: str, transport: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The API compresses its answers when asked (the client asks: Accept-Encoding), and a compressed answer is
    usually sent chunked: its head does not say how large the body is once read. Counted as the whole room, such a
    body was let through only when nothing else was held, so that the export read one session at a time, and a
    session's second page was asked for only once it was the oldest: 3-4 times as long as before the gate."""
    api = PagedApi(encoding)
    monkeypatch.setattr(exporting, "fast_path", lambda: transport)
    output = tmp_path / "export.ndjson"
    with serving(api.answer, monkeypatch, encoding):
        result = CliRunner().invoke(app, ["export", "-o", str(output), "--concurrency", str(CONCURRENCY)])
    assert result.exit_code == 0, result.output
    sessions = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    assert [session["id"] for session in sessions] == [session["id"] for session in api.sessions]
    assert all(len(session["participants"]) == api.PAGES * api.PER_PAGE for session in sessions)
    # Small pages (about 40 KB once read): the sessions of the window walk their pages side by side, as they do
    # when the head says the size. Counted as the whole room, at most 2 sessions' later pages were asked at once.
    assert api.most_later_pages >= CONCURRENCY // 2
