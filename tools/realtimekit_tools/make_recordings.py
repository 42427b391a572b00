"""Build the synthesized recordings under tests/recordings/<operation_id>/<case>.json.

The live API can't be reached from where these were made, so every response here is built from what Cloudflare
documents (shared/reference/API-FACTS.md, the SDK's model reference page, and our spec's examples). Everything is
deterministic: ids, timestamps and numbers come from random generators seeded by the case name, so running this
again gives byte-identical files (tests/contract checks that).

    python -m realtimekit_tools.make_recordings [--out DIR] [--spec FILE]      # or: make recordings

After the hand-written cases, the builder compares what they show with what the spec allows (every property,
enum value and null of every response; `coverage`) and adds `from_spec_*` cases, made from the schema alone, for
anything missing. So a field added to the spec is covered by running this again: no edit here is needed. While
the hand-written cases cover the spec, there are no such cases.

Recordings whose provenance is "live" are never written or removed by this script.
"""

from __future__ import annotations

import argparse
import datetime
import random
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from . import coverage
from .paths import recordings_dir
from .recording import (
    Provenance,
    RecordedRequest,
    RecordedResponse,
    Recording,
    read_source,
    recording_files,
    render,
    write_recording,
)
from .routes import route_table
from .spec import Spec, load_spec

RECORDED_AT = "2025-03-20T12:00:00Z"

FACTS = "shared/reference/API-FACTS.md"
SDK_PAGE = "the SDK model reference page (shared/reference/000_7d29a63a1e0cb68d.txt)"
SPEC = "openapi/realtimekit-sessions.yaml"

ACCOUNT_ID = "023e105f4ecef8ad9ca31a8372d0c353"
APP_ID = "3f9a1c527e444b1da0c26d8e5b7f9a10"
SESSION_ID = "5e3b5a0c-2a8f-4c38-8d0e-3f0d2b9c7a11"
PEER_ID = "0c6f4b1e-8d2a-4f7c-b3e9-5a1d7c9e2f40"
APP_PATH = f"/accounts/{ACCOUNT_ID}/realtime/kit/{APP_ID}"
SESSION_PATH = f"{APP_PATH}/sessions/{SESSION_ID}"
T0 = datetime.datetime(2025, 3, 14, 9, 0, 0, tzinfo=datetime.UTC)

SESSION_STATUSES = ("LIVE", "ENDED")
SESSION_TYPES = ("meeting", "livestream", "participant")
PEER_EVENT_NAMES = ("PEER_CREATED", "PEER_JOINING", "PEER_LEAVING")
PRESET_VIEW_TYPES = ("GROUP_CALL", "WEBINAR", "AUDIO_ROOM", "LIVESTREAM", "CHAT")
QUALITY_LIMITATION_REASONS = ("cpu", "bandwidth", "none", "other")
PEER_REPORT_FILTERS = ("device_info", "ip_information", "precall_network_information", "events", "quality_stats")
TRANSCRIPT_FORMATS = ("SRT", "VTT", "JSON", "CSV")
DISPLAY_NAMES = ("Priya N.", "Tomás R.", "Aiko S.", "Kwame O.", "Lena W.", "Mateo G.", "Yusuf A.", "Ines B.")
MEETING_TITLES = ("Weekly platform sync", "Daily stand-up", "Quarterly review", "Support office hours")
PRESETS = ("group_call_host", "group_call_participant", "webinar_presenter", "webinar_viewer")

Body = dict[str, Any]


# ---- small deterministic helpers ------------------------------------------------------------------------------


def rng_for(name: str) -> random.Random:
    # String seeds are hashed with SHA-512 by random.seed, so they give the same sequence on every run and platform.
    return random.Random(name)


def new_uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def stamp(offset_seconds: float) -> str:
    """An ISO 8601 UTC timestamp as RealtimeKit writes them, e.g. 2025-03-14T09:00:02.118Z."""
    moment = T0 + datetime.timedelta(milliseconds=round(offset_seconds * 1000))
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def wire_time(offset_seconds: float) -> str:
    """A date-time query value as the client puts it on the wire (datetime.isoformat())."""
    return (T0 + datetime.timedelta(seconds=offset_seconds)).isoformat()


def ray_id(rng: random.Random) -> str:
    return f"{rng.getrandbits(64):016x}-LIS"


def room_name(rng: random.Random) -> str:
    letters = "abcdefghijklmnopqrstuvwxyz"
    return "".join(rng.choice(letters) for _ in range(6)) + "-" + "".join(rng.choice(letters) for _ in range(6))


def download_url(kind: str, extension: str) -> str:
    return (
        f"https://dyte-uploads.r2.cloudflarestorage.com/{kind}/{SESSION_ID}.{extension}"
        "?X-Amz-Expires=3600&X-Amz-Signature=REDACTED"
    )


# ---- bodies ----------------------------------------------------------------------------------------------------


def make_session(rng: random.Random, status: str, type_: str, *, full: bool, start: float = 0.0) -> Body:
    minutes = round(rng.uniform(1, 400), 2)
    session: Body = {
        "id": new_uuid(rng),
        # V2 meetings have UUIDs; V1 meetings a room name of the form abcdef-ghijkl.
        "associated_id": new_uuid(rng) if rng.random() < 0.7 else room_name(rng),
        "created_at": stamp(start),
        "updated_at": stamp(start + 60 * minutes),
        "started_at": stamp(start + 0.2),
        "live_participants": rng.randint(1, 12) if status == "LIVE" else 0,
        "max_concurrent_participants": rng.randint(1, 40),
        "meeting_display_name": rng.choice(MEETING_TITLES),
        "minutes_consumed": minutes,
        "organization_id": APP_ID,
        "status": status,
        "type": type_,
    }
    if full:
        if status == "ENDED":
            session["ended_at"] = stamp(start + 60 * minutes)
        session["breakout_rooms"] = [make_breakout_room(rng, index, start) for index in range(2)] + [{}]
        session["meta"] = {
            "recording": {"enabled": True, "storage": "r2"},
            "tags": ["weekly", "platform"],
            "room_theme": None,
            "max_duration_minutes": 90,
        }
    return session


