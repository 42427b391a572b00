"""Response bodies made from the OpenAPI document, every field filled, at the sizes the benchmark needs.

The maker walks each operation's 200 schema: $refs are resolved, enums take one of their values, `date-time`
strings look like the API's ("2025-03-14T09:00:02.118Z"), numbers vary in size and precision. Nothing is
hand-written, so a field added to the spec shows up in the bodies (and in both parsers' work) by itself.
"""

from __future__ import annotations

import json
import random
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from ..routes import route_table
from ..spec import load_spec, ref_name, resolve

BASE_TIME = datetime(2025, 3, 14, 9, 0, 2, 118000, tzinfo=UTC)
SEED = 20250314
DEFAULT_ARRAY_LENGTH = 3
# The per-direction sample lists of PeerQuality: the part of a peer report that grows with the call's length.
QUALITY_PARENT = "quality"

Schema = dict[str, Any]
ArrayLength = Callable[[tuple[str, ...]], int]


def success_schemas(spec: Schema) -> dict[str, Schema]:
    """operationId -> the application/json schema of its 200 response, in the document's order."""
    return {
        operation_id: route.node["responses"]["200"]["content"]["application/json"]["schema"]
        for operation_id, route in route_table(spec).items()
    }


def schema_name(schema: Schema) -> str:
    """The component name a response schema refers to (the generated and the SDK class share it)."""
    return ref_name(schema)


class BodyMaker:
    """Fills a schema with varied, valid values; `array_length(path)` says how long each list is."""

    def __init__(self, spec: Schema, array_length: ArrayLength, seed: int = SEED) -> None:
        self._spec = spec
        self._array_length = array_length
        self._rng = random.Random(seed)

    def make(self, schema: Schema) -> Any:
        return self._value(schema, ())

    def _resolve(self, schema: Schema) -> Schema:
        resolved: Schema = resolve(self._spec, schema)
        return resolved

    def _value(self, schema: Schema, path: tuple[str, ...]) -> Any:
        schema = self._resolve(schema)
        if "const" in schema:
            return schema["const"]
        if "enum" in schema:
            return self._rng.choice(schema["enum"])
        for key in ("anyOf", "oneOf"):
            if key in schema:
                # A filled body: take the first variant that is not null.
                variants = [self._resolve(v) for v in schema[key]]
                chosen = next((v for v in variants if v.get("type") != "null"), variants[0])
                return self._value(chosen, path)
        kind = schema.get("type", "object")
        if isinstance(kind, list):
            kind = next((k for k in kind if k != "null"), "null")
        if kind == "object":
            return self._object(schema, path)
        if kind == "array":
            count = self._array_length(path)
            return [self._value(schema.get("items", {}), path) for _ in range(count)]
        if kind == "string":
            return self._string(schema, path)
        if kind == "number":
            return self._number()
        if kind == "integer":
            return self._rng.randrange(0, 100_000)
        if kind == "boolean":
            return True if path[-1:] == ("success",) else self._rng.random() < 0.5
        return None

    def _object(self, schema: Schema, path: tuple[str, ...]) -> dict[str, Any]:
        result = {name: self._value(sub, (*path, name)) for name, sub in schema.get("properties", {}).items()}
        extra = schema.get("additionalProperties")
        if isinstance(extra, dict):
            result.update(self._free_values(extra, path))
        elif "properties" not in schema:
            # A free-form object (meta, breakout room): a few keys of mixed kinds.
            result.update(self._free_values({"type": ["string", "number", "boolean"]}, path))
        return result

    def _free_values(self, schema: Schema, path: tuple[str, ...]) -> dict[str, Any]:
        kinds = schema.get("type", "string")
        kinds = kinds if isinstance(kinds, list) else [kinds]
        values: dict[str, Any] = {}
        for index in range(DEFAULT_ARRAY_LENGTH + 1):
            kind = kinds[index % len(kinds)]
            key = f"{path[-1] if path else 'key'}_{index}"
            values[key] = None if kind == "null" else self._value({"type": kind}, (*path, key))
        return values

    def _string(self, schema: Schema, path: tuple[str, ...]) -> str:
        name = path[-1] if path else "value"
        fmt = schema.get("format")
        rng = self._rng
        if fmt == "date-time":
            moment = BASE_TIME + timedelta(milliseconds=rng.randrange(0, 3_600_000))
            return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")
        if fmt == "uuid" or name.lower().endswith("id"):
            return str(uuid.UUID(int=rng.getrandbits(128), version=4))
        if fmt == "uri" or "url" in name.lower():
            return f"https://example.com/{name}/{rng.getrandbits(64):016x}?X-Amz-Expires=3600"
        if "address" in name or name == "ipv4":
            return f"203.0.113.{rng.randrange(1, 255)}"
        return f"{name}-{rng.getrandbits(32):08x}"

    def _number(self) -> float | int:
        rng = self._rng
        if rng.random() < 0.5:
            return rng.randrange(0, 10 ** rng.randrange(1, 13))
        return round(rng.uniform(0, 10 ** rng.randrange(0, 6)), rng.randrange(1, 7))


