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
        "consumer_id",
        "producer_id",
        "peer_id",
        "mid",
        "ssrc",
        "bytes_received",
        "packets_received",
        "packets_lost",
        "jitter",
        "jitter_buffer_delay",
        "jitter_buffer_emitted_count",
        "mos_quality",
        "frame_width",
        "frame_height",
        "frames_per_second",
        "frames_decoded",
        "frames_dropped",
        "key_frames_decoded",
        "fir_count",
    }
)


@_attrs_define
class VideoConsumerStats:
    """One sample of an incoming video stream.

    Attributes:
        timestamp (datetime.datetime | str | Unset):
        consumer_id (str | Unset):
        producer_id (str | Unset):
        peer_id (str | Unset):
        mid (str | Unset):
        ssrc (float | Unset):
        bytes_received (float | Unset):
        packets_received (float | Unset):
        packets_lost (float | Unset):
        jitter (float | Unset):
        jitter_buffer_delay (float | Unset):
        jitter_buffer_emitted_count (float | Unset):
        mos_quality (float | Unset):
        frame_width (float | Unset):
        frame_height (float | Unset):
        frames_per_second (float | Unset):
        frames_decoded (float | Unset):
        frames_dropped (float | Unset):
        key_frames_decoded (float | Unset):
        fir_count (float | Unset):
    """

    timestamp: datetime.datetime | str | Unset = UNSET
    consumer_id: str | Unset = UNSET
    producer_id: str | Unset = UNSET
    peer_id: str | Unset = UNSET
    mid: str | Unset = UNSET
    ssrc: float | Unset = UNSET
    bytes_received: float | Unset = UNSET
    packets_received: float | Unset = UNSET
    packets_lost: float | Unset = UNSET
    jitter: float | Unset = UNSET
    jitter_buffer_delay: float | Unset = UNSET
    jitter_buffer_emitted_count: float | Unset = UNSET
    mos_quality: float | Unset = UNSET
    frame_width: float | Unset = UNSET
    frame_height: float | Unset = UNSET
    frames_per_second: float | Unset = UNSET
    frames_decoded: float | Unset = UNSET
    frames_dropped: float | Unset = UNSET
    key_frames_decoded: float | Unset = UNSET
    fir_count: float | Unset = UNSET
    # Keys the spec does not know, kept so that to_dict() gives back everything that came in. None until
    # there is one: most objects have none, and an empty dict per object is memory for nothing.
    _extra: dict[str, Any] | None = _attrs_field(init=False, default=None, alias="_extra")

    class _Shape(msgspec.Struct, kw_only=True, gc=False, forbid_unknown_fields=True):
        """The JSON object as msgspec decodes it on the fast path (see _from_shape)."""

        timestamp: Any = UNSET
        consumer_id: Any = UNSET
        producer_id: Any = UNSET
        peer_id: Any = UNSET
        mid: Any = UNSET
        ssrc: Any = UNSET
        bytes_received: Any = UNSET
        packets_received: Any = UNSET
        packets_lost: Any = UNSET
        jitter: Any = UNSET
        jitter_buffer_delay: Any = UNSET
        jitter_buffer_emitted_count: Any = UNSET
        mos_quality: Any = UNSET
        frame_width: Any = UNSET
        frame_height: Any = UNSET
        frames_per_second: Any = UNSET
        frames_decoded: Any = UNSET
        frames_dropped: Any = UNSET
        key_frames_decoded: Any = UNSET
        fir_count: Any = UNSET

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = dict(self._extra) if self._extra else {}
        if not isinstance(self.timestamp, Unset):
            field_dict["timestamp"] = format_datetime(self.timestamp)
        if self.consumer_id is not UNSET:
            field_dict["consumer_id"] = self.consumer_id
        if self.producer_id is not UNSET:
            field_dict["producer_id"] = self.producer_id
        if self.peer_id is not UNSET:
            field_dict["peer_id"] = self.peer_id
        if self.mid is not UNSET:
            field_dict["mid"] = self.mid
        if self.ssrc is not UNSET:
            field_dict["ssrc"] = self.ssrc
        if self.bytes_received is not UNSET:
            field_dict["bytes_received"] = self.bytes_received
        if self.packets_received is not UNSET:
            field_dict["packets_received"] = self.packets_received
        if self.packets_lost is not UNSET:
            field_dict["packets_lost"] = self.packets_lost
        if self.jitter is not UNSET:
            field_dict["jitter"] = self.jitter
        if self.jitter_buffer_delay is not UNSET:
            field_dict["jitter_buffer_delay"] = self.jitter_buffer_delay
        if self.jitter_buffer_emitted_count is not UNSET:
            field_dict["jitter_buffer_emitted_count"] = self.jitter_buffer_emitted_count
        if self.mos_quality is not UNSET:
            field_dict["mos_quality"] = self.mos_quality
        if self.frame_width is not UNSET:
            field_dict["frame_width"] = self.frame_width
        if self.frame_height is not UNSET:
            field_dict["frame_height"] = self.frame_height
        if self.frames_per_second is not UNSET:
            field_dict["frames_per_second"] = self.frames_per_second
        if self.frames_decoded is not UNSET:
            field_dict["frames_decoded"] = self.frames_decoded
        if self.frames_dropped is not UNSET:
            field_dict["frames_dropped"] = self.frames_dropped
        if self.key_frames_decoded is not UNSET:
            field_dict["key_frames_decoded"] = self.key_frames_decoded
        if self.fir_count is not UNSET:
            field_dict["fir_count"] = self.fir_count
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
            _v = d.get("consumer_id", UNSET)
            if _v is UNSET:
                _missing += 1
            self.consumer_id = _v
            _v = d.get("producer_id", UNSET)
            if _v is UNSET:
                _missing += 1
            self.producer_id = _v
            _v = d.get("peer_id", UNSET)
            if _v is UNSET:
                _missing += 1
            self.peer_id = _v
            _v = d.get("mid", UNSET)
            if _v is UNSET:
                _missing += 1
            self.mid = _v
            _v = d.get("ssrc", UNSET)
            if _v is UNSET:
                _missing += 1
            self.ssrc = _v
            _v = d.get("bytes_received", UNSET)
            if _v is UNSET:
                _missing += 1
            self.bytes_received = _v
            _v = d.get("packets_received", UNSET)
            if _v is UNSET:
                _missing += 1
            self.packets_received = _v
            _v = d.get("packets_lost", UNSET)
            if _v is UNSET:
                _missing += 1
            self.packets_lost = _v
            _v = d.get("jitter", UNSET)
            if _v is UNSET:
                _missing += 1
            self.jitter = _v
            _v = d.get("jitter_buffer_delay", UNSET)
            if _v is UNSET:
                _missing += 1
            self.jitter_buffer_delay = _v
            _v = d.get("jitter_buffer_emitted_count", UNSET)
            if _v is UNSET:
                _missing += 1
            self.jitter_buffer_emitted_count = _v
            _v = d.get("mos_quality", UNSET)
            if _v is UNSET:
                _missing += 1
            self.mos_quality = _v
            _v = d.get("frame_width", UNSET)
            if _v is UNSET:
                _missing += 1
            self.frame_width = _v
            _v = d.get("frame_height", UNSET)
            if _v is UNSET:
                _missing += 1
            self.frame_height = _v
            _v = d.get("frames_per_second", UNSET)
            if _v is UNSET:
                _missing += 1
            self.frames_per_second = _v
            _v = d.get("frames_decoded", UNSET)
            if _v is UNSET:
                _missing += 1
            self.frames_decoded = _v
            _v = d.get("frames_dropped", UNSET)
            if _v is UNSET:
                _missing += 1
            self.frames_dropped = _v
            _v = d.get("key_frames_decoded", UNSET)
            if _v is UNSET:
                _missing += 1
            self.key_frames_decoded = _v
            _v = d.get("fir_count", UNSET)
            if _v is UNSET:
                _missing += 1
            self.fir_count = _v
        except Exception as exc:  # noqa: BLE001 - re-raised below as a located ModelParseError
            raise field_error("VideoConsumerStats", _field, d, exc)
        if len(d) + _missing == 20:
            self._extra = None
        else:
            self._extra = {k: v for k, v in d.items() if k not in _KEYS}
        return self

    @classmethod
    def _from_shape(cls, s: VideoConsumerStats._Shape) -> Self:
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
        self.consumer_id = s.consumer_id
        self.producer_id = s.producer_id
        self.peer_id = s.peer_id
        self.mid = s.mid
        self.ssrc = s.ssrc
        self.bytes_received = s.bytes_received
        self.packets_received = s.packets_received
        self.packets_lost = s.packets_lost
        self.jitter = s.jitter
        self.jitter_buffer_delay = s.jitter_buffer_delay
        self.jitter_buffer_emitted_count = s.jitter_buffer_emitted_count
        self.mos_quality = s.mos_quality
        self.frame_width = s.frame_width
        self.frame_height = s.frame_height
        self.frames_per_second = s.frames_per_second
        self.frames_decoded = s.frames_decoded
        self.frames_dropped = s.frames_dropped
        self.key_frames_decoded = s.key_frames_decoded
        self.fir_count = s.fir_count
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
