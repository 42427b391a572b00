"""A loopback file host, as a download's storage host: serves fixed files and remembers who asked with what."""

from __future__ import annotations

from collections.abc import Mapping
from http.server import BaseHTTPRequestHandler
from typing import Any, Self

from ..local_server import LocalServer, respond


class _Handler(BaseHTTPRequestHandler):
    server: FileHost

    def do_GET(self) -> None:
        path = self.path.split("?")[0]
        self.server.requests.append({"path": self.path, "authorization": self.headers.get("Authorization")})
        content_type, content = self.server.files.get(path, ("text/plain", b""))
        respond(self, 200 if path in self.server.files else 404, content_type, content)

    def log_message(self, format: str, *args: Any) -> None:
        pass


class FileHost(LocalServer):
    """`files`: URL path -> (content type, bytes). Serves in a background thread until `stop()`."""

    thread_name = "file-host"

    def __init__(self, files: Mapping[str, tuple[str, bytes]]) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.files = dict(files)
        self.requests: list[dict[str, Any]] = []
        self.base_url = f"http://127.0.0.1:{self.server_address[1]}"
        self.serve_in_background()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()
