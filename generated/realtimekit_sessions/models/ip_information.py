from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.asn import Asn


T = TypeVar("T", bound="IpInformation")


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
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        ipv4 = self.ipv4

        city = self.city

        region = self.region

        country = self.country

        timezone = self.timezone

        org = self.org

        asn: dict[str, Any] | Unset = UNSET
        if not isinstance(self.asn, Unset):
            asn = self.asn.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if ipv4 is not UNSET:
            field_dict["ipv4"] = ipv4
        if city is not UNSET:
            field_dict["city"] = city
        if region is not UNSET:
            field_dict["region"] = region
        if country is not UNSET:
            field_dict["country"] = country
        if timezone is not UNSET:
            field_dict["timezone"] = timezone
        if org is not UNSET:
            field_dict["org"] = org
        if asn is not UNSET:
            field_dict["asn"] = asn

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.asn import Asn

        d = dict(src_dict)
        ipv4 = d.pop("ipv4", UNSET)

        city = d.pop("city", UNSET)

        region = d.pop("region", UNSET)

        country = d.pop("country", UNSET)

        timezone = d.pop("timezone", UNSET)

        org = d.pop("org", UNSET)

        _asn = d.pop("asn", UNSET)
        asn: Asn | Unset
        if isinstance(_asn, Unset):
            asn = UNSET
        else:
            asn = Asn.from_dict(_asn)

        ip_information = cls(
            ipv4=ipv4,
            city=city,
            region=region,
            country=country,
            timezone=timezone,
            org=org,
            asn=asn,
        )

        ip_information.additional_properties = d
        return ip_information

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
