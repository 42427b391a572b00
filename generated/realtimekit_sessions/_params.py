# Copied into generated/realtimekit_sessions/ by `make generate`: edit openapi/runtime/_params.py, not the copy.
"""Checks on an operation's inputs, made before anything is sent: no id can change which URL is called, and no
query value goes out that the API does not document."""

from __future__ import annotations

import datetime
import re
import uuid
from collections.abc import Mapping
from typing import Any, NoReturn

from .errors import InvalidParameterError

# What a path id may hold: RFC 3986's unreserved characters. Every id the API hands out (hex tags, UUIDs,
# V1 room names like abcdef-ghijkl) fits, and nothing in it can change which URL is called.
_ID_CHARACTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")


def refuse(parameter: str, problem: str) -> NoReturn:
    raise InvalidParameterError(parameter, problem)


def shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


# Ids that passed, with the schema they passed against: a program sends the same account and app ids with every
# call, and checking them again is a twentieth of a small call. Looked up by (parameter, id) and kept only for the
# very schema object they were checked against; emptied when full.
_PASSED: dict[tuple[str, str], Mapping[str, Any]] = {}
_PASSED_MAX = 4096


def path_id(parameter: str, value: object, schema: Mapping[str, Any]) -> str:
    """An id for the URL path, refused unless it is plainly an id: no id can change which URL is called.

    `schema` is the parameter's schema in the spec (its minLength, maxLength and pattern are kept to).
    """
    if type(value) is str and _PASSED.get((parameter, value)) is schema:
        return value
    text = _checked_id(parameter, value, schema)
    if type(value) is str:
        if len(_PASSED) >= _PASSED_MAX:
            _PASSED.clear()
        _PASSED[parameter, value] = schema
    return text


def _checked_id(parameter: str, value: object, schema: Mapping[str, Any]) -> str:
    text = str(value) if isinstance(value, uuid.UUID) else value
    if not isinstance(text, str):
        refuse(parameter, f"must be a string id, not {type(value).__name__}")
    if not text:
        refuse(parameter, "must not be empty")
    shortest, longest = schema.get("minLength", 1), schema.get("maxLength")
    if len(text) < shortest:
        refuse(parameter, f"is {len(text)} characters long; ids are at least {shortest}")
    if longest is not None and len(text) > longest:
        refuse(parameter, f"is {len(text)} characters long; ids are at most {longest}")
    if text.strip(".") == "":
        refuse(parameter, f"{text!r} is a path step, not an id")
    if not _ID_CHARACTERS.issuperset(text):
        bad = sorted({c for c in text if c not in _ID_CHARACTERS})
        refuse(parameter, f"{shown(text)} holds {shown(''.join(bad))}; ids are letters, digits and - . _ ~")
    pattern = schema.get("pattern")
    if pattern is not None and re.search(pattern, text) is None:
        refuse(parameter, f"{shown(text)} does not match the pattern {pattern}")
    return text


def query_choice(parameter: str, value: object, allowed: frozenset[Any]) -> None:
    if value not in allowed:
        refuse(parameter, f"{shown(value)} is not one of {', '.join(sorted(allowed))}")


def query_count(parameter: str, value: object, schema: Mapping[str, Any]) -> None:
    """A whole number within the parameter's schema's minimum and maximum."""
    if not isinstance(value, int) or isinstance(value, bool):
        refuse(parameter, f"must be a whole number, not {shown(value)}")
    lowest, highest = schema.get("minimum"), schema.get("maximum")
    if lowest is not None and value < lowest:
        refuse(parameter, f"must be {lowest} or more, not {value}")
    if highest is not None and value > highest:
        refuse(parameter, f"must be {highest} or less, not {value}")


def query_flag(parameter: str, value: object) -> None:
    if not isinstance(value, bool):
        refuse(parameter, f"must be True or False, not {shown(value)}")


def query_datetime(parameter: str, value: object) -> datetime.datetime:
    """A timestamp for the query, with its offset: a naive datetime is taken as UTC (the API's zone), since the
    spec asks for RFC 3339, which has none without one."""
    if not isinstance(value, datetime.datetime):
        refuse(parameter, f"must be a datetime, not {shown(value)}")
    return value if value.tzinfo is not None else value.replace(tzinfo=datetime.UTC)


def query_text(parameter: str, value: object) -> None:
    if not isinstance(value, str):
        refuse(parameter, f"must be a string, not {shown(value)}")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        refuse(parameter, f"{shown(value)} holds a lone surrogate, which no URL can carry")
