from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

import msgspec
from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import field_error
from ..models.asn import Asn
from ..types import UNSET, Unset, as_object

_KEYS: frozenset[str] = frozenset(
    {
        "ipv4",
        "city",
        "region",
        "country",
        "timezone",
        "org",
        "asn",
    }
)


@_attrs_define
class IpInformation:
    """Where the peer's public address is.

    Attributes:
        ipv4 (str | Unset):
        city (str | Unset):
        region (str | Unset):
        country (str | Unset):
        timezone (str | Unset):
        org (str | Unset):
        asn (Asn | Unset): The autonomous system the peer's address belongs to.
    """

    ipv4: str | Unset = UNSET
    city: str | Unset = UNSET
    region: str | Unset = UNSET
    country: str | Unset = UNSET
    timezone: str | Unset = UNSET
    org: str | Unset = UNSET
    asn: Asn | Unset = UNSET
    # Keys the spec does not know, kept so that to_dict() gives back everything that came in. None until
    # there is one: most objects have none, and an empty dict per object is memory for nothing.
    _extra: dict[str, Any] | None = _attrs_field(init=False, default=None, alias="_extra")

    class _Shape(msgspec.Struct, kw_only=True, gc=False, forbid_unknown_fields=True):
        """The JSON object as msgspec decodes it on the fast path (see _from_shape)."""

        ipv4: Any = UNSET
        city: Any = UNSET
        region: Any = UNSET
        country: Any = UNSET
        timezone: Any = UNSET
        org: Any = UNSET
        asn: Asn._Shape | msgspec.UnsetType = msgspec.UNSET

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = dict(self._extra) if self._extra else {}
        if self.ipv4 is not UNSET:
            field_dict["ipv4"] = self.ipv4
        if self.city is not UNSET:
            field_dict["city"] = self.city
        if self.region is not UNSET:
            field_dict["region"] = self.region
        if self.country is not UNSET:
            field_dict["country"] = self.country
        if self.timezone is not UNSET:
            field_dict["timezone"] = self.timezone
        if self.org is not UNSET:
            field_dict["org"] = self.org
        if not isinstance(self.asn, Unset):
            field_dict["asn"] = self.asn.to_dict()
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = src_dict if type(src_dict) is dict else as_object(src_dict)
        self = cls.__new__(cls)
        _field: str | None = None
        _missing = 0  # optional fields absent: with len(d), tells whether d holds keys the spec does not know
        try:
            _v = d.get("ipv4", UNSET)
            if _v is UNSET:
                _missing += 1
            self.ipv4 = _v
            _v = d.get("city", UNSET)
            if _v is UNSET:
                _missing += 1
            self.city = _v
            _v = d.get("region", UNSET)
            if _v is UNSET:
                _missing += 1
            self.region = _v
            _v = d.get("country", UNSET)
            if _v is UNSET:
                _missing += 1
            self.country = _v
            _v = d.get("timezone", UNSET)
            if _v is UNSET:
                _missing += 1
            self.timezone = _v
            _v = d.get("org", UNSET)
            if _v is UNSET:
                _missing += 1
            self.org = _v
            _v = d.get("asn", UNSET)
            if _v is not UNSET:
                _field = "asn"
                _v = Asn.from_dict(_v)
            else:
                _missing += 1
            self.asn = _v
        except Exception as exc:  # noqa: BLE001 - re-raised below as a located ModelParseError
            raise field_error("IpInformation", _field, d, exc)
        if len(d) + _missing == 7:
            self._extra = None
        else:
            self._extra = {k: v for k, v in d.items() if k not in _KEYS}
        return self

    @classmethod
    def _from_shape(cls, s: IpInformation._Shape) -> Self:
        """The model from its decoded shape: from_dict's work without the lookups, the located errors or the
        unknown keys (a shape has none: msgspec refused it). Used by client.load_json, which falls back to
        from_dict whenever msgspec or this method refuses a body."""
        self = cls.__new__(cls)
        self.ipv4 = s.ipv4
        self.city = s.city
        self.region = s.region
        self.country = s.country
        self.timezone = s.timezone
        self.org = s.org
        _asn = s.asn
        self.asn = UNSET if _asn is msgspec.UNSET else Asn._from_shape(_asn)
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
