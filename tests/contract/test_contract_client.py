"""Checks (2)-(4): the generated client, replaying each recording over HTTP through httpx.MockTransport.

import functools
(2) the call returns the typed model (or raises the typed error), (3) to_dict() gives back the recorded body,
(4) the request it sent is the recorded one.
"""

from __future__ import annotations

import datetime
import functools
import json
import re
from pathlib import Path
from typing import Any

import httpx
import pytest
from contract_support import (
    BASE_PATH,
    BASE_URL,
    RECORDINGS_DIR,
    TEST_TOKEN,
    declared_properties,
    is_error,
    load_recording,
    operation_module,
    query_differences,
    replay,
    replay_async,
    untyped_spots,
)
from realtimekit_sessions import errors, models
from realtimekit_tools.contract import response_for
from realtimekit_tools.routes import route_table
from realtimekit_tools.testing.compare import differences

ERROR_CLASSES = {
    400: errors.BadRequestError,
    401: errors.AuthenticationError,
    403: errors.PermissionDeniedError,
    404: errors.NotFoundError,
    429: errors.RateLimitError,
}


def expected_error_class(status: int) -> type[errors.APIStatusError]:
    return ERROR_CLASSES.get(status) or errors.InternalServerError


def success_model(spec: dict[str, Any], operation_id: str) -> type:
    """The model class the spec names for the operation's 200 answer."""
    located = response_for(spec, operation_id, 200)
    assert located is not None
    schema_ref = located[1]["content"]["application/json"]["schema"]["$ref"]
    model: type = getattr(models, schema_ref.rsplit("/", 1)[-1])
    return model


def error_model(body: Any) -> type | None:
    if isinstance(body, dict) and isinstance(body.get("error"), dict):
        return models.RealtimeKitError
    if isinstance(body, dict) and isinstance(body.get("errors"), list):
        return models.CloudflareError
    return None


def check_typed_result(
    spec: dict[str, Any], recording: dict[str, Any], result: Any, error: BaseException | None
) -> None:
    response = recording["response"]
    if not is_error(recording):
        assert error is None, f"the call raised {error!r}"
        model = success_model(spec, recording["operation_id"])
        assert type(result) is model, f"expected {model.__name__}, got {type(result).__name__}"
        spots = list(untyped_spots(result, declared_properties(spec)))
        assert not spots, f"not typed at: {spots[:10]}"
        return

    expected = expected_error_class(response["status"])
    assert isinstance(error, expected), f"expected {expected.__name__}, got {error!r} (result {result!r})"
    assert isinstance(error, errors.APIStatusError) and isinstance(error, errors.APIError)
    assert error.status_code == response["status"]
    assert error.ray_id == response["headers"]["cf-ray"]
    assert isinstance(error.response, httpx.Response)
    model = error_model(response.get("body"))
    if model is None:
        assert error.body is None, "an HTML edge page has no error model"
    else:
        assert type(error.body) is model, f"expected body {model.__name__}, got {error.body!r}"
        spots = list(untyped_spots(error.body, declared_properties(spec)))
        assert not spots, f"not typed at: {spots[:10]}"
    assert TEST_TOKEN not in f"{error} {error!r}", "the token leaked into the exception"


# ---- (2) typed result ----------------------------------------------------------------------------------------------


def test_client_returns_the_typed_model(recording_path: Path, spec: dict[str, Any]) -> None:
    recording = load_recording(recording_path)
    outcome = replay(spec, recording)
    assert len(outcome.sent) == 1, "max_retries=0: exactly one request"
    check_typed_result(spec, recording, outcome.result, outcome.error)


def test_detailed_call_keeps_status_headers_and_parsed_model(recording_path: Path, spec: dict[str, Any]) -> None:
    recording = load_recording(recording_path)
    outcome = replay(spec, recording, variant="sync_detailed")
    if is_error(recording):
        # Non-2xx raises from the detailed call too: one contract for every way of calling.
        assert isinstance(outcome.error, expected_error_class(recording["response"]["status"]))
        return
    assert outcome.error is None, f"the call raised {outcome.error!r}"
    detailed = outcome.result
    assert detailed.status_code == 200
    assert detailed.headers["cf-ray"] == recording["response"]["headers"]["cf-ray"]
    assert type(detailed.parsed) is success_model(spec, recording["operation_id"])
    assert not differences(recording["response"]["body"], json.loads(detailed.content))


