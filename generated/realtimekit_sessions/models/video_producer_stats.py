from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..models.quality_limitation_reason import QualityLimitationReason, check_quality_limitation_reason
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.quality_limitation_durations import QualityLimitationDurations


T = TypeVar("T", bound="VideoProducerStats")


@_attrs_define
class VideoProducerStats:
    """One sample of an outgoing video stream.

    Attributes:
        timestamp (datetime.datetime | Unset):
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

    timestamp: datetime.datetime | Unset = UNSET
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
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        timestamp: str | Unset = UNSET
        if not isinstance(self.timestamp, Unset):
            timestamp = self.timestamp.isoformat()

        producer_id = self.producer_id

        mid = self.mid

        ssrc = self.ssrc

        bytes_sent = self.bytes_sent

        packets_sent = self.packets_sent

        packets_lost = self.packets_lost

        jitter = self.jitter

        rtt = self.rtt

        mos_quality = self.mos_quality

        frame_width = self.frame_width

        frame_height = self.frame_height

        frames_per_second = self.frames_per_second

        frames_encoded = self.frames_encoded

        key_frames_encoded = self.key_frames_encoded

        fir_count = self.fir_count

        pli_count = self.pli_count

        quality_limitation_reason: str | Unset = UNSET
        if not isinstance(self.quality_limitation_reason, Unset):
            quality_limitation_reason = self.quality_limitation_reason

        quality_limitation_resolution_changes = self.quality_limitation_resolution_changes

        quality_limitation_durations: dict[str, Any] | Unset = UNSET
        if not isinstance(self.quality_limitation_durations, Unset):
            quality_limitation_durations = self.quality_limitation_durations.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if timestamp is not UNSET:
            field_dict["timestamp"] = timestamp
        if producer_id is not UNSET:
            field_dict["producer_id"] = producer_id
        if mid is not UNSET:
            field_dict["mid"] = mid
        if ssrc is not UNSET:
            field_dict["ssrc"] = ssrc
        if bytes_sent is not UNSET:
            field_dict["bytes_sent"] = bytes_sent
        if packets_sent is not UNSET:
            field_dict["packets_sent"] = packets_sent
        if packets_lost is not UNSET:
            field_dict["packets_lost"] = packets_lost
        if jitter is not UNSET:
            field_dict["jitter"] = jitter
        if rtt is not UNSET:
            field_dict["rtt"] = rtt
        if mos_quality is not UNSET:
            field_dict["mos_quality"] = mos_quality
        if frame_width is not UNSET:
            field_dict["frame_width"] = frame_width
        if frame_height is not UNSET:
            field_dict["frame_height"] = frame_height
        if frames_per_second is not UNSET:
            field_dict["frames_per_second"] = frames_per_second
        if frames_encoded is not UNSET:
            field_dict["frames_encoded"] = frames_encoded
        if key_frames_encoded is not UNSET:
            field_dict["key_frames_encoded"] = key_frames_encoded
        if fir_count is not UNSET:
            field_dict["fir_count"] = fir_count
        if pli_count is not UNSET:
            field_dict["pli_count"] = pli_count
        if quality_limitation_reason is not UNSET:
            field_dict["quality_limitation_reason"] = quality_limitation_reason
        if quality_limitation_resolution_changes is not UNSET:
            field_dict["quality_limitation_resolution_changes"] = quality_limitation_resolution_changes
        if quality_limitation_durations is not UNSET:
            field_dict["quality_limitation_durations"] = quality_limitation_durations

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.quality_limitation_durations import QualityLimitationDurations

        d = dict(src_dict)
        _timestamp = d.pop("timestamp", UNSET)
        timestamp: datetime.datetime | Unset
        if isinstance(_timestamp, Unset):
            timestamp = UNSET
        else:
            timestamp = datetime.datetime.fromisoformat(_timestamp)

        producer_id = d.pop("producer_id", UNSET)

        mid = d.pop("mid", UNSET)

        ssrc = d.pop("ssrc", UNSET)

        bytes_sent = d.pop("bytes_sent", UNSET)

        packets_sent = d.pop("packets_sent", UNSET)

        packets_lost = d.pop("packets_lost", UNSET)

        jitter = d.pop("jitter", UNSET)

        rtt = d.pop("rtt", UNSET)

        mos_quality = d.pop("mos_quality", UNSET)

        frame_width = d.pop("frame_width", UNSET)

        frame_height = d.pop("frame_height", UNSET)

        frames_per_second = d.pop("frames_per_second", UNSET)

        frames_encoded = d.pop("frames_encoded", UNSET)

        key_frames_encoded = d.pop("key_frames_encoded", UNSET)

        fir_count = d.pop("fir_count", UNSET)

        pli_count = d.pop("pli_count", UNSET)

        _quality_limitation_reason = d.pop("quality_limitation_reason", UNSET)
        quality_limitation_reason: QualityLimitationReason | Unset
        if isinstance(_quality_limitation_reason, Unset):
            quality_limitation_reason = UNSET
        else:
            quality_limitation_reason = check_quality_limitation_reason(_quality_limitation_reason)

        quality_limitation_resolution_changes = d.pop("quality_limitation_resolution_changes", UNSET)

        _quality_limitation_durations = d.pop("quality_limitation_durations", UNSET)
        quality_limitation_durations: QualityLimitationDurations | Unset
        if isinstance(_quality_limitation_durations, Unset):
            quality_limitation_durations = UNSET
        else:
            quality_limitation_durations = QualityLimitationDurations.from_dict(_quality_limitation_durations)

        video_producer_stats = cls(
            timestamp=timestamp,
            producer_id=producer_id,
            mid=mid,
            ssrc=ssrc,
            bytes_sent=bytes_sent,
            packets_sent=packets_sent,
            packets_lost=packets_lost,
            jitter=jitter,
            rtt=rtt,
            mos_quality=mos_quality,
            frame_width=frame_width,
            frame_height=frame_height,
            frames_per_second=frames_per_second,
            frames_encoded=frames_encoded,
            key_frames_encoded=key_frames_encoded,
            fir_count=fir_count,
            pli_count=pli_count,
            quality_limitation_reason=quality_limitation_reason,
            quality_limitation_resolution_changes=quality_limitation_resolution_changes,
            quality_limitation_durations=quality_limitation_durations,
        )

        video_producer_stats.additional_properties = d
        return video_producer_stats

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
