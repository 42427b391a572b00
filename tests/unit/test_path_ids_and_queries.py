"""The input checks themselves, once: every hostile path id against the path-id check, text of any kind
against it (hypothesis; `make fuzz` draws 1000 a test), and text query values through the one operation
that takes the most of them. That each operation routes each of its path ids through this check is
tests/wiring's business, with one hostile id per (operation, parameter).

An id is either refused (InvalidParameterError naming the parameter) or it is kept exactly as it came, made
only of characters that a URL path segment carries as themselves, so it is sent as exactly one segment.
A text query value travels as that one parameter's value, however many `&`, `=`, `#` or line breaks it holds.
"""

from __future__ import annotations

import uuid
from typing import Any
from urllib.parse import parse_qsl, quote

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st
from realtimekit_sessions import errors
from realtimekit_sessions._params import path_id
from realtimekit_tools.testing.transports import Canned
from suite_support import count, expected_path, make_client, operation_module, path_arguments

BASE_PATH = "/client/v4"
# A schema as the spec gives an id parameter (the longest the spec allows is 128 characters).
ID_SCHEMA = {"type": "string", "minLength": 1, "maxLength": 128}
HOSTILE_IDS = [
    "..",
    ".",
    "...",
    "/",
    "a/b",
    "../../../user/tokens",
    "../../zones",
    "%2F",
    "a%2Fb",
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
    "ü",
    "会议",
    "\u202e",  # right-to-left override
    "😀",
    "\ud800",  # a lone surrogate: not even encodable as UTF-8
]
NOT_STRINGS: list[Any] = [None, 42, 4.2, b"session", ["a"], {"id": "a"}, True]
ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~"


def request_path(request: httpx.Request) -> str:
    return request.url.raw_path.decode("ascii").split("?", 1)[0]


def checked(value: Any, schema: dict[str, Any] = ID_SCHEMA) -> str | None:
    """What the check makes of `value` as the id `session_id`: the text to send, or None when refused."""
    try:
        return path_id("session_id", value, schema)
    except errors.InvalidParameterError as exc:
        assert exc.parameter == "session_id" and isinstance(exc, ValueError)
        assert str(exc).startswith("session_id: ")
        return None


@pytest.mark.parametrize("value", HOSTILE_IDS, ids=range(len(HOSTILE_IDS)))
def test_hostile_ids_are_refused_by_the_check(value: str) -> None:
    # Every entry has a character outside the id alphabet, a bad length or is a dot path step.
    assert checked(value) is None


@pytest.mark.parametrize("value", NOT_STRINGS, ids=[type(v).__name__ for v in NOT_STRINGS])
def test_ids_that_are_not_strings_are_refused(value: Any) -> None:
    assert checked(value) is None


def test_a_uuid_object_is_sent_as_its_text() -> None:
    session = uuid.UUID("8f2e6a3c-1b4d-4c5e-9f70-123456789abc")
    assert checked(session) == "8f2e6a3c-1b4d-4c5e-9f70-123456789abc"


def test_the_schema_of_the_parameter_bounds_it() -> None:
    assert checked("a" * 32, {"maxLength": 32}) == "a" * 32
    assert checked("a" * 33, {"maxLength": 32}) is None
    assert checked("ab", {"minLength": 3}) is None
    assert checked("abc-123", {"pattern": "^[a-z]+-[0-9]+$"}) == "abc-123"
    assert checked("abc_123", {"pattern": "^[a-z]+-[0-9]+$"}) is None


def test_an_id_that_passed_once_is_still_checked_against_another_schema() -> None:
    # Ids that passed are remembered with the schema object they passed against, and only for it.
    strict, loose = {"maxLength": 4}, {"maxLength": 40}
    for _ in range(2):
        assert checked("abcdefgh", loose) == "abcdefgh"
        assert checked("abcdefgh", strict) is None
        assert checked("abcdefgh", {"maxLength": 4}) is None
    assert path_id("other_id", "abcdefgh", loose) == "abcdefgh"
    with pytest.raises(errors.InvalidParameterError, match="^other_id: "):
        path_id("other_id", "abcdefgh", strict)


@given(value=st.one_of(st.text(), st.text(alphabet="./%-_~aZ9", max_size=12)))
def test_any_text_as_an_id_is_refused_or_kept_as_one_plain_segment(value: str) -> None:
    count("path_id (the check)", "hostile_id")
    outcome = checked(value)
    if outcome is not None:
        assert outcome == value
        # Nothing in it a URL would encode or read as structure: it is sent as one segment, as it is.
        assert quote(value, safe="") == value and value.strip(".") != ""
    # Refusal is the only outcome for anything a URL would read as structure.
    if any(c in value for c in "/?#%\\") or value.strip(".") == "":
        assert outcome is None


@given(value=st.text(alphabet=ID_ALPHABET, min_size=1, max_size=64).filter(lambda v: v.strip(".") != ""))
def test_every_id_of_the_documented_alphabet_is_sent_unchanged(value: str) -> None:
    # Through a real call: the id the check keeps is the segment that goes out.
    count("get_session_participant_details", "plain_id")
    canned = Canned(b"{}")
    client = make_client(httpx.MockTransport(canned), max_retries=0)
    arguments = path_arguments("get_session_participant_details", participant_id=value)
    try:
        operation_module("get_session_participant_details").sync(*arguments, client=client)
    except errors.ResponseValidationError:
        pass  # `{}` is no participant: the request went out, which is what is checked
    (sent,) = canned.sent
    expected = expected_path("get_session_participant_details", {"participant_id": value})
    assert request_path(sent) == BASE_PATH + expected


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
