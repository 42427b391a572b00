"""`export`: every session with its participants, streamed to NDJSON or CSV as the pages arrive.

The output is opened before the first request (a bad path fails at once) and each session is written, and
flushed, as soon as its participants are in: nothing is held beyond one session. A session's line (NDJSON)
or rows (CSV) are written with Ctrl-C held back, so an interrupted export leaves a valid file of the
sessions written so far.
"""

from __future__ import annotations

import contextlib
import csv
import json
import signal
import threading
from collections.abc import Iterator, Mapping
from types import FrameType
from typing import IO, Any


def _known_keys(model: Any) -> list[str]:
    """The JSON keys the spec gives a model, in the spec's order (from the model's msgspec shape)."""
    try:
        import msgspec

        return [field.encode_name for field in msgspec.structs.fields(model._Shape)]
    except (AttributeError, TypeError, ImportError):
        return []


def _csv_value(value: Any) -> Any:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, dict | list) else value


class Writer:
    """Writes sessions as they come; `sessions` and `participants` count what is in the output."""

    def __init__(self, handle: IO[str], with_participants: bool) -> None:
        self.handle = handle
        self.with_participants = with_participants
        self.sessions = 0
        self.participants = 0

    def start(self) -> None:
        pass

    def write(self, session: Mapping[str, Any], participants: list[dict[str, Any]]) -> None:
        with _sigint_held():
            self._write(session, participants)
            self.handle.flush()
        self.sessions += 1
        self.participants += len(participants)

    def _write(self, session: Mapping[str, Any], participants: list[dict[str, Any]]) -> None:
        raise NotImplementedError


class NdjsonWriter(Writer):
    """One session a line, with its `participants` list unless they were left out."""

    def _write(self, session: Mapping[str, Any], participants: list[dict[str, Any]]) -> None:
        record = {**session, "participants": participants} if self.with_participants else dict(session)
        self.handle.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")


class CsvWriter(Writer):
    """One row per participant (a session without any gives one row), `session_*` and `participant_*` columns.

    The header is written first, from the fields the spec gives sessions and participants, so that rows can
    be written as they arrive. Fields the spec does not know are left out, with a note (NDJSON keeps them).
    """

    def __init__(self, handle: IO[str], with_participants: bool, warn: Any) -> None:
        super().__init__(handle, with_participants)
        from realtimekit_sessions.models import Participant, Session

        self.columns = [f"session_{key}" for key in _known_keys(Session)]
        if with_participants:
            self.columns += [f"participant_{key}" for key in _known_keys(Participant)]
        self.writer = csv.DictWriter(handle, fieldnames=self.columns, extrasaction="ignore", lineterminator="\n")
        self.warn = warn
        self.left_out: set[str] = set()

    def start(self) -> None:
        with _sigint_held():
            self.writer.writeheader()
            self.handle.flush()

    def _write(self, session: Mapping[str, Any], participants: list[dict[str, Any]]) -> None:
        session_part = {f"session_{key}": _csv_value(value) for key, value in session.items()}
        for participant in (participants or [{}]) if self.with_participants else [{}]:
            row = {**session_part, **{f"participant_{key}": _csv_value(v) for key, v in participant.items()}}
            unknown = set(row) - set(self.columns) - self.left_out
            if unknown:
                self.left_out |= unknown
                self.warn(
                    f"CSV: left out fields the spec does not know: {', '.join(sorted(unknown))} (ndjson keeps them)"
                )
            self.writer.writerow(row)


@contextlib.contextmanager
def _sigint_held() -> Iterator[None]:
    """Hold Ctrl-C back while a session is written, then deliver it: the file never ends mid-record."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []

    def hold(signum: int, frame: FrameType | None) -> None:
        caught.append(signum)

    previous = signal.signal(signal.SIGINT, hold)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if caught:
        raise KeyboardInterrupt
