"""A small HTTP/1.1 server on 127.0.0.1 that misbehaves on cue, for the fault tests.

Each request takes the next action of a script (the last one repeats): answer, reset the connection halfway
through the body, stall without answering, or hang up before answering. The server counts what a test asserts
on: the requests it read (with their headers), the TCP connections it accepted and how many are still open.

Everything is bounded: sockets time out, a stall ends when the client hangs up, when its time is up or when the
server stops, and `stop()` joins every thread with a timeout.
"""

from __future__ import annotations

import json
import select
import socket
import struct
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Self

# A connection that says nothing for this long is dropped, so no thread outlives a forgotten client.
IDLE_TIMEOUT = 10.0
MAX_HEADER_BYTES = 64 * 1024


@dataclass(frozen=True)
class Respond:
    status: int = 200
    body: bytes | str | Any = b""
    headers: dict[str, str] = field(default_factory=dict)
    reason: str = "-"

    def payload(self) -> tuple[bytes, str | None]:
        if isinstance(self.body, bytes):
            return self.body, None
        if isinstance(self.body, str):
            return self.body.encode("utf-8"), "text/html; charset=utf-8"
        return json.dumps(self.body).encode("utf-8"), "application/json"


@dataclass(frozen=True)
class ResetMidBody:
    """Headers promising `declared` bytes, `sent` of them, then a TCP reset (SO_LINGER 0)."""

    declared: int = 10_000
    sent: int = 100


@dataclass(frozen=True)
class Stall:
    """Read the request and say nothing for up to `seconds` (the client's timeout should fire first)."""

    seconds: float = 5.0


@dataclass(frozen=True)
class HangUp:
    """Close the connection without a word."""


Action = Respond | ResetMidBody | Stall | HangUp


@dataclass(frozen=True)
class SeenRequest:
    method: str
    target: str
    headers: dict[str, str]
    connection: int

    @property
    def path(self) -> str:
        return self.target.split("?", 1)[0]


# A list of actions (the last repeats), or a function of the request and its index.
Script = Sequence[Action] | Callable[["SeenRequest", int], Action]


class FaultServer:
    def __init__(self, script: Script) -> None:
        self._script = script
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(128)
        self.port: int = self._listener.getsockname()[1]
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.requests: list[SeenRequest] = []
        self.connections_accepted = 0
        self.open_connections = 0
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._threads: list[threading.Thread] = []
        self._acceptor = threading.Thread(target=self._accept_loop, name=f"fault-server-{self.port}", daemon=True)
        self._acceptor.start()

    # ---- what tests look at ------------------------------------------------------------------------------

    @property
    def request_count(self) -> int:
        with self._lock:
            return len(self.requests)

    def wait_until_all_closed(self, limit: float = 5.0) -> int:
        """Open connections once the client has hung up on all of them (or `limit` seconds have passed)."""
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            with self._lock:
                if self.open_connections == 0:
                    return 0
            time.sleep(0.01)
        with self._lock:
            return self.open_connections

    def stop(self) -> None:
        self._stopping.set()
        self._listener.close()
        self._acceptor.join(timeout=5)
        for thread in list(self._threads):
            thread.join(timeout=5)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    # ---- serving ---------------------------------------------------------------------------------------------

    def _next_action(self, request: SeenRequest) -> Action:
        with self._lock:
            self.requests.append(request)
            index = len(self.requests) - 1
        if callable(self._script):
            return self._script(request, index)
        return self._script[min(index, len(self._script) - 1)]

    def _accept_loop(self) -> None:
        while not self._stopping.is_set():
            try:
                ready, _, _ = select.select([self._listener], [], [], 0.05)
                if not ready:
                    continue
                connection, _ = self._listener.accept()
            except OSError:
                return
            with self._lock:
                self.connections_accepted += 1
                self.open_connections += 1
                number = self.connections_accepted
            thread = threading.Thread(target=self._serve, args=(connection, number), daemon=True)
            self._threads.append(thread)
            thread.start()

    def _serve(self, connection: socket.socket, number: int) -> None:
        connection.settimeout(IDLE_TIMEOUT)
        buffer = b""
        try:
            while not self._stopping.is_set():
                request, buffer = self._read_request(connection, buffer, number)
                if request is None:
                    return
                action = self._next_action(request)
                if not self._perform(connection, action):
                    return
        except OSError:
            return
        finally:
            with self._lock:
                self.open_connections -= 1
            try:
                connection.close()
            except OSError:
                pass

    def _read_request(self, connection: socket.socket, buffer: bytes, number: int) -> tuple[SeenRequest | None, bytes]:
        while b"\r\n\r\n" not in buffer:
            if len(buffer) > MAX_HEADER_BYTES or not self._wait_readable(connection, IDLE_TIMEOUT):
                return None, b""
            chunk = connection.recv(65536)
            if not chunk:
                return None, b""
            buffer += chunk
        head, buffer = buffer.split(b"\r\n\r\n", 1)
        lines = head.decode("latin-1").split("\r\n")
        method, target, _ = lines[0].split(" ", 2)
        headers: dict[str, str] = {}
        for line in lines[1:]:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        length = int(headers.get("content-length") or 0)
        while len(buffer) < length:
            chunk = connection.recv(65536)
            if not chunk:
                return None, b""
            buffer += chunk
        buffer = buffer[length:]
        return SeenRequest(method, target, headers, number), buffer

    def _wait_readable(self, connection: socket.socket, seconds: float) -> bool:
        # Wakes up regularly so that stop() is never kept waiting for an idle keep-alive connection.
        deadline = time.monotonic() + seconds
        while not self._stopping.is_set() and time.monotonic() < deadline:
            ready, _, _ = select.select([connection], [], [], 0.05)
            if ready:
                return True
        return False

    def _perform(self, connection: socket.socket, action: Action) -> bool:
        """Carry out one action; False when the connection is finished with."""
        if isinstance(action, Respond):
            body, default_type = action.payload()
            headers = {"Content-Length": str(len(body)), **action.headers}
            if default_type and not any(name.lower() == "content-type" for name in headers):
                headers["Content-Type"] = default_type
            head = f"HTTP/1.1 {action.status} {action.reason}\r\n" + "".join(
                f"{name}: {value}\r\n" for name, value in headers.items()
            )
            connection.sendall(head.encode("latin-1") + b"\r\n" + body)
            return True
        if isinstance(action, ResetMidBody):
            head = f"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {action.declared}\r\n\r\n"
            connection.sendall(head.encode("latin-1") + b'{"success": true, "data": ' + b" " * action.sent)
            # Linger on, zero seconds: close() sends RST instead of FIN, as a crashed peer or a proxy would.
            connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            return False
        if isinstance(action, Stall):
            deadline = time.monotonic() + action.seconds
            while not self._stopping.is_set() and time.monotonic() < deadline:
                if self._wait_readable(connection, 0.05) and not connection.recv(65536):
                    return False  # the client gave up and closed: what a timeout should do
            return False
        return False  # HangUp


def refused_port() -> int:
    """A port on 127.0.0.1 nobody listens on: bound, then released, so a connect there is refused."""
    probe = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    probe.bind(("127.0.0.1", 0))
    port: int = probe.getsockname()[1]
    probe.close()
    return port
