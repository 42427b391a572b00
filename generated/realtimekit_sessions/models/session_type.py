from typing import Literal

SessionType = Literal["livestream", "meeting", "participant"]

SESSION_TYPE_VALUES: set[SessionType] = {
    "livestream",
    "meeting",
    "participant",
}


def check_session_type(value: str) -> SessionType:
    if value in SESSION_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SESSION_TYPE_VALUES!r}")
