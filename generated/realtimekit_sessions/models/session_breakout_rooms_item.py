from __future__ import annotations

from typing import Any, TypeAlias

# A free-form JSON object is kept as the plain dict it was decoded into: the spec names none of its keys, so a
# class could add nothing, and copying thousands of them into one would cost time and memory for nothing.
SessionBreakoutRoomsItem: TypeAlias = dict[str, Any]
