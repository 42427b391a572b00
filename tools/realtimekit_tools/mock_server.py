"""The local mock of the RealtimeKit Sessions API: every operation, over a believable data set, with its own
download links, and faults on request.

    make mock                                  # 127.0.0.1:8787, prints the `export ...` lines to paste
    python -m realtimekit_tools.mock_server --sessions 5000 --per-page-cap 100 --latency 0.05 --rate-limit-every 50

As a library:

    from realtimekit_tools.mock_server import MockOptions, running

    with running(MockOptions(sessions=5000, seed=7, max_per_page=100)) as mock:
        mock.api_url         # http://127.0.0.1:<port>/client/v4, for CLOUDFLARE_BASE_URL or base_url=
        mock.env()           # the four environment variables the client and the CLI read
        mock.data            # the DataSet it answers from (realtimekit_tools.mock_data)
        mock.fail_next(503, times=2)   # the next two API requests get a 503
        mock.fail_next(429, retry_after=300, operation_id="get_session_participants")  # the next one of those
        mock.request_count   # API requests answered so far

What it answers (the data set is described in realtimekit_tools.mock_data):

- Routes come from the path templates and methods of openapi/realtimekit-sessions.yaml, under `/client/v4` (or
  with no prefix). A request needs `Authorization: Bearer <token>` (any token, or exactly `MockOptions.token`
  when set), else the operation's 401 example, Cloudflare's `errors[]` envelope. Any account and app id is
  accepted and sees the same data set.
- Query values are checked against the spec (enums, integers, booleans, date-times): a bad one gets a 400 in
  RealtimeKit's `{success: false, error: {code, message}}` envelope. An unknown session, participant or peer
  gets a 404 in the same envelope, as does an unknown path.
- get_sessions honours status, search (title, meeting id, session id), start_time/end_time (on created_at),
  associated_id, participants (the peak participant count: `N` or `>=N` at least N, `<=N`, `>N`, `<N`,
  `=N`, `N-M`), sort_by/sort_order (newest first by default) and page_no (from 1) / per_page (default 20),
  answering `paging` with start_offset, end_offset and total_count. get_session_participants honours search,
  sort_by/sort_order (joining order by default), view (`consolidated` adds breakout-room time), page_no /
  per_page and include_peer_events; the peer report honours filters and include_peer_events.
- The chat, transcript and summary links point at this same server (`/files/...`), signed S3-style with
  `X-Amz-Date` and `X-Amz-Expires` (`link_ttl`, an hour by default); an expired link gets S3's 403 "Request has
  expired", which the client's download replaces with a fresh link. Files: the chat CSV with RealtimeKit's
  header row, the transcript as headerless CSV, JSON, SRT or VTT, the summary as text.

Options (`MockOptions`, and the same as flags of the program): `sessions` and `seed` (the data set's size and
seed), `latency` (seconds before each API answer), `max_per_page` (a larger per_page is cut to it, as servers
do), `error_rate` / `error_every` with `error_status` (500 by default; 520-527 answer Cloudflare's HTML page),
`rate_limit_rate` / `rate_limit_every` with `retry_after` (seconds, 1 by default; 300 is Cloudflare's
five-minute block), `extra_session_field` (a field the spec does not know on every session, as when the API
grows), `link_ttl` and `token`; `quota` / `window` (Cloudflare's rate limit: Ratelimit headers on every API
answer, 429 with Retry-After past the quota) and `now` (dates relative to it, so files are within their 7 days).
Faults and latency apply to API requests, not to file downloads.

While it runs, the data set can change, as the API's does between two incremental loads: `add_sessions(n)`,
`end_live()`, `add_session_field(name)`. `requests_by_operation`, `rate_limited_count` and `most_in_window`
(the most API requests the quota's window held) say what it was asked.

Given explicit `routes` (see `load_routes`), the server instead answers each operation with that route's body
for any ids, the spec's example ids replaced by the ones asked for: the scripted mode some tests use.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import copy
import datetime
import functools
import itertools
import json
import math
import random
import re
import sys
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

from .local_server import LocalServer
from .mock_data import ACCOUNT_ID, APP_ID, DataSet, SessionRecord, parse_time
from .routes import Route, RouteTable, route_table
from .spec import Spec, load_spec, resolve, server_base_path


@dataclass(frozen=True)
class MockRoute:
    """A route of the spec with what the mock answers on it."""

    route: Route
    # Path parameter name -> the example value the spec gives it (to spot ids inside example bodies).
    example_ids: dict[str, str]
    success_body: Any
    unauthorized_body: Any

    @property
    def operation_id(self) -> str:
        return self.route.operation_id


def json_example(spec: Spec, response: Any) -> Any:
    """The application/json example of a response object: `example`, else the first of `examples`."""
    media = resolve(spec, response)["content"]["application/json"]
    if "example" in media:
        return media["example"]
    first = next(iter(media["examples"].values()))
    return resolve(spec, first)["value"]


def _example_ids(route: Route) -> dict[str, str]:
    return {
        name: parameter["example"]
        for name, parameter in route.parameters.items()
        if parameter.get("in") == "path" and isinstance(parameter.get("example"), str)
    }


def load_routes(spec_path: Path | None = None) -> list[MockRoute]:
    spec = load_spec(spec_path)
    unauthorized_default = json_example(spec, {"$ref": "#/components/responses/Unauthorized"})
    routes = []
    for route in route_table(spec).values():
        responses = route.node["responses"]
        routes.append(
            MockRoute(
                route=route,
                example_ids=_example_ids(route),
                success_body=json_example(spec, responses["200"]),
                unauthorized_body=json_example(spec, responses["401"]) if "401" in responses else unauthorized_default,
            )
        )
    return routes


def success_bodies(spec_path: Path | None = None) -> dict[str, Any]:
    """Operation id -> the spec's example of its 200 body (fresh copies)."""
    return {route.operation_id: copy.deepcopy(route.success_body) for route in load_routes(spec_path)}


