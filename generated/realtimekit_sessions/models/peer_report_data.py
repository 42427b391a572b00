from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.peer_report_participant import PeerReportParticipant


T = TypeVar("T", bound="PeerReportData")


@_attrs_define
class PeerReportData:
    """
    Attributes:
        participant (PeerReportParticipant | Unset): A participant as the peer report shows it: like Participant, with
            `role` where Participant has `preset_name`, plus the session ID and the peer report itself.
    """

    participant: PeerReportParticipant | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        participant: dict[str, Any] | Unset = UNSET
        if not isinstance(self.participant, Unset):
            participant = self.participant.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if participant is not UNSET:
            field_dict["participant"] = participant

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.peer_report_participant import PeerReportParticipant

        d = dict(src_dict)
        _participant = d.pop("participant", UNSET)
        participant: PeerReportParticipant | Unset
        if isinstance(_participant, Unset):
            participant = UNSET
        else:
            participant = PeerReportParticipant.from_dict(_participant)

        peer_report_data = cls(
            participant=participant,
        )

        peer_report_data.additional_properties = d
        return peer_report_data

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