# ---- (3) to_dict round trip ------------------------------------------------------------------------------------


def test_to_dict_gives_back_the_recorded_body(recording_path: Path, spec: dict[str, Any]) -> None:
    recording = load_recording(recording_path)
    outcome = replay(spec, recording)
    response = recording["response"]
    if is_error(recording):
        assert isinstance(outcome.error, errors.APIStatusError), f"expected an APIStatusError, got {outcome.error!r}"
        body = outcome.error.body
        if "body_text" in response:
            assert body is None
            return
        parsed = body
    else:
        assert outcome.error is None, f"the call raised {outcome.error!r}"
        parsed = outcome.result
    found = differences(response["body"], parsed.to_dict())
    assert not found, "\n".join(found[:20])


# ---- (4) the request sent ---------------------------------------------------------------------------------------


def test_request_sent_matches_the_recording(recording_path: Path, spec: dict[str, Any]) -> None:
    recording = load_recording(recording_path)
    outcome = replay(spec, recording)
    assert outcome.sent, f"no request was sent ({outcome.error!r})"
    sent = outcome.sent[0]
    recorded = recording["request"]
    assert sent.method == recorded["method"]
    assert sent.url.path.startswith(BASE_PATH + "/"), f"base path lost: {sent.url.path}"
    assert sent.url.path.removeprefix(BASE_PATH) == recorded["path"]
    assert not query_differences(spec, recording, sent)
    assert sent.headers["authorization"] == f"Bearer {TEST_TOKEN}"
    assert sent.content == b"", "none of the nine operations has a request body"


# ---- async variants: every operation once, a success and an error -----------------------------------------------

OPERATION_IDS = sorted(path.name for path in RECORDINGS_DIR.iterdir() if path.is_dir())


@pytest.mark.parametrize("case", ["full", "error_429", "error_522_html"])
@pytest.mark.parametrize("operation_id", OPERATION_IDS)
async def test_async_call_returns_the_typed_model(spec: dict[str, Any], operation_id: str, case: str) -> None:
    recording = load_recording(RECORDINGS_DIR / operation_id / f"{case}.json")
    outcome = await replay_async(spec, recording)
    assert len(outcome.sent) == 1
    check_typed_result(spec, recording, outcome.result, outcome.error)
    assert not query_differences(spec, recording, outcome.sent[0])
    if not is_error(recording):
        assert not differences(recording["response"]["body"], outcome.result.to_dict())


def test_every_operation_module_has_the_four_ways_of_calling(spec: dict[str, Any]) -> None:
    for operation_id in OPERATION_IDS:
        assert operation_id in route_table(spec)
        module = operation_module(operation_id)
        for name in ("sync", "sync_detailed", "asyncio", "asyncio_detailed"):
            assert callable(getattr(module, name, None)), f"{operation_id}.{name}"


# ---- the comparisons themselves can fail -------------------------------------------------------------------------


def test_differences_treats_numbers_and_instants_by_value_but_not_bools() -> None:
    assert (
        differences({"n": 1, "t": "2025-03-14T09:00:02.118Z"}, {"n": 1.0, "t": "2025-03-14T09:00:02.118000+00:00"})
        == []
    )
    assert differences({"n": 1}, {"n": True}) == ["$.n: expected 1, got True"]
    assert differences({"t": "2025-03-14T09:00:02Z"}, {"t": "2025-03-14T09:00:03+00:00"}) != []
    assert differences({"t": "2025-03-14T09:00:02Z"}, {"t": "2025-03-14T09:00:02"}) != [], "naive is not an instant"
    assert differences({"a": [1, 2]}, {"a": [1]}) == ["$.a: expected 2 items, got 1"]
    assert differences({"a": None}, {}) == ["$.a: missing"]
    assert differences({}, {"b": 0}) == ["$.b: unexpected (value 0)"]