def base_path(spec_path: Path | None = None) -> str:
    """The path part of the spec's first server URL ("/client/v4"), also accepted as a prefix."""
    return server_base_path(load_spec(spec_path))


def _substitute(value: Any, replacements: dict[str, str]) -> Any:
    """Replace example ids with requested ones in every string of a JSON value (URLs embed the session id)."""
    if isinstance(value, str):
        for old, new in replacements.items():
            value = value.replace(old, new)
        return value
    if isinstance(value, list):
        return [_substitute(item, replacements) for item in value]
    if isinstance(value, dict):
        return {key: _substitute(item, replacements) for key, item in value.items()}
    return value


def _error(status: HTTPStatus | int, message: str) -> dict[str, Any]:
    """RealtimeKit's own error envelope, as its API answers for unknown resources."""
    return {"success": False, "error": {"code": int(status), "message": message}}


def _cloudflare_error(code: int, message: str) -> dict[str, Any]:
    """Cloudflare's v4 envelope, as its API gateway answers (authentication, rate limits)."""
    return {"success": False, "errors": [{"code": code, "message": message}], "messages": [], "result": None}


DEFAULT_PORT = 8787
DEFAULT_TOKEN = "mock-token"
DEFAULT_PER_PAGE = 20


@dataclass(frozen=True)
class MockOptions:
    """What the mock serves and how it misbehaves. Every field has a flag of the same name in `main()`."""

    # The data set: how many sessions (at least 2), from which seed.
    sessions: int = 300
    seed: int = 0
    # Seconds to wait before each API answer.
    latency: float = 0.0
    # A per_page above this is cut to it (None: no cap).
    max_per_page: int | None = None
    # Server errors: a fraction of API requests (drawn from `seed`), and/or every Nth; with this status.
    error_rate: float = 0.0
    error_every: int = 0
    error_status: int = 500
    # 429s with Retry-After: a fraction of API requests, and/or every Nth; Retry-After in seconds.
    rate_limit_rate: float = 0.0
    rate_limit_every: int = 0
    retry_after: float = 1
    # A field the spec does not know, added to every session (the API growing); None for none.
    extra_session_field: str | None = None
    # How long a download link lives, in seconds.
    link_ttl: int = 3600
    # Cloudflare's rate limit: at most `quota` API requests in any `window` seconds; past it a 429 with
    # Retry-After (until the oldest request counted leaves the window). With a quota, every API answer carries
    # `Ratelimit-Policy: "default";q=<quota>;w=<window>` and `Ratelimit: "default";r=<remaining>;t=<reset>`.
    quota: int | None = None
    window: float = 300.0
    # The data set's dates move so that its newest session ended an hour before `now` (chats, transcripts and
    # summaries of the last week then fall within their 7-day life); None keeps the fixed dates of early 2025.
    now: datetime.datetime | None = None
    # At most this many participants in a generated session (None: 1 to 52, livestreams the most); a smaller
    # data set of as many sessions, for loads where the number of sessions is the point.
    max_participants: int | None = None
    # The one token accepted (None: any non-empty bearer token).
    token: str | None = None

    def __post_init__(self) -> None:
        if self.sessions < 2:
            raise ValueError("sessions must be at least 2")
        for name in ("error_rate", "rate_limit_rate"):
            if not 0 <= getattr(self, name) <= 1:
                raise ValueError(f"{name} must be between 0 and 1")
        if not 400 <= self.error_status <= 599:
            raise ValueError("error_status must be a 4xx or 5xx status")
        if self.max_per_page is not None and self.max_per_page < 1:
            raise ValueError("max_per_page must be at least 1")
        if self.quota is not None and self.quota < 1:
            raise ValueError("quota must be at least 1")
        if not self.window > 0:
            raise ValueError("window must be more than 0 seconds")
        if self.max_participants is not None and self.max_participants < 1:
            raise ValueError("max_participants must be at least 1")


