"""A small, fast HTTP/1.1 server for the throughput rows: every request gets the same canned JSON answer.

    python -m realtimekit_tools.bench.server BODY_FILE    # prints the port on stdout, serves until stdin closes

It runs in a process of its own (the second core), on asyncio's raw protocol API with keep-alive, so that what
the rows measure is the client: a server written on http.server would be the bottleneck long before either
client is. Requests are read up to their blank line (these calls send no body); nothing is parsed beyond that.
Set-Cookie is sent on every answer, as Cloudflare's edge may, so a client that files cookies pays for it here too.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path


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
    asyncio.run(serve(Path(sys.argv[1]).read_bytes()))


if __name__ == "__main__":
    main()
