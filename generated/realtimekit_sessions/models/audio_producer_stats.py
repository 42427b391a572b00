from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

T = TypeVar("T", bound="AudioProducerStats")


@_attrs_define
class AudioProducerStats:
    """One sample of an outgoing audio stream.

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

        producer_id = d.pop("producer_id", UNSET)

        mid = d.pop("mid", UNSET)

        ssrc = d.pop("ssrc", UNSET)

        bytes_sent = d.pop("bytes_sent", UNSET)

        packets_sent = d.pop("packets_sent", UNSET)

        packets_lost = d.pop("packets_lost", UNSET)

        jitter = d.pop("jitter", UNSET)

        rtt = d.pop("rtt", UNSET)

        mos_quality = d.pop("mos_quality", UNSET)

        audio_producer_stats = cls(
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
        )

        audio_producer_stats.additional_properties = d
        return audio_producer_stats

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
