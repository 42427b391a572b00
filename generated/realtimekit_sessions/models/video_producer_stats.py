from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self

import msgspec
from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import field_error
from ..models.quality_limitation_durations import QualityLimitationDurations
from ..models.quality_limitation_reason import QualityLimitationReason, check_quality_limitation_reason
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
        "frame_width",
        "frame_height",
        "frames_per_second",
        "frames_encoded",
        "key_frames_encoded",
        "fir_count",
        "pli_count",
        "quality_limitation_reason",
        "quality_limitation_resolution_changes",
        "quality_limitation_durations",
    }
)


@_attrs_define
class VideoProducerStats:
    """One sample of an outgoing video stream.

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
        frame_width (float | Unset):
        frame_height (float | Unset):
        frames_per_second (float | Unset):
        frames_encoded (float | Unset):
        key_frames_encoded (float | Unset):
        fir_count (float | Unset):
        pli_count (float | Unset):
        quality_limitation_reason (QualityLimitationReason | Unset): What limited the outgoing video's quality.
        quality_limitation_resolution_changes (float | Unset):
        quality_limitation_durations (QualityLimitationDurations | Unset): Seconds the outgoing video spent limited by
            each reason.
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
    frame_width: float | Unset = UNSET
    frame_height: float | Unset = UNSET
    frames_per_second: float | Unset = UNSET
    frames_encoded: float | Unset = UNSET
    key_frames_encoded: float | Unset = UNSET
    fir_count: float | Unset = UNSET
    pli_count: float | Unset = UNSET
    quality_limitation_reason: QualityLimitationReason | Unset = UNSET
    quality_limitation_resolution_changes: float | Unset = UNSET
    quality_limitation_durations: QualityLimitationDurations | Unset = UNSET
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
        frame_width: Any = UNSET
        frame_height: Any = UNSET
        frames_per_second: Any = UNSET
        frames_encoded: Any = UNSET
        key_frames_encoded: Any = UNSET
        fir_count: Any = UNSET
        pli_count: Any = UNSET
        quality_limitation_reason: Any = UNSET
        quality_limitation_resolution_changes: Any = UNSET
        quality_limitation_durations: QualityLimitationDurations._Shape | msgspec.UnsetType = msgspec.UNSET

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
        if self.frame_width is not UNSET:
            field_dict["frame_width"] = self.frame_width
        if self.frame_height is not UNSET:
            field_dict["frame_height"] = self.frame_height
        if self.frames_per_second is not UNSET:
            field_dict["frames_per_second"] = self.frames_per_second
        if self.frames_encoded is not UNSET:
            field_dict["frames_encoded"] = self.frames_encoded
        if self.key_frames_encoded is not UNSET:
            field_dict["key_frames_encoded"] = self.key_frames_encoded
        if self.fir_count is not UNSET:
            field_dict["fir_count"] = self.fir_count
        if self.pli_count is not UNSET:
            field_dict["pli_count"] = self.pli_count
        if not isinstance(self.quality_limitation_reason, Unset):
            field_dict["quality_limitation_reason"] = self.quality_limitation_reason
        if self.quality_limitation_resolution_changes is not UNSET:
            field_dict["quality_limitation_resolution_changes"] = self.quality_limitation_resolution_changes
        if not isinstance(self.quality_limitation_durations, Unset):
            field_dict["quality_limitation_durations"] = self.quality_limitation_durations.to_dict()
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
            _v = d.get("frames_encoded", UNSET)
            if _v is UNSET:
                _missing += 1
            self.frames_encoded = _v
            _v = d.get("key_frames_encoded", UNSET)
            if _v is UNSET:
                _missing += 1
            self.key_frames_encoded = _v
            _v = d.get("fir_count", UNSET)
            if _v is UNSET:
                _missing += 1
            self.fir_count = _v
            _v = d.get("pli_count", UNSET)
            if _v is UNSET:
                _missing += 1
            self.pli_count = _v
            _v = d.get("quality_limitation_reason", UNSET)
            if _v is UNSET:
                _missing += 1
            elif type(_v) is not str:
                _field = "quality_limitation_reason"
                _v = check_quality_limitation_reason(_v)
            self.quality_limitation_reason = _v
            _v = d.get("quality_limitation_resolution_changes", UNSET)
            if _v is UNSET:
                _missing += 1
            self.quality_limitation_resolution_changes = _v
            _v = d.get("quality_limitation_durations", UNSET)
            if _v is not UNSET:
                _field = "quality_limitation_durations"
                _v = QualityLimitationDurations.from_dict(_v)
            else:
                _missing += 1
            self.quality_limitation_durations = _v
        except Exception as exc:  # noqa: BLE001 - re-raised below as a located ModelParseError
            raise field_error("VideoProducerStats", _field, d, exc)
        if len(d) + _missing == 20:
            self._extra = None
        else:
            self._extra = {k: v for k, v in d.items() if k not in _KEYS}
        return self

    @classmethod
    def _from_shape(cls, s: VideoProducerStats._Shape) -> Self:
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
        self.frame_width = s.frame_width
        self.frame_height = s.frame_height
        self.frames_per_second = s.frames_per_second
        self.frames_encoded = s.frames_encoded
        self.key_frames_encoded = s.key_frames_encoded
        self.fir_count = s.fir_count
        self.pli_count = s.pli_count
        _v = s.quality_limitation_reason
        if _v is not UNSET and type(_v) is not str:
            _v = check_quality_limitation_reason(_v)
        self.quality_limitation_reason = _v
        self.quality_limitation_resolution_changes = s.quality_limitation_resolution_changes
        _quality_limitation_durations = s.quality_limitation_durations
        self.quality_limitation_durations = (
            UNSET
            if _quality_limitation_durations is msgspec.UNSET
            else QualityLimitationDurations._from_shape(_quality_limitation_durations)
        )
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
