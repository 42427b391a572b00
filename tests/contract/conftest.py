"""Contract tests: every recording under tests/recordings is one parametrised case of each check."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pytest
from contract_support import RECORDINGS_DIR, is_error, load_recording, recording_files
from realtimekit_tools.spec import load_spec


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    # Discovery, not a list: a recording dropped into tests/recordings/<operation_id>/ is tested from then on.
    for fixture, find in (("recording_path", all_files), ("success_recording_path", success_files)):
        if fixture in metafunc.fixturenames:
            paths = find()
            ids = [path.relative_to(RECORDINGS_DIR).with_suffix("").as_posix() for path in paths]
            metafunc.parametrize(fixture, paths, ids=ids)


# Found once per test process: every test function parametrised over the recordings asks (36 of them), and
# reading the recordings each time was a second of every worker's collection.
@cache
def all_files() -> list[Path]:
    return recording_files()


@cache
def success_files() -> list[Path]:
    return [path for path in all_files() if not is_error(load_recording(path))]


@pytest.fixture(scope="session")
def spec() -> dict[str, Any]:
    return load_spec()