@dataclass(frozen=True)
class Fault:
    """One answer the mock gives instead of the real one: a status, with Retry-After for a 429."""

    status: int
    retry_after: float | None = None
    # Only a request to this operation takes the fault (None: any API request).
    operation_id: str | None = None


class MockServer(LocalServer):
    thread_name = "realtimekit-mock"

    def __init__(
        self,
        address: tuple[str, int],
        routes: list[MockRoute] | None = None,
        prefix: str | None = None,
        log_requests: bool = False,
        options: MockOptions | None = None,
    ) -> None:
        super().__init__(address, _Handler)
        # Explicit routes: the scripted mode (each route's body for any ids), else the data set.
        self.scripted = routes is not None
        self.routes: Mapping[str, MockRoute] = {r.operation_id: r for r in (routes or load_routes())}
        self.table = RouteTable([route.route for route in self.routes.values()])
        self.prefix = base_path() if prefix is None else prefix
        self.log_requests = log_requests
        self.options = options or MockOptions()
        examples = {operation_id: copy.deepcopy(route.success_body) for operation_id, route in self.routes.items()}
        self._data: DataSet | None = None
        self._examples = examples
        self._ray_ids = itertools.count(1)
        self._lock = threading.Lock()
        self._faults: collections.deque[Fault] = collections.deque()
        self._random = random.Random(f"{self.options.seed}/faults")
        self.request_count = 0
        # API requests answered per operation, and how many were answered 429 (queued, random or over quota).
        self.requests_by_operation: collections.Counter[str] = collections.Counter()
        self.rate_limited_count = 0
        # The quota's window: when each request it counted arrived (time.monotonic()), and the most it held.
        self._window: collections.deque[float] = collections.deque()
        self.most_in_window = 0

    @property
    def data(self) -> DataSet:
        """The data set answered from, built on first use."""
        with self._lock:
            if self._data is None:
                self._data = DataSet(
                    self.options.sessions,
                    self.options.seed,
                    self.options.extra_session_field,
                    self._examples,
                    now=self.options.now,
                    max_participants=self.options.max_participants,
                )
            return self._data

    # ---- changing the data set while it is served (incremental loads) ----

    def add_sessions(self, count: int) -> list[SessionRecord]:
        """`count` new ENDED sessions, newer than all others, listed from now on (`DataSet.add_sessions`)."""
        return self.data.add_sessions(count)

    def end_live(self) -> list[str]:
        """End every LIVE session: ENDED with `ended_at`, their participants left; returns their ids."""
        return self.data.end_live()

    def add_session_field(self, name: str) -> None:
        """From now on every session carries `name`, a field the spec does not know (the API growing)."""
        self.data.add_session_field(name)

    @property
    def base_url(self) -> str:
        host, port = self.socket.getsockname()[:2]
        return f"http://{host}:{port}"

    @property
    def api_url(self) -> str:
        """The base URL for the client and the CLI (CLOUDFLARE_BASE_URL): the spec's base path on this server."""
        return self.base_url + self.prefix

    def env(self) -> dict[str, str]:
        """The environment variables the client and the CLI read, pointing at this server."""
        return {
            "CLOUDFLARE_BASE_URL": self.api_url,
            "CLOUDFLARE_API_TOKEN": self.options.token or DEFAULT_TOKEN,
            "CLOUDFLARE_ACCOUNT_ID": ACCOUNT_ID,
            "REALTIMEKIT_APP_ID": APP_ID,
        }

    def export_lines(self) -> str:
        """The `export ...` line to paste into a shell."""
        return "export " + " ".join(f"{name}={value}" for name, value in self.env().items())

    def fail_next(
        self, status: int, times: int = 1, retry_after: float | None = None, operation_id: str | None = None
    ) -> None:
        """Answer the next `times` API requests (to `operation_id` only, if given) with `status`; a 429 carries
        Retry-After: `retry_after`, else the options' `retry_after`."""
        if status == 429 and retry_after is None:
            retry_after = self.options.retry_after
        if operation_id is not None and operation_id not in self.routes:
            raise ValueError(f"operation {operation_id!r} is not in the spec")
        with self._lock:
            self._faults.extend(Fault(status, retry_after, operation_id) for _ in range(times))

    def next_fault(self, operation_id: str | None = None) -> Fault | None:
        """Count an API request and decide whether it fails: queued faults first, then the options."""
        return self.admit(operation_id)[0]

    def admit(self, operation_id: str | None = None) -> tuple[Fault | None, dict[str, str]]:
        """Count an API request and decide whether it fails: over the quota first, then queued faults, then the
        options. Also the Ratelimit headers of its answer (none without a quota)."""
        options = self.options
        with self._lock:
            self.request_count += 1
            number = self.request_count
            if operation_id is not None:
                self.requests_by_operation[operation_id] += 1
            headers: dict[str, str] = {}
            fault: Fault | None = None
            if options.quota is not None:
                fault, headers = self._count_in_window(options.quota, options.window)
            if fault is None:
                fault = self._chosen_fault(number, operation_id)
            if fault is not None and fault.status == 429:
                self.rate_limited_count += 1
            return fault, headers

    def _count_in_window(self, quota: int, window: float) -> tuple[Fault | None, dict[str, str]]:
        """The quota's sliding window (the lock held): a 429 past it, and the Ratelimit headers either way."""
        now = time.monotonic()
        while self._window and self._window[0] <= now - window:
            self._window.popleft()
        full = len(self._window) >= quota
        if not full:
            self._window.append(now)
            self.most_in_window = max(self.most_in_window, len(self._window))
        # Seconds until the oldest request counted leaves the window (whole seconds, rounded up, as Cloudflare).
        reset = max(1, math.ceil(self._window[0] + window - now)) if self._window else math.ceil(window)
        headers = {
            "Ratelimit-Policy": f'"default";q={quota};w={window:g}',
            "Ratelimit": f'"default";r={quota - len(self._window)};t={reset}',
        }
        return (Fault(429, reset) if full else None), headers

    def _chosen_fault(self, number: int, operation_id: str | None) -> Fault | None:
        options = self.options
        for fault in self._faults:
            if fault.operation_id in (None, operation_id):
                self._faults.remove(fault)
                return fault
        if (options.rate_limit_every and number % options.rate_limit_every == 0) or (
            options.rate_limit_rate and self._random.random() < options.rate_limit_rate
        ):
            return Fault(429, options.retry_after)
        if (options.error_every and number % options.error_every == 0) or (
            options.error_rate and self._random.random() < options.error_rate
        ):
            return Fault(options.error_status)
        return None

    def next_ray_id(self) -> str:
        return f"{next(self._ray_ids):016x}-MOCK"


