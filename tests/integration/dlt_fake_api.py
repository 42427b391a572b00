"""A local RealtimeKit Sessions server with a data set of any size, for the dlt source's tests, benchmark and
`make demo-load`, until the toolkit's mock server (tools/realtimekit_tools/mock_server.py) has these options.

Sessions are a function of their number (nothing is stored per session, so 100,000 cost no memory): session i
started `spacing` seconds after session i-1, the newest ones are LIVE, the rest ENDED five minutes after they
started. Each has 1-3 participants with peer events, a peer report with quality samples, a chat, a transcript
and a summary served as download links on this server. Knobs, all changeable while it runs (`server.api`):

    sessions              how many sessions exist (raise it to simulate new sessions)
    per_page_cap          the most items a page holds, whatever per_page asks (the real API caps it too)
    live                  how many of the newest sessions are LIVE; `end_live()` ends them
    extra_field           a field the spec does not know, added to every session (the API growing)
    latency               seconds each answer waits
    quota, window         the server's own rate limit: past `quota` requests in `window` seconds it answers 429
                          with Retry-After (as Cloudflare does), and every answer carries Ratelimit headers
    fail_requests         request numbers (1-based) answered 429 with Retry-After `retry_after`, once each
"""

from __future__ import annotations

import collections
import datetime
import json
import re
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

PREFIX = "/client/v4/accounts/(?P<account>[^/]+)/realtime/kit/(?P<app>[^/]+)/sessions"
ROUTES = [
    ("peer_report", re.compile(PREFIX + r"/peer-report/(?P<peer>[^/]+)$")),
    ("participants", re.compile(PREFIX + r"/(?P<sid>[^/]+)/participants$")),
    ("chat", re.compile(PREFIX + r"/(?P<sid>[^/]+)/chat$")),
    ("transcript", re.compile(PREFIX + r"/(?P<sid>[^/]+)/transcript$")),
    ("summary", re.compile(PREFIX + r"/(?P<sid>[^/]+)/summary$")),
    ("session", re.compile(PREFIX + r"/(?P<sid>[^/]+)$")),
    ("sessions", re.compile(PREFIX + "$")),
    ("file", re.compile(r"/files/(?P<kind>chat|transcript|summary)/(?P<sid>[^/]+)$")),
]
KINDS = ("audio_producer", "audio_consumer", "video_producer", "video_consumer")


