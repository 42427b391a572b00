from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

T = TypeVar("T", bound="Asn")


@_attrs_define
class Asn:
    """The autonomous system the peer's address belongs to.

    Attributes:
        asn (str | Unset):
        name (str | Unset):
        domain (str | Unset):
        route (str | Unset):
        type_ (str | Unset):
    """

    asn: str | Unset = UNSET
    name: str | Unset = UNSET
    domain: str | Unset = UNSET
    route: str | Unset = UNSET
    type_: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        asn = self.asn

        name = self.name

        domain = self.domain

        route = self.route

        type_ = self.type_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if asn is not UNSET:
            field_dict["asn"] = asn
        if name is not UNSET:
            field_dict["name"] = name
        if domain is not UNSET:
            field_dict["domain"] = domain
        if route is not UNSET:
            field_dict["route"] = route
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        asn = d.pop("asn", UNSET)

        name = d.pop("name", UNSET)

        domain = d.pop("domain", UNSET)

        route = d.pop("route", UNSET)

        type_ = d.pop("type", UNSET)

        asn = cls(
            asn=asn,
            name=name,
            domain=domain,
            route=route,
            type_=type_,
        )

        asn.additional_properties = d
        return asn

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
