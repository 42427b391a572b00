"""The local mock's data set: sessions, participants, peer events, peer reports and the files behind the download
links, deterministic for a given seed and size.

    data = DataSet(sessions=300, seed=0)
    data.sessions                 # every Session body, oldest first
    data.session("5e3b...")       # one, or None
    data.participants(session_id) # its participants (Participant bodies, without peer_events)
    data.peer_report(peer_id)     # the PeerReportParticipant body with its peer_report, or None

What is in it:

- `sessions` sessions (300 by default) between 2025-01-01 and 2025-03-31, of about fifty recurring meetings
  (the same title and `associated_id`, a UUID for most, a V1 room name `abcdef-ghijkl` for some), mostly
  `meeting`s, some `livestream`s and `participant` sessions; a few still LIVE; about one in ten with breakout
  rooms. `minutes_consumed` is the sum of the participants' durations and `max_concurrent_participants` their
  peak, so the numbers agree with what the participants say.
- The spec's example session (`5e3b5a0c-2a8f-4c38-8d0e-3f0d2b9c7a11`, "Weekly platform sync", with Priya N.
  `0c6f4b1e-...` and Tomás R. `4d9e2a7c-...`) exactly as the spec's examples show it, so that ids copied from
  the reference work.
- The newest session, "All-hands: Q1 planning" (`LONG_CALL_ID`), a 62-minute call of nine people whose peer
  reports sample quality every 30 s across the hour: audio and video both ways, a screen share from minute 10
  to 25, and bad minutes (23 to 27: a congested link, 41: a Wi-Fi drop) where MOS falls, packet loss and
  round-trip time climb and outgoing video is limited by bandwidth.
- Every participant has peer events (created, joining, leaving, some reconnections) and a peer report; every
  session has a chat log, a transcript and a summary.

Participants, reports and files are made when asked for (from seeds derived from the session), so a data set of
thousands of sessions starts in well under a second.
"""

from __future__ import annotations

import csv
import datetime
import functools
import io
import json
import random
import statistics
import typing
import uuid
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

Body = dict[str, Any]

ACCOUNT_ID = "023e105f4ecef8ad9ca31a8372d0c353"
APP_ID = "3f9a1c527e444b1da0c26d8e5b7f9a10"
ORGANIZATION_ID = "3f9a1c52-7e44-4b1d-a0c2-6d8e5b7f9a10"
EXAMPLE_SESSION_ID = "5e3b5a0c-2a8f-4c38-8d0e-3f0d2b9c7a11"
EXAMPLE_PEER_ID = "0c6f4b1e-8d2a-4f7c-b3e9-5a1d7c9e2f40"
LONG_CALL_ID = "a11c0a11-0000-4e5d-9c3b-62a0c0ffee01"

START = datetime.datetime(2025, 1, 1, 8, 0, tzinfo=datetime.UTC)
END = datetime.datetime(2025, 3, 31, 12, 0, tzinfo=datetime.UTC)
LONG_CALL_START = datetime.datetime(2025, 3, 31, 15, 0, 0, 412000, tzinfo=datetime.UTC)
LONG_CALL_MINUTES = 62
LONG_CALL_END = LONG_CALL_START + datetime.timedelta(minutes=LONG_CALL_MINUTES)
# With a `now`, the long call (the newest session) ended this long before it.
NEWEST_END_BEFORE_NOW = datetime.timedelta(hours=1)
# Sessions added while the mock runs start this far apart, after the newest.
ADDED_SPACING = datetime.timedelta(minutes=5)
MAX_MEETINGS = 2000
# The bit a session id's last 48 bits carry (with the session's number) to tell it from a participant id.
SESSION_TAG = 1 << 47
# Minutes into the long call where quality is bad: a congested link, then a Wi-Fi drop.
BAD_MINUTES = frozenset({23, 24, 25, 26, 27, 41})

MEETING_TITLES = (
    "Weekly platform sync",
    "Daily stand-up",
    "Quarterly review",
    "Support office hours",
    "Design critique",
    "Sprint planning",
    "Incident review",
    "Customer onboarding",
    "Sales demo",
    "Hiring panel",
    "Town hall livestream",
    "Product webinar",
    "1:1",
    "Team retro",
    "Yoga at lunch",
    "Board prep",
)
FIRST_NAMES = (
    "Priya", "Tomás", "Aiko", "Kwame", "Lena", "Mateo", "Yusuf", "Ines", "Sven", "Chloé", "Ravi", "Fatima",
    "Noah", "Mei", "Olu", "Sara", "Jonas", "Ana", "Diego", "Hana", "Luca", "Zanele", "Omar", "Elif",
)  # fmt: skip
LAST_INITIALS = "ABCDEFGHKLMNOPRSTVWZ"
PRESETS_MEETING = ("group_call_host", "group_call_participant")
PRESETS_WEBINAR = ("webinar_presenter", "webinar_viewer")
CHAT_LINES = (
    "Good morning, all",
    "Can everyone see my screen?",
    "Agenda is in the doc",
    "Sorry, I was on mute",
    "+1",
    "Let's take that offline",
    "Link: https://example.com/notes",
    "You froze for a second",
    "Back in 5",
    "Thanks, that's clear",
    "Could you share the slides after?",
    "I'll write it up",
)
SAID = (
    "Good morning, everyone.",
    "Let's start with the numbers from last week.",
    "Can you hear me all right?",
    "I think we should ship on Thursday.",
    "The dashboard shows a dip around noon.",
    "I'll take the action item.",
    "Sorry, you cut out for a moment there.",
    "Let's move on to the next topic.",
    "We need a decision on the budget.",
    "I agree with that, with one caveat.",
    "Could you share your screen?",
    "That's all from me, thanks.",
)
DEVICES = (
    ("macOS", "14.4", 10, False, "Chrome", "122.0.6261.129", "Blink", "MacBook Pro Microphone", "FaceTime HD Camera"),
    ("Windows", "11", 8, False, "Edge", "122.0.2365.92", "Blink", "Realtek Microphone Array", "Integrated Webcam"),
    ("Windows", "10", 4, False, "Firefox", "124.0", "Gecko", "Headset Microphone (Jabra)", "Logitech C920"),
    ("iOS", "17.4", 6, True, "Safari", "17.4", "WebKit", "iPhone Microphone", "Front Camera"),
    ("Android", "14", 8, True, "Chrome", "122.0.6261.119", "Blink", "Microphone", "Camera 1, Facing front"),
    ("Linux", "6.5", 16, False, "Chrome", "122.0.6261.111", "Blink", "Built-in Audio Analog Stereo", "USB Camera"),
)
PLACES = (
    ("Lisbon", "Lisbon", "PT", "Europe/Lisbon"),
    ("Berlin", "Berlin", "DE", "Europe/Berlin"),
    ("Lagos", "Lagos", "NG", "Africa/Lagos"),
    ("Bengaluru", "Karnataka", "IN", "Asia/Kolkata"),
    ("Austin", "Texas", "US", "America/Chicago"),
    ("São Paulo", "São Paulo", "BR", "America/Sao_Paulo"),
    ("Tokyo", "Tokyo", "JP", "Asia/Tokyo"),
)
NETWORKS = ("wifi", "wifi", "wifi", "ethernet", "cellular")
MIDS = {
    "audio_producer": 0, "video_producer": 1, "audio_consumer": 2, "video_consumer": 3,
    "screenshare_audio_producer": 4, "screenshare_video_producer": 5, "screenshare_audio_consumer": 6,
    "screenshare_video_consumer": 7,
}  # fmt: skip
# RFC 5737 documentation ranges only.
ADDRESS_BLOCKS = ("192.0.2", "198.51.100", "203.0.113")