class BadQuery(ValueError):
    """A query value the spec does not allow: answered with a 400."""


@functools.cache
def _spec() -> Spec:
    """The repository's spec, found once (load_spec resolves its path on every call)."""
    return load_spec()


def _query(route: Route, raw: str) -> dict[str, Any]:
    """The query of a request, checked and converted by the spec's parameter schemas (unknown names dropped)."""
    spec = _spec()
    known = route.query_parameters()
    values: dict[str, Any] = {}
    for name, text in parse_qsl(raw, keep_blank_values=True):
        if name not in known:
            continue
        schema = resolve(spec, known[name].get("schema", {}))
        values[name] = _convert(spec, name, text, schema)
    return values


def _convert(spec: Spec, name: str, text: str, schema: Mapping[str, Any]) -> Any:
    if "enum" in schema and text not in schema["enum"]:
        raise BadQuery(f"Invalid query parameter: {name} must be one of {', '.join(map(str, schema['enum']))}")
    kind = schema.get("type")
    if kind == "integer":
        if not re.fullmatch(r"-?\d+", text):
            raise BadQuery(f"Invalid query parameter: {name} must be a number")
        number = int(text)
        if "minimum" in schema and number < schema["minimum"]:
            raise BadQuery(f"Invalid query parameter: {name} must be at least {schema['minimum']}")
        return number
    if kind == "boolean":
        if text not in ("true", "false"):
            raise BadQuery(f"Invalid query parameter: {name} must be true or false")
        return text == "true"
    if schema.get("format") == "date-time":
        try:
            return parse_time(text)
        except ValueError:
            raise BadQuery(f"Invalid query parameter: {name} must be an ISO 8601 date-time") from None
    if "maxLength" in schema and len(text) > schema["maxLength"]:
        raise BadQuery(f"Invalid query parameter: {name} is longer than {schema['maxLength']} characters")
    return text


_COUNT_FILTER = re.compile(r"^\s*(>=|<=|>|<|=)?\s*(\d+)\s*(?:-\s*(\d+))?\s*$")


def _count_filter(text: str) -> Any:
    """The `participants` filter as the mock reads it: a test on the peak participant count."""
    found = _COUNT_FILTER.match(text)
    if found is None:
        raise BadQuery("Invalid query parameter: participants must be N, >=N, <=N, >N, <N, =N or N-M")
    operator, low, high = found.group(1) or ">=", int(found.group(2)), found.group(3)
    if high is not None:
        return lambda count: low <= count <= int(high)
    return {
        ">=": lambda count: count >= low,
        "<=": lambda count: count <= low,
        ">": lambda count: count > low,
        "<": lambda count: count < low,
        "=": lambda count: count == low,
    }[operator]


