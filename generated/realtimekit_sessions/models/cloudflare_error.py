from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.cloudflare_message import CloudflareMessage


T = TypeVar("T", bound="CloudflareError")


@_attrs_define
class CloudflareError:
    """
    Attributes:
        success (bool):
        errors (list[CloudflareMessage]):
        messages (list[CloudflareMessage] | Unset):
        result (None | Unset):
    """

    success: bool
    errors: list[CloudflareMessage]
    messages: list[CloudflareMessage] | Unset = UNSET
    result: None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        success = self.success

        errors = []
        for errors_item_data in self.errors:
            errors_item = errors_item_data.to_dict()
            errors.append(errors_item)

        messages: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.messages, Unset):
            messages = []
            for messages_item_data in self.messages:
                messages_item = messages_item_data.to_dict()
                messages.append(messages_item)

        result = self.result

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "success": success,
                "errors": errors,
            }
        )
        if messages is not UNSET:
            field_dict["messages"] = messages
        if result is not UNSET:
            field_dict["result"] = result

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.cloudflare_message import CloudflareMessage

        d = dict(src_dict)
        success = d.pop("success")

        errors = []
        _errors = d.pop("errors")
        for errors_item_data in _errors:
            errors_item = CloudflareMessage.from_dict(errors_item_data)

            errors.append(errors_item)

        _messages = d.pop("messages", UNSET)
        messages: list[CloudflareMessage] | Unset = UNSET
        if _messages is not UNSET:
            messages = []
            for messages_item_data in _messages:
                messages_item = CloudflareMessage.from_dict(messages_item_data)

                messages.append(messages_item)

        result = d.pop("result", UNSET)

        cloudflare_error = cls(
            success=success,
            errors=errors,
            messages=messages,
            result=result,
        )

        cloudflare_error.additional_properties = d
        return cloudflare_error

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
