from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self

import msgspec
from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import field_error
from ..types import UNSET, UTC, Unset, as_object, format_datetime, fromisoformat, parse_datetime

_KEYS: frozenset[str] = frozenset(
    {
        "timestamp",
        "producer_id",
        "mid",
        "ssrc",
        "bytes_sent",
        "packets_sent",
        "packets_lost",
        "jitter",
        "rtt",
        "mos_quality",
    }
)


@_attrs_define
class AudioProducerStats:
    """One sample of an outgoing audio stream.

    Attributes:
        timestamp (datetime.datetime | str | Unset):
        producer_id (str | Unset):
        mid (str | Unset):
        ssrc (float | Unset):
        bytes_sent (float | Unset):
        packets_sent (float | Unset):
        packets_lost (float | Unset):
        jitter (float | Unset):
        rtt (float | Unset):
        mos_quality (float | Unset):
    """

    timestamp: datetime.datetime | str | Unset = UNSET
    producer_id: str | Unset = UNSET
    mid: str | Unset = UNSET
    ssrc: float | Unset = UNSET
    bytes_sent: float | Unset = UNSET
    packets_sent: float | Unset = UNSET
    packets_lost: float | Unset = UNSET
    jitter: float | Unset = UNSET
    rtt: float | Unset = UNSET
    mos_quality: float | Unset = UNSET
    # Keys the spec does not know, kept so that to_dict() gives back everything that came in. None until
    # there is one: most objects have none, and an empty dict per object is memory for nothing.
    _extra: dict[str, Any] | None = _attrs_field(init=False, default=None, alias="_extra")

    class _Shape(msgspec.Struct, kw_only=True, gc=False, forbid_unknown_fields=True):
        """The JSON object as msgspec decodes it on the fast path (see _from_shape)."""

        timestamp: Any = UNSET
        producer_id: Any = UNSET
        mid: Any = UNSET
        ssrc: Any = UNSET
        bytes_sent: Any = UNSET
        packets_sent: Any = UNSET
        packets_lost: Any = UNSET
        jitter: Any = UNSET
        rtt: Any = UNSET
        mos_quality: Any = UNSET

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = dict(self._extra) if self._extra else {}
        if not isinstance(self.timestamp, Unset):
            field_dict["timestamp"] = format_datetime(self.timestamp)
        if self.producer_id is not UNSET:
            field_dict["producer_id"] = self.producer_id
        if self.mid is not UNSET:
            field_dict["mid"] = self.mid
        if self.ssrc is not UNSET:
            field_dict["ssrc"] = self.ssrc
        if self.bytes_sent is not UNSET:
            field_dict["bytes_sent"] = self.bytes_sent
        if self.packets_sent is not UNSET:
            field_dict["packets_sent"] = self.packets_sent
        if self.packets_lost is not UNSET:
            field_dict["packets_lost"] = self.packets_lost
        if self.jitter is not UNSET:
            field_dict["jitter"] = self.jitter
        if self.rtt is not UNSET:
            field_dict["rtt"] = self.rtt
        if self.mos_quality is not UNSET:
            field_dict["mos_quality"] = self.mos_quality
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = src_dict if type(src_dict) is dict else as_object(src_dict)
        self = cls.__new__(cls)
        _field: str | None = None
        _missing = 0  # optional fields absent: with len(d), tells whether d holds keys the spec does not know
        try:
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
            _v = d.get("producer_id", UNSET)
            if _v is UNSET:
                _missing += 1
            self.producer_id = _v
            _v = d.get("mid", UNSET)
            if _v is UNSET:
                _missing += 1
            self.mid = _v
            _v = d.get("ssrc", UNSET)
            if _v is UNSET:
                _missing += 1
            self.ssrc = _v
            _v = d.get("bytes_sent", UNSET)
            if _v is UNSET:
                _missing += 1
            self.bytes_sent = _v
            _v = d.get("packets_sent", UNSET)
            if _v is UNSET:
                _missing += 1
            self.packets_sent = _v
            _v = d.get("packets_lost", UNSET)
            if _v is UNSET:
                _missing += 1
            self.packets_lost = _v
            _v = d.get("jitter", UNSET)
            if _v is UNSET:
                _missing += 1
            self.jitter = _v
            _v = d.get("rtt", UNSET)
            if _v is UNSET:
                _missing += 1
            self.rtt = _v
            _v = d.get("mos_quality", UNSET)
            if _v is UNSET:
                _missing += 1
            self.mos_quality = _v
        except Exception as exc:  # noqa: BLE001 - re-raised below as a located ModelParseError
            raise field_error("AudioProducerStats", _field, d, exc)
        if len(d) + _missing == 10:
            self._extra = None
        else:
            self._extra = {k: v for k, v in d.items() if k not in _KEYS}
        return self

    @classmethod
    def _from_shape(cls, s: AudioProducerStats._Shape) -> Self:
        """The model from its decoded shape: from_dict's work without the lookups, the located errors or the
        unknown keys (a shape has none: msgspec refused it). Used by client.load_json, which falls back to
        from_dict whenever msgspec or this method refuses a body."""
        self = cls.__new__(cls)
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
        self.producer_id = s.producer_id
        self.mid = s.mid
        self.ssrc = s.ssrc
        self.bytes_sent = s.bytes_sent
        self.packets_sent = s.packets_sent
        self.packets_lost = s.packets_lost
        self.jitter = s.jitter
        self.rtt = s.rtt
        self.mos_quality = s.mos_quality
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
