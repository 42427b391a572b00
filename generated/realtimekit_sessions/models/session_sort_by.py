from typing import Literal, cast

from ..types import fail

SessionSortBy = Literal["createdAt", "minutesConsumed"]

# The documented values. Requests are checked against them; responses are not (see below).
SESSION_SORT_BY_VALUES: frozenset[SessionSortBy] = frozenset(
    {
        "createdAt",
        "minutesConsumed",
    }
)


def check_session_sort_by(value: object) -> SessionSortBy:
    """Read a SessionSortBy from a response.

    The API adds values over time, so any string is accepted and kept as it came: a value outside
    SESSION_SORT_BY_VALUES means the API has grown, not that the response is broken.
    """
    if type(value) is str:
        return cast(SessionSortBy, value)
    fail("a string (one of createdAt, minutesConsumed)", value)
