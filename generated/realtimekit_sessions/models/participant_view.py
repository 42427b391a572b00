from typing import Literal

ParticipantView = Literal["consolidated", "raw"]

PARTICIPANT_VIEW_VALUES: set[ParticipantView] = {
    "consolidated",
    "raw",
}


def check_participant_view(value: str) -> ParticipantView:
    if value in PARTICIPANT_VIEW_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PARTICIPANT_VIEW_VALUES!r}")
