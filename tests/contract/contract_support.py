"""Replaying a recording through the generated client, and comparing what comes back."""

from __future__ import annotations

import datetime
import importlib
import inspect
import json
import types
import typing
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import unquote

import attrs
import httpx
from realtimekit_tools.paths import recordings_dir
from realtimekit_tools.recording import Recording, read_recording
from realtimekit_tools.recording import recording_files as _recording_files
from realtimekit_tools.routes import route_table
from realtimekit_tools.spec import resolve
from realtimekit_tools.testing.compare import instant
from realtimekit_tools.testing.transports import replay_transport

RECORDINGS_DIR = recordings_dir()
# The real base URL: MockTransport answers before anything leaves the process, and a base path exercises joining.
BASE_URL = "https://api.cloudflare.com/client/v4"
BASE_PATH = "/client/v4"
# Not a credential; tests check it never shows up in an exception.
TEST_TOKEN = "contract-test-token-0000"


def recording_files() -> list[Path]:
    return _recording_files(RECORDINGS_DIR)


def load_recording(path: Path) -> dict[str, Any]:
    """A recording as its JSON document, read (and so checked) by the toolkit's one reader."""
    return read_recording(path).to_json()


def is_error(recording: Mapping[str, Any]) -> bool:
    return not 200 <= recording["response"]["status"] < 300


def operation_module(operation_id: str) -> ModuleType:
    return importlib.import_module(f"realtimekit_sessions.api.sessions.{operation_id}")


# ---- turning a recorded request back into a call -----------------------------------------------------------------


def parameters(spec: Mapping[str, Any], operation_id: str) -> Mapping[str, Mapping[str, Any]]:
    """Every parameter of the operation (path-level and operation-level), by name."""
    return route_table(spec)[operation_id].parameters


def parameter_schema(spec: Mapping[str, Any], param: Mapping[str, Any]) -> Mapping[str, Any]:
    schema: Mapping[str, Any] = resolve(spec, param.get("schema", {}))
    return schema


def path_arguments(spec: Mapping[str, Any], operation_id: str, path: str) -> dict[str, str]:
    route = route_table(spec)[operation_id]
    match = route.pattern.match(path)
    if match is None:
        raise AssertionError(f"recorded path {path!r} does not fit {operation_id}'s template {route.template!r}")
    return {name: unquote(value) for name, value in match.groupdict().items()}


def python_name(function: Callable[..., Any], name: str) -> str:
    """The keyword the generated function uses for a query parameter (`format` becomes `format_`)."""
    accepted = inspect.signature(function).parameters
    for candidate in (name, f"{name}_"):
        if candidate in accepted:
            return candidate
    raise AssertionError(f"{function.__module__}.{function.__name__} takes no parameter for query {name!r}")


def query_value(schema: Mapping[str, Any], text: str) -> Any:
    """A recorded query string back as the Python value a caller would pass."""
    if schema.get("type") == "integer":
        return int(text)
    if schema.get("type") == "boolean":
        if text not in ("true", "false"):
            raise AssertionError(f"boolean query value {text!r} is neither 'true' nor 'false'")
        return text == "true"
    if schema.get("format") == "date-time":
        return datetime.datetime.fromisoformat(text)
    return text


def call_arguments(
    spec: Mapping[str, Any], recording: Mapping[str, Any], function: Callable[..., Any]
) -> dict[str, Any]:
    operation_id = recording["operation_id"]
    request = recording["request"]
    params = parameters(spec, operation_id)
    arguments: dict[str, Any] = dict(path_arguments(spec, operation_id, request["path"]))
    for name, text in request["query"].items():
        if name not in params or params[name]["in"] != "query":
            raise AssertionError(f"recorded query parameter {name!r} is not one of {operation_id}'s")
        arguments[python_name(function, name)] = query_value(parameter_schema(spec, params[name]), text)
    return arguments


# ---- replaying -------------------------------------------------------------------------------------------------


@dataclass
class Replay:
    """What one call through the client gave: the result or the exception, and the requests it sent."""

    result: Any = None
    error: BaseException | None = None
    sent: list[httpx.Request] = field(default_factory=list)


def transport_for(recording: Mapping[str, Any], sent: list[httpx.Request]) -> httpx.MockTransport:
    return replay_transport(Recording.from_json(recording), sent)


def make_client(transport: httpx.MockTransport) -> Any:
    from realtimekit_sessions import AuthenticatedClient

    return AuthenticatedClient(token=TEST_TOKEN, base_url=BASE_URL, httpx_args={"transport": transport}, max_retries=0)


def replay(spec: Mapping[str, Any], recording: Mapping[str, Any], *, variant: str = "sync") -> Replay:
    """Call the operation the way a user would, with the recorded arguments, against the recorded answer."""
    outcome = Replay()
    client = make_client(transport_for(recording, outcome.sent))
    function = getattr(operation_module(recording["operation_id"]), variant)
    arguments = call_arguments(spec, recording, function)
    try:
        outcome.result = function(**arguments, client=client)
    except Exception as exc:  # noqa: BLE001 - the caller asserts on exactly which exception
        outcome.error = exc
    return outcome


