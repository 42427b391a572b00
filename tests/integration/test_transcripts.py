"""Transcripts in RealtimeKit's four formats read into one TranscriptLine shape, and `transcript --json`."""

from __future__ import annotations

import datetime
import json

import pytest
from cli_support import SESSION_ID, Api
from realtimekit_sessions.errors import ModelParseError
from realtimekit_sessions.transcripts import TranscriptLine, TranscriptParseError, read_transcript
from realtimekit_sessions_cli.app import app
from typer.testing import CliRunner

PEER = "0c6f4b1e-8d2a-4f7c-b3e9-5a1d7c9e2f40"
USER = "99473578-c291-4e07-b3f8-de51b85e2fb1"


def ms(value: float) -> datetime.timedelta:
    return datetime.timedelta(milliseconds=value)


def test_csv_has_no_header_and_keeps_its_first_line() -> None:
    # A header-based reader (csv.DictReader, read_csv) would make the first line the header and lose it.
    content = (
        f"1200,{PEER},{USER},emp-10482,Priya N.,Good morning.\r\n"
        f'65000,{PEER},{USER},,Priya N.,"Agenda: release date, then Q&A"\r\n'
        f'70500.5,peer-2,user-2,emp-7,Tomás R.,"Two\nlines"\r\n'
    ).encode()
    lines = read_transcript(content, "CSV")
    assert lines[0] == TranscriptLine(ms(1200), None, PEER, USER, "emp-10482", "Priya N.", "Good morning.")
    assert lines[1].text == "Agenda: release date, then Q&A" and lines[1].custom_participant_id is None
    assert lines[2].start == ms(70500.5) and lines[2].text == "Two\nlines" and lines[2].display_name == "Tomás R."
    assert len(lines) == 3


@pytest.mark.parametrize(
    ("content", "where", "what"),
    [
        (f"1200,{PEER},{USER},emp,Priya N.,Hi\n1300,{PEER},{USER},Priya N.,Hi again\n", "row 2", "6 columns"),
        (f"soon,{PEER},{USER},emp,Priya N.,Hi\n", "row 1", "start must be milliseconds"),
        (f"-5,{PEER},{USER},emp,Priya N.,Hi\n", "row 1", "non-negative"),
    ],
)
def test_csv_errors_name_the_row(content: str, where: str, what: str) -> None:
    with pytest.raises(TranscriptParseError) as caught:
        read_transcript(content, "csv")
    assert where in str(caught.value) and what in str(caught.value)
    assert isinstance(caught.value, ModelParseError) and isinstance(caught.value, ValueError)


def test_json_sentences_with_peer_data() -> None:
    content = json.dumps(
        [
            {
                "startTime": 1200,
                "endTime": 3400,
                "sentence": "Good morning.",
                "peerData": {
                    "id": PEER,
                    "userId": USER,
                    "displayName": "Priya N.",
                    "cpi": "emp-10482",
                    "joinedAt": "2025-03-14T09:00:06.012Z",
                    "leftAt": "2025-03-14T09:47:38.950Z",
                },
            },
            {"startTime": 5000, "sentence": "Morning!", "peerData": {"id": "peer-2", "displayName": "Tomás R."}},
        ]
    )
    first, second = read_transcript(content, "JSON")
    assert first == TranscriptLine(ms(1200), ms(3400), PEER, USER, "emp-10482", "Priya N.", "Good morning.")
    assert second.end is None and second.user_id is None and second.display_name == "Tomás R."


@pytest.mark.parametrize(
    ("content", "where"),
    [
        ('[{"startTime": 1, "sentence": "a"}, {"startTime": 2}]', "$[1].sentence"),
        ('[{"startTime": "later", "sentence": "a"}]', "$[0].startTime"),
        ('[{"sentence": "a"}]', "$[0]"),
        ('{"startTime": 1}', "$"),
        ('[{"startTime": 1, "sentence": "a"},', "line 1 column"),
    ],
)
def test_json_errors_name_the_item(content: str, where: str) -> None:
    with pytest.raises(TranscriptParseError) as caught:
        read_transcript(content, "JSON")
    assert f"JSON transcript, {where}" in str(caught.value)


