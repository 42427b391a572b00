from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.latency_distribution import LatencyDistribution
    from ..models.packet_loss_distribution import PacketLossDistribution
    from ..models.percentiles import Percentiles


T = TypeVar("T", bound="AudioProducerSummary")


@_attrs_define
class AudioProducerSummary:
    """Aggregated outbound (producer) audio statistics for the session.

    Attributes:
        quality_mos (Percentiles | Unset): Distribution summary with average and percentiles.
        packet_loss (PacketLossDistribution | Unset): Cumulative packet loss distribution (percent thresholds).
        rtt (LatencyDistribution | Unset): Cumulative latency distribution (milliseconds-based thresholds).
    """

    quality_mos: Percentiles | Unset = UNSET
    packet_loss: PacketLossDistribution | Unset = UNSET
    rtt: LatencyDistribution | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        quality_mos: dict[str, Any] | Unset = UNSET
        if not isinstance(self.quality_mos, Unset):
            quality_mos = self.quality_mos.to_dict()

        packet_loss: dict[str, Any] | Unset = UNSET
        if not isinstance(self.packet_loss, Unset):
            packet_loss = self.packet_loss.to_dict()

        rtt: dict[str, Any] | Unset = UNSET
        if not isinstance(self.rtt, Unset):
            rtt = self.rtt.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if quality_mos is not UNSET:
            field_dict["quality_mos"] = quality_mos
        if packet_loss is not UNSET:
            field_dict["packet_loss"] = packet_loss
        if rtt is not UNSET:
            field_dict["rtt"] = rtt

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.latency_distribution import LatencyDistribution
        from ..models.packet_loss_distribution import PacketLossDistribution
        from ..models.percentiles import Percentiles

        d = dict(src_dict)
        _quality_mos = d.pop("quality_mos", UNSET)
        quality_mos: Percentiles | Unset
        if isinstance(_quality_mos, Unset):
            quality_mos = UNSET
        else:
            quality_mos = Percentiles.from_dict(_quality_mos)

        _packet_loss = d.pop("packet_loss", UNSET)
        packet_loss: PacketLossDistribution | Unset
        if isinstance(_packet_loss, Unset):
            packet_loss = UNSET
        else:
            packet_loss = PacketLossDistribution.from_dict(_packet_loss)

        _rtt = d.pop("rtt", UNSET)
        rtt: LatencyDistribution | Unset
        if isinstance(_rtt, Unset):
            rtt = UNSET
        else:
            rtt = LatencyDistribution.from_dict(_rtt)

        audio_producer_summary = cls(
            quality_mos=quality_mos,
            packet_loss=packet_loss,
            rtt=rtt,
        )

        audio_producer_summary.additional_properties = d
        return audio_producer_summary

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
