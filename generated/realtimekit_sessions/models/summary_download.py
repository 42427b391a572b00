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
        "sessionId",
        "summaryDownloadUrl",
        "summaryDownloadUrlExpiry",
    }
)


@_attrs_define
class SummaryDownload:
    """
    Attributes:
        session_id (str): ID of the session.
        summary_download_url (str): URL where the summary of the transcript can be downloaded.
        summary_download_url_expiry (datetime.datetime | str): Time before which the summary must be downloaded.
    """

    session_id: str
    summary_download_url: str
    summary_download_url_expiry: datetime.datetime | str
    # Keys the spec does not know, kept so that to_dict() gives back everything that came in. None until
    # there is one: most objects have none, and an empty dict per object is memory for nothing.
    _extra: dict[str, Any] | None = _attrs_field(init=False, default=None, alias="_extra")

    class _Shape(msgspec.Struct, kw_only=True, gc=False, forbid_unknown_fields=True):
        """The JSON object as msgspec decodes it on the fast path (see _from_shape)."""

        session_id: Any = msgspec.field(name="sessionId")
        summary_download_url: Any = msgspec.field(name="summaryDownloadUrl")
        summary_download_url_expiry: Any = msgspec.field(name="summaryDownloadUrlExpiry")

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = dict(self._extra) if self._extra else {}
        field_dict["sessionId"] = self.session_id
        field_dict["summaryDownloadUrl"] = self.summary_download_url
        field_dict["summaryDownloadUrlExpiry"] = format_datetime(self.summary_download_url_expiry)
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = src_dict if type(src_dict) is dict else as_object(src_dict)
        self = cls.__new__(cls)
        _field: str | None = None
        try:
            _field = "sessionId"
            self.session_id = d["sessionId"]
            _field = "summaryDownloadUrl"
            self.summary_download_url = d["summaryDownloadUrl"]
            _field = "summaryDownloadUrlExpiry"
            _v = d["summaryDownloadUrlExpiry"]
            try:
                _v = fromisoformat(_v)
            except (TypeError, ValueError):
                _v = parse_datetime(_v)
            else:
                if _v.tzinfo is None:
                    _v = _v.replace(tzinfo=UTC)
            self.summary_download_url_expiry = _v
        except Exception as exc:  # noqa: BLE001 - re-raised below as a located ModelParseError
            raise field_error("SummaryDownload", _field, d, exc)
        if len(d) == 3:
            self._extra = None
        else:
            self._extra = {k: v for k, v in d.items() if k not in _KEYS}
        return self

    @classmethod
    def _from_shape(cls, s: SummaryDownload._Shape) -> Self:
        """The model from its decoded shape: from_dict's work without the lookups, the located errors or the
        unknown keys (a shape has none: msgspec refused it). Used by client.load_json, which falls back to
        from_dict whenever msgspec or this method refuses a body."""
        self = cls.__new__(cls)
        self.session_id = s.session_id
        self.summary_download_url = s.summary_download_url
        _v = s.summary_download_url_expiry
        try:
            _v = fromisoformat(_v)
        except (TypeError, ValueError):
            _v = parse_datetime(_v)
        else:
            if _v.tzinfo is None:
                _v = _v.replace(tzinfo=UTC)
        self.summary_download_url_expiry = _v
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
