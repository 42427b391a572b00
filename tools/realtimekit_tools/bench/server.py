"""A small, fast HTTP/1.1 server for the throughput rows: every request gets the same canned JSON answer.

    python -m realtimekit_tools.bench.server BODY_FILE    # prints the port on stdout, serves until stdin closes

It runs in a process of its own (the second core), on asyncio's raw protocol API with keep-alive, so that what
the rows measure is the client: a server written on http.server would be the bottleneck long before either
client is. Requests are read up to their blank line (these calls send no body); nothing is parsed beyond that.
Set-Cookie is sent on every answer, as Cloudflare's edge may, so a client that files cookies pays for it here too.
"""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl


def answer(body: bytes) -> bytes:
    head = (
        "HTTP/1.1 200 OK\r\n"
        "Content-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\n"
        "cf-ray: 8a1b2c3d4e5f6789-LIS\r\n"
        "Set-Cookie: __cf_bm=bench; path=/; HttpOnly\r\n"
        "Connection: keep-alive\r\n"
        "\r\n"
    )
    return head.encode() + body


class Answering(asyncio.Protocol):
    def __init__(self, response: bytes) -> None:
        self.response = response
        self.buffer = b""
        self.transport: asyncio.Transport | None = None
        self.latency = 0.0

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        requests = self.buffer.count(b"\r\n\r\n")
        if requests:
            self.buffer = self.buffer[self.buffer.rindex(b"\r\n\r\n") + 4 :]
            assert self.transport is not None
            self.transport.write(self.response * requests)


class ExportApi(Answering):
    """Sessions by page and participants per session, each answer after `latency` seconds."""

    def __init__(self, sessions: list[dict[str, Any]], participants: bytes, latency: float) -> None:
        super().__init__(b"")
        self.sessions, self.participants, self.latency = sessions, answer(participants), latency

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        while b"\r\n\r\n" in self.buffer:
            head, self.buffer = self.buffer.split(b"\r\n\r\n", 1)
            target = head.split(b" ", 2)[1].decode()
            asyncio.get_running_loop().call_later(self.latency, self._send, self._answer(target))

    def _send(self, response: bytes) -> None:
        if self.transport is not None and not self.transport.is_closing():
            self.transport.write(response)

    def _answer(self, target: str) -> bytes:
        path, _, query = target.partition("?")
        if path.endswith("/participants"):
            return self.participants
        params = dict(parse_qsl(query))
        page, per_page = int(params.get("page_no", 1)), int(params.get("per_page", 100))
        start = (page - 1) * per_page
        items = self.sessions[start : start + per_page]
        paging = {"total_count": len(self.sessions), "start_offset": start + 1, "end_offset": start + len(items)}
        body = {"success": True, "data": {"sessions": items}, "paging": paging}
        return answer(json.dumps(body, separators=(",", ":")).encode())


async def serve_export(sessions_file: str, participants_file: str, count: int, latency: float) -> None:
    template = json.loads(Path(sessions_file).read_bytes())["data"]["sessions"][0]
    sessions = [{**template, "id": f"5e3b5a0c-0000-4000-8000-{index:012d}"} for index in range(count)]
    participants = Path(participants_file).read_bytes()
    loop = asyncio.get_running_loop()
    server = await loop.create_server(lambda: ExportApi(sessions, participants, latency), "127.0.0.1", 0, backlog=2048)
    print(server.sockets[0].getsockname()[1], flush=True)
    await loop.run_in_executor(None, sys.stdin.read)
    server.close()


async def serve(body: bytes) -> None:
    loop = asyncio.get_running_loop()
    response = answer(body)
    server = await loop.create_server(lambda: Answering(response), "127.0.0.1", 0, backlog=2048)
    port = server.sockets[0].getsockname()[1]
    print(port, flush=True)
    # Serve until the parent closes our stdin (or dies).
    await loop.run_in_executor(None, sys.stdin.read)
    server.close()


def main() -> None:
    if sys.argv[1] == "--export":
        sessions_file, participants_file, count, latency = sys.argv[2:6]
        asyncio.run(serve_export(sessions_file, participants_file, int(count), float(latency)))
    else:
        asyncio.run(serve(Path(sys.argv[1]).read_bytes()))


if __name__ == "__main__":
    main()
