from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

T = TypeVar("T", bound="VideoProducerIssues")


@_attrs_define
class VideoProducerIssues:
    """Fractions of the call the outgoing video was degraded, by cause.

    Attributes:
        bandwidth_quality_limitation_fraction (float | Unset):
        cpu_quality_limitation_fraction (float | Unset):
        quality_limitation_fraction (float | Unset):
        no_video_fraction (float | Unset):
        poor_resolution_fraction (float | Unset):
    """

    bandwidth_quality_limitation_fraction: float | Unset = UNSET
    cpu_quality_limitation_fraction: float | Unset = UNSET
    quality_limitation_fraction: float | Unset = UNSET
    no_video_fraction: float | Unset = UNSET
    poor_resolution_fraction: float | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        bandwidth_quality_limitation_fraction = self.bandwidth_quality_limitation_fraction

        cpu_quality_limitation_fraction = self.cpu_quality_limitation_fraction

        quality_limitation_fraction = self.quality_limitation_fraction

        no_video_fraction = self.no_video_fraction

        poor_resolution_fraction = self.poor_resolution_fraction

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if bandwidth_quality_limitation_fraction is not UNSET:
            field_dict["bandwidth_quality_limitation_fraction"] = bandwidth_quality_limitation_fraction
        if cpu_quality_limitation_fraction is not UNSET:
            field_dict["cpu_quality_limitation_fraction"] = cpu_quality_limitation_fraction
        if quality_limitation_fraction is not UNSET:
            field_dict["quality_limitation_fraction"] = quality_limitation_fraction
        if no_video_fraction is not UNSET:
            field_dict["no_video_fraction"] = no_video_fraction
        if poor_resolution_fraction is not UNSET:
            field_dict["poor_resolution_fraction"] = poor_resolution_fraction

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        bandwidth_quality_limitation_fraction = d.pop("bandwidth_quality_limitation_fraction", UNSET)

        cpu_quality_limitation_fraction = d.pop("cpu_quality_limitation_fraction", UNSET)

        quality_limitation_fraction = d.pop("quality_limitation_fraction", UNSET)

        no_video_fraction = d.pop("no_video_fraction", UNSET)

        poor_resolution_fraction = d.pop("poor_resolution_fraction", UNSET)

        video_producer_issues = cls(
            bandwidth_quality_limitation_fraction=bandwidth_quality_limitation_fraction,
            cpu_quality_limitation_fraction=cpu_quality_limitation_fraction,
            quality_limitation_fraction=quality_limitation_fraction,
            no_video_fraction=no_video_fraction,
            poor_resolution_fraction=poor_resolution_fraction,
        )

        video_producer_issues.additional_properties = d
        return video_producer_issues

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