def stamp(moment: datetime.datetime) -> str:
    """An ISO 8601 UTC timestamp as RealtimeKit writes them: 2025-03-14T09:00:02.118Z."""
    moment = moment.astimezone(datetime.UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def parse_time(text: str) -> datetime.datetime:
    moment = datetime.datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=datetime.UTC)


def _uuid(rng: random.Random, tail: int | None = None) -> str:
    bits = rng.getrandbits(128)
    if tail is not None:
        # The last 48 bits carry (session index, participant index), masked by the first 48 (which the version
        # and variant bits leave alone): a participant is found from its id alone, and the id looks random.
        bits = (bits >> 48 << 48) | (tail ^ _mask(bits))
    return str(uuid.UUID(int=bits, version=4))


_MASK48 = (1 << 48) - 1


def _mask(bits: int) -> int:
    """48 bits that look random, from the first 48 bits of a UUID."""
    return ((bits >> 80) * 0x9E3779B97F4A7C15) & _MASK48


def _room_name(rng: random.Random) -> str:
    letters = "abcdefghijklmnopqrstuvwxyz"
    return "".join(rng.choice(letters) for _ in range(6)) + "-" + "".join(rng.choice(letters) for _ in range(6))


@dataclass
class _Span:
    """One participant's time in a session: seconds from the session's start, `leave` None while still in it."""

    join: float
    leave: float | None
    breakout_minutes: float = 0.0


@dataclass
class SessionRecord:
    """A session of the data set: its body and what its participants, reports and files are made from."""

    index: int
    body: Body
    started: datetime.datetime
    spans: list[_Span]
    breakout_rooms: int = 0
    # The spec's example session keeps the example's participants and reports instead of generated ones.
    fixed_participants: list[Body] | None = None
    fixed_events: dict[str, list[Body]] = field(default_factory=dict)
    fixed_reports: dict[str, Body] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return str(self.body["id"])

    @property
    def live(self) -> bool:
        return bool(self.body["status"] == "LIVE")


