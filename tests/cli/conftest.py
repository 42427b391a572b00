"""The CLI tests run against the local mock API; the fixture lives in cli_support (importable by the tests)."""

from __future__ import annotations

from cli_support import api

__all__ = ["api"]
