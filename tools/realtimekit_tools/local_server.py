"""The threaded HTTP server every local server of the toolkit is built on (the mock, the file host, the stand-in
for the live API, the soak server's mock), and the tests' own small ones."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class LocalServer(ThreadingHTTPServer):
    """A ThreadingHTTPServer that takes connections opened at once and stops at once.

    - Its listen backlog is 1,024, not socketserver's 5: a client opening more connections at once (an overlapped
      export opens 32, the load test 200) had the SYNs past the fifth dropped, and each waited a second for the
      kernel to send it again.
    - `serve_in_background` polls for `stop` every 20 ms, not every half second (socketserver's default), which
      `stop` would otherwise wait for each time.
    """

    daemon_threads = True
    request_queue_size = 1024
    thread_name = "local-server"
    _thread: threading.Thread | None = None

    def serve_in_background(self) -> None:
        """Serve from a daemon thread of its own until `stop()`."""
        self._thread = threading.Thread(
            target=self.serve_forever, kwargs={"poll_interval": 0.02}, name=self.thread_name, daemon=True
        )
        self._thread.start()

    def stop(self) -> None:
        """Stop serving, wait for the serving thread and release the socket."""
        if self._thread is not None:
            self.shutdown()
            self._thread.join(timeout=10)
            self._thread = None
        self.server_close()


def respond(
    handler: BaseHTTPRequestHandler, status: int, content_type: str, body: bytes, headers: dict[str, str] | None = None
) -> None:
    """Answer `handler`'s request with `body` whole: status, Content-Type, Content-Length, any `headers`, the body."""
    handler.send_response(status)
    handler.send_header("Content-Type", content_type)
    handler.send_header("Content-Length", str(len(body)))
    for name, value in (headers or {}).items():
        handler.send_header(name, value)
    handler.end_headers()
    handler.wfile.write(body)