SRT = (
    "1\n00:00:01,200 --> 00:00:03,400\nPriya N.: Good morning,\neveryone.\n\n"
    "2\n00:01:05,000 --> 00:01:09,250\nTomás R.: First item:\nthe release date.\nThen Q&A.\n\n"
    "3\n01:00:00,000 --> 01:00:01,000\nno speaker here\n\n"
)


def test_srt_multi_line_cues() -> None:
    lines = read_transcript(SRT.encode(), "SRT")
    assert lines[0] == TranscriptLine(ms(1200), ms(3400), None, None, None, "Priya N.", "Good morning,\neveryone.")
    assert lines[1].display_name == "Tomás R." and lines[1].text == "First item:\nthe release date.\nThen Q&A."
    assert lines[1].start == ms(65000) and lines[1].end == ms(69250)
    assert lines[2].display_name is None and lines[2].start == datetime.timedelta(hours=1)


def test_srt_errors_say_where() -> None:
    broken = SRT.replace("00:01:05,000 --> 00:01:09,250", "00:01:05 to 00:01:09")
    with pytest.raises(TranscriptParseError) as caught:
        read_transcript(broken, "SRT")
    assert "SRT transcript, after cue 1" in str(caught.value)


VTT = (
    "\ufeffWEBVTT\n\n"
    "1\n00:00:01.200 --> 00:00:03.400\n<v Priya N.>Good morning,\neveryone.</v>\n\n"
    "00:01:05.000 --> 00:01:09.250\nTomás R.: First item:\nthe release date.\n\n"
    "01:00:00.000 --> 01:00:01.000\nno speaker here\n"
)


def test_vtt_multi_line_cues_and_voices() -> None:
    lines = read_transcript(VTT.encode(), "vtt")
    assert lines[0] == TranscriptLine(ms(1200), ms(3400), None, None, None, "Priya N.", "Good morning,\neveryone.")
    assert lines[1] == TranscriptLine(
        ms(65000), ms(69250), None, None, None, "Tomás R.", "First item:\nthe release date."
    )
    assert lines[2].display_name is None and lines[2].end == datetime.timedelta(hours=1, seconds=1)


@pytest.mark.parametrize(
    ("content", "where"),
    [
        ("NOT A VTT\n\n00:00:01.000 --> 00:00:02.000\nhi\n", "header"),
        ("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nhi\n\n00:00:03 --> 00:00:04.000\nlost\n", "line 6"),
    ],
)
def test_vtt_errors_say_where(content: str, where: str) -> None:
    with pytest.raises(TranscriptParseError) as caught:
        read_transcript(content, "VTT")
    assert f"VTT transcript, {where}" in str(caught.value)


def test_lines_are_frozen_and_slotted() -> None:
    line = TranscriptLine(ms(0), None, None, None, None, None, "x")
    with pytest.raises(AttributeError):
        line.text = "y"  # type: ignore[misc]
    assert not hasattr(line, "__dict__")


def test_transcript_json_prints_one_object_per_line(api: Api) -> None:
    result = CliRunner().invoke(app, ["transcript", SESSION_ID, "--json"])
    assert result.exit_code == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows == [
        {
            "start": 1.0,
            "end": 3.0,
            "peer_id": None,
            "user_id": None,
            "custom_participant_id": None,
            "display_name": "Priya N.",
            "text": "Good morning.",
        }
    ]


def test_summary_prints_the_summary_text(api: Api) -> None:
    from cli_support import SUMMARY_TEXT

    result = CliRunner().invoke(app, ["summary", SESSION_ID])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == SUMMARY_TEXT