def make_breakout_room(rng: random.Random, index: int, start: float) -> Body:
    """Breakout rooms are free-form: Cloudflare's OpenAPI says sessions, its SDK says object, its example `{}`."""
    return {
        "id": new_uuid(rng),
        "meeting_display_name": f"Breakout room {index + 1}",
        "created_at": stamp(start + 600 + index),
        "status": "ENDED",
        "live_participants": 0,
        "max_concurrent_participants": rng.randint(2, 6),
        "meta": {"parent_session_id": SESSION_ID, "topics": ["design", "review"][: index + 1]},
    }


def make_peer_event(rng: random.Random, event_name: str, view_type: str | None, at: float, *, nulls: bool) -> Body:
    return {
        "id": new_uuid(rng),
        "event_name": event_name,
        "peer_id": PEER_ID,
        "participant_id": None if nulls else new_uuid(rng),
        "session_id": None if nulls else SESSION_ID,
        "socket_session_id": None if nulls else new_uuid(rng),
        "preset_view_type": None if nulls else view_type,
        "minutes_consumed": round(at / 60, 2) if event_name == "PEER_LEAVING" else 0,
        "created_at": stamp(at),
        "updated_at": stamp(at),
    }


def make_peer_events(rng: random.Random, *, nulls: bool = False) -> list[Body]:
    """A peer that joins, drops, rejoins and leaves: every event name, and every preset view type once."""
    names = ("PEER_CREATED", "PEER_JOINING", "PEER_LEAVING", "PEER_JOINING", "PEER_LEAVING")
    return [
        make_peer_event(rng, name, view_type, 5 + 600 * step, nulls=nulls)
        for step, (name, view_type) in enumerate(zip(names, PRESET_VIEW_TYPES, strict=True))
    ]


def make_participant(rng: random.Random, *, full: bool, peer_events: bool, start: float = 5.0) -> Body:
    duration = round(rng.uniform(0.5, 60), 2)
    participant: Body = {
        "id": new_uuid(rng),
        "user_id": new_uuid(rng),
        "custom_participant_id": f"emp-{rng.randint(10000, 99999)}",
        "display_name": rng.choice(DISPLAY_NAMES),
        "preset_name": rng.choice(PRESETS),
        "created_at": stamp(start),
        "updated_at": stamp(start + 60 * duration + 1),
        "joined_at": stamp(start + 0.6),
        "left_at": stamp(start + 60 * duration),
        "duration": duration,
    }
    if not full:
        keep = ("id", "display_name", "joined_at")
        participant = {key: participant[key] for key in keep}
    if peer_events:
        participant["peer_events"] = make_peer_events(rng)
    return participant


def make_paging(count: int, total: int, first: int = 1) -> Body:
    if count == 0:
        return {"start_offset": 0, "end_offset": 0, "total_count": total}
    return {"start_offset": first, "end_offset": first + count - 1, "total_count": total}


def percentiles(rng: random.Random, low: float, high: float) -> Body:
    values = sorted(round(rng.uniform(low, high), 2) for _ in range(3))
    return {"avg": round(sum(values) / 3, 2), "p50": values[0], "p75": values[1], "p90": values[2]}


def latency(rng: random.Random) -> Body:
    return {
        "avg": round(rng.uniform(20, 120), 1),
        "100ms_or_greater_event_fraction": round(rng.uniform(0, 0.05), 3),
        "250ms_or_greater_event_fraction": round(rng.uniform(0, 0.01), 3),
        "500ms_or_greater_event_fraction": 0,
    }


def packet_loss(rng: random.Random) -> Body:
    return {
        "avg": round(rng.uniform(0, 1), 2),
        "5_or_greater_event_fraction": round(rng.uniform(0, 0.03), 3),
        "10_or_greater_event_fraction": round(rng.uniform(0, 0.01), 3),
        "25_or_greater_event_fraction": 0,
        "50_or_greater_event_fraction": 0,
    }


def audio_producer_sample(rng: random.Random, at: float) -> Body:
    return {
        "timestamp": stamp(at),
        "producer_id": "p-audio-1",
        "mid": "0",
        "ssrc": 1234567890,
        "bytes_sent": int(at * 6000),
        "packets_sent": int(at * 50),
        "packets_lost": rng.randint(0, 4),
        "jitter": round(rng.uniform(0.001, 0.01), 4),
        "rtt": round(rng.uniform(0.02, 0.09), 3),
        "mos_quality": round(rng.uniform(3.5, 4.5), 2),
    }


def audio_consumer_sample(rng: random.Random, at: float) -> Body:
    return {
        "timestamp": stamp(at),
        "consumer_id": "c-audio-7",
        "producer_id": "p-audio-9",
        "peer_id": "4d9e2a7c-3b1f-4c6e-8a5d-9f0b2c4e6a81",
        "mid": "2",
        "ssrc": 987654321,
        "bytes_received": int(at * 5900),
        "packets_received": int(at * 49),
        "packets_lost": rng.randint(0, 4),
        "jitter": round(rng.uniform(0.001, 0.01), 4),
        "jitter_buffer_delay": round(rng.uniform(1, 3), 2),
        "jitter_buffer_emitted_count": int(at * 960),
        "concealment_events": rng.randint(0, 2),
        "mos_quality": round(rng.uniform(3.5, 4.5), 2),
    }


