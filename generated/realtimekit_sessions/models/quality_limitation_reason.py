from typing import Literal

QualityLimitationReason = Literal["bandwidth", "cpu", "none", "other"]

QUALITY_LIMITATION_REASON_VALUES: set[QualityLimitationReason] = {
    "bandwidth",
    "cpu",
    "none",
    "other",
}


def check_quality_limitation_reason(value: str) -> QualityLimitationReason:
    if value in QUALITY_LIMITATION_REASON_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {QUALITY_LIMITATION_REASON_VALUES!r}")
