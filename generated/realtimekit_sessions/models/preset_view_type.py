from typing import Literal, cast

from ..types import fail

PresetViewType = Literal["AUDIO_ROOM", "CHAT", "GROUP_CALL", "LIVESTREAM", "WEBINAR"]

# The documented values. Requests are checked against them; responses are not (see below).
PRESET_VIEW_TYPE_VALUES: frozenset[PresetViewType] = frozenset(
    {
        "AUDIO_ROOM",
        "CHAT",
        "GROUP_CALL",
        "LIVESTREAM",
        "WEBINAR",
    }
)


def check_preset_view_type(value: object) -> PresetViewType:
    """Read a PresetViewType from a response.

    The API adds values over time, so any string is accepted and kept as it came: a value outside
    PRESET_VIEW_TYPE_VALUES means the API has grown, not that the response is broken.
    """
    if type(value) is str:
        return cast(PresetViewType, value)
    fail("a string (one of AUDIO_ROOM, CHAT, GROUP_CALL, LIVESTREAM, WEBINAR)", value)
