"""The one route table: every operation of the spec with its method, path template and parameters.

    table = route_table()                        # from the repository's spec, built once
    table["get_sessions"].method                 # "GET"
    table.match("GET", "/accounts/a/realtime/kit/b/sessions")   # (Route, {"account_id": "a", "app_id": "b"})

Matching picks the most specific template when several fit: the literal `sessions/peer-report/{peer_id}` wins
over `sessions/{session_id}/participants`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, unquote

from .spec import HTTP_METHODS, Spec, escape, load_spec, resolve


@dataclass(frozen=True)
class Route:
    operation_id: str
    method: str
    # The spec's path template, `/accounts/{account_id}/...`.
    template: str
    # JSON pointer (without `#`) of the operation object inside the spec.
    pointer: str
    node: Mapping[str, Any] = field(repr=False, compare=False)
    # Every parameter (path-level, then operation-level), `$ref`s followed, by name.
    parameters: Mapping[str, Mapping[str, Any]] = field(repr=False, compare=False)
    # One entry per path segment, 0 for literal and 1 for a parameter: the smallest is the most specific.
    specificity: tuple[int, ...]
    # `^/...$` with a named group per path parameter.
    pattern: re.Pattern[str] = field(repr=False, compare=False)
    # The same, anchored at the end only: a URL path with any base path in front (`/client/v4`, a proxy's).
    suffix_pattern: re.Pattern[str] = field(repr=False, compare=False)

    @property
    def path_parameters(self) -> tuple[str, ...]:
        """The path parameters in the order the template names them."""
        return tuple(re.findall(r"\{(\w+)\}", self.template))

    def query_parameters(self) -> dict[str, Mapping[str, Any]]:
        return {name: p for name, p in self.parameters.items() if p.get("in") == "query"}

    def path_for(self, values: Mapping[str, str]) -> str:
        """The template filled in, each value percent-encoded as exactly one segment."""
        path = self.template
        for name in self.path_parameters:
            path = path.replace("{" + name + "}", quote(values[name], safe=""))
        return path

    def path_values(self, path: str) -> dict[str, str] | None:
        """The path parameters of a request path (with or without a base path in front), or None."""
        found = self.suffix_pattern.search(path)
        return None if found is None else {name: unquote(value) for name, value in found.groupdict().items()}


class RouteTable(Mapping[str, Route]):
    """Operation id -> Route, in the spec's order, with matching of request paths."""

    def __init__(self, routes: list[Route]) -> None:
        self._routes = {route.operation_id: route for route in routes}
        self._by_specificity = sorted(routes, key=lambda route: route.specificity)

    def __getitem__(self, operation_id: str) -> Route:
        try:
            return self._routes[operation_id]
        except KeyError:
            raise KeyError(f"operation {operation_id!r} is not in the spec") from None

    def __iter__(self) -> Iterator[str]:
        return iter(self._routes)

    def __len__(self) -> int:
        return len(self._routes)

    def candidates(self, path: str, *, anywhere: bool = False) -> list[tuple[Route, dict[str, str]]]:
        """Every route whose template fits `path` (any method), most specific first, with the path values.

        `anywhere=False` wants the whole path to be the template; True lets any base path stand in front.
        """
        found = []
        for route in self._by_specificity:
            match = (route.suffix_pattern.search if anywhere else route.pattern.match)(path)
            if match is not None:
                found.append((route, {name: unquote(value) for name, value in match.groupdict().items()}))
        return found

    def match(self, method: str, path: str, *, anywhere: bool = False) -> tuple[Route, dict[str, str]] | None:
        """The most specific route for `method` and `path`, with its path values; None when none fits."""
        method = method.upper()
        return next(((r, v) for r, v in self.candidates(path, anywhere=anywhere) if r.method == method), None)


def _parameters(spec: Spec, path_item: Mapping[str, Any], operation: Mapping[str, Any]) -> dict[str, Mapping[str, Any]]:
    declared = [*path_item.get("parameters", []), *operation.get("parameters", [])]
    return {param["name"]: param for param in (resolve(spec, raw) for raw in declared)}


def build_routes(spec: Spec) -> RouteTable:
    routes = []
    for template, path_item in spec["paths"].items():
        segments = template.strip("/").split("/")
        regex = "/".join(
            f"(?P<{segment[1:-1]}>[^/]+)" if segment.startswith("{") else re.escape(segment) for segment in segments
        )
        specificity = tuple(1 if segment.startswith("{") else 0 for segment in segments)
        for method in HTTP_METHODS:
            operation = path_item.get(method)
            if operation is None:
                continue
            routes.append(
                Route(
                    operation_id=operation["operationId"],
                    method=method.upper(),
                    template=template,
                    pointer=f"/paths/{escape(template)}/{method}",
                    node=operation,
                    parameters=_parameters(spec, path_item, operation),
                    specificity=specificity,
                    pattern=re.compile(f"^/{regex}$"),
                    suffix_pattern=re.compile(f"/{regex}$"),
                )
            )
    return RouteTable(routes)


# Tables built so far, by the identity of the spec dict they came from (the dict is kept, so its id stays its).
_TABLES: dict[int, tuple[Spec, RouteTable]] = {}


def route_table(spec: Spec | None = None) -> RouteTable:
    """The route table of `spec` (default: the repository's), built once per spec object and process.

    Specs are treated as read-only: a table is not rebuilt when a spec dict is changed in place.
    """
    if spec is None:
        spec = load_spec()
    cached = _TABLES.get(id(spec))
    if cached is None or cached[0] is not spec:
        cached = _TABLES[id(spec)] = (spec, build_routes(spec))
    return cached[1]


def operation_ids(spec: Spec | None = None) -> list[str]:
    """Every operation id, sorted."""
    return sorted(route_table(spec))
