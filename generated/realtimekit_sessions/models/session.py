from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self

import msgspec
from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import field_error
from ..models.session_breakout_rooms_item import SessionBreakoutRoomsItem
from ..models.session_meta import SessionMeta
from ..models.session_status import SessionStatus, check_session_status
from ..models.session_type import SessionType, check_session_type
from ..types import UNSET, UTC, Unset, as_dict, as_list, as_object, format_datetime, fromisoformat, parse_datetime

_KEYS: frozenset[str] = frozenset(
    {
        "id",
        "associated_id",
        "created_at",
        "updated_at",
        "started_at",
        "live_participants",
        "max_concurrent_participants",
        "meeting_display_name",
        "minutes_consumed",
        "organization_id",
        "status",
        "type",
        "ended_at",
        "breakout_rooms",
        "meta",
    }
)


@_attrs_define
class Session:
    """
    Attributes:
        id (str): ID of the session.
        associated_id (str): ID of the meeting this session is associated with. In the case of V2 meetings, it is always
            a UUID. In V1 meetings, it is a room name of the form abcdef-ghijkl.
        created_at (datetime.datetime | str): Timestamp when the session was created.
        updated_at (datetime.datetime | str): Timestamp when the session was last updated.
        started_at (datetime.datetime | str): Timestamp when the session started.
        live_participants (float): Number of participants currently in the session.
        max_concurrent_participants (float): Largest number of participants that were in the session at once.
        meeting_display_name (str): Title of the meeting this session belongs to.
        minutes_consumed (float): Number of minutes consumed since the session started.
        organization_id (str): App id that hosted this session.
        status (SessionStatus): Current status of the session.
        type_ (SessionType): Type of the session.
        ended_at (datetime.datetime | str | Unset): Timestamp when the session ended; absent while it is live.
        breakout_rooms (list[SessionBreakoutRoomsItem] | Unset): Breakout rooms of the session (only with
            include_breakout_rooms). Cloudflare's document says the items are sessions, while its SDK leaves them untyped
            and its own example holds an empty object, so each item is kept as a free-form object.
        meta (SessionMeta | Unset): Any metadata about the session.
    """

    id: str
    associated_id: str
    created_at: datetime.datetime | str
    updated_at: datetime.datetime | str
    started_at: datetime.datetime | str
    live_participants: float
    max_concurrent_participants: float
    meeting_display_name: str
    minutes_consumed: float
    organization_id: str
    status: SessionStatus
    type_: SessionType
    ended_at: datetime.datetime | str | Unset = UNSET
    breakout_rooms: list[SessionBreakoutRoomsItem] | Unset = UNSET
    meta: SessionMeta | Unset = UNSET
    # Keys the spec does not know, kept so that to_dict() gives back everything that came in. None until
    # there is one: most objects have none, and an empty dict per object is memory for nothing.
    _extra: dict[str, Any] | None = _attrs_field(init=False, default=None, alias="_extra")

    class _Shape(msgspec.Struct, kw_only=True, gc=False, forbid_unknown_fields=True):
        """The JSON object as msgspec decodes it on the fast path (see _from_shape)."""

        id: Any
        associated_id: Any
        created_at: Any
        updated_at: Any
        started_at: Any
        live_participants: Any
        max_concurrent_participants: Any
        meeting_display_name: Any
        minutes_consumed: Any
        organization_id: Any
        status: Any
        type_: Any = msgspec.field(name="type")
        ended_at: Any = UNSET
        breakout_rooms: list[dict[str, Any]] | msgspec.UnsetType = msgspec.UNSET
        meta: dict[str, Any] | msgspec.UnsetType = msgspec.UNSET

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = dict(self._extra) if self._extra else {}
        field_dict["id"] = self.id
        field_dict["associated_id"] = self.associated_id
        field_dict["created_at"] = format_datetime(self.created_at)
        field_dict["updated_at"] = format_datetime(self.updated_at)
        field_dict["started_at"] = format_datetime(self.started_at)
        field_dict["live_participants"] = self.live_participants
        field_dict["max_concurrent_participants"] = self.max_concurrent_participants
        field_dict["meeting_display_name"] = self.meeting_display_name
        field_dict["minutes_consumed"] = self.minutes_consumed
        field_dict["organization_id"] = self.organization_id
        field_dict["status"] = self.status
        field_dict["type"] = self.type_
        if not isinstance(self.ended_at, Unset):
            field_dict["ended_at"] = format_datetime(self.ended_at)
        if not isinstance(self.breakout_rooms, Unset):
            field_dict["breakout_rooms"] = [dict(_item) for _item in self.breakout_rooms]
        if not isinstance(self.meta, Unset):
            field_dict["meta"] = dict(self.meta)
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = src_dict if type(src_dict) is dict else as_object(src_dict)
        self = cls.__new__(cls)
        _field: str | None = None
        _missing = 0  # optional fields absent: with len(d), tells whether d holds keys the spec does not know
        try:
            _field = "id"
            self.id = d["id"]
            _field = "associated_id"
            self.associated_id = d["associated_id"]
            _field = "created_at"
            _v = d["created_at"]
            try:
                _v = fromisoformat(_v)
            except (TypeError, ValueError):
                _v = parse_datetime(_v)
            else:
                if _v.tzinfo is None:
                    _v = _v.replace(tzinfo=UTC)
            self.created_at = _v
            _field = "updated_at"
            _v = d["updated_at"]
            try:
                _v = fromisoformat(_v)
            except (TypeError, ValueError):
                _v = parse_datetime(_v)
            else:
                if _v.tzinfo is None:
                    _v = _v.replace(tzinfo=UTC)
            self.updated_at = _v
            _field = "started_at"
            _v = d["started_at"]
            try:
                _v = fromisoformat(_v)
            except (TypeError, ValueError):
                _v = parse_datetime(_v)
            else:
                if _v.tzinfo is None:
                    _v = _v.replace(tzinfo=UTC)
            self.started_at = _v
            _field = "live_participants"
            self.live_participants = d["live_participants"]
            _field = "max_concurrent_participants"
            self.max_concurrent_participants = d["max_concurrent_participants"]
            _field = "meeting_display_name"
            self.meeting_display_name = d["meeting_display_name"]
            _field = "minutes_consumed"
            self.minutes_consumed = d["minutes_consumed"]
            _field = "organization_id"
            self.organization_id = d["organization_id"]
            _field = "status"
            _v = d["status"]
            if type(_v) is not str:
                _v = check_session_status(_v)
            self.status = _v
            _field = "type"
            _v = d["type"]
            if type(_v) is not str:
                _v = check_session_type(_v)
            self.type_ = _v
            _v = d.get("ended_at", UNSET)
            if _v is not UNSET:
                _field = "ended_at"
                try:
                    _v = fromisoformat(_v)
                except (TypeError, ValueError):
                    _v = parse_datetime(_v)
                else:
                    if _v.tzinfo is None:
                        _v = _v.replace(tzinfo=UTC)
            else:
                _missing += 1
            self.ended_at = _v
            _v = d.get("breakout_rooms", UNSET)
            if _v is not UNSET:
                _field = "breakout_rooms"
                _v = list(map(as_dict, as_list(_v)))
            else:
                _missing += 1
            self.breakout_rooms = _v
            _v = d.get("meta", UNSET)
            if _v is not UNSET:
                _field = "meta"
                _v = as_dict(_v)
            else:
                _missing += 1
            self.meta = _v
        except Exception as exc:  # noqa: BLE001 - re-raised below as a located ModelParseError
            raise field_error("Session", _field, d, exc)
        if len(d) + _missing == 15:
            self._extra = None
        else:
            self._extra = {k: v for k, v in d.items() if k not in _KEYS}
        return self

    @classmethod
    def _from_shape(cls, s: Session._Shape) -> Self:
        """The model from its decoded shape: from_dict's work without the lookups, the located errors or the
        unknown keys (a shape has none: msgspec refused it). Used by client.load_json, which falls back to
        from_dict whenever msgspec or this method refuses a body."""
        self = cls.__new__(cls)
        self.id = s.id
        self.associated_id = s.associated_id
        _v = s.created_at
        try:
            _v = fromisoformat(_v)
        except (TypeError, ValueError):
            _v = parse_datetime(_v)
        else:
            if _v.tzinfo is None:
                _v = _v.replace(tzinfo=UTC)
        self.created_at = _v
        _v = s.updated_at
        try:
            _v = fromisoformat(_v)
        except (TypeError, ValueError):
            _v = parse_datetime(_v)
        else:
            if _v.tzinfo is None:
                _v = _v.replace(tzinfo=UTC)
        self.updated_at = _v
        _v = s.started_at
        try:
            _v = fromisoformat(_v)
        except (TypeError, ValueError):
            _v = parse_datetime(_v)
        else:
            if _v.tzinfo is None:
                _v = _v.replace(tzinfo=UTC)
        self.started_at = _v
        self.live_participants = s.live_participants
        self.max_concurrent_participants = s.max_concurrent_participants
        self.meeting_display_name = s.meeting_display_name
        self.minutes_consumed = s.minutes_consumed
        self.organization_id = s.organization_id
        _v = s.status
        if type(_v) is not str:
            _v = check_session_status(_v)
        self.status = _v
        _v = s.type_
        if type(_v) is not str:
            _v = check_session_type(_v)
        self.type_ = _v
        _v = s.ended_at
        if _v is not UNSET:
            try:
                _v = fromisoformat(_v)
            except (TypeError, ValueError):
                _v = parse_datetime(_v)
            else:
                if _v.tzinfo is None:
                    _v = _v.replace(tzinfo=UTC)
        self.ended_at = _v
        _breakout_rooms = s.breakout_rooms
        self.breakout_rooms = UNSET if _breakout_rooms is msgspec.UNSET else _breakout_rooms
        _meta = s.meta
        self.meta = UNSET if _meta is msgspec.UNSET else _meta
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
