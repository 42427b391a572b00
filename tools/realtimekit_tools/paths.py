"""Where the repository is: the toolkit reads the spec and the recordings from the checkout it belongs to."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

SPEC_RELATIVE = Path("openapi") / "realtimekit-sessions.yaml"


@cache
def repo_root() -> Path:
    """The checkout: $REALTIMEKIT_REPO if set, else the one this file sits in (an editable install, as `make
    setup` makes it), else the current folder or one above it (a plain `pip install '.[dev]'` run from it)."""
    here = Path(__file__).resolve()
    candidates = [Path(os.environ["REALTIMEKIT_REPO"])] if os.environ.get("REALTIMEKIT_REPO") else []
    candidates += [here.parents[2], Path.cwd(), *Path.cwd().parents]
    for candidate in candidates:
        if (candidate / SPEC_RELATIVE).is_file():
            return candidate.resolve()
    raise FileNotFoundError(f"no {SPEC_RELATIVE} found from {here} or {Path.cwd()}; set REALTIMEKIT_REPO")


def spec_path() -> Path:
    return repo_root() / SPEC_RELATIVE


def recordings_dir() -> Path:
    return repo_root() / "tests" / "recordings"