def test_untyped_spots_finds_raw_dicts_naive_times_and_unread_fields(spec: dict[str, Any]) -> None:
    declared = declared_properties(spec)
    participant = models.Participant.from_dict({"id": "p", "x_new": {"kept": True}})
    assert list(untyped_spots(participant, declared)) == []
    participant.additional_properties["display_name"] = "unread"
    participant.peer_events = [{"id": "raw"}]  # type: ignore[list-item]
    participant.joined_at = datetime.datetime(2025, 3, 14, 9, 0)
    spots = list(untyped_spots(participant, declared))
    assert any(re.search(r"peer_events\[0\] \(raw dict\)", s) for s in spots), spots
    assert any("joined_at (naive datetime)" in s for s in spots), spots
    assert any("'display_name'" in s for s in spots), spots


def test_query_differences_catches_a_changed_missing_or_extra_parameter(spec: dict[str, Any]) -> None:
    recording = load_recording(RECORDINGS_DIR / "get_sessions" / "full.json")
    url = BASE_URL + recording["request"]["path"]
    as_recorded = httpx.Request("GET", url, params=recording["request"]["query"])
    assert query_differences(spec, recording, as_recorded) == []

    query = {**recording["request"]["query"], "page_no": "1.0", "status": "LIVE"}
    del query["sort_by"]
    query["start_time"] = "2025-03-01T09:00:00Z"  # the same instant, written the other way: not a difference
    found = query_differences(spec, recording, httpx.Request("GET", url, params=query))
    assert found == [
        "query page_no: recorded '1', sent '1.0'",
        "query sort_by: recorded 'createdAt', not sent",
        "query status: sent 'LIVE', not in the recording",
    ]

    details = load_recording(RECORDINGS_DIR / "get_session_details" / "sparse.json")
    url = BASE_URL + details["request"]["path"]
    default_sent = httpx.Request("GET", url, params={"include_breakout_rooms": "false"})
    assert query_differences(spec, details, default_sent) == [], "the spec's default may be sent unasked"
    non_default = httpx.Request("GET", url, params={"include_breakout_rooms": "true"})
    assert query_differences(spec, details, non_default) != []


# ---- The fast path and the lenient path agree -----------------------------------------------------------------------


def test_bodies_the_spec_describes_take_the_fast_path_and_read_as_the_lenient_path_does(
    success_recording_path: Path, spec: dict[str, Any]
) -> None:
    # load_json falls back to from_dict silently whenever msgspec refuses a body, so a fast path broken by a
    # template change would show only as lost speed. Every 2xx recording the spec describes (no unknown fields)
    # must be read by it, into the very model from_dict gives.
    from realtimekit_sessions._models import read_fast, read_lenient
    from realtimekit_sessions._reading import decode_json

    recording = load_recording(success_recording_path)
    model = success_model(spec, recording["operation_id"])
    content = json.dumps(recording["response"]["body"]).encode()
    lenient = read_lenient(model, decode_json(content))
    fast = functools.partial(read_fast, model)
    if recording.get("provenance", {}).get("expected_drift"):
        with pytest.raises(ValueError):
            fast(content)  # unknown keys: msgspec refuses, and the lenient path keeps them
        assert lenient.additional_keys, "the lenient path keeps what the fast path refused"
        return
    assert fast(content) == lenient


def test_models_built_in_place_read_as_those_built_one_call_each(
    success_recording_path: Path, spec: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    # `_from_shape` builds the models inside a model in place, up to INLINE_LINES of code; past that (and for a
    # model inside itself) it calls their own `_from_shape`. With no room at all, every nested model is a call.
    from realtimekit_sessions import _models

    recording = load_recording(success_recording_path)
    model = success_model(spec, recording["operation_id"])
    if recording.get("provenance", {}).get("expected_drift"):
        return  # the fast path refuses it (see above)
    shape = _models.plan(model).decode(json.dumps(recording["response"]["body"]).encode())
    in_place = _models._compile_from_shape(model)
    monkeypatch.setattr(_models, "INLINE_LINES", 0)
    one_call_each = _models._compile_from_shape(model)
    assert in_place(model, shape) == one_call_each(model, shape)
