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
from ..types import UNSET, Unset, as_object

_KEYS: frozenset[str] = frozenset(
    {
        "quality_mos",
        "packet_loss",
        "jitter_buffer_delay",
    }
)


@_attrs_define
class AudioConsumerSummary:
    """Aggregated inbound (consumer) audio statistics for the session.

    Attributes:
        quality_mos (Percentiles | Unset): Distribution summary with average and percentiles.
        packet_loss (PacketLossDistribution | Unset): Cumulative packet loss distribution (percent thresholds).
        jitter_buffer_delay (LatencyDistribution | Unset): Cumulative latency distribution (milliseconds-based
            thresholds).
    """

    quality_mos: Percentiles | Unset = UNSET
    packet_loss: PacketLossDistribution | Unset = UNSET
    jitter_buffer_delay: LatencyDistribution | Unset = UNSET
    # Keys the spec does not know, kept so that to_dict() gives back everything that came in. None until
    # there is one: most objects have none, and an empty dict per object is memory for nothing.
    _extra: dict[str, Any] | None = _attrs_field(init=False, default=None, alias="_extra")

    class _Shape(msgspec.Struct, kw_only=True, gc=False, forbid_unknown_fields=True):
        """The JSON object as msgspec decodes it on the fast path (see _from_shape)."""

        quality_mos: Percentiles._Shape | msgspec.UnsetType = msgspec.UNSET
        packet_loss: PacketLossDistribution._Shape | msgspec.UnsetType = msgspec.UNSET
        jitter_buffer_delay: LatencyDistribution._Shape | msgspec.UnsetType = msgspec.UNSET

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = dict(self._extra) if self._extra else {}
        if not isinstance(self.quality_mos, Unset):
            field_dict["quality_mos"] = self.quality_mos.to_dict()
        if not isinstance(self.packet_loss, Unset):
            field_dict["packet_loss"] = self.packet_loss.to_dict()
        if not isinstance(self.jitter_buffer_delay, Unset):
            field_dict["jitter_buffer_delay"] = self.jitter_buffer_delay.to_dict()
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
        except Exception as exc:  # noqa: BLE001 - re-raised below as a located ModelParseError
            raise field_error("AudioConsumerSummary", _field, d, exc)
        if len(d) + _missing == 3:
            self._extra = None
        else:
            self._extra = {k: v for k, v in d.items() if k not in _KEYS}
        return self

    @classmethod
    def _from_shape(cls, s: AudioConsumerSummary._Shape) -> Self:
        """The model from its decoded shape: from_dict's work without the lookups, the located errors or the
        unknown keys (a shape has none: msgspec refused it). Used by client.load_json, which falls back to
        from_dict whenever msgspec or this method refuses a body."""
        self = cls.__new__(cls)
        _quality_mos = s.quality_mos
        self.quality_mos = UNSET if _quality_mos is msgspec.UNSET else Percentiles._from_shape(_quality_mos)
        _packet_loss = s.packet_loss
        self.packet_loss = UNSET if _packet_loss is msgspec.UNSET else PacketLossDistribution._from_shape(_packet_loss)
        _jitter_buffer_delay = s.jitter_buffer_delay
        self.jitter_buffer_delay = (
            UNSET if _jitter_buffer_delay is msgspec.UNSET else LatencyDistribution._from_shape(_jitter_buffer_delay)
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
