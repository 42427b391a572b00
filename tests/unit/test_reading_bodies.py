"""How a body becomes models: the decoder, the fast path and its fallback, free-form objects kept as the dicts they
came as, unknown keys found by counting, enums read inline."""

from __future__ import annotations

import datetime
import functools
import json
from types import MappingProxyType
from typing import Annotated, Any

import pytest
from attrs import define, setters
from realtimekit_sessions import errors
from realtimekit_sessions._models import Model, Shape, Timestamp, read_fast, read_lenient
from realtimekit_sessions._reading import decode_json, load_json
from realtimekit_sessions.models import PeerEvent, PeerEventName, Session, SessionGetSessionsResponse
from realtimekit_sessions.types import UNSET, Unset

from .test_inputs_and_bodies import SESSION_BODY

PEER_EVENT = {
    "id": "ev-1",
    "event_name": "PEER_JOINING",
    "peer_id": "peer-1",
    "participant_id": "part-1",
    "session_id": "sess-1",
    "socket_session_id": "sock-1",
    "preset_view_type": "GROUP_CALL",
    "minutes_consumed": 3.5,
    "created_at": "2025-03-14T09:00:02.118Z",
    "updated_at": "2025-03-14T09:47:40.902Z",
}


# ---- Decoding ----------------------------------------------------------------------------------------------


def test_integers_of_any_size_and_floats_come_back_exact() -> None:
    body = b'{"big": 123456789012345678901234567890, "neg": -9223372036854775809, "f": 0.1, "u": 18446744073709551616}'
    assert decode_json(body) == {
        "big": 123456789012345678901234567890,
        "neg": -9223372036854775809,
        "f": 0.1,
        "u": 18446744073709551616,
    }


@pytest.mark.parametrize(
    "body",
    [b"NaN", b'{"a": Infinity}', b'"\xff"', b"[1] [2]", b"", b"[" * 100_000 + b"]" * 100_000],
    ids=["nan", "infinity", "invalid-utf8", "trailing", "empty", "nested-too-deep"],
)
def test_what_json_does_not_allow_is_a_value_error(body: bytes) -> None:
    with pytest.raises(ValueError):
        decode_json(body)


# ---- The fast path and its fallback ------------------------------------------------------------------------


def _body(**session: Any) -> bytes:
    return json.dumps({"success": True, "data": {"sessions": [{**SESSION_BODY, **session}]}}).encode()


def test_a_body_the_spec_describes_is_read_by_the_fast_path() -> None:
    fast = functools.partial(read_fast, SessionGetSessionsResponse)
    body = _body(meta={"room": "blue"}, ended_at="2025-03-14T10:00:00Z")
    assert fast(body) == SessionGetSessionsResponse.from_dict(decode_json(body)) == load_json(
        body, SessionGetSessionsResponse.from_dict
    )


def test_integers_beyond_64_bits_stay_exact_on_the_fast_path() -> None:
    body = _body(minutes_consumed=2**70 + 1, live_participants=-(2**65))
    fast = functools.partial(read_fast, SessionGetSessionsResponse)
    session = fast(body).data.sessions[0]
    assert session.minutes_consumed == 2**70 + 1 and session.live_participants == -(2**65)


@pytest.mark.parametrize(
    ("session", "path"),
    [
        ({"status": 7}, "$.data.sessions[0].status"),  # msgspec refuses a number where an enum's string belongs
        ({"meta": [1]}, "$.data.sessions[0].meta"),  # msgspec refuses: an array where an object belongs
        ({"breakout_rooms": {}}, "$.data.sessions[0].breakout_rooms"),
    ],
)
def test_what_the_fast_path_refuses_the_lenient_path_locates(session: dict[str, Any], path: str) -> None:
    with pytest.raises(errors.ModelParseError) as caught:
        load_json(_body(**session), SessionGetSessionsResponse.from_dict)
    assert caught.value.path == path


def test_a_missing_required_field_is_located_by_the_lenient_path() -> None:
    source = {k: v for k, v in SESSION_BODY.items() if k != "organization_id"}
    body = json.dumps({"data": {"sessions": [source]}}).encode()
    with pytest.raises(errors.ModelParseError, match="missing required field") as caught:
        load_json(body, SessionGetSessionsResponse.from_dict)
    assert caught.value.path == "$.data.sessions[0].organization_id"


def test_unknown_keys_anywhere_send_the_body_to_the_lenient_path_which_keeps_them() -> None:
    body = _body(region="eu", meta={"x": 1})
    fast = functools.partial(read_fast, SessionGetSessionsResponse)
    with pytest.raises(ValueError):
        fast(body)
    parsed = load_json(body, SessionGetSessionsResponse.from_dict)
    assert parsed.data.sessions[0].additional_properties == {"region": "eu"}
    assert parsed.to_dict()["data"]["sessions"][0]["region"] == "eu"


# ---- Free-form objects ---------------------------------------------------------------------------------------


def test_free_form_objects_are_the_dicts_they_came_as() -> None:
    source = {**SESSION_BODY, "meta": {"room": "blue", "n": 2}, "breakout_rooms": [{"a": 1}, {}]}
    session = read_lenient(Session, source)
    assert type(session.meta) is dict and session.meta is source["meta"]
    assert session.breakout_rooms == [{"a": 1}, {}] and session.breakout_rooms[0] is source["breakout_rooms"][0]
    back = session.to_dict()
    assert back["meta"] == {"room": "blue", "n": 2} and back["meta"] is not source["meta"]


