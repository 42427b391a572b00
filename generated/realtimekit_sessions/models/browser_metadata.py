from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

T = TypeVar("T", bound="BrowserMetadata")


@_attrs_define
class BrowserMetadata:
    """
    Attributes:
        browser (str | Unset):
        browser_version (str | Unset):
        engine (str | Unset):
        user_agent (str | Unset):
        webgl_support (bool | None | Unset): Whether the browser supports WebGL; null when it could not be told.
    """

    browser: str | Unset = UNSET
    browser_version: str | Unset = UNSET
    engine: str | Unset = UNSET
    user_agent: str | Unset = UNSET
    webgl_support: bool | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        browser = self.browser

        browser_version = self.browser_version

        engine = self.engine

        user_agent = self.user_agent

        webgl_support: bool | None | Unset
        if isinstance(self.webgl_support, Unset):
            webgl_support = UNSET
        else:
            webgl_support = self.webgl_support

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if browser is not UNSET:
            field_dict["browser"] = browser
        if browser_version is not UNSET:
            field_dict["browser_version"] = browser_version
        if engine is not UNSET:
            field_dict["engine"] = engine
        if user_agent is not UNSET:
            field_dict["user_agent"] = user_agent
        if webgl_support is not UNSET:
            field_dict["webgl_support"] = webgl_support

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        browser = d.pop("browser", UNSET)

        browser_version = d.pop("browser_version", UNSET)

        engine = d.pop("engine", UNSET)

        user_agent = d.pop("user_agent", UNSET)

        def _parse_webgl_support(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        webgl_support = _parse_webgl_support(d.pop("webgl_support", UNSET))

        browser_metadata = cls(
            browser=browser,
            browser_version=browser_version,
            engine=engine,
            user_agent=user_agent,
            webgl_support=webgl_support,
        )

        browser_metadata.additional_properties = d
        return browser_metadata

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