def video_producer_sample(rng: random.Random, at: float, reason: str) -> Body:
    return {
        "timestamp": stamp(at),
        "producer_id": "p-video-1",
        "mid": "1",
        "ssrc": 1122334455,
        "bytes_sent": int(at * 130000),
        "packets_sent": int(at * 120),
        "packets_lost": rng.randint(0, 6),
        "jitter": round(rng.uniform(0.002, 0.012), 4),
        "rtt": round(rng.uniform(0.02, 0.09), 3),
        "mos_quality": round(rng.uniform(3.2, 4.4), 2),
        "frame_width": 1280 if reason == "none" else 640,
        "frame_height": 720 if reason == "none" else 360,
        "frames_per_second": rng.choice((24, 25, 30)),
        "frames_encoded": int(at * 30),
        "key_frames_encoded": 1 + int(at // 300),
        "fir_count": 0,
        "pli_count": rng.randint(0, 3),
        "quality_limitation_reason": reason,
        "quality_limitation_resolution_changes": 0 if reason == "none" else rng.randint(1, 4),
        "quality_limitation_durations": {
            "bandwidth": 12.5 if reason == "bandwidth" else 0,
            "cpu": 8.25 if reason == "cpu" else 0,
            "none": round(at, 1),
            "other": 3 if reason == "other" else 0,
        },
    }


def video_consumer_sample(rng: random.Random, at: float) -> Body:
    return {
        "timestamp": stamp(at),
        "consumer_id": "c-video-7",
        "producer_id": "p-video-9",
        "peer_id": "4d9e2a7c-3b1f-4c6e-8a5d-9f0b2c4e6a81",
        "mid": "3",
        "ssrc": 5566778899,
        "bytes_received": int(at * 125000),
        "packets_received": int(at * 116),
        "packets_lost": rng.randint(0, 6),
        "jitter": round(rng.uniform(0.002, 0.012), 4),
        "jitter_buffer_delay": round(rng.uniform(1.5, 3.5), 2),
        "jitter_buffer_emitted_count": int(at * 30),
        "mos_quality": round(rng.uniform(3.2, 4.4), 2),
        "frame_width": 1280,
        "frame_height": 720,
        "frames_per_second": rng.choice((24, 29, 30)),
        "frames_decoded": int(at * 29),
        "frames_dropped": rng.randint(0, 5),
        "key_frames_decoded": 1 + int(at // 300),
        "fir_count": 0,
    }


def audio_producer_summary(rng: random.Random) -> Body:
    return {"quality_mos": percentiles(rng, 3.8, 4.5), "packet_loss": packet_loss(rng), "rtt": latency(rng)}


def audio_consumer_summary(rng: random.Random) -> Body:
    return {
        "quality_mos": percentiles(rng, 3.8, 4.5),
        "packet_loss": packet_loss(rng),
        "jitter_buffer_delay": latency(rng),
    }


def video_producer_summary(rng: random.Random) -> Body:
    return {
        "quality_mos": percentiles(rng, 3.5, 4.4),
        "frame_per_second": percentiles(rng, 24, 30),
        "frame_width": percentiles(rng, 640, 1280),
        "key_frames_encoded_fraction": 0.003,
        "high_negative_feedback_fraction": 0.001,
        "packet_loss": packet_loss(rng),
        "rtt": latency(rng),
        "issues": {
            "bandwidth_quality_limitation_fraction": 0.004,
            "cpu_quality_limitation_fraction": 0.013,
            "quality_limitation_fraction": 0.017,
            "no_video_fraction": 0,
            "poor_resolution_fraction": 0.02,
        },
    }


def video_consumer_summary(rng: random.Random) -> Body:
    return {
        "quality_mos": percentiles(rng, 3.5, 4.4),
        "frame_per_second": percentiles(rng, 24, 30),
        "frame_width": percentiles(rng, 640, 1280),
        "key_frames_decoded_fraction": 0.003,
        "packet_loss": packet_loss(rng),
        "jitter_buffer_delay": latency(rng),
        "issues": {"lag_fraction": 0.004, "no_video_fraction": 0, "poor_resolution_fraction": 0.03},
    }


def make_quality(rng: random.Random, samples: int) -> Body:
    """Samples every 30 s through the call; outgoing video cycles through every quality_limitation_reason."""
    times = [30.0 * (index + 1) for index in range(samples)]
    reasons = [QUALITY_LIMITATION_REASONS[index % len(QUALITY_LIMITATION_REASONS)] for index in range(samples)]
    screenshare = times[: max(1, samples // 4)] if samples else []
    return {
        "audio_producer": [audio_producer_sample(rng, at) for at in times],
        "audio_producer_cumulative": audio_producer_summary(rng),
        "audio_consumer": [audio_consumer_sample(rng, at) for at in times],
        "audio_consumer_cumulative": audio_consumer_summary(rng),
        "video_producer": [video_producer_sample(rng, at, reason) for at, reason in zip(times, reasons, strict=True)],
        "video_producer_cumulative": video_producer_summary(rng),
        "video_consumer": [video_consumer_sample(rng, at) for at in times],
        "video_consumer_cumulative": video_consumer_summary(rng),
        "screenshare_audio_producer": [audio_producer_sample(rng, at) for at in screenshare],
        "screenshare_audio_producer_cumulative": audio_producer_summary(rng),
        "screenshare_audio_consumer": [audio_consumer_sample(rng, at) for at in screenshare],
        "screenshare_audio_consumer_cumulative": audio_consumer_summary(rng),
        "screenshare_video_producer": [video_producer_sample(rng, at, "none") for at in screenshare],
        "screenshare_video_producer_cumulative": video_producer_summary(rng),
        "screenshare_video_consumer": [video_consumer_sample(rng, at) for at in screenshare],
        "screenshare_video_consumer_cumulative": video_consumer_summary(rng),
    }


def media_device(kind: str, label: str, device_id: str = "default") -> Body:
    return {"device_id": device_id, "kind": kind, "label": label}


def candidate_pair(rng: random.Random, *, producing: bool) -> Body:
    return {
        "available_incoming_bitrate": 0 if producing else 3100000,
        "available_outgoing_bitrate": 2500000 if producing else 0,
        "bytes_discarded_on_send": 0,
        "bytes_received": rng.randint(10**5, 10**7),
        "bytes_sent": rng.randint(10**5, 10**8),
        "current_round_trip_time": round(rng.uniform(0.02, 0.09), 3),
        "total_round_trip_time": round(rng.uniform(10, 60), 1),
        "last_packet_received_timestamp": 1741946858921,
        "last_packet_sent_timestamp": 1741946858950,
        "local_candidate_address": "203.0.113.24",
        "local_candidate_id": "I9bX2kqL" if producing else "Jc4vN8wR",
        "local_candidate_network_type": "wifi",
        "local_candidate_port": 53211 if producing else 53212,
        "local_candidate_protocol": "udp",
        "local_candidate_related_address": "192.0.2.10",
        "local_candidate_related_port": 53211 if producing else 53212,
        "local_candidate_type": "srflx",
        "local_candidate_url": "stun:stun.example.com:3478",
        "nominated": True,
        "packets_discarded_on_send": 0,
        "packets_received": rng.randint(1000, 90000),
        "packets_sent": rng.randint(1000, 90000),
        "remote_candidate_address": "198.51.100.7",
        "remote_candidate_id": "Rm7pQ1zA" if producing else "Tk2sW9eD",
        "remote_candidate_port": 40012 if producing else 40013,
        "remote_candidate_protocol": "udp",
        "remote_candidate_type": "host",
        "remote_candidate_url": "",
    }


def make_peer_metadata(rng: random.Random, *, nulls: bool = False) -> Body:
    return {
        "sdk_name": "web-core",
        "sdk_type": "web",
        "sdk_version": "1.35.2",
        "room_view_type": "GROUP_CALL",
        "device_info": {"os": "macOS", "os_version": "14.4", "cpus": 10, "is_mobile": False},
        "browser_metadata": {
            "browser": "Chrome",
            "browser_version": "122.0.6261.129",
            "engine": "Blink",
            "user_agent": (
                "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) "
                "Chrome/122.0.0.0 Safari/537.36"
            ),
            "webgl_support": None if nulls else True,
        },
        "ip_information": {
            "ipv4": "203.0.113.24",
            "city": "Lisbon",
            "region": "Lisbon",
            "country": "PT",
            "timezone": "Europe/Lisbon",
            "org": "AS64500 Example Telecom",
            "asn": {
                "asn": "AS64500",
                "name": "Example Telecom",
                "domain": "example.net",
                "route": "203.0.113.0/24",
                "type": "isp",
            },
        },
        "native_metadata": {"audio_encoder": "opus", "video_encoder": "VP8"},
        "pc_metadata": [
            {
                "timestamp": stamp(6.5),
                "effective_network_type": "4g",
                "reflexive_connectivity": True,
                "relay_connectivity": True,
                "turn_connectivity": not nulls,
                "sdp": ["v=0", "o=- 4611731400430051336 2 IN IP4 127.0.0.1", "s=-"],
            }
        ],
        "candidate_pairs": {
            "producing_transport": [candidate_pair(rng, producing=True)],
            "consuming_transport": [candidate_pair(rng, producing=False)],
        },
        "events": [
            {
                "name": "audio_muted",
                "timestamp": stamp(600),
                "metadata": (
                    {"reason": None, "duration_ms": None, "forced": None, "device_id": None}
                    if nulls
                    else {"reason": "user", "duration_ms": 4200, "forced": False, "device_id": None}
                ),
            },
            {"name": "network_changed", "timestamp": stamp(1200.25), "metadata": {"from": "wifi", "to": "4g"}},
        ],
        "audio_devices_updates": [
            {
                "timestamp": stamp(5.9),
                "added": [media_device("audioinput", "MacBook Pro Microphone")],
                "removed": [media_device("audioinput", "USB Headset Microphone", "8d1e2f3a")],
            }
        ],
        "video_devices_updates": [
            {
                "timestamp": stamp(5.9),
                "added": [media_device("videoinput", "FaceTime HD Camera", "3c1f0d6e")],
                "removed": [],
            }
        ],
        "speaker_devices_updates": [
            {"timestamp": stamp(5.9), "added": [media_device("audiooutput", "MacBook Pro Speakers")], "removed": []}
        ],
        "selected_device_updates": [
            {"timestamp": stamp(6.1), "device": media_device("audioinput", "MacBook Pro Microphone")},
            {"timestamp": stamp(900), "device": media_device("videoinput", "FaceTime HD Camera", "3c1f0d6e")},
        ],
    }


def make_report_participant(rng: random.Random, *, peer_events: bool, report: Body | None) -> Body:
    participant: Body = {
        "id": PEER_ID,
        "session_id": SESSION_ID,
        "user_id": new_uuid(rng),
        "custom_participant_id": "emp-10482",
        "display_name": "Priya N.",
        "role": "group_call_host",
        "created_at": stamp(5.44),
        "updated_at": stamp(2859.001),
        "joined_at": stamp(6.012),
        "left_at": stamp(2858.95),
        "duration": 47.55,
    }
    if peer_events:
        participant["peer_events"] = make_peer_events(rng)
    if report is not None:
        participant["peer_report"] = report
    return participant


# ---- recordings ------------------------------------------------------------------------------------------------


class Case:
    """One recording: the request as sent and the response as answered."""

    def __init__(
        self,
        operation_id: str,
        name: str,
        basis: str,
        *,
        method: str = "GET",
        path: str,
        query: dict[str, str] | None = None,
        status: int = 200,
        body: Any = None,
        body_text: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        self.operation_id = operation_id
        self.name = name
        self.basis = basis
        self.method = method
        self.path = path
        self.query = query or {}
        self.status = status
        self.body = body
        self.body_text = body_text
        self.headers = headers or {}

    def recording(self) -> Recording:
        rng = rng_for(f"ray/{self.operation_id}/{self.name}")
        content_type = "text/html; charset=UTF-8" if self.body_text is not None else "application/json; charset=utf-8"
        headers = {"content-type": content_type, "cf-ray": ray_id(rng), **self.headers}
        # Those named *unknown_fields carry fields the spec doesn't know on purpose; drift counts them as expected.
        expected_drift = ("unknown-field",) if self.name.endswith("unknown_fields") else ()
        return Recording(
            provenance=Provenance("synthesized", self.basis, RECORDED_AT, expected_drift),
            operation_id=self.operation_id,
            request=RecordedRequest(self.method, self.path, self.query),
            response=RecordedResponse(self.status, headers, body=self.body, body_text=self.body_text),
        )


def ok(data: Any, **extra: Any) -> Body:
    return {"success": True, "data": data, **extra}


def add_unknown(target: Body, depth_name: str) -> Body:
    """Fields the spec doesn't know, as a newer API would send them; the client must keep them."""
    target[f"x_{depth_name}_note"] = f"unknown field at {depth_name}"
    target[f"x_{depth_name}_detail"] = {"flag": True, "items": [1, 2.5, "three", None], "nested": {"level": 2}}
    return target


def sessions_cases() -> Iterator[Case]:
    op, path = "get_sessions", f"{APP_PATH}/sessions"
    basis = f"{FACTS} (get_sessions, Session), {SDK_PAGE} SessionGetSessionsResponse, {SPEC} example"

    rng = rng_for(f"{op}/full")
    sessions = [
        make_session(rng, status, type_, full=True, start=3600.0 * index)
        for index, (status, type_) in enumerate((s, t) for s in SESSION_STATUSES for t in SESSION_TYPES)
    ]
    query = {
        "page_no": "1",
        "per_page": "20",
        "sort_by": "createdAt",
        "sort_order": "DESC",
        "start_time": wire_time(-86400 * 13),
        "end_time": wire_time(86400 * 17),
        "participants": "2",
    }
    body = ok({"sessions": sessions}, paging=make_paging(len(sessions), len(sessions)))
    yield Case(op, "full", basis + "; every optional field, every status and type", path=path, query=query, body=body)

    yield Case(op, "minimal", basis + "; every top-level key is optional", path=path, body={})

    rng = rng_for(f"{op}/sparse")
    sessions = [make_session(rng, "LIVE", "meeting", full=False), make_session(rng, "ENDED", "livestream", full=False)]
    yield Case(op, "sparse", basis + "; sessions with required fields only", path=path, body=ok({"sessions": sessions}))

    yield Case(
        op,
        "empty",
        basis + "; a page past the end",
        path=path,
        query={"page_no": "9"},
        body=ok({"sessions": []}, paging=make_paging(0, 0)),
    )

    rng = rng_for(f"{op}/many")
    sessions = [
        make_session(
            rng, SESSION_STATUSES[index % 2], SESSION_TYPES[index % 3], full=index % 5 == 0, start=900.0 * index
        )
        for index in range(250)
    ]
    yield Case(
        op,
        "many",
        basis + "; a long page of 250 sessions",
        path=path,
        query={"page_no": "2", "per_page": "250", "sort_by": "minutesConsumed", "sort_order": "ASC"},
        body=ok({"sessions": sessions}, paging=make_paging(250, 1234, first=251)),
    )

    rng = rng_for(f"{op}/filtered")
    meeting_id = new_uuid(rng)
    sessions = [make_session(rng, "LIVE", "meeting", full=True) for _ in range(2)]
    for session in sessions:
        session["associated_id"] = meeting_id
    yield Case(
        op,
        "filtered",
        basis + "; status, search and associated_id filters",
        path=path,
        query={"status": "LIVE", "search": "stand-up", "associated_id": meeting_id},
        body=ok({"sessions": sessions}, paging=make_paging(2, 2)),
    )

    rng = rng_for(f"{op}/unknown_fields")
    session = add_unknown(make_session(rng, "ENDED", "meeting", full=True), "session")
    add_unknown(session["breakout_rooms"][0], "breakout_room")
    body = add_unknown(
        ok(add_unknown({"sessions": [session]}, "data"), paging=add_unknown(make_paging(1, 1), "paging")), "top"
    )
    yield Case(op, "unknown_fields", basis + "; fields the spec doesn't know at every depth", path=path, body=body)


def session_details_cases() -> Iterator[Case]:
    op, path = "get_session_details", SESSION_PATH
    basis = f"{FACTS} (get_session_details, Session), {SDK_PAGE} SessionGetSessionDetailsResponse, {SPEC} example"
    with_rooms = {"include_breakout_rooms": "true"}

    session = make_session(rng_for(f"{op}/full"), "ENDED", "meeting", full=True)
    session["id"] = SESSION_ID
    yield Case(op, "full", basis + "; every optional field", path=path, query=with_rooms, body=ok(session))
    yield Case(op, "minimal", basis + "; every top-level key is optional", path=path, body={})

    session = make_session(rng_for(f"{op}/sparse"), "LIVE", "livestream", full=False)
    yield Case(op, "sparse", basis + "; a live livestream, required fields only", path=path, body=ok(session))

    session = make_session(rng_for(f"{op}/participant_type"), "LIVE", "participant", full=False)
    session["meta"] = {}
    yield Case(op, "participant_type", basis + "; type participant, empty meta", path=path, body=ok(session))

    session = make_session(rng_for(f"{op}/breakout_rooms_empty"), "ENDED", "meeting", full=True)
    session["breakout_rooms"] = []
    yield Case(op, "breakout_rooms_empty", basis + "; no breakout rooms", path=path, query=with_rooms, body=ok(session))

    rng = rng_for(f"{op}/breakout_rooms_many")
    session = make_session(rng, "ENDED", "meeting", full=True)
    session["breakout_rooms"] = [make_breakout_room(rng, index, 600.0) for index in range(120)]
    yield Case(op, "breakout_rooms_many", basis + "; 120 breakout rooms", path=path, query=with_rooms, body=ok(session))

    session = add_unknown(make_session(rng_for(f"{op}/unknown_fields"), "ENDED", "livestream", full=True), "session")
    add_unknown(session["meta"], "meta")
    add_unknown(session["breakout_rooms"][1], "breakout_room")
    yield Case(
        op,
        "unknown_fields",
        basis + "; fields the spec doesn't know at every depth",
        path=path,
        query=with_rooms,
        body=add_unknown(ok(session), "top"),
    )


def participants_cases() -> Iterator[Case]:
    op, path = "get_session_participants", f"{SESSION_PATH}/participants"
    basis = (
        f"{FACTS} (get_session_participants, Participant, PeerEvent), "
        f"{SDK_PAGE} SessionGetSessionParticipantsResponse, {SPEC} example (data.paging)"
    )

    rng = rng_for(f"{op}/full")
    participants = [make_participant(rng, full=True, peer_events=True, start=5.0 + 30 * i) for i in range(3)]
    query = {
        "search": "emp-",
        "page_no": "1",
        "per_page": "3",
        "sort_order": "DESC",
        "sort_by": "joinedAt",
        "include_peer_events": "true",
        "view": "consolidated",
    }
    data = {"participants": participants, "paging": make_paging(3, 7)}
    yield Case(op, "full", basis + "; every optional field and query parameter", path=path, query=query, body=ok(data))
    yield Case(op, "minimal", basis + "; every top-level key is optional", path=path, body={})

    participants = [{}, make_participant(rng_for(f"{op}/sparse"), full=False, peer_events=False)]
    yield Case(
        op,
        "sparse",
        basis + "; every Participant field is optional",
        path=path,
        body=ok({"participants": participants}),
    )

    yield Case(
        op,
        "empty",
        basis + "; a search matching nobody",
        path=path,
        query={"search": "nobody"},
        body=ok({"participants": [], "paging": make_paging(0, 0)}),
    )

    rng = rng_for(f"{op}/many")
    participants = [make_participant(rng, full=True, peer_events=False, start=5.0 + i) for i in range(300)]
    yield Case(
        op,
        "many",
        basis + "; 300 participants",
        path=path,
        query={"per_page": "300", "sort_by": "duration", "sort_order": "ASC", "view": "raw"},
        body=ok({"participants": participants, "paging": make_paging(300, 300)}),
    )

    rng = rng_for(f"{op}/null_peer_events")
    participant = make_participant(rng, full=True, peer_events=False)
    participant["peer_events"] = make_peer_events(rng, nulls=True)
    yield Case(
        op,
        "null_peer_events",
        basis + "; every nullable PeerEvent field null",
        path=path,
        query={"include_peer_events": "true"},
        body=ok({"participants": [participant]}),
    )

    rng = rng_for(f"{op}/unknown_fields")
    participant = add_unknown(make_participant(rng, full=True, peer_events=True), "participant")
    add_unknown(participant["peer_events"][0], "peer_event")
    data = add_unknown({"participants": [participant], "paging": add_unknown(make_paging(1, 1), "paging")}, "data")
    yield Case(
        op,
        "unknown_fields",
        basis + "; fields the spec doesn't know at every depth",
        path=path,
        query={"include_peer_events": "true"},
        body=add_unknown(ok(data), "top"),
    )


def participant_details_cases() -> Iterator[Case]:
    op = "get_session_participant_details"
    basis = f"{FACTS} (get_session_participant_details, Participant, PeerEvent), {SDK_PAGE}, {SPEC} example"

    def path_of(participant_id: str) -> str:
        return f"{SESSION_PATH}/participants/{participant_id}"

    def case(name: str, note: str, participant: Body | None, *, events: bool, body: Any = None) -> Case:
        participant_id = participant.get("id", PEER_ID) if participant else PEER_ID
        return Case(
            op,
            name,
            f"{basis}; {note}",
            path=path_of(participant_id),
            query={"include_peer_events": "true"} if events else {},
            body=body if body is not None else ok({"participant": participant}),
        )

    yield case(
        "full",
        "every optional field",
        make_participant(rng_for(f"{op}/full"), full=True, peer_events=True),
        events=True,
    )
    yield case("minimal", "every top-level key is optional", None, events=False, body={})
    yield case("sparse", "every Participant field is optional", {}, events=False)
    yield case(
        "no_peer_events",
        "peer_events left out without include_peer_events",
        make_participant(rng_for(f"{op}/no_peer_events"), full=True, peer_events=False),
        events=False,
    )
    participant = make_participant(rng_for(f"{op}/empty_peer_events"), full=True, peer_events=False)
    participant["peer_events"] = []
    yield case("empty_peer_events", "no peer events recorded", participant, events=True)

    rng = rng_for(f"{op}/null_peer_events")
    participant = make_participant(rng, full=True, peer_events=False)
    participant["peer_events"] = make_peer_events(rng, nulls=True)
    yield case("null_peer_events", "every nullable PeerEvent field null", participant, events=True)

    participant = add_unknown(
        make_participant(rng_for(f"{op}/unknown_fields"), full=True, peer_events=True), "participant"
    )
    add_unknown(participant["peer_events"][2], "peer_event")
    body = add_unknown(ok(add_unknown({"participant": participant}, "data")), "top")
    yield case("unknown_fields", "fields the spec doesn't know at every depth", participant, events=True, body=body)


def download_cases() -> Iterator[Case]:
    """The three operations that answer with a short-lived download link, and the summary job."""
    expiry = stamp(7200)

    op, path = "get_session_chat", f"{SESSION_PATH}/chat"
    basis = f"{FACTS} (get_session_chat), {SDK_PAGE} SessionGetSessionChatResponse, {SPEC} example"
    data = {"chat_download_url": download_url("chat", "csv"), "chat_download_url_expiry": expiry}
    yield Case(op, "full", basis + "; every field", path=path, body=ok(data))
    yield Case(op, "minimal", basis + "; every top-level key is optional", path=path, body={})
    yield Case(op, "sparse", basis + "; data without success", path=path, body={"data": dict(data)})
    yield Case(
        op,
        "unknown_fields",
        basis + "; fields the spec doesn't know",
        path=path,
        body=add_unknown(ok(add_unknown(dict(data), "data")), "top"),
    )

    op, path = "get_session_transcripts", f"{SESSION_PATH}/transcript"
    basis = f"{FACTS} (get_session_transcripts), {SDK_PAGE} SessionGetSessionTranscriptsResponse, {SPEC} example"

    def transcript(extension: str) -> Body:
        return {
            "sessionId": SESSION_ID,
            "transcript_download_url": download_url("transcripts", extension),
            "transcript_download_url_expiry": expiry,
        }

    yield Case(
        op, "full", basis + "; every field, format CSV", path=path, query={"format": "CSV"}, body=ok(transcript("csv"))
    )
    for format_ in TRANSCRIPT_FORMATS[:3]:
        yield Case(
            op,
            f"format_{format_.lower()}",
            basis + f"; format {format_}",
            path=path,
            query={"format": format_},
            body=ok(transcript(format_.lower())),
        )
    yield Case(op, "minimal", basis + "; every top-level key is optional", path=path, body={})
    yield Case(
        op, "sparse", basis + "; data without success, default format", path=path, body={"data": transcript("csv")}
    )
    yield Case(
        op,
        "unknown_fields",
        basis + "; fields the spec doesn't know",
        path=path,
        body=add_unknown(ok(add_unknown(transcript("csv"), "data")), "top"),
    )

    op, path = "get_session_summary", f"{SESSION_PATH}/summary"
    basis = f"{FACTS} (get_session_summary), {SDK_PAGE} SessionGetSessionSummaryResponse, {SPEC} example"
    data = {
        "sessionId": SESSION_ID,
        "summaryDownloadUrl": download_url("summaries", "txt"),
        "summaryDownloadUrlExpiry": expiry,
    }
    yield Case(op, "full", basis + "; every field", path=path, body=ok(data))
    yield Case(op, "minimal", basis + "; every top-level key is optional", path=path, body={})
    yield Case(op, "sparse", basis + "; data without success", path=path, body={"data": dict(data)})
    yield Case(
        op,
        "unknown_fields",
        basis + "; fields the spec doesn't know",
        path=path,
        body=add_unknown(ok(add_unknown(dict(data), "data")), "top"),
    )

    op = "generate_summary_of_transcripts"
    basis = f"{FACTS} (generate_summary_of_transcripts), {SDK_PAGE} SessionGenerateSummaryOfTranscriptsResponse"
    data = {"session_id": SESSION_ID, "status": "PENDING"}
    yield Case(op, "full", basis + "; every field", method="POST", path=path, body=ok(data))
    yield Case(op, "minimal", basis + "; every top-level key is optional", method="POST", path=path, body={})
    yield Case(op, "sparse", basis + "; data with neither optional field", method="POST", path=path, body=ok({}))
    yield Case(
        op,
        "unknown_fields",
        basis + "; fields the spec doesn't know",
        method="POST",
        path=path,
        body=add_unknown(ok(add_unknown({"session_id": SESSION_ID, "status": "IN_PROGRESS"}, "data")), "top"),
    )


def peer_report_cases() -> Iterator[Case]:
    op, path = "get_participant_data_from_peer_id", f"{APP_PATH}/sessions/peer-report/{PEER_ID}"
    basis = (
        f"{FACTS} (get_participant_data_from_peer_id, nullable fields), {SDK_PAGE} "
        f"SessionGetParticipantDataFromPeerIDResponse (metadata, quality), {SPEC} PeerReport example"
    )

    def report_case(name: str, note: str, participant: Body, query: dict[str, str] | None = None) -> Case:
        return Case(op, name, f"{basis}; {note}", path=path, query=query, body=ok({"participant": participant}))

    rng = rng_for(f"{op}/full")
    report = {"metadata": make_peer_metadata(rng), "quality": make_quality(rng, 8)}
    participant = make_report_participant(rng, peer_events=True, report=report)
    yield report_case("full", "every section filled", participant, {"include_peer_events": "true"})

    yield Case(op, "minimal", basis + "; every top-level key is optional", path=path, body={})
    yield report_case("sparse", "every participant field is optional", {})

    rng = rng_for(f"{op}/long_report")
    report = {"metadata": make_peer_metadata(rng), "quality": make_quality(rng, 200)}
    participant = make_report_participant(rng, peer_events=False, report=report)
    yield report_case("long_report", "a long call: 200 samples per stream, 1,200 in all", participant)

    rng = rng_for(f"{op}/nulls")
    report = {"metadata": make_peer_metadata(rng, nulls=True), "quality": make_quality(rng, 2)}
    participant = make_report_participant(rng, peer_events=False, report=report)
    participant["peer_events"] = make_peer_events(rng, nulls=True)
    yield report_case("nulls", "null wherever nullable", participant, {"include_peer_events": "true"})

    rng = rng_for(f"{op}/empty_lists")
    metadata = make_peer_metadata(rng)
    for key in ("pc_metadata", "events", "audio_devices_updates", "video_devices_updates", "speaker_devices_updates"):
        metadata[key] = []
    metadata["selected_device_updates"] = []
    metadata["candidate_pairs"] = {"producing_transport": [], "consuming_transport": []}
    participant = make_report_participant(
        rng, peer_events=False, report={"metadata": metadata, "quality": make_quality(rng, 0)}
    )
    participant["peer_events"] = []
    yield report_case("empty_lists", "every list empty", participant, {"include_peer_events": "true"})

    # Which part of the report each filter leaves in is our reading of the filter names; Cloudflare doesn't say.
    sections: dict[str, Callable[[random.Random], Body]] = {
        "device_info": lambda r: {"metadata": {"device_info": make_peer_metadata(r)["device_info"]}},
        "ip_information": lambda r: {"metadata": {"ip_information": make_peer_metadata(r)["ip_information"]}},
        "precall_network_information": lambda r: {
            "metadata": {key: make_peer_metadata(r)[key] for key in ("pc_metadata", "candidate_pairs")}
        },
        "events": lambda r: {"metadata": {"events": make_peer_metadata(r)["events"]}},
        "quality_stats": lambda r: {"quality": make_quality(r, 4)},
    }
    for filter_name in PEER_REPORT_FILTERS:
        rng = rng_for(f"{op}/filters_{filter_name}")
        participant = make_report_participant(rng, peer_events=False, report=sections[filter_name](rng))
        yield report_case(
            f"filters_{filter_name}",
            f"filters={filter_name}; which sections it keeps is assumed",
            participant,
            {"filters": filter_name},
        )

    rng = rng_for(f"{op}/unknown_fields")
    metadata = add_unknown(make_peer_metadata(rng), "metadata")
    add_unknown(metadata["device_info"], "device_info")
    add_unknown(metadata["ip_information"]["asn"], "asn")
    add_unknown(metadata["events"][0], "client_event")
    quality = add_unknown(make_quality(rng, 2), "quality")
    add_unknown(quality["video_producer"][0], "video_sample")
    add_unknown(quality["video_producer"][0]["quality_limitation_durations"], "durations")
    add_unknown(quality["audio_consumer_cumulative"]["quality_mos"], "percentiles")
    report = add_unknown({"metadata": metadata, "quality": quality}, "peer_report")
    participant = add_unknown(make_report_participant(rng, peer_events=True, report=report), "participant")
    body = add_unknown(ok(add_unknown({"participant": participant}, "data")), "top")
    yield Case(
        op,
        "unknown_fields",
        basis + "; fields the spec doesn't know at every depth",
        path=path,
        query={"include_peer_events": "true"},
        body=body,
    )


# ---- error answers -----------------------------------------------------------------------------------------------

ERROR_BASIS = (
    f"{FACTS} (errors: RealtimeKit's {{success, error{{code, message}}}}, Cloudflare's v4 envelope, "
    f"HTML 520-527 from the edge), {SPEC} components/responses"
)


def edge_page(status: int, title: str, ray: str) -> str:
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="en-US"><head><title>api.cloudflare.com | {status}: {title}</title></head>\n'
        f"<body><h1>Error {status}</h1><p>{title}</p>\n"
        f"<p>Cloudflare Ray ID: <strong>{ray}</strong></p></body></html>\n"
    )


def error_cases(op: str, method: str, path: str, subject: str) -> Iterator[Case]:
    def realtimekit(code: int, message: str) -> Body:
        return {"success": False, "error": {"code": code, "message": message}}

    def cloudflare(code: int, message: str, documentation_url: str | None = None) -> Body:
        error: Body = {"code": code, "message": message}
        if documentation_url:
            error["documentation_url"] = documentation_url
        return {"success": False, "errors": [error], "messages": [], "result": None}

    def case(name: str, status: int, **kwargs: Any) -> Case:
        return Case(op, name, ERROR_BASIS, method=method, path=path, status=status, **kwargs)

    yield case("error_400", 400, body=realtimekit(400, "Invalid query parameter: per_page must be a number"))
    yield case("error_401", 401, body=cloudflare(10000, "Authentication error"))
    yield case(
        "error_403",
        403,
        body=cloudflare(
            10000,
            "Authentication error: the token lacks the Realtime permission",
            "https://developers.cloudflare.com/fundamentals/api/reference/permissions/",
        ),
    )
    yield case("error_404", 404, body=realtimekit(404, f"{subject} not found"))
    extra = realtimekit(404, f"{subject} not found")
    add_unknown(extra["error"], "error")
    yield case("error_404_unknown_fields", 404, body=add_unknown(extra, "top"))
    yield case(
        "error_429",
        429,
        body=cloudflare(971, "Please wait and consider throttling your request speed"),
        headers={"retry-after": "30"},
    )
    yield case("error_500", 500, body=realtimekit(500, "Internal server error"))
    for status, title in ((520, "Web server is returning an unknown error"), (522, "Connection timed out")):
        ray = ray_id(rng_for(f"ray/{op}/error_{status}_html"))
        yield case(f"error_{status}_html", status, body_text=edge_page(status, title, ray))


def all_error_cases() -> Iterator[Case]:
    yield from error_cases("get_sessions", "GET", f"{APP_PATH}/sessions", "App")
    yield from error_cases("get_session_details", "GET", SESSION_PATH, "Session")
    yield from error_cases("get_session_participants", "GET", f"{SESSION_PATH}/participants", "Session")
    yield from error_cases(
        "get_session_participant_details", "GET", f"{SESSION_PATH}/participants/{PEER_ID}", "Participant"
    )
    yield from error_cases("get_session_chat", "GET", f"{SESSION_PATH}/chat", "Chat")
    yield from error_cases("get_session_transcripts", "GET", f"{SESSION_PATH}/transcript", "Transcript")
    yield from error_cases("get_session_summary", "GET", f"{SESSION_PATH}/summary", "Summary")
    yield from error_cases("generate_summary_of_transcripts", "POST", f"{SESSION_PATH}/summary", "Transcript")
    yield from error_cases(
        "get_participant_data_from_peer_id", "GET", f"{APP_PATH}/sessions/peer-report/{PEER_ID}", "Peer"
    )


def hand_cases() -> Iterator[Case]:
    """The cases written out above, from what Cloudflare documents."""
    yield from sessions_cases()
    yield from session_details_cases()
    yield from participants_cases()
    yield from participant_details_cases()
    yield from download_cases()
    yield from peer_report_cases()
    yield from all_error_cases()


def spec_cases(spec: Spec, hand: list[Case]) -> Iterator[Case]:
    """Cases made from the spec alone for whatever the hand-written cases do not show: a field, enum value or
    null the spec gained since. None while the hand-written cases cover the spec (as they do when committed);
    after an optional field is added to the spec, running the builder again adds `from_spec_*` cases that show
    it, so that the coverage test passes with no edit here."""
    table = route_table(spec)
    for operation_id, route in table.items():
        observed: set[str] = set()
        for case in hand:
            if case.operation_id == operation_id and case.body is not None:
                coverage.observed_marks(spec, operation_id, case.status, case.body, observed)
        expected = coverage.expected_marks(spec, operation_id)
        if expected <= observed:
            continue
        examples = {name: str(p.get("example", name)) for name, p in route.parameters.items() if p.get("in") == "path"}
        for key in coverage.response_schemas(spec, operation_id):
            status = int(key.upper().replace("XX", "00"))
            bodies = coverage.spec_bodies(spec, operation_id, key, expected - observed)
            for number, body in enumerate(bodies, start=1):
                yield Case(
                    operation_id,
                    f"from_spec_{key.lower()}_{number}",
                    f"{SPEC} alone (every property filled, alternative {number} of each choice): shows what "
                    "no other case of this operation does",
                    method=route.method,
                    path=route.path_for(examples),
                    status=status,
                    body=body,
                    headers={"retry-after": "30"} if status == 429 else None,
                )
                coverage.observed_marks(spec, operation_id, status, body, observed)


def all_cases(spec: Spec | None = None) -> Iterator[Case]:
    hand = list(hand_cases())
    yield from hand
    yield from spec_cases(load_spec() if spec is None else spec, hand)


def build(spec_path: Path | None = None) -> dict[str, str]:
    """Relative path (operation_id/case.json) -> file text, for every synthesized recording."""
    return {relative: render(recording) for relative, recording in build_recordings(spec_path).items()}


def build_recordings(spec_path: Path | None = None) -> dict[str, Recording]:
    """Relative path (operation_id/case.json) -> recording, for every synthesized recording: the hand-written
    cases, plus those the spec (`spec_path`, default the repository's) needs for the rest."""
    recordings: dict[str, Recording] = {}
    for case in all_cases(load_spec(spec_path)):
        relative = f"{case.operation_id}/{case.name}.json"
        if relative in recordings:
            raise ValueError(f"two cases write {relative}")
        recordings[relative] = case.recording()
    return recordings


def is_synthesized(path: Path) -> bool:
    return read_source(path) == "synthesized"


def write(out: Path, spec_path: Path | None = None) -> tuple[int, int]:
    recordings = build_recordings(spec_path)
    # Synthesized files this script no longer makes would otherwise linger and be tested forever.
    stale = [
        path
        for path in recording_files(out)
        if path.relative_to(out).as_posix() not in recordings and is_synthesized(path)
    ]
    for path in stale:
        path.unlink()
    for relative, recording in recordings.items():
        write_recording(out / relative, recording)
    return len(recordings), len(stale)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=None, help="where to write (default tests/recordings)")
    parser.add_argument("--spec", type=Path, default=None, help="the spec (default openapi/realtimekit-sessions.yaml)")
    args = parser.parse_args(argv)
    out = args.out or recordings_dir()
    written, removed = write(out, args.spec)
    derived = sorted(name for name in build_recordings(args.spec) if "/from_spec_" in name)
    print(f"wrote {written} recordings to {out} (removed {removed} stale)")
    if derived:
        print(f"{len(derived)} of them made from the spec alone, for what no hand-written case shows:")
        for name in derived:
            print(f"  {name}")


if __name__ == "__main__":
    main()
