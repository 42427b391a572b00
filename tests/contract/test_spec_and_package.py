"""Facts about the spec and the generated package that the templates and the README rely on."""

from __future__ import annotations

import inspect
import tomllib

import realtimekit_sessions
from realtimekit_sessions import models
from realtimekit_tools.paths import repo_root
from realtimekit_tools.routes import route_table
from realtimekit_tools.spec import load_spec, resolve

ROOT = repo_root()
SPEC = load_spec()
OPERATIONS = [route.node for route in route_table().values()]


def _resolve(node: dict) -> dict:
    resolved: dict = resolve(SPEC, node)
    return resolved


def test_the_nine_operations_keep_the_sdk_method_names() -> None:
    assert sorted(op["operationId"] for op in OPERATIONS) == sorted(
        [
            "get_sessions",
            "get_session_details",
            "get_session_participants",
            "get_session_participant_details",
            "get_session_chat",
            "get_session_transcripts",
            "get_session_summary",
            "generate_summary_of_transcripts",
            "get_participant_data_from_peer_id",
        ]
    )


def test_every_integer_query_parameter_is_a_counter_from_zero() -> None:
    # client.query_count checks integers against minimum 0 without reading the spec; this keeps that true.
    for op in OPERATIONS:
        for parameter in map(_resolve, op.get("parameters", [])):
            schema = _resolve(parameter["schema"])
            if parameter["in"] == "query" and schema.get("type") == "integer":
                assert schema.get("minimum") == 0, (op["operationId"], parameter["name"])


def test_every_operation_documents_its_errors_and_an_example() -> None:
    for op in OPERATIONS:
        assert {"200", "400", "401", "403", "404", "429", "5XX"} <= set(op["responses"]), op["operationId"]
        media = op["responses"]["200"]["content"]["application/json"]
        assert "example" in media or "examples" in media, op["operationId"]


def test_models_are_about_half_the_official_sdks() -> None:
    classes = [obj for _, obj in inspect.getmembers(models, inspect.isclass)]
    # The official SDK spends 104 model classes on these nine responses.
    assert len(classes) <= 60, len(classes)


def test_package_version_matches_pyproject() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert realtimekit_sessions.__version__ == project["version"]


def test_runtime_dependencies_are_what_the_package_imports() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    declared = {dep.split(">")[0].split("=")[0].split("<")[0].strip() for dep in project["dependencies"]}
    imported = set()
    for path in (ROOT / "generated/realtimekit_sessions").rglob("*.py"):
        for line in path.read_text().splitlines():
            words = line.strip().split()
            if len(words) >= 2 and words[0] in ("import", "from") and not words[1].startswith("."):
                imported.add(words[1].split(".")[0])
    third_party = {name for name in imported if name not in _STDLIB}
    # _aiohttp.py, imported only with async_transport="aiohttp", needs the [aiohttp] extra's packages.
    optional = {"aiohttp", "httpx_aiohttp"}
    extra = {dep.split(">")[0].split("=")[0].split("<")[0].strip() for dep in project["optional-dependencies"]["aiohttp"]}
    assert extra == {"aiohttp", "httpx-aiohttp"}
    # webvtt and srt: transcripts.py's SRT and VTT readers; httpcore: _transport's deadline-keeping backend;
    # http_sf and pyrate_limiter: _ratelimit's header parser and budget.
    assert third_party - optional == {
        "httpx", "httpcore", "attrs", "tenacity", "msgspec", "webvtt", "srt", "http_sf", "pyrate_limiter"
    }  # fmt: skip
    # sniffio is declared, not imported: httpcore's async locks import it (see pyproject.toml).
    assert declared == {
        "httpx", "httpcore", "attrs", "tenacity", "msgspec", "webvtt-py", "srt", "http-sf", "pyrate-limiter",
        "sniffio",
    }  # fmt: skip


_STDLIB = {
    "__future__", "asyncio", "collections", "concurrent", "contextlib", "contextvars", "csv", "datetime", "decimal",
    "email", "functools", "gc", "http", "importlib", "inspect", "io",
    "ipaddress", "json", "linecache", "math", "os", "pathlib", "random", "re", "ssl", "threading", "time",
    "typing", "urllib", "uuid", "weakref",
}  # fmt: skip


def test_every_generated_file_names_its_source_and_the_runtime_is_copied_byte_for_byte() -> None:
    package = ROOT / "generated/realtimekit_sessions"
    for path in sorted(package.rglob("*.py")):
        first = path.read_text().splitlines()[0]
        assert "make generate" in first and ("openapi/" in first), f"{path} does not say where it comes from"
    version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    for source in sorted((ROOT / "openapi/runtime").glob("*.py")):
        copy = (package / source.name).read_text().splitlines()
        original = source.read_text().splitlines()
        assert len(copy) == len(original), f"{source.name}: lines added or lost, so tracebacks would not match"
        differing = [(a, b) for a, b in zip(original, copy, strict=True) if a != b]
        versions = [(line, f'__version__ = "{version}"') for line in original if line.startswith("__version__ =")]
        assert differing in ([], versions), (
            f"{source.name} differs from its copy beyond the version line: {differing[:3]}"
        )
