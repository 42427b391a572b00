from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

T = TypeVar("T", bound="VideoConsumerStats")


@_attrs_define
class VideoConsumerStats:
    """One sample of an incoming video stream.

    Attributes:
        timestamp (datetime.datetime | Unset):
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

    timestamp: datetime.datetime | Unset = UNSET
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
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        timestamp: str | Unset = UNSET
        if not isinstance(self.timestamp, Unset):
            timestamp = self.timestamp.isoformat()

        consumer_id = self.consumer_id

        producer_id = self.producer_id

        peer_id = self.peer_id

        mid = self.mid

        ssrc = self.ssrc

        bytes_received = self.bytes_received

        packets_received = self.packets_received

        packets_lost = self.packets_lost

        jitter = self.jitter

        jitter_buffer_delay = self.jitter_buffer_delay

        jitter_buffer_emitted_count = self.jitter_buffer_emitted_count

        mos_quality = self.mos_quality

        frame_width = self.frame_width

        frame_height = self.frame_height

        frames_per_second = self.frames_per_second

        frames_decoded = self.frames_decoded

        frames_dropped = self.frames_dropped

        key_frames_decoded = self.key_frames_decoded

        fir_count = self.fir_count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if timestamp is not UNSET:
            field_dict["timestamp"] = timestamp
        if consumer_id is not UNSET:
            field_dict["consumer_id"] = consumer_id
        if producer_id is not UNSET:
            field_dict["producer_id"] = producer_id
        if peer_id is not UNSET:
            field_dict["peer_id"] = peer_id
        if mid is not UNSET:
            field_dict["mid"] = mid
        if ssrc is not UNSET:
            field_dict["ssrc"] = ssrc
        if bytes_received is not UNSET:
            field_dict["bytes_received"] = bytes_received
        if packets_received is not UNSET:
            field_dict["packets_received"] = packets_received
        if packets_lost is not UNSET:
            field_dict["packets_lost"] = packets_lost
        if jitter is not UNSET:
            field_dict["jitter"] = jitter
        if jitter_buffer_delay is not UNSET:
            field_dict["jitter_buffer_delay"] = jitter_buffer_delay
        if jitter_buffer_emitted_count is not UNSET:
            field_dict["jitter_buffer_emitted_count"] = jitter_buffer_emitted_count
        if mos_quality is not UNSET:
            field_dict["mos_quality"] = mos_quality
        if frame_width is not UNSET:
            field_dict["frame_width"] = frame_width
        if frame_height is not UNSET:
            field_dict["frame_height"] = frame_height
        if frames_per_second is not UNSET:
            field_dict["frames_per_second"] = frames_per_second
        if frames_decoded is not UNSET:
            field_dict["frames_decoded"] = frames_decoded
        if frames_dropped is not UNSET:
            field_dict["frames_dropped"] = frames_dropped
        if key_frames_decoded is not UNSET:
            field_dict["key_frames_decoded"] = key_frames_decoded
        if fir_count is not UNSET:
            field_dict["fir_count"] = fir_count

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _timestamp = d.pop("timestamp", UNSET)
        timestamp: datetime.datetime | Unset
        if isinstance(_timestamp, Unset):
            timestamp = UNSET
        else:
            timestamp = datetime.datetime.fromisoformat(_timestamp)

        consumer_id = d.pop("consumer_id", UNSET)

        producer_id = d.pop("producer_id", UNSET)

        peer_id = d.pop("peer_id", UNSET)

        mid = d.pop("mid", UNSET)

        ssrc = d.pop("ssrc", UNSET)

        bytes_received = d.pop("bytes_received", UNSET)

        packets_received = d.pop("packets_received", UNSET)

        packets_lost = d.pop("packets_lost", UNSET)

        jitter = d.pop("jitter", UNSET)

        jitter_buffer_delay = d.pop("jitter_buffer_delay", UNSET)

        jitter_buffer_emitted_count = d.pop("jitter_buffer_emitted_count", UNSET)

        mos_quality = d.pop("mos_quality", UNSET)

        frame_width = d.pop("frame_width", UNSET)

        frame_height = d.pop("frame_height", UNSET)

        frames_per_second = d.pop("frames_per_second", UNSET)

        frames_decoded = d.pop("frames_decoded", UNSET)

        frames_dropped = d.pop("frames_dropped", UNSET)

        key_frames_decoded = d.pop("key_frames_decoded", UNSET)

        fir_count = d.pop("fir_count", UNSET)

        video_consumer_stats = cls(
            timestamp=timestamp,
            consumer_id=consumer_id,
            producer_id=producer_id,
            peer_id=peer_id,
            mid=mid,
            ssrc=ssrc,
            bytes_received=bytes_received,
            packets_received=packets_received,
            packets_lost=packets_lost,
            jitter=jitter,
            jitter_buffer_delay=jitter_buffer_delay,
            jitter_buffer_emitted_count=jitter_buffer_emitted_count,
            mos_quality=mos_quality,
            frame_width=frame_width,
            frame_height=frame_height,
            frames_per_second=frames_per_second,
            frames_decoded=frames_decoded,
            frames_dropped=frames_dropped,
            key_frames_decoded=key_frames_decoded,
            fir_count=fir_count,
        )

        video_consumer_stats.additional_properties = d
        return video_consumer_stats

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
