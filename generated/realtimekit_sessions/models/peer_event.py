from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self

import msgspec
from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import field_error
from ..models.peer_event_name import PeerEventName, check_peer_event_name
from ..models.preset_view_type import PresetViewType, check_preset_view_type
from ..types import UNSET, UTC, Unset, as_object, format_datetime, fromisoformat, parse_datetime

_KEYS: frozenset[str] = frozenset(
    {
        "id",
        "event_name",
        "peer_id",
        "participant_id",
        "session_id",
        "socket_session_id",
        "preset_view_type",
        "minutes_consumed",
        "created_at",
        "updated_at",
    }
)


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
        created_at (datetime.datetime | str | Unset): Timestamp when this peer event was created.
        updated_at (datetime.datetime | str | Unset): Timestamp when this peer event was last updated.
    """

    id: str | Unset = UNSET
    event_name: PeerEventName | Unset = UNSET
    peer_id: str | Unset = UNSET
    participant_id: None | str | Unset = UNSET
    session_id: None | str | Unset = UNSET
    socket_session_id: None | str | Unset = UNSET
    preset_view_type: None | PresetViewType | Unset = UNSET
    minutes_consumed: float | Unset = UNSET
    created_at: datetime.datetime | str | Unset = UNSET
    updated_at: datetime.datetime | str | Unset = UNSET
    # Keys the spec does not know, kept so that to_dict() gives back everything that came in. None until
    # there is one: most objects have none, and an empty dict per object is memory for nothing.
    _extra: dict[str, Any] | None = _attrs_field(init=False, default=None, alias="_extra")

    class _Shape(msgspec.Struct, kw_only=True, gc=False, forbid_unknown_fields=True):
        """The JSON object as msgspec decodes it on the fast path (see _from_shape)."""

        id: Any = UNSET
        event_name: Any = UNSET
        peer_id: Any = UNSET
        participant_id: Any = UNSET
        session_id: Any = UNSET
        socket_session_id: Any = UNSET
        preset_view_type: Any = UNSET
        minutes_consumed: Any = UNSET
        created_at: Any = UNSET
        updated_at: Any = UNSET

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = dict(self._extra) if self._extra else {}
        if self.id is not UNSET:
            field_dict["id"] = self.id
        if not isinstance(self.event_name, Unset):
            field_dict["event_name"] = self.event_name
        if self.peer_id is not UNSET:
            field_dict["peer_id"] = self.peer_id
        if self.participant_id is not UNSET:
            field_dict["participant_id"] = self.participant_id
        if self.session_id is not UNSET:
            field_dict["session_id"] = self.session_id
        if self.socket_session_id is not UNSET:
            field_dict["socket_session_id"] = self.socket_session_id
        if not isinstance(self.preset_view_type, Unset):
            field_dict["preset_view_type"] = None if self.preset_view_type is None else self.preset_view_type
        if self.minutes_consumed is not UNSET:
            field_dict["minutes_consumed"] = self.minutes_consumed
        if not isinstance(self.created_at, Unset):
            field_dict["created_at"] = format_datetime(self.created_at)
        if not isinstance(self.updated_at, Unset):
            field_dict["updated_at"] = format_datetime(self.updated_at)
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = src_dict if type(src_dict) is dict else as_object(src_dict)
        self = cls.__new__(cls)
        _field: str | None = None
        _missing = 0  # optional fields absent: with len(d), tells whether d holds keys the spec does not know
        try:
            _v = d.get("id", UNSET)
            if _v is UNSET:
                _missing += 1
            self.id = _v
            _v = d.get("event_name", UNSET)
            if _v is UNSET:
                _missing += 1
            elif type(_v) is not str:
                _field = "event_name"
                _v = check_peer_event_name(_v)
            self.event_name = _v
            _v = d.get("peer_id", UNSET)
            if _v is UNSET:
                _missing += 1
            self.peer_id = _v
            _v = d.get("participant_id", UNSET)
            if _v is UNSET:
                _missing += 1
            self.participant_id = _v
            _v = d.get("session_id", UNSET)
            if _v is UNSET:
                _missing += 1
            self.session_id = _v
            _v = d.get("socket_session_id", UNSET)
            if _v is UNSET:
                _missing += 1
            self.socket_session_id = _v
            _v = d.get("preset_view_type", UNSET)
            if _v is UNSET:
                _missing += 1
            elif _v is not None and type(_v) is not str:
                _field = "preset_view_type"
                _v = check_preset_view_type(_v)
            self.preset_view_type = _v
            _v = d.get("minutes_consumed", UNSET)
            if _v is UNSET:
                _missing += 1
            self.minutes_consumed = _v
            _v = d.get("created_at", UNSET)
            if _v is not UNSET:
                _field = "created_at"
                try:
                    _v = fromisoformat(_v)
                except (TypeError, ValueError):
                    _v = parse_datetime(_v)
                else:
                    if _v.tzinfo is None:
                        _v = _v.replace(tzinfo=UTC)
            else:
                _missing += 1
            self.created_at = _v
            _v = d.get("updated_at", UNSET)
            if _v is not UNSET:
                _field = "updated_at"
                try:
                    _v = fromisoformat(_v)
                except (TypeError, ValueError):
                    _v = parse_datetime(_v)
                else:
                    if _v.tzinfo is None:
                        _v = _v.replace(tzinfo=UTC)
            else:
                _missing += 1
            self.updated_at = _v
        except Exception as exc:  # noqa: BLE001 - re-raised below as a located ModelParseError
            raise field_error("PeerEvent", _field, d, exc)
        if len(d) + _missing == 10:
            self._extra = None
        else:
            self._extra = {k: v for k, v in d.items() if k not in _KEYS}
        return self

    @classmethod
    def _from_shape(cls, s: PeerEvent._Shape) -> Self:
        """The model from its decoded shape: from_dict's work without the lookups, the located errors or the
        unknown keys (a shape has none: msgspec refused it). Used by client.load_json, which falls back to
        from_dict whenever msgspec or this method refuses a body."""
        self = cls.__new__(cls)
        self.id = s.id
        _v = s.event_name
        if _v is not UNSET and type(_v) is not str:
            _v = check_peer_event_name(_v)
        self.event_name = _v
        self.peer_id = s.peer_id
        self.participant_id = s.participant_id
        self.session_id = s.session_id
        self.socket_session_id = s.socket_session_id
        _v = s.preset_view_type
        if _v is not UNSET and _v is not None and type(_v) is not str:
            _v = check_preset_view_type(_v)
        self.preset_view_type = _v
        self.minutes_consumed = s.minutes_consumed
        _v = s.created_at
        if _v is not UNSET:
            try:
                _v = fromisoformat(_v)
            except (TypeError, ValueError):
                _v = parse_datetime(_v)
            else:
                if _v.tzinfo is None:
                    _v = _v.replace(tzinfo=UTC)
        self.created_at = _v
        _v = s.updated_at
        if _v is not UNSET:
            try:
                _v = fromisoformat(_v)
            except (TypeError, ValueError):
                _v = parse_datetime(_v)
            else:
                if _v.tzinfo is None:
                    _v = _v.replace(tzinfo=UTC)
        self.updated_at = _v
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
