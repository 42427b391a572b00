"""realtimekit_tools.api_diff: breaking changes in the generated package between two versions of the spec."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from realtimekit_tools import api_diff
from realtimekit_tools.paths import repo_root
from realtimekit_tools.spec import dump_yaml, load_yaml

ROOT = repo_root()
# One worker runs them all (make test's --dist loadgroup), so that each distinct openapi/ tree is generated once
# per run, not once per worker.
pytestmark = pytest.mark.xdist_group("api-diff")
SESSIONS_PATH = "/accounts/{account_id}/realtime/kit/{app_id}/sessions"


def checkout(dest: Path, edit: Callable[[dict[str, Any]], None] | None = None) -> Path:
    """A copy of openapi/ (spec, generator config, templates), the spec edited if asked."""
    shutil.copytree(ROOT / "openapi", dest / "openapi", ignore=shutil.ignore_patterns("__pycache__", ".*_cache"))
    shutil.copyfile(ROOT / "pyproject.toml", dest / "pyproject.toml")
    if edit is not None:
        spec_path = dest / api_diff.SPEC
        spec = load_yaml(spec_path.read_text(encoding="utf-8"))
        edit(spec)
        spec_path.write_text(dump_yaml(spec), encoding="utf-8")
    return dest


def generated_digest() -> str:
    digest = hashlib.sha256()
    for path in sorted((ROOT / "generated").rglob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()


@pytest.fixture(scope="session", autouse=True)
def generation_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """One run generates each distinct openapi/ tree once: the base package and both sides of the command test
    come from the same tree."""
    cache = tmp_path_factory.mktemp("api-diff-cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(api_diff.CACHE_ENV, str(cache))
        yield cache


@pytest.fixture(scope="session")
def base_package(generation_cache: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("api-diff-base")
    (work / "out").mkdir()
    return api_diff.generate(checkout(work / "tree"), work / "out")


def changes(base_package: Path, tmp_path: Path, edit: Callable[[dict[str, Any]], None]) -> list[api_diff.Breaking]:
    (tmp_path / "out").mkdir()
    new_package = api_diff.generate(checkout(tmp_path / "tree", edit), tmp_path / "out")
    return api_diff.breaking_changes(base_package, new_package)


def remove_field(spec: dict[str, Any]) -> None:
    session = spec["components"]["schemas"]["Session"]
    del session["properties"]["meeting_display_name"]
    session["required"].remove("meeting_display_name")


def rename_parameter(spec: dict[str, Any]) -> None:
    for parameter in spec["paths"][SESSIONS_PATH]["get"]["parameters"]:
        if parameter.get("name") == "search":
            parameter["name"] = "query"


def additive(spec: dict[str, Any]) -> None:
    schemas = spec["components"]["schemas"]
    schemas["Session"]["properties"]["recording_url"] = {"type": "string", "format": "uri"}
    schemas["SessionStatus"]["enum"].append("ARCHIVED")
    spec["paths"][SESSIONS_PATH]["get"]["parameters"].append(
        {"name": "region", "in": "query", "schema": {"type": "string"}}
    )


def remove_field_and_rename_parameter(spec: dict[str, Any]) -> None:
    remove_field(spec)
    rename_parameter(spec)


def test_a_removed_field_and_a_renamed_parameter_are_breaking(base_package: Path, tmp_path: Path) -> None:
    # One generation for both edits: each is found, named, and nothing else is.
    before = generated_digest()
    found = changes(base_package, tmp_path, remove_field_and_rename_parameter)
    assert generated_digest() == before
    removed_field = [item for item in found if "models" in item.path]
    assert [(item.kind, item.path) for item in removed_field] == [
        ("Public object was removed", "realtimekit_sessions.models.session.Session.meeting_display_name")
    ]
    removed = {item.path for item in found if item.kind == "Parameter was removed"}
    for function in ("sync", "sync_detailed", "asyncio", "asyncio_detailed"):
        assert f"realtimekit_sessions.api.sessions.get_sessions.{function}(search)" in removed
    assert all("get_sessions" in item.path for item in found if item not in removed_field)
    assert "realtimekit_sessions.api.sessions.get_sessions.sync(search): Parameter was removed" in map(str, found)


def test_additive_changes_are_not_breaking(base_package: Path, tmp_path: Path) -> None:
    assert changes(base_package, tmp_path, additive) == []


def _git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


def test_command_compares_a_revision_with_the_working_tree(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = checkout(tmp_path / "repo")
    _git(repo, "init", "-q")
    _git(repo, "add", "openapi", "pyproject.toml")
    _git(repo, "commit", "-q", "-m", "spec")
    assert api_diff.main(["--repo", str(repo), "--base", "HEAD"]) == 0
    assert "no breaking changes" in capsys.readouterr().out

    spec_path = repo / api_diff.SPEC
    spec = load_yaml(spec_path.read_text(encoding="utf-8"))
    remove_field_and_rename_parameter(spec)  # the edit of the test above: its package is generated once a run
    spec_path.write_text(dump_yaml(spec), encoding="utf-8")
    # With openapi/ changed and no --base, the base is HEAD.
    assert api_diff.main(["--repo", str(repo)]) == 1
    out = capsys.readouterr().out.splitlines()
    functions = ("aiter_all", "asyncio", "asyncio_detailed", "iter_all", "sync", "sync_detailed")
    assert out == [
        *(
            f"realtimekit_sessions.api.sessions.get_sessions.{name}(search): Parameter was removed"
            for name in functions
        ),
        "realtimekit_sessions.models.session.Session.meeting_display_name: Public object was removed",
        "api-diff: 7 breaking changes in realtimekit_sessions's public API from HEAD to the working tree",
    ]

    _git(repo, "commit", "-q", "-am", "drop meeting_display_name")
    # Two revisions; and with a clean tree the default base is the one before the last change to openapi/.
    assert api_diff.main(["--repo", str(repo), "--base", "HEAD~1", "--head", "HEAD"]) == 1
    assert "from HEAD~1 to HEAD" in capsys.readouterr().out
    _git(repo, "commit", "-q", "--allow-empty", "-m", "a change elsewhere")
    last = subprocess.run(["git", "rev-parse", "HEAD~1"], cwd=repo, capture_output=True, text=True, check=True)
    assert api_diff.default_base(repo) == f"{last.stdout.strip()}~1"

    assert api_diff.main(["--repo", str(repo), "--base", "no-such-rev"]) == 2
    assert "cannot read openapi/ at 'no-such-rev'" in capsys.readouterr().err
