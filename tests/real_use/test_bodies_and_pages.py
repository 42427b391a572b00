"""Bodies with null where the spec says optional, corrupt encodings, and servers that lie about pagination."""

from __future__ import annotations

import asyncio
import copy
import gzip
import json
import pickle
from typing import Any

import attrs
import httpx
import pytest
from realtimekit_sessions import errors
from realtimekit_sessions.api.sessions import get_session_participants, get_sessions
from realtimekit_sessions.models import Participant, Session, SessionGetSessionsResponse
from realtimekit_sessions.types import UNSET
from realtimekit_tools.testing.transports import json_response

from .conftest import ACCOUNT, APP, SESSION, scripted_client

LIVE_SESSION = {
    "id": SESSION,
    "associated_id": "standup-kqzvwx",
    "created_at": "2025-03-14T09:00:02.118Z",
    "updated_at": "2025-03-14T09:47:40.902Z",
    "started_at": "2025-03-14T09:00:02.118Z",
    "ended_at": None,  # a LIVE session has not ended
    "live_participants": 3,
    "max_concurrent_participants": 6,
    "meeting_display_name": None,
    "minutes_consumed": 12.5,
    "organization_id": APP,
    "status": "LIVE",
    "type": "meeting",
    "meta": None,
    "breakout_rooms": None,
}


def session(number: int, **fields: Any) -> dict[str, Any]:
    return {
        **LIVE_SESSION,
        "id": f"session-{number:04d}",
        "status": "ENDED",
        "ended_at": "2025-03-14T10:00:00Z",
        **fields,
    }


# ---- null in optional fields ---------------------------------------------------------------------------------


def test_null_in_optional_fields_at_any_depth_reads_as_none_and_writes_back_as_null() -> None:
    participant = {
        "id": "peer-1",
        "joined_at": "2025-03-14T09:00:05+00:00",
        "left_at": None,  # still in the call
        "display_name": None,
        "duration": None,
        "peer_events": None,
    }
    body = {"success": True, "data": {"participants": [participant], "paging": None}}
    client, _ = scripted_client(json_response(200, body))
    page = get_session_participants.sync(ACCOUNT, APP, SESSION, client=client)
    read = page.data.participants[0]
    assert read.left_at is None and read.display_name is None and read.peer_events is None
    assert read.user_id is UNSET  # absent stays absent
    assert page.data.paging is None
    assert page.to_dict() == body


@pytest.mark.parametrize("use_async", [False, True])
def test_a_live_session_with_ended_at_null_is_a_typed_session(use_async: bool) -> None:
    body = {"success": True, "data": {"sessions": [LIVE_SESSION]}, "paging": None}
    client, _ = scripted_client(json_response(200, body))
    if use_async:
        page = asyncio.run(get_sessions.asyncio(ACCOUNT, APP, client=client))
    else:
        page = get_sessions.sync(ACCOUNT, APP, client=client)
    live = page.data.sessions[0]
    assert type(live) is Session and live.ended_at is None and live.meta is None
    assert page.to_dict()["data"]["sessions"][0]["ended_at"] is None


def test_null_data_reads_as_none() -> None:
    client, _ = scripted_client(json_response(200, {"success": True, "data": None}))
    assert get_sessions.sync(ACCOUNT, APP, client=client).data is None


def test_iter_all_walks_through_live_sessions() -> None:
    body = {"success": True, "data": {"sessions": [LIVE_SESSION, session(2)]}, "paging": {"total_count": 2}}
    client, _ = scripted_client(json_response(200, body))
    ended = [s.ended_at for s in get_sessions.iter_all(ACCOUNT, APP, client=client)]
    assert ended[0] is None and ended[1] is not None


def test_a_required_field_that_is_null_is_still_located() -> None:
    client, _ = scripted_client(json_response(200, {"data": {"sessions": [{**LIVE_SESSION, "status": None}]}}))
    with pytest.raises(errors.ResponseValidationError) as raised:
        get_sessions.sync(ACCOUNT, APP, client=client)
    assert raised.value.path == "$.data.sessions[0].status"


