from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..models.peer_event_name import PeerEventName, check_peer_event_name
from ..models.preset_view_type import PresetViewType, check_preset_view_type
from ..types import UNSET, Unset

T = TypeVar("T", bound="PeerEvent")


@_attrs_define
class PeerEvent:
    """One connection lifecycle event of a peer.

    Attributes:
        id (str | Unset): ID of the peer event.
        event_name (PeerEventName | Unset): Name of the peer event.
        peer_id (str | Unset): Peer ID this event belongs to.
        participant_id (None | str | Unset): ID of the participant this event belongs to.
        session_id (None | str | Unset): ID of the session this event belongs to.
        socket_session_id (None | str | Unset): ID of the socket session associated with this event.
        preset_view_type (None | PresetViewType | Unset): View type of the preset associated with the peer; null when
            unknown.
        minutes_consumed (float | Unset): Minutes consumed attributed to this event.
        created_at (datetime.datetime | Unset): Timestamp when this peer event was created.
        updated_at (datetime.datetime | Unset): Timestamp when this peer event was last updated.
    """

    id: str | Unset = UNSET
    event_name: PeerEventName | Unset = UNSET
    peer_id: str | Unset = UNSET
    participant_id: None | str | Unset = UNSET
    session_id: None | str | Unset = UNSET
    socket_session_id: None | str | Unset = UNSET
    preset_view_type: None | PresetViewType | Unset = UNSET
    minutes_consumed: float | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        event_name: str | Unset = UNSET
        if not isinstance(self.event_name, Unset):
            event_name = self.event_name

        peer_id = self.peer_id

        participant_id: None | str | Unset
        if isinstance(self.participant_id, Unset):
            participant_id = UNSET
        else:
            participant_id = self.participant_id

        session_id: None | str | Unset
        if isinstance(self.session_id, Unset):
            session_id = UNSET
        else:
            session_id = self.session_id

        socket_session_id: None | str | Unset
        if isinstance(self.socket_session_id, Unset):
            socket_session_id = UNSET
        else:
            socket_session_id = self.socket_session_id

        preset_view_type: None | str | Unset
        if isinstance(self.preset_view_type, Unset):
            preset_view_type = UNSET
        elif isinstance(self.preset_view_type, str):
            preset_view_type = self.preset_view_type
        else:
            preset_view_type = self.preset_view_type

        minutes_consumed = self.minutes_consumed

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if event_name is not UNSET:
            field_dict["event_name"] = event_name
        if peer_id is not UNSET:
            field_dict["peer_id"] = peer_id
        if participant_id is not UNSET:
            field_dict["participant_id"] = participant_id
        if session_id is not UNSET:
            field_dict["session_id"] = session_id
        if socket_session_id is not UNSET:
            field_dict["socket_session_id"] = socket_session_id
        if preset_view_type is not UNSET:
            field_dict["preset_view_type"] = preset_view_type
        if minutes_consumed is not UNSET:
            field_dict["minutes_consumed"] = minutes_consumed
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        _event_name = d.pop("event_name", UNSET)
        event_name: PeerEventName | Unset
        if isinstance(_event_name, Unset):
            event_name = UNSET
        else:
            event_name = check_peer_event_name(_event_name)

        peer_id = d.pop("peer_id", UNSET)

        def _parse_participant_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        participant_id = _parse_participant_id(d.pop("participant_id", UNSET))

        def _parse_session_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        session_id = _parse_session_id(d.pop("session_id", UNSET))

        def _parse_socket_session_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        socket_session_id = _parse_socket_session_id(d.pop("socket_session_id", UNSET))

        def _parse_preset_view_type(data: object) -> None | PresetViewType | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                preset_view_type_type_0 = check_preset_view_type(data)

                return preset_view_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PresetViewType | Unset, data)

        preset_view_type = _parse_preset_view_type(d.pop("preset_view_type", UNSET))

        minutes_consumed = d.pop("minutes_consumed", UNSET)

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        _updated_at = d.pop("updated_at", UNSET)
        updated_at: datetime.datetime | Unset
        if isinstance(_updated_at, Unset):
            updated_at = UNSET
        else:
            updated_at = datetime.datetime.fromisoformat(_updated_at)

        peer_event = cls(
            id=id,
            event_name=event_name,
            peer_id=peer_id,
            participant_id=participant_id,
            session_id=session_id,
            socket_session_id=socket_session_id,
            preset_view_type=preset_view_type,
            minutes_consumed=minutes_consumed,
            created_at=created_at,
            updated_at=updated_at,
        )

        peer_event.additional_properties = d
        return peer_event

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
