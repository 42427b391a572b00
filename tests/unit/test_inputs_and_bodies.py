"""Inputs refused before any request; bodies that are odd, old or new read without a bare exception."""

from __future__ import annotations

import datetime
import json
import re

import httpx
import pytest
from realtimekit_sessions import errors
from realtimekit_sessions.api.sessions import (
    get_participant_data_from_peer_id,
    get_session_details,
    get_session_participants,
    get_sessions,
)
from realtimekit_sessions.models import Session, SessionGetSessionsResponse

from .conftest import ACCOUNT, APP, SESSION, json_response

SESSION_BODY = {
    "id": SESSION,
    "associated_id": "standup-kqzvwx",
    "created_at": "2025-03-14T09:00:02.118Z",
    "updated_at": "2025-03-14T09:47:40.902Z",
    "started_at": "2025-03-14T09:00:02.118Z",
    "live_participants": 0,
    "max_concurrent_participants": 6,
    "meeting_display_name": "Weekly platform sync",
    "minutes_consumed": 212.4,
    "organization_id": APP,
    "status": "ENDED",
    "type": "meeting",
}


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"status": "RUNNING"}, "status"),
        ({"sort_by": "name"}, "sort_by"),
        ({"sort_order": "asc"}, "sort_order"),
        ({"page_no": -1}, "page_no"),
        ({"per_page": 2.5}, "per_page"),
        ({"per_page": True}, "per_page"),
        ({"start_time": "yesterday"}, "start_time"),
        ({"search": 42}, "search"),
    ],
)
def test_query_values_are_checked_before_sending(make_client, kwargs: dict, name: str) -> None:
    client, script = make_client(json_response(200, {}))
    with pytest.raises(errors.InvalidParameterError) as caught:
        get_sessions.sync(ACCOUNT, APP, client=client, **kwargs)
    assert caught.value.parameter == name and script.requests == []


def test_good_query_values_are_sent_as_the_api_expects(make_client) -> None:
    client, script = make_client(json_response(200, {"success": True, "data": {"sessions": []}}))
    start = datetime.datetime(2025, 3, 1, tzinfo=datetime.UTC)
    get_sessions.sync(ACCOUNT, APP, client=client, status="LIVE", page_no=2, per_page=50, start_time=start)
    query = dict(script.requests[0].url.params)
    assert query == {"status": "LIVE", "page_no": "2", "per_page": "50", "start_time": "2025-03-01T00:00:00+00:00"}


def test_new_fields_and_enum_values_survive_parsing_and_to_dict() -> None:
    body = {
        "success": True,
        "data": {"sessions": [{**SESSION_BODY, "status": "ARCHIVED", "type": "webinar", "recording_id": "r-1"}]},
        "paging": {"total_count": 1, "cursor": "abc"},
        "request_id": "req-9",
    }
    parsed = SessionGetSessionsResponse.from_dict(body)
    session = parsed.data.sessions[0]
    assert (session.status, session.type_) == ("ARCHIVED", "webinar")
    assert session["recording_id"] == "r-1" and parsed.paging["cursor"] == "abc"
    assert parsed.to_dict()["request_id"] == "req-9"
    assert parsed.to_dict()["data"]["sessions"][0]["recording_id"] == "r-1"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-03-14T09:00:02.118Z", datetime.datetime(2025, 3, 14, 9, 0, 2, 118000, tzinfo=datetime.UTC)),
        ("2025-03-14T09:00:02", datetime.datetime(2025, 3, 14, 9, 0, 2, tzinfo=datetime.UTC)),
        ("Fri, 14 Mar 2025 09:00:02 GMT", datetime.datetime(2025, 3, 14, 9, 0, 2, tzinfo=datetime.UTC)),
        ("2025-03-14 10:00:02 +0100", datetime.datetime(2025, 3, 14, 9, 0, 2, tzinfo=datetime.UTC)),
    ],
)
def test_timestamps_parse_to_aware_datetimes_whatever_their_form(text: str, expected: datetime.datetime) -> None:
    created = Session.from_dict({**SESSION_BODY, "created_at": text}).created_at
    assert isinstance(created, datetime.datetime) and created.tzinfo is not None and created == expected


def test_an_unreadable_timestamp_is_kept_as_text_and_given_back() -> None:
    session = Session.from_dict({**SESSION_BODY, "ended_at": "not yet"})
    assert session.ended_at == "not yet"
    assert session.to_dict()["ended_at"] == "not yet"


def test_older_details_shape_raises_a_validation_error_that_says_where(make_client) -> None:
    client, _ = make_client(json_response(200, {"success": True, "data": {"session": SESSION_BODY}}))
    with pytest.raises(errors.ResponseValidationError) as caught:
        get_session_details.sync(ACCOUNT, APP, SESSION, client=client)
    assert caught.value.path == "$.data.id"
    assert "missing required field (Session)" in str(caught.value)


def test_older_flat_peer_report_parses_with_its_fields_kept(make_client) -> None:
    flat = {"success": True, "data": {"id": SESSION, "preset_name": "host", "peer_report": {"quality": {}}}}
    client, _ = make_client(json_response(200, flat))
    parsed = get_participant_data_from_peer_id.sync(ACCOUNT, APP, SESSION, client=client)
    assert parsed.data.additional_properties["preset_name"] == "host"
    assert parsed.to_dict() == flat


