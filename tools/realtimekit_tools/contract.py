"""Check a response body against what the OpenAPI document promises for an operation and status.

`validate_body(spec, "get_sessions", 200, body)` gives a list of `Violation(kind, path, expected, found)`,
empty when the body conforms; `check_text_body` does the same for an answer that is not JSON. JSON paths are
written `$.data.sessions[3].status`. The kind is decided here, from the schema keyword that failed, so the
drift report sorts findings by `violation.kind` and never by reading the message.
"""

from __future__ import annotations

import datetime
import json
import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal, get_args
from urllib.parse import urlsplit

from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import ValidationError
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from .routes import route_table
from .spec import Spec, escape, resolve_with_pointer

# What kind of difference between an answer and the spec a violation is.
ViolationKind = Literal[
    "unknown-field",  # a property the spec does not list (only a strict reading of the spec refuses these)
    "missing-field",  # a required property that is absent
    "type-change",  # a value of another JSON type than the spec's
    "new-enum-value",  # a string outside the spec's enum
    "new-status",  # a status code the operation does not document
    "format",  # a value of the right type in the wrong format (a timestamp that is not RFC 3339, ...)
    "media-type",  # a body of a media type the spec does not document for that status
    "constraint",  # any other schema keyword (minimum, const, ...)
]
KINDS: tuple[ViolationKind, ...] = get_args(ViolationKind)

# The whole document is registered under this URI so that every `#/components/...` reference inside a schema
# resolves against the document it came from.
SPEC_URI = "urn:realtimekit-sessions-openapi"
# Cloudflare's edge answers these with an HTML page of its own rather than the API's JSON.
EDGE_HTML_STATUSES = range(520, 528)
# The schema a strict reading of the spec gives every undeclared property (see drift.strict_spec).
NO_SUCH_PROPERTY: dict[str, Any] = {"not": {}}


@dataclass(frozen=True)
class Violation:
    kind: ViolationKind
    path: str
    expected: str
    found: str

    def __str__(self) -> str:
        return f"{self.path}: expected {self.expected}, found {self.found}"


def response_for(spec: Spec, operation_id: str, status: int) -> tuple[str, dict[str, Any]] | None:
    """The response object documented for `status` (exact code, then its `5XX` range, then `default`).

    Returns (JSON pointer of the response object, the object with any `$ref` followed) or None.
    """
    route = route_table(spec)[operation_id]
    responses = route.node.get("responses", {})
    for key in (str(status), f"{str(status)[0]}XX", "default"):
        if key in responses:
            node, pointer = resolve_with_pointer(spec, responses[key], f"{route.pointer}/responses/{key}")
            return pointer, node
    return None


def json_schema_of(spec: Spec, operation_id: str, status: int) -> tuple[str, dict[str, Any]] | None:
    """(JSON pointer, schema) of the application/json body documented for `status`, or None."""
    located = response_for(spec, operation_id, status)
    if located is None:
        return None
    pointer, response = located
    content = response.get("content", {})
    media = next((name for name in content if name == "application/json" or name.endswith("+json")), None)
    if media is None or "schema" not in content[media]:
        return None
    return f"{pointer}/content/{escape(media)}/schema", content[media]["schema"]


def _is_rfc3339_datetime(value: object) -> bool:
    if not isinstance(value, str):
        return True
    # RFC 3339 wants a full date, a time and an offset; fromisoformat alone would also take a bare date.
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})", value):
        return False
    try:
        datetime.datetime.fromisoformat(value.replace("z", "Z"))
    except ValueError:
        return False
    return True


def _is_uri(value: object) -> bool:
    if not isinstance(value, str):
        return True
    parts = urlsplit(value)
    return bool(parts.scheme) and (bool(parts.netloc) or parts.scheme in ("urn", "mailto"))


def _is_uuid(value: object) -> bool:
    if not isinstance(value, str):
        return True
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return len(value) == 36


def format_checker() -> FormatChecker:
    """Formats are asserted, not just annotated: a timestamp that isn't ISO 8601 is drift worth reporting."""
    checker = FormatChecker(formats=())
    checker.checks("date-time")(_is_rfc3339_datetime)
    checker.checks("uri")(_is_uri)
    checker.checks("uuid")(_is_uuid)
    return checker


@lru_cache(maxsize=8)
def _registry_for(spec_json: str) -> Registry:
    spec = json.loads(spec_json)
    return Registry().with_resource(SPEC_URI, DRAFT202012.create_resource(spec))


@lru_cache(maxsize=64)
def _validator_for(spec_json: str, schema_pointer: str) -> Draft202012Validator:
    return Draft202012Validator(
        {"$ref": f"{SPEC_URI}#{schema_pointer}"}, registry=_registry_for(spec_json), format_checker=format_checker()
    )


# The JSON text of each spec validated against so far, by identity (the dict is kept, so its id stays its).
_SPEC_TEXTS: dict[int, tuple[Spec, str]] = {}


