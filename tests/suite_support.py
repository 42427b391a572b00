"""Shared by the reliability suite: the spec's success schemas as hypothesis strategies, body mutations, the
calls every operation takes, and the figures the suite reports at the end of a run."""

from __future__ import annotations

import importlib
import inspect
import json
import os
import secrets
import string
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from types import ModuleType
from typing import Any

import httpx
from hypothesis import strategies as st
from hypothesis_jsonschema import _from_schema, from_schema
from realtimekit_tools.contract import response_for
from realtimekit_tools.routes import operation_ids, route_table
from realtimekit_tools.spec import inline, load_spec, ref_name

OPERATION_IDS = operation_ids()
# Looks like a real Cloudflare token (40 characters of [A-Za-z0-9_-]) and is made afresh each run, so no file
# ever holds it and any place it turns up can only have come from the client.
TOKEN = "".join(secrets.choice(string.ascii_letters + string.digits + "_-") for _ in range(38)) + "Z9"
ACCOUNT_ID = "023e105f4ecef8ad9ca31a8372d0c353"
APP_ID = "app-0123"
# Values for every path parameter, so each operation can be called; the fault tests check the URLs built.
PATH_VALUES = {
    "account_id": ACCOUNT_ID,
    "app_id": APP_ID,
    "session_id": "session-4567",
    "participant_id": "participant-89",
    "peer_id": "peer-1011",
}

# Figures gathered while the suite runs and printed at its end (conftest.pytest_terminal_summary).
BODIES_TRIED: Counter[tuple[str, str]] = Counter()
FIGURES: dict[str, list[str]] = {}


def report(section: str, line: str) -> None:
    FIGURES.setdefault(section, []).append(line)


# ---- the spec ---------------------------------------------------------------------------------------------


@cache
def spec() -> dict[str, Any]:
    return load_spec()


@cache
def success_schema(operation_id: str) -> dict[str, Any]:
    """The 200 schema, self-contained (references inlined, examples dropped), as hypothesis-jsonschema wants."""
    located = response_for(spec(), operation_id, 200)
    assert located is not None, f"{operation_id} documents no 200"
    schema: dict[str, Any] = inline(spec(), located[1]["content"]["application/json"]["schema"])
    return schema


@cache
def success_model(operation_id: str) -> type:
    from realtimekit_sessions import models

    located = response_for(spec(), operation_id, 200)
    assert located is not None
    name = ref_name(located[1]["content"]["application/json"]["schema"])
    model: type = getattr(models, name)
    return model


# hypothesis-jsonschema knows date-time and uri; uuid it would fill with any text.
CUSTOM_FORMATS = {"uuid": st.uuids().map(str)}


@cache
def valid_bodies(operation_id: str) -> st.SearchStrategy[dict[str, Any]]:
    return from_schema(success_schema(operation_id), custom_formats=CUSTOM_FORMATS)


def _strategy_per_property_schema() -> None:
    """Build each object property's strategy once, not on every draw.

    hypothesis-jsonschema 0.23.1 (pinned) turns an object's property schema into a strategy inside the draw
    (`from_object_schema` calls `merged_as_strategies` for each key it draws), which resolves and canonicalises
    that subschema afresh each time: three quarters of the time of a test drawing peer reports went there (its
    maintainers plan to redesign canonicalisation: python-jsonschema/hypothesis-jsonschema#104). The subschemas
    are the same objects on every draw (they live in the strategy's closure), so the strategy is cached by their
    identity; the cache holds them, so no identity is reused. The bodies drawn are the same as without it.
    """
    build = _from_schema.merged_as_strategies
    built: dict[tuple[int, ...], tuple[object, st.SearchStrategy[Any]]] = {}

    def merged_as_strategies(schemas: list[Any], *, alphabet: Any, custom_formats: Any) -> st.SearchStrategy[Any]:
        key = (*map(id, schemas), id(alphabet), id(custom_formats))
        if key not in built:
            strategy = build(schemas, alphabet=alphabet, custom_formats=custom_formats)
            built[key] = ((schemas[:], alphabet, custom_formats), strategy)
        return built[key][1]

    merged_as_strategies.__wrapped__ = build  # type: ignore[attr-defined]
    _from_schema.merged_as_strategies = merged_as_strategies


_strategy_per_property_schema()


