"""Check (1): every recorded body is what the spec documents for its operation and status.

HTML edge answers (520-527) carry no JSON. The spec documents them only in words, in the 5XX response's
description ("Cloudflare's edge also answers 520-527 with an HTML page, which no JSON schema describes"), so for
those the check is that the status falls under that response and the description says so. A body_text for any
other status, or a 5XX response that stops saying it, fails.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from contract_support import RECORDINGS_DIR, load_recording
from realtimekit_tools.contract import Violation, check_text_body, response_for, validate_body


def test_recorded_body_matches_the_spec(recording_path: Path, spec: dict[str, Any]) -> None:
    recording = load_recording(recording_path)
    operation_id, response = recording["operation_id"], recording["response"]
    if "body" in response:
        violations = validate_body(spec, operation_id, response["status"], response["body"])
    else:
        assert not response["body_text"].lstrip().startswith(("{", "[")), "a JSON body belongs in `body`"
        violations = check_text_body(spec, operation_id, response["status"], response["headers"]["content-type"])
    assert not violations, "\n".join(map(str, violations))


def _body(operation_id: str, case: str) -> Any:
    return copy.deepcopy(load_recording(RECORDINGS_DIR / operation_id / f"{case}.json")["response"]["body"])


def _only(violations: list[Violation]) -> Violation:
    assert len(violations) == 1, violations
    return violations[0]


def test_missing_required_field_is_named_with_its_path(spec: dict[str, Any]) -> None:
    body = _body("get_sessions", "full")
    del body["data"]["sessions"][3]["status"]
    violation = _only(validate_body(spec, "get_sessions", 200, body))
    assert violation == Violation("missing-field", "$.data.sessions[3].status", "required property", "missing")
    assert str(violation) == "$.data.sessions[3].status: expected required property, found missing"


def test_wrong_type_is_named_with_its_path(spec: dict[str, Any]) -> None:
    body = _body("get_sessions", "full")
    body["data"]["sessions"][1]["live_participants"] = "three"
    violation = _only(validate_body(spec, "get_sessions", 200, body))
    assert violation == Violation(
        "type-change", "$.data.sessions[1].live_participants", "type number", 'string "three"'
    )


def test_unknown_enum_value_is_named_with_its_path(spec: dict[str, Any]) -> None:
    body = _body("get_sessions", "full")
    body["data"]["sessions"][0]["status"] = "ARCHIVED"
    violation = _only(validate_body(spec, "get_sessions", 200, body))
    assert violation.path == "$.data.sessions[0].status"
    assert violation.expected == 'one of ["LIVE", "ENDED"]'
    assert violation.found == 'string "ARCHIVED"'


def test_unknown_value_of_a_nullable_enum_names_the_enum_not_the_null(spec: dict[str, Any]) -> None:
    body = _body("get_participant_data_from_peer_id", "full")
    body["data"]["participant"]["peer_events"][2]["preset_view_type"] = "KIOSK"
    violation = _only(validate_body(spec, "get_participant_data_from_peer_id", 200, body))
    assert violation.path == "$.data.participant.peer_events[2].preset_view_type"
    assert violation.expected.startswith('one of ["GROUP_CALL"')


def test_deep_enum_and_timestamp_drift_in_a_peer_report(spec: dict[str, Any]) -> None:
    body = _body("get_participant_data_from_peer_id", "long_report")
    quality = body["data"]["participant"]["peer_report"]["quality"]
    quality["video_producer"][150]["quality_limitation_reason"] = "thermal"
    quality["audio_consumer"][7]["timestamp"] = "14/03/2025 09:03"
    violations = validate_body(spec, "get_participant_data_from_peer_id", 200, body)
    assert [v.path for v in violations] == [
        "$.data.participant.peer_report.quality.audio_consumer[7].timestamp",
        "$.data.participant.peer_report.quality.video_producer[150].quality_limitation_reason",
    ]
    assert violations[0].expected == "format date-time"


def test_nullable_field_rejects_other_types_and_non_nullable_rejects_null(spec: dict[str, Any]) -> None:
    body = _body("get_participant_data_from_peer_id", "nulls")
    metadata = body["data"]["participant"]["peer_report"]["metadata"]
    metadata["browser_metadata"]["webgl_support"] = "yes"
    metadata["device_info"]["is_mobile"] = None
    violations = validate_body(spec, "get_participant_data_from_peer_id", 200, body)
    assert [(v.path, v.expected) for v in violations] == [
        ("$.data.participant.peer_report.metadata.browser_metadata.webgl_support", "type boolean or null"),
        ("$.data.participant.peer_report.metadata.device_info.is_mobile", "type boolean"),
    ]


def test_broken_error_envelope_names_the_field_of_the_closest_shape(spec: dict[str, Any]) -> None:
    realtimekit = {"success": False, "error": {"code": "E404"}}
    assert validate_body(spec, "get_session_chat", 404, realtimekit) == [
        Violation("type-change", "$.error.code", "type number", 'string "E404"'),
        Violation("missing-field", "$.error.message", "required property", "missing"),
    ]
    cloudflare = _body("get_session_chat", "error_429")
    cloudflare["errors"][0]["code"] = 971.5
    assert validate_body(spec, "get_session_chat", 429, cloudflare) == [
        Violation("type-change", "$.errors[0].code", "type integer", "number 971.5")
    ]


def test_undocumented_status_and_media_type_are_violations(spec: dict[str, Any]) -> None:
    assert validate_body(spec, "get_sessions", 418, {}) == [
        Violation("new-status", "$", "a status documented for get_sessions", "status 418")
    ]
    # A 500 is documented as JSON; only the edge's 520-527 may come as HTML.
    assert check_text_body(spec, "get_sessions", 500, "text/html; charset=UTF-8") == [
        Violation("media-type", "$", "a media type documented for status 500", "text/html body")
    ]
    assert check_text_body(spec, "get_sessions", 522, "text/html; charset=UTF-8") == []


@pytest.mark.parametrize(("status", "key"), [(200, "200"), (404, "404"), (503, "5XX"), (522, "5XX")])
def test_status_resolves_to_its_entry_or_range(spec: dict[str, Any], status: int, key: str) -> None:
    located = response_for(spec, "get_session_summary", status)
    assert located is not None
    pointer, response = located
    if key == "5XX":
        assert pointer == "/components/responses/ServerError"
        assert "HTML" in response["description"], "the spec must keep documenting the edge's HTML answers"
    else:
        assert pointer.endswith(f"/responses/{key}") or pointer.startswith("/components/responses/")
