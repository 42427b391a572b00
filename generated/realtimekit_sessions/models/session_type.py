from typing import Literal, cast

from ..types import fail

SessionType = Literal["livestream", "meeting", "participant"]

# The documented values. Requests are checked against them; responses are not (see below).
SESSION_TYPE_VALUES: frozenset[SessionType] = frozenset(
    {
        "livestream",
        "meeting",
        "participant",
    }
)


def check_session_type(value: object) -> SessionType:
    """Read a SessionType from a response.

    The API adds values over time, so any string is accepted and kept as it came: a value outside
    SESSION_TYPE_VALUES means the API has grown, not that the response is broken.
    """
    if type(value) is str:
        return cast(SessionType, value)
    fail("a string (one of livestream, meeting, participant)", value)
