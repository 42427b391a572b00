"""The repo's spec-driven mock server (realtimekit_tools.mock_server) in a process of its own, counting the TCP
connections it accepts and the requests it answers, for the load test.

A separate process keeps the server's threads and allocations out of the client's memory figures and lets it
use the second core. `SoakServer` starts it, reads the counters through shared memory, and stops it.
"""

from __future__ import annotations

import multiprocessing
from typing import Any

from .. import mock_server


def _serve(port: Any, accepted: Any, answered: Any, ready: Any, stop: Any) -> None:
    class CountingHandler(mock_server._Handler):
        # The handler writes headers and body separately: with Nagle's algorithm on, the body waits for the
        # client's delayed ACK (40 ms on Linux) and every request takes 40 ms whatever the client does.
        disable_nagle_algorithm = True

        def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
            with answered.get_lock():
                answered.value += 1

    class CountingServer(mock_server.MockServer):  # a LocalServer: 200 clients may connect at once
        def get_request(self) -> Any:
            connection = super().get_request()
            with accepted.get_lock():
                accepted.value += 1
            return connection

    # The scripted mode (the spec's examples for any ids): the load test asks for made-up ids.
    server = CountingServer(("127.0.0.1", 0), mock_server.load_routes())
    server.RequestHandlerClass = CountingHandler
    port.value = server.server_address[1]
    server.serve_in_background()
    ready.set()
    stop.wait(600)  # bounded: the test stops it long before
    server.stop()


class SoakServer:
    def __init__(self) -> None:
        context = multiprocessing.get_context("spawn")
        self._port = context.Value("i", 0)
        self._accepted = context.Value("q", 0)
        self._answered = context.Value("q", 0)
        self._ready = context.Event()
        self._stop = context.Event()
        self._process = context.Process(
            target=_serve,
            args=(self._port, self._accepted, self._answered, self._ready, self._stop),
            name="soak-mock-server",
            daemon=True,
        )
        self._process.start()
        if not self._ready.wait(60):
            self.stop()
            raise RuntimeError("the mock server process did not start within 60 s")
        self.base_url = f"http://127.0.0.1:{self._port.value}/client/v4"

    @property
    def connections_accepted(self) -> int:
        return int(self._accepted.value)

    @property
    def requests_answered(self) -> int:
        return int(self._answered.value)

    def stop(self) -> None:
        self._stop.set()
        self._process.join(timeout=10)
        if self._process.is_alive():
            self._process.terminate()
            self._process.join(timeout=5)
