"""The independent oracle: bodies drawn from the official SDK's own response models, read by both clients.

The SDK (`cloudflare` on PyPI, Stainless-generated) describes each response with pydantic models. Their JSON
Schemas (`model_json_schema(mode="validation")`: what `model_validate` accepts) are turned into hypothesis
strategies with hypothesis-jsonschema, so the bodies come from the SDK's idea of the API, not from our spec.

For each body:

- the SDK decides whether it is valid, as `Cloudflare(_strict_response_validation=True)` decides it
  (`validate_type`, i.e. pydantic's `model_validate` of the decoded JSON);
- the SDK's value is what a user of `client.realtime_kit.sessions.<op>(...)` gets from the default client
  (`_strict_response_validation=False`: `construct_type`), through a real call answered by httpx.MockTransport;
- ours reads the same bytes through `realtimekit_sessions.api.sessions.<op>.sync(...)` (max_retries=0) and
  through `client.load_json(bytes, Model)`, and must return the typed model with the same values: the SDK's
  `model_dump(mode="json", by_alias=True, exclude_unset=True)` against our `to_dict()`, both keyed by JSON
  names, walked in parallel (see `differences`).
"""

from __future__ import annotations

import datetime
import email.utils
import inspect
import json
import math
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

import httpx
from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema
from realtimekit_tools.testing.transports import Canned
from suite_support import OPERATION_IDS, make_client, operation_module, path_arguments, success_model

__all__ = ["OPERATION_IDS"]

BASE_URL = "https://api.cloudflare.com/client/v4"
SDK_TOKEN = "differential-sdk-token-0000"

# Generation is kept small and fast: short strings, short lists, a few extra keys. What matters is the variety
# of shapes (every optional field present, absent or null; unknown keys; any string where the SDK takes any
# string), not their size.
MAX_STRING = 12
MAX_ITEMS = 2
MAX_EXTRA_KEYS = 2

# Strings the SDK takes in a `str` field. Wherever the SDK types a field `str`, any of these is a body the SDK
# reads; ours types some of those fields as timestamps (the spec's `format: date-time`), so timestamp-like
# text and text that merely resembles one are offered next to hypothesis's own strings.
TIMESTAMP_LIKE = [
    "2023-02-01T10:51:08.039Z",
    "2023-02-01T10:51:08+05:30",
    "2023-02-01T10:51:08",
    "2023-02-01",
    "Wed, 01 Feb 2023 10:51:08 GMT",
    "1",
    "2023",
    "May",
    "12:30",
    "",
]

# ---- the SDK's models -------------------------------------------------------------------------------------


@cache
def sdk_model(operation_id: str) -> type:
    """The SDK's response class for an operation: the class its resource method casts the body to."""
    import cloudflare.types.realtime_kit

    model: type = getattr(cloudflare.types.realtime_kit, success_model(operation_id).__name__)
    return model


def _transform(node: Any, defs: dict[str, Any]) -> Any:
    """One schema of the SDK's JSON Schema made self-contained and small: `$ref`s inlined, titles and defaults
    dropped, strings, lists and extra keys capped, and timestamp-like text offered wherever any string is valid."""
    if "$ref" in node:
        return _transform(defs[node["$ref"].rsplit("/", 1)[-1]], defs)
    out = {key: value for key, value in node.items() if key not in ("title", "default", "$defs", "description")}
    for key in ("anyOf", "oneOf", "allOf"):
        if key in out:
            out[key] = [_transform(item, defs) for item in out[key]]
    if "properties" in out:
        out["properties"] = {name: _transform(sub, defs) for name, sub in out["properties"].items()}
    if isinstance(out.get("items"), dict):
        out["items"] = _transform(out["items"], defs)
    if isinstance(out.get("additionalProperties"), dict) and out["additionalProperties"]:
        out["additionalProperties"] = _transform(out["additionalProperties"], defs)
    kind = out.get("type")
    if kind == "string" and not any(key in out for key in ("enum", "const", "format", "pattern")):
        return {
            "anyOf": [
                {"type": "string", "maxLength": MAX_STRING},
                {"enum": TIMESTAMP_LIKE},
                {"type": "string", "format": "date-time"},
            ]
        }
    if kind == "array":
        out["maxItems"] = min(out.get("maxItems", MAX_ITEMS), MAX_ITEMS)
    if kind == "object":
        extra = out.get("additionalProperties", True)
        if extra is True or extra == {}:
            # Any JSON value is allowed there; scalars keep the draw small and still prove unknown keys are kept.
            out["additionalProperties"] = {
                "anyOf": [{"type": ["integer", "boolean", "null"]}, {"type": "string", "maxLength": MAX_STRING}]
            }
        out["maxProperties"] = len(out.get("properties", {})) + MAX_EXTRA_KEYS
    if not out:
        # `object` in the SDK (`List[object]` gives `items: {}`): any JSON value; small ones.
        return {
            "anyOf": [
                {"type": ["integer", "number", "boolean", "null"]},
                {"type": "string", "maxLength": MAX_STRING},
                {"type": "object", "maxProperties": 2, "additionalProperties": {"type": ["integer", "string"]}},
                {"type": "array", "maxItems": 2, "items": {"type": ["integer", "string"]}},
            ]
        }
    return out