class _NamesNotYetDrawn:
    """Stands in for `all_names_strategy` inside hypothesis-jsonschema's `from_object_schema`, whose one use of it is
    `draw(all_names_strategy.filter(lambda s: s not in out))`, once for every key it draws: a new filtered strategy
    each time, which hypothesis validates on its first draw (the filter offered to each branch of the names' one_of
    again), a tenth of the CPU of the fuzz tests. Here the filtered strategy is built once, with a condition that
    asks the lambda of the latest `.filter` call: the same strategies and the same condition at every draw, so the
    same bodies (test_fuzz_bodies checks it against the library as released). The lambda is always that of the
    draw under way: a name is a string, and drawing one never draws an object, so no other key's filter can come
    between a `.filter` call and its draw.
    """

    def __init__(self, names: st.SearchStrategy[str]) -> None:
        self._condition: Callable[[str], object] = bool
        self._filtered = names.filter(lambda name: self._condition(name))

    def filter(self, condition: Callable[[str], object]) -> st.SearchStrategy[str]:
        self._condition = condition
        return self._filtered


def _names_filtered_once() -> None:
    build = _from_schema.object_schema

    def object_schema(custom_formats: Any, alphabet: Any, schema: dict[str, Any]) -> st.SearchStrategy[Any]:
        strategy = build(custom_formats, alphabet, schema)
        # An object that can have no keys is `st.builds(dict)` or `st.nothing()`, with no names to draw.
        definition = getattr(getattr(strategy, "wrapped_strategy", None), "definition", None)
        names = getattr(getattr(definition, "__code__", None), "co_freevars", ())
        if "all_names_strategy" in names:
            assert definition is not None
            cell = definition.__closure__[names.index("all_names_strategy")]
            cell.cell_contents = _NamesNotYetDrawn(cell.cell_contents)
        return strategy

    object_schema.__wrapped__ = build  # type: ignore[attr-defined]
    _from_schema.object_schema = object_schema


_names_filtered_once()


# ---- calling an operation ---------------------------------------------------------------------------------


def operation_module(operation_id: str) -> ModuleType:
    return importlib.import_module(f"realtimekit_sessions.api.sessions.{operation_id}")


def path_parameters(operation_id: str) -> list[str]:
    """The operation's path parameters, in the order its functions take them."""
    signature = inspect.signature(operation_module(operation_id).sync)
    return [name for name, p in signature.parameters.items() if p.kind is p.POSITIONAL_OR_KEYWORD]


def path_arguments(operation_id: str, **overrides: str) -> list[str]:
    return [overrides.get(name, PATH_VALUES[name]) for name in path_parameters(operation_id)]


def expected_path(operation_id: str, values: Mapping[str, str]) -> str:
    """The raw URL path the operation must call: the spec's template, each value one percent-encoded segment."""
    route = route_table()[operation_id]
    return route.path_for({name: values.get(name, PATH_VALUES[name]) for name in route.path_parameters})


def make_client(transport: httpx.BaseTransport | httpx.AsyncBaseTransport | None = None, **kwargs: Any) -> Any:
    from realtimekit_sessions import AuthenticatedClient

    kwargs.setdefault("base_url", "https://api.cloudflare.com/client/v4")
    if transport is not None:
        kwargs["httpx_args"] = {**kwargs.get("httpx_args", {}), "transport": transport}
    return AuthenticatedClient(token=TOKEN, **kwargs)


# ---- mutations --------------------------------------------------------------------------------------------

# The kinds of broken body tried; each names one way a real answer goes wrong.
MUTATIONS = (
    "wrong_type",
    "missing_field",
    "unknown_string",
    "null",
    "deep_nesting",
    "huge_string",
    "huge_number",
    "truncated",
    "html",
    "empty",
    "wrong_content_type",
    "not_an_object",
    "bad_utf8",
)
HTML_PAGE = (
    "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head>"
    "<body><h1>502 Bad Gateway</h1><p>cloudflare</p></body></html>"
)
PLACEHOLDER = "\x00mutation-goes-here\x00"


@dataclass(frozen=True)
class Mutated:
    kind: str
    content: bytes
    content_type: str | None = "application/json"


