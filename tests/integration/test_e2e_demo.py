"""`make demo` as a user runs it: python -m realtimekit_tools.demo in its own process."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OPERATION_IDS = [
    "get_sessions",
    "get_session_details",
    "get_session_participants",
    "get_session_participant_details",
    "get_session_chat",
    "get_session_transcripts",
    "get_session_summary",
    "generate_summary_of_transcripts",
    "get_participant_data_from_peer_id",
]


def test_demo_prints_data_for_all_nine_operations() -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "realtimekit_tools.demo"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        check=False,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    lines = completed.stdout.splitlines()
    for operation_id in OPERATION_IDS:
        [line] = [line for line in lines if line.startswith(f"{operation_id}: ")]
        assert "FAILED" not in line
        assert len(line) > len(operation_id) + 10, line
    # A few figures straight from the spec's examples, as the client parsed them.
    for figure in ("Weekly platform sync", "Tomás R.", "47.55 min", "audio MOS avg: sent 4.25", "is PENDING"):
        assert figure in completed.stdout
    assert "9 of 9 operations succeeded" in completed.stdout
    # The files behind the links, served by the mock itself, fetched and read.
    [downloads] = [line for line in lines if line.startswith("downloads: ")]
    assert "FAILED" not in downloads and "transcript lines (VTT)" in downloads