def _ts(moment: datetime.datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


@dataclass
class FakeAPI:
    sessions: int = 1000
    per_page_cap: int = 50
    live: int = 2
    extra_field: str | None = None
    latency: float = 0.0
    quota: int | None = None
    window: float = 300.0
    fail_requests: set[int] = field(default_factory=set)
    retry_after: float = 1.0
    spacing: float = 10.0
    # The first session's start: three days ago, so that every file is within its 7-day life.
    epoch: datetime.datetime = field(
        default_factory=lambda: (datetime.datetime.now(datetime.UTC) - datetime.timedelta(days=3)).replace(
            microsecond=0
        )
    )
    requests: int = 0
    answered_429: int = 0
    counts: collections.Counter[str] = field(default_factory=collections.Counter)
    _ended: int = 0  # sessions below this number are ENDED even if among the newest `live`
    _times: collections.deque[float] = field(default_factory=collections.deque)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    # ---- The data set ----

    def session_id(self, number: int) -> str:
        return f"sess-{number:07d}"

    def is_live(self, number: int) -> bool:
        return number >= max(self.sessions - self.live, self._ended)

    def end_live(self) -> None:
        self._ended = self.sessions

    def session(self, number: int) -> dict[str, Any]:
        started = self.epoch + datetime.timedelta(seconds=number * self.spacing)
        live = self.is_live(number)
        body: dict[str, Any] = {
            "id": self.session_id(number),
            "associated_id": f"meeting-{number % 97}",
            "created_at": _ts(started),
            "updated_at": _ts(started + datetime.timedelta(minutes=0 if live else 5)),
            "started_at": _ts(started),
            "live_participants": self.participant_count(number) if live else 0,
            "max_concurrent_participants": self.participant_count(number),
            "meeting_display_name": f"Meeting {number % 97}",
            "minutes_consumed": 0.5 * number % 60,
            "organization_id": "app",
            "status": "LIVE" if live else "ENDED",
            "type": "meeting",
            "meta": {"room": number % 7},
        }
        if not live:
            body["ended_at"] = _ts(started + datetime.timedelta(minutes=5))
        if self.extra_field:
            body[self.extra_field] = f"new-{number}"
        return body

    def participant_count(self, number: int) -> int:
        return number % 3 + 1

    def participants(self, number: int) -> list[dict[str, Any]]:
        sid = self.session_id(number)
        started = self.epoch + datetime.timedelta(seconds=number * self.spacing)
        people = []
        for n in range(self.participant_count(number)):
            pid = f"peer-{number:07d}-{n}"
            events = [
                {
                    "id": f"{pid}-e{k}",
                    "event_name": name,
                    "peer_id": pid,
                    "participant_id": pid,
                    "session_id": sid,
                    "minutes_consumed": 1.5 * k,
                    "created_at": _ts(started + datetime.timedelta(seconds=k)),
                }
                for k, name in enumerate(("PEER_CREATED", "PEER_JOINING"))
            ]
            people.append(
                {
                    "id": pid,
                    "user_id": f"user-{n}",
                    "display_name": f"Person {n}",
                    "preset_name": "group_call_host",
                    "created_at": _ts(started),
                    "joined_at": _ts(started),
                    "left_at": None if self.is_live(number) else _ts(started + datetime.timedelta(minutes=5)),
                    "duration": 5.0,
                    "peer_events": events,
                }
            )
        return people

    def number_of(self, session_id: str) -> int | None:
        match = re.fullmatch(r"sess-(\d{7})", session_id)
        number = int(match.group(1)) if match else None
        return number if number is not None and number < self.sessions else None

    def peer_report(self, peer_id: str) -> dict[str, Any] | None:
        match = re.fullmatch(r"peer-(\d{7})-(\d)", peer_id)
        if not match or int(match.group(1)) >= self.sessions:
            return None
        number, n = int(match.group(1)), int(match.group(2))
        started = self.epoch + datetime.timedelta(seconds=number * self.spacing)
        mos = 3.0 + (number * 7 + n) % 20 / 10  # 3.0 .. 4.9
        quality: dict[str, Any] = {}
        for kind in KINDS:
            quality[kind] = [
                {
                    "timestamp": _ts(started + datetime.timedelta(seconds=30 * k)),
                    "mos_quality": mos,
                    "packets_lost": k,
                    "jitter": 0.01 * k,
                }
                for k in range(3)
            ]
        quality["audio_consumer_cumulative"] = {
            "quality_mos": {"avg": mos, "p50": mos, "p90": mos},
            "packet_loss": {"avg": 0.5},
        }
        return {
            "id": peer_id,
            "session_id": self.session_id(number),
            "display_name": f"Person {n}",
            "role": "group_call_host",
            "duration": 5.0,
            "peer_report": {
                "metadata": {"sdk_name": "web-core", "sdk_version": "1.2.3", "device_info": {"os": "Linux", "cpus": 8}},
                "quality": quality,
            },
        }

    # ---- Serving ----

    def admit(self) -> tuple[int, dict[str, str]] | None:
        """Counts a request; a 429 (status, headers) when the server's limit or an injected failure says so."""
        with self._lock:
            self.requests += 1
            number = self.requests
            now = time.monotonic()
            headers: dict[str, str] = {}
            if self.quota is not None:
                while self._times and self._times[0] <= now - self.window:
                    self._times.popleft()
                reset = int(self._times[0] + self.window - now) + 1 if self._times else int(self.window)
                headers["Ratelimit-Policy"] = f'"default";q={self.quota};w={int(self.window)}'
                if len(self._times) >= self.quota:
                    self.answered_429 += 1
                    headers["Ratelimit"] = f'"default";r=0;t={reset}'
                    headers["Retry-After"] = str(reset)
                    return 429, headers
                self._times.append(now)
                headers["Ratelimit"] = f'"default";r={self.quota - len(self._times)};t={reset}'
            if number in self.fail_requests:
                self.answered_429 += 1
                return 429, {**headers, "Retry-After": f"{self.retry_after:g}"}
            return None if not headers else (200, headers)


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out in two writes: no 40 ms delayed-ACK stall

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _send(self, status: int, body: Any, headers: dict[str, str] | None = None, raw: bytes | None = None) -> None:
        data = raw if raw is not None else json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json" if raw is None else "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:
        api = self.server.api
        url = urlsplit(self.path)
        query = {k: v[0] for k, v in parse_qs(url.query).items()}
        for name, pattern in ROUTES:
            match = pattern.match(url.path)
            if match:
                break
        else:
            return self._send(404, {"success": False, "error": {"code": 404, "message": "no such path"}})
        if api.latency:
            time.sleep(api.latency)
        if name == "file":
            return self._file(match["kind"], match["sid"])
        api.counts[name] += 1
        verdict = api.admit()
        headers = verdict[1] if verdict else {}
        if verdict and verdict[0] == 429:
            return self._send(429, {"success": False, "errors": [{"code": 10429, "message": "rate limited"}]}, headers)
        base = f"http://{self.headers['Host']}"
        if name == "sessions":
            return self._sessions(query, headers)
        if name == "peer_report":
            report = api.peer_report(match["peer"])
            if report is None:
                return self._send(404, {"success": False, "error": {"code": 404, "message": "peer not found"}}, headers)
            return self._send(200, {"success": True, "data": {"participant": report}}, headers)
        number = api.number_of(match["sid"])
        if number is None:
            return self._send(404, {"success": False, "error": {"code": 404, "message": "session not found"}}, headers)
        sid = match["sid"]
        expiry = _ts(datetime.datetime.now(datetime.UTC) + datetime.timedelta(hours=1))
        if name == "session":
            return self._send(200, {"success": True, "data": api.session(number)}, headers)
        if name == "participants":
            return self._page(api.participants(number), query, headers, "participants")
        if api.is_live(number):
            return self._send(404, {"success": False, "error": {"code": 404, "message": "not ready"}}, headers)
        if name == "chat":
            data = {"chat_download_url": f"{base}/files/chat/{sid}", "chat_download_url_expiry": expiry}
        elif name == "transcript":
            data = {
                "sessionId": sid,
                "transcript_download_url": f"{base}/files/transcript/{sid}",
                "transcript_download_url_expiry": expiry,
            }
        else:
            data = {
                "sessionId": sid,
                "summaryDownloadUrl": f"{base}/files/summary/{sid}",
                "summaryDownloadUrlExpiry": expiry,
            }
        return self._send(200, {"success": True, "data": data}, headers)

    def _file(self, kind: str, sid: str) -> None:
        number = self.server.api.number_of(sid) or 0
        started = self.server.api.epoch + datetime.timedelta(seconds=number * self.server.api.spacing)
        if kind == "chat":
            rows = ["id,participantId,sessionId,meetingId,displayName,pinned,isEdited,payloadType,payload,createdAt"]
            for k in range(number % 3 + 1):
                rows.append(
                    f"m{k},peer-{number:07d}-0,{sid},meeting,Person 0,false,false,TEXT_MESSAGE,hello {k},{_ts(started + datetime.timedelta(seconds=k))}"
                )
            text = "\n".join(rows) + "\n"
        elif kind == "transcript":
            text = "".join(f"{1000 * k},peer-{number:07d}-0,user-0,,Person 0,line {k}\n" for k in range(2))
        else:
            text = f"# Summary of {sid}\nThey talked.\n"
        self._send(200, None, raw=text.encode())

    def _sessions(self, query: dict[str, str], headers: dict[str, str]) -> None:
        api = self.server.api
        start = query.get("start_time")
        first = 0
        if start:
            moment = datetime.datetime.fromisoformat(start)
            first = max(0, int(-(-(moment - api.epoch).total_seconds() // api.spacing)))
        numbers = range(first, api.sessions)
        page_no = int(query.get("page_no", 1))
        per_page = min(int(query.get("per_page", 20)), api.per_page_cap)
        chosen = numbers[(page_no - 1) * per_page : page_no * per_page]
        body = {
            "success": True,
            "data": {"sessions": [api.session(n) for n in chosen]},
            "paging": {
                "start_offset": (page_no - 1) * per_page + 1,
                "end_offset": (page_no - 1) * per_page + len(chosen),
                "total_count": len(numbers),
            },
        }
        self._send(200, body, headers)

    def _page(self, items: list[Any], query: dict[str, str], headers: dict[str, str], key: str) -> None:
        page_no = int(query.get("page_no", 1))
        per_page = min(int(query.get("per_page", 20)), self.server.api.per_page_cap)
        chosen = items[(page_no - 1) * per_page : page_no * per_page]
        paging = {
            "start_offset": (page_no - 1) * per_page + 1,
            "end_offset": (page_no - 1) * per_page + len(chosen),
            "total_count": len(items),
        }
        self._send(200, {"success": True, "data": {key: chosen, "paging": paging}}, headers)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    api: FakeAPI


class Running:
    """A FakeAPI served on 127.0.0.1 in a thread: `base_url`, `api`, `stop()`."""

    def __init__(self, api: FakeAPI, port: int = 0) -> None:
        self.api = api
        self.httpd = _Server(("127.0.0.1", port), _Handler)
        self.httpd.api = api
        self.base_url = f"http://127.0.0.1:{self.httpd.server_address[1]}/client/v4"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8788)
    parser.add_argument("--sessions", type=int, default=500)
    parser.add_argument("--per-page-cap", type=int, default=50)
    parser.add_argument("--latency", type=float, default=0.0)
    parser.add_argument("--quota", type=int)
    parser.add_argument("--window", type=float, default=300.0)
    args = parser.parse_args()
    running = Running(
        FakeAPI(
            sessions=args.sessions,
            per_page_cap=args.per_page_cap,
            latency=args.latency,
            quota=args.quota,
            window=args.window,
        ),
        args.port,
    )
    print(running.base_url, flush=True)
    try:
        running.thread.join()
    except KeyboardInterrupt:
        running.stop()


if __name__ == "__main__":
    main()
