"""The OpenAPI document and the one `$ref` resolver every tool uses.

`load_spec()` reads the document once per path and process (callers get the same dict: never mutate it;
`strict_spec` in `drift` works on a deep copy). `resolve(spec, node)` follows local references, chains
included; `inline(spec, node)` gives a schema with every reference replaced by what it points at.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from .paths import spec_path

HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")
Spec = Mapping[str, Any]


# libyaml's parser when PyYAML was built with it (the wheels are): it reads the spec in a tenth of the time of
# the pure-Python one (24 against 210 ms), which every tool and test process that loads the spec pays.
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# And its emitter, for the tests that write edited copies of the spec: the same text as `yaml.safe_dump`'s, in a
# fifth of the time (20 against 110 ms for the spec).
SafeDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def load_yaml(text: str) -> Any:
    """YAML text as Python data, as `yaml.safe_load` reads it."""
    return yaml.load(text, Loader=SafeLoader)  # a safe loader: plain data only


def dump_yaml(data: Any) -> str:
    """Python data as YAML text, as `yaml.safe_dump(data, sort_keys=False, allow_unicode=True)` writes it."""
    text: str = yaml.dump(data, Dumper=SafeDumper, sort_keys=False, allow_unicode=True)
    return text


@cache
def _load(path: Path) -> dict[str, Any]:
    spec: dict[str, Any] = load_yaml(path.read_text(encoding="utf-8"))
    return spec


def load_spec(path: Path | None = None) -> dict[str, Any]:
    """The spec as a dict, read once per path (default: the repository's openapi/realtimekit-sessions.yaml)."""
    return _load((path or spec_path()).resolve())


def escape(token: str) -> str:
    """A JSON pointer token: `~` and `/` escaped."""
    return token.replace("~", "~0").replace("/", "~1")


def at_pointer(spec: Spec, pointer: str) -> Any:
    """The node at a JSON pointer (`/components/schemas/Session`, with or without a leading `#`)."""
    node: Any = spec
    for token in pointer.removeprefix("#").lstrip("/").split("/"):
        node = node[token.replace("~1", "/").replace("~0", "~")]
    return node


def resolve_with_pointer(spec: Spec, node: Any, pointer: str = "") -> tuple[Any, str]:
    """Follow local `$ref`s until a plain node; returns it with the JSON pointer it was found at.

    `pointer` is where `node` itself sits (kept when it is no reference). Only local references
    (`#/...`) exist in this spec; anything else, or a loop, is a ValueError.
    """
    seen: set[str] = set()
    while isinstance(node, Mapping) and "$ref" in node:
        ref = node["$ref"]
        if not isinstance(ref, str) or not ref.startswith("#/") or ref in seen:
            raise ValueError(f"cannot resolve reference {ref!r}")
        seen.add(ref)
        pointer = ref.removeprefix("#")
        node = at_pointer(spec, pointer)
    return node, pointer


def resolve(spec: Spec, node: Any) -> Any:
    """Follow local `$ref`s until a plain node is reached (a node without `$ref` comes back as it is)."""
    return resolve_with_pointer(spec, node)[0]


def ref_name(node: Mapping[str, Any]) -> str:
    """The component name a reference points at (`#/components/schemas/Session` -> `Session`)."""
    return str(node["$ref"]).rsplit("/", 1)[-1]


def inline(
    spec: Spec, node: Any, *, drop: tuple[str, ...] = ("example", "examples"), _seen: tuple[str, ...] = ()
) -> Any:
    """`node` with every `$ref` replaced by what it points at (siblings of a `$ref` kept) and the keys in
    `drop` (annotation-only examples, by default) left out: one self-contained schema. Refuses recursion."""
    if isinstance(node, list):
        return [inline(spec, item, drop=drop, _seen=_seen) for item in node]
    if not isinstance(node, Mapping):
        return node
    if "$ref" in node:
        ref = node["$ref"]
        if ref in _seen:
            raise ValueError(f"recursive schema at {ref}")
        target = resolve(spec, {"$ref": ref})
        siblings = {key: value for key, value in node.items() if key != "$ref"}
        return {
            **inline(spec, target, drop=drop, _seen=(*_seen, ref)),
            **inline(spec, siblings, drop=drop, _seen=_seen),
        }
    return {key: inline(spec, value, drop=drop, _seen=_seen) for key, value in node.items() if key not in drop}


def server_base_path(spec: Spec) -> str:
    """The path part of the spec's first server URL (`/client/v4`)."""
    from urllib.parse import urlsplit

    return str(urlsplit(spec["servers"][0]["url"]).path).rstrip("/")