def validator(spec: Spec, schema_pointer: str) -> Draft202012Validator:
    """A validator of the schema at `schema_pointer` inside `spec`, references resolved against the spec.

    Specs are treated as read-only: validators are built once per spec object and schema.
    """
    cached = _SPEC_TEXTS.get(id(spec))
    if cached is None or cached[0] is not spec:
        cached = _SPEC_TEXTS[id(spec)] = (spec, json.dumps(spec, sort_keys=True, default=str))
    return _validator_for(cached[1], schema_pointer)


def json_path(parts: Iterator[str | int] | list[str | int]) -> str:
    text = "$"
    for part in parts:
        if isinstance(part, int):
            text += f"[{part}]"
        elif re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", part):
            text += f".{part}"
        else:
            text += f"[{json.dumps(part)}]"
    return text


def json_type(value: object) -> str:
    """The JSON type of a decoded value, as JSON Schema names it."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


def show(value: object, limit: int = 80) -> str:
    """A value as a finding shows it: its JSON type, then its JSON text, shortened."""
    text = json.dumps(value, default=str)
    if len(text) > limit:
        text = text[: limit - 3] + "..."
    return f"{json_type(value)} {text}"


def _closest_alternative(errors: list[ValidationError]) -> list[ValidationError]:
    """The errors of the oneOf/anyOf branch the instance was most likely meant to match.

    A branch whose root type doesn't fit is the least likely; then the branch that failed deepest inside the
    instance (it matched more before failing); then the one with the fewest errors.
    """
    branches: dict[object, list[ValidationError]] = {}
    for error in errors:
        branches.setdefault(error.relative_schema_path[0], []).append(error)

    def score(branch: list[ValidationError]) -> tuple[bool, int, int]:
        root_type_mismatch = any(e.validator == "type" and not e.relative_path for e in branch)
        return (root_type_mismatch, -min(len(e.relative_path) for e in branch), len(branch))

    return min(branches.values(), key=score)


def _kind_and_expected(error: ValidationError) -> tuple[ViolationKind, str]:
    value = error.validator_value
    if error.validator == "not" and value == {}:
        return "unknown-field", "no such property in the spec"
    if error.validator == "additionalProperties" and value is False:
        return "unknown-field", "no such property in the spec"
    if error.validator == "type":
        return "type-change", f"type {' or '.join(value) if isinstance(value, list) else value}"
    if error.validator == "enum":
        return "new-enum-value", f"one of {json.dumps(value)}"
    if error.validator == "format":
        return "format", f"format {value}"
    if error.validator == "const":
        return "constraint", f"constant {json.dumps(value)}"
    return "constraint", f"{error.validator} {json.dumps(value, default=str)}"


def _violations_from(error: ValidationError) -> list[tuple[list[str | int], Violation]]:
    """Violations of one error, each with the path parts it sits at (to sort them in document order)."""
    if error.validator in ("oneOf", "anyOf") and error.context:
        # Name what is wrong under the alternative that came closest, not the bare "matches none of".
        return [found for sub in _closest_alternative(error.context) for found in _violations_from(sub)]
    path = list(error.absolute_path)
    if error.validator == "required":
        instance = error.instance if isinstance(error.instance, dict) else {}
        return [
            ([*path, name], Violation("missing-field", json_path([*path, name]), "required property", "missing"))
            for name in error.validator_value
            if name not in instance
        ]
    kind, expected = _kind_and_expected(error)
    return [(path, Violation(kind, json_path(path), expected, show(error.instance)))]


def _document_order(parts: list[str | int]) -> list[tuple[int, int, str]]:
    return [(0, part, "") if isinstance(part, int) else (1, 0, part) for part in parts]


def validate_body(spec: Spec, operation_id: str, status: int, body: Any) -> list[Violation]:
    """Violations of the JSON schema the spec gives `operation_id` for `status`; empty when the body conforms."""
    if response_for(spec, operation_id, status) is None:
        return [Violation("new-status", "$", f"a status documented for {operation_id}", f"status {status}")]
    located = json_schema_of(spec, operation_id, status)
    if located is None:
        return [Violation("media-type", "$", f"no JSON body for status {status}", show(body))]
    found = [item for error in validator(spec, located[0]).iter_errors(body) for item in _violations_from(error)]
    found.sort(key=lambda item: _document_order(item[0]))
    # jsonschema reports each missing required property as its own error over the same object: keep one each.
    return list(dict.fromkeys(violation for _, violation in found))


def check_text_body(spec: Spec, operation_id: str, status: int, content_type: str) -> list[Violation]:
    """Whether a non-JSON answer (an HTML error page, say) is one the spec tells callers to expect.

    It is when the response documents that media type, or when the status is one of the edge's 520-527 and
    the spec's response for it says in words that such answers come as HTML without a JSON schema.
    """
    located = response_for(spec, operation_id, status)
    if located is None:
        return [Violation("new-status", "$", f"a status documented for {operation_id}", f"status {status}")]
    _, response = located
    media = content_type.split(";")[0].strip().lower()
    if media in response.get("content", {}):
        return []
    if status in EDGE_HTML_STATUSES and "HTML" in response.get("description", ""):
        return []
    return [Violation("media-type", "$", f"a media type documented for status {status}", f"{media} body")]
