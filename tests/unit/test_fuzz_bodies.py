"""Bodies generated from the spec, valid and broken, through the real call path (httpx.MockTransport answers).

Valid bodies must come back as the typed model and survive to_dict() unchanged (compared as the contract suite
compares: timestamps as instants, 1 == 1.0). Broken ones must end in the typed model or the documented
exception (ResponseValidationError through a call, ModelParseError from from_dict), never anything else.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import signal
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st
from realtimekit_sessions import errors
from realtimekit_tools.contract import validate_body
from realtimekit_tools.testing.compare import differences
from realtimekit_tools.testing.transports import Canned
from suite_support import (
    OPERATION_IDS,
    Mutated,
    count,
    make_client,
    mutated_bodies,
    operation_module,
    parsed_json,
    path_arguments,
    spec,
    success_model,
    valid_bodies,
)

# A failing example is shown in full whatever its size; hypothesis warns about that for the megabyte strings.
pytestmark = pytest.mark.filterwarnings("ignore:Generating overly large repr")


# A body that makes the client loop forever would otherwise stall the run with no verdict. Far above the few
# milliseconds a body takes even with megabyte strings; it turns a hang into a failure, it measures nothing.
HANG_LIMIT = 60


class HangError(Exception):
    pass


@contextlib.contextmanager
def no_hang() -> Iterator[None]:
    def interrupt(signum: int, frame: object) -> None:
        raise HangError(f"one body kept the client busy for {HANG_LIMIT} s")

    previous = signal.signal(signal.SIGALRM, interrupt)
    signal.alarm(HANG_LIMIT)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def call(operation_id: str, canned: Canned, *, use_async: bool) -> Any:
    """The operation called as a user would (max_retries=0: one request, one answer)."""
    with no_hang():
        return _call(operation_id, canned, use_async=use_async)


def _call(operation_id: str, canned: Canned, *, use_async: bool) -> Any:
    module = operation_module(operation_id)
    client = make_client(httpx.MockTransport(canned), max_retries=0)
    arguments = path_arguments(operation_id)
    if use_async:

        async def run() -> Any:
            async with client:
                return await module.asyncio(*arguments, client=client)

        return asyncio.run(run())
    with client:
        return module.sync(*arguments, client=client)


def mock_server_body(operation_id: str) -> dict[str, Any]:
    """The spec's own example of the operation's 200 body (a fresh copy)."""
    from realtimekit_tools import mock_server

    body: dict[str, Any] = mock_server.success_bodies()[operation_id]
    return body


def check_lossless(body: dict[str, Any], model: Any) -> None:
    found = differences(body, model.to_dict())
    assert not found, f"to_dict() is not the body it was read from: {found[:5]}"
    # And the output is JSON again: a datetime or a model left inside would not serialise.
    json.dumps(model.to_dict())


@pytest.mark.parametrize("operation_id", OPERATION_IDS)
def test_every_valid_body_parses_and_round_trips(operation_id: str) -> None:
    model_class = success_model(operation_id)

    @given(body=valid_bodies(operation_id), use_async=st.booleans())
    def run(body: dict[str, Any], use_async: bool) -> None:
        count(operation_id, "valid")
        # The generator's word is checked, not taken: the body conforms under the contract suite's validator.
        assert not validate_body(spec(), operation_id, 200, body)
        canned = Canned(json.dumps(body).encode())
        result = call(operation_id, canned, use_async=use_async)
        assert len(canned.sent) == 1
        assert type(result) is model_class
        check_lossless(body, result)
        # The same body straight into the model, without HTTP.
        lenient = model_class.from_dict(body)
        check_lossless(body, lenient)
        # The call read it by the fast path or, where msgspec refused it (keys the spec leaves open), by the
        # lenient path: either way into the model from_dict gives.
        assert result == lenient

    run()


@pytest.mark.parametrize("operation_id", OPERATION_IDS)
def test_every_broken_body_ends_in_the_model_or_a_typed_error(operation_id: str) -> None:
    model_class = success_model(operation_id)

    @given(mutated=mutated_bodies(operation_id), use_async=st.booleans())
    def run(mutated: Mutated, use_async: bool) -> None:
        count(operation_id, mutated.kind)
        canned = Canned(mutated.content, mutated.content_type)
        try:
            result = call(operation_id, canned, use_async=use_async)
        except errors.ResponseValidationError as exc:
            assert exc.status_code == 200
            assert exc.response.content == mutated.content
            assert str(exc)  # a message that says something, computed without raising
        else:
            assert type(result) is model_class
            json.dumps(result.to_dict())
        assert len(canned.sent) == 1

        data = parsed_json(mutated.content)
        if data is not None:
            with no_hang():
                try:
                    model = model_class.from_dict(data)
                except errors.ModelParseError as exc:
                    assert exc.path.startswith("$")
                    assert str(exc)
                else:
                    json.dumps(model.to_dict())

    run()


# json.loads raises RecursionError (a RuntimeError, not the ValueError the client catches) on a document nested
# deeper than Python's recursion limit. One such answer from a proxy or a broken backend must still end in the
# client's own exception, on the success path and on the error path alike.
DEEP = b"[" * 100_000 + b"]" * 100_000


@pytest.mark.parametrize("use_async", [False, True], ids=["sync", "async"])
def test_a_2xx_body_nested_past_the_recursion_limit_is_a_response_validation_error(use_async: bool) -> None:
    canned = Canned(b'{"success": true, "data": ' + DEEP + b"}")
    with pytest.raises(errors.ResponseValidationError):
        call("get_sessions", canned, use_async=use_async)


@pytest.mark.parametrize("use_async", [False, True], ids=["sync", "async"])
def test_an_error_body_nested_past_the_recursion_limit_still_gives_the_status_error(use_async: bool) -> None:
    canned = Canned(b'{"success": false, "error": ' + DEEP + b"}", status=500)
    with pytest.raises(errors.InternalServerError) as raised:
        call("get_sessions", canned, use_async=use_async)
    assert raised.value.body is None


@pytest.mark.parametrize("use_async", [False, True], ids=["sync", "async"])
def test_integers_beyond_64_bits_come_back_exactly(use_async: bool) -> None:
    # JSON numbers have no size limit and the spec sets none; Python's ints have none either. Found by
    # `make fuzz`: a body with -9223372036854775809 (one below the smallest int64) came back from to_dict() as
    # the float -9.223372036854776e+18, both in a declared number field and in a key the spec does not know.
    body = mock_server_body("get_session_details")
    body["data"]["max_concurrent_participants"] = -9_223_372_036_854_775_809
    body["data"]["x_counter"] = 123_456_789_012_345_678_901_234_567_890
    result = call("get_session_details", Canned(json.dumps(body).encode()), use_async=use_async)
    out = result.to_dict()
    assert out["data"]["max_concurrent_participants"] == -9_223_372_036_854_775_809
    assert type(out["data"]["max_concurrent_participants"]) is int
    assert out["data"]["x_counter"] == 123_456_789_012_345_678_901_234_567_890
    assert not differences(body, out)


def test_the_mutations_reach_every_kind_of_failure() -> None:
    # The fuzzing above only proves something if broken bodies really do fail: a mutation that never broke
    # anything would pass too. Each of these must fail to parse.
    @given(mutated=mutated_bodies("get_session_details"))
    def run(mutated: Mutated) -> None:
        if mutated.kind not in ("html", "empty", "truncated", "not_an_object", "bad_utf8"):
            return
        with pytest.raises(errors.ResponseValidationError):
            call("get_session_details", Canned(mutated.content, mutated.content_type), use_async=False)

    run()


def test_building_property_strategies_once_draws_the_same_bodies(monkeypatch: pytest.MonkeyPatch) -> None:
    # suite_support caches hypothesis-jsonschema's per-property strategies and builds each object's key filter
    # once (for speed); the bodies drawn must be the ones the library would draw without either, example for
    # example.
    from hypothesis import HealthCheck, settings
    from hypothesis_jsonschema import _from_schema, from_schema
    from suite_support import CUSTOM_FORMATS, success_schema

    def draw_all() -> list[str]:
        drawn: list[str] = []

        @settings(max_examples=15, derandomize=True, database=None, suppress_health_check=list(HealthCheck))
        @given(body=from_schema(success_schema("get_session_details"), custom_formats=CUSTOM_FORMATS))
        def run(body: dict[str, Any]) -> None:
            drawn.append(json.dumps(body, sort_keys=True))

        run()
        return drawn

    cached = draw_all()
    monkeypatch.setattr(_from_schema, "merged_as_strategies", _from_schema.merged_as_strategies.__wrapped__)
    monkeypatch.setattr(_from_schema, "object_schema", _from_schema.object_schema.__wrapped__)
    assert draw_all() == cached
    assert len(set(cached)) > 5
