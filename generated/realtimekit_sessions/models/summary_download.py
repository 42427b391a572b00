from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

T = TypeVar("T", bound="SummaryDownload")


@_attrs_define
class SummaryDownload:
    """
    Attributes:
        session_id (str): ID of the session.
        summary_download_url (str): URL where the summary of the transcript can be downloaded.
        summary_download_url_expiry (datetime.datetime): Time before which the summary must be downloaded.
    """

    session_id: str
    summary_download_url: str
    summary_download_url_expiry: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        session_id = self.session_id

        summary_download_url = self.summary_download_url

        summary_download_url_expiry = self.summary_download_url_expiry.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "sessionId": session_id,
                "summaryDownloadUrl": summary_download_url,
                "summaryDownloadUrlExpiry": summary_download_url_expiry,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        session_id = d.pop("sessionId")

        summary_download_url = d.pop("summaryDownloadUrl")

        summary_download_url_expiry = datetime.datetime.fromisoformat(d.pop("summaryDownloadUrlExpiry"))

        summary_download = cls(
            session_id=session_id,
            summary_download_url=summary_download_url,
            summary_download_url_expiry=summary_download_url_expiry,
        )

        summary_download.additional_properties = d
        return summary_download

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
