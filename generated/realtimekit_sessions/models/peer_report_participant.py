from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self

import msgspec
from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import field_error
from ..models.peer_event import PeerEvent
from ..models.peer_report import PeerReport
from ..types import UNSET, UTC, Unset, as_list, as_object, format_datetime, fromisoformat, parse_datetime

_KEYS: frozenset[str] = frozenset(
    {
        "id",
        "session_id",
        "user_id",
        "custom_participant_id",
        "display_name",
        "role",
        "created_at",
        "updated_at",
        "joined_at",
        "left_at",
        "duration",
        "peer_events",
        "peer_report",
    }
)


@_attrs_define
class PeerReportParticipant:
    """A participant as the peer report shows it: like Participant, with `role` where Participant has `preset_name`, plus
    the session ID and the peer report itself.

        Attributes:
            id (str | Unset): ID of the participant (a UUID in Cloudflare's document; a plain string here, see SummaryJob).
            session_id (str | Unset): ID of the session (a UUID in Cloudflare's document; a plain string here, see
                SummaryJob).
            user_id (str | Unset): User id for this participant.
            custom_participant_id (str | Unset): ID passed by the client to create this participant.
            display_name (str | Unset): Display name of the participant when joining the session.
            role (str | Unset): Name of the preset associated with the participant.
            created_at (datetime.datetime | str | Unset): Timestamp when this participant was created.
            updated_at (datetime.datetime | str | Unset): Timestamp when this participant's data was last updated.
            joined_at (datetime.datetime | str | Unset): Timestamp at which the participant joined the session.
            left_at (datetime.datetime | str | Unset): Timestamp at which the participant left the session.
            duration (float | Unset): Number of minutes for which the participant was in the session.
            peer_events (list[PeerEvent] | Unset): Connection lifecycle events of the participant's peer.
            peer_report (PeerReport | Unset): Peer call statistics report.
    """

    id: str | Unset = UNSET
    session_id: str | Unset = UNSET
    user_id: str | Unset = UNSET
    custom_participant_id: str | Unset = UNSET
    display_name: str | Unset = UNSET
    role: str | Unset = UNSET
    created_at: datetime.datetime | str | Unset = UNSET
    updated_at: datetime.datetime | str | Unset = UNSET
    joined_at: datetime.datetime | str | Unset = UNSET
    left_at: datetime.datetime | str | Unset = UNSET
    duration: float | Unset = UNSET
    peer_events: list[PeerEvent] | Unset = UNSET
    peer_report: PeerReport | Unset = UNSET
    # Keys the spec does not know, kept so that to_dict() gives back everything that came in. None until
    # there is one: most objects have none, and an empty dict per object is memory for nothing.
    _extra: dict[str, Any] | None = _attrs_field(init=False, default=None, alias="_extra")

    class _Shape(msgspec.Struct, kw_only=True, gc=False, forbid_unknown_fields=True):
        """The JSON object as msgspec decodes it on the fast path (see _from_shape)."""

        id: Any = UNSET
        session_id: Any = UNSET
        user_id: Any = UNSET
        custom_participant_id: Any = UNSET
        display_name: Any = UNSET
        role: Any = UNSET
        created_at: Any = UNSET
        updated_at: Any = UNSET
        joined_at: Any = UNSET
        left_at: Any = UNSET
        duration: Any = UNSET
        peer_events: list[PeerEvent._Shape] | msgspec.UnsetType = msgspec.UNSET
        peer_report: PeerReport._Shape | msgspec.UnsetType = msgspec.UNSET

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = dict(self._extra) if self._extra else {}
        if self.id is not UNSET:
            field_dict["id"] = self.id
        if self.session_id is not UNSET:
            field_dict["session_id"] = self.session_id
        if self.user_id is not UNSET:
            field_dict["user_id"] = self.user_id
        if self.custom_participant_id is not UNSET:
            field_dict["custom_participant_id"] = self.custom_participant_id
        if self.display_name is not UNSET:
            field_dict["display_name"] = self.display_name
        if self.role is not UNSET:
            field_dict["role"] = self.role
        if not isinstance(self.created_at, Unset):
            field_dict["created_at"] = format_datetime(self.created_at)
        if not isinstance(self.updated_at, Unset):
            field_dict["updated_at"] = format_datetime(self.updated_at)
        if not isinstance(self.joined_at, Unset):
            field_dict["joined_at"] = format_datetime(self.joined_at)
        if not isinstance(self.left_at, Unset):
            field_dict["left_at"] = format_datetime(self.left_at)
        if self.duration is not UNSET:
            field_dict["duration"] = self.duration
        if not isinstance(self.peer_events, Unset):
            field_dict["peer_events"] = [_item.to_dict() for _item in self.peer_events]
        if not isinstance(self.peer_report, Unset):
            field_dict["peer_report"] = self.peer_report.to_dict()
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
            _v = d.get("session_id", UNSET)
            if _v is UNSET:
                _missing += 1
            self.session_id = _v
            _v = d.get("user_id", UNSET)
            if _v is UNSET:
                _missing += 1
            self.user_id = _v
            _v = d.get("custom_participant_id", UNSET)
            if _v is UNSET:
                _missing += 1
            self.custom_participant_id = _v
            _v = d.get("display_name", UNSET)
            if _v is UNSET:
                _missing += 1
            self.display_name = _v
            _v = d.get("role", UNSET)
            if _v is UNSET:
                _missing += 1
            self.role = _v
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
            _v = d.get("joined_at", UNSET)
            if _v is not UNSET:
                _field = "joined_at"
                try:
                    _v = fromisoformat(_v)
                except (TypeError, ValueError):
                    _v = parse_datetime(_v)
                else:
                    if _v.tzinfo is None:
                        _v = _v.replace(tzinfo=UTC)
            else:
                _missing += 1
            self.joined_at = _v
            _v = d.get("left_at", UNSET)
            if _v is not UNSET:
                _field = "left_at"
                try:
                    _v = fromisoformat(_v)
                except (TypeError, ValueError):
                    _v = parse_datetime(_v)
                else:
                    if _v.tzinfo is None:
                        _v = _v.replace(tzinfo=UTC)
            else:
                _missing += 1
            self.left_at = _v
            _v = d.get("duration", UNSET)
            if _v is UNSET:
                _missing += 1
            self.duration = _v
            _v = d.get("peer_events", UNSET)
            if _v is not UNSET:
                _field = "peer_events"
                _v = list(map(PeerEvent.from_dict, as_list(_v)))
            else:
                _missing += 1
            self.peer_events = _v
            _v = d.get("peer_report", UNSET)
            if _v is not UNSET:
                _field = "peer_report"
                _v = PeerReport.from_dict(_v)
            else:
                _missing += 1
            self.peer_report = _v
        except Exception as exc:  # noqa: BLE001 - re-raised below as a located ModelParseError
            raise field_error("PeerReportParticipant", _field, d, exc)
        if len(d) + _missing == 13:
            self._extra = None
        else:
            self._extra = {k: v for k, v in d.items() if k not in _KEYS}
        return self

    @classmethod
    def _from_shape(cls, s: PeerReportParticipant._Shape) -> Self:
        """The model from its decoded shape: from_dict's work without the lookups, the located errors or the
        unknown keys (a shape has none: msgspec refused it). Used by client.load_json, which falls back to
        from_dict whenever msgspec or this method refuses a body."""
        self = cls.__new__(cls)
        self.id = s.id
        self.session_id = s.session_id
        self.user_id = s.user_id
        self.custom_participant_id = s.custom_participant_id
        self.display_name = s.display_name
        self.role = s.role
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
        _v = s.joined_at
        if _v is not UNSET:
            try:
                _v = fromisoformat(_v)
            except (TypeError, ValueError):
                _v = parse_datetime(_v)
            else:
                if _v.tzinfo is None:
                    _v = _v.replace(tzinfo=UTC)
        self.joined_at = _v
        _v = s.left_at
        if _v is not UNSET:
            try:
                _v = fromisoformat(_v)
            except (TypeError, ValueError):
                _v = parse_datetime(_v)
            else:
                if _v.tzinfo is None:
                    _v = _v.replace(tzinfo=UTC)
        self.left_at = _v
        self.duration = s.duration
        _peer_events = s.peer_events
        self.peer_events = UNSET if _peer_events is msgspec.UNSET else list(map(PeerEvent._from_shape, _peer_events))
        _peer_report = s.peer_report
        self.peer_report = UNSET if _peer_report is msgspec.UNSET else PeerReport._from_shape(_peer_report)
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
