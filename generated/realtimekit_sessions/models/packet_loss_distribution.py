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
        "5_or_greater_event_fraction",
        "10_or_greater_event_fraction",
        "25_or_greater_event_fraction",
        "50_or_greater_event_fraction",
    }
)


@_attrs_define
class PacketLossDistribution:
    """Cumulative packet loss distribution (percent thresholds).

    Attributes:
        avg (float | Unset): Average packet loss in percent.
        field_5_or_greater_event_fraction (float | Unset):
        field_10_or_greater_event_fraction (float | Unset):
        field_25_or_greater_event_fraction (float | Unset):
        field_50_or_greater_event_fraction (float | Unset):
    """

    avg: float | Unset = UNSET
    field_5_or_greater_event_fraction: float | Unset = UNSET
    field_10_or_greater_event_fraction: float | Unset = UNSET
    field_25_or_greater_event_fraction: float | Unset = UNSET
    field_50_or_greater_event_fraction: float | Unset = UNSET
    # Keys the spec does not know, kept so that to_dict() gives back everything that came in. None until
    # there is one: most objects have none, and an empty dict per object is memory for nothing.
    _extra: dict[str, Any] | None = _attrs_field(init=False, default=None, alias="_extra")

    class _Shape(msgspec.Struct, kw_only=True, gc=False, forbid_unknown_fields=True):
        """The JSON object as msgspec decodes it on the fast path (see _from_shape)."""

        avg: Any = UNSET
        field_5_or_greater_event_fraction: Any = msgspec.field(default=UNSET, name="5_or_greater_event_fraction")
        field_10_or_greater_event_fraction: Any = msgspec.field(default=UNSET, name="10_or_greater_event_fraction")
        field_25_or_greater_event_fraction: Any = msgspec.field(default=UNSET, name="25_or_greater_event_fraction")
        field_50_or_greater_event_fraction: Any = msgspec.field(default=UNSET, name="50_or_greater_event_fraction")

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = dict(self._extra) if self._extra else {}
        if self.avg is not UNSET:
            field_dict["avg"] = self.avg
        if self.field_5_or_greater_event_fraction is not UNSET:
            field_dict["5_or_greater_event_fraction"] = self.field_5_or_greater_event_fraction
        if self.field_10_or_greater_event_fraction is not UNSET:
            field_dict["10_or_greater_event_fraction"] = self.field_10_or_greater_event_fraction
        if self.field_25_or_greater_event_fraction is not UNSET:
            field_dict["25_or_greater_event_fraction"] = self.field_25_or_greater_event_fraction
        if self.field_50_or_greater_event_fraction is not UNSET:
            field_dict["50_or_greater_event_fraction"] = self.field_50_or_greater_event_fraction
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
            _v = d.get("5_or_greater_event_fraction", UNSET)
            if _v is UNSET:
                _missing += 1
            self.field_5_or_greater_event_fraction = _v
            _v = d.get("10_or_greater_event_fraction", UNSET)
            if _v is UNSET:
                _missing += 1
            self.field_10_or_greater_event_fraction = _v
            _v = d.get("25_or_greater_event_fraction", UNSET)
            if _v is UNSET:
                _missing += 1
            self.field_25_or_greater_event_fraction = _v
            _v = d.get("50_or_greater_event_fraction", UNSET)
            if _v is UNSET:
                _missing += 1
            self.field_50_or_greater_event_fraction = _v
        except Exception as exc:  # noqa: BLE001 - re-raised below as a located ModelParseError
            raise field_error("PacketLossDistribution", _field, d, exc)
        if len(d) + _missing == 5:
            self._extra = None
        else:
            self._extra = {k: v for k, v in d.items() if k not in _KEYS}
        return self

    @classmethod
    def _from_shape(cls, s: PacketLossDistribution._Shape) -> Self:
        """The model from its decoded shape: from_dict's work without the lookups, the located errors or the
        unknown keys (a shape has none: msgspec refused it). Used by client.load_json, which falls back to
        from_dict whenever msgspec or this method refuses a body."""
        self = cls.__new__(cls)
        self.avg = s.avg
        self.field_5_or_greater_event_fraction = s.field_5_or_greater_event_fraction
        self.field_10_or_greater_event_fraction = s.field_10_or_greater_event_fraction
        self.field_25_or_greater_event_fraction = s.field_25_or_greater_event_fraction
        self.field_50_or_greater_event_fraction = s.field_50_or_greater_event_fraction
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
