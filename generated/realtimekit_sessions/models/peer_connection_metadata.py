from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

T = TypeVar("T", bound="PeerConnectionMetadata")


@_attrs_define
class PeerConnectionMetadata:
    """
    Attributes:
        timestamp (datetime.datetime | Unset):
        effective_network_type (str | Unset):
        reflexive_connectivity (bool | Unset):
        relay_connectivity (bool | Unset):
        turn_connectivity (bool | Unset):
        sdp (list[str] | Unset):
    """

    timestamp: datetime.datetime | Unset = UNSET
    effective_network_type: str | Unset = UNSET
    reflexive_connectivity: bool | Unset = UNSET
    relay_connectivity: bool | Unset = UNSET
    turn_connectivity: bool | Unset = UNSET
    sdp: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        timestamp: str | Unset = UNSET
        if not isinstance(self.timestamp, Unset):
            timestamp = self.timestamp.isoformat()

        effective_network_type = self.effective_network_type

        reflexive_connectivity = self.reflexive_connectivity

        relay_connectivity = self.relay_connectivity

        turn_connectivity = self.turn_connectivity

        sdp: list[str] | Unset = UNSET
        if not isinstance(self.sdp, Unset):
            sdp = self.sdp

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if timestamp is not UNSET:
            field_dict["timestamp"] = timestamp
        if effective_network_type is not UNSET:
            field_dict["effective_network_type"] = effective_network_type
        if reflexive_connectivity is not UNSET:
            field_dict["reflexive_connectivity"] = reflexive_connectivity
        if relay_connectivity is not UNSET:
            field_dict["relay_connectivity"] = relay_connectivity
        if turn_connectivity is not UNSET:
            field_dict["turn_connectivity"] = turn_connectivity
        if sdp is not UNSET:
            field_dict["sdp"] = sdp

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

        effective_network_type = d.pop("effective_network_type", UNSET)

        reflexive_connectivity = d.pop("reflexive_connectivity", UNSET)

        relay_connectivity = d.pop("relay_connectivity", UNSET)

        turn_connectivity = d.pop("turn_connectivity", UNSET)

        sdp = cast(list[str], d.pop("sdp", UNSET))

        peer_connection_metadata = cls(
            timestamp=timestamp,
            effective_network_type=effective_network_type,
            reflexive_connectivity=reflexive_connectivity,
            relay_connectivity=relay_connectivity,
            turn_connectivity=turn_connectivity,
            sdp=sdp,
        )

        peer_connection_metadata.additional_properties = d
        return peer_connection_metadata

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
