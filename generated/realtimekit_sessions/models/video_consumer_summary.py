from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

import msgspec
from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import field_error
from ..models.latency_distribution import LatencyDistribution
from ..models.packet_loss_distribution import PacketLossDistribution
from ..models.percentiles import Percentiles
from ..models.video_consumer_issues import VideoConsumerIssues
from ..types import UNSET, Unset, as_object

_KEYS: frozenset[str] = frozenset(
    {
        "quality_mos",
        "frame_per_second",
        "frame_width",
        "key_frames_decoded_fraction",
        "packet_loss",
        "jitter_buffer_delay",
        "issues",
    }
)


@_attrs_define
class VideoConsumerSummary:
    """Aggregated inbound (consumer) video statistics for the session.

    Attributes:
        quality_mos (Percentiles | Unset): Distribution summary with average and percentiles.
        frame_per_second (Percentiles | Unset): Distribution summary with average and percentiles.
        frame_width (Percentiles | Unset): Distribution summary with average and percentiles.
        key_frames_decoded_fraction (float | Unset):
        packet_loss (PacketLossDistribution | Unset): Cumulative packet loss distribution (percent thresholds).
        jitter_buffer_delay (LatencyDistribution | Unset): Cumulative latency distribution (milliseconds-based
            thresholds).
        issues (VideoConsumerIssues | Unset): Fractions of the call the incoming video was degraded, by symptom.
    """

    quality_mos: Percentiles | Unset = UNSET
    frame_per_second: Percentiles | Unset = UNSET
    frame_width: Percentiles | Unset = UNSET
    key_frames_decoded_fraction: float | Unset = UNSET
    packet_loss: PacketLossDistribution | Unset = UNSET
    jitter_buffer_delay: LatencyDistribution | Unset = UNSET
    issues: VideoConsumerIssues | Unset = UNSET
    # Keys the spec does not know, kept so that to_dict() gives back everything that came in. None until
    # there is one: most objects have none, and an empty dict per object is memory for nothing.
    _extra: dict[str, Any] | None = _attrs_field(init=False, default=None, alias="_extra")

    class _Shape(msgspec.Struct, kw_only=True, gc=False, forbid_unknown_fields=True):
        """The JSON object as msgspec decodes it on the fast path (see _from_shape)."""

        quality_mos: Percentiles._Shape | msgspec.UnsetType = msgspec.UNSET
        frame_per_second: Percentiles._Shape | msgspec.UnsetType = msgspec.UNSET
        frame_width: Percentiles._Shape | msgspec.UnsetType = msgspec.UNSET
        key_frames_decoded_fraction: Any = UNSET
        packet_loss: PacketLossDistribution._Shape | msgspec.UnsetType = msgspec.UNSET
        jitter_buffer_delay: LatencyDistribution._Shape | msgspec.UnsetType = msgspec.UNSET
        issues: VideoConsumerIssues._Shape | msgspec.UnsetType = msgspec.UNSET

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = dict(self._extra) if self._extra else {}
        if not isinstance(self.quality_mos, Unset):
            field_dict["quality_mos"] = self.quality_mos.to_dict()
        if not isinstance(self.frame_per_second, Unset):
            field_dict["frame_per_second"] = self.frame_per_second.to_dict()
        if not isinstance(self.frame_width, Unset):
            field_dict["frame_width"] = self.frame_width.to_dict()
        if self.key_frames_decoded_fraction is not UNSET:
            field_dict["key_frames_decoded_fraction"] = self.key_frames_decoded_fraction
        if not isinstance(self.packet_loss, Unset):
            field_dict["packet_loss"] = self.packet_loss.to_dict()
        if not isinstance(self.jitter_buffer_delay, Unset):
            field_dict["jitter_buffer_delay"] = self.jitter_buffer_delay.to_dict()
        if not isinstance(self.issues, Unset):
            field_dict["issues"] = self.issues.to_dict()
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = src_dict if type(src_dict) is dict else as_object(src_dict)
        self = cls.__new__(cls)
        _field: str | None = None
        _missing = 0  # optional fields absent: with len(d), tells whether d holds keys the spec does not know
        try:
            _v = d.get("quality_mos", UNSET)
            if _v is not UNSET:
                _field = "quality_mos"
                _v = Percentiles.from_dict(_v)
            else:
                _missing += 1
            self.quality_mos = _v
            _v = d.get("frame_per_second", UNSET)
            if _v is not UNSET:
                _field = "frame_per_second"
                _v = Percentiles.from_dict(_v)
            else:
                _missing += 1
            self.frame_per_second = _v
            _v = d.get("frame_width", UNSET)
            if _v is not UNSET:
                _field = "frame_width"
                _v = Percentiles.from_dict(_v)
            else:
                _missing += 1
            self.frame_width = _v
            _v = d.get("key_frames_decoded_fraction", UNSET)
            if _v is UNSET:
                _missing += 1
            self.key_frames_decoded_fraction = _v
            _v = d.get("packet_loss", UNSET)
            if _v is not UNSET:
                _field = "packet_loss"
                _v = PacketLossDistribution.from_dict(_v)
            else:
                _missing += 1
            self.packet_loss = _v
            _v = d.get("jitter_buffer_delay", UNSET)
            if _v is not UNSET:
                _field = "jitter_buffer_delay"
                _v = LatencyDistribution.from_dict(_v)
            else:
                _missing += 1
            self.jitter_buffer_delay = _v
            _v = d.get("issues", UNSET)
            if _v is not UNSET:
                _field = "issues"
                _v = VideoConsumerIssues.from_dict(_v)
            else:
                _missing += 1
            self.issues = _v
        except Exception as exc:  # noqa: BLE001 - re-raised below as a located ModelParseError
            raise field_error("VideoConsumerSummary", _field, d, exc)
        if len(d) + _missing == 7:
            self._extra = None
        else:
            self._extra = {k: v for k, v in d.items() if k not in _KEYS}
        return self

    @classmethod
    def _from_shape(cls, s: VideoConsumerSummary._Shape) -> Self:
        """The model from its decoded shape: from_dict's work without the lookups, the located errors or the
        unknown keys (a shape has none: msgspec refused it). Used by client.load_json, which falls back to
        from_dict whenever msgspec or this method refuses a body."""
        self = cls.__new__(cls)
        _quality_mos = s.quality_mos
        self.quality_mos = UNSET if _quality_mos is msgspec.UNSET else Percentiles._from_shape(_quality_mos)
        _frame_per_second = s.frame_per_second
        self.frame_per_second = (
            UNSET if _frame_per_second is msgspec.UNSET else Percentiles._from_shape(_frame_per_second)
        )
        _frame_width = s.frame_width
        self.frame_width = UNSET if _frame_width is msgspec.UNSET else Percentiles._from_shape(_frame_width)
        self.key_frames_decoded_fraction = s.key_frames_decoded_fraction
        _packet_loss = s.packet_loss
        self.packet_loss = UNSET if _packet_loss is msgspec.UNSET else PacketLossDistribution._from_shape(_packet_loss)
        _jitter_buffer_delay = s.jitter_buffer_delay
        self.jitter_buffer_delay = (
            UNSET if _jitter_buffer_delay is msgspec.UNSET else LatencyDistribution._from_shape(_jitter_buffer_delay)
        )
        _issues = s.issues
        self.issues = UNSET if _issues is msgspec.UNSET else VideoConsumerIssues._from_shape(_issues)
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
