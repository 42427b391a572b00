"""Check a response body against what the OpenAPI document promises for an operation and status.

Used by the contract tests (tests/contract) over every recording, and meant for reuse by a drift report:
`validate_body(spec, "get_sessions", 200, body)` gives a list of `Violation(path, expected, found)`, empty
when the body conforms. JSON paths are written `$.data.sessions[3].status`.
"""

from __future__ import annotations

import datetime
import json
import re
import uuid
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml
from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import ValidationError
from referencing import Registry
from referencing.jsonschema import DRAFT202012

SPEC_PATH = Path(__file__).resolve().parent.parent / "openapi" / "realtimekit-sessions.yaml"
# The whole document is registered under this URI so that every `#/components/...` reference inside a schema
# resolves against the document it came from.
SPEC_URI = "urn:realtimekit-sessions-openapi"
HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")
# Cloudflare's edge answers these with an HTML page of its own rather than the API's JSON.
EDGE_HTML_STATUSES = range(520, 528)


@dataclass(frozen=True)
class Violation:
    path: str
    expected: str
    found: str

    def __str__(self) -> str:
        return f"{self.path}: expected {self.expected}, found {self.found}"


@dataclass(frozen=True)
class Operation:
    operation_id: str
    method: str
    path: str
    # JSON pointer (without the leading '#') of the operation object inside the spec.
    pointer: str
    node: dict[str, Any]


def load_spec(path: Path = SPEC_PATH) -> dict[str, Any]:
    with path.open(encoding="utf-8") as handle:
        spec: dict[str, Any] = yaml.safe_load(handle)
    return spec


def _escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def _resolve_pointer(spec: Mapping[str, Any], pointer: str) -> Any:
    node: Any = spec
    for token in pointer.lstrip("/").split("/"):
        node = node[token.replace("~1", "/").replace("~0", "~")]
    return node


def operations(spec: Mapping[str, Any]) -> dict[str, Operation]:
    found: dict[str, Operation] = {}
    for path, item in spec["paths"].items():
        for method in HTTP_METHODS:
            if method in item:
                node = item[method]
                pointer = f"/paths/{_escape(path)}/{method}"
                found[node["operationId"]] = Operation(node["operationId"], method.upper(), path, pointer, node)
    return found


def find_operation(spec: Mapping[str, Any], operation_id: str) -> Operation:
    try:
        return operations(spec)[operation_id]
    except KeyError:
        raise KeyError(f"operation {operation_id!r} is not in the spec") from None


def response_for(spec: Mapping[str, Any], operation_id: str, status: int) -> tuple[str, dict[str, Any]] | None:
    """The response object documented for `status` (exact code, then its `5XX` range, then `default`).

    Returns (JSON pointer of the response object, the object with any `$ref` followed) or None.
    """
    op = find_operation(spec, operation_id)
    responses = op.node.get("responses", {})
    for key in (str(status), f"{str(status)[0]}XX", "default"):
        if key in responses:
            pointer = f"{op.pointer}/responses/{key}"
            node = responses[key]
            while "$ref" in node:
                pointer = node["$ref"].removeprefix("#")
                node = _resolve_pointer(spec, pointer)
            return pointer, node
    return None


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


def _validator(spec: Mapping[str, Any], schema_pointer: str) -> Draft202012Validator:
    registry = _registry_for(json.dumps(spec, sort_keys=True, default=str))
    return Draft202012Validator(
        {"$ref": f"{SPEC_URI}#{schema_pointer}"}, registry=registry, format_checker=format_checker()
    )


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


def _json_type(value: object) -> str:
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


def _show(value: object, limit: int = 80) -> str:
    text = json.dumps(value, default=str)
    if len(text) > limit:
        text = text[: limit - 3] + "..."
    return f"{_json_type(value)} {text}"


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


def _violations_from(error: ValidationError) -> list[tuple[list[str | int], Violation]]:
    """Violations of one error, each with the path parts it sits at (to sort them in document order)."""
    if error.validator in ("oneOf", "anyOf") and error.context:
        # Name what is wrong under the alternative that came closest, not the bare "matches none of".
        return [found for sub in _closest_alternative(error.context) for found in _violations_from(sub)]
    path = list(error.absolute_path)
    value = error.validator_value
    if error.validator == "required":
        instance = error.instance if isinstance(error.instance, dict) else {}
        return [
            ([*path, name], Violation(json_path([*path, name]), "required property", "missing"))
            for name in value
            if name not in instance
        ]
    if error.validator == "type":
        expected = f"type {' or '.join(value) if isinstance(value, list) else value}"
    elif error.validator == "enum":
        expected = f"one of {json.dumps(value)}"
    elif error.validator == "const":
        expected = f"constant {json.dumps(value)}"
    elif error.validator == "format":
        expected = f"format {value}"
    else:
        expected = f"{error.validator} {json.dumps(value, default=str)}"
    return [(path, Violation(json_path(path), expected, _show(error.instance)))]


def _document_order(parts: list[str | int]) -> list[tuple[int, int, str]]:
    return [(0, part, "") if isinstance(part, int) else (1, 0, part) for part in parts]


def validate_body(spec: Mapping[str, Any], operation_id: str, status: int, body: Any) -> list[Violation]:
    """Violations of the JSON schema the spec gives `operation_id` for `status`; empty when the body conforms."""
    located = response_for(spec, operation_id, status)
    if located is None:
        return [Violation("$", f"a status documented for {operation_id}", f"status {status}")]
    pointer, response = located
    content = response.get("content", {})
    media = next((name for name in content if name == "application/json" or name.endswith("+json")), None)
    if media is None or "schema" not in content[media]:
        return [Violation("$", f"no JSON body for status {status}", _show(body))]
    schema_pointer = f"{pointer}/content/{_escape(media)}/schema"
    found = [item for error in _validator(spec, schema_pointer).iter_errors(body) for item in _violations_from(error)]
    found.sort(key=lambda item: _document_order(item[0]))
    # jsonschema reports each missing required property as its own error over the same object: keep one each.
    return list(dict.fromkeys(violation for _, violation in found))


def check_text_body(spec: Mapping[str, Any], operation_id: str, status: int, content_type: str) -> list[Violation]:
    """Whether a non-JSON answer (an HTML error page, say) is one the spec tells callers to expect.

    It is when the response documents that media type, or when the status is one of the edge's 520-527 and
    the spec's response for it says in words that such answers come as HTML without a JSON schema.
    """
    located = response_for(spec, operation_id, status)
    if located is None:
        return [Violation("$", f"a status documented for {operation_id}", f"status {status}")]
    _, response = located
    media = content_type.split(";")[0].strip().lower()
    if media in response.get("content", {}):
        return []
    if status in EDGE_HTML_STATUSES and "HTML" in response.get("description", ""):
        return []
    return [Violation("$", f"a media type documented for status {status}", f"{media} body")]
