"""A loopback file host, as a download's storage host: serves fixed files and remembers who asked with what."""

from __future__ import annotations

import threading
from collections.abc import Mapping
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Self


class _Handler(BaseHTTPRequestHandler):
    server: FileHost

    def do_GET(self) -> None:
        path = self.path.split("?")[0]
        self.server.requests.append({"path": self.path, "authorization": self.headers.get("Authorization")})
        content_type, content = self.server.files.get(path, ("text/plain", b""))
        self.send_response(200 if path in self.server.files else 404)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(content)))
        self.end_headers()
        self.wfile.write(content)

    def log_message(self, format: str, *args: Any) -> None:
        pass


class FileHost(ThreadingHTTPServer):
    """`files`: URL path -> (content type, bytes). Serves in a background thread until `stop()`."""

    daemon_threads = True
    request_queue_size = 1024  # not socketserver's 5: connections opened at once are not made to wait a second

    def __init__(self, files: Mapping[str, tuple[str, bytes]]) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.files = dict(files)
        self.requests: list[dict[str, Any]] = []
        self.base_url = f"http://127.0.0.1:{self.server_address[1]}"
        self._thread = threading.Thread(  # a short poll: stop() waits for the loop to look
            target=self.serve_forever, kwargs={"poll_interval": 0.02}, name="file-host", daemon=True
        )
        self._thread.start()

    def stop(self) -> None:
        self.shutdown()
        self._thread.join(timeout=10)
        self.server_close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()