@cache
def sdk_schema(operation_id: str) -> dict[str, Any]:
    raw = sdk_model(operation_id).model_json_schema(mode="validation")  # type: ignore[attr-defined]
    schema: dict[str, Any] = _transform(raw, raw.get("$defs", {}))
    return schema


@cache
def sdk_bodies(operation_id: str) -> st.SearchStrategy[dict[str, Any]]:
    """Bodies the SDK's schema describes: each one the whole schema, or the schema with one nested object forced
    present with all its fields (every object on the way there present, not null, every list on the way not
    empty).

    A body has a budget (hypothesis gives up on a draw past 8 KiB of choices); with every optional field drawn
    at random, the peer report's objects four or five levels down (`peer_report.quality...`) never fit in it,
    and hypothesis quietly settles for bodies without them. Forcing one path at a time reaches every object.
    """
    schema = sdk_schema(operation_id)
    foci = [(), *object_paths(schema)]
    return st.sampled_from(foci).flatmap(lambda focus: focused(operation_id, focus))


Path = tuple[str, ...]  # property names, and "[]" for a list's items


def object_paths(schema: dict[str, Any], path: Path = ()) -> list[Path]:
    """The path of every object with properties below `schema` (itself excluded)."""
    found: list[Path] = []
    for name, sub in schema.get("properties", {}).items():
        found += _object_paths_in((*path, name), _present(sub))
    return found


def _object_paths_in(path: Path, schema: dict[str, Any]) -> list[Path]:
    if schema.get("type") == "array":
        return _object_paths_in((*path, "[]"), _present(schema.get("items", {})))
    if schema.get("properties"):
        return [path, *object_paths(schema, path)]
    return []


def _present(schema: dict[str, Any]) -> dict[str, Any]:
    """A schema without its `null` branch (`Optional[X]` is `anyOf: [X, null]`), when that leaves one branch."""
    branches = [sub for sub in schema.get("anyOf", []) if sub.get("type") != "null"]
    return branches[0] if len(branches) == 1 and len(schema) == 1 else schema


@cache
def focused(operation_id: str, focus: Path) -> st.SearchStrategy[Any]:
    schema = json.loads(json.dumps(sdk_schema(operation_id)))
    node = schema
    for step in focus:
        if step == "[]":
            node["minItems"] = max(1, node.get("minItems", 0))
            node["items"] = node = _present(node["items"])
        else:
            node["required"] = sorted({*node.get("required", []), step})
            node["properties"][step] = node = _present(node["properties"][step])
    if focus:
        # The object in focus has every field present (each may still be null where the SDK allows it).
        node["required"] = sorted(node["properties"])
    return strategy(json.dumps(schema, sort_keys=True))


@cache
def strategy(schema_json: str) -> st.SearchStrategy[Any]:
    """A strategy for one schema (given as JSON, so that equal schemas share one strategy).

    hypothesis-jsonschema draws every value (`from_schema`), but it builds the strategy of an object's property
    afresh at each draw, canonicalising that subschema again: the peer report's schema (80 nested objects) then
    costs seconds per body. So objects, lists and unions are composed here, once, from the same schema, with
    what hypothesis-jsonschema does for them (required keys always, optional ones present or not, extra keys
    under `additionalProperties`, at most `maxProperties`), and every scalar schema goes to `from_schema`.
    """
    schema = json.loads(schema_json)
    if "anyOf" in schema and len(schema) == 1 and not _scalar(schema):
        return st.one_of([strategy(json.dumps(sub, sort_keys=True)) for sub in schema["anyOf"]])
    kind = schema.get("type")
    if kind == "array":
        items = strategy(json.dumps(schema.get("items", {}), sort_keys=True))
        return st.lists(items, min_size=schema.get("minItems", 0), max_size=schema["maxItems"])
    if kind == "object" and (schema.get("properties") or not _scalar(schema.get("additionalProperties", {}))):
        properties = {name: strategy(json.dumps(sub, sort_keys=True)) for name, sub in schema["properties"].items()}
        required = set(schema.get("required", []))
        known = st.fixed_dictionaries(
            {name: value for name, value in properties.items() if name in required},
            optional={name: value for name, value in properties.items() if name not in required},
        )
        room = schema.get("maxProperties", len(properties) + MAX_EXTRA_KEYS) - len(properties)
        extra_schema = schema.get("additionalProperties", True)
        if extra_schema is False or room <= 0:
            return known
        names = st.text(max_size=8).filter(lambda name: name not in properties)
        extra = st.dictionaries(names, strategy(json.dumps(extra_schema, sort_keys=True)), max_size=room)
        return st.tuples(known, extra).map(lambda pair: {**pair[1], **pair[0]})
    return from_schema(schema)


