"""Constants and helpers shared by the end-to-end tests."""

from __future__ import annotations

import datetime
from typing import Any

# The ids the spec's examples use; Prism answers every id with the same static example.
ACCOUNT_ID = "023e105f4ecef8ad9ca31a8372d0c353"
APP_ID = "3f9a1c527e444b1da0c26d8e5b7f9a10"
SESSION_ID = "5e3b5a0c-2a8f-4c38-8d0e-3f0d2b9c7a11"
PARTICIPANT_ID = "0c6f4b1e-8d2a-4f7c-b3e9-5a1d7c9e2f40"


def _as_instant(value: Any) -> datetime.datetime | None:
    if not isinstance(value, str) or len(value) < 19 or value[4] != "-" or value[10] != "T":
        return None
    try:
        return datetime.datetime.fromisoformat(value)
    except ValueError:
        return None


def assert_same_json(actual: Any, expected: Any, where: str = "$") -> None:
    """Deep equality of a model's to_dict() and the example, with timestamps compared as instants."""
    expected_instant, actual_instant = _as_instant(expected), _as_instant(actual)
    if expected_instant is not None and actual_instant is not None:
        assert actual_instant == expected_instant, f"{where}: {actual!r} != {expected!r}"
    elif isinstance(expected, dict):
        assert isinstance(actual, dict), f"{where}: expected an object, got {actual!r}"
        assert sorted(actual) == sorted(expected), f"{where}: keys differ"
        for key, value in expected.items():
            assert_same_json(actual[key], value, f"{where}.{key}")
    elif isinstance(expected, list):
        assert isinstance(actual, list) and len(actual) == len(expected), f"{where}: {actual!r} != {expected!r}"
        for index, (actual_item, expected_item) in enumerate(zip(actual, expected)):
            assert_same_json(actual_item, expected_item, f"{where}[{index}]")
    else:
        assert actual == expected, f"{where}: {actual!r} != {expected!r}"
        # bool is an int in Python (True == 1): a boolean must not pass for a number or the other way round.
        assert isinstance(actual, bool) == isinstance(expected, bool), f"{where}: {actual!r} != {expected!r}"
