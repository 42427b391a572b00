from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..models.session_status import SessionStatus, check_session_status
from ..models.session_type import SessionType, check_session_type
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.session_breakout_rooms_item import SessionBreakoutRoomsItem
    from ..models.session_meta import SessionMeta


T = TypeVar("T", bound="Session")


@_attrs_define
class Session:
    """
    Attributes:
        id (str): ID of the session.
        associated_id (str): ID of the meeting this session is associated with. In the case of V2 meetings, it is always
            a UUID. In V1 meetings, it is a room name of the form abcdef-ghijkl.
        created_at (datetime.datetime): Timestamp when the session was created.
        updated_at (datetime.datetime): Timestamp when the session was last updated.
        started_at (datetime.datetime): Timestamp when the session started.
        live_participants (float): Number of participants currently in the session.
        max_concurrent_participants (float): Largest number of participants that were in the session at once.
        meeting_display_name (str): Title of the meeting this session belongs to.
        minutes_consumed (float): Number of minutes consumed since the session started.
        organization_id (str): App id that hosted this session.
        status (SessionStatus): Current status of the session.
        type_ (SessionType): Type of the session.
        ended_at (datetime.datetime | Unset): Timestamp when the session ended; absent while it is live.
        breakout_rooms (list[SessionBreakoutRoomsItem] | Unset): Breakout rooms of the session (only with
            include_breakout_rooms). Cloudflare's document says the items are sessions, while its SDK leaves them untyped
            and its own example holds an empty object, so each item is kept as a free-form object.
        meta (SessionMeta | Unset): Any metadata about the session.
    """

    id: str
    associated_id: str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    started_at: datetime.datetime
    live_participants: float
    max_concurrent_participants: float
    meeting_display_name: str
    minutes_consumed: float
    organization_id: str
    status: SessionStatus
    type_: SessionType
    ended_at: datetime.datetime | Unset = UNSET
    breakout_rooms: list[SessionBreakoutRoomsItem] | Unset = UNSET
    meta: SessionMeta | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        associated_id = self.associated_id

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        started_at = self.started_at.isoformat()

        live_participants = self.live_participants

        max_concurrent_participants = self.max_concurrent_participants

        meeting_display_name = self.meeting_display_name

        minutes_consumed = self.minutes_consumed

        organization_id = self.organization_id

        status: str = self.status

        type_: str = self.type_

        ended_at: str | Unset = UNSET
        if not isinstance(self.ended_at, Unset):
            ended_at = self.ended_at.isoformat()

        breakout_rooms: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.breakout_rooms, Unset):
            breakout_rooms = []
            for breakout_rooms_item_data in self.breakout_rooms:
                breakout_rooms_item = breakout_rooms_item_data.to_dict()
                breakout_rooms.append(breakout_rooms_item)

        meta: dict[str, Any] | Unset = UNSET
        if not isinstance(self.meta, Unset):
            meta = self.meta.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "associated_id": associated_id,
                "created_at": created_at,
                "updated_at": updated_at,
                "started_at": started_at,
                "live_participants": live_participants,
                "max_concurrent_participants": max_concurrent_participants,
                "meeting_display_name": meeting_display_name,
                "minutes_consumed": minutes_consumed,
                "organization_id": organization_id,
                "status": status,
                "type": type_,
            }
        )
        if ended_at is not UNSET:
            field_dict["ended_at"] = ended_at
        if breakout_rooms is not UNSET:
            field_dict["breakout_rooms"] = breakout_rooms
        if meta is not UNSET:
            field_dict["meta"] = meta

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.session_breakout_rooms_item import SessionBreakoutRoomsItem
        from ..models.session_meta import SessionMeta

        d = dict(src_dict)
        id = d.pop("id")

        associated_id = d.pop("associated_id")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        started_at = datetime.datetime.fromisoformat(d.pop("started_at"))

        live_participants = d.pop("live_participants")

        max_concurrent_participants = d.pop("max_concurrent_participants")

        meeting_display_name = d.pop("meeting_display_name")

        minutes_consumed = d.pop("minutes_consumed")

        organization_id = d.pop("organization_id")

        status = check_session_status(d.pop("status"))

        type_ = check_session_type(d.pop("type"))

        _ended_at = d.pop("ended_at", UNSET)
        ended_at: datetime.datetime | Unset
        if isinstance(_ended_at, Unset):
            ended_at = UNSET
        else:
            ended_at = datetime.datetime.fromisoformat(_ended_at)

        _breakout_rooms = d.pop("breakout_rooms", UNSET)
        breakout_rooms: list[SessionBreakoutRoomsItem] | Unset = UNSET
        if _breakout_rooms is not UNSET:
            breakout_rooms = []
            for breakout_rooms_item_data in _breakout_rooms:
                breakout_rooms_item = SessionBreakoutRoomsItem.from_dict(breakout_rooms_item_data)

                breakout_rooms.append(breakout_rooms_item)

        _meta = d.pop("meta", UNSET)
        meta: SessionMeta | Unset
        if isinstance(_meta, Unset):
            meta = UNSET
        else:
            meta = SessionMeta.from_dict(_meta)

        session = cls(
            id=id,
            associated_id=associated_id,
            created_at=created_at,
            updated_at=updated_at,
            started_at=started_at,
            live_participants=live_participants,
            max_concurrent_participants=max_concurrent_participants,
            meeting_display_name=meeting_display_name,
            minutes_consumed=minutes_consumed,
            organization_id=organization_id,
            status=status,
            type_=type_,
            ended_at=ended_at,
            breakout_rooms=breakout_rooms,
            meta=meta,
        )

        session.additional_properties = d
        return session

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