def _scalar(schema: Any) -> bool:
    """Whether a schema describes no object or list with properties or items of its own (from_schema's job)."""
    if not isinstance(schema, dict):
        return True
    if schema.get("properties") or (schema.get("type") == "array" and schema.get("items")):
        return False
    return all(_scalar(sub) for sub in schema.get("anyOf", []))


# ---- the SDK reading a body -------------------------------------------------------------------------------


@cache
def _strict_sdk() -> Any:
    import cloudflare

    return cloudflare.Cloudflare(api_token=SDK_TOKEN, base_url=BASE_URL, _strict_response_validation=True)


def sdk_validates(operation_id: str, content: bytes) -> bool:
    """Whether the SDK's strict response validation takes the body (pydantic's model_validate of its JSON)."""
    from cloudflare import APIResponseValidationError

    response = httpx.Response(200, headers={"content-type": "application/json"})
    try:
        _strict_sdk()._process_response_data(
            data=json.loads(content), cast_to=sdk_model(operation_id), response=response
        )
    except APIResponseValidationError:
        return False
    return True


def sdk_call(operation_id: str, content: bytes) -> Any:
    """What a user of `client.realtime_kit.sessions.<op>(...)` gets from the default client for these bytes."""
    import cloudflare

    canned = Canned(content)
    http_client = httpx.Client(transport=httpx.MockTransport(canned))
    client = cloudflare.Cloudflare(api_token=SDK_TOKEN, base_url=BASE_URL, http_client=http_client, max_retries=0)
    with client:
        method = getattr(client.realtime_kit.sessions, operation_id)
        result = method(*sdk_arguments(operation_id, method)[0], **sdk_arguments(operation_id, method)[1])
    assert len(canned.sent) == 1
    return result


def sdk_arguments(operation_id: str, method: Callable[..., Any]) -> tuple[list[str], dict[str, str]]:
    """The SDK method's path ids: the last one positional, the others keyword-only, as Stainless writes them."""
    ours = dict(zip(_path_names(operation_id), path_arguments(operation_id), strict=True))
    positional, keywords = [], {}
    for name, parameter in inspect.signature(method).parameters.items():
        if name in ours:
            if parameter.kind is parameter.POSITIONAL_OR_KEYWORD:
                positional.append(ours[name])
            else:
                keywords[name] = ours[name]
    assert len(positional) + len(keywords) == len(ours), f"{operation_id}: SDK path ids differ from ours"
    return positional, keywords


@cache
def _path_names(operation_id: str) -> list[str]:
    signature = inspect.signature(operation_module(operation_id).sync)
    return [name for name, p in signature.parameters.items() if p.kind is p.POSITIONAL_OR_KEYWORD]


def sdk_values(result: Any) -> Any:
    dumped = result.model_dump(mode="json", by_alias=True, exclude_unset=True, warnings=False)
    return dumped


# ---- ours reading a body ----------------------------------------------------------------------------------


def ours_call(operation_id: str, content: bytes) -> Any:
    """Our client called as a user would (max_retries=0: one request, one answer)."""
    canned = Canned(content)
    client = make_client(httpx.MockTransport(canned), max_retries=0)
    with client:
        result = operation_module(operation_id).sync(*path_arguments(operation_id), client=client)
    assert len(canned.sent) == 1
    return result


def ours_load(operation_id: str, content: bytes) -> Any:
    from realtimekit_sessions.client import load_json

    return load_json(content, success_model(operation_id))


# ---- comparing --------------------------------------------------------------------------------------------


