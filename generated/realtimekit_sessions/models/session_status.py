from typing import Literal, cast

from ..types import fail

SessionStatus = Literal["ENDED", "LIVE"]

# The documented values. Requests are checked against them; responses are not (see below).
SESSION_STATUS_VALUES: frozenset[SessionStatus] = frozenset(
    {
        "ENDED",
        "LIVE",
    }
)


def check_session_status(value: object) -> SessionStatus:
    """Read a SessionStatus from a response.

    The API adds values over time, so any string is accepted and kept as it came: a value outside
    SESSION_STATUS_VALUES means the API has grown, not that the response is broken.
    """
    if type(value) is str:
        return cast(SessionStatus, value)
    fail("a string (one of ENDED, LIVE)", value)
