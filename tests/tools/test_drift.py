"""realtimekit_tools.drift: recorded answers (folders of recordings, HAR files) checked against the spec."""

from __future__ import annotations

import base64
import copy
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from realtimekit_tools import drift
from realtimekit_tools.paths import recordings_dir

RECORDINGS = recordings_dir()
API = "https://api.cloudflare.com/client/v4"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict[str, Any]]:
    code = drift.main([*args, "--json"])
    return code, json.loads(capsys.readouterr().out)


def load(operation_id: str, case: str = "full") -> dict[str, Any]:
    recording: dict[str, Any] = json.loads((RECORDINGS / operation_id / f"{case}.json").read_text(encoding="utf-8"))
    return recording


def save(folder: Path, name: str, recording: dict[str, Any]) -> Path:
    path = folder / recording["operation_id"] / f"{name}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(recording), encoding="utf-8")
    return path


def test_committed_recordings_drift_only_where_unknown_fields_were_put_on_purpose(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, report = run(capsys, str(RECORDINGS))
    # The deliberate fixtures say so in their provenance (expected_drift), so the folder passes as it is.
    assert code == 0
    assert report["checked"] == len(list(RECORDINGS.glob("*/*.json")))
    assert all(finding["allowed"] for finding in report["findings"])
    assert {finding["kind"] for finding in report["findings"]} == {"unknown-field"}
    sources = {Path(finding["source"]).name for finding in report["findings"]}
    assert sources == {"unknown_fields.json", "error_404_unknown_fields.json"}
    # Every operation's deliberate fixtures are caught, not just some.
    assert len({finding["source"] for finding in report["findings"]}) == 2 * 9
    assert all(finding["path"].rsplit(".", 1)[-1].startswith("x_") for finding in report["findings"])


def test_allowing_unknown_fields_passes_the_committed_recordings(capsys: pytest.CaptureFixture[str]) -> None:
    code, report = run(capsys, str(RECORDINGS), "--allow", "unknown-field")
    assert code == 0
    assert report["drift"] is False
    assert report["findings"] and all(finding["allowed"] for finding in report["findings"])


def test_expected_drift_in_the_provenance_is_reported_but_passes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    recording = load("get_sessions", "unknown_fields")
    del recording["provenance"]["expected_drift"]
    save(tmp_path, "as_is", recording)
    assert run(capsys, str(tmp_path))[0] == 1
    recording["provenance"]["expected_drift"] = ["unknown-field"]
    save(tmp_path, "as_is", recording)
    code, report = run(capsys, str(tmp_path))
    assert code == 0
    assert report["findings"] and all(finding["allowed"] for finding in report["findings"])
    # Expecting one kind does not excuse another.
    recording["response"]["body"]["data"]["sessions"][0]["status"] = "ARCHIVED"
    save(tmp_path, "as_is", recording)
    code, report = run(capsys, str(tmp_path))
    assert code == 1
    assert [f["kind"] for f in report["findings"] if not f["allowed"]] == ["new-enum-value"]


def _session(recording: dict[str, Any]) -> dict[str, Any]:
    session: dict[str, Any] = recording["response"]["body"]["data"]["sessions"][0]
    return session


def _set(key: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def mutate(recording: dict[str, Any]) -> None:
        _session(recording)[key] = value

    return mutate


def _drop(key: str) -> Callable[[dict[str, Any]], None]:
    def mutate(recording: dict[str, Any]) -> None:
        del _session(recording)[key]

    return mutate


def _status(status: int) -> Callable[[dict[str, Any]], None]:
    def mutate(recording: dict[str, Any]) -> None:
        recording["response"]["status"] = status

    return mutate


def _html(recording: dict[str, Any]) -> None:
    response = recording["response"]
    del response["body"]
    response["headers"]["content-type"] = "text/html"
    response["body_text"] = "<html><body>maintenance</body></html>"


MUTATIONS: dict[str, tuple[Callable[[dict[str, Any]], None], str, str, str]] = {
    # name: (mutation, kind, path, a word of what was found)
    "unknown field": (
        _set("recording_url", "https://example.com/r"),
        "unknown-field",
        "$.data.sessions[0].recording_url",
        "string",
    ),
    "missing required field": (
        _drop("organization_id"),
        "missing-field",
        "$.data.sessions[0].organization_id",
        "missing",
    ),
    "type change": (_set("live_participants", "8"), "type-change", "$.data.sessions[0].live_participants", '"8"'),
    "new enum value": (_set("status", "ARCHIVED"), "new-enum-value", "$.data.sessions[0].status", "ARCHIVED"),
    "new status code": (_status(418), "new-status", "$", "418"),
    "timestamp format": (_set("created_at", "14/03/2025 09:00"), "format", "$.data.sessions[0].created_at", "14/03"),
    "html instead of json": (_html, "media-type", "$", "text/html"),
}


@pytest.mark.parametrize("name", MUTATIONS)
def test_each_kind_of_drift_is_detected_where_it_is(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mutate, kind, path, found = MUTATIONS[name]
    recording = copy.deepcopy(load("get_sessions"))
    save(tmp_path, "untouched", recording)
    mutate(recording)
    mutated = save(tmp_path, "mutated", recording)
    code, report = run(capsys, str(tmp_path))
    assert code == 1
    assert [(f["source"], f["operation_id"], f["kind"], f["path"]) for f in report["findings"]] == [
        (str(mutated), "get_sessions", kind, path)
    ]
    assert found in report["findings"][0]["found"]


def test_human_report_names_operation_path_expected_and_found(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    recording = load("get_sessions")
    _session(recording)["status"] = "ARCHIVED"
    save(tmp_path, "mutated", recording)
    assert drift.main([str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "get_sessions" in out
    assert "new-enum-value  $.data.sessions[0].status" in out
    assert 'expected: one of ["LIVE", "ENDED"]' in out
    assert 'found:    string "ARCHIVED"' in out
    assert out.rstrip().endswith("1 answers checked: 1 drift findings in 1 answers")


def test_clean_recordings_pass(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for operation in ("get_sessions", "get_session_chat", "get_participant_data_from_peer_id"):
        save(tmp_path, "full", load(operation))
        save(tmp_path, "error_520_html", load(operation, "error_520_html"))
    assert drift.main([str(tmp_path)]) == 0
    assert capsys.readouterr().out.strip() == "6 answers checked: no drift"


def _har_entry(method: str, url: str, status: int, mime: str, text: str, *, encode: bool = False) -> dict[str, Any]:
    content: dict[str, Any] = {"mimeType": mime, "size": len(text)}
    if encode:
        content.update(text=base64.b64encode(text.encode()).decode(), encoding="base64")
    else:
        content["text"] = text
    return {
        "request": {"method": method, "url": url, "headers": []},
        "response": {"status": status, "headers": [{"name": "Content-Type", "value": mime}], "content": content},
    }


def _url(recording: dict[str, Any]) -> str:
    query = "&".join(f"{k}={v}" for k, v in recording["request"]["query"].items())
    return API + recording["request"]["path"] + (f"?{query}" if query else "")


def test_har_entries_are_matched_to_operations_and_checked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sessions, report_rec, chat = (
        load("get_sessions"),
        load("get_participant_data_from_peer_id"),
        load("get_session_chat"),
    )
    drifted = copy.deepcopy(sessions)
    _session(drifted)["type"] = "webinar"
    entries = [
        _har_entry("GET", "https://dash.example.com/app.js", 200, "text/javascript", "let x = 1;"),
        _har_entry("GET", _url(sessions), 200, "application/json", json.dumps(sessions["response"]["body"])),
        # The peer-report path also fits no {session_id} template: it must be matched to its own operation.
        _har_entry(
            "GET",
            _url(report_rec),
            200,
            "application/json; charset=utf-8",
            json.dumps(report_rec["response"]["body"]),
            encode=True,
        ),
        _har_entry("GET", _url(chat), 200, "application/json", json.dumps(chat["response"]["body"])),
        _har_entry("OPTIONS", _url(chat), 204, "", ""),
        _har_entry("GET", _url(sessions), 0, "", ""),
        _har_entry("GET", _url(drifted), 200, "application/json", json.dumps(drifted["response"]["body"])),
    ]
    har = tmp_path / "dash.har"
    har.write_text(json.dumps({"log": {"version": "1.2", "entries": entries}}), encoding="utf-8")
    code, report = run(capsys, str(har))
    assert code == 1
    assert report["checked"] == 4
    assert [(f["operation_id"], f["kind"], f["path"]) for f in report["findings"]] == [
        ("get_sessions", "new-enum-value", "$.data.sessions[0].type")
    ]
    assert report["findings"][0]["source"].startswith(f"{har}#entries[6] GET /client/v4/accounts/")


def test_unreadable_input_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "notes.json").write_text('{"hello": 1}', encoding="utf-8")
    assert drift.main([str(tmp_path)]) == 2
    assert "not a recording" in capsys.readouterr().err
    assert drift.main([str(tmp_path / "missing")]) == 2
    empty = tmp_path / "empty"
    empty.mkdir()
    assert drift.main([str(empty)]) == 2
    (tmp_path / "bad.har").write_text("[]", encoding="utf-8")
    assert drift.main([str(tmp_path / "bad.har")]) == 2


def test_strict_spec_leaves_the_original_and_maps_alone() -> None:
    spec = drift.load_spec()
    before = json.dumps(spec, sort_keys=True, default=str)
    strict = drift.strict_spec(spec)
    assert json.dumps(spec, sort_keys=True, default=str) == before
    schemas = strict["components"]["schemas"]
    assert schemas["Session"]["additionalProperties"] == {"not": {}}
    assert schemas["ClientEventMetadata"]["additionalProperties"] == {"type": ["string", "number", "boolean", "null"]}


def test_copies_of_the_committed_folder_check_the_same(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copytree(RECORDINGS / "get_session_chat", tmp_path / "nested" / "deeper" / "get_session_chat")
    code, report = run(capsys, str(tmp_path))
    assert code == 0 and all(f["allowed"] for f in report["findings"])
    assert {Path(f["source"]).name for f in report["findings"]} == {
        "unknown_fields.json",
        "error_404_unknown_fields.json",
    }