async def replay_async(spec: Mapping[str, Any], recording: Mapping[str, Any]) -> Replay:
    outcome = Replay()
    client = make_client(transport_for(recording, outcome.sent))
    function = operation_module(recording["operation_id"]).asyncio
    arguments = call_arguments(spec, recording, function)
    try:
        outcome.result = await function(**arguments, client=client)
    except Exception as exc:  # noqa: BLE001 - the caller asserts on exactly which exception
        outcome.error = exc
    return outcome


# ---- checking what came back -----------------------------------------------------------------------------------


# Where a model keeps the keys the spec doesn't know (an attrs field, exposed as `additional_properties`).
EXTRA_FIELDS = ("_extra", "additional_properties")


def _declared_fields(model: object) -> list[attrs.Attribute[Any]]:
    return [f for f in attrs.fields(type(model)) if f.name not in EXTRA_FIELDS]


def _extra_keys(model: object) -> list[str]:
    # additional_keys doesn't create the dict the way reading additional_properties may.
    keys = getattr(model, "additional_keys", None)
    return list(keys) if keys is not None else list(getattr(model, "additional_properties", {}))


def declared_properties(spec: Mapping[str, Any]) -> dict[str, frozenset[str]]:
    """JSON property names of each component schema, by schema name (= the generated model's class name)."""
    return {
        name: frozenset(schema.get("properties", {}))
        for name, schema in spec["components"]["schemas"].items()
        if isinstance(schema, dict)
    }


def untyped_spots(
    value: object, declared: Mapping[str, frozenset[str]], path: str = "$", hint: object = None
) -> Iterator[str]:
    """Where a parsed result is not what a typed client should give back.

    A raw dict where a model belongs, a timestamp left as text or without a timezone, or a property the spec
    declares for the model that landed among its extra keys (so it was never read into its attribute). Schemas
    with no declared properties (Session.meta, event metadata) are generated as `dict[str, ...]` aliases, and
    schemas with no type at all (breakout room items) as `Any`: a dict is what such a field's annotation (`hint`)
    admits, anywhere else it is untyped.
    """
    if attrs.has(type(value)):
        hints = _field_hints(type(value))
        for attribute in _declared_fields(value):
            item = getattr(value, attribute.name)
            where = f"{path}.{attribute.name}"
            if isinstance(item, str) and "datetime" in str(attribute.type) and instant(item) is not None:
                yield f"{where} (timestamp left as text)"
            yield from untyped_spots(item, declared, where, hints[attribute.name])
        for key in _extra_keys(value):
            if key in declared.get(type(value).__name__, ()):
                yield f"{path}[{key!r}] (declared field left in additional_properties)"
    elif type(value) is dict and (hint is typing.Any or _admits(hint, dict)):
        return  # a free-form object, declared as one
    elif isinstance(value, dict):
        yield f"{path} (raw dict)"
    elif isinstance(value, list):
        inner = next((typing.get_args(arm)[0] for arm in _arms(hint) if typing.get_origin(arm) is list), None)
        for index, item in enumerate(value):
            yield from untyped_spots(item, declared, f"{path}[{index}]", inner)
    elif isinstance(value, datetime.datetime) and value.tzinfo is None:
        yield f"{path} (naive datetime)"


@cache
def _field_hints(model: type) -> dict[str, object]:
    return typing.get_type_hints(model)


def _arms(hint: object) -> tuple[object, ...]:
    return typing.get_args(hint) if isinstance(hint, types.UnionType) else (hint,)


def _admits(hint: object, container: type) -> bool:
    return any(typing.get_origin(arm) is container for arm in _arms(hint))


def query_differences(spec: Mapping[str, Any], recording: Mapping[str, Any], sent: httpx.Request) -> list[str]:
    """The sent query against the recorded one, as dicts of strings.

    Two leniencies, both about meaning rather than spelling: a date-time value is compared as an instant
    (the client writes `+00:00` where a live capture may hold `Z`), and a parameter the recording leaves out
    may be sent if it carries the spec's declared default (the generated client sends `include_peer_events=false`
    unasked, which the API reads the same as leaving it out).
    """
    recorded: dict[str, str] = recording["request"]["query"]
    sent_query = dict(sent.url.params)
    if len(sent_query) != len(sent.url.params.multi_items()):
        return [f"a query parameter was sent twice: {sent.url.params.multi_items()}"]
    params = parameters(spec, recording["operation_id"])
    found: list[str] = []
    for name, text in recorded.items():
        if name not in sent_query:
            found.append(f"query {name}: recorded {text!r}, not sent")
        elif sent_query[name] != text:
            schema = parameter_schema(spec, params[name])
            same_instant = schema.get("format") == "date-time" and instant(text) == instant(sent_query[name])
            if not same_instant:
                found.append(f"query {name}: recorded {text!r}, sent {sent_query[name]!r}")
    for name, text in sent_query.items():
        if name in recorded:
            continue
        schema = parameter_schema(spec, params[name]) if name in params else {}
        if "default" in schema and text == json.dumps(schema["default"]).strip('"'):
            continue
        found.append(f"query {name}: sent {text!r}, not in the recording")
    return found
