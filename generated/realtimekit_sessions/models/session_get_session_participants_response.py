from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

import msgspec
from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import field_error
from ..models.participant_list import ParticipantList
from ..types import UNSET, Unset, as_object

_KEYS: frozenset[str] = frozenset(
    {
        "success",
        "data",
    }
)


@_attrs_define
class SessionGetSessionParticipantsResponse:
    """
    Attributes:
        success (bool | Unset):
        data (ParticipantList | Unset):
    """

    success: bool | Unset = UNSET
    data: ParticipantList | Unset = UNSET
    # Keys the spec does not know, kept so that to_dict() gives back everything that came in. None until
    # there is one: most objects have none, and an empty dict per object is memory for nothing.
    _extra: dict[str, Any] | None = _attrs_field(init=False, default=None, alias="_extra")

    class _Shape(msgspec.Struct, kw_only=True, gc=False, forbid_unknown_fields=True):
        """The JSON object as msgspec decodes it on the fast path (see _from_shape)."""

        success: Any = UNSET
        data: ParticipantList._Shape | msgspec.UnsetType = msgspec.UNSET

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = dict(self._extra) if self._extra else {}
        if self.success is not UNSET:
            field_dict["success"] = self.success
        if not isinstance(self.data, Unset):
            field_dict["data"] = self.data.to_dict()
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = src_dict if type(src_dict) is dict else as_object(src_dict)
        self = cls.__new__(cls)
        _field: str | None = None
        _missing = 0  # optional fields absent: with len(d), tells whether d holds keys the spec does not know
        try:
            _v = d.get("success", UNSET)
            if _v is UNSET:
                _missing += 1
            self.success = _v
            _v = d.get("data", UNSET)
            if _v is not UNSET:
                _field = "data"
                _v = ParticipantList.from_dict(_v)
            else:
                _missing += 1
            self.data = _v
        except Exception as exc:  # noqa: BLE001 - re-raised below as a located ModelParseError
            raise field_error("SessionGetSessionParticipantsResponse", _field, d, exc)
        if len(d) + _missing == 2:
            self._extra = None
        else:
            self._extra = {k: v for k, v in d.items() if k not in _KEYS}
        return self

    @classmethod
    def _from_shape(cls, s: SessionGetSessionParticipantsResponse._Shape) -> Self:
        """The model from its decoded shape: from_dict's work without the lookups, the located errors or the
        unknown keys (a shape has none: msgspec refused it). Used by client.load_json, which falls back to
        from_dict whenever msgspec or this method refuses a body."""
        self = cls.__new__(cls)
        self.success = s.success
        _data = s.data
        self.data = UNSET if _data is msgspec.UNSET else ParticipantList._from_shape(_data)
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
