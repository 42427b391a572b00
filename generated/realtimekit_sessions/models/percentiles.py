from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

T = TypeVar("T", bound="Percentiles")


@_attrs_define
class Percentiles:
    """Distribution summary with average and percentiles.

    Attributes:
        avg (float | Unset):
        p50 (float | Unset):
        p75 (float | Unset):
        p90 (float | Unset):
    """

    avg: float | Unset = UNSET
    p50: float | Unset = UNSET
    p75: float | Unset = UNSET
    p90: float | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        avg = self.avg

        p50 = self.p50

        p75 = self.p75

        p90 = self.p90

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if avg is not UNSET:
            field_dict["avg"] = avg
        if p50 is not UNSET:
            field_dict["p50"] = p50
        if p75 is not UNSET:
            field_dict["p75"] = p75
        if p90 is not UNSET:
            field_dict["p90"] = p90

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        avg = d.pop("avg", UNSET)

        p50 = d.pop("p50", UNSET)

        p75 = d.pop("p75", UNSET)

        p90 = d.pop("p90", UNSET)

        percentiles = cls(
            avg=avg,
            p50=p50,
            p75=p75,
            p90=p90,
        )

        percentiles.additional_properties = d
        return percentiles

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
