"""A small local HTTP server that answers RealtimeKit Sessions requests from the spec's own examples.

Routes come from the path templates and methods of openapi/realtimekit-sessions.yaml. A request needs an
`Authorization: Bearer <anything>` header, else it gets the operation's 401 example (Cloudflare's `errors[]`
envelope). A matched request gets the operation's 200 example, with the example ids of the path parameters
replaced by the ids asked for, so that asking for session X returns session X. Unknown paths get a 404 in
RealtimeKit's `error{code,message}` envelope.

As a library: `server, base_url = start()` ... `server.stop()`.
As a program: `python -m realtimekit_tools.mock_server --port 8787`.
"""

from __future__ import annotations

import argparse
import copy
import itertools
import json
import sys
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

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


def _error(status: HTTPStatus, message: str) -> dict[str, Any]:
    """RealtimeKit's own error envelope, as its API answers for unknown resources."""
    return {"success": False, "error": {"code": int(status), "message": message}}


class MockServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(
        self,
        address: tuple[str, int],
        routes: list[MockRoute] | None = None,
        prefix: str | None = None,
        log_requests: bool = False,
    ) -> None:
        super().__init__(address, _Handler)
        self.routes: Mapping[str, MockRoute] = {r.operation_id: r for r in (routes or load_routes())}
        self.table = RouteTable([route.route for route in self.routes.values()])
        self.prefix = base_path() if prefix is None else prefix
        self.log_requests = log_requests
        self._ray_ids = itertools.count(1)
        self._thread: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        host, port = self.socket.getsockname()[:2]
        return f"http://{host}:{port}"

    def next_ray_id(self) -> str:
        return f"{next(self._ray_ids):016x}-MOCK"

    def serve_in_background(self) -> None:
        self._thread = threading.Thread(target=self.serve_forever, name="realtimekit-mock", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop serving, wait for the serving thread and release the socket."""
        if self._thread is not None:
            self.shutdown()
            self._thread.join(timeout=10)
            self._thread = None
        self.server_close()


class _Handler(BaseHTTPRequestHandler):
    server: MockServer
    protocol_version = "HTTP/1.1"
    # Headers and body go out in separate writes; without this, Nagle's algorithm holds the body back ~40 ms.
    disable_nagle_algorithm = True

    def _dispatch(self) -> None:
        # Drain any body so that the kept-alive connection stays in step; no operation reads one.
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)

        path = urlsplit(self.path).path
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

        scheme, _, token = (self.headers.get("Authorization") or "").partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            self._send(HTTPStatus.UNAUTHORIZED, route.unauthorized_body)
            return

        replacements = {
            example: requested[name]
            for name, example in route.example_ids.items()
            if name in requested and requested[name] != example
        }
        body = _substitute(copy.deepcopy(route.success_body), replacements)
        self._send(HTTPStatus.OK, body)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _dispatch

    def _send(self, status: HTTPStatus, body: Any, extra_headers: dict[str, str] | None = None) -> None:
        payload = json.dumps(body).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.send_header("cf-ray", self.server.next_ray_id())
        for name, value in (extra_headers or {}).items():
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


def start(port: int = 0, host: str = "127.0.0.1", log_requests: bool = False) -> tuple[MockServer, str]:
    """Serve in a background thread; returns the server (call `.stop()`) and its base URL."""
    server = MockServer((host, port), log_requests=log_requests)
    server.serve_in_background()
    return server, server.base_url


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8787, help="port to listen on, 0 for any free one")
    args = parser.parse_args(argv)
    server = MockServer((args.host, args.port), log_requests=True)
    print(f"RealtimeKit Sessions mock listening on {server.base_url} (Ctrl-C to stop)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
