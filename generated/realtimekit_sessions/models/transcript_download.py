from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

T = TypeVar("T", bound="TranscriptDownload")


@_attrs_define
class TranscriptDownload:
    """
    Attributes:
        session_id (str): ID of the session.
        transcript_download_url (str): URL where the transcript can be downloaded.
        transcript_download_url_expiry (datetime.datetime): Time when the download URL will expire.
    """

    session_id: str
    transcript_download_url: str
    transcript_download_url_expiry: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        session_id = self.session_id

        transcript_download_url = self.transcript_download_url

        transcript_download_url_expiry = self.transcript_download_url_expiry.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "sessionId": session_id,
                "transcript_download_url": transcript_download_url,
                "transcript_download_url_expiry": transcript_download_url_expiry,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        session_id = d.pop("sessionId")

        transcript_download_url = d.pop("transcript_download_url")

        transcript_download_url_expiry = datetime.datetime.fromisoformat(d.pop("transcript_download_url_expiry"))

        transcript_download = cls(
            session_id=session_id,
            transcript_download_url=transcript_download_url,
            transcript_download_url_expiry=transcript_download_url_expiry,
        )

        transcript_download.additional_properties = d
        return transcript_download

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
