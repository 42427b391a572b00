"""Changing the spec is one documented path (CONTRIBUTING.md, "Changing the spec"): an optional field added to the
spec is covered by the recordings after `make recordings`, with no edit to the recordings' builder.

The path is run on a copy of the spec and of the recordings: the committed ones stop covering the spec, the
builder's command writes cases that cover it again, and those cases hold to the changed spec.
"""

from __future__ import annotations

import copy
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from contract_support import RECORDINGS_DIR
from realtimekit_tools import contract, coverage, make_recordings
from realtimekit_tools.recording import iter_recordings
from realtimekit_tools.routes import operation_ids
from realtimekit_tools.spec import dump_yaml, load_spec

ROOT = Path(__file__).resolve().parents[2]


def grown_spec(spec: dict[str, Any]) -> dict[str, Any]:
    """The spec with three optional fields, as the API grows: an enum on sessions, a nullable number on
    participants, a string in the peer report's device info."""
    grown = copy.deepcopy(spec)
    schemas = grown["components"]["schemas"]
    schemas["Session"]["properties"]["recording_region"] = {
        "type": "string",
        "enum": ["eu", "us", "apac"],
        "description": "Where the session's recording is kept.",
    }
    schemas["Participant"]["properties"]["rejoin_count"] = {
        "type": ["number", "null"],
        "description": "How often the participant reconnected.",
    }
    schemas["DeviceInfo"]["properties"]["gpu"] = {"type": "string", "description": "The device's GPU."}
    return grown


def missing_marks(spec: dict[str, Any], folder: Path) -> dict[str, list[str]]:
    observed: dict[str, set[str]] = {operation_id: set() for operation_id in operation_ids(spec)}
    for _, recording in iter_recordings(folder):
        if recording.response.body is not None:
            coverage.observed_marks(
                spec,
                recording.operation_id,
                recording.response.status,
                recording.response.body,
                observed[recording.operation_id],
            )
    return {
        operation_id: sorted(coverage.expected_marks(spec, operation_id) - seen)
        for operation_id, seen in observed.items()
        if coverage.expected_marks(spec, operation_id) - seen
    }


def test_an_optional_field_needs_the_spec_edit_and_make_recordings(tmp_path: Path) -> None:
    spec_file = tmp_path / "realtimekit-sessions.yaml"
    spec_file.write_text(dump_yaml(grown_spec(load_spec())), encoding="utf-8")
    spec = load_spec(spec_file)
    recordings = tmp_path / "recordings"
    shutil.copytree(RECORDINGS_DIR, recordings)

    # Before: the committed recordings no longer show everything the spec allows (the coverage test fails).
    before = missing_marks(spec, recordings)
    assert "Session.recording_region" in before["get_sessions"]
    assert "Participant.rejoin_count" in before["get_session_participants"]
    assert "DeviceInfo.gpu" in before["get_participant_data_from_peer_id"]

    # The one command (what `make recordings` runs), pointed at the copies.
    run = subprocess.run(
        [sys.executable, "-m", "realtimekit_tools.make_recordings", "--out", str(recordings), "--spec", str(spec_file)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        cwd=ROOT,
    )
    assert run.returncode == 0, run.stderr
    assert "made from the spec alone" in run.stdout

    # After: every field, enum value and null of the changed spec is shown, and every recording holds to it.
    assert missing_marks(spec, recordings) == {}
    derived = [(path, r) for path, r in iter_recordings(recordings) if path.name.startswith("from_spec_")]
    assert derived, "the builder added cases made from the spec"
    for path, recording in derived:
        violations = contract.validate_body(
            spec, recording.operation_id, recording.response.status, recording.response.body
        )
        assert violations == [], f"{path.name}: {[str(v) for v in violations]}"
    # The hand-written cases are untouched: only new files were added.
    for path in RECORDINGS_DIR.glob("*/*.json"):
        assert (recordings / path.relative_to(RECORDINGS_DIR)).read_bytes() == path.read_bytes()


def test_the_committed_spec_needs_no_case_made_from_it() -> None:
    """While the hand-written cases cover the spec, the builder adds nothing of its own."""
    assert not [name for name in make_recordings.build() if "/from_spec_" in name]