@dataclass(frozen=True)
class Body:
    operation_id: str
    size: str  # "typical" or a description of the large body
    schema: str  # component name of the 200 response
    content: bytes


def encode(value: Any) -> bytes:
    # Compact, as the API sends it.
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode()


def _fixed(lengths: dict[str, int]) -> ArrayLength:
    return lambda path: lengths.get(path[-1], DEFAULT_ARRAY_LENGTH) if path else DEFAULT_ARRAY_LENGTH


def _peer_report_lengths(samples: int) -> ArrayLength:
    def length(path: tuple[str, ...]) -> int:
        return samples if path[-2:-1] == (QUALITY_PARENT,) else DEFAULT_ARRAY_LENGTH

    return length


def _peer_report(spec: Schema, schema: Schema, target_bytes: int) -> tuple[bytes, int]:
    """A peer report close to `target_bytes`: the sample count is found from two trial sizes (growth is linear)."""
    small, large = 10, 60
    small_size = len(encode(BodyMaker(spec, _peer_report_lengths(small)).make(schema)))
    large_size = len(encode(BodyMaker(spec, _peer_report_lengths(large)).make(schema)))
    per_sample = (large_size - small_size) / (large - small)
    samples = max(1, round(small + (target_bytes - small_size) / per_sample))
    return encode(BodyMaker(spec, _peer_report_lengths(samples)).make(schema)), samples


def make_bodies(*, list_items: int, peer_report_bytes: int, spec: Schema | None = None) -> Iterator[Body]:
    """A typical body for every operation, then the large ones: long session and participant lists, a peer report."""
    spec = spec if spec is not None else load_spec()
    schemas = success_schemas(spec)
    for operation_id, schema in schemas.items():
        content = encode(BodyMaker(spec, _fixed({})).make(schema))
        yield Body(operation_id, "typical", schema_name(schema), content)

    schema = schemas["get_sessions"]
    content = encode(BodyMaker(spec, _fixed({"sessions": list_items})).make(schema))
    yield Body("get_sessions", f"{list_items} sessions", schema_name(schema), content)

    schema = schemas["get_session_participants"]
    lengths = {"participants": list_items, "peer_events": DEFAULT_ARRAY_LENGTH}
    content = encode(BodyMaker(spec, _fixed(lengths)).make(schema))
    yield Body("get_session_participants", f"{list_items} participants+events", schema_name(schema), content)

    schema = schemas["get_participant_data_from_peer_id"]
    content, samples = _peer_report(spec, schema, peer_report_bytes)
    label = f"peer report {len(content) / 1e6:.1f} MB ({samples}/list)"
    yield Body("get_participant_data_from_peer_id", label, schema_name(schema), content)