def test_a_free_form_object_from_another_mapping_becomes_a_dict() -> None:
    session = Session.from_dict({**SESSION_BODY, "meta": MappingProxyType({"room": "blue"})})
    assert type(session.meta) is dict and session.meta == {"room": "blue"}


def test_a_free_form_object_that_is_not_one_is_located() -> None:
    with pytest.raises(errors.ModelParseError, match="expected an object") as caught:
        Session.from_dict({**SESSION_BODY, "meta": ["not", "an", "object"]})
    assert caught.value.path == "$.meta"


def test_breakout_rooms_hold_any_json_value_as_the_sdk_types_them() -> None:
    rooms = [{}, {"id": "r"}, "room", 5, None]
    assert Session.from_dict({**SESSION_BODY, "breakout_rooms": rooms}).breakout_rooms == rooms
    with pytest.raises(errors.ModelParseError, match="expected an array") as caught:
        Session.from_dict({**SESSION_BODY, "breakout_rooms": {"not": "a list"}})
    assert caught.value.path == "$.breakout_rooms"


# ---- Unknown keys, found by counting ----------------------------------------------------------------------


@pytest.mark.parametrize("missing", [0, 1, 2, 5])
def test_unknown_keys_are_kept_however_many_known_ones_are_missing(missing: int) -> None:
    # As many unknown keys as absent known ones: the count of keys alone matches the schema's, and must not
    # be taken for "no unknown keys".
    source = {k: v for k, v in list(PEER_EVENT.items())[missing:]}
    unknown = {f"new_{i}": i for i in range(missing)}
    event = PeerEvent.from_dict({**source, **unknown})
    assert event.additional_properties == unknown
    assert event.to_dict().keys() == {**source, **unknown}.keys()


def test_a_complete_object_has_no_unknown_keys() -> None:
    event = PeerEvent.from_dict(PEER_EVENT)
    assert event.additional_keys == [] and event.to_dict().keys() == PEER_EVENT.keys()


def test_unknown_keys_next_to_required_fields_are_kept() -> None:
    session = Session.from_dict({**SESSION_BODY, "region": "eu"})
    assert session.additional_properties == {"region": "eu"}


# ---- Enums, read inline -------------------------------------------------------------------------------------


def test_enum_values_are_kept_as_they_came_new_ones_included() -> None:
    event = PeerEvent.from_dict({**PEER_EVENT, "event_name": "PEER_RECONNECTING", "preset_view_type": None})
    assert event.event_name == "PEER_RECONNECTING" and event.preset_view_type is None


@pytest.mark.parametrize(
    ("source", "path", "expected"),
    [
        ({**PEER_EVENT, "event_name": 3}, "$.event_name", "PEER_CREATED, PEER_JOINING, PEER_LEAVING"),
        ({**PEER_EVENT, "preset_view_type": ["GROUP_CALL"]}, "$.preset_view_type", "GROUP_CALL"),
        ({**SESSION_BODY, "status": None}, "$.status", "LIVE"),
    ],
)
def test_an_enum_that_is_not_a_string_is_located_and_says_what_was_expected(
    source: dict[str, Any], path: str, expected: str
) -> None:
    model = PeerEvent if "event_name" in source else Session
    with pytest.raises(errors.ModelParseError) as caught:
        model.from_dict(source)
    assert caught.value.path == path and expected in str(caught.value)


# Nested models built in place or by a call each, nullable ones, and lists of values that convert: a small
# model of each kind, read through the fast path's compiled code (both ways) and the lenient reader alike.
# (At module level: the models' annotations are resolved in this module's namespace.)
@define(on_setattr=setters.NO_OP)
class Leaf(Model):
    at: datetime.datetime | str | None | Unset = UNSET

    class _Shape(Shape):
        at: Timestamp | None | Unset = UNSET


@define(on_setattr=setters.NO_OP)
class Tree(Model):
    leaf: Leaf | None | Unset = UNSET
    leaves: list[Leaf] | None | Unset = UNSET
    times: list[datetime.datetime | str] | None | Unset = UNSET
    gaps: list[Leaf | None] | None | Unset = UNSET
    names: list[PeerEventName | str | None] | None | Unset = UNSET

    class _Shape(Shape):
        leaf: Leaf._Shape | None | Unset = UNSET
        leaves: list[Leaf._Shape] | None | Unset = UNSET
        times: list[Timestamp] | None | Unset = UNSET
        gaps: list[Leaf._Shape | None] | None | Unset = UNSET
        names: list[Annotated[str, PeerEventName] | None] | None | Unset = UNSET


@pytest.mark.parametrize("inline_lines", [1500, 0], ids=["in-place", "a-call-each"])
@pytest.mark.parametrize(
    "body",
    [
        {
            "leaf": {"at": "2025-03-14T10:00:00Z"},
            "leaves": [{"at": None}, {}],
            "times": ["2025-03-14T10:00:00Z"],
            "gaps": [None, {"at": "2025-03-14T10:00:00Z"}],
            "names": ["peerJoined", None, "somethingNew"],
        },
        {"leaf": None, "leaves": None, "times": None},
        {},
    ],
    ids=["filled", "nulls", "empty"],
)
def test_nested_nullable_and_converted_lists_read_alike_on_both_paths(
    body: dict[str, Any], inline_lines: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    from realtimekit_sessions import _models

    tree = Tree
    monkeypatch.setattr(_models, "INLINE_LINES", inline_lines)
    shape = _models.plan(tree).decode(json.dumps(body).encode())
    fast = _models._compile_from_shape(tree)(tree, shape)
    assert fast == tree.from_dict(body)
    assert fast.to_dict() == tree.from_dict(body).to_dict()