def _page(server: MockServer, items: Sequence[Any], query: Mapping[str, Any]) -> tuple[list[Any], dict[str, Any]]:
    """One page of `items` (page_no from 1, per_page capped) with its paging object."""
    per_page = query.get("per_page") or DEFAULT_PER_PAGE
    if server.options.max_per_page is not None:
        per_page = min(per_page, server.options.max_per_page)
    page_no = max(1, query.get("page_no") or 1)
    first = (page_no - 1) * per_page
    page = list(items[first : first + per_page])
    if not page:
        return page, {"start_offset": 0, "end_offset": 0, "total_count": len(items)}
    return page, {"start_offset": first + 1, "end_offset": first + len(page), "total_count": len(items)}


class _Handler(BaseHTTPRequestHandler):
    server: MockServer
    protocol_version = "HTTP/1.1"
    # Headers and body go out in separate writes; without this, Nagle's algorithm holds the body back ~40 ms.
    disable_nagle_algorithm = True

    # The Ratelimit headers of the API answer being sent (none for files, or without a quota).
    _rate_headers: dict[str, str] = {}  # noqa: RUF012 - replaced per request, never changed in place

    def _dispatch(self) -> None:
        self._rate_headers = {}
        # Drain any body so that the kept-alive connection stays in step; no operation reads one.
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)

        parts = urlsplit(self.path)
        path = parts.path
        if not self.server.scripted and path.startswith("/files/"):
            self._file(path, parts.query)
            return
        if self.server.prefix and (path == self.server.prefix or path.startswith(self.server.prefix + "/")):
            path = path[len(self.server.prefix) :]

        matches = self.server.table.candidates(path)
        if not matches:
            self._send(HTTPStatus.NOT_FOUND, _error(HTTPStatus.NOT_FOUND, f"No route for {self.command} {path}"))
            return
        for_method = [(route, values) for route, values in matches if route.method == self.command]
        if not for_method:
            allowed = ", ".join(sorted({route.method for route, _ in matches}))
            self._send(
                HTTPStatus.METHOD_NOT_ALLOWED,
                _error(HTTPStatus.METHOD_NOT_ALLOWED, f"{self.command} is not allowed here; use {allowed}"),
                extra_headers={"Allow": allowed},
            )
            return
        matched, requested = for_method[0]
        route = self.server.routes[matched.operation_id]

        if self.server.scripted:
            if not self._authorized(route):
                return
            replacements = {
                example: requested[name]
                for name, example in route.example_ids.items()
                if name in requested and requested[name] != example
            }
            self._send(HTTPStatus.OK, _substitute(copy.deepcopy(route.success_body), replacements))
            return

        options = self.server.options
        if options.latency:
            time.sleep(options.latency)
        fault, self._rate_headers = self.server.admit(route.operation_id)
        if fault is not None:
            self._fault(fault)
            return
        if not self._authorized(route):
            return
        try:
            query = _query(route.route, parts.query)
            status, body = _answer(self.server, route.operation_id, requested, query, self._host())
        except BadQuery as error:
            status, body = HTTPStatus.BAD_REQUEST, _error(HTTPStatus.BAD_REQUEST, str(error))
        self._send(status, body)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _dispatch

    def _authorized(self, route: MockRoute) -> bool:
        scheme, _, token = (self.headers.get("Authorization") or "").partition(" ")
        wanted = self.server.options.token
        if scheme.lower() != "bearer" or not token.strip() or (wanted is not None and token.strip() != wanted):
            self._send(HTTPStatus.UNAUTHORIZED, route.unauthorized_body)
            return False
        return True

    def _host(self) -> str:
        """scheme://host:port as the client reached this server, for the download links."""
        return "http://" + (self.headers.get("Host") or self.server.base_url.removeprefix("http://"))

    def _fault(self, fault: Fault) -> None:
        if fault.status == 429:
            retry_after = fault.retry_after if fault.retry_after is not None else self.server.options.retry_after
            text = str(int(retry_after)) if float(retry_after).is_integer() else str(retry_after)
            body = _cloudflare_error(971, "Please wait and consider throttling your request speed")
            self._send(429, body, extra_headers={"Retry-After": text})
        elif 520 <= fault.status <= 527:
            ray = self.server.next_ray_id()
            page = (
                f"<!DOCTYPE html>\n<html><head><title>api.cloudflare.com | {fault.status}</title></head>\n"
                f"<body><h1>Error {fault.status}</h1><p>Cloudflare Ray ID: <strong>{ray}</strong></p></body></html>\n"
            )
            self._send_bytes(fault.status, page.encode(), "text/html; charset=UTF-8", {"cf-ray": ray})
        else:
            phrase = HTTPStatus(fault.status).phrase if fault.status in HTTPStatus._value2member_map_ else "Error"
            self._send(fault.status, _error(fault.status, f"{phrase} (injected by the mock)"))

    def _file(self, path: str, raw_query: str) -> None:
        query = dict(parse_qsl(raw_query))
        try:
            signed = datetime.datetime.strptime(query["X-Amz-Date"], "%Y%m%dT%H%M%SZ").replace(tzinfo=datetime.UTC)
            expires = signed + datetime.timedelta(seconds=int(query["X-Amz-Expires"]))
        except (KeyError, ValueError):
            self._send_bytes(403, _s3_error("AccessDenied", "Query-string authentication requires a signature"))
            return
        if expires <= datetime.datetime.now(datetime.UTC):
            self._send_bytes(403, _s3_error("AccessDenied", "Request has expired"))
            return
        found = re.fullmatch(r"/files/(chat|transcripts|summaries)/([^/]+)\.(csv|json|srt|vtt|txt)", path)
        data = self.server.data
        record = data.record(found.group(2)) if found else None
        if found is None or record is None:
            self._send_bytes(404, _s3_error("NoSuchKey", "The specified key does not exist."))
            return
        kind, extension = found.group(1), found.group(3)
        if kind == "chat":
            self._send_bytes(200, data.chat_csv(record).encode(), "text/csv")
        elif kind == "transcripts":
            types = {"csv": "text/csv", "json": "application/json", "srt": "application/x-subrip", "vtt": "text/vtt"}
            self._send_bytes(200, data.transcript(record, extension).encode(), types.get(extension, "text/plain"))
        else:
            self._send_bytes(200, data.summary(record).encode(), "text/plain; charset=utf-8")

    def _send(self, status: HTTPStatus | int, body: Any, extra_headers: dict[str, str] | None = None) -> None:
        self._send_bytes(status, json.dumps(body).encode("utf-8"), "application/json", extra_headers)

    def _send_bytes(
        self,
        status: HTTPStatus | int,
        payload: bytes,
        content_type: str = "application/xml",
        extra_headers: dict[str, str] | None = None,
    ) -> None:
        headers = {**self._rate_headers, **(extra_headers or {})}
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(payload)))
        self.send_header("cf-ray", headers.pop("cf-ray", "") or self.server.next_ray_id())
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(payload)

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        # Method, path and status only: request headers (the Authorization header above all) are never logged.
        if self.server.log_requests:
            sys.stderr.write(f"{self.command} {urlsplit(self.path).path} -> {code}\n")

    def log_message(self, format: str, *args: Any) -> None:
        if self.server.log_requests:
            sys.stderr.write(f"mock server: {format % args}\n")


