from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

T = TypeVar("T", bound="DeviceInfo")


@_attrs_define
class DeviceInfo:
    """
    Attributes:
        os (str | Unset): Operating system.
        os_version (str | Unset): Version of the operating system.
        cpus (float | Unset): Number of logical CPUs.
        is_mobile (bool | Unset): Whether the device is a phone or tablet.
    """

    os: str | Unset = UNSET
    os_version: str | Unset = UNSET
    cpus: float | Unset = UNSET
    is_mobile: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        os = self.os

        os_version = self.os_version

        cpus = self.cpus

        is_mobile = self.is_mobile

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if os is not UNSET:
            field_dict["os"] = os
        if os_version is not UNSET:
            field_dict["os_version"] = os_version
        if cpus is not UNSET:
            field_dict["cpus"] = cpus
        if is_mobile is not UNSET:
            field_dict["is_mobile"] = is_mobile

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        os = d.pop("os", UNSET)

        os_version = d.pop("os_version", UNSET)

        cpus = d.pop("cpus", UNSET)

        is_mobile = d.pop("is_mobile", UNSET)

        device_info = cls(
            os=os,
            os_version=os_version,
            cpus=cpus,
            is_mobile=is_mobile,
        )

        device_info.additional_properties = d
        return device_info

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
