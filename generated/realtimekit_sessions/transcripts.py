# Copied into generated/realtimekit_sessions/ by `make generate`: edit openapi/runtime/transcripts.py, not the copy.
"""A session's transcript, read into one shape whichever of RealtimeKit's four formats it came in.

`read_transcript(content, format)` gives a list of `TranscriptLine`s from:

- CSV: no header row; each row is: start (milliseconds into the call), peer id, user id, custom participant
  id, display name, text. A header-based reader would take the first line for a header and lose it.
- JSON: a list of `{startTime, endTime, sentence, peerData: {id, userId, displayName, cpi, joinedAt,
  leftAt}}`, the times in milliseconds into the call.
- SRT and VTT, read by `srt` and `webvtt-py`: cues with a start and an end, the text of a multi-line cue joined
  with newlines. The speaker is a VTT voice span (`<v Priya N.>`) or a leading `Name: ` of at most 64
  characters; these formats carry no ids.

Bad input raises `TranscriptParseError`, a `ModelParseError` (so also a `ValueError`) that names the row,
item or cue and what was wrong with it.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import re
from collections.abc import Mapping
from typing import Any, Literal

import attrs
import srt  # type: ignore[import-untyped]
import webvtt

from .errors import ModelParseError

TranscriptFormat = Literal["CSV", "JSON", "SRT", "VTT"]
CSV_COLUMNS = ("start", "peer_id", "user_id", "custom_participant_id", "display_name", "text")
# "Priya N.: Good morning." -> speaker "Priya N."; longer prefixes are taken for text, not a name.
_SPEAKER = re.compile(r"^(?P<name>[^:\n]{1,64}):\s+(?P<text>.*)$", re.DOTALL)


@attrs.frozen
class TranscriptLine:
    """One thing said: when (an offset into the call; `end` None where the format has none), by whom, what."""

    start: datetime.timedelta
    end: datetime.timedelta | None
    peer_id: str | None
    user_id: str | None
    custom_participant_id: str | None
    display_name: str | None
    text: str

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: offsets in seconds."""
        return {
            "start": self.start.total_seconds(),
            "end": None if self.end is None else self.end.total_seconds(),
            "peer_id": self.peer_id,
            "user_id": self.user_id,
            "custom_participant_id": self.custom_participant_id,
            "display_name": self.display_name,
            "text": self.text,
        }


class TranscriptParseError(ModelParseError):
    """A transcript that cannot be read; `where` names the row (CSV), item (JSON) or cue (SRT, VTT)."""

    def __init__(self, format_: str, where: str, reason: str) -> None:
        super().__init__(f"{format_} transcript, {where}: {reason}")
        self.model = "TranscriptLine"
        self.format = format_
        self.where = where

    def __str__(self) -> str:
        return self.reason


def read_transcript(content: bytes | str, format_: TranscriptFormat | str) -> list[TranscriptLine]:
    """The lines of a transcript file in `format_` (CSV, JSON, SRT or VTT, any case)."""
    kind = format_.upper()
    text = content.decode("utf-8-sig") if isinstance(content, bytes) else content.removeprefix("\ufeff")
    if kind == "CSV":
        return read_csv(text)
    if kind == "JSON":
        return read_json(text)
    if kind == "SRT":
        return read_srt(text)
    if kind == "VTT":
        return read_vtt(text)
    raise ValueError(f"unknown transcript format {format_!r}: use CSV, JSON, SRT or VTT")


def _milliseconds(value: Any, format_: str, where: str, name: str) -> datetime.timedelta:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise TranscriptParseError(format_, where, f"{name} must be milliseconds, not {value!r}")
    try:
        number = float(value)
    except ValueError:
        raise TranscriptParseError(format_, where, f"{name} must be milliseconds, not {value!r}") from None
    if not number >= 0 or number == float("inf"):
        raise TranscriptParseError(
            format_, where, f"{name} must be a non-negative number of milliseconds, not {value!r}"
        )
    return datetime.timedelta(milliseconds=number)


def _text_or_none(value: Any) -> str | None:
    return None if value is None or value == "" else str(value)