def _spots(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a JSON value, as a path of keys and indexes (the root is the empty path)."""
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _spots(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _spots(item, (*path, index))
    return found


def _get(value: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        value = value[step]
    return value


def _replaced(value: Any, path: tuple[Any, ...], new: Any) -> Any:
    if not path:
        return new
    copy = dict(value) if isinstance(value, dict) else list(value)
    copy[path[0]] = _replaced(value[path[0]], path[1:], new)
    return copy


def _other_type_value(draw: st.DrawFn, old: Any) -> Any:
    candidates: list[Any] = [
        draw(st.integers(-(2**40), 2**40)),
        draw(st.floats(allow_nan=False, allow_infinity=False)),
        draw(st.text(max_size=20)),
        draw(st.booleans()),
        [draw(st.integers())],
        {"unexpected": draw(st.text(max_size=5))},
    ]
    return draw(st.sampled_from([c for c in candidates if type(c) is not type(old)]))


@st.composite
def mutated_bodies(draw: st.DrawFn, operation_id: str) -> Mutated:
    """A schema-valid body of the operation, then broken in one of the MUTATIONS ways."""
    body = draw(valid_bodies(operation_id))
    kind = draw(st.sampled_from(MUTATIONS))
    spots = _spots(body)
    if kind == "wrong_type":
        where = draw(st.sampled_from(spots))
        return Mutated(kind, json.dumps(_replaced(body, where, _other_type_value(draw, _get(body, where)))).encode())
    if kind == "missing_field":
        objects = [spot for spot in spots if isinstance(_get(body, spot), dict) and _get(body, spot)]
        if not objects:
            return Mutated(kind, b"{}")
        where = draw(st.sampled_from(objects))
        target = _get(body, where)
        dropped = draw(st.sampled_from(sorted(target)))
        trimmed = {key: item for key, item in target.items() if key != dropped}
        return Mutated(kind, json.dumps(_replaced(body, where, trimmed)).encode())
    if kind == "unknown_string":
        # Covers unknown enum values and strings that break a format (date-time, uuid, uri).
        strings = [spot for spot in spots if isinstance(_get(body, spot), str)] or spots
        where = draw(st.sampled_from(strings))
        text = draw(st.one_of(st.text(max_size=40), st.sampled_from(["NEW_STATUS", "2024-13-45T99:99:99Z", ""])))
        return Mutated(kind, json.dumps(_replaced(body, where, text)).encode())
    if kind == "null":
        where = draw(st.sampled_from(spots))
        return Mutated(kind, json.dumps(_replaced(body, where, None)).encode())
    if kind == "deep_nesting":
        # Written as text: json.dumps itself refuses deep values. Depths past Python's recursion limit have their
        # own tests (test_fuzz_bodies: nested past the recursion limit), so that one known failure does not hide
        # every other finding of this generator.
        depth = draw(st.sampled_from([64, 500]))
        opener, closer = draw(st.sampled_from([("[", "]"), ('{"a":', "}")]))
        where = draw(st.sampled_from(spots))
        text = json.dumps(_replaced(body, where, PLACEHOLDER))
        nested = opener * depth + "1" + closer * depth
        return Mutated(kind, text.replace(json.dumps(PLACEHOLDER), nested, 1).encode())
    if kind == "huge_string":
        where = draw(st.sampled_from(spots))
        size = draw(st.sampled_from([100_000, 2_000_000]))
        return Mutated(kind, json.dumps(_replaced(body, where, draw(st.characters()) * size)).encode())
    if kind == "huge_number":
        where = draw(st.sampled_from(spots))
        number = draw(st.sampled_from(["1e400", "-1e400", "NaN", "Infinity", "9" * 5000, "1" + "0" * 400]))
        text = json.dumps(_replaced(body, where, PLACEHOLDER))
        return Mutated(kind, text.replace(json.dumps(PLACEHOLDER), number, 1).encode())
    if kind == "truncated":
        content = json.dumps(body).encode()
        return Mutated(kind, content[: draw(st.integers(0, len(content) - 1))])
    if kind == "html":
        return Mutated(kind, HTML_PAGE.encode(), "text/html; charset=UTF-8")
    if kind == "empty":
        return Mutated(kind, b"", draw(st.sampled_from(["application/json", None])))
    if kind == "wrong_content_type":
        content_type = draw(st.sampled_from(["text/html", "text/plain", "application/octet-stream", None]))
        return Mutated(kind, json.dumps(body).encode(), content_type)
    if kind == "not_an_object":
        top = draw(st.sampled_from([[body], "text", 42, None, True, []]))
        return Mutated(kind, json.dumps(top).encode())
    # bad_utf8: bytes that are not UTF-8 at all, spliced into the middle.
    content = json.dumps(body).encode()
    at = draw(st.integers(0, len(content)))
    return Mutated(
        kind, content[:at] + draw(st.sampled_from([b"\xff\xfe", b"\xc3\x28", b"\xed\xa0\x80"])) + content[at:]
    )


def parsed_json(content: bytes) -> Any:
    """The body as the client's own json.loads would see it, or None when it is not a JSON object."""
    try:
        value = json.loads(content)
    except (ValueError, RecursionError):
        return None
    return value if isinstance(value, dict) else None


def count(operation_id: str, kind: str) -> None:
    BODIES_TRIED[(operation_id, kind)] += 1


def profile_name() -> str:
    return os.environ.get("RELIABILITY_PROFILE", "ci")


def soak_size() -> tuple[int, int]:
    """(requests, concurrency) of the load test: small in CI, `make soak` asks for 10 000 at 200."""
    return int(os.environ.get("SOAK_REQUESTS", "250")), int(os.environ.get("SOAK_CONCURRENCY", "50"))


Call = Callable[..., Any]
