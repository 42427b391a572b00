"""make upstream-diff (openapi/upstream/upstream_diff.py): compared against folders made here, and offline."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "openapi" / "upstream" / "upstream_diff.py"


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("upstream_diff", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


upstream_diff = _load()


@pytest.fixture
def pristine() -> Path:
    """The one pristine copy the repository keeps."""
    return upstream_diff.baseline_dir(None)


def test_the_pristine_copy_compared_with_itself_is_identical(
    pristine: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert upstream_diff.main([pristine.name, "--from-dir", str(pristine)]) == 0
    out = capsys.readouterr().out
    # Every template openapi/templates/ overrides is an upstream template, listed in part 1.
    for ours in sorted((ROOT / "openapi" / "templates").glob("*.jinja")):
        assert f"   {ours.name}: unchanged" in out
    assert "The templates are identical." in out


def test_changes_renames_and_new_names_are_reported(
    pristine: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    newer = tmp_path / "templates"
    shutil.copytree(pristine, newer)
    model = newer / "model.py.jinja"
    model.write_text(model.read_text(encoding="utf-8") + "{# upstream's new line #}\n", encoding="utf-8")
    (newer / "property_templates" / "datetime_property.py.jinja").unlink()
    (newer / "setup.py.jinja").write_text("changed\n", encoding="utf-8")
    (newer / "brand_new.py.jinja").write_text("new\n", encoding="utf-8")

    assert upstream_diff.main(["9.9.9", "--from-dir", str(newer)]) == 1
    out = capsys.readouterr().out
    assert "   model.py.jinja: changed upstream (+1 -0)" in out
    assert "+{# upstream's new line #}" in out  # the overridden template's diff is printed
    assert "   client.py.jinja: unchanged" in out
    # Our templates branch on the datetime property's name: a removal there is named with where.
    removed = next(line for line in out.splitlines() if "datetime_property.py.jinja: REMOVED upstream in 9.9.9" in line)
    assert "but named in" in removed and "model.py.jinja:" in removed and "endpoint_module.py.jinja:" in removed
    assert "   setup.py.jinja: changed upstream" in out
    assert "New upstream templates: brand_new.py.jinja" in out
    assert "Removed upstream templates: property_templates/datetime_property.py.jinja" in out


def test_no_package_index_is_a_clear_message_and_status_2() -> None:
    env = {key: value for key, value in os.environ.items() if not key.startswith("PIP_")}
    env.update(PIP_CONFIG_FILE=os.devnull, PIP_INDEX_URL="http://127.0.0.1:9/simple", PIP_RETRIES="0")
    env.update(PIP_TIMEOUT="2", PIP_DISABLE_PIP_VERSION_CHECK="1")
    run = subprocess.run(
        [sys.executable, str(SCRIPT), "0.0.1"], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert run.returncode == 2
    assert run.stdout == ""
    assert run.stderr.startswith("upstream-diff: could not download openapi-python-client 0.0.1: ")
    assert "pip index versions openapi-python-client" in run.stderr
    assert "Traceback" not in run.stderr
