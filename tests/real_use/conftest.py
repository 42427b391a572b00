"""Issue 11's tier: the client held to how people actually run it. An in-process transport for what needs no
network, and a real threaded HTTP server on 127.0.0.1, started by the tests, for what does (trickling bodies,
forked processes, connection reuse)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from realtimekit_sessions import AuthenticatedClient
from realtimekit_tools.testing.transports import Answer, Script

ACCOUNT = "023e105f4ecef8ad9ca31a8372d0c353"
APP = "3f9a1c527e444b1da0c26d8e5b7f9a10"
SESSION = "5e3b5a0c-2a8f-4c38-8d0e-3f0d2b9c7a11"
TOKEN = "real-use-token-0f9e8d7c6b5a49382716a5b4c3d2e1f0"
BASE = "https://api.example.com/client/v4"


def scripted_client(*answers: Answer, **kwargs: Any) -> tuple[AuthenticatedClient, Script]:
    script = Script(*answers)
    kwargs.setdefault("token", TOKEN)
    kwargs.setdefault("base_url", BASE)
    httpx_args = {"transport": httpx.MockTransport(script), **kwargs.pop("httpx_args", {})}
    return AuthenticatedClient(httpx_args=httpx_args, **kwargs), script


class RawServer:
    """A real HTTP/1.1 server on 127.0.0.1: `handle(path, connection)` writes whatever bytes it likes.

    Every connection gets its own thread; keep-alive is honoured (requests are read in a loop), so connection
    reuse is real. Stopped by the fixture; every wait in it is bounded.
    """

    def __init__(self, handle: Callable[[str, socket.socket], None]) -> None:
        self.handle = handle
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.listener.settimeout(0.2)
        self.port = self.listener.getsockname()[1]
        self.base_url = f"http://127.0.0.1:{self.port}/client/v4"
        self.paths: list[str] = []
        self.heads: list[bytes] = []  # each request's line and headers, as they came
        self.connections = 0
        self.closed = 0  # connections the client closed (not those the server ended)
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self) -> None:
        while not self.stopping.is_set():
            try:
                connection, _ = self.listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.connections += 1
            threading.Thread(target=self._serve, args=(connection,), daemon=True).start()

    def _serve(self, connection: socket.socket) -> None:
        connection.settimeout(10)
        buffer = b""
        with connection:
            while not self.stopping.is_set():
                while b"\r\n\r\n" not in buffer:
                    try:
                        chunk = connection.recv(65536)
                    except OSError:
                        return
                    if not chunk:
                        self.closed += 1
                        return
                    buffer += chunk
                head, _, buffer = buffer.partition(b"\r\n\r\n")
                self.heads.append(head)
                path = head.split(b"\r\n", 1)[0].split(b" ")[1].decode()
                self.paths.append(path)
                try:
                    self.handle(path, connection)
                except OSError:
                    return

    def wait_for_closed(self, count: int, within: float = 5.0) -> bool:
        """Whether `count` connections have been closed by the client, waiting up to `within` seconds."""
        deadline = time.monotonic() + within
        while self.closed < count and time.monotonic() < deadline:
            time.sleep(0.01)
        return self.closed >= count

    def stop(self) -> None:
        self.stopping.set()
        self.listener.close()
        self.thread.join(timeout=5)


def http_answer(body: bytes, status: str = "200 OK", headers: dict[str, str] | None = None) -> bytes:
    lines = [f"HTTP/1.1 {status}", f"Content-Length: {len(body)}", "Content-Type: application/json"]
    lines += [f"{name}: {value}" for name, value in (headers or {}).items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


@pytest.fixture
def raw_server() -> Iterator[Callable[[Callable[[str, socket.socket], None]], RawServer]]:
    started: list[RawServer] = []

    def start(handle: Callable[[str, socket.socket], None]) -> RawServer:
        server = RawServer(handle)
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()


@pytest.fixture
def no_sleep(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Retry waits recorded instead of slept."""
    waits: list[float] = []
    monkeypatch.setattr(time, "sleep", waits.append)
    return waits
