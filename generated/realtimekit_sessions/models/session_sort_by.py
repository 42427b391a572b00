from typing import Literal

SessionSortBy = Literal["createdAt", "minutesConsumed"]

SESSION_SORT_BY_VALUES: set[SessionSortBy] = {
    "createdAt",
    "minutesConsumed",
}


def check_session_sort_by(value: str) -> SessionSortBy:
    if value in SESSION_SORT_BY_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SESSION_SORT_BY_VALUES!r}")