def instant(text: str) -> datetime.datetime | None:
    """The instant a timestamp string names: ISO 8601 / RFC 3339 (a naive one taken as UTC, as the API sends
    UTC) or RFC 2822; None for text that names no instant."""
    try:
        moment = datetime.datetime.fromisoformat(text)
    except ValueError:
        try:
            moment = email.utils.parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=datetime.UTC)


def _same_number(sdk: float, ours: float) -> bool:
    if sdk == ours:
        return True
    # The SDK holds every `number` as a float: an integer beyond 2**53 comes back rounded, ours keeps it exact.
    if isinstance(sdk, float) and isinstance(ours, int) and math.isfinite(sdk):
        return float(ours) == sdk
    return False


def differences(sdk: Any, ours: Any, path: str = "$") -> list[tuple[str, Any, Any]]:
    """Where our to_dict() differs from the SDK's dump, as (JSONPath, SDK value, our value), both keyed by JSON
    names: numbers as numbers (1 == 1.0), timestamps as instants (ours writes a parsed one back in ISO 8601),
    everything else exactly. A key on one side only is a difference with `MISSING` on the other."""
    if isinstance(sdk, bool) or isinstance(ours, bool):
        return [] if type(sdk) is type(ours) and sdk == ours else [(path, sdk, ours)]
    if isinstance(sdk, int | float) and isinstance(ours, int | float):
        return [] if _same_number(sdk, ours) else [(path, sdk, ours)]
    if isinstance(sdk, str) and isinstance(ours, str):
        if sdk == ours:
            return []
        theirs, mine = instant(sdk), instant(ours)
        return [] if theirs is not None and theirs == mine else [(path, sdk, ours)]
    if isinstance(sdk, dict) and isinstance(ours, dict):
        found = [(f"{path}.{key}", sdk[key], MISSING) for key in sdk if key not in ours]
        found += [(f"{path}.{key}", MISSING, ours[key]) for key in ours if key not in sdk]
        for key in sdk.keys() & ours.keys():
            found += differences(sdk[key], ours[key], f"{path}.{key}")
        return found
    if isinstance(sdk, list) and isinstance(ours, list):
        if len(sdk) != len(ours):
            return [(path, sdk, ours)]
        return [d for i, pair in enumerate(zip(sdk, ours, strict=True)) for d in differences(*pair, f"{path}[{i}]")]
    if sdk is None and ours is None:
        return []
    return [(path, sdk, ours)]


class _Missing:
    def __repr__(self) -> str:
        return "<absent>"


MISSING = _Missing()


# ---- the verdict on one body ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    """One way ours differs from the SDK on one body: a value (`path`, `sdk`, `ours`) or an exception."""

    how: str  # "sync()" or "load_json()"
    path: str
    sdk: Any = None
    ours: Any = None
    error: BaseException | None = None

    def __str__(self) -> str:
        if self.error is not None:
            return f"{self.how} raised {type(self.error).__name__}: {self.error}"
        return f"{self.how} {self.path}: SDK {self.sdk!r}, ours {self.ours!r}"


@dataclass
class Verdict:
    sdk_valid: bool
    problems: list[Problem]  # none when ours returned the typed model with the SDK's values, by both paths


def judge(operation_id: str, body: Any) -> Verdict:
    content = json.dumps(body).encode()
    if not sdk_validates(operation_id, content):
        return Verdict(False, [])
    expected = sdk_values(sdk_call(operation_id, content))
    model_class = success_model(operation_id)
    problems: list[Problem] = []
    for how, read in (("sync()", ours_call), ("load_json()", ours_load)):
        try:
            result = read(operation_id, content)
        except Exception as exc:  # noqa: BLE001 - any exception is the finding
            problems.append(Problem(how, getattr(exc, "path", None) or "$", error=exc))
            continue
        if type(result) is not model_class:
            problems.append(Problem(how, "$", model_class.__name__, type(result).__name__))
            continue
        problems += [Problem(how, *found) for found in differences(expected, result.to_dict())]
    return Verdict(True, problems)


# ---- the table --------------------------------------------------------------------------------------------

COLUMNS = ("drawn", "sdk_valid", "typed_equal", "failed")
TALLY: Counter[tuple[str, str]] = Counter()
# Distinct bodies only: hypothesis replays a body while it shrinks a failure, which must not count twice.
SEEN: set[tuple[str, str]] = set()


def first_time(operation_id: str, body: Any) -> bool:
    key = (operation_id, json.dumps(body, sort_keys=True))
    if key in SEEN:
        return False
    SEEN.add(key)
    return True


def tally(operation_id: str, column: str) -> None:
    TALLY[(operation_id, column)] += 1
