from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.peer_metadata import PeerMetadata
    from ..models.peer_quality import PeerQuality


T = TypeVar("T", bound="PeerReport")


@_attrs_define
class PeerReport:
    """Peer call statistics report.

    Attributes:
        metadata (PeerMetadata | Unset): Connection and device metadata for the participant.
        quality (PeerQuality | Unset): Media quality statistics for the participant: samples taken through the call per
            direction (producer = sending, consumer = receiving) and medium, with a cumulative summary of each. Screen-share
            audio and video share the shapes of camera audio and video.
    """

    metadata: PeerMetadata | Unset = UNSET
    quality: PeerQuality | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        quality: dict[str, Any] | Unset = UNSET
        if not isinstance(self.quality, Unset):
            quality = self.quality.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if quality is not UNSET:
            field_dict["quality"] = quality

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.peer_metadata import PeerMetadata
        from ..models.peer_quality import PeerQuality

        d = dict(src_dict)
        _metadata = d.pop("metadata", UNSET)
        metadata: PeerMetadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = PeerMetadata.from_dict(_metadata)

        _quality = d.pop("quality", UNSET)
        quality: PeerQuality | Unset
        if isinstance(_quality, Unset):
            quality = UNSET
        else:
            quality = PeerQuality.from_dict(_quality)

        peer_report = cls(
            metadata=metadata,
            quality=quality,
        )

        peer_report.additional_properties = d
        return peer_report

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
