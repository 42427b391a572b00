from typing import Literal

TranscriptFormat = Literal["CSV", "JSON", "SRT", "VTT"]

TRANSCRIPT_FORMAT_VALUES: set[TranscriptFormat] = {
    "CSV",
    "JSON",
    "SRT",
    "VTT",
}


def check_transcript_format(value: str) -> TranscriptFormat:
    if value in TRANSCRIPT_FORMAT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {TRANSCRIPT_FORMAT_VALUES!r}")
