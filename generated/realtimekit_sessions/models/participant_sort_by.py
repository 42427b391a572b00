from typing import Literal

ParticipantSortBy = Literal["duration", "joinedAt"]

PARTICIPANT_SORT_BY_VALUES: set[ParticipantSortBy] = {
    "duration",
    "joinedAt",
}


def check_participant_sort_by(value: str) -> ParticipantSortBy:
    if value in PARTICIPANT_SORT_BY_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PARTICIPANT_SORT_BY_VALUES!r}")
