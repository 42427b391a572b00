"""The official SDK as an independent oracle (issue 11): wherever the SDK validates a body, ours returns the
typed model with the same values.

Bodies are drawn from the SDK's own response models (their JSON Schemas; see differential_support), so they
test our spec as much as our code: a body the SDK takes and ours refuses or reads differently is a divergence.
The divergences it found are fixed, each kept as a test below holding its minimal body; one is a deliberate
difference, tested as such. Any divergence the fuzz test meets now fails it.
"""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest
from differential_support import (
    OPERATION_IDS,
    Problem,
    first_time,
    judge,
    ours_call,
    ours_load,
    sdk_bodies,
    sdk_call,
    sdk_model,
    sdk_validates,
    sdk_values,
    tally,
)
from hypothesis import HealthCheck, given, settings
from suite_support import profile_name

# With the benchmark's smoke test, on one worker of the suite (--dist loadgroup): importing the SDK costs a worker
# more than a second.
pytestmark = pytest.mark.xdist_group("sdk")

# The suite's hypothesis profiles (tests/conftest.py), applied to these tests only: `ci` draws the
# same 15 bodies per operation every run, `fuzz` (make fuzz) FUZZ_EXAMPLES fresh ones.
PROFILES = {
    "ci": {"max_examples": 15, "derandomize": True},
    "fuzz": {"max_examples": int(__import__("os").environ.get("FUZZ_EXAMPLES", "1000"))},
}
PROFILE = settings(
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
    **PROFILES[profile_name()],
)


@pytest.mark.parametrize("operation_id", OPERATION_IDS)
def test_what_the_sdk_reads_ours_reads_alike(operation_id: str) -> None:
    validator = jsonschema.Draft202012Validator(sdk_model(operation_id).model_json_schema(mode="validation"))

    @PROFILE
    @given(body=sdk_bodies(operation_id))
    def run(body: dict[str, Any]) -> None:
        new = first_time(operation_id, body)
        # The generator's word is checked, not taken: the body is one the SDK's own schema describes.
        assert not list(validator.iter_errors(body))
        if new:
            tally(operation_id, "drawn")
        verdict = judge(operation_id, body)
        if not verdict.sdk_valid:
            return
        if new:
            tally(operation_id, "sdk_valid")
            tally(operation_id, "failed" if verdict.problems else "typed_equal")
        assert not verdict.problems, "\n".join(str(problem) for problem in verdict.problems)

    run()


# ---- the divergences found, each with its minimal body ----------------------------------------------------

SESSION = {
    "id": "5e3b5a0c-2a8f-4c38-8d0e-3f0d2b9c7a11",
    "associated_id": "abcdef-ghijkl",
    "created_at": "2023-02-01T10:51:08.039Z",
    "live_participants": 0,
    "max_concurrent_participants": 2,
    "meeting_display_name": "standup",
    "minutes_consumed": 12,
    "organization_id": "3f9a1c527e444b1da0c26d8e5b7f9a10",
    "started_at": "2023-02-01T10:51:08.039Z",
    "status": "ENDED",
    "type": "meeting",
    "updated_at": "2023-02-01T10:51:08.039Z",
}


def both_readings(operation_id: str, body: dict[str, Any]) -> tuple[Any, list[Problem]]:
    """The SDK's values for the body (which it must validate) and how ours differs, by both paths."""
    content = json.dumps(body).encode()
    assert sdk_validates(operation_id, content)
    verdict = judge(operation_id, body)
    return sdk_values(sdk_call(operation_id, content)), verdict.problems


def test_a_timestamp_field_holding_text_without_a_date_keeps_the_text() -> None:
    texts = {"created_at": "1", "started_at": "May", "updated_at": "12:30", "ended_at": "1 1"}
    sdk, problems = both_readings("get_session_details", {"data": {**SESSION, **texts}})
    assert {key: sdk["data"][key] for key in texts} == texts
    assert not problems, "\n".join(map(str, problems))


def test_a_timestamp_field_holding_a_year_alone_keeps_the_text() -> None:
    body = {"data": {"chat_download_url": "https://example.com/chat.csv", "chat_download_url_expiry": "2023"}}
    sdk, problems = both_readings("get_session_chat", body)
    assert sdk["data"]["chat_download_url_expiry"] == "2023"
    assert not problems, "\n".join(map(str, problems))


# Every kind of JSON value but an object, which the SDK's `List[object]` takes and our spec's items do not.
NOT_OBJECTS = [1, "room-1", None, True, []]


@pytest.mark.parametrize("operation_id", ["get_session_details", "get_sessions"])
def test_a_breakout_room_that_is_not_an_object_is_read(operation_id: str) -> None:
    session = {**SESSION, "breakout_rooms": NOT_OBJECTS}
    if operation_id == "get_session_details":
        sdk, problems = both_readings(operation_id, {"data": session})
        assert sdk["data"]["breakout_rooms"] == NOT_OBJECTS
    else:
        sdk, problems = both_readings(operation_id, {"data": {"sessions": [session]}})
        assert sdk["data"]["sessions"][0]["breakout_rooms"] == NOT_OBJECTS
    assert not problems, "\n".join(map(str, problems))


@pytest.mark.parametrize(
    ("operation_id", "body"),
    [
        ("get_session_details", {"data": {**SESSION, "meta": "x"}}),
        ("get_sessions", {"data": {"sessions": [{**SESSION, "meta": "x"}]}}),
        ("get_session_participants", {"data": {"participants": [], "paging": "next"}}),
    ],
    ids=["get_session_details-meta", "get_sessions-meta", "get_session_participants-paging"],
)
def test_a_field_only_our_spec_knows_holding_another_type_is_a_located_error(
    operation_id: str, body: dict[str, Any]
) -> None:
    # A deliberate difference, found by comparing the two schemas' fields (they match everywhere else, the peer
    # report's 511 fields included). The SDK's models do not know a session's `meta` or the participants'
    # `data.paging`, so it keeps any value there as an unknown key. Cloudflare's documentation gives both as
    # objects, and the pagination reads `paging.total_count`, so ours types them: a string there is drift from
    # the documented API, which ours names at its JSONPath (and `make drift` reports) rather than guess around.
    sdk, problems = both_readings(operation_id, body)
    assert sdk == body
    assert [problem.path for problem in problems] == [problems[0].path] * len(problems) and problems
    assert all(problem.error is not None for problem in problems)
    assert problems[0].path.endswith((".meta", ".paging"))


# ---- the oracle's own checks ------------------------------------------------------------------------------


def test_ours_reads_the_sdk_equal_body_by_both_paths() -> None:
    # The oracle proves something only if equal bodies compare equal: a full session, every field given.
    body = {"success": True, "data": {**SESSION, "breakout_rooms": [{"id": "r"}], "ended_at": "2023-02-01T11:00Z"}}
    content = json.dumps(body).encode()
    assert sdk_validates("get_session_details", content)
    assert ours_call("get_session_details", content) == ours_load("get_session_details", content)
    assert judge("get_session_details", body).problems == []
