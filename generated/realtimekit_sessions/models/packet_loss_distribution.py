from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

T = TypeVar("T", bound="PacketLossDistribution")


@_attrs_define
class PacketLossDistribution:
    """Cumulative packet loss distribution (percent thresholds).

    Attributes:
        avg (float | Unset): Average packet loss in percent.
        field_5_or_greater_event_fraction (float | Unset):
        field_10_or_greater_event_fraction (float | Unset):
        field_25_or_greater_event_fraction (float | Unset):
        field_50_or_greater_event_fraction (float | Unset):
    """

    avg: float | Unset = UNSET
    field_5_or_greater_event_fraction: float | Unset = UNSET
    field_10_or_greater_event_fraction: float | Unset = UNSET
    field_25_or_greater_event_fraction: float | Unset = UNSET
    field_50_or_greater_event_fraction: float | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        avg = self.avg

        field_5_or_greater_event_fraction = self.field_5_or_greater_event_fraction

        field_10_or_greater_event_fraction = self.field_10_or_greater_event_fraction

        field_25_or_greater_event_fraction = self.field_25_or_greater_event_fraction

        field_50_or_greater_event_fraction = self.field_50_or_greater_event_fraction

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if avg is not UNSET:
            field_dict["avg"] = avg
        if field_5_or_greater_event_fraction is not UNSET:
            field_dict["5_or_greater_event_fraction"] = field_5_or_greater_event_fraction
        if field_10_or_greater_event_fraction is not UNSET:
            field_dict["10_or_greater_event_fraction"] = field_10_or_greater_event_fraction
        if field_25_or_greater_event_fraction is not UNSET:
            field_dict["25_or_greater_event_fraction"] = field_25_or_greater_event_fraction
        if field_50_or_greater_event_fraction is not UNSET:
            field_dict["50_or_greater_event_fraction"] = field_50_or_greater_event_fraction

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        avg = d.pop("avg", UNSET)

        field_5_or_greater_event_fraction = d.pop("5_or_greater_event_fraction", UNSET)

        field_10_or_greater_event_fraction = d.pop("10_or_greater_event_fraction", UNSET)

        field_25_or_greater_event_fraction = d.pop("25_or_greater_event_fraction", UNSET)

        field_50_or_greater_event_fraction = d.pop("50_or_greater_event_fraction", UNSET)

        packet_loss_distribution = cls(
            avg=avg,
            field_5_or_greater_event_fraction=field_5_or_greater_event_fraction,
            field_10_or_greater_event_fraction=field_10_or_greater_event_fraction,
            field_25_or_greater_event_fraction=field_25_or_greater_event_fraction,
            field_50_or_greater_event_fraction=field_50_or_greater_event_fraction,
        )

        packet_loss_distribution.additional_properties = d
        return packet_loss_distribution

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
