from typing import Literal, cast

from ..types import fail

SortOrder = Literal["ASC", "DESC"]

# The documented values. Requests are checked against them; responses are not (see below).
SORT_ORDER_VALUES: frozenset[SortOrder] = frozenset(
    {
        "ASC",
        "DESC",
    }
)


def check_sort_order(value: object) -> SortOrder:
    """Read a SortOrder from a response.

    The API adds values over time, so any string is accepted and kept as it came: a value outside
    SORT_ORDER_VALUES means the API has grown, not that the response is broken.
    """
    if type(value) is str:
        return cast(SortOrder, value)
    fail("a string (one of ASC, DESC)", value)
