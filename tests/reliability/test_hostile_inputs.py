"""Hostile path ids and query values never change which URL is called.

An id is either refused before anything is sent (InvalidParameterError naming the parameter) or it is sent
as exactly one percent-encoded segment of the spec's path template. A text query value travels as that one
parameter's value, however many `&`, `=`, `#` or line breaks it holds.
"""

from __future__ import annotations

import asyncio
import uuid
from typing import Any
from urllib.parse import parse_qsl

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st
from realtimekit_sessions import errors
from realtimekit_tools.testing.transports import Canned
from reliability_support import (
    OPERATION_IDS,
    count,
    expected_path,
    make_client,
    operation_module,
    path_arguments,
    path_parameters,
)

BASE_PATH = "/client/v4"
HOSTILE_IDS = [
    "..",
    ".",
    "...",
    "/",
    "a/b",
    "../../../user/tokens",
    "%2F",
    "%2e%2e",
    "a%00b",
    "a\x00b",
    "a\r\nX-Injected: 1",
    "a\tb",
    "a b",
    "a?b=c",
    "a#frag",
    "a;b",
    "a&b",
    "\\..\\",
    "x" * 129,
    "x" * 100_000,
    "",
    "ｓｅｓｓｉｏｎ",  # full-width letters: NFKC would fold them to ASCII
    "séance",
    "会议",
    "\u202e",  # right-to-left override
    "😀",
    "\ud800",  # a lone surrogate: not even encodable as UTF-8
]
NOT_STRINGS: list[Any] = [None, 42, 4.2, b"session", ["a"], {"id": "a"}, True]


def request_path(request: httpx.Request) -> str:
    return request.url.raw_path.decode("ascii").split("?", 1)[0]


def check_call(operation_id: str, parameter: str, value: Any, *, use_async: bool = False) -> str:
    """Call with `value` as `parameter`; 'refused' or 'sent', having checked whichever happened."""
    canned = Canned(b"{}")
    client = make_client(httpx.MockTransport(canned), max_retries=0)
    arguments = path_arguments(operation_id)
    arguments[path_parameters(operation_id).index(parameter)] = value
    module = operation_module(operation_id)
    try:
        if use_async:
            asyncio.run(module.asyncio(*arguments, client=client))
        else:
            module.sync(*arguments, client=client)
    except errors.InvalidParameterError as exc:
        assert exc.parameter == parameter
        assert isinstance(exc, ValueError)
        assert canned.sent == [], "refused, yet something was sent"
        return "refused"
    except errors.ResponseValidationError:
        pass  # `{}` lacks required fields for some operations: the request went out, which is what is checked
    assert len(canned.sent) == 1
    assert request_path(canned.sent[0]) == BASE_PATH + expected_path(operation_id, {parameter: str(value)})
    return "sent"


PATH_PARAMETERS = [(op, name) for op in OPERATION_IDS for name in path_parameters(op)]


@pytest.mark.parametrize(("operation_id", "parameter"), PATH_PARAMETERS, ids=[f"{o}-{p}" for o, p in PATH_PARAMETERS])
@pytest.mark.parametrize("value", HOSTILE_IDS, ids=range(len(HOSTILE_IDS)))
def test_hostile_ids_are_refused_before_sending(operation_id: str, parameter: str, value: str) -> None:
    # Every entry of HOSTILE_IDS has a character outside the id alphabet, a bad length or is a dot path step.
    assert check_call(operation_id, parameter, value) == "refused"


@pytest.mark.parametrize("value", NOT_STRINGS, ids=[type(v).__name__ for v in NOT_STRINGS])
def test_ids_that_are_not_strings_are_refused(value: Any) -> None:
    assert check_call("get_session_details", "session_id", value) == "refused"
    assert check_call("get_session_details", "session_id", value, use_async=True) == "refused"


def test_a_uuid_object_is_sent_as_its_text() -> None:
    session = uuid.UUID("8f2e6a3c-1b4d-4c5e-9f70-123456789abc")
    assert check_call("get_session_details", "session_id", session) == "sent"


@pytest.mark.parametrize(("operation_id", "parameter"), PATH_PARAMETERS, ids=[f"{o}-{p}" for o, p in PATH_PARAMETERS])
def test_any_text_as_an_id_is_refused_or_sent_as_one_segment(operation_id: str, parameter: str) -> None:
    @given(value=st.one_of(st.text(), st.text(alphabet="./%-_~aZ9", max_size=12)), use_async=st.booleans())
    def run(value: str, use_async: bool) -> None:
        count(operation_id, "hostile_id")
        outcome = check_call(operation_id, parameter, value, use_async=use_async)
        # Refusal is the only outcome for anything a URL would read as structure.
        if any(c in value for c in "/?#%\\") or value.strip(".") == "":
            assert outcome == "refused"

    run()


ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~"


@given(value=st.text(alphabet=ID_ALPHABET, min_size=1, max_size=128).filter(lambda v: v.strip(".") != ""))
def test_every_id_of_the_documented_alphabet_is_sent_unchanged(value: str) -> None:
    count("get_session_participant_details", "plain_id")
    assert check_call("get_session_participant_details", "participant_id", value) == "sent"


# ---- query values --------------------------------------------------------------------------------------------

TEXT_QUERIES = [("get_sessions", "search"), ("get_sessions", "participants"), ("get_sessions", "associated_id")]
TEXT_QUERIES += [("get_session_participants", "search")]


@pytest.mark.parametrize(("operation_id", "name"), TEXT_QUERIES, ids=[f"{o}-{n}" for o, n in TEXT_QUERIES])
def test_a_text_query_value_stays_one_parameter(operation_id: str, name: str) -> None:
    @given(value=st.one_of(st.text(), st.sampled_from(["a&per_page=1000", "x#y", "a=b", "%26", "\r\nX: y", "+ +"])))
    def run(value: str) -> None:
        count(operation_id, "query_text")
        canned = Canned(b"{}")
        client = make_client(httpx.MockTransport(canned), max_retries=0)
        try:
            operation_module(operation_id).sync(*path_arguments(operation_id), client=client, **{name: value})
        except errors.ResponseValidationError:
            pass
        except errors.InvalidParameterError as exc:
            # Only text UTF-8 cannot carry (a lone surrogate) is refused; anything else is sent, encoded.
            assert exc.parameter == name and canned.sent == []
            assert any("\ud800" <= c <= "\udfff" for c in value)
            return
        (sent,) = canned.sent
        assert request_path(sent) == BASE_PATH + expected_path(operation_id, {})
        query = parse_qsl(sent.url.query.decode("ascii"), keep_blank_values=True)
        assert [text for key, text in query if key == name] == [value]
        keys = [key for key, _ in query]
        assert len(keys) == len(set(keys)), f"a parameter was sent twice: {query}"
        assert "per_page" not in keys, "the value smuggled in a parameter of its own"

    run()


def test_a_lone_surrogate_in_a_query_value_is_refused() -> None:
    # Text that UTF-8 cannot encode cannot be sent; the caller should hear so as the documented
    # InvalidParameterError (naming `search`), not as a UnicodeEncodeError from deep inside httpx.
    canned = Canned(b"{}")
    client = make_client(httpx.MockTransport(canned), max_retries=0)
    with pytest.raises(errors.InvalidParameterError) as raised:
        operation_module("get_sessions").sync(*path_arguments("get_sessions"), client=client, search="a\ud800")
    assert raised.value.parameter == "search"
    assert canned.sent == []
