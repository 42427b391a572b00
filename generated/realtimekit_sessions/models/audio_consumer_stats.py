from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

T = TypeVar("T", bound="AudioConsumerStats")


@_attrs_define
class AudioConsumerStats:
    """One sample of an incoming audio stream.

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
        concealment_events (float | Unset):
        mos_quality (float | Unset):
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
    concealment_events: float | Unset = UNSET
    mos_quality: float | Unset = UNSET
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

        concealment_events = self.concealment_events

        mos_quality = self.mos_quality

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
        if concealment_events is not UNSET:
            field_dict["concealment_events"] = concealment_events
        if mos_quality is not UNSET:
            field_dict["mos_quality"] = mos_quality

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

        concealment_events = d.pop("concealment_events", UNSET)

        mos_quality = d.pop("mos_quality", UNSET)

        audio_consumer_stats = cls(
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
            concealment_events=concealment_events,
            mos_quality=mos_quality,
        )

        audio_consumer_stats.additional_properties = d
        return audio_consumer_stats

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
