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
    from ..models.video_producer_issues import VideoProducerIssues


T = TypeVar("T", bound="VideoProducerSummary")


@_attrs_define
class VideoProducerSummary:
    """Aggregated outbound (producer) video statistics for the session.

    Attributes:
        quality_mos (Percentiles | Unset): Distribution summary with average and percentiles.
        frame_per_second (Percentiles | Unset): Distribution summary with average and percentiles.
        frame_width (Percentiles | Unset): Distribution summary with average and percentiles.
        key_frames_encoded_fraction (float | Unset):
        high_negative_feedback_fraction (float | Unset):
        packet_loss (PacketLossDistribution | Unset): Cumulative packet loss distribution (percent thresholds).
        rtt (LatencyDistribution | Unset): Cumulative latency distribution (milliseconds-based thresholds).
        issues (VideoProducerIssues | Unset): Fractions of the call the outgoing video was degraded, by cause.
    """

    quality_mos: Percentiles | Unset = UNSET
    frame_per_second: Percentiles | Unset = UNSET
    frame_width: Percentiles | Unset = UNSET
    key_frames_encoded_fraction: float | Unset = UNSET
    high_negative_feedback_fraction: float | Unset = UNSET
    packet_loss: PacketLossDistribution | Unset = UNSET
    rtt: LatencyDistribution | Unset = UNSET
    issues: VideoProducerIssues | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        quality_mos: dict[str, Any] | Unset = UNSET
        if not isinstance(self.quality_mos, Unset):
            quality_mos = self.quality_mos.to_dict()

        frame_per_second: dict[str, Any] | Unset = UNSET
        if not isinstance(self.frame_per_second, Unset):
            frame_per_second = self.frame_per_second.to_dict()

        frame_width: dict[str, Any] | Unset = UNSET
        if not isinstance(self.frame_width, Unset):
            frame_width = self.frame_width.to_dict()

        key_frames_encoded_fraction = self.key_frames_encoded_fraction

        high_negative_feedback_fraction = self.high_negative_feedback_fraction

        packet_loss: dict[str, Any] | Unset = UNSET
        if not isinstance(self.packet_loss, Unset):
            packet_loss = self.packet_loss.to_dict()

        rtt: dict[str, Any] | Unset = UNSET
        if not isinstance(self.rtt, Unset):
            rtt = self.rtt.to_dict()

        issues: dict[str, Any] | Unset = UNSET
        if not isinstance(self.issues, Unset):
            issues = self.issues.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if quality_mos is not UNSET:
            field_dict["quality_mos"] = quality_mos
        if frame_per_second is not UNSET:
            field_dict["frame_per_second"] = frame_per_second
        if frame_width is not UNSET:
            field_dict["frame_width"] = frame_width
        if key_frames_encoded_fraction is not UNSET:
            field_dict["key_frames_encoded_fraction"] = key_frames_encoded_fraction
        if high_negative_feedback_fraction is not UNSET:
            field_dict["high_negative_feedback_fraction"] = high_negative_feedback_fraction
        if packet_loss is not UNSET:
            field_dict["packet_loss"] = packet_loss
        if rtt is not UNSET:
            field_dict["rtt"] = rtt
        if issues is not UNSET:
            field_dict["issues"] = issues

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.latency_distribution import LatencyDistribution
        from ..models.packet_loss_distribution import PacketLossDistribution
        from ..models.percentiles import Percentiles
        from ..models.video_producer_issues import VideoProducerIssues

        d = dict(src_dict)
        _quality_mos = d.pop("quality_mos", UNSET)
        quality_mos: Percentiles | Unset
        if isinstance(_quality_mos, Unset):
            quality_mos = UNSET
        else:
            quality_mos = Percentiles.from_dict(_quality_mos)

        _frame_per_second = d.pop("frame_per_second", UNSET)
        frame_per_second: Percentiles | Unset
        if isinstance(_frame_per_second, Unset):
            frame_per_second = UNSET
        else:
            frame_per_second = Percentiles.from_dict(_frame_per_second)

        _frame_width = d.pop("frame_width", UNSET)
        frame_width: Percentiles | Unset
        if isinstance(_frame_width, Unset):
            frame_width = UNSET
        else:
            frame_width = Percentiles.from_dict(_frame_width)

        key_frames_encoded_fraction = d.pop("key_frames_encoded_fraction", UNSET)

        high_negative_feedback_fraction = d.pop("high_negative_feedback_fraction", UNSET)

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

        _issues = d.pop("issues", UNSET)
        issues: VideoProducerIssues | Unset
        if isinstance(_issues, Unset):
            issues = UNSET
        else:
            issues = VideoProducerIssues.from_dict(_issues)

        video_producer_summary = cls(
            quality_mos=quality_mos,
            frame_per_second=frame_per_second,
            frame_width=frame_width,
            key_frames_encoded_fraction=key_frames_encoded_fraction,
            high_negative_feedback_fraction=high_negative_feedback_fraction,
            packet_loss=packet_loss,
            rtt=rtt,
            issues=issues,
        )

        video_producer_summary.additional_properties = d
        return video_producer_summary

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