def _s3_error(code: str, message: str) -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>{code}</Code><Message>{message}</Message></Error>\n'
    ).encode()


# ---- the operations over the data set --------------------------------------------------------------------------


def _ok(data: Any, **extra: Any) -> dict[str, Any]:
    return {"success": True, "data": data, **extra}


def _not_found(what: str) -> tuple[int, dict[str, Any]]:
    return 404, _error(404, f"{what} not found")


def _answer(
    server: MockServer, operation_id: str, path: Mapping[str, str], query: Mapping[str, Any], host: str
) -> tuple[int, Any]:
    data = server.data
    if operation_id == "get_sessions":
        return 200, _list_sessions(server, query)
    if operation_id == "get_participant_data_from_peer_id":
        report = data.peer_report(path["peer_id"])
        if report is None:
            return _not_found("Peer")
        return 200, _ok({"participant": _filter_report(server, report, path["peer_id"], query)})
    record = data.record(path["session_id"])
    if record is None:
        return _not_found("Session")
    if operation_id == "get_session_details":
        body = copy.deepcopy(record.body)
        if query.get("include_breakout_rooms"):
            body["breakout_rooms"] = data.breakout_rooms(record)
        return 200, _ok(body)
    if operation_id == "get_session_participants":
        return 200, _ok(_list_participants(server, record, query))
    if operation_id == "get_session_participant_details":
        found = data.find_participant(path["participant_id"])
        if found is None or found[0] is not record:
            return _not_found("Participant")
        _, position, participant = found
        if query.get("include_peer_events"):
            participant["peer_events"] = data.peer_events(record, position, participant)
        return 200, _ok({"participant": participant})
    if operation_id == "generate_summary_of_transcripts":
        return 200, _ok({"session_id": record.id, "status": "PENDING"})
    links = {
        "get_session_chat": ("chat", "csv", "chat_download_url", "chat_download_url_expiry", False),
        "get_session_transcripts": (
            "transcripts",
            str(query.get("format", "CSV")).lower(),
            "transcript_download_url",
            "transcript_download_url_expiry",
            True,
        ),
        "get_session_summary": ("summaries", "txt", "summaryDownloadUrl", "summaryDownloadUrlExpiry", True),
    }
    kind, extension, url_key, expiry_key, with_id = links[operation_id]
    now = datetime.datetime.now(datetime.UTC).replace(microsecond=0)
    ttl = server.options.link_ttl
    signature = urlencode(
        {"X-Amz-Date": now.strftime("%Y%m%dT%H%M%SZ"), "X-Amz-Expires": str(ttl), "X-Amz-Signature": "mock"}
    )
    answer: dict[str, Any] = {}
    if with_id:
        answer["sessionId"] = record.id
    answer[url_key] = f"{host}/files/{kind}/{record.id}.{extension}?{signature}"
    answer[expiry_key] = (now + datetime.timedelta(seconds=ttl)).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    return 200, _ok(answer)


