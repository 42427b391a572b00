"""Contract tests: every recording under tests/recordings is one parametrised case of each check."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from contract_support import RECORDINGS_DIR, is_error, load_recording, recording_files
from realtimekit_tools.spec import load_spec


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    # Discovery, not a list: a recording dropped into tests/recordings/<operation_id>/ is tested from then on.
    for fixture, paths in (("recording_path", recording_files()), ("success_recording_path", success_files())):
        if fixture in metafunc.fixturenames:
            ids = [path.relative_to(RECORDINGS_DIR).with_suffix("").as_posix() for path in paths]
            metafunc.parametrize(fixture, paths, ids=ids)


def success_files() -> list[Path]:
    return [path for path in recording_files() if not is_error(load_recording(path))]


@pytest.fixture(scope="session")
def spec() -> dict[str, Any]:
    return load_spec()
