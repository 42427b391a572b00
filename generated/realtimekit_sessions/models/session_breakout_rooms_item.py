from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from ..types import as_object


class SessionBreakoutRoomsItem(dict[str, Any]):
    # A free-form JSON object is a dict: nothing to describe, everything kept as it came, read like any dict.
    # from_dict/to_dict/additional_properties make it usable wherever a model is.
    __slots__ = ()

    def to_dict(self) -> dict[str, Any]:
        return dict(self)

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        return cls(src_dict if type(src_dict) is dict else as_object(src_dict))

    @property
    def additional_properties(self) -> dict[str, Any]:
        return self

    @property
    def additional_keys(self) -> list[str]:
        return list(self)
