"""Call all nine RealtimeKit Sessions operations through the generated client, against the local mock server.

Starts realtimekit_tools.mock_server (the mock of `make mock`) on a free loopback port, so no network and no real
credentials are involved (the token is the placeholder "demo-token"). Prints what each call returned, then fetches
and reads the chat, transcript and summary files the mock serves; exits 1 if anything failed.
"""

from __future__ import annotations

import datetime
import os
import sys
from collections.abc import Callable
from typing import Any

from realtimekit_sessions import AuthenticatedClient
from realtimekit_sessions.api.sessions import (
    generate_summary_of_transcripts,
    get_participant_data_from_peer_id,
    get_session_chat,
    get_session_details,
    get_session_participant_details,
    get_session_participants,
    get_session_summary,
    get_session_transcripts,
    get_sessions,
)
from realtimekit_sessions.errors import APIError
from realtimekit_sessions.models import ChatMessage
from realtimekit_sessions.transcripts import read_transcript
from realtimekit_sessions.types import Unset, read_csv

from . import mock_server

# The ids the spec's examples use: the mock's data set holds that session and its participants as the examples
# show them (the mock answers any account and app id; unknown session and peer ids get a 404).
ACCOUNT_ID = "023e105f4ecef8ad9ca31a8372d0c353"
APP_ID = "3f9a1c527e444b1da0c26d8e5b7f9a10"
SESSION_ID = "5e3b5a0c-2a8f-4c38-8d0e-3f0d2b9c7a11"
PARTICIPANT_ID = "0c6f4b1e-8d2a-4f7c-b3e9-5a1d7c9e2f40"


