from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

T = TypeVar("T", bound="ChatDownload")


@_attrs_define
class ChatDownload:
    """
    Attributes:
        chat_download_url (str): URL where the chat log (a CSV file) can be downloaded.
        chat_download_url_expiry (datetime.datetime): Time when the download URL will expire.
    """

    chat_download_url: str
    chat_download_url_expiry: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        chat_download_url = self.chat_download_url

        chat_download_url_expiry = self.chat_download_url_expiry.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "chat_download_url": chat_download_url,
                "chat_download_url_expiry": chat_download_url_expiry,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        chat_download_url = d.pop("chat_download_url")

        chat_download_url_expiry = datetime.datetime.fromisoformat(d.pop("chat_download_url_expiry"))

        chat_download = cls(
            chat_download_url=chat_download_url,
            chat_download_url_expiry=chat_download_url_expiry,
        )

        chat_download.additional_properties = d
        return chat_download

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