def read_csv(text: str) -> list[TranscriptLine]:
    """Headerless CSV: every row, the first one included, is a line of the transcript."""
    lines = []
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        for row in reader:
            where = f"row {reader.line_num}"
            if not row or all(not cell.strip() for cell in row):
                continue
            if len(row) != len(CSV_COLUMNS):
                raise TranscriptParseError(
                    "CSV", where, f"expected {len(CSV_COLUMNS)} columns ({', '.join(CSV_COLUMNS)}), found {len(row)}"
                )
            start, peer_id, user_id, custom_id, name, said = row
            lines.append(
                TranscriptLine(
                    start=_milliseconds(start.strip(), "CSV", where, "start"),
                    end=None,
                    peer_id=_text_or_none(peer_id),
                    user_id=_text_or_none(user_id),
                    custom_participant_id=_text_or_none(custom_id),
                    display_name=_text_or_none(name),
                    text=said,
                )
            )
    except csv.Error as error:
        raise TranscriptParseError("CSV", f"row {reader.line_num}", str(error)) from None
    return lines


def read_json(text: str) -> list[TranscriptLine]:
    """A JSON list of `{startTime, endTime, sentence, peerData}` objects."""
    try:
        items = json.loads(text)
    except json.JSONDecodeError as error:
        raise TranscriptParseError("JSON", f"line {error.lineno} column {error.colno}", error.msg) from None
    if not isinstance(items, list):
        raise TranscriptParseError("JSON", "$", f"expected a list of sentences, found {type(items).__name__}")
    lines = []
    for index, item in enumerate(items):
        where = f"$[{index}]"
        if not isinstance(item, Mapping):
            raise TranscriptParseError("JSON", where, f"expected an object, found {type(item).__name__}")
        if "startTime" not in item:
            raise TranscriptParseError("JSON", where, "startTime is missing")
        sentence = item.get("sentence")
        if not isinstance(sentence, str):
            raise TranscriptParseError("JSON", f"{where}.sentence", f"expected text, found {sentence!r}")
        peer = item.get("peerData") or {}
        if not isinstance(peer, Mapping):
            raise TranscriptParseError("JSON", f"{where}.peerData", f"expected an object, found {peer!r}")
        end = item.get("endTime")
        lines.append(
            TranscriptLine(
                start=_milliseconds(item["startTime"], "JSON", f"{where}.startTime", "startTime"),
                end=None if end is None else _milliseconds(end, "JSON", f"{where}.endTime", "endTime"),
                peer_id=_text_or_none(peer.get("id")),
                user_id=_text_or_none(peer.get("userId")),
                custom_participant_id=_text_or_none(peer.get("cpi")),
                display_name=_text_or_none(peer.get("displayName")),
                text=sentence,
            )
        )
    return lines


def _speaker(text: str) -> tuple[str | None, str]:
    found = _SPEAKER.match(text)
    return (found["name"].strip(), found["text"]) if found else (None, text)


def read_srt(text: str) -> list[TranscriptLine]:
    """SRT cues; a cue's lines joined with newlines; the speaker from a leading `Name: `."""
    lines = []
    cue = 0
    try:
        for cue, subtitle in enumerate(srt.parse(text, ignore_errors=False), start=1):
            name, said = _speaker(subtitle.content)
            lines.append(TranscriptLine(subtitle.start, subtitle.end, None, None, None, name, said))
    except srt.SRTParseError as error:
        raise TranscriptParseError("SRT", f"after cue {cue}" if cue else "cue 1", str(error)) from None
    return lines


_VTT_TIMING = re.compile(r"^\s*(?:\d+:)?\d{2}:\d{2}\.\d{3}\s+-->\s+(?:\d+:)?\d{2}:\d{2}\.\d{3}")


def _vtt_offset(value: str) -> datetime.timedelta:
    parts = value.split(":")
    seconds = float(parts[-1]) + 60 * int(parts[-2]) + (3600 * int(parts[-3]) if len(parts) == 3 else 0)
    return datetime.timedelta(seconds=seconds)


def read_vtt(text: str) -> list[TranscriptLine]:
    """WebVTT cues; a cue's lines joined with newlines; the speaker from `<v Name>` or a leading `Name: `."""
    # webvtt-py skips a cue whose timing line it cannot read; a transcript should not lose lines silently.
    for number, line in enumerate(text.splitlines(), start=1):
        if "-->" in line and not _VTT_TIMING.match(line):
            raise TranscriptParseError("VTT", f"line {number}", f"cannot read the cue timing {line.strip()!r}")
    try:
        captions = webvtt.WebVTT.from_string(text)
    except webvtt.errors.MalformedFileError as error:
        raise TranscriptParseError("VTT", "header", str(error)) from None
    lines = []
    for caption in captions.captions:
        voice = getattr(caption, "voice", None)
        name, said = (voice, caption.text) if voice else _speaker(caption.text)
        lines.append(TranscriptLine(_vtt_offset(caption.start), _vtt_offset(caption.end), None, None, None, name, said))
    return lines
