from typing import Literal, cast

from ..types import fail

TranscriptFormat = Literal["CSV", "JSON", "SRT", "VTT"]

# The documented values. Requests are checked against them; responses are not (see below).
TRANSCRIPT_FORMAT_VALUES: frozenset[TranscriptFormat] = frozenset(
    {
        "CSV",
        "JSON",
        "SRT",
        "VTT",
    }
)


def check_transcript_format(value: object) -> TranscriptFormat:
    """Read a TranscriptFormat from a response.

    The API adds values over time, so any string is accepted and kept as it came: a value outside
    TRANSCRIPT_FORMAT_VALUES means the API has grown, not that the response is broken.
    """
    if type(value) is str:
        return cast(TranscriptFormat, value)
    fail("a string (one of CSV, JSON, SRT, VTT)", value)
