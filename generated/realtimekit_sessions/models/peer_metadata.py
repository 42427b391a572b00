from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

import msgspec
from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import field_error
from ..models.browser_metadata import BrowserMetadata
from ..models.candidate_pairs import CandidatePairs
from ..models.client_event import ClientEvent
from ..models.device_info import DeviceInfo
from ..models.device_list_update import DeviceListUpdate
from ..models.ip_information import IpInformation
from ..models.native_metadata import NativeMetadata
from ..models.peer_connection_metadata import PeerConnectionMetadata
from ..models.selected_device_update import SelectedDeviceUpdate
from ..types import UNSET, Unset, as_list, as_object

_KEYS: frozenset[str] = frozenset(
    {
        "sdk_name",
        "sdk_type",
        "sdk_version",
        "room_view_type",
        "device_info",
        "browser_metadata",
        "ip_information",
        "native_metadata",
        "pc_metadata",
        "candidate_pairs",
        "events",
        "audio_devices_updates",
        "video_devices_updates",
        "speaker_devices_updates",
        "selected_device_updates",
    }
)


@_attrs_define
class PeerMetadata:
    """Connection and device metadata for the participant.

    Attributes:
        sdk_name (str | Unset): Name of the RealtimeKit SDK the peer used.
        sdk_type (str | Unset): Kind of SDK (web, mobile, ...).
        sdk_version (str | Unset): Version of the SDK.
        room_view_type (str | Unset): View type of the room the peer was in.
        device_info (DeviceInfo | Unset):
        browser_metadata (BrowserMetadata | Unset):
        ip_information (IpInformation | Unset): Where the peer's public address is.
        native_metadata (NativeMetadata | Unset): Codecs of a native (mobile) client.
        pc_metadata (list[PeerConnectionMetadata] | Unset): Peer-connection checks made during the call.
        candidate_pairs (CandidatePairs | Unset): ICE candidate pairs of the sending and the receiving transport.
        events (list[ClientEvent] | Unset): Client-side events recorded during the call.
        audio_devices_updates (list[DeviceListUpdate] | Unset): Changes to the available microphones.
        video_devices_updates (list[DeviceListUpdate] | Unset): Changes to the available cameras.
        speaker_devices_updates (list[DeviceListUpdate] | Unset): Changes to the available speakers.
        selected_device_updates (list[SelectedDeviceUpdate] | Unset): Devices the participant switched to.
    """

    sdk_name: str | Unset = UNSET
    sdk_type: str | Unset = UNSET
    sdk_version: str | Unset = UNSET
    room_view_type: str | Unset = UNSET
    device_info: DeviceInfo | Unset = UNSET
    browser_metadata: BrowserMetadata | Unset = UNSET
    ip_information: IpInformation | Unset = UNSET
    native_metadata: NativeMetadata | Unset = UNSET
    pc_metadata: list[PeerConnectionMetadata] | Unset = UNSET
    candidate_pairs: CandidatePairs | Unset = UNSET
    events: list[ClientEvent] | Unset = UNSET
    audio_devices_updates: list[DeviceListUpdate] | Unset = UNSET
    video_devices_updates: list[DeviceListUpdate] | Unset = UNSET
    speaker_devices_updates: list[DeviceListUpdate] | Unset = UNSET
    selected_device_updates: list[SelectedDeviceUpdate] | Unset = UNSET
    # Keys the spec does not know, kept so that to_dict() gives back everything that came in. None until
    # there is one: most objects have none, and an empty dict per object is memory for nothing.
    _extra: dict[str, Any] | None = _attrs_field(init=False, default=None, alias="_extra")

    class _Shape(msgspec.Struct, kw_only=True, gc=False, forbid_unknown_fields=True):
        """The JSON object as msgspec decodes it on the fast path (see _from_shape)."""

        sdk_name: Any = UNSET
        sdk_type: Any = UNSET
        sdk_version: Any = UNSET
        room_view_type: Any = UNSET
        device_info: DeviceInfo._Shape | msgspec.UnsetType = msgspec.UNSET
        browser_metadata: BrowserMetadata._Shape | msgspec.UnsetType = msgspec.UNSET
        ip_information: IpInformation._Shape | msgspec.UnsetType = msgspec.UNSET
        native_metadata: NativeMetadata._Shape | msgspec.UnsetType = msgspec.UNSET
        pc_metadata: list[PeerConnectionMetadata._Shape] | msgspec.UnsetType = msgspec.UNSET
        candidate_pairs: CandidatePairs._Shape | msgspec.UnsetType = msgspec.UNSET
        events: list[ClientEvent._Shape] | msgspec.UnsetType = msgspec.UNSET
        audio_devices_updates: list[DeviceListUpdate._Shape] | msgspec.UnsetType = msgspec.UNSET
        video_devices_updates: list[DeviceListUpdate._Shape] | msgspec.UnsetType = msgspec.UNSET
        speaker_devices_updates: list[DeviceListUpdate._Shape] | msgspec.UnsetType = msgspec.UNSET
        selected_device_updates: list[SelectedDeviceUpdate._Shape] | msgspec.UnsetType = msgspec.UNSET

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = dict(self._extra) if self._extra else {}
        if self.sdk_name is not UNSET:
            field_dict["sdk_name"] = self.sdk_name
        if self.sdk_type is not UNSET:
            field_dict["sdk_type"] = self.sdk_type
        if self.sdk_version is not UNSET:
            field_dict["sdk_version"] = self.sdk_version
        if self.room_view_type is not UNSET:
            field_dict["room_view_type"] = self.room_view_type
        if not isinstance(self.device_info, Unset):
            field_dict["device_info"] = self.device_info.to_dict()
        if not isinstance(self.browser_metadata, Unset):
            field_dict["browser_metadata"] = self.browser_metadata.to_dict()
        if not isinstance(self.ip_information, Unset):
            field_dict["ip_information"] = self.ip_information.to_dict()
        if not isinstance(self.native_metadata, Unset):
            field_dict["native_metadata"] = self.native_metadata.to_dict()
        if not isinstance(self.pc_metadata, Unset):
            field_dict["pc_metadata"] = [_item.to_dict() for _item in self.pc_metadata]
        if not isinstance(self.candidate_pairs, Unset):
            field_dict["candidate_pairs"] = self.candidate_pairs.to_dict()
        if not isinstance(self.events, Unset):
            field_dict["events"] = [_item.to_dict() for _item in self.events]
        if not isinstance(self.audio_devices_updates, Unset):
            field_dict["audio_devices_updates"] = [_item.to_dict() for _item in self.audio_devices_updates]
        if not isinstance(self.video_devices_updates, Unset):
            field_dict["video_devices_updates"] = [_item.to_dict() for _item in self.video_devices_updates]
        if not isinstance(self.speaker_devices_updates, Unset):
            field_dict["speaker_devices_updates"] = [_item.to_dict() for _item in self.speaker_devices_updates]
        if not isinstance(self.selected_device_updates, Unset):
            field_dict["selected_device_updates"] = [_item.to_dict() for _item in self.selected_device_updates]
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = src_dict if type(src_dict) is dict else as_object(src_dict)
        self = cls.__new__(cls)
        _field: str | None = None
        _missing = 0  # optional fields absent: with len(d), tells whether d holds keys the spec does not know
        try:
            _v = d.get("sdk_name", UNSET)
            if _v is UNSET:
                _missing += 1
            self.sdk_name = _v
            _v = d.get("sdk_type", UNSET)
            if _v is UNSET:
                _missing += 1
            self.sdk_type = _v
            _v = d.get("sdk_version", UNSET)
            if _v is UNSET:
                _missing += 1
            self.sdk_version = _v
            _v = d.get("room_view_type", UNSET)
            if _v is UNSET:
                _missing += 1
            self.room_view_type = _v
            _v = d.get("device_info", UNSET)
            if _v is not UNSET:
                _field = "device_info"
                _v = DeviceInfo.from_dict(_v)
            else:
                _missing += 1
            self.device_info = _v
            _v = d.get("browser_metadata", UNSET)
            if _v is not UNSET:
                _field = "browser_metadata"
                _v = BrowserMetadata.from_dict(_v)
            else:
                _missing += 1
            self.browser_metadata = _v
            _v = d.get("ip_information", UNSET)
            if _v is not UNSET:
                _field = "ip_information"
                _v = IpInformation.from_dict(_v)
            else:
                _missing += 1
            self.ip_information = _v
            _v = d.get("native_metadata", UNSET)
            if _v is not UNSET:
                _field = "native_metadata"
                _v = NativeMetadata.from_dict(_v)
            else:
                _missing += 1
            self.native_metadata = _v
            _v = d.get("pc_metadata", UNSET)
            if _v is not UNSET:
                _field = "pc_metadata"
                _v = list(map(PeerConnectionMetadata.from_dict, as_list(_v)))
            else:
                _missing += 1
            self.pc_metadata = _v
            _v = d.get("candidate_pairs", UNSET)
            if _v is not UNSET:
                _field = "candidate_pairs"
                _v = CandidatePairs.from_dict(_v)
            else:
                _missing += 1
            self.candidate_pairs = _v
            _v = d.get("events", UNSET)
            if _v is not UNSET:
                _field = "events"
                _v = list(map(ClientEvent.from_dict, as_list(_v)))
            else:
                _missing += 1
            self.events = _v
            _v = d.get("audio_devices_updates", UNSET)
            if _v is not UNSET:
                _field = "audio_devices_updates"
                _v = list(map(DeviceListUpdate.from_dict, as_list(_v)))
            else:
                _missing += 1
            self.audio_devices_updates = _v
            _v = d.get("video_devices_updates", UNSET)
            if _v is not UNSET:
                _field = "video_devices_updates"
                _v = list(map(DeviceListUpdate.from_dict, as_list(_v)))
            else:
                _missing += 1
            self.video_devices_updates = _v
            _v = d.get("speaker_devices_updates", UNSET)
            if _v is not UNSET:
                _field = "speaker_devices_updates"
                _v = list(map(DeviceListUpdate.from_dict, as_list(_v)))
            else:
                _missing += 1
            self.speaker_devices_updates = _v
            _v = d.get("selected_device_updates", UNSET)
            if _v is not UNSET:
                _field = "selected_device_updates"
                _v = list(map(SelectedDeviceUpdate.from_dict, as_list(_v)))
            else:
                _missing += 1
            self.selected_device_updates = _v
        except Exception as exc:  # noqa: BLE001 - re-raised below as a located ModelParseError
            raise field_error("PeerMetadata", _field, d, exc)
        if len(d) + _missing == 15:
            self._extra = None
        else:
            self._extra = {k: v for k, v in d.items() if k not in _KEYS}
        return self

    @classmethod
    def _from_shape(cls, s: PeerMetadata._Shape) -> Self:
        """The model from its decoded shape: from_dict's work without the lookups, the located errors or the
        unknown keys (a shape has none: msgspec refused it). Used by client.load_json, which falls back to
        from_dict whenever msgspec or this method refuses a body."""
        self = cls.__new__(cls)
        self.sdk_name = s.sdk_name
        self.sdk_type = s.sdk_type
        self.sdk_version = s.sdk_version
        self.room_view_type = s.room_view_type
        _device_info = s.device_info
        self.device_info = UNSET if _device_info is msgspec.UNSET else DeviceInfo._from_shape(_device_info)
        _browser_metadata = s.browser_metadata
        self.browser_metadata = (
            UNSET if _browser_metadata is msgspec.UNSET else BrowserMetadata._from_shape(_browser_metadata)
        )
        _ip_information = s.ip_information
        self.ip_information = UNSET if _ip_information is msgspec.UNSET else IpInformation._from_shape(_ip_information)
        _native_metadata = s.native_metadata
        self.native_metadata = (
            UNSET if _native_metadata is msgspec.UNSET else NativeMetadata._from_shape(_native_metadata)
        )
        _pc_metadata = s.pc_metadata
        self.pc_metadata = (
            UNSET if _pc_metadata is msgspec.UNSET else list(map(PeerConnectionMetadata._from_shape, _pc_metadata))
        )
        _candidate_pairs = s.candidate_pairs
        self.candidate_pairs = (
            UNSET if _candidate_pairs is msgspec.UNSET else CandidatePairs._from_shape(_candidate_pairs)
        )
        _events = s.events
        self.events = UNSET if _events is msgspec.UNSET else list(map(ClientEvent._from_shape, _events))
        _audio_devices_updates = s.audio_devices_updates
        self.audio_devices_updates = (
            UNSET
            if _audio_devices_updates is msgspec.UNSET
            else list(map(DeviceListUpdate._from_shape, _audio_devices_updates))
        )
        _video_devices_updates = s.video_devices_updates
        self.video_devices_updates = (
            UNSET
            if _video_devices_updates is msgspec.UNSET
            else list(map(DeviceListUpdate._from_shape, _video_devices_updates))
        )
        _speaker_devices_updates = s.speaker_devices_updates
        self.speaker_devices_updates = (
            UNSET
            if _speaker_devices_updates is msgspec.UNSET
            else list(map(DeviceListUpdate._from_shape, _speaker_devices_updates))
        )
        _selected_device_updates = s.selected_device_updates
        self.selected_device_updates = (
            UNSET
            if _selected_device_updates is msgspec.UNSET
            else list(map(SelectedDeviceUpdate._from_shape, _selected_device_updates))
        )
        self._extra = None
        return self

    @property
    def additional_properties(self) -> dict[str, Any]:
        """Fields the spec does not describe, as they came (new API fields land here)."""
        if self._extra is None:
            self._extra = {}
        return self._extra

    @additional_properties.setter
    def additional_properties(self, value: dict[str, Any]) -> None:
        self._extra = value

    @property
    def additional_keys(self) -> list[str]:
        return list(self._extra) if self._extra else []

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return self._extra is not None and key in self._extra