# ---- transport oddities --------------------------------------------------------------------------------------


@pytest.mark.parametrize("use_async", [False, True])
def test_a_corrupt_content_encoding_is_a_connection_error_and_is_retried(
    use_async: bool, no_sleep: list[float]
) -> None:
    def corrupt(request: httpx.Request) -> httpx.Response:
        # A stream, not content=: httpx decodes content= at once, and the server's bytes arrive as a stream.
        return httpx.Response(200, stream=httpx.ByteStream(b"this is not gzip"), headers={"content-encoding": "gzip"})

    good = json_response(200, {"success": True, "data": {"sessions": [session(1)]}})
    client, script = scripted_client(corrupt, corrupt, good, max_retries=2)
    call = get_sessions.asyncio(ACCOUNT, APP, client=client) if use_async else None
    page = asyncio.run(call) if call else get_sessions.sync(ACCOUNT, APP, client=client)
    assert len(page.data.sessions) == 1 and len(script.requests) == 3

    client, _ = scripted_client(corrupt, max_retries=0)
    with pytest.raises(errors.APIConnectionError, match="Content-Encoding is corrupt"):
        get_sessions.sync(ACCOUNT, APP, client=client)


# ---- pagination that does not lie ----------------------------------------------------------------------------


def pages_server(total: int, cap: int | None = None, ignore_page: bool = False, **extra: Any) -> Any:
    """A list of `total` sessions served page by page (page_no from 1), optionally capping per_page and
    optionally ignoring page_no."""
    everything = [session(n) for n in range(total)]

    def answer(request: httpx.Request) -> httpx.Response:
        page_no = 1 if ignore_page else int(request.url.params.get("page_no", 1))
        per_page = int(request.url.params.get("per_page", 100))
        size = min(per_page, cap) if cap else per_page
        items = everything[(page_no - 1) * size : page_no * size]
        paging = {"total_count": total, "start_offset": (page_no - 1) * size + 1, **extra}
        return json_response(200, {"success": True, "data": {"sessions": items}, "paging": paging})

    return answer


@pytest.mark.parametrize("use_async", [False, True])
def test_a_server_capping_per_page_still_yields_every_session(use_async: bool) -> None:
    client, script = scripted_client(pages_server(60, cap=25))

    async def collect() -> list[Session]:
        return [s async for s in get_sessions.aiter_all(ACCOUNT, APP, client=client, per_page=100)]

    got = (
        asyncio.run(collect()) if use_async else list(get_sessions.iter_all(ACCOUNT, APP, client=client, per_page=100))
    )
    assert [s.id for s in got] == [f"session-{n:04d}" for n in range(60)]
    assert len(script.requests) == 3


@pytest.mark.parametrize("use_async", [False, True])
def test_a_server_ignoring_page_no_is_a_pagination_error_naming_the_page(use_async: bool) -> None:
    client, script = scripted_client(pages_server(60, ignore_page=True))

    async def collect() -> list[Session]:
        return [s async for s in get_sessions.aiter_all(ACCOUNT, APP, client=client, per_page=10)]

    with pytest.raises(errors.PaginationError, match="page 2 brought no item") as raised:
        asyncio.run(collect()) if use_async else list(get_sessions.iter_all(ACCOUNT, APP, client=client, per_page=10))
    assert raised.value.page == 2 and len(script.requests) == 2


def test_an_empty_page_ends_the_walk_even_when_the_total_says_more() -> None:
    client, script = scripted_client(pages_server(5, total_count=500))
    assert len(list(get_sessions.iter_all(ACCOUNT, APP, client=client, per_page=5))) == 5
    assert len(script.requests) == 2  # the second page came back empty


