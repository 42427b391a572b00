from typing import Literal, cast

from ..types import fail

ParticipantView = Literal["consolidated", "raw"]

# The documented values. Requests are checked against them; responses are not (see below).
PARTICIPANT_VIEW_VALUES: frozenset[ParticipantView] = frozenset(
    {
        "consolidated",
        "raw",
    }
)


def check_participant_view(value: object) -> ParticipantView:
    """Read a ParticipantView from a response.

    The API adds values over time, so any string is accepted and kept as it came: a value outside
    PARTICIPANT_VIEW_VALUES means the API has grown, not that the response is broken.
    """
    if type(value) is str:
        return cast(ParticipantView, value)
    fail("a string (one of consolidated, raw)", value)
