from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self

import msgspec
from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import field_error
from ..types import UNSET, UTC, Unset, as_object, format_datetime, fromisoformat, parse_datetime

_KEYS: frozenset[str] = frozenset(
    {
        "id",
        "participantId",
        "sessionId",
        "meetingId",
        "displayName",
        "pinned",
        "isEdited",
        "payloadType",
        "payload",
        "createdAt",
    }
)


@_attrs_define
class ChatMessage:
    """One row of the chat export (the CSV file behind chat_download_url), read with `types.read_csv(download.content,
    ChatMessage.from_dict)`. The columns are those of RealtimeKit's chat export guide; no API operation returns this
    object, and columns the guide does not name are kept as additional properties.

        Attributes:
            id (str | Unset): ID of the message.
            participant_id (str | Unset): ID of the participant who sent it.
            session_id (str | Unset): ID of the session.
            meeting_id (str | Unset): ID of the meeting.
            display_name (str | Unset): Display name of the sender.
            pinned (bool | Unset): Whether the message was pinned.
            is_edited (bool | Unset): Whether the message was edited.
            payload_type (str | Unset): Kind of message, such as TEXT_MESSAGE, IMAGE_MESSAGE or FILE_MESSAGE.
            payload (str | Unset): The text, or the URL of the image or file.
            created_at (datetime.datetime | str | Unset): When the message was sent.
    """

    id: str | Unset = UNSET
    participant_id: str | Unset = UNSET
    session_id: str | Unset = UNSET
    meeting_id: str | Unset = UNSET
    display_name: str | Unset = UNSET
    pinned: bool | Unset = UNSET
    is_edited: bool | Unset = UNSET
    payload_type: str | Unset = UNSET
    payload: str | Unset = UNSET
    created_at: datetime.datetime | str | Unset = UNSET
    # Keys the spec does not know, kept so that to_dict() gives back everything that came in. None until
    # there is one: most objects have none, and an empty dict per object is memory for nothing.
    _extra: dict[str, Any] | None = _attrs_field(init=False, default=None, alias="_extra")

    class _Shape(msgspec.Struct, kw_only=True, gc=False, forbid_unknown_fields=True):
        """The JSON object as msgspec decodes it on the fast path (see _from_shape)."""

        id: Any = UNSET
        participant_id: Any = msgspec.field(default=UNSET, name="participantId")
        session_id: Any = msgspec.field(default=UNSET, name="sessionId")
        meeting_id: Any = msgspec.field(default=UNSET, name="meetingId")
        display_name: Any = msgspec.field(default=UNSET, name="displayName")
        pinned: Any = UNSET
        is_edited: Any = msgspec.field(default=UNSET, name="isEdited")
        payload_type: Any = msgspec.field(default=UNSET, name="payloadType")
        payload: Any = UNSET
        created_at: Any = msgspec.field(default=UNSET, name="createdAt")

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = dict(self._extra) if self._extra else {}
        if self.id is not UNSET:
            field_dict["id"] = self.id
        if self.participant_id is not UNSET:
            field_dict["participantId"] = self.participant_id
        if self.session_id is not UNSET:
            field_dict["sessionId"] = self.session_id
        if self.meeting_id is not UNSET:
            field_dict["meetingId"] = self.meeting_id
        if self.display_name is not UNSET:
            field_dict["displayName"] = self.display_name
        if self.pinned is not UNSET:
            field_dict["pinned"] = self.pinned
        if self.is_edited is not UNSET:
            field_dict["isEdited"] = self.is_edited
        if self.payload_type is not UNSET:
            field_dict["payloadType"] = self.payload_type
        if self.payload is not UNSET:
            field_dict["payload"] = self.payload
        if not isinstance(self.created_at, Unset):
            field_dict["createdAt"] = format_datetime(self.created_at)
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
            _v = d.get("participantId", UNSET)
            if _v is UNSET:
                _missing += 1
            self.participant_id = _v
            _v = d.get("sessionId", UNSET)
            if _v is UNSET:
                _missing += 1
            self.session_id = _v
            _v = d.get("meetingId", UNSET)
            if _v is UNSET:
                _missing += 1
            self.meeting_id = _v
            _v = d.get("displayName", UNSET)
            if _v is UNSET:
                _missing += 1
            self.display_name = _v
            _v = d.get("pinned", UNSET)
            if _v is UNSET:
                _missing += 1
            self.pinned = _v
            _v = d.get("isEdited", UNSET)
            if _v is UNSET:
                _missing += 1
            self.is_edited = _v
            _v = d.get("payloadType", UNSET)
            if _v is UNSET:
                _missing += 1
            self.payload_type = _v
            _v = d.get("payload", UNSET)
            if _v is UNSET:
                _missing += 1
            self.payload = _v
            _v = d.get("createdAt", UNSET)
            if _v is not UNSET:
                _field = "createdAt"
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
        except Exception as exc:  # noqa: BLE001 - re-raised below as a located ModelParseError
            raise field_error("ChatMessage", _field, d, exc)
        if len(d) + _missing == 10:
            self._extra = None
        else:
            self._extra = {k: v for k, v in d.items() if k not in _KEYS}
        return self

    @classmethod
    def _from_shape(cls, s: ChatMessage._Shape) -> Self:
        """The model from its decoded shape: from_dict's work without the lookups, the located errors or the
        unknown keys (a shape has none: msgspec refused it). Used by client.load_json, which falls back to
        from_dict whenever msgspec or this method refuses a body."""
        self = cls.__new__(cls)
        self.id = s.id
        self.participant_id = s.participant_id
        self.session_id = s.session_id
        self.meeting_id = s.meeting_id
        self.display_name = s.display_name
        self.pinned = s.pinned
        self.is_edited = s.is_edited
        self.payload_type = s.payload_type
        self.payload = s.payload
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