def test_an_item_repeated_on_the_next_page_is_given_once() -> None:
    first = {"success": True, "data": {"sessions": [session(1), session(2)]}, "paging": {"total_count": 3}}
    # The list shifted while we walked: session 2 is on page 2 as well.
    second = {"success": True, "data": {"sessions": [session(2), session(3)]}, "paging": {"total_count": 3}}
    client, _ = scripted_client(json_response(200, first), json_response(200, second))
    ids = [s.id for s in get_sessions.iter_all(ACCOUNT, APP, client=client, per_page=2)]
    assert ids == ["session-0001", "session-0002", "session-0003"]


def test_a_first_page_that_does_not_start_at_item_1_is_said_rather_than_skipped() -> None:
    body = {"success": True, "data": {"sessions": [session(11)]}, "paging": {"total_count": 20, "start_offset": 11}}
    client, _ = scripted_client(json_response(200, body))
    with pytest.raises(errors.PaginationError, match="page 1 starts at item 11, not 1.*page_no=0") as raised:
        list(get_sessions.iter_all(ACCOUNT, APP, client=client, per_page=10))
    assert raised.value.page == 1


def test_participants_walk_by_their_nested_total() -> None:
    people = [{"id": f"peer-{n}"} for n in range(7)]

    def answer(request: httpx.Request) -> httpx.Response:
        page_no = int(request.url.params["page_no"])
        items = people[(page_no - 1) * 3 : page_no * 3]
        return json_response(200, {"data": {"participants": items, "paging": {"total_count": 7}}})

    client, script = scripted_client(answer)
    got = list(get_session_participants.iter_all(ACCOUNT, APP, SESSION, client=client, per_page=3))
    assert [p.id for p in got] == [f"peer-{n}" for n in range(7)] and len(script.requests) == 3


# ---- models as people keep them ------------------------------------------------------------------------------


def parsed_page() -> SessionGetSessionsResponse:
    body = {"success": True, "data": {"sessions": [{**session(1), "region": "eu"}, LIVE_SESSION]}}
    return SessionGetSessionsResponse.from_dict(body)


def test_models_survive_pickle_and_deepcopy_with_unset_still_the_one_singleton() -> None:
    page = parsed_page()
    for copied in (pickle.loads(pickle.dumps(page)), copy.deepcopy(page)):
        assert copied == page and copied.to_dict() == page.to_dict()
        assert copied.data.sessions[0].additional_properties == {"region": "eu"}
        assert copied.paging is UNSET  # the same object, not a look-alike: `is UNSET` checks keep working
        assert copied.data.sessions[1].ended_at is None
        json.dumps(copied.to_dict())


def test_reading_a_model_never_changes_equality_and_evolve_keeps_unknown_fields() -> None:
    first, second = parsed_page(), parsed_page()
    live_a, live_b = first.data.sessions[1], second.data.sessions[1]
    assert live_a.additional_properties == {} and "x" not in live_a and live_a.additional_keys == []
    assert live_a == live_b and first == second

    regional = first.data.sessions[0]
    moved = attrs.evolve(regional, status="LIVE")
    assert moved.additional_properties == {"region": "eu"} and moved.to_dict()["region"] == "eu"
    moved["region"] = "us"
    assert regional["region"] == "eu"  # the evolved copy has unknown fields of its own


def test_a_participant_built_by_hand_takes_unknown_fields() -> None:
    person = Participant(id="peer-1", additional_properties={"new_field": 1})
    assert person.to_dict() == {"new_field": 1, "id": "peer-1"}


def test_gzip_bodies_are_read() -> None:
    body = {"success": True, "data": {"sessions": [session(1)]}}
    answer = httpx.Response(200, content=gzip.compress(json.dumps(body).encode()), headers={"content-encoding": "gzip"})
    client, _ = scripted_client(answer)
    assert get_sessions.sync(ACCOUNT, APP, client=client).data.sessions[0].id == "session-0001"
