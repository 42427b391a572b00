"""What the recordings must show of the spec, and bodies made from the spec to show it.

A *mark* is one thing a response schema allows: a property (`Session.ended_at`), an enum value
(`SessionStatus = LIVE`), one type of a multi-type field (`PeerEvent.participant_id : null`). Marks are named
by the schema component they belong to, else by where they are (`$200.data`).

- `expected_marks(spec, operation_id)`: every mark of the operation's responses, by status key (`200`, `5XX`).
- `observed_marks(spec, operation_id, status, body)`: the marks one recorded body shows.
- `spec_bodies(spec, operation_id, status_key, missing)`: bodies built from the schema alone (every property
  filled, choices taken in turn) that show the `missing` marks; the recordings' builder adds them as cases, so
  that a field added to the spec is covered by running the builder again (`make recordings`).

The contract tier's coverage test and the builder use this one walk.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .contract import json_type
from .routes import route_table
from .spec import Spec, resolve_with_pointer


def _resolve(spec: Spec, node: Mapping[str, Any], loc: str) -> tuple[Mapping[str, Any], str]:
    """The node with its references followed, and where it is: the schema's name, or `loc` if none."""
    resolved, pointer = resolve_with_pointer(spec, node)
    return resolved, pointer.rsplit("/", 1)[-1] if "/schemas/" in pointer else loc


def _is_null(branch: Mapping[str, Any]) -> bool:
    return branch.get("type") == "null"


def schema_marks(spec: Spec, node: Mapping[str, Any], loc: str, marks: set[str], seen: set[str]) -> None:
    """Add every mark of a schema to `marks`."""
    node, loc = _resolve(spec, node, loc)
    if loc in seen and not loc.startswith("$"):
        return
    seen = seen | {loc}
    for value in node.get("enum", []):
        marks.add(f"{loc} = {value}")
    if isinstance(node.get("type"), list):
        marks.update(f"{loc} : {kind}" for kind in node["type"])
    for keyword in ("anyOf", "oneOf"):
        for branch in node.get(keyword, []):
            if _is_null(branch):
                marks.add(f"{loc} : null")
            else:
                schema_marks(spec, branch, loc, marks, seen)
    for name, prop in node.get("properties", {}).items():
        marks.add(f"{loc}.{name}")
        schema_marks(spec, prop, f"{loc}.{name}", marks, seen)
    if isinstance(node.get("additionalProperties"), dict):
        marks.add(f"{loc}.*")
        schema_marks(spec, node["additionalProperties"], f"{loc}.*", marks, seen)
    if "items" in node:
        schema_marks(spec, node["items"], f"{loc}[]", marks, seen)


def value_marks(spec: Spec, node: Mapping[str, Any], value: Any, loc: str, marks: set[str]) -> None:
    """Add the marks a value shows of a schema to `marks`."""
    node, loc = _resolve(spec, node, loc)
    if value in node.get("enum", []):
        marks.add(f"{loc} = {value}")
    if isinstance(node.get("type"), list):
        marks.add(f"{loc} : {json_type(value)}")
    for keyword in ("anyOf", "oneOf"):
        for branch in node.get(keyword, []):
            if _is_null(branch):
                if value is None:
                    marks.add(f"{loc} : null")
                continue
            resolved, _ = _resolve(spec, branch, loc)
            required = resolved.get("required", [])
            if not required or (isinstance(value, dict) and all(key in value for key in required)):
                value_marks(spec, branch, value, loc, marks)
    if isinstance(value, dict):
        properties = node.get("properties", {})
        for key, item in value.items():
            if key in properties:
                marks.add(f"{loc}.{key}")
                value_marks(spec, properties[key], item, f"{loc}.{key}", marks)
            elif isinstance(node.get("additionalProperties"), dict):
                marks.add(f"{loc}.*")
                value_marks(spec, node["additionalProperties"], item, f"{loc}.*", marks)
    if isinstance(value, list) and "items" in node:
        for item in value:
            value_marks(spec, node["items"], item, f"{loc}[]", marks)


def response_schemas(spec: Spec, operation_id: str) -> dict[str, Mapping[str, Any]]:
    """Status key (`200`, `404`, `5XX`) -> the JSON schema of that response of the operation."""
    schemas = {}
    for status, response in route_table(spec)[operation_id].node["responses"].items():
        resolved, _ = _resolve(spec, response, "")
        schemas[str(status)] = resolved["content"]["application/json"]["schema"]
    return schemas


