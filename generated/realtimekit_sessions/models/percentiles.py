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
        "avg",
        "p50",
        "p75",
        "p90",
    }
)


@_attrs_define
class Percentiles:
    """Distribution summary with average and percentiles.

    Attributes:
        avg (float | Unset):
        p50 (float | Unset):
        p75 (float | Unset):
        p90 (float | Unset):
    """

    avg: float | Unset = UNSET
    p50: float | Unset = UNSET
    p75: float | Unset = UNSET
    p90: float | Unset = UNSET
    # Keys the spec does not know, kept so that to_dict() gives back everything that came in. None until
    # there is one: most objects have none, and an empty dict per object is memory for nothing.
    _extra: dict[str, Any] | None = _attrs_field(init=False, default=None, alias="_extra")

    class _Shape(msgspec.Struct, kw_only=True, gc=False, forbid_unknown_fields=True):
        """The JSON object as msgspec decodes it on the fast path (see _from_shape)."""

        avg: Any = UNSET
        p50: Any = UNSET
        p75: Any = UNSET
        p90: Any = UNSET

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = dict(self._extra) if self._extra else {}
        if self.avg is not UNSET:
            field_dict["avg"] = self.avg
        if self.p50 is not UNSET:
            field_dict["p50"] = self.p50
        if self.p75 is not UNSET:
            field_dict["p75"] = self.p75
        if self.p90 is not UNSET:
            field_dict["p90"] = self.p90
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = src_dict if type(src_dict) is dict else as_object(src_dict)
        self = cls.__new__(cls)
        _field: str | None = None
        _missing = 0  # optional fields absent: with len(d), tells whether d holds keys the spec does not know
        try:
            _v = d.get("avg", UNSET)
            if _v is UNSET:
                _missing += 1
            self.avg = _v
            _v = d.get("p50", UNSET)
            if _v is UNSET:
                _missing += 1
            self.p50 = _v
            _v = d.get("p75", UNSET)
            if _v is UNSET:
                _missing += 1
            self.p75 = _v
            _v = d.get("p90", UNSET)
            if _v is UNSET:
                _missing += 1
            self.p90 = _v
        except Exception as exc:  # noqa: BLE001 - re-raised below as a located ModelParseError
            raise field_error("Percentiles", _field, d, exc)
        if len(d) + _missing == 4:
            self._extra = None
        else:
            self._extra = {k: v for k, v in d.items() if k not in _KEYS}
        return self

    @classmethod
    def _from_shape(cls, s: Percentiles._Shape) -> Self:
        """The model from its decoded shape: from_dict's work without the lookups, the located errors or the
        unknown keys (a shape has none: msgspec refused it). Used by client.load_json, which falls back to
        from_dict whenever msgspec or this method refuses a body."""
        self = cls.__new__(cls)
        self.avg = s.avg
        self.p50 = s.p50
        self.p75 = s.p75
        self.p90 = s.p90
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
