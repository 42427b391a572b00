"""Fixtures for the end-to-end suite: a Prism mock of the spec (started and stopped here) and the spec's examples."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "openapi" / "realtimekit-sessions.yaml"
NODE_DIR = ROOT / "scripts" / "node"
PRISM_START_TIMEOUT = 60.0

# scripts/ is not a package; the mock server (and the demo built on it) are imported from there.
sys.path.insert(0, str(ROOT / "scripts"))

import mock_server
from e2e_support import free_port


def _port_answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


def _stop_process_group(process: subprocess.Popen[bytes]) -> None:
    """npx starts prism as a grandchild, so the whole process group is signalled, not just npx."""
    if process.poll() is None:
        try:
            os.killpg(process.pid, signal.SIGTERM)
        except ProcessLookupError:
            return
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)
    else:
        # npx itself is gone; whatever it left in the group goes too.
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


@pytest.fixture(scope="session")
def prism_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Base URL of Prism 5.16.0 mocking the spec on a free loopback port.

    `--errors` makes Prism answer 500 when the example it would send breaks the response schema, so the spec's
    examples are checked against its own schemas on every call; request validation (security, query enums,
    types) is on in any case and answers with the spec's 400 and 401 examples.
    """
    if not (NODE_DIR / "node_modules" / ".bin" / "prism").exists():
        pytest.fail("Prism is not installed in scripts/node; run `make setup` (or `make test`, which installs it)")
    port = free_port()
    log_path = tmp_path_factory.mktemp("prism") / "prism.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            ["npx", "--no-install", "prism", "mock", "--errors", "-h", "127.0.0.1", "-p", str(port), str(SPEC)],
            cwd=NODE_DIR,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        deadline = time.monotonic() + PRISM_START_TIMEOUT
        while not _port_answers(port):
            if process.poll() is not None:
                pytest.fail(f"Prism exited with {process.returncode}:\n{log_path.read_text(errors='replace')[-3000:]}")
            if time.monotonic() > deadline:
                pytest.fail(f"Prism did not listen within {PRISM_START_TIMEOUT:.0f}s:\n{log_path.read_text()[-3000:]}")
            time.sleep(0.2)
        yield f"http://127.0.0.1:{port}"
    finally:
        _stop_process_group(process)


@pytest.fixture(scope="session")
def success_examples() -> dict[str, Any]:
    """operationId -> the JSON body of its 200 example, as the spec gives it."""
    return {route.operation_id: route.success_body for route in mock_server.load_routes(SPEC)}


@pytest.fixture
def local_mock() -> Iterator[str]:
    """Base URL of the Python mock server the demo uses."""
    server, base_url = mock_server.start()
    try:
        yield base_url
    finally:
        server.stop()