def show(value: Any) -> str:
    """A field as text: '-' when the API left it out, timestamps in UTC without microseconds."""
    if value is None or isinstance(value, Unset):
        return "-"
    if isinstance(value, datetime.datetime):
        return value.astimezone(datetime.UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def short_url(url: str) -> str:
    """A signed download URL without its query string, which only carries the signature."""
    return url.split("?", 1)[0] + ("?<signed>" if "?" in url else "")


def list_sessions(client: AuthenticatedClient) -> list[str]:
    page = get_sessions.sync(ACCOUNT_ID, APP_ID, client=client, per_page=10, sort_order="DESC")
    sessions = page.data.sessions if not isinstance(page.data, Unset) else []
    total = page.paging.total_count if not isinstance(page.paging, Unset) else len(sessions)
    lines = [f"{len(sessions)} of {show(total)} sessions"]
    for session in sessions:
        live = f", {show(session.live_participants)} live now" if session.status == "LIVE" else ""
        lines.append(
            f"  {session.meeting_display_name:<22} {session.status:<5} {show(session.minutes_consumed)} min used,"
            f" peak {show(session.max_concurrent_participants)} participants{live}"
        )
    return lines


def session_details(client: AuthenticatedClient) -> list[str]:
    session = get_session_details.sync(ACCOUNT_ID, APP_ID, SESSION_ID, client=client, include_breakout_rooms=True).data
    rooms = len(session.breakout_rooms) if not isinstance(session.breakout_rooms, Unset) else 0
    return [
        (
            f"{session.meeting_display_name!r} is {session.status}, {session.type_},"
            f" {show(session.started_at)} -> {show(session.ended_at)}, {rooms} breakout rooms"
        )
    ]


def session_participants(client: AuthenticatedClient) -> list[str]:
    listing = get_session_participants.sync(ACCOUNT_ID, APP_ID, SESSION_ID, client=client, sort_by="duration").data
    participants = listing.participants if not isinstance(listing.participants, Unset) else []
    lines = [f"{len(participants)} participants"]
    for participant in participants:
        lines.append(
            f"  {show(participant.display_name):<10} {show(participant.preset_name):<24}"
            f" {show(participant.duration)} min, joined {show(participant.joined_at)}"
        )
    return lines


def participant_details(client: AuthenticatedClient) -> list[str]:
    participant = get_session_participant_details.sync(
        ACCOUNT_ID, APP_ID, SESSION_ID, PARTICIPANT_ID, client=client, include_peer_events=True
    ).data.participant
    events = participant.peer_events if not isinstance(participant.peer_events, Unset) else []
    lines = [f"{show(participant.display_name)} ({show(participant.custom_participant_id)}), {len(events)} peer events"]
    for event in events:
        lines.append(f"  {show(event.created_at)}  {show(event.event_name):<13} view {show(event.preset_view_type)}")
    return lines


def session_chat(client: AuthenticatedClient) -> list[str]:
    chat = get_session_chat.sync(ACCOUNT_ID, APP_ID, SESSION_ID, client=client).data
    return [f"{short_url(chat.chat_download_url)}, expires {show(chat.chat_download_url_expiry)}"]


def session_transcripts(client: AuthenticatedClient) -> list[str]:
    transcript = get_session_transcripts.sync(ACCOUNT_ID, APP_ID, SESSION_ID, client=client, format_="CSV").data
    return [
        (
            f"CSV {short_url(transcript.transcript_download_url)},"
            f" expires {show(transcript.transcript_download_url_expiry)}"
        )
    ]


def session_summary(client: AuthenticatedClient) -> list[str]:
    summary = get_session_summary.sync(ACCOUNT_ID, APP_ID, SESSION_ID, client=client).data
    return [f"{short_url(summary.summary_download_url)}, expires {show(summary.summary_download_url_expiry)}"]


def generate_summary(client: AuthenticatedClient) -> list[str]:
    job = generate_summary_of_transcripts.sync(ACCOUNT_ID, APP_ID, SESSION_ID, client=client).data
    return [f"summary job for session {show(job.session_id)} is {show(job.status)}"]


def peer_report(client: AuthenticatedClient) -> list[str]:
    participant = get_participant_data_from_peer_id.sync(
        ACCOUNT_ID, APP_ID, PARTICIPANT_ID, client=client
    ).data.participant
    metadata = participant.peer_report.metadata
    quality = participant.peer_report.quality
    video = quality.video_producer[0]
    device, browser, ip = metadata.device_info, metadata.browser_metadata, metadata.ip_information
    pair = metadata.candidate_pairs.producing_transport[0]
    device_labels = [
        show(added.label)
        for updates in (metadata.audio_devices_updates, metadata.video_devices_updates)
        for update in updates
        for added in update.added
    ]
    return [
        f"{show(participant.display_name)} as {show(participant.role)}, {show(participant.duration)} min",
        (
            f"  device: {show(device.os)} {show(device.os_version)}, {show(browser.browser)} {show(browser.browser_version)},"
            f" SDK {show(metadata.sdk_name)} {show(metadata.sdk_version)}"
        ),
        f"  network: {show(ip.city)}, {show(ip.country)} via {show(ip.org)}",
        (
            f"  sending over: {show(pair.local_candidate_type)}/{show(pair.local_candidate_protocol)}"
            f" on {show(pair.local_candidate_network_type)}, current RTT {show(pair.current_round_trip_time)} s"
        ),
        f"  devices: {', '.join(device_labels)}",
        (
            f"  audio MOS avg: sent {show(quality.audio_producer_cumulative.quality_mos.avg)},"
            f" received {show(quality.audio_consumer_cumulative.quality_mos.avg)};"
            f" RTT avg {show(quality.audio_producer_cumulative.rtt.avg)} ms"
        ),
        (
            f"  video: {show(video.frame_width)}x{show(video.frame_height)} sent, limited by CPU"
            f" {show(quality.video_producer_cumulative.issues.cpu_quality_limitation_fraction * 100)}% of the time"
        ),
        (
            f"  video MOS avg: sent {show(quality.video_producer_cumulative.quality_mos.avg)},"
            f" received {show(quality.video_consumer_cumulative.quality_mos.avg)};"
            f" fps avg {show(quality.video_producer_cumulative.frame_per_second.avg)} sent,"
            f" {show(quality.video_consumer_cumulative.frame_per_second.avg)} received"
        ),
    ]


def downloads(client: AuthenticatedClient) -> str:
    """The files behind the three links, fetched from the mock (which serves them itself) and read."""
    chat = get_session_chat.download(ACCOUNT_ID, APP_ID, SESSION_ID, client=client)
    messages = list(read_csv(chat.content, ChatMessage.from_dict))
    vtt = get_session_transcripts.download(ACCOUNT_ID, APP_ID, SESSION_ID, client=client, format_="VTT")
    lines = read_transcript(vtt.content, "VTT")
    summary = get_session_summary.download(ACCOUNT_ID, APP_ID, SESSION_ID, client=client).text
    return f"{len(messages)} chat messages, {len(lines)} transcript lines (VTT), summary {summary.splitlines()[0]!r}"


OPERATIONS: list[tuple[str, Callable[[AuthenticatedClient], list[str]]]] = [
    ("get_sessions", list_sessions),
    ("get_session_details", session_details),
    ("get_session_participants", session_participants),
    ("get_session_participant_details", participant_details),
    ("get_session_chat", session_chat),
    ("get_session_transcripts", session_transcripts),
    ("get_session_summary", session_summary),
    ("generate_summary_of_transcripts", generate_summary),
    ("get_participant_data_from_peer_id", peer_report),
]


def main() -> int:
    server, base_url = mock_server.start()
    failures = 0
    try:
        print(f"RealtimeKit Sessions demo: generated client -> local mock at {base_url} (placeholder token)")
        with AuthenticatedClient(token="demo-token", base_url=base_url) as client:
            for operation_id, call in OPERATIONS:
                try:
                    lines = call(client)
                except (APIError, AttributeError, IndexError, TypeError) as error:
                    # Besides API errors: a section the output needs came back missing or empty (Unset has no
                    # fields, an empty list no first item), which for the demo is a failed call as well.
                    failures += 1
                    print(f"{operation_id}: FAILED: {type(error).__name__}: {error}")
                    continue
                print(f"{operation_id}: {lines[0]}")
                for line in lines[1:]:
                    print(line)
        print(f"{len(OPERATIONS) - failures} of {len(OPERATIONS)} operations succeeded")
        with AuthenticatedClient(token="demo-token", base_url=base_url) as client:
            try:
                print(f"downloads: {downloads(client)}")
            except (APIError, ValueError) as error:
                failures += 1
                print(f"downloads: FAILED: {type(error).__name__}: {error}")
        failures += run_cli(base_url)
    finally:
        server.stop()
    return 1 if failures else 0


def run_cli(base_url: str) -> int:
    """The realtimekit-sessions command against the same mock, as a user would run it."""
    import subprocess

    ids = {
        "CLOUDFLARE_ACCOUNT_ID": "023e105f4ecef8ad9ca31a8372d0c353",
        "REALTIMEKIT_APP_ID": "3f9a1c527e444b1da0c26d8e5b7f9a10",
    }
    env = {**os.environ, **ids, "CLOUDFLARE_BASE_URL": base_url, "CLOUDFLARE_API_TOKEN": "demo-token", "COLUMNS": "110"}
    failed = 0
    for command in (["sessions", "list"], ["peer-report", "0c6f4b1e-8d2a-4f7c-b3e9-5a1d7c9e2f40"]):
        print(f"\n$ realtimekit-sessions {' '.join(command)}")
        run = subprocess.run(
            [sys.executable, "-m", "realtimekit_sessions_cli", *command],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        print((run.stdout + run.stderr).rstrip())
        failed += run.returncode != 0
    return failed


if __name__ == "__main__":
    sys.exit(main())