def status_key(schemas: Mapping[str, Any], status: int) -> str | None:
    """The key of `schemas` a status falls under: itself, else its range (`5XX`); None if neither."""
    for key in (str(status), f"{str(status)[0]}XX"):
        if key in schemas:
            return key
    return None


def expected_marks(spec: Spec, operation_id: str) -> set[str]:
    marks: set[str] = set()
    for key, schema in response_schemas(spec, operation_id).items():
        schema_marks(spec, schema, f"${key}", marks, set())
    return marks


def observed_marks(spec: Spec, operation_id: str, status: int, body: Any, marks: set[str] | None = None) -> set[str]:
    marks = set() if marks is None else marks
    schemas = response_schemas(spec, operation_id)
    key = status_key(schemas, status)
    if key is not None:
        value_marks(spec, schemas[key], body, f"${key}", marks)
    return marks


# ---- bodies from the schema alone --------------------------------------------------------------------------------


def _choices(spec: Spec, node: Mapping[str, Any], seen: frozenset[str] = frozenset()) -> int:
    """The most alternatives any one place of the schema offers (enum values, types, branches): how many
    bodies taking them in turn show them all."""
    node, pointer = resolve_with_pointer(spec, node)
    if pointer in seen:
        return 1
    seen = seen | {pointer} if pointer else seen
    counts = [len(node.get("enum", [])), len(node["type"]) if isinstance(node.get("type"), list) else 0]
    for keyword in ("anyOf", "oneOf"):
        counts.append(len(node.get(keyword, [])))
        counts += [_choices(spec, branch, seen) for branch in node.get(keyword, [])]
    counts += [_choices(spec, prop, seen) for prop in node.get("properties", {}).values()]
    for keyword in ("items", "additionalProperties"):
        if isinstance(node.get(keyword), dict):
            counts.append(_choices(spec, node[keyword], seen))
    return max([1, *counts])


def fill(spec: Spec, node: Mapping[str, Any], turn: int, name: str = "value") -> Any:
    """A value of the schema with every property present, taking alternative `turn % n` wherever there are n."""
    node, _ = resolve_with_pointer(spec, node)
    if "const" in node:
        return node["const"]
    if "enum" in node:
        return node["enum"][turn % len(node["enum"])]
    for keyword in ("oneOf", "anyOf"):
        if node.get(keyword):
            branches = node[keyword]
            return fill(spec, branches[turn % len(branches)], turn, name)
    kind = node.get("type", "object" if "properties" in node else None)
    if isinstance(kind, list):
        kind = kind[turn % len(kind)]
    if kind == "null":
        return None
    if kind == "object" or "properties" in node:
        value = {key: fill(spec, prop, turn, key) for key, prop in node.get("properties", {}).items()}
        if isinstance(node.get("additionalProperties"), dict):
            value[f"{name}_extra"] = fill(spec, node["additionalProperties"], turn, f"{name}_extra")
        return value
    if kind == "array":
        return [fill(spec, node.get("items", {}), turn, name)]
    if kind == "boolean":
        return turn % 2 == 0
    if kind == "integer":
        return max(1, int(node.get("minimum", 1)))
    if kind == "number":
        return max(1.5, float(node.get("minimum", 1.5)))
    if kind == "string":
        if node.get("format") == "date-time":
            return f"2025-03-14T09:{turn % 60:02d}:00.000Z"
        if node.get("format") == "uri":
            return f"https://example.com/{name}/{turn}"
        return f"{name}-{turn}"
    return f"{name}-{turn}"  # a schema that says nothing: any value will do


def spec_bodies(spec: Spec, operation_id: str, key: str, missing: set[str]) -> list[Any]:
    """Bodies of the `key` response made from its schema alone, each showing marks of `missing` the ones
    before it did not; together they show every mark of `missing` the schema can show."""
    schema = response_schemas(spec, operation_id)[key]
    wanted = {mark for mark in missing if mark == f"${key}" or mark.startswith((f"${key}.", f"${key}[", f"${key} "))}
    wanted |= {mark for mark in missing if not mark.startswith("$")}
    bodies = []
    for turn in range(_choices(spec, schema)):
        if not wanted:
            break
        body = fill(spec, schema, turn)
        shown: set[str] = set()
        value_marks(spec, schema, body, f"${key}", shown)
        if shown & wanted:
            bodies.append(body)
            wanted -= shown
    return bodies
