from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.candidate_pair import CandidatePair


T = TypeVar("T", bound="CandidatePairs")


@_attrs_define
class CandidatePairs:
    """ICE candidate pairs of the sending and the receiving transport.

    Attributes:
        producing_transport (list[CandidatePair] | Unset):
        consuming_transport (list[CandidatePair] | Unset):
    """

    producing_transport: list[CandidatePair] | Unset = UNSET
    consuming_transport: list[CandidatePair] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        producing_transport: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.producing_transport, Unset):
            producing_transport = []
            for producing_transport_item_data in self.producing_transport:
                producing_transport_item = producing_transport_item_data.to_dict()
                producing_transport.append(producing_transport_item)

        consuming_transport: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.consuming_transport, Unset):
            consuming_transport = []
            for consuming_transport_item_data in self.consuming_transport:
                consuming_transport_item = consuming_transport_item_data.to_dict()
                consuming_transport.append(consuming_transport_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if producing_transport is not UNSET:
            field_dict["producing_transport"] = producing_transport
        if consuming_transport is not UNSET:
            field_dict["consuming_transport"] = consuming_transport

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.candidate_pair import CandidatePair

        d = dict(src_dict)
        _producing_transport = d.pop("producing_transport", UNSET)
        producing_transport: list[CandidatePair] | Unset = UNSET
        if _producing_transport is not UNSET:
            producing_transport = []
            for producing_transport_item_data in _producing_transport:
                producing_transport_item = CandidatePair.from_dict(producing_transport_item_data)

                producing_transport.append(producing_transport_item)

        _consuming_transport = d.pop("consuming_transport", UNSET)
        consuming_transport: list[CandidatePair] | Unset = UNSET
        if _consuming_transport is not UNSET:
            consuming_transport = []
            for consuming_transport_item_data in _consuming_transport:
                consuming_transport_item = CandidatePair.from_dict(consuming_transport_item_data)

                consuming_transport.append(consuming_transport_item)

        candidate_pairs = cls(
            producing_transport=producing_transport,
            consuming_transport=consuming_transport,
        )

        candidate_pairs.additional_properties = d
        return candidate_pairs

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