class DataSet:
    """A deterministic data set: the same `sessions`, `seed` and `now` give the same bodies, files and ids.

    Nothing is kept per session: a session is a function of its number (`records[i]` builds it, a small cache
    keeps the recently asked), so thousands of sessions cost no memory and start at once. Generated sessions
    start in the order of their numbers; a session id carries its number (as a participant id carries its
    session's and its own), so any id is found without a table.
    """

    def __init__(
        self,
        sessions: int = 300,
        seed: int = 0,
        extra_session_field: str | None = None,
        examples: dict[str, Any] | None = None,
        now: datetime.datetime | None = None,
        max_participants: int | None = None,
    ) -> None:
        if sessions < 2:
            raise ValueError("the data set needs at least 2 sessions (the spec's example and the long call)")
        self.seed = seed
        self.extra_session_field = extra_session_field
        # At most this many participants in a generated session (the example and the long call keep theirs).
        self.max_participants = max_participants
        # With `now`, every generated date moves so that the newest session (the long call) ended an hour before
        # it: the last week of sessions then has chats, transcripts and summaries within their 7-day life.
        if now is not None:
            now = (now if now.tzinfo else now.replace(tzinfo=datetime.UTC)).replace(microsecond=0)
        self.shift = datetime.timedelta(0) if now is None else now - NEWEST_END_BEFORE_NOW - LONG_CALL_END
        self._generated = sessions - 2
        self._added = 0
        self._live_ended = False
        # About six sessions per recurring meeting (no more than MAX_MEETINGS meetings, so any size starts at once).
        self._meeting_list = self._meetings(min(MAX_MEETINGS, max(4, sessions // 6)))
        self._spacing = (END - START).total_seconds() / max(self._generated, 1)
        self._example = self._grown(self._example_session(self._generated, examples or {}))
        self._long = self._grown(self._long_call(self._generated + 1))
        # Where the spec's example sits among the generated sessions (they start in the order of their numbers).
        low, high = 0, self._generated
        while low < high:
            middle = (low + high) // 2
            if self._start(middle) < self._example.started:
                low = middle + 1
            else:
                high = middle
        self._example_position = low
        self.records: Records = Records(self)

    # ---- changing it while it is served ------------------------------------------------------------------

    def add_sessions(self, count: int) -> list[SessionRecord]:
        """`count` new ENDED sessions, newer than every other (five minutes apart after the newest); they are
        listed, with their participants, reports and files, from now on. Returns them."""
        if count < 0:
            raise ValueError("count must be 0 or more")
        self._added += count
        self._forget()
        return [self.records[len(self.records) - count + k] for k in range(count)] if count else []

    def end_live(self) -> list[str]:
        """End the LIVE sessions: each becomes ENDED with its `ended_at`, and its participants all leave (the
        same session, its spans closed). Returns their ids."""
        ids = [record.id for record in self.live_records()]
        self._live_ended = True
        self._forget()
        return ids

    def add_session_field(self, name: str) -> None:
        """A field the spec does not know on every session from now on (the API growing)."""
        self.extra_session_field = name
        self._grown(self._example)
        self._grown(self._long)
        self._forget()

    def live_records(self) -> list[SessionRecord]:
        """The sessions still LIVE (the three newest generated ones, until `end_live`)."""
        if self._live_ended:
            return []
        return [self._generated_record(index) for index in range(max(0, self._generated - 3), self._generated)]

    def _forget(self) -> None:
        for cached in (self._generated_record, self._added_record, self._participants, self._ordered):
            cached.cache_clear()

    # ---- building ------------------------------------------------------------------------------------------

    def _meetings(self, count: int) -> list[tuple[str, str, str]]:
        """(title, associated_id, type) of the recurring meetings the sessions belong to."""
        rng = random.Random(f"{self.seed}/meetings")
        meetings = []
        for index in range(count):
            title = MEETING_TITLES[index % len(MEETING_TITLES)]
            if index >= len(MEETING_TITLES):
                title = f"{title} #{index // len(MEETING_TITLES) + 1}"
            associated = str(uuid.UUID(int=rng.getrandbits(128), version=4)) if rng.random() < 0.8 else _room_name(rng)
            kind = "livestream" if "livestream" in title or "webinar" in title.lower() else "meeting"
            if kind == "meeting" and rng.random() < 0.05:
                kind = "participant"
            meetings.append((title, associated, kind))
        return meetings

    def _start(self, index: int) -> datetime.datetime:
        """When generated session `index` started: evenly spread over the span, a little later at random (never
        past the next one's start, so numbers and starts are in the same order)."""
        rng = random.Random(f"{self.seed}/session/{index}")
        return self._start_from(rng, index)

    def _start_from(self, rng: random.Random, index: int) -> datetime.datetime:
        jitter = rng.uniform(0, min(1800.0, 0.9 * self._spacing))
        return START + self.shift + datetime.timedelta(seconds=self._spacing * index + jitter)

    @functools.lru_cache(maxsize=2048)  # noqa: B019 - the data set lives as long as its server
    def _generated_record(self, index: int) -> SessionRecord:
        rng = random.Random(f"{self.seed}/session/{index}")
        at = self._start_from(rng, index)
        live = index >= self._generated - 3 and not self._live_ended
        return self._session(index, rng, self._meeting_list, at, live=live)

    @functools.lru_cache(maxsize=2048)  # noqa: B019 - the data set lives as long as its server
    def _added_record(self, number: int) -> SessionRecord:
        rng = random.Random(f"{self.seed}/added/{number}")
        at = LONG_CALL_END + self.shift + ADDED_SPACING * (number + 1) + datetime.timedelta(seconds=rng.uniform(0, 60))
        return self._session(self._generated + 2 + number, rng, self._meeting_list, at, live=False)

    def _record_by_index(self, index: int) -> SessionRecord | None:
        if 0 <= index < self._generated:
            return self._generated_record(index)
        if index == self._example.index:
            return self._example
        if index == self._long.index:
            return self._long
        if 0 <= index - self._generated - 2 < self._added:
            return self._added_record(index - self._generated - 2)
        return None

    def _at_position(self, position: int) -> SessionRecord:
        """The session at `position` in starting order: generated ones with the example among them, the long
        call, then the sessions added while running."""
        example = self._example_position
        if position < example:
            return self._generated_record(position)
        if position == example:
            return self._example
        if position <= self._generated:
            return self._generated_record(position - 1)
        if position == self._generated + 1:
            return self._long
        return self._added_record(position - self._generated - 2)

    def __len__(self) -> int:
        return self._generated + 2 + self._added

    def _session(
        self, index: int, rng: random.Random, meetings: list[tuple[str, str, str]], at: datetime.datetime, live: bool
    ) -> SessionRecord:
        title, associated, kind = rng.choice(meetings)
        people = rng.choice((1, 2, 2, 3, 3, 4, 5, 6, 8, 12)) + (rng.randint(10, 40) if kind == "livestream" else 0)
        if title.startswith("1:1"):
            people = 2
        if self.max_participants is not None:
            people = min(people, self.max_participants)
        length = rng.uniform(5, 90) * 60
        spans = []
        for person in range(people):
            join = 0.0 if person == 0 else rng.uniform(0, length * 0.3)
            leave: float | None = length if person == 0 else rng.uniform(join + 60, length)
            if live and person < max(1, people // 2):
                leave = None
            spans.append(_Span(round(join, 3), None if leave is None else round(leave, 3)))
        rooms = rng.randint(2, 3) if kind == "meeting" and people >= 4 and rng.random() < 0.1 else 0
        if rooms:
            for span in spans[1:]:
                span.breakout_minutes = round(rng.uniform(3, 15), 2)
        body = self._session_body(rng, title, associated, kind, at, spans, live, index=index)
        return self._grown(SessionRecord(index, body, at, spans, rooms))

    def _grown(self, record: SessionRecord) -> SessionRecord:
        """The record with the field the spec does not know, when the data set has one."""
        if self.extra_session_field:
            record.body[self.extra_session_field] = {"region": ("eu", "us", "apac")[record.index % 3], "v": 2}
        return record

    def _session_body(
        self,
        rng: random.Random,
        title: str,
        associated: str,
        kind: str,
        at: datetime.datetime,
        spans: list[_Span],
        live: bool,
        session_id: str | None = None,
        index: int | None = None,
    ) -> Body:
        end = max((span.leave or 0.0) for span in spans)
        minutes = sum(((span.leave if span.leave is not None else end) - span.join) / 60 for span in spans)
        body: Body = {
            "id": session_id or _uuid(rng, tail=None if index is None else SESSION_TAG | index),
            "associated_id": associated,
            "created_at": stamp(at),
            "updated_at": stamp(at + datetime.timedelta(seconds=end + 1.5)),
            "started_at": stamp(at),
            "live_participants": sum(1 for span in spans if span.leave is None) if live else 0,
            "max_concurrent_participants": _peak(spans),
            "meeting_display_name": title,
            "minutes_consumed": round(minutes, 2),
            "organization_id": ORGANIZATION_ID,
            "status": "LIVE" if live else "ENDED",
            "type": kind,
        }
        if not live:
            body["ended_at"] = stamp(at + datetime.timedelta(seconds=end + 1.2))
        return body

    def _example_session(self, index: int, examples: dict[str, Any]) -> SessionRecord:
        """The session of the spec's examples, as they show it (bodies passed in by the mock, from the spec)."""
        details = examples.get("get_session_details", {}).get("data")
        participants = examples.get("get_session_participants", {}).get("data", {}).get("participants")
        one = examples.get("get_session_participant_details", {}).get("data", {}).get("participant")
        report = examples.get("get_participant_data_from_peer_id", {}).get("data", {}).get("participant")
        at = datetime.datetime(2025, 3, 14, 9, 0, 2, 118000, tzinfo=datetime.UTC)
        rng = random.Random(f"{self.seed}/example")
        spans = [_Span(4.0, 2856.8), _Span(130.0, 1800.6)]
        if details is None:
            body = self._session_body(rng, "Weekly platform sync", _uuid(rng), "meeting", at, spans, False)
            body["id"] = EXAMPLE_SESSION_ID
        else:
            body = {key: value for key, value in details.items() if key != "breakout_rooms"}
        record = SessionRecord(index, body, at, spans)
        if participants:
            record.fixed_participants = [dict(participant) for participant in participants]
        if one and one.get("peer_events") is not None:
            record.fixed_events[str(one["id"])] = list(one["peer_events"])
        if report:
            record.fixed_reports[str(report["id"])] = report
        return record

    def _long_call(self, index: int) -> SessionRecord:
        rng = random.Random(f"{self.seed}/long-call")
        length = LONG_CALL_MINUTES * 60.0
        spans = [_Span(0.0, length)]
        for person in range(1, 9):
            join = rng.uniform(5, 90)
            # Two leave early, one rejoins later (its events say so); the rest stay to the end.
            leave = rng.uniform(1800, 3000) if person in (3, 7) else length - rng.uniform(0, 40)
            spans.append(_Span(round(join, 3), round(leave, 3)))
        start = LONG_CALL_START + self.shift
        body = self._session_body(
            rng, "All-hands: Q1 planning", _uuid(rng), "meeting", start, spans, False, LONG_CALL_ID
        )
        return SessionRecord(index, body, start, spans)

    # ---- reading -------------------------------------------------------------------------------------------

    @property
    def sessions(self) -> list[Body]:
        """Every session body, oldest first (built afresh for a large data set: copy before changing)."""
        return [record.body for record in self.records]

    def record(self, session_id: str) -> SessionRecord | None:
        """The session with this id, or None: found from the number its id carries."""
        if session_id == self._example.id:
            return self._example
        if session_id == self._long.id:
            return self._long
        try:
            bits = uuid.UUID(session_id).int
        except ValueError:
            return None
        tail = (bits & _MASK48) ^ _mask(bits)
        if not tail & SESSION_TAG:
            return None
        found = self._record_by_index(tail & (SESSION_TAG - 1))
        return found if found is not None and found.id == session_id else None

    def session(self, session_id: str) -> Body | None:
        record = self.record(session_id)
        return None if record is None else record.body

    def ordered(self, key: str, descending: bool) -> Sequence[SessionRecord]:
        """The sessions sorted by a body field (`created_at`, `minutes_consumed`); ties in creation order.
        By `created_at` (starting order) nothing is built; by another field every session is, once."""
        if key == "created_at":
            return self.records.reverse() if descending else self.records
        return _Picked(self.records, self._ordered(key, descending))

    @functools.lru_cache(maxsize=8)  # noqa: B019 - the data set lives as long as its server
    def _ordered(self, key: str, descending: bool) -> tuple[int, ...]:
        values = [self.records[position].body[key] for position in range(len(self.records))]
        return tuple(sorted(range(len(values)), key=values.__getitem__, reverse=descending))

    def first_started_at_or_after(self, moment: datetime.datetime) -> int:
        """The position (in starting order) of the first session that started at `moment` or later."""
        low, high = 0, len(self.records)
        while low < high:
            middle = (low + high) // 2
            if self.records[middle].started < moment:
                low = middle + 1
            else:
                high = middle
        return low

    def first_started_after(self, moment: datetime.datetime) -> int:
        """The position of the first session that started after `moment`."""
        low, high = 0, len(self.records)
        while low < high:
            middle = (low + high) // 2
            if self.records[middle].started <= moment:
                low = middle + 1
            else:
                high = middle
        return low

    @property
    def long_call(self) -> SessionRecord:
        return self._long

    def breakout_rooms(self, record: SessionRecord) -> list[Any]:
        rng = random.Random(f"{self.seed}/rooms/{record.index}")
        return [
            {
                "id": _uuid(rng),
                "meeting_display_name": f"Breakout room {number + 1}",
                "created_at": stamp(record.started + datetime.timedelta(minutes=10 + number)),
                "status": "ENDED",
                "live_participants": 0,
                "max_concurrent_participants": rng.randint(2, 4),
                "meta": {"parent_session_id": record.id},
            }
            for number in range(record.breakout_rooms)
        ]

    def participants(self, record: SessionRecord) -> list[Body]:
        """The session's participants, in joining order (fresh copies)."""
        if record.fixed_participants is not None:
            return [dict(participant) for participant in record.fixed_participants]
        return [dict(participant) for participant in self._participants(record.index)]

    @functools.lru_cache(maxsize=1024)  # noqa: B019 - the data set lives as long as its server
    def _participants(self, index: int) -> tuple[Body, ...]:
        record = self._record_by_index(index)
        assert record is not None
        rng = random.Random(f"{self.seed}/participants/{index}")
        webinar = record.body["type"] == "livestream"
        people = []
        for number, span in enumerate(record.spans):
            joined = record.started + datetime.timedelta(seconds=span.join)
            name = rng.choice(FIRST_NAMES) + " " + rng.choice(LAST_INITIALS) + "."
            presets = PRESETS_WEBINAR if webinar else PRESETS_MEETING
            participant: Body = {
                "id": _uuid(rng, tail=(index << 12) | number),
                "user_id": _uuid(rng),
                "custom_participant_id": f"emp-{rng.randint(10000, 99999)}",
                "display_name": name,
                "preset_name": presets[0] if number == 0 else presets[1],
                "created_at": stamp(joined - datetime.timedelta(seconds=0.6)),
                "updated_at": stamp(joined),
                "joined_at": stamp(joined),
            }
            if span.leave is not None:
                left = record.started + datetime.timedelta(seconds=span.leave)
                participant["left_at"] = stamp(left)
                participant["updated_at"] = stamp(left + datetime.timedelta(seconds=0.05))
                participant["duration"] = round((span.leave - span.join) / 60, 2)
            people.append(participant)
        return tuple(people)

    def consolidated_duration(self, record: SessionRecord, position: int, participant: Body) -> Any:
        """`view=consolidated`: the duration with the participant's time in breakout rooms added."""
        if "duration" not in participant or position >= len(record.spans):
            return participant.get("duration")
        return round(participant["duration"] + record.spans[position].breakout_minutes, 2)

    def find_participant(self, peer_id: str) -> tuple[SessionRecord, int, Body] | None:
        """The session, position and body of a participant (peer) id; None when the data set has none."""
        record = self._example
        for position, participant in enumerate(record.fixed_participants or ()):
            if participant.get("id") == peer_id:
                return record, position, dict(participant)
        try:
            bits = uuid.UUID(peer_id).int
            tail = (bits & _MASK48) ^ _mask(bits)
        except ValueError:
            return None
        if tail & SESSION_TAG:
            return None
        found = self._record_by_index(tail >> 12)
        if found is None or found.fixed_participants is not None:
            return None
        position = tail & 0xFFF
        people = self._participants(found.index)
        if position >= len(people) or people[position]["id"] != peer_id:
            return None
        return found, position, dict(people[position])

    def peer_events(self, record: SessionRecord, position: int, participant: Body) -> list[Body]:
        peer_id = str(participant.get("id"))
        if peer_id in record.fixed_events:
            return [dict(event) for event in record.fixed_events[peer_id]]
        rng = random.Random(f"{self.seed}/events/{record.index}/{position}")
        span = record.spans[position] if position < len(record.spans) else _Span(0.0, None)
        view = "LIVESTREAM" if record.body["type"] == "livestream" else "GROUP_CALL"
        steps: list[tuple[str, float]] = [("PEER_CREATED", span.join - 0.6), ("PEER_JOINING", span.join)]
        if span.leave is not None and span.leave - span.join > 600 and rng.random() < 0.25:
            drop = rng.uniform(span.join + 120, span.leave - 120)
            steps += [("PEER_LEAVING", drop), ("PEER_JOINING", drop + rng.uniform(5, 60))]
        if span.leave is not None:
            steps.append(("PEER_LEAVING", span.leave))
        events = []
        for name, offset in steps:
            at = stamp(record.started + datetime.timedelta(seconds=offset))
            events.append(
                {
                    "id": _uuid(rng),
                    "event_name": name,
                    "peer_id": peer_id,
                    "participant_id": participant.get("user_id"),
                    "session_id": record.id,
                    "socket_session_id": None if name == "PEER_CREATED" else _uuid(rng),
                    "preset_view_type": view,
                    "minutes_consumed": round((offset - span.join) / 60, 2) if name == "PEER_LEAVING" else 0,
                    "created_at": at,
                    "updated_at": at,
                }
            )
        return events

    def peer_report(self, peer_id: str) -> Body | None:
        """The PeerReportParticipant body of a peer, with its whole peer_report; None for an unknown peer."""
        found = self.find_participant(peer_id)
        if found is None:
            return None
        record, position, participant = found
        if peer_id in record.fixed_reports:
            fixed: Body = json.loads(json.dumps(record.fixed_reports[peer_id]))
            return fixed
        return _report(self.seed, record, position, participant)

    # ---- files ---------------------------------------------------------------------------------------------

    def utterances(self, record: SessionRecord) -> list[tuple[float, float, Body, str]]:
        """(start s, end s, speaker, text) of the session's transcript."""
        people = self.participants(record)
        rng = random.Random(f"{self.seed}/transcript/{record.index}")
        lines: list[tuple[float, float, Body, str]] = []
        at = 2.0
        end = max((span.leave or span.join + 600) for span in record.spans)
        while at < end and len(lines) < 400:
            speaker = people[0] if rng.random() < 0.4 else rng.choice(people)
            length = rng.uniform(1.5, 9)
            lines.append((at, at + length, speaker, rng.choice(SAID)))
            at += length + rng.uniform(0.5, 25)
        return lines

    def chat_csv(self, record: SessionRecord) -> str:
        """The chat export as RealtimeKit writes it: a header row, then one row per message."""
        people = self.participants(record)
        rng = random.Random(f"{self.seed}/chat/{record.index}")
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        columns = ("id", "participantId", "sessionId", "meetingId", "displayName", "pinned", "isEdited")
        writer.writerow((*columns, "payloadType", "payload", "createdAt"))
        end = max((span.leave or span.join + 600) for span in record.spans)
        count = max(2, min(150, int(end / 60 / 2)))
        for number, at in enumerate(sorted(rng.uniform(10, end) for _ in range(count))):
            sender = rng.choice(people)
            kind, payload = "TEXT_MESSAGE", rng.choice(CHAT_LINES)
            if number % 17 == 5:
                kind, payload = "IMAGE_MESSAGE", f"https://files.example.com/chat/{record.id}/image-{number}.png"
            elif number % 23 == 11:
                kind, payload = "FILE_MESSAGE", f"https://files.example.com/chat/{record.id}/notes-{number}.pdf"
            writer.writerow(
                (
                    _uuid(rng),
                    sender.get("id"),
                    record.id,
                    record.body["associated_id"],
                    sender.get("display_name"),
                    "true" if number == 1 else "false",
                    "true" if rng.random() < 0.05 else "false",
                    kind,
                    payload,
                    stamp(record.started + datetime.timedelta(seconds=at)),
                )
            )
        return out.getvalue()

    def transcript(self, record: SessionRecord, format_: str) -> str:
        """The transcript in CSV (headerless), JSON, SRT or VTT, as `transcripts.read_transcript` reads them."""
        lines = self.utterances(record)
        kind = format_.upper()
        if kind == "CSV":
            out = io.StringIO()
            writer = csv.writer(out, lineterminator="\n")
            for start, _, who, text in lines:
                writer.writerow(
                    (round(start * 1000), who.get("id"), who.get("user_id"), who.get("custom_participant_id"),
                     who.get("display_name"), text)
                )  # fmt: skip
            return out.getvalue()
        if kind == "JSON":
            items = [
                {
                    "startTime": round(start * 1000),
                    "endTime": round(end * 1000),
                    "sentence": text,
                    "peerData": {
                        "id": who.get("id"),
                        "userId": who.get("user_id"),
                        "displayName": who.get("display_name"),
                        "cpi": who.get("custom_participant_id"),
                        "joinedAt": who.get("joined_at"),
                        "leftAt": who.get("left_at"),
                    },
                }
                for start, end, who, text in lines
            ]
            return json.dumps(items, ensure_ascii=False, indent=1)
        if kind == "SRT":
            return "".join(
                f"{number}\n{_clock(start, ',')} --> {_clock(end, ',')}\n{who.get('display_name')}: {text}\n\n"
                for number, (start, end, who, text) in enumerate(lines, start=1)
            )
        if kind == "VTT":
            cues = "".join(
                f"{_clock(start, '.')} --> {_clock(end, '.')}\n<v {who.get('display_name')}>{text}\n\n"
                for start, end, who, text in lines
            )
            return "WEBVTT\n\n" + cues
        raise ValueError(f"unknown transcript format {format_!r}")

    def summary(self, record: SessionRecord) -> str:
        people = self.participants(record)
        rng = random.Random(f"{self.seed}/summary/{record.index}")
        names = ", ".join(str(person.get("display_name")) for person in people[:6])
        points = rng.sample(SAID, 3)
        return (
            f"Summary of {record.body['meeting_display_name']} ({record.body['started_at'][:10]})\n\n"
            f"Participants: {names}{' and others' if len(people) > 6 else ''}.\n\n"
            + "".join(f"- {point}\n" for point in points)
            + f"\nAction items: {people[0].get('display_name')} to follow up by e-mail.\n"
        )


def _clock(seconds: float, comma: str) -> str:
    whole = int(seconds)
    return f"{whole // 3600:02d}:{whole // 60 % 60:02d}:{whole % 60:02d}{comma}{int(seconds * 1000) % 1000:03d}"


def _peak(spans: list[_Span]) -> int:
    moments = sorted([(span.join, 1) for span in spans] + [(span.leave, -1) for span in spans if span.leave])
    peak = current = 0
    for _, change in moments:
        current += change
        peak = max(peak, current)
    return max(peak, 1)


# ---- peer reports ----------------------------------------------------------------------------------------------


def _percentiles(values: list[float]) -> Body:
    if not values:
        return {"avg": 0, "p50": 0, "p75": 0, "p90": 0}
    ordered = sorted(values)

    def at(fraction: float) -> float:
        return round(ordered[min(len(ordered) - 1, int(fraction * len(ordered)))], 2)

    return {"avg": round(statistics.fmean(ordered), 2), "p50": at(0.5), "p75": at(0.75), "p90": at(0.9)}


def _fraction(values: list[float], threshold: float) -> float:
    return round(sum(1 for value in values if value >= threshold) / len(values), 3) if values else 0


def _loss(percents: list[float]) -> Body:
    return {
        "avg": round(statistics.fmean(percents), 2) if percents else 0,
        "5_or_greater_event_fraction": _fraction(percents, 5),
        "10_or_greater_event_fraction": _fraction(percents, 10),
        "25_or_greater_event_fraction": _fraction(percents, 25),
        "50_or_greater_event_fraction": _fraction(percents, 50),
    }


def _latency(milliseconds: list[float]) -> Body:
    return {
        "avg": round(statistics.fmean(milliseconds), 1) if milliseconds else 0,
        "100ms_or_greater_event_fraction": _fraction(milliseconds, 100),
        "250ms_or_greater_event_fraction": _fraction(milliseconds, 250),
        "500ms_or_greater_event_fraction": _fraction(milliseconds, 500),
    }


@dataclass
class _Conditions:
    """The network at one sample: MOS, loss (%), round-trip time (ms), jitter (s) and what limits video."""

    mos: float
    loss: float
    rtt: float
    jitter: float
    limit: str


def _conditions(rng: random.Random, minute: int, bad: frozenset[int], base_rtt: float) -> _Conditions:
    if minute in bad:
        return _Conditions(
            mos=round(rng.uniform(1.6, 2.9), 2),
            loss=round(rng.uniform(6, 30), 2),
            rtt=round(rng.uniform(220, 640), 1),
            jitter=round(rng.uniform(0.03, 0.09), 4),
            limit="bandwidth",
        )
    return _Conditions(
        mos=round(min(4.5, rng.gauss(4.25, 0.12)), 2),
        loss=round(max(0.0, rng.gauss(0.3, 0.4)), 2),
        rtt=round(max(8.0, rng.gauss(base_rtt, 8)), 1),
        jitter=round(rng.uniform(0.001, 0.008), 4),
        limit="cpu" if rng.random() < 0.03 else "none",
    )


def _report(seed: int, record: SessionRecord, position: int, participant: Body) -> Body:
    rng = random.Random(f"{seed}/report/{record.index}/{position}")
    span = record.spans[position] if position < len(record.spans) else _Span(0.0, 600.0)
    long_call = record.id == LONG_CALL_ID
    step = 30.0 if long_call else 60.0
    leave = span.leave if span.leave is not None else span.join + 900
    times = [span.join + step * (n + 1) for n in range(int((leave - span.join) // step))][:240]
    bad = BAD_MINUTES if long_call else frozenset(rng.sample(range(90), 2) if rng.random() < 0.3 else ())
    device = rng.choice(DEVICES)
    place = rng.choice(PLACES)
    network = rng.choice(NETWORKS)
    base_rtt = rng.uniform(25, 90)
    others = [other for other in range(len(record.spans)) if other != position] or [position]

    def when(offset: float) -> str:
        return stamp(record.started + datetime.timedelta(seconds=offset))

    samples: dict[str, list[Body]] = {
        key: []
        for key in (
            "audio_producer", "audio_consumer", "video_producer", "video_consumer", "screenshare_audio_producer",
            "screenshare_audio_consumer", "screenshare_video_producer", "screenshare_video_consumer",
        )
    }  # fmt: skip
    seen: dict[str, list[_Conditions]] = {key: [] for key in samples}
    # The host shares a screen from minute 10 to 25 of the long call; the others receive it.
    sharing = long_call and position == 0
    for at in times:
        minute = int(at // 60)
        elapsed = at - span.join
        for key, items in samples.items():
            screen = key.startswith("screenshare")
            if screen and not (long_call and 600 <= at < 1500):
                continue
            if screen and key.endswith("producer") != sharing:
                continue
            conditions = _conditions(rng, minute, bad, base_rtt)
            seen[key].append(conditions)
            items.append(_sample(rng, key, when(at), elapsed, conditions, participant, record, others))
    quality: Body = {}
    for key, items in samples.items():
        quality[key] = items
        quality[f"{key}_cumulative"] = _summary(key, seen[key])
    address = f"{ADDRESS_BLOCKS[position % 3]}.{rng.randint(1, 254)}"
    metadata: Body = {
        "sdk_name": "web-core" if not device[3] else "mobile-core",
        "sdk_type": "web" if not device[3] else "mobile",
        "sdk_version": rng.choice(("1.35.2", "1.36.0", "2.0.1")),
        "room_view_type": "LIVESTREAM" if record.body["type"] == "livestream" else "GROUP_CALL",
        "device_info": {"os": device[0], "os_version": device[1], "cpus": device[2], "is_mobile": device[3]},
        "browser_metadata": {
            "browser": device[4],
            "browser_version": device[5],
            "engine": device[6],
            "user_agent": f"Mozilla/5.0 ({device[0]} {device[1]}) {device[4]}/{device[5]}",
            "webgl_support": True,
        },
        "ip_information": {
            "ipv4": address,
            "city": place[0],
            "region": place[1],
            "country": place[2],
            "timezone": place[3],
            "org": "AS64500 Example Telecom",
            "asn": {
                "asn": "AS64500",
                "name": "Example Telecom",
                "domain": "example.net",
                "route": address.rsplit(".", 1)[0] + ".0/24",
                "type": "isp",
            },
        },
        "native_metadata": {"audio_encoder": "opus", "video_encoder": rng.choice(("VP8", "VP9", "H264"))},
        "pc_metadata": [
            {
                "timestamp": when(span.join + 0.5),
                "effective_network_type": "4g" if network != "cellular" else rng.choice(("4g", "3g")),
                "reflexive_connectivity": True,
                "relay_connectivity": True,
                "turn_connectivity": rng.random() < 0.9,
                "sdp": ["v=0", "o=- 4611731400430051336 2 IN IP4 127.0.0.1", "s=-"],
            }
        ],
        "candidate_pairs": {
            "producing_transport": [_pair(rng, address, network, base_rtt, producing=True)],
            "consuming_transport": [_pair(rng, address, network, base_rtt, producing=False)],
        },
        "events": _client_events(rng, span, bad, when),
        "audio_devices_updates": [
            {
                "timestamp": when(span.join - 0.1),
                "added": [{"device_id": "default", "kind": "audioinput", "label": device[7]}],
                "removed": [],
            }
        ],
        "video_devices_updates": [
            {
                "timestamp": when(span.join - 0.1),
                "added": [{"device_id": f"{rng.getrandbits(32):08x}", "kind": "videoinput", "label": device[8]}],
                "removed": [],
            }
        ],
        "speaker_devices_updates": [
            {
                "timestamp": when(span.join - 0.1),
                "added": [{"device_id": "default", "kind": "audiooutput", "label": "Default speakers"}],
                "removed": [],
            }
        ],
        "selected_device_updates": [
            {
                "timestamp": when(span.join + 0.1),
                "device": {"device_id": "default", "kind": "audioinput", "label": device[7]},
            }
        ],
    }
    preset = participant.get("preset_name")
    report_participant = {key: value for key, value in participant.items() if key != "preset_name"}
    report_participant["session_id"] = record.id
    if preset is not None:
        report_participant["role"] = preset
    report_participant["peer_report"] = {"metadata": metadata, "quality": quality}
    return report_participant


def _sample(
    rng: random.Random,
    key: str,
    at: str,
    elapsed: float,
    conditions: _Conditions,
    participant: Body,
    record: SessionRecord,
    others: list[int],
) -> Body:
    audio = "audio" in key
    producer = key.endswith("producer")
    rate = (6000 if audio else 130000) * (0.4 if conditions.limit == "bandwidth" else 1)
    sample: Body = {"timestamp": at}
    if producer:
        sample["producer_id"] = f"p-{'audio' if audio else 'video'}-{str(participant.get('id'))[:8]}"
    else:
        other = rng.choice(others)
        sample["consumer_id"] = f"c-{'audio' if audio else 'video'}-{other}"
        sample["producer_id"] = f"p-{'audio' if audio else 'video'}-{other}"
        sample["peer_id"] = f"{record.id[:8]}-peer-{other}"
    sample["mid"] = str(MIDS[key])
    sample["ssrc"] = 1000000000 + zlib.crc32(f"{key}/{participant.get('id')}".encode()) % 1000000000
    packets = int(elapsed * (50 if audio else 120))
    if producer:
        sample.update(bytes_sent=int(elapsed * rate), packets_sent=packets)
    else:
        sample.update(bytes_received=int(elapsed * rate), packets_received=packets)
    sample["packets_lost"] = int(packets * conditions.loss / 100 / max(1.0, elapsed / 30))
    sample["jitter"] = conditions.jitter
    if producer:
        sample["rtt"] = round(conditions.rtt / 1000, 3)
    else:
        sample["jitter_buffer_delay"] = round(conditions.rtt / 20 + rng.uniform(0.5, 1.5), 2)
        sample["jitter_buffer_emitted_count"] = int(elapsed * (960 if audio else 30))
        if audio:
            sample["concealment_events"] = rng.randint(3, 20) if conditions.limit == "bandwidth" else rng.randint(0, 1)
    sample["mos_quality"] = conditions.mos if audio else round(max(1.0, conditions.mos - 0.15), 2)
    if audio:
        return sample
    low = conditions.limit == "bandwidth"
    sample.update(
        frame_width=640 if low else 1280,
        frame_height=360 if low else 720,
        frames_per_second=rng.choice((12, 15)) if low else rng.choice((24, 29, 30)),
    )
    if producer:
        sample.update(
            frames_encoded=int(elapsed * 29),
            key_frames_encoded=1 + int(elapsed // 300),
            fir_count=0,
            pli_count=rng.randint(2, 9) if low else rng.randint(0, 1),
            quality_limitation_reason=conditions.limit,
            quality_limitation_resolution_changes=rng.randint(1, 3) if low else 0,
            quality_limitation_durations={
                "bandwidth": 30.0 if low else 0,
                "cpu": 30.0 if conditions.limit == "cpu" else 0,
                "none": 0 if conditions.limit != "none" else 30.0,
                "other": 0,
            },
        )
    else:
        sample.update(
            frames_decoded=int(elapsed * 28),
            frames_dropped=rng.randint(20, 80) if low else rng.randint(0, 3),
            key_frames_decoded=1 + int(elapsed // 300),
            fir_count=0,
        )
    return sample


def _summary(key: str, seen: list[_Conditions]) -> Body:
    mos = [c.mos if "audio" in key else max(1.0, c.mos - 0.15) for c in seen]
    loss = [c.loss for c in seen]
    rtt = [c.rtt for c in seen]
    producer = key.endswith("producer")
    summary: Body = {"quality_mos": _percentiles(mos), "packet_loss": _loss(loss)}
    if producer:
        summary["rtt"] = _latency(rtt)
    else:
        summary["jitter_buffer_delay"] = _latency([r / 2 + 40 for r in rtt])
    if "audio" in key:
        return summary
    limited = [c.limit != "none" for c in seen]
    bandwidth = [c.limit == "bandwidth" for c in seen]

    def share(flags: list[bool]) -> float:
        return round(sum(flags) / len(flags), 3) if flags else 0

    summary["frame_per_second"] = _percentiles([14.0 if c.limit == "bandwidth" else 29.0 for c in seen])
    summary["frame_width"] = _percentiles([640.0 if c.limit == "bandwidth" else 1280.0 for c in seen])
    if producer:
        summary["key_frames_encoded_fraction"] = 0.003
        summary["high_negative_feedback_fraction"] = share(bandwidth)
        summary["issues"] = {
            "bandwidth_quality_limitation_fraction": share(bandwidth),
            "cpu_quality_limitation_fraction": share([c.limit == "cpu" for c in seen]),
            "quality_limitation_fraction": share(limited),
            "no_video_fraction": 0,
            "poor_resolution_fraction": share(bandwidth),
        }
    else:
        summary["key_frames_decoded_fraction"] = 0.003
        summary["issues"] = {
            "lag_fraction": share(bandwidth),
            "no_video_fraction": 0,
            "poor_resolution_fraction": share(bandwidth),
        }
    return summary


def _pair(rng: random.Random, address: str, network: str, rtt: float, *, producing: bool) -> Body:
    return {
        "available_incoming_bitrate": 0 if producing else rng.randint(1500000, 5000000),
        "available_outgoing_bitrate": rng.randint(800000, 3000000) if producing else 0,
        "bytes_discarded_on_send": 0,
        "bytes_received": rng.randint(10**5, 10**7),
        "bytes_sent": rng.randint(10**5, 10**8),
        "current_round_trip_time": round(rtt / 1000, 3),
        "total_round_trip_time": round(rng.uniform(10, 60), 1),
        "last_packet_received_timestamp": 1743433320000 + rng.randint(0, 99999),
        "last_packet_sent_timestamp": 1743433320000 + rng.randint(0, 99999),
        "local_candidate_address": address,
        "local_candidate_id": f"{rng.getrandbits(40):010x}",
        "local_candidate_network_type": network,
        "local_candidate_port": rng.randint(49152, 65535),
        "local_candidate_protocol": "udp",
        "local_candidate_related_address": "192.0.2.10",
        "local_candidate_related_port": rng.randint(49152, 65535),
        "local_candidate_type": rng.choice(("srflx", "host", "relay")),
        "local_candidate_url": "stun:stun.example.com:3478",
        "nominated": True,
        "packets_discarded_on_send": 0,
        "packets_received": rng.randint(1000, 90000),
        "packets_sent": rng.randint(1000, 90000),
        "remote_candidate_address": "198.51.100.7",
        "remote_candidate_id": f"{rng.getrandbits(40):010x}",
        "remote_candidate_port": 40012 if producing else 40013,
        "remote_candidate_protocol": "udp",
        "remote_candidate_type": "host",
        "remote_candidate_url": "",
    }


def _client_events(rng: random.Random, span: _Span, bad: frozenset[int], when: Callable[[float], str]) -> list[Body]:
    events: list[Body] = [
        {
            "name": "audio_muted",
            "timestamp": when(span.join + rng.uniform(30, 300)),
            "metadata": {"reason": "user", "duration_ms": rng.randint(1000, 60000), "forced": False, "device_id": None},
        }
    ]
    for minute in sorted(bad):
        if span.join <= minute * 60 <= (span.leave or span.join + 900):
            events.append(
                {
                    "name": "network_changed",
                    "timestamp": when(minute * 60 + 3.5),
                    "metadata": {"from": "wifi", "to": "4g"},
                }
            )
            break
    return events


class Records(Sequence[SessionRecord]):
    """The data set's sessions in starting order, built when read: `records[i]`, `len(records)`, iteration."""

    def __init__(self, data: DataSet) -> None:
        self._data = data

    def __len__(self) -> int:
        return len(self._data)

    @typing.overload
    def __getitem__(self, position: int) -> SessionRecord: ...
    @typing.overload
    def __getitem__(self, position: slice) -> Sequence[SessionRecord]: ...
    def __getitem__(self, position: int | slice) -> SessionRecord | Sequence[SessionRecord]:
        if isinstance(position, slice):
            return _Picked(self, range(len(self))[position])
        if position < 0:
            position += len(self)
        if not 0 <= position < len(self):
            raise IndexError("no session at that position")
        return self._data._at_position(position)

    def reverse(self) -> Sequence[SessionRecord]:
        """Newest first, built when read."""
        return _Picked(self, range(len(self) - 1, -1, -1))


class _Picked(Sequence[SessionRecord]):
    """Some of the sessions, in a given order of positions, built when read."""

    def __init__(self, records: Sequence[SessionRecord], positions: Sequence[int]) -> None:
        self._records = records
        self._positions = positions

    def __len__(self) -> int:
        return len(self._positions)

    @typing.overload
    def __getitem__(self, position: int) -> SessionRecord: ...
    @typing.overload
    def __getitem__(self, position: slice) -> Sequence[SessionRecord]: ...
    def __getitem__(self, position: int | slice) -> SessionRecord | Sequence[SessionRecord]:
        if isinstance(position, slice):
            return _Picked(self._records, self._positions[position])
        return self._records[self._positions[position]]