@pytest.mark.parametrize(
    ("body", "path"),
    [
        ({"data": {"sessions": [SESSION_BODY, {**SESSION_BODY, "status": 3}]}}, "$.data.sessions[1].status"),
        ({"data": {"sessions": {"0": SESSION_BODY}}}, "$.data.sessions"),
        ({"data": {"sessions": [SESSION_BODY, "a session"]}}, "$.data.sessions[1]"),
        ({"data": []}, "$.data"),
        ({"paging": "none"}, "$.paging"),
    ],
)
def test_wrong_shapes_are_located(make_client, body: dict, path: str) -> None:
    client, _ = make_client(json_response(200, body))
    with pytest.raises(errors.ResponseValidationError) as caught:
        get_sessions.sync(ACCOUNT, APP, client=client)
    assert caught.value.path == path and path in str(caught.value)


@pytest.mark.parametrize(
    ("content", "content_type", "problem"),
    [
        (b"<html><body>Bad gateway</body></html>", "text/html", "not JSON (text/html)"),
        (b'{"success": true, "data": {"sess', "application/json", "not JSON (application/json)"),
        (b"", "application/json", "an empty body"),
        (b"[1, 2]", "application/json", "expected a JSON object"),
    ],
)
def test_unreadable_2xx_bodies_raise_response_validation_errors(make_client, content, content_type, problem) -> None:
    client, _ = make_client(httpx.Response(200, content=content, headers={"content-type": content_type}))
    with pytest.raises(errors.ResponseValidationError, match=re.escape(problem)) as caught:
        get_sessions.sync(ACCOUNT, APP, client=client)
    assert caught.value.response.status_code == 200


def test_model_parse_errors_are_typed_value_errors_with_a_path() -> None:
    with pytest.raises(errors.ModelParseError) as caught:
        SessionGetSessionsResponse.from_dict({"data": {"sessions": [SESSION_BODY, 5]}})
    assert isinstance(caught.value, ValueError) and caught.value.path == "$.data.sessions[1]"


def _page(count: int, start: int, total: int | None) -> httpx.Response:
    sessions = [{**SESSION_BODY, "id": f"s-{start + i}"} for i in range(count)]
    body: dict = {"success": True, "data": {"sessions": sessions}}
    if total is not None:
        body["paging"] = {"start_offset": start, "end_offset": start + count - 1, "total_count": total}
    return json_response(200, body)


def test_iter_all_walks_pages_until_total_count(make_client) -> None:
    client, script = make_client(_page(2, 1, 5), _page(2, 3, 5), _page(1, 5, 5))
    ids = [session.id for session in get_sessions.iter_all(ACCOUNT, APP, client=client, per_page=2, status="ENDED")]
    assert ids == ["s-1", "s-2", "s-3", "s-4", "s-5"]
    assert [dict(r.url.params)["page_no"] for r in script.requests] == ["1", "2", "3"]
    assert all(dict(r.url.params)["status"] == "ENDED" for r in script.requests)


def test_iter_all_stops_on_a_short_page_when_there_is_no_total(make_client) -> None:
    client, script = make_client(_page(3, 1, None), _page(1, 4, None))
    assert len(list(get_sessions.iter_all(ACCOUNT, APP, client=client, per_page=3))) == 4
    assert len(script.requests) == 2


def test_iter_all_stops_at_the_limit_without_fetching_more(make_client) -> None:
    client, script = make_client(_page(2, 1, 100), _page(2, 3, 100))
    assert [s.id for s in get_sessions.iter_all(ACCOUNT, APP, client=client, per_page=2, limit=3)] == [
        "s-1",
        "s-2",
        "s-3",
    ]
    assert len(script.requests) == 2


async def test_aiter_all_walks_participants_pages(make_client) -> None:
    def participants(start: int, count: int) -> httpx.Response:
        people = [{"id": f"p-{start + i}", "display_name": f"P{start + i}"} for i in range(count)]
        return json_response(200, {"data": {"participants": people, "paging": {"total_count": 3}}})

    client, script = make_client(participants(1, 2), participants(3, 1))
    names = [
        p.display_name
        async for p in get_session_participants.aiter_all(ACCOUNT, APP, SESSION, client=client, per_page=2)
    ]
    assert names == ["P1", "P2", "P3"] and len(script.requests) == 2


def test_iter_all_refuses_a_page_size_of_zero(make_client) -> None:
    client, _ = make_client(_page(0, 1, 0))
    with pytest.raises(errors.InvalidParameterError, match="per_page"):
        list(get_sessions.iter_all(ACCOUNT, APP, client=client, per_page=0))


def test_request_bodies_are_never_sent(make_client) -> None:
    client, script = make_client(json_response(200, {"success": True, "data": SESSION_BODY}))
    get_session_details.sync(ACCOUNT, APP, SESSION, client=client, include_breakout_rooms=True)
    assert script.requests[0].content == b"" and json.loads(b"{}") == {}


def test_invalid_utf8_is_refused(make_client) -> None:
    # An encoded lone surrogate: json.loads(bytes) would let it through; the client's decoder must not.
    content = b'{"data": {"id": "\xed\xa0\x80"}}'
    client, _ = make_client(httpx.Response(200, content=content, headers={"content-type": "application/json"}))
    with pytest.raises(errors.ResponseValidationError, match="not JSON"):
        get_session_details.sync(ACCOUNT, APP, SESSION, client=client)


