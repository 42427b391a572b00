from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

import msgspec
from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import field_error
from ..types import UNSET, Unset, as_object

_KEYS: frozenset[str] = frozenset(
    {
        "available_incoming_bitrate",
        "available_outgoing_bitrate",
        "bytes_discarded_on_send",
        "bytes_received",
        "bytes_sent",
        "current_round_trip_time",
        "total_round_trip_time",
        "last_packet_received_timestamp",
        "last_packet_sent_timestamp",
        "local_candidate_address",
        "local_candidate_id",
        "local_candidate_network_type",
        "local_candidate_port",
        "local_candidate_protocol",
        "local_candidate_related_address",
        "local_candidate_related_port",
        "local_candidate_type",
        "local_candidate_url",
        "nominated",
        "packets_discarded_on_send",
        "packets_received",
        "packets_sent",
        "remote_candidate_address",
        "remote_candidate_id",
        "remote_candidate_port",
        "remote_candidate_protocol",
        "remote_candidate_type",
        "remote_candidate_url",
    }
)


@_attrs_define
class CandidatePair:
    """
    Attributes:
        available_incoming_bitrate (float | Unset):
        available_outgoing_bitrate (float | Unset):
        bytes_discarded_on_send (float | Unset):
        bytes_received (float | Unset):
        bytes_sent (float | Unset):
        current_round_trip_time (float | Unset):
        total_round_trip_time (float | Unset):
        last_packet_received_timestamp (float | Unset): Epoch milliseconds when the last packet was received.
        last_packet_sent_timestamp (float | Unset): Epoch milliseconds when the last packet was sent.
        local_candidate_address (str | Unset):
        local_candidate_id (str | Unset):
        local_candidate_network_type (str | Unset):
        local_candidate_port (float | Unset):
        local_candidate_protocol (str | Unset):
        local_candidate_related_address (str | Unset):
        local_candidate_related_port (float | Unset):
        local_candidate_type (str | Unset):
        local_candidate_url (str | Unset):
        nominated (bool | Unset):
        packets_discarded_on_send (float | Unset):
        packets_received (float | Unset):
        packets_sent (float | Unset):
        remote_candidate_address (str | Unset):
        remote_candidate_id (str | Unset):
        remote_candidate_port (float | Unset):
        remote_candidate_protocol (str | Unset):
        remote_candidate_type (str | Unset):
        remote_candidate_url (str | Unset):
    """

    available_incoming_bitrate: float | Unset = UNSET
    available_outgoing_bitrate: float | Unset = UNSET
    bytes_discarded_on_send: float | Unset = UNSET
    bytes_received: float | Unset = UNSET
    bytes_sent: float | Unset = UNSET
    current_round_trip_time: float | Unset = UNSET
    total_round_trip_time: float | Unset = UNSET
    last_packet_received_timestamp: float | Unset = UNSET
    last_packet_sent_timestamp: float | Unset = UNSET
    local_candidate_address: str | Unset = UNSET
    local_candidate_id: str | Unset = UNSET
    local_candidate_network_type: str | Unset = UNSET
    local_candidate_port: float | Unset = UNSET
    local_candidate_protocol: str | Unset = UNSET
    local_candidate_related_address: str | Unset = UNSET
    local_candidate_related_port: float | Unset = UNSET
    local_candidate_type: str | Unset = UNSET
    local_candidate_url: str | Unset = UNSET
    nominated: bool | Unset = UNSET
    packets_discarded_on_send: float | Unset = UNSET
    packets_received: float | Unset = UNSET
    packets_sent: float | Unset = UNSET
    remote_candidate_address: str | Unset = UNSET
    remote_candidate_id: str | Unset = UNSET
    remote_candidate_port: float | Unset = UNSET
    remote_candidate_protocol: str | Unset = UNSET
    remote_candidate_type: str | Unset = UNSET
    remote_candidate_url: str | Unset = UNSET
    # Keys the spec does not know, kept so that to_dict() gives back everything that came in. None until
    # there is one: most objects have none, and an empty dict per object is memory for nothing.
    _extra: dict[str, Any] | None = _attrs_field(init=False, default=None, alias="_extra")

    class _Shape(msgspec.Struct, kw_only=True, gc=False, forbid_unknown_fields=True):
        """The JSON object as msgspec decodes it on the fast path (see _from_shape)."""

        available_incoming_bitrate: Any = UNSET
        available_outgoing_bitrate: Any = UNSET
        bytes_discarded_on_send: Any = UNSET
        bytes_received: Any = UNSET
        bytes_sent: Any = UNSET
        current_round_trip_time: Any = UNSET
        total_round_trip_time: Any = UNSET
        last_packet_received_timestamp: Any = UNSET
        last_packet_sent_timestamp: Any = UNSET
        local_candidate_address: Any = UNSET
        local_candidate_id: Any = UNSET
        local_candidate_network_type: Any = UNSET
        local_candidate_port: Any = UNSET
        local_candidate_protocol: Any = UNSET
        local_candidate_related_address: Any = UNSET
        local_candidate_related_port: Any = UNSET
        local_candidate_type: Any = UNSET
        local_candidate_url: Any = UNSET
        nominated: Any = UNSET
        packets_discarded_on_send: Any = UNSET
        packets_received: Any = UNSET
        packets_sent: Any = UNSET
        remote_candidate_address: Any = UNSET
        remote_candidate_id: Any = UNSET
        remote_candidate_port: Any = UNSET
        remote_candidate_protocol: Any = UNSET
        remote_candidate_type: Any = UNSET
        remote_candidate_url: Any = UNSET

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = dict(self._extra) if self._extra else {}
        if self.available_incoming_bitrate is not UNSET:
            field_dict["available_incoming_bitrate"] = self.available_incoming_bitrate
        if self.available_outgoing_bitrate is not UNSET:
            field_dict["available_outgoing_bitrate"] = self.available_outgoing_bitrate
        if self.bytes_discarded_on_send is not UNSET:
            field_dict["bytes_discarded_on_send"] = self.bytes_discarded_on_send
        if self.bytes_received is not UNSET:
            field_dict["bytes_received"] = self.bytes_received
        if self.bytes_sent is not UNSET:
            field_dict["bytes_sent"] = self.bytes_sent
        if self.current_round_trip_time is not UNSET:
            field_dict["current_round_trip_time"] = self.current_round_trip_time
        if self.total_round_trip_time is not UNSET:
            field_dict["total_round_trip_time"] = self.total_round_trip_time
        if self.last_packet_received_timestamp is not UNSET:
            field_dict["last_packet_received_timestamp"] = self.last_packet_received_timestamp
        if self.last_packet_sent_timestamp is not UNSET:
            field_dict["last_packet_sent_timestamp"] = self.last_packet_sent_timestamp
        if self.local_candidate_address is not UNSET:
            field_dict["local_candidate_address"] = self.local_candidate_address
        if self.local_candidate_id is not UNSET:
            field_dict["local_candidate_id"] = self.local_candidate_id
        if self.local_candidate_network_type is not UNSET:
            field_dict["local_candidate_network_type"] = self.local_candidate_network_type
        if self.local_candidate_port is not UNSET:
            field_dict["local_candidate_port"] = self.local_candidate_port
        if self.local_candidate_protocol is not UNSET:
            field_dict["local_candidate_protocol"] = self.local_candidate_protocol
        if self.local_candidate_related_address is not UNSET:
            field_dict["local_candidate_related_address"] = self.local_candidate_related_address
        if self.local_candidate_related_port is not UNSET:
            field_dict["local_candidate_related_port"] = self.local_candidate_related_port
        if self.local_candidate_type is not UNSET:
            field_dict["local_candidate_type"] = self.local_candidate_type
        if self.local_candidate_url is not UNSET:
            field_dict["local_candidate_url"] = self.local_candidate_url
        if self.nominated is not UNSET:
            field_dict["nominated"] = self.nominated
        if self.packets_discarded_on_send is not UNSET:
            field_dict["packets_discarded_on_send"] = self.packets_discarded_on_send
        if self.packets_received is not UNSET:
            field_dict["packets_received"] = self.packets_received
        if self.packets_sent is not UNSET:
            field_dict["packets_sent"] = self.packets_sent
        if self.remote_candidate_address is not UNSET:
            field_dict["remote_candidate_address"] = self.remote_candidate_address
        if self.remote_candidate_id is not UNSET:
            field_dict["remote_candidate_id"] = self.remote_candidate_id
        if self.remote_candidate_port is not UNSET:
            field_dict["remote_candidate_port"] = self.remote_candidate_port
        if self.remote_candidate_protocol is not UNSET:
            field_dict["remote_candidate_protocol"] = self.remote_candidate_protocol
        if self.remote_candidate_type is not UNSET:
            field_dict["remote_candidate_type"] = self.remote_candidate_type
        if self.remote_candidate_url is not UNSET:
            field_dict["remote_candidate_url"] = self.remote_candidate_url
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = src_dict if type(src_dict) is dict else as_object(src_dict)
        self = cls.__new__(cls)
        _field: str | None = None
        _missing = 0  # optional fields absent: with len(d), tells whether d holds keys the spec does not know
        try:
            _v = d.get("available_incoming_bitrate", UNSET)
            if _v is UNSET:
                _missing += 1
            self.available_incoming_bitrate = _v
            _v = d.get("available_outgoing_bitrate", UNSET)
            if _v is UNSET:
                _missing += 1
            self.available_outgoing_bitrate = _v
            _v = d.get("bytes_discarded_on_send", UNSET)
            if _v is UNSET:
                _missing += 1
            self.bytes_discarded_on_send = _v
            _v = d.get("bytes_received", UNSET)
            if _v is UNSET:
                _missing += 1
            self.bytes_received = _v
            _v = d.get("bytes_sent", UNSET)
            if _v is UNSET:
                _missing += 1
            self.bytes_sent = _v
            _v = d.get("current_round_trip_time", UNSET)
            if _v is UNSET:
                _missing += 1
            self.current_round_trip_time = _v
            _v = d.get("total_round_trip_time", UNSET)
            if _v is UNSET:
                _missing += 1
            self.total_round_trip_time = _v
            _v = d.get("last_packet_received_timestamp", UNSET)
            if _v is UNSET:
                _missing += 1
            self.last_packet_received_timestamp = _v
            _v = d.get("last_packet_sent_timestamp", UNSET)
            if _v is UNSET:
                _missing += 1
            self.last_packet_sent_timestamp = _v
            _v = d.get("local_candidate_address", UNSET)
            if _v is UNSET:
                _missing += 1
            self.local_candidate_address = _v
            _v = d.get("local_candidate_id", UNSET)
            if _v is UNSET:
                _missing += 1
            self.local_candidate_id = _v
            _v = d.get("local_candidate_network_type", UNSET)
            if _v is UNSET:
                _missing += 1
            self.local_candidate_network_type = _v
            _v = d.get("local_candidate_port", UNSET)
            if _v is UNSET:
                _missing += 1
            self.local_candidate_port = _v
            _v = d.get("local_candidate_protocol", UNSET)
            if _v is UNSET:
                _missing += 1
            self.local_candidate_protocol = _v
            _v = d.get("local_candidate_related_address", UNSET)
            if _v is UNSET:
                _missing += 1
            self.local_candidate_related_address = _v
            _v = d.get("local_candidate_related_port", UNSET)
            if _v is UNSET:
                _missing += 1
            self.local_candidate_related_port = _v
            _v = d.get("local_candidate_type", UNSET)
            if _v is UNSET:
                _missing += 1
            self.local_candidate_type = _v
            _v = d.get("local_candidate_url", UNSET)
            if _v is UNSET:
                _missing += 1
            self.local_candidate_url = _v
            _v = d.get("nominated", UNSET)
            if _v is UNSET:
                _missing += 1
            self.nominated = _v
            _v = d.get("packets_discarded_on_send", UNSET)
            if _v is UNSET:
                _missing += 1
            self.packets_discarded_on_send = _v
            _v = d.get("packets_received", UNSET)
            if _v is UNSET:
                _missing += 1
            self.packets_received = _v
            _v = d.get("packets_sent", UNSET)
            if _v is UNSET:
                _missing += 1
            self.packets_sent = _v
            _v = d.get("remote_candidate_address", UNSET)
            if _v is UNSET:
                _missing += 1
            self.remote_candidate_address = _v
            _v = d.get("remote_candidate_id", UNSET)
            if _v is UNSET:
                _missing += 1
            self.remote_candidate_id = _v
            _v = d.get("remote_candidate_port", UNSET)
            if _v is UNSET:
                _missing += 1
            self.remote_candidate_port = _v
            _v = d.get("remote_candidate_protocol", UNSET)
            if _v is UNSET:
                _missing += 1
            self.remote_candidate_protocol = _v
            _v = d.get("remote_candidate_type", UNSET)
            if _v is UNSET:
                _missing += 1
            self.remote_candidate_type = _v
            _v = d.get("remote_candidate_url", UNSET)
            if _v is UNSET:
                _missing += 1
            self.remote_candidate_url = _v
        except Exception as exc:  # noqa: BLE001 - re-raised below as a located ModelParseError
            raise field_error("CandidatePair", _field, d, exc)
        if len(d) + _missing == 28:
            self._extra = None
        else:
            self._extra = {k: v for k, v in d.items() if k not in _KEYS}
        return self

    @classmethod
    def _from_shape(cls, s: CandidatePair._Shape) -> Self:
        """The model from its decoded shape: from_dict's work without the lookups, the located errors or the
        unknown keys (a shape has none: msgspec refused it). Used by client.load_json, which falls back to
        from_dict whenever msgspec or this method refuses a body."""
        self = cls.__new__(cls)
        self.available_incoming_bitrate = s.available_incoming_bitrate
        self.available_outgoing_bitrate = s.available_outgoing_bitrate
        self.bytes_discarded_on_send = s.bytes_discarded_on_send
        self.bytes_received = s.bytes_received
        self.bytes_sent = s.bytes_sent
        self.current_round_trip_time = s.current_round_trip_time
        self.total_round_trip_time = s.total_round_trip_time
        self.last_packet_received_timestamp = s.last_packet_received_timestamp
        self.last_packet_sent_timestamp = s.last_packet_sent_timestamp
        self.local_candidate_address = s.local_candidate_address
        self.local_candidate_id = s.local_candidate_id
        self.local_candidate_network_type = s.local_candidate_network_type
        self.local_candidate_port = s.local_candidate_port
        self.local_candidate_protocol = s.local_candidate_protocol
        self.local_candidate_related_address = s.local_candidate_related_address
        self.local_candidate_related_port = s.local_candidate_related_port
        self.local_candidate_type = s.local_candidate_type
        self.local_candidate_url = s.local_candidate_url
        self.nominated = s.nominated
        self.packets_discarded_on_send = s.packets_discarded_on_send
        self.packets_received = s.packets_received
        self.packets_sent = s.packets_sent
        self.remote_candidate_address = s.remote_candidate_address
        self.remote_candidate_id = s.remote_candidate_id
        self.remote_candidate_port = s.remote_candidate_port
        self.remote_candidate_protocol = s.remote_candidate_protocol
        self.remote_candidate_type = s.remote_candidate_type
        self.remote_candidate_url = s.remote_candidate_url
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
