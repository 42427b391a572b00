from typing import Literal, cast

from ..types import fail

QualityLimitationReason = Literal["bandwidth", "cpu", "none", "other"]

# The documented values. Requests are checked against them; responses are not (see below).
QUALITY_LIMITATION_REASON_VALUES: frozenset[QualityLimitationReason] = frozenset(
    {
        "bandwidth",
        "cpu",
        "none",
        "other",
    }
)


def check_quality_limitation_reason(value: object) -> QualityLimitationReason:
    """Read a QualityLimitationReason from a response.

    The API adds values over time, so any string is accepted and kept as it came: a value outside
    QUALITY_LIMITATION_REASON_VALUES means the API has grown, not that the response is broken.
    """
    if type(value) is str:
        return cast(QualityLimitationReason, value)
    fail("a string (one of bandwidth, cpu, none, other)", value)
