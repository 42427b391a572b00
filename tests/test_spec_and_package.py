"""Facts about the spec and the generated package that the templates and the README rely on."""

from __future__ import annotations

import inspect
import tomllib
from pathlib import Path

import realtimekit_sessions
import yaml
from realtimekit_sessions import models

ROOT = Path(__file__).resolve().parents[1]
SPEC = yaml.safe_load((ROOT / "openapi/realtimekit-sessions.yaml").read_text())
OPERATIONS = [op for item in SPEC["paths"].values() for key, op in item.items() if key in ("get", "post")]


def _resolve(node: dict) -> dict:
    while "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[-1]
        node = SPEC["components"]["parameters"].get(name) or SPEC["components"]["schemas"][name]
    return node


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
    # webvtt and srt: transcripts.py's SRT and VTT readers; httpcore: _transport's deadline-keeping backend;
    # http_sf and pyrate_limiter: _ratelimit's header parser and budget.
    assert third_party == {
        "httpx", "httpcore", "attrs", "tenacity", "msgspec", "webvtt", "srt", "http_sf", "pyrate_limiter"
    }  # fmt: skip
    assert declared == {
        "httpx", "httpcore", "attrs", "tenacity", "msgspec", "webvtt-py", "srt", "http-sf", "pyrate-limiter"
    }  # fmt: skip


_STDLIB = {
    "__future__", "asyncio", "collections", "concurrent", "contextvars", "csv", "datetime", "email", "http", "inspect", "io",
    "ipaddress", "json", "linecache", "math", "os", "pathlib", "random", "re", "ssl", "threading", "time",
    "typing", "urllib", "uuid",
}  # fmt: skip