def _list_sessions(server: MockServer, query: Mapping[str, Any]) -> dict[str, Any]:
    data = server.data
    key = "minutes_consumed" if query.get("sort_by") == "minutesConsumed" else "created_at"
    descending = query.get("sort_order", "DESC") == "DESC"  # newest first unless sorted otherwise
    records: Sequence[SessionRecord]
    if key == "created_at":
        # The data set is in starting order: the time filters are a range of it, and nothing else is built.
        first = data.first_started_at_or_after(query["start_time"]) if "start_time" in query else 0
        last = data.first_started_after(query["end_time"]) if "end_time" in query else len(data.records)
        records = data.records[first : max(first, last)]
        if descending:
            records = records[::-1]
    else:
        records = data.ordered(key, descending)
        if "start_time" in query:
            records = [r for r in records if r.started >= query["start_time"]]
        if "end_time" in query:
            records = [r for r in records if r.started <= query["end_time"]]
    if "status" in query:
        records = [r for r in records if r.body["status"] == query["status"]]
    if query.get("associated_id"):
        records = [r for r in records if r.body["associated_id"] == query["associated_id"]]
    if query.get("search"):
        needle = query["search"].lower()
        fields = ("meeting_display_name", "associated_id", "id")
        records = [r for r in records if any(needle in str(r.body[name]).lower() for name in fields)]
    if query.get("participants"):
        test = _count_filter(query["participants"])
        records = [r for r in records if test(r.body["max_concurrent_participants"])]
    page, paging = _page(server, records, query)
    return _ok({"sessions": [copy.deepcopy(record.body) for record in page]}, paging=paging)


def _list_participants(server: MockServer, record: SessionRecord, query: Mapping[str, Any]) -> dict[str, Any]:
    data = server.data
    people = list(enumerate(data.participants(record)))
    if query.get("search"):
        needle = query["search"].lower()
        people = [
            (n, p)
            for n, p in people
            if any(needle in str(p.get(key, "")).lower() for key in ("id", "custom_participant_id", "display_name"))
        ]
    if query.get("view") == "consolidated":
        for position, participant in people:
            if "duration" in participant:
                participant["duration"] = data.consolidated_duration(record, position, participant)
    if "sort_by" in query or "sort_order" in query:
        key = "duration" if query.get("sort_by") == "duration" else "joined_at"
        people.sort(
            key=lambda item: (item[1].get(key) is None, item[1].get(key) or 0),
            reverse=query.get("sort_order") == "DESC",
        )
    page, paging = _page(server, people, query)
    participants = []
    for position, participant in page:
        if query.get("include_peer_events"):
            participant["peer_events"] = data.peer_events(record, position, participant)
        participants.append(participant)
    return {"participants": participants, "paging": paging}


# Which part of the report each filter keeps: as the recordings read the filter names (Cloudflare does not say).
_FILTER_SECTIONS = {
    "device_info": ("metadata", ("device_info",)),
    "ip_information": ("metadata", ("ip_information",)),
    "precall_network_information": ("metadata", ("pc_metadata", "candidate_pairs")),
    "events": ("metadata", ("events",)),
    "quality_stats": ("quality", None),
}


def _filter_report(server: MockServer, report: dict[str, Any], peer_id: str, query: Mapping[str, Any]) -> Any:
    data = server.data
    report = dict(report)
    if query.get("include_peer_events"):
        found = data.find_participant(peer_id)
        if found is not None and "peer_events" not in report:
            record, position, participant = found
            report["peer_events"] = data.peer_events(record, position, participant)
    else:
        report.pop("peer_events", None)
    if "filters" in query and "peer_report" in report:
        section, keys = _FILTER_SECTIONS[query["filters"]]
        part = report["peer_report"].get(section, {})
        report["peer_report"] = {section: part if keys is None else {k: part[k] for k in keys if k in part}}
    return report


# ---- starting it -----------------------------------------------------------------------------------------------


def start(
    port: int = 0, host: str = "127.0.0.1", log_requests: bool = False, options: MockOptions | None = None
) -> tuple[MockServer, str]:
    """Serve in a background thread; returns the server (call `.stop()`) and its base URL (no /client/v4)."""
    server = MockServer((host, port), log_requests=log_requests, options=options)
    server.serve_in_background()
    return server, server.base_url


@contextlib.contextmanager
def running(
    options: MockOptions | None = None, *, port: int = 0, host: str = "127.0.0.1", log_requests: bool = False
) -> Iterator[MockServer]:
    """The mock serving in a background thread for the `with` block; stopped after it."""
    server, _ = start(port, host, log_requests, options)
    try:
        yield server
    finally:
        server.stop()


