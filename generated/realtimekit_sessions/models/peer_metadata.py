from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.browser_metadata import BrowserMetadata
    from ..models.candidate_pairs import CandidatePairs
    from ..models.client_event import ClientEvent
    from ..models.device_info import DeviceInfo
    from ..models.device_list_update import DeviceListUpdate
    from ..models.ip_information import IpInformation
    from ..models.native_metadata import NativeMetadata
    from ..models.peer_connection_metadata import PeerConnectionMetadata
    from ..models.selected_device_update import SelectedDeviceUpdate


T = TypeVar("T", bound="PeerMetadata")


@_attrs_define
class PeerMetadata:
    """Connection and device metadata for the participant.

    Attributes:
        sdk_name (str | Unset): Name of the RealtimeKit SDK the peer used.
        sdk_type (str | Unset): Kind of SDK (web
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
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        sdk_name = self.sdk_name

        sdk_type = self.sdk_type

        sdk_version = self.sdk_version

        room_view_type = self.room_view_type

        device_info: dict[str, Any] | Unset = UNSET
        if not isinstance(self.device_info, Unset):
            device_info = self.device_info.to_dict()

        browser_metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.browser_metadata, Unset):
            browser_metadata = self.browser_metadata.to_dict()

        ip_information: dict[str, Any] | Unset = UNSET
        if not isinstance(self.ip_information, Unset):
            ip_information = self.ip_information.to_dict()

        native_metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.native_metadata, Unset):
            native_metadata = self.native_metadata.to_dict()

        pc_metadata: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.pc_metadata, Unset):
            pc_metadata = []
            for pc_metadata_item_data in self.pc_metadata:
                pc_metadata_item = pc_metadata_item_data.to_dict()
                pc_metadata.append(pc_metadata_item)

        candidate_pairs: dict[str, Any] | Unset = UNSET
        if not isinstance(self.candidate_pairs, Unset):
            candidate_pairs = self.candidate_pairs.to_dict()

        events: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.events, Unset):
            events = []
            for events_item_data in self.events:
                events_item = events_item_data.to_dict()
                events.append(events_item)

        audio_devices_updates: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.audio_devices_updates, Unset):
            audio_devices_updates = []
            for audio_devices_updates_item_data in self.audio_devices_updates:
                audio_devices_updates_item = audio_devices_updates_item_data.to_dict()
                audio_devices_updates.append(audio_devices_updates_item)

        video_devices_updates: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.video_devices_updates, Unset):
            video_devices_updates = []
            for video_devices_updates_item_data in self.video_devices_updates:
                video_devices_updates_item = video_devices_updates_item_data.to_dict()
                video_devices_updates.append(video_devices_updates_item)

        speaker_devices_updates: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.speaker_devices_updates, Unset):
            speaker_devices_updates = []
            for speaker_devices_updates_item_data in self.speaker_devices_updates:
                speaker_devices_updates_item = speaker_devices_updates_item_data.to_dict()
                speaker_devices_updates.append(speaker_devices_updates_item)

        selected_device_updates: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.selected_device_updates, Unset):
            selected_device_updates = []
            for selected_device_updates_item_data in self.selected_device_updates:
                selected_device_updates_item = selected_device_updates_item_data.to_dict()
                selected_device_updates.append(selected_device_updates_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if sdk_name is not UNSET:
            field_dict["sdk_name"] = sdk_name
        if sdk_type is not UNSET:
            field_dict["sdk_type"] = sdk_type
        if sdk_version is not UNSET:
            field_dict["sdk_version"] = sdk_version
        if room_view_type is not UNSET:
            field_dict["room_view_type"] = room_view_type
        if device_info is not UNSET:
            field_dict["device_info"] = device_info
        if browser_metadata is not UNSET:
            field_dict["browser_metadata"] = browser_metadata
        if ip_information is not UNSET:
            field_dict["ip_information"] = ip_information
        if native_metadata is not UNSET:
            field_dict["native_metadata"] = native_metadata
        if pc_metadata is not UNSET:
            field_dict["pc_metadata"] = pc_metadata
        if candidate_pairs is not UNSET:
            field_dict["candidate_pairs"] = candidate_pairs
        if events is not UNSET:
            field_dict["events"] = events
        if audio_devices_updates is not UNSET:
            field_dict["audio_devices_updates"] = audio_devices_updates
        if video_devices_updates is not UNSET:
            field_dict["video_devices_updates"] = video_devices_updates
        if speaker_devices_updates is not UNSET:
            field_dict["speaker_devices_updates"] = speaker_devices_updates
        if selected_device_updates is not UNSET:
            field_dict["selected_device_updates"] = selected_device_updates

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.browser_metadata import BrowserMetadata
        from ..models.candidate_pairs import CandidatePairs
        from ..models.client_event import ClientEvent
        from ..models.device_info import DeviceInfo
        from ..models.device_list_update import DeviceListUpdate
        from ..models.ip_information import IpInformation
        from ..models.native_metadata import NativeMetadata
        from ..models.peer_connection_metadata import PeerConnectionMetadata
        from ..models.selected_device_update import SelectedDeviceUpdate

        d = dict(src_dict)
        sdk_name = d.pop("sdk_name", UNSET)

        sdk_type = d.pop("sdk_type", UNSET)

        sdk_version = d.pop("sdk_version", UNSET)

        room_view_type = d.pop("room_view_type", UNSET)

        _device_info = d.pop("device_info", UNSET)
        device_info: DeviceInfo | Unset
        if isinstance(_device_info, Unset):
            device_info = UNSET
        else:
            device_info = DeviceInfo.from_dict(_device_info)

        _browser_metadata = d.pop("browser_metadata", UNSET)
        browser_metadata: BrowserMetadata | Unset
        if isinstance(_browser_metadata, Unset):
            browser_metadata = UNSET
        else:
            browser_metadata = BrowserMetadata.from_dict(_browser_metadata)

        _ip_information = d.pop("ip_information", UNSET)
        ip_information: IpInformation | Unset
        if isinstance(_ip_information, Unset):
            ip_information = UNSET
        else:
            ip_information = IpInformation.from_dict(_ip_information)

        _native_metadata = d.pop("native_metadata", UNSET)
        native_metadata: NativeMetadata | Unset
        if isinstance(_native_metadata, Unset):
            native_metadata = UNSET
        else:
            native_metadata = NativeMetadata.from_dict(_native_metadata)

        _pc_metadata = d.pop("pc_metadata", UNSET)
        pc_metadata: list[PeerConnectionMetadata] | Unset = UNSET
        if _pc_metadata is not UNSET:
            pc_metadata = []
            for pc_metadata_item_data in _pc_metadata:
                pc_metadata_item = PeerConnectionMetadata.from_dict(pc_metadata_item_data)

                pc_metadata.append(pc_metadata_item)

        _candidate_pairs = d.pop("candidate_pairs", UNSET)
        candidate_pairs: CandidatePairs | Unset
        if isinstance(_candidate_pairs, Unset):
            candidate_pairs = UNSET
        else:
            candidate_pairs = CandidatePairs.from_dict(_candidate_pairs)

        _events = d.pop("events", UNSET)
        events: list[ClientEvent] | Unset = UNSET
        if _events is not UNSET:
            events = []
            for events_item_data in _events:
                events_item = ClientEvent.from_dict(events_item_data)

                events.append(events_item)

        _audio_devices_updates = d.pop("audio_devices_updates", UNSET)
        audio_devices_updates: list[DeviceListUpdate] | Unset = UNSET
        if _audio_devices_updates is not UNSET:
            audio_devices_updates = []
            for audio_devices_updates_item_data in _audio_devices_updates:
                audio_devices_updates_item = DeviceListUpdate.from_dict(audio_devices_updates_item_data)

                audio_devices_updates.append(audio_devices_updates_item)

        _video_devices_updates = d.pop("video_devices_updates", UNSET)
        video_devices_updates: list[DeviceListUpdate] | Unset = UNSET
        if _video_devices_updates is not UNSET:
            video_devices_updates = []
            for video_devices_updates_item_data in _video_devices_updates:
                video_devices_updates_item = DeviceListUpdate.from_dict(video_devices_updates_item_data)

                video_devices_updates.append(video_devices_updates_item)

        _speaker_devices_updates = d.pop("speaker_devices_updates", UNSET)
        speaker_devices_updates: list[DeviceListUpdate] | Unset = UNSET
        if _speaker_devices_updates is not UNSET:
            speaker_devices_updates = []
            for speaker_devices_updates_item_data in _speaker_devices_updates:
                speaker_devices_updates_item = DeviceListUpdate.from_dict(speaker_devices_updates_item_data)

                speaker_devices_updates.append(speaker_devices_updates_item)

        _selected_device_updates = d.pop("selected_device_updates", UNSET)
        selected_device_updates: list[SelectedDeviceUpdate] | Unset = UNSET
        if _selected_device_updates is not UNSET:
            selected_device_updates = []
            for selected_device_updates_item_data in _selected_device_updates:
                selected_device_updates_item = SelectedDeviceUpdate.from_dict(selected_device_updates_item_data)

                selected_device_updates.append(selected_device_updates_item)

        peer_metadata = cls(
            sdk_name=sdk_name,
            sdk_type=sdk_type,
            sdk_version=sdk_version,
            room_view_type=room_view_type,
            device_info=device_info,
            browser_metadata=browser_metadata,
            ip_information=ip_information,
            native_metadata=native_metadata,
            pc_metadata=pc_metadata,
            candidate_pairs=candidate_pairs,
            events=events,
            audio_devices_updates=audio_devices_updates,
            video_devices_updates=video_devices_updates,
            speaker_devices_updates=speaker_devices_updates,
            selected_device_updates=selected_device_updates,
        )

        peer_metadata.additional_properties = d
        return peer_metadata

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
