from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

import msgspec
from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import field_error
from ..types import UNSET, Unset, as_object

_KEYS: frozenset[str] = frozenset(
    {
        "start_offset",
        "end_offset",
        "total_count",
    }
)


@_attrs_define
class Paging:
    """Where this page sits in the whole list.

    Attributes:
        start_offset (float | Unset): Position of the page's first item in the whole list.
        end_offset (float | Unset): Position of the page's last item in the whole list.
        total_count (float | Unset): Number of items in the whole list.
    """

    start_offset: float | Unset = UNSET
    end_offset: float | Unset = UNSET
    total_count: float | Unset = UNSET
    # Keys the spec does not know, kept so that to_dict() gives back everything that came in. None until
    # there is one: most objects have none, and an empty dict per object is memory for nothing.
    _extra: dict[str, Any] | None = _attrs_field(init=False, default=None, alias="_extra")

    class _Shape(msgspec.Struct, kw_only=True, gc=False, forbid_unknown_fields=True):
        """The JSON object as msgspec decodes it on the fast path (see _from_shape)."""

        start_offset: Any = UNSET
        end_offset: Any = UNSET
        total_count: Any = UNSET

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = dict(self._extra) if self._extra else {}
        if self.start_offset is not UNSET:
            field_dict["start_offset"] = self.start_offset
        if self.end_offset is not UNSET:
            field_dict["end_offset"] = self.end_offset
        if self.total_count is not UNSET:
            field_dict["total_count"] = self.total_count
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = src_dict if type(src_dict) is dict else as_object(src_dict)
        self = cls.__new__(cls)
        _field: str | None = None
        _missing = 0  # optional fields absent: with len(d), tells whether d holds keys the spec does not know
        try:
            _v = d.get("start_offset", UNSET)
            if _v is UNSET:
                _missing += 1
            self.start_offset = _v
            _v = d.get("end_offset", UNSET)
            if _v is UNSET:
                _missing += 1
            self.end_offset = _v
            _v = d.get("total_count", UNSET)
            if _v is UNSET:
                _missing += 1
            self.total_count = _v
        except Exception as exc:  # noqa: BLE001 - re-raised below as a located ModelParseError
            raise field_error("Paging", _field, d, exc)
        if len(d) + _missing == 3:
            self._extra = None
        else:
            self._extra = {k: v for k, v in d.items() if k not in _KEYS}
        return self

    @classmethod
    def _from_shape(cls, s: Paging._Shape) -> Self:
        """The model from its decoded shape: from_dict's work without the lookups, the located errors or the
        unknown keys (a shape has none: msgspec refused it). Used by client.load_json, which falls back to
        from_dict whenever msgspec or this method refuses a body."""
        self = cls.__new__(cls)
        self.start_offset = s.start_offset
        self.end_offset = s.end_offset
        self.total_count = s.total_count
        self._extra = None
        return self

    @property
    def additional_properties(self) -> dict[str, Any]:
        """Fields the spec does not describe, as they came (new API fields land here)."""
        if self._extra is None:
            self._extra = {}
        return self._extra

    @additional_properties.setter
    def additional_properties(self, value: dict[str, Any]) -> None:
        self._extra = value

    @property
    def additional_keys(self) -> list[str]:
        return list(self._extra) if self._extra else []

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return self._extra is not None and key in self._extra
