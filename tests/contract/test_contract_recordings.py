"""The recordings themselves: well formed, reproducible from the builder, and covering the whole spec."""

from __future__ import annotations

import ipaddress
import re
from pathlib import Path
from typing import Any

import pytest
from contract_support import RECORDINGS_DIR, load_recording, recording_files
from realtimekit_tools import coverage, make_recordings
from realtimekit_tools.routes import operation_ids, route_table

OPERATION_IDS = operation_ids()
ERROR_STATUSES_EXPECTED = {400, 401, 403, 404, 429, 500}
DOCUMENTATION_NETWORKS = [
    ipaddress.ip_network(net) for net in ("192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24", "127.0.0.0/8")
]


def test_every_operation_has_success_error_and_edge_recordings(spec: dict[str, Any]) -> None:
    by_operation: dict[str, list[dict[str, Any]]] = {}
    for path in recording_files():
        by_operation.setdefault(path.parent.name, []).append(load_recording(path))
    assert set(by_operation) == set(route_table(spec)), "one folder per operation, named by its operationId"
    for operation_id, recordings in by_operation.items():
        statuses = {r["response"]["status"] for r in recordings if "body" in r["response"]}
        assert 200 in statuses, f"{operation_id}: no success recording"
        assert ERROR_STATUSES_EXPECTED <= statuses, f"{operation_id}: missing {ERROR_STATUSES_EXPECTED - statuses}"
        html = {r["response"]["status"] for r in recordings if "body_text" in r["response"]}
        assert {520, 522} <= html, f"{operation_id}: no HTML edge answer"


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for key, item in value.items() for s in (key, *_strings(item))]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    return []


def test_recording_is_well_formed(recording_path: Path, spec: dict[str, Any]) -> None:
    recording = load_recording(recording_path)
    assert set(recording) == {"provenance", "operation_id", "request", "response"}
    provenance = recording["provenance"]
    assert provenance["source"] in ("synthesized", "live")
    assert provenance["basis"].strip() and provenance["recorded_at"].strip()
    assert recording["operation_id"] == recording_path.parent.name

    request, response = recording["request"], recording["response"]
    assert request["method"] == route_table(spec)[recording["operation_id"]].method
    assert all(isinstance(v, str) for v in request["query"].values()), "query values are strings as on the wire"
    assert ("body" in response) != ("body_text" in response), "exactly one of body and body_text"
    headers = response["headers"]
    assert all(name == name.lower() for name in headers), "header names are lower case"
    assert "content-type" in headers and "cf-ray" in headers
    if response["status"] == 429:
        assert "retry-after" in headers

    text = " ".join(_strings(recording))
    assert not re.search(r"bearer\s+\S|authorization", text, re.IGNORECASE), "no credentials in a recording"
    for email in re.findall(r"[\w.+-]+@([\w-]+(?:\.[\w-]+)+)", text):
        assert email in ("example.com", "example.net", "example.org"), f"real-looking e-mail domain {email}"
    # An address, not a version number such as Chrome/122.0.0.0 in a user agent.
    for address in re.findall(r"(?<![\d./])(\d{1,3}(?:\.\d{1,3}){3})(?![\d.])", text):
        ip = ipaddress.ip_address(address)
        assert any(ip in net for net in DOCUMENTATION_NETWORKS), f"{address} is not an RFC 5737 or loopback address"


def test_builder_reproduces_the_committed_recordings() -> None:
    """Committed synthesized recordings are exactly what scripts/make_recordings.py writes today."""
    built = make_recordings.build()
    committed = {
        path.relative_to(RECORDINGS_DIR).as_posix(): path.read_text(encoding="utf-8")
        for path in recording_files()
        if make_recordings.is_synthesized(path)
    }
    assert sorted(built) == sorted(committed), "run `python -m realtimekit_tools.make_recordings` and commit the result"
    changed = [name for name in built if built[name] != committed[name]]
    assert not changed, f"{changed[:5]} differ from the builder's output: regenerate, don't hand-edit"
    assert make_recordings.build() == built, "two builds in one process differ: something isn't seeded"


def test_builder_script_replaces_its_own_files_and_leaves_live_ones(tmp_path: Path) -> None:
    live = tmp_path / "get_sessions" / "live_capture.json"
    stale = tmp_path / "get_sessions" / "dropped_case.json"
    live.parent.mkdir(parents=True)
    live.write_text('{"provenance": {"source": "live"}}', encoding="utf-8")
    stale.write_text('{"provenance": {"source": "synthesized"}}', encoding="utf-8")

    written, removed = make_recordings.write(tmp_path)

    assert (written, removed) == (len(make_recordings.build()), 1)
    assert live.exists() and not stale.exists()
    committed = RECORDINGS_DIR / "get_sessions" / "full.json"
    assert (tmp_path / "get_sessions" / "full.json").read_bytes() == committed.read_bytes()


# ---- coverage: every property, enum value and nullable type of each operation's responses appears somewhere ----
# The walk is realtimekit_tools.coverage, which the builder also uses to make cases for what is missing.


@pytest.mark.parametrize("operation_id", OPERATION_IDS)
def test_recordings_cover_every_field_enum_value_and_null(spec: dict[str, Any], operation_id: str) -> None:
    observed: set[str] = set()
    for path in recording_files():
        recording = load_recording(path)
        if recording["operation_id"] != operation_id or "body" not in recording["response"]:
            continue
        coverage.observed_marks(
            spec, operation_id, recording["response"]["status"], recording["response"]["body"], observed
        )
    missing = sorted(coverage.expected_marks(spec, operation_id) - observed)
    assert not missing, f"{operation_id}: no recording shows {missing}; after changing the spec, run `make recordings`"


def test_coverage_check_notices_a_gap(spec: dict[str, Any]) -> None:
    """The coverage walk is not vacuous: a body without the enum values and nulls leaves them missing."""
    operation_id = "get_session_participant_details"
    expected = {mark for mark in coverage.expected_marks(spec, operation_id) if mark.startswith(("$200", "P"))}
    body = {"data": {"participant": {"peer_events": [{"event_name": "PEER_CREATED", "participant_id": "p"}]}}}
    observed = coverage.observed_marks(spec, operation_id, 200, body)
    missing = expected - observed
    assert {"PeerEventName = PEER_LEAVING", "PeerEvent.participant_id : null", "Participant.left_at"} <= missing
    assert {"PeerEventName = PEER_CREATED", "PeerEvent.participant_id : string"} <= observed
