from typing import Literal, cast

from ..types import fail

ParticipantSortBy = Literal["duration", "joinedAt"]

# The documented values. Requests are checked against them; responses are not (see below).
PARTICIPANT_SORT_BY_VALUES: frozenset[ParticipantSortBy] = frozenset(
    {
        "duration",
        "joinedAt",
    }
)


def check_participant_sort_by(value: object) -> ParticipantSortBy:
    """Read a ParticipantSortBy from a response.

    The API adds values over time, so any string is accepted and kept as it came: a value outside
    PARTICIPANT_SORT_BY_VALUES means the API has grown, not that the response is broken.
    """
    if type(value) is str:
        return cast(ParticipantSortBy, value)
    fail("a string (one of duration, joinedAt)", value)
