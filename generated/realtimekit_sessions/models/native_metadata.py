from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

T = TypeVar("T", bound="NativeMetadata")


@_attrs_define
class NativeMetadata:
    """Codecs of a native (mobile) client.

    Attributes:
        audio_encoder (str | Unset):
        video_encoder (str | Unset):
    """

    audio_encoder: str | Unset = UNSET
    video_encoder: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        audio_encoder = self.audio_encoder

        video_encoder = self.video_encoder

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if audio_encoder is not UNSET:
            field_dict["audio_encoder"] = audio_encoder
        if video_encoder is not UNSET:
            field_dict["video_encoder"] = video_encoder

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        audio_encoder = d.pop("audio_encoder", UNSET)

        video_encoder = d.pop("video_encoder", UNSET)

        native_metadata = cls(
            audio_encoder=audio_encoder,
            video_encoder=video_encoder,
        )

        native_metadata.additional_properties = d
        return native_metadata

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
