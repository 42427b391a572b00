"""JSON compared as the API means it: numbers as numbers, timestamps as instants, booleans never as numbers."""

from __future__ import annotations

import datetime
import re
from typing import Any

ISO_TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}:?\d{2})?")


def instant(text: str) -> datetime.datetime | None:
    if not ISO_TIMESTAMP.fullmatch(text):
        return None
    try:
        moment = datetime.datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def differences(expected: Any, actual: Any, path: str = "$") -> list[str]:
    """How `actual` differs from `expected` as JSON: numbers compared as numbers, timestamps as instants."""
    if isinstance(expected, bool) or isinstance(actual, bool):
        same = type(expected) is type(actual) and expected == actual
        return [] if same else [f"{path}: expected {expected!r}, got {actual!r}"]
    if isinstance(expected, int | float) and isinstance(actual, int | float):
        return [] if expected == actual else [f"{path}: expected {expected!r}, got {actual!r}"]
    if isinstance(expected, str) and isinstance(actual, str):
        if expected == actual:
            return []
        expected_instant, actual_instant = instant(expected), instant(actual)
        if expected_instant is not None and actual_instant is not None and expected_instant == actual_instant:
            return []
        return [f"{path}: expected {expected!r}, got {actual!r}"]
    if isinstance(expected, dict) and isinstance(actual, dict):
        found = [f"{path}.{key}: missing" for key in expected if key not in actual]
        found += [f"{path}.{key}: unexpected (value {actual[key]!r})" for key in actual if key not in expected]
        for key in expected.keys() & actual.keys():
            found += differences(expected[key], actual[key], f"{path}.{key}")
        return found
    if isinstance(expected, list) and isinstance(actual, list):
        if len(expected) != len(actual):
            return [f"{path}: expected {len(expected)} items, got {len(actual)}"]
        return [
            diff
            for i, pair in enumerate(zip(expected, actual, strict=True))
            for diff in differences(*pair, f"{path}[{i}]")
        ]
    if expected is None and actual is None:
        return []
    return [f"{path}: expected {expected!r}, got {actual!r}"]
