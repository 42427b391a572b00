from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.peer_event import PeerEvent


T = TypeVar("T", bound="Participant")


@_attrs_define
class Participant:
    """A participant of a session; every field is optional.

    Attributes:
        id (str | Unset): Participant ID. This maps to the corresponding peer ID.
        user_id (str | Unset): User id for this participant.
        custom_participant_id (str | Unset): ID passed by the client to create this participant.
        display_name (str | Unset): Display name of the participant when joining the session.
        preset_name (str | Unset): Name of the preset associated with the participant.
        created_at (datetime.datetime | Unset): Timestamp when this participant was created.
        updated_at (datetime.datetime | Unset): Timestamp when this participant's data was last updated.
        joined_at (datetime.datetime | Unset): Timestamp at which the participant joined the session.
        left_at (datetime.datetime | Unset): Timestamp at which the participant left the session.
        duration (float | Unset): Number of minutes for which the participant was in the session.
        peer_events (list[PeerEvent] | Unset): Connection lifecycle events of the participant's peer. Only included when
            include_peer_events is true.
    """

    id: str | Unset = UNSET
    user_id: str | Unset = UNSET
    custom_participant_id: str | Unset = UNSET
    display_name: str | Unset = UNSET
    preset_name: str | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    joined_at: datetime.datetime | Unset = UNSET
    left_at: datetime.datetime | Unset = UNSET
    duration: float | Unset = UNSET
    peer_events: list[PeerEvent] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        user_id = self.user_id

        custom_participant_id = self.custom_participant_id

        display_name = self.display_name

        preset_name = self.preset_name

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()

        joined_at: str | Unset = UNSET
        if not isinstance(self.joined_at, Unset):
            joined_at = self.joined_at.isoformat()

        left_at: str | Unset = UNSET
        if not isinstance(self.left_at, Unset):
            left_at = self.left_at.isoformat()

        duration = self.duration

        peer_events: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.peer_events, Unset):
            peer_events = []
            for peer_events_item_data in self.peer_events:
                peer_events_item = peer_events_item_data.to_dict()
                peer_events.append(peer_events_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if user_id is not UNSET:
            field_dict["user_id"] = user_id
        if custom_participant_id is not UNSET:
            field_dict["custom_participant_id"] = custom_participant_id
        if display_name is not UNSET:
            field_dict["display_name"] = display_name
        if preset_name is not UNSET:
            field_dict["preset_name"] = preset_name
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if joined_at is not UNSET:
            field_dict["joined_at"] = joined_at
        if left_at is not UNSET:
            field_dict["left_at"] = left_at
        if duration is not UNSET:
            field_dict["duration"] = duration
        if peer_events is not UNSET:
            field_dict["peer_events"] = peer_events

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.peer_event import PeerEvent

        d = dict(src_dict)
        id = d.pop("id", UNSET)

        user_id = d.pop("user_id", UNSET)

        custom_participant_id = d.pop("custom_participant_id", UNSET)

        display_name = d.pop("display_name", UNSET)

        preset_name = d.pop("preset_name", UNSET)

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

        _joined_at = d.pop("joined_at", UNSET)
        joined_at: datetime.datetime | Unset
        if isinstance(_joined_at, Unset):
            joined_at = UNSET
        else:
            joined_at = datetime.datetime.fromisoformat(_joined_at)

        _left_at = d.pop("left_at", UNSET)
        left_at: datetime.datetime | Unset
        if isinstance(_left_at, Unset):
            left_at = UNSET
        else:
            left_at = datetime.datetime.fromisoformat(_left_at)

        duration = d.pop("duration", UNSET)

        _peer_events = d.pop("peer_events", UNSET)
        peer_events: list[PeerEvent] | Unset = UNSET
        if _peer_events is not UNSET:
            peer_events = []
            for peer_events_item_data in _peer_events:
                peer_events_item = PeerEvent.from_dict(peer_events_item_data)

                peer_events.append(peer_events_item)

        participant = cls(
            id=id,
            user_id=user_id,
            custom_participant_id=custom_participant_id,
            display_name=display_name,
            preset_name=preset_name,
            created_at=created_at,
            updated_at=updated_at,
            joined_at=joined_at,
            left_at=left_at,
            duration=duration,
            peer_events=peer_events,
        )

        participant.additional_properties = d
        return participant

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
