from __future__ import annotations

from typing import TypeAlias

# A free-form JSON object is kept as the plain dict it was decoded into: the spec names none of its keys, so a
# class could add nothing, and copying thousands of them into one would cost time and memory for nothing.
ClientEventMetadata: TypeAlias = dict[str, bool | float | None | str]
"""Event-specific metadata. Keys vary per event; values are primitive scalars (string, number, boolean, or null)."""