def options_parser() -> argparse.ArgumentParser:
    defaults = MockOptions()
    parser = argparse.ArgumentParser(
        prog="python -m realtimekit_tools.mock_server",
        description="The local mock of the RealtimeKit Sessions API (`make mock`): every operation over a "
        "deterministic data set, with download links served by itself, and faults on request.",
    )
    add = parser.add_argument
    add("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    add(
        "--port",
        type=int,
        default=DEFAULT_PORT,
        help=f"port to listen on, 0 for any free one (default: {DEFAULT_PORT})",
    )
    add("--sessions", type=int, default=defaults.sessions, help="sessions in the data set (default: %(default)s)")
    add("--seed", type=int, default=defaults.seed, help="seed of the data set and of random faults (default: 0)")
    add("--latency", type=float, default=0.0, metavar="SECONDS", help="wait before each API answer")
    add("--per-page-cap", dest="max_per_page", type=int, default=None, metavar="N", help="cut a larger per_page to N")
    add(
        "--error-rate",
        type=float,
        default=0.0,
        metavar="FRACTION",
        help="answer this fraction of API requests with --error-status",
    )
    add("--error-every", type=int, default=0, metavar="N", help="answer every Nth API request with --error-status")
    add("--error-status", type=int, default=500, help="status of those errors (default: 500; 520-527: an HTML page)")
    add(
        "--rate-limit-rate",
        type=float,
        default=0.0,
        metavar="FRACTION",
        help="answer this fraction of API requests with 429",
    )
    add("--rate-limit-every", type=int, default=0, metavar="N", help="answer every Nth API request with 429")
    add(
        "--retry-after",
        type=float,
        default=1,
        metavar="SECONDS",
        help="Retry-After of the 429s (default: 1; 300 for a long one)",
    )
    add(
        "--extra-session-field",
        default=None,
        metavar="NAME",
        help="add a field the spec does not know to every session",
    )
    add(
        "--link-ttl",
        type=int,
        default=defaults.link_ttl,
        metavar="SECONDS",
        help="how long download links live (default: 3600)",
    )
    add(
        "--quota",
        type=int,
        default=None,
        metavar="N",
        help="Cloudflare's rate limit: at most N API requests per --window, 429 with Retry-After past it, and "
        "Ratelimit / Ratelimit-Policy headers on every API answer (default: none; Cloudflare's is 1200)",
    )
    add(
        "--window",
        type=float,
        default=defaults.window,
        metavar="SECONDS",
        help="the window of --quota (default: 300)",
    )
    add(
        "--now",
        type=_moment,
        default=None,
        metavar="WHEN",
        help="move the data set's dates so its newest session ended an hour before WHEN ('now' or an ISO 8601 "
        "date-time); chats, transcripts and summaries of the last week are then within their 7-day life "
        "(default: the fixed dates of early 2025)",
    )
    add(
        "--max-participants",
        type=int,
        default=None,
        metavar="N",
        help="at most N participants in a generated session (default: 1 to 52, livestreams the most)",
    )
    add("--token", default=None, help="accept only this token (default: any bearer token)")
    add("--quiet", action="store_true", help="do not log each request on stderr")
    return parser


def options_from(args: argparse.Namespace) -> MockOptions:
    return MockOptions(
        sessions=args.sessions,
        seed=args.seed,
        latency=args.latency,
        max_per_page=args.max_per_page,
        error_rate=args.error_rate,
        error_every=args.error_every,
        error_status=args.error_status,
        rate_limit_rate=args.rate_limit_rate,
        rate_limit_every=args.rate_limit_every,
        retry_after=args.retry_after,
        extra_session_field=args.extra_session_field,
        link_ttl=args.link_ttl,
        token=args.token,
        quota=args.quota,
        window=args.window,
        now=args.now,
        max_participants=args.max_participants,
    )


def _moment(text: str) -> datetime.datetime:
    """--now's value: `now`, or an ISO 8601 date-time (UTC when it names no zone)."""
    if text == "now":
        return datetime.datetime.now(datetime.UTC)
    try:
        return parse_time(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not 'now' or an ISO 8601 date-time: {text!r}") from None


def main(argv: list[str] | None = None) -> int:
    parser = options_parser()
    args = parser.parse_args(argv)
    try:
        options = options_from(args)
    except ValueError as error:
        parser.error(str(error))
    try:
        server = MockServer((args.host, args.port), log_requests=not args.quiet, options=options)
    except OSError as error:
        print(f"cannot listen on {args.host}:{args.port}: {error.strerror or error} (try --port 0)", file=sys.stderr)
        return 1
    data = server.data
    print(f"RealtimeKit Sessions mock on {server.api_url}: {len(data.records)} sessions (seed {options.seed})")
    print("Point the client and the CLI at it (any account and app id work; these are the examples'):\n")
    print(f"  {server.export_lines()}\n")
    print(f"The newest session, a long call with peer reports across an hour: {data.long_call.id}")
    print("Ctrl-C to stop.", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
