"""README.md runs: every Python block, in order and in one namespace, and every `realtimekit-sessions` line of its
```sh blocks, against the local mock started here, with the environment the README tells a reader to set.

Placeholders in command lines (`<session-id>`, `<participant-id>`, `<peer-id>`) become ids from the mock's data
set; files the examples write land in a temporary folder, the working directory of both.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shlex
import shutil
import subprocess
import sys
import traceback
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from realtimekit_tools.mock_server import MockServer, running

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
COMMAND = "realtimekit-sessions"


@dataclass(frozen=True)
class Block:
    language: str
    line: int  # where its first line of code is in README.md
    code: str


def blocks(text: str) -> list[Block]:
    """Every fenced block of a Markdown text, in order."""
    found = []
    for match in re.finditer(r"^```(\w*)[^\n]*\n(.*?)^```[ \t]*$", text, re.MULTILINE | re.DOTALL):
        found.append(Block(match.group(1), text.count("\n", 0, match.start()) + 2, match.group(2)))
    return found


def python_blocks() -> list[Block]:
    return [block for block in blocks(README.read_text(encoding="utf-8")) if block.language == "python"]


def command_lines() -> list[tuple[int, str]]:
    """(README line, command line) of every `realtimekit-sessions ...` line of the ```sh blocks."""
    lines = []
    for block in blocks(README.read_text(encoding="utf-8")):
        if block.language != "sh":
            continue
        for offset, line in enumerate(block.code.splitlines()):
            if line.strip().startswith(COMMAND + " "):
                lines.append((block.line + offset, line.strip()))
    return lines


@pytest.fixture(scope="module")
def mock() -> Iterator[MockServer]:
    with running() as server:
        yield server


@pytest.fixture
def reader_env(mock: MockServer, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """The environment the README asks for, pointing at the mock; the working directory a temporary folder."""
    for name, value in mock.env().items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("COLUMNS", "120")
    # `load`'s pipeline state in the test's folder, not in the machine's dlt folder, where it outlived the run.
    monkeypatch.setenv("DLT_DATA_DIR", str(tmp_path / ".dlt-data"))
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_the_readme_has_what_this_test_runs() -> None:
    assert len(python_blocks()) >= 8
    assert len(command_lines()) >= 9
    assert any("download(" in block.code for block in python_blocks()), "the download examples are run too"


def test_every_python_block_runs_in_order(reader_env: Path) -> None:
    namespace: dict[str, object] = {"__name__": "__readme__"}
    for block in python_blocks():
        out = io.StringIO()
        try:
            with contextlib.redirect_stdout(out):
                exec(compile(block.code, f"README.md:{block.line}", "exec"), namespace)  # noqa: S102
        except Exception:  # noqa: BLE001 - any failure is the README's, reported with its line
            pytest.fail(f"the Python block at README.md line {block.line} failed:\n{traceback.format_exc()}")
    # What the blocks wrote is where the working directory is.
    assert (reader_env / "transcript.csv").stat().st_size > 0


def _ids(mock: MockServer) -> dict[str, str]:
    """Real ids for the README's placeholders: the newest session (the long call) and its first participant."""
    data = mock.data
    record = data.long_call
    participant = str(data.participants(record)[0]["id"])
    return {"<session-id>": record.id, "<participant-id>": participant, "<peer-id>": participant}


def _command() -> list[str]:
    installed = shutil.which(COMMAND, path=str(Path(sys.executable).parent))
    return [installed] if installed else [sys.executable, "-m", "realtimekit_sessions_cli"]


@pytest.mark.parametrize(("line", "command"), command_lines(), ids=[f"line{n}" for n, _ in command_lines()])
def test_every_command_line_runs(line: int, command: str, reader_env: Path, mock: MockServer) -> None:
    for placeholder, value in _ids(mock).items():
        command = command.replace(placeholder, value)
    assert "<" not in command, f"README.md line {line}: a placeholder this test does not know: {command}"
    args = shlex.split(command, comments=True)[1:]
    run = subprocess.run(
        [*_command(), *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=reader_env,
        env=os.environ.copy(),
    )
    assert run.returncode == 0, f"README.md line {line}: {command}\n{run.stdout}\n{run.stderr}"
    # Files the line names with -o or --chart were written.
    for flag in ("-o", "--chart"):
        if flag in args:
            assert (reader_env / args[args.index(flag) + 1]).stat().st_size > 0
