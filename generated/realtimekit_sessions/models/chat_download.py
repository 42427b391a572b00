from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self

import msgspec
from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import field_error
from ..types import UTC, as_object, format_datetime, fromisoformat, parse_datetime

_KEYS: frozenset[str] = frozenset(
    {
        "chat_download_url",
        "chat_download_url_expiry",
    }
)


@_attrs_define
class ChatDownload:
    """
    Attributes:
        chat_download_url (str): URL where the chat log can be downloaded: a CSV file whose rows are described by the
            ChatMessage component.
        chat_download_url_expiry (datetime.datetime | str): Time when the download URL will expire.
    """

    chat_download_url: str
    chat_download_url_expiry: datetime.datetime | str
    # Keys the spec does not know, kept so that to_dict() gives back everything that came in. None until
    # there is one: most objects have none, and an empty dict per object is memory for nothing.
    _extra: dict[str, Any] | None = _attrs_field(init=False, default=None, alias="_extra")

    class _Shape(msgspec.Struct, kw_only=True, gc=False, forbid_unknown_fields=True):
        """The JSON object as msgspec decodes it on the fast path (see _from_shape)."""

        chat_download_url: Any
        chat_download_url_expiry: Any

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = dict(self._extra) if self._extra else {}
        field_dict["chat_download_url"] = self.chat_download_url
        field_dict["chat_download_url_expiry"] = format_datetime(self.chat_download_url_expiry)
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = src_dict if type(src_dict) is dict else as_object(src_dict)
        self = cls.__new__(cls)
        _field: str | None = None
        try:
            _field = "chat_download_url"
            self.chat_download_url = d["chat_download_url"]
            _field = "chat_download_url_expiry"
            _v = d["chat_download_url_expiry"]
            try:
                _v = fromisoformat(_v)
            except (TypeError, ValueError):
                _v = parse_datetime(_v)
            else:
                if _v.tzinfo is None:
                    _v = _v.replace(tzinfo=UTC)
            self.chat_download_url_expiry = _v
        except Exception as exc:  # noqa: BLE001 - re-raised below as a located ModelParseError
            raise field_error("ChatDownload", _field, d, exc)
        if len(d) == 2:
            self._extra = None
        else:
            self._extra = {k: v for k, v in d.items() if k not in _KEYS}
        return self

    @classmethod
    def _from_shape(cls, s: ChatDownload._Shape) -> Self:
        """The model from its decoded shape: from_dict's work without the lookups, the located errors or the
        unknown keys (a shape has none: msgspec refused it). Used by client.load_json, which falls back to
        from_dict whenever msgspec or this method refuses a body."""
        self = cls.__new__(cls)
        self.chat_download_url = s.chat_download_url
        _v = s.chat_download_url_expiry
        try:
            _v = fromisoformat(_v)
        except (TypeError, ValueError):
            _v = parse_datetime(_v)
        else:
            if _v.tzinfo is None:
                _v = _v.replace(tzinfo=UTC)
        self.chat_download_url_expiry = _v
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
