"""The recordings themselves: well formed, reproducible from the builder, and covering the whole spec."""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
from contract_support import RECORDINGS_DIR, load_recording, recording_files
from realtimekit_tools import make_recordings
from realtimekit_tools.routes import operation_ids, route_table
from realtimekit_tools.spec import resolve_with_pointer

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


def _resolve(spec: Mapping[str, Any], node: Mapping[str, Any], loc: str) -> tuple[Mapping[str, Any], str]:
    """The node with its references followed, and where it is: the schema's name, or `loc` if none."""
    resolved, pointer = resolve_with_pointer(spec, node)
    return resolved, pointer.rsplit("/", 1)[-1] if "/schemas/" in pointer else loc


def _is_null(branch: Mapping[str, Any]) -> bool:
    return branch.get("type") == "null"


def expected_marks(spec: Mapping[str, Any], node: Mapping[str, Any], loc: str, marks: set[str], seen: set[str]) -> None:
    node, loc = _resolve(spec, node, loc)
    if loc in seen and not loc.startswith("$"):
        return
    seen = seen | {loc}
    for value in node.get("enum", []):
        marks.add(f"{loc} = {value}")
    if isinstance(node.get("type"), list):
        marks.update(f"{loc} : {kind}" for kind in node["type"])
    for keyword in ("anyOf", "oneOf"):
        for branch in node.get(keyword, []):
            if _is_null(branch):
                marks.add(f"{loc} : null")
            else:
                expected_marks(spec, branch, loc, marks, seen)
    for name, prop in node.get("properties", {}).items():
        marks.add(f"{loc}.{name}")
        expected_marks(spec, prop, f"{loc}.{name}", marks, seen)
    if isinstance(node.get("additionalProperties"), dict):
        marks.add(f"{loc}.*")
        expected_marks(spec, node["additionalProperties"], f"{loc}.*", marks, seen)
    if "items" in node:
        expected_marks(spec, node["items"], f"{loc}[]", marks, seen)


def _json_kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    return {str: "string", list: "array", dict: "object"}[type(value)]


def observed_marks(spec: Mapping[str, Any], node: Mapping[str, Any], value: Any, loc: str, marks: set[str]) -> None:
    node, loc = _resolve(spec, node, loc)
    if value in node.get("enum", []):
        marks.add(f"{loc} = {value}")
    if isinstance(node.get("type"), list):
        marks.add(f"{loc} : {_json_kind(value)}")
    for keyword in ("anyOf", "oneOf"):
        for branch in node.get(keyword, []):
            if _is_null(branch):
                if value is None:
                    marks.add(f"{loc} : null")
                continue
            resolved, _ = _resolve(spec, branch, loc)
            required = resolved.get("required", [])
            if not required or (isinstance(value, dict) and all(key in value for key in required)):
                observed_marks(spec, branch, value, loc, marks)
    if isinstance(value, dict):
        properties = node.get("properties", {})
        for key, item in value.items():
            if key in properties:
                marks.add(f"{loc}.{key}")
                observed_marks(spec, properties[key], item, f"{loc}.{key}", marks)
            elif isinstance(node.get("additionalProperties"), dict):
                marks.add(f"{loc}.*")
                observed_marks(spec, node["additionalProperties"], item, f"{loc}.*", marks)
    if isinstance(value, list) and "items" in node:
        for item in value:
            observed_marks(spec, node["items"], item, f"{loc}[]", marks)


def _response_schemas(spec: Mapping[str, Any], operation_id: str) -> dict[str, Mapping[str, Any]]:
    schemas = {}
    for status, response in route_table(spec)[operation_id].node["responses"].items():
        resolved, _ = _resolve(spec, response, "")
        schemas[status] = resolved["content"]["application/json"]["schema"]
    return schemas


@pytest.mark.parametrize("operation_id", OPERATION_IDS)
def test_recordings_cover_every_field_enum_value_and_null(spec: dict[str, Any], operation_id: str) -> None:
    schemas = _response_schemas(spec, operation_id)
    expected: set[str] = set()
    for status, schema in schemas.items():
        expected_marks(spec, schema, f"${status}", expected, set())
    observed: set[str] = set()
    for path in recording_files():
        recording = load_recording(path)
        if recording["operation_id"] != operation_id or "body" not in recording["response"]:
            continue
        status = str(recording["response"]["status"])
        key = status if status in schemas else f"{status[0]}XX"
        observed_marks(spec, schemas[key], recording["response"]["body"], f"${key}", observed)
    missing = sorted(expected - observed)
    assert not missing, f"{operation_id}: no recording shows {missing}"


def test_coverage_check_notices_a_gap(spec: dict[str, Any]) -> None:
    """The coverage walk is not vacuous: a body without the enum values and nulls leaves them missing."""
    schema = _response_schemas(spec, "get_session_participant_details")["200"]
    expected: set[str] = set()
    expected_marks(spec, schema, "$200", expected, set())
    observed: set[str] = set()
    body = {"data": {"participant": {"peer_events": [{"event_name": "PEER_CREATED", "participant_id": "p"}]}}}
    observed_marks(spec, schema, body, "$200", observed)
    missing = expected - observed
    assert {"PeerEventName = PEER_LEAVING", "PeerEvent.participant_id : null", "Participant.left_at"} <= missing
    assert {"PeerEventName = PEER_CREATED", "PeerEvent.participant_id : string"} <= observed
