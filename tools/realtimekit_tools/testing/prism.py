"""Prism (pinned in scripts/node) mocking the spec on a free loopback port, started and stopped by the caller."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..paths import repo_root, spec_path

START_TIMEOUT = 60.0


class PrismError(RuntimeError):
    """Prism is not installed, exited, or did not listen in time; the message says which, with its log."""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


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


@contextmanager
def prism(log_path: Path) -> Iterator[str]:
    """Base URL of Prism mocking the spec; its output goes to `log_path`.

    `--errors` makes Prism answer 500 when the example it would send breaks the response schema, so the spec's
    examples are checked against its own schemas on every call; request validation (security, query enums,
    types) is on in any case and answers with the spec's 400 and 401 examples.
    """
    node_dir = repo_root() / "scripts" / "node"
    if not (node_dir / "node_modules" / ".bin" / "prism").exists():
        raise PrismError("Prism is not installed in scripts/node; run `make setup` (or `make test`, which installs it)")
    port = free_port()
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            ["npx", "--no-install", "prism", "mock", "--errors", "-h", "127.0.0.1", "-p", str(port), str(spec_path())],
            cwd=node_dir,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while not _port_answers(port):
            if process.poll() is not None:
                raise PrismError(
                    f"Prism exited with {process.returncode}:\n{log_path.read_text(errors='replace')[-3000:]}"
                )
            if time.monotonic() > deadline:
                raise PrismError(f"Prism did not listen within {START_TIMEOUT:.0f}s:\n{log_path.read_text()[-3000:]}")
            time.sleep(0.2)
        yield f"http://127.0.0.1:{port}"
    finally:
        _stop_process_group(process)
