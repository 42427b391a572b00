"""Command-line tool over the realtimekit_sessions client: `realtimekit-sessions --help`.

The tool needs the `[cli]` extra (typer, rich, matplotlib). `main` is the console script: without the
extra it prints one line saying what to install and exits with status 2, instead of a traceback.
"""

from __future__ import annotations

import sys

# What `pip install 'realtimekit-sessions[cli]'` adds; a missing one of these means the extra is missing.
EXTRA_MODULES = frozenset({"typer", "rich", "click", "matplotlib"})
INSTALL_HINT = "pip install 'realtimekit-sessions[cli]'"


def main() -> None:
    try:
        from .app import main as run
    except ModuleNotFoundError as error:
        if (error.name or "").partition(".")[0] not in EXTRA_MODULES:
            raise
        print(
            f"realtimekit-sessions: the command needs the [cli] extra ({error.name} is missing): {INSTALL_HINT}",
            file=sys.stderr,
        )
        raise SystemExit(2) from None
    run()
