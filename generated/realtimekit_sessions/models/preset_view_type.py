from typing import Literal

PresetViewType = Literal["AUDIO_ROOM", "CHAT", "GROUP_CALL", "LIVESTREAM", "WEBINAR"]

PRESET_VIEW_TYPE_VALUES: set[PresetViewType] = {
    "AUDIO_ROOM",
    "CHAT",
    "GROUP_CALL",
    "LIVESTREAM",
    "WEBINAR",
}


def check_preset_view_type(value: str) -> PresetViewType:
    if value in PRESET_VIEW_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PRESET_VIEW_TYPE_VALUES!r}")
