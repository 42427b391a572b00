from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self

import msgspec
from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import field_error
from ..models.client_event_metadata import ClientEventMetadata
from ..types import UNSET, UTC, Unset, as_dict, as_object, format_datetime, fromisoformat, parse_datetime

_KEYS: frozenset[str] = frozenset(
    {
        "name",
        "timestamp",
        "metadata",
    }
)


@_attrs_define
class ClientEvent:
    """
    Attributes:
        name (str | Unset): Name of the event.
        timestamp (datetime.datetime | str | Unset): Timestamp when the event occurred.
        metadata (ClientEventMetadata | Unset): Event-specific metadata. Keys vary per event; values are primitive
            scalars (string, number, boolean, or null).
    """

    name: str | Unset = UNSET
    timestamp: datetime.datetime | str | Unset = UNSET
    metadata: ClientEventMetadata | Unset = UNSET
    # Keys the spec does not know, kept so that to_dict() gives back everything that came in. None until
    # there is one: most objects have none, and an empty dict per object is memory for nothing.
    _extra: dict[str, Any] | None = _attrs_field(init=False, default=None, alias="_extra")

    class _Shape(msgspec.Struct, kw_only=True, gc=False, forbid_unknown_fields=True):
        """The JSON object as msgspec decodes it on the fast path (see _from_shape)."""

        name: Any = UNSET
        timestamp: Any = UNSET
        metadata: dict[str, Any] | msgspec.UnsetType = msgspec.UNSET

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = dict(self._extra) if self._extra else {}
        if self.name is not UNSET:
            field_dict["name"] = self.name
        if not isinstance(self.timestamp, Unset):
            field_dict["timestamp"] = format_datetime(self.timestamp)
        if not isinstance(self.metadata, Unset):
            field_dict["metadata"] = dict(self.metadata)
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = src_dict if type(src_dict) is dict else as_object(src_dict)
        self = cls.__new__(cls)
        _field: str | None = None
        _missing = 0  # optional fields absent: with len(d), tells whether d holds keys the spec does not know
        try:
            _v = d.get("name", UNSET)
            if _v is UNSET:
                _missing += 1
            self.name = _v
            _v = d.get("timestamp", UNSET)
            if _v is not UNSET:
                _field = "timestamp"
                try:
                    _v = fromisoformat(_v)
                except (TypeError, ValueError):
                    _v = parse_datetime(_v)
                else:
                    if _v.tzinfo is None:
                        _v = _v.replace(tzinfo=UTC)
            else:
                _missing += 1
            self.timestamp = _v
            _v = d.get("metadata", UNSET)
            if _v is not UNSET:
                _field = "metadata"
                _v = as_dict(_v)
            else:
                _missing += 1
            self.metadata = _v
        except Exception as exc:  # noqa: BLE001 - re-raised below as a located ModelParseError
            raise field_error("ClientEvent", _field, d, exc)
        if len(d) + _missing == 3:
            self._extra = None
        else:
            self._extra = {k: v for k, v in d.items() if k not in _KEYS}
        return self

    @classmethod
    def _from_shape(cls, s: ClientEvent._Shape) -> Self:
        """The model from its decoded shape: from_dict's work without the lookups, the located errors or the
        unknown keys (a shape has none: msgspec refused it). Used by client.load_json, which falls back to
        from_dict whenever msgspec or this method refuses a body."""
        self = cls.__new__(cls)
        self.name = s.name
        _v = s.timestamp
        if _v is not UNSET:
            try:
                _v = fromisoformat(_v)
            except (TypeError, ValueError):
                _v = parse_datetime(_v)
            else:
                if _v.tzinfo is None:
                    _v = _v.replace(tzinfo=UTC)
        self.timestamp = _v
        _metadata = s.metadata
        self.metadata = UNSET if _metadata is msgspec.UNSET else _metadata
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
