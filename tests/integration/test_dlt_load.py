"""Issue 14: the API into DuckDB with dlt, end to end, against the toolkit's mock (realtimekit_tools.mock_server)
with thousands of sessions, a capped per_page and 429s with Retry-After; a run stopped by a Retry-After too long to
wait and one killed part-way, each resumed; a second run; sessions the API adds; a field it adds; LIVE sessions
that end. Real dlt, real DuckDB, a real HTTP server; row counts are compared with the mock's data set.

Kept to a few pipeline runs (each costs dlt and DuckDB a second or more): large volumes and time are
`make bench-load`'s."""

from __future__ import annotations

import datetime
import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

# No dlt telemetry from tests: this machine's only network is the loopback (and the package registries). One load
# worker and no staging truncation: these loads are small, and the threads would cost more than they save.
os.environ.setdefault("RUNTIME__DLTHUB_TELEMETRY", "false")
os.environ.setdefault("LOAD__WORKERS", "1")
# dlt, DuckDB and the source are imported where they are used, not here: every test worker collects this module,
# and importing dlt costs each of them more than half a second that only the worker running these tests needs.

from realtimekit_sessions import AuthenticatedClient, RateLimit, errors
from realtimekit_tools.mock_data import LONG_CALL_ID, DataSet, SessionRecord
from realtimekit_tools.mock_server import MockOptions, MockServer, running

# On one worker of the suite (--dist loadgroup): dlt, DuckDB and pyarrow are imported, and dlt's first pipeline run
# made, once for all of them, not once on each worker that draws one of these tests (about 1.5 CPU seconds each).
pytestmark = pytest.mark.xdist_group("dlt")
ACCOUNT, APP = "acc", "app"
FAST = {"requests": 100_000, "per_seconds": 60.0}  # the budget's behaviour is tests/unit/test_rate_limit.py's
NOW = datetime.datetime.now(datetime.UTC)  # the mock's dates end an hour before it: files within their 7 days


def mock(sessions: int, **options: Any) -> Any:
    return running(MockOptions(sessions=sessions, now=NOW, **options))


def client_for(server: MockServer, **kwargs: Any) -> AuthenticatedClient:
    kwargs.setdefault("rate_limit", RateLimit(**FAST))
    return AuthenticatedClient(token="t", base_url=server.api_url, **kwargs)


def pipeline_in(folder: Path) -> Any:
    import dlt

    return dlt.pipeline(
        pipeline_name="realtimekit_sessions",
        pipelines_dir=str(folder / "pipelines"),
        destination=dlt.destinations.duckdb(str(folder / "realtimekit_sessions.duckdb")),
        dataset_name="realtimekit",
    )


def load(pipeline: Any, server: MockServer, **kwargs: Any) -> None:
    client = kwargs.pop("client", None) or client_for(server)
    kwargs.setdefault("downloads", False)
    from realtimekit_sessions_dlt import realtimekit_source

    pipeline.run(realtimekit_source(ACCOUNT, APP, client=client, **kwargs))


def query(folder: Path, sql: str) -> list[tuple[Any, ...]]:
    import duckdb

    with duckdb.connect(str(folder / "realtimekit_sessions.duckdb"), read_only=True) as con:
        return con.execute(sql).fetchall()


def counts(folder: Path, *tables: str) -> dict[str, int]:
    return {table: query(folder, f"select count(*) from realtimekit.{table}")[0][0] for table in tables}


def expected(data: DataSet, records: Iterable[SessionRecord] | None = None) -> dict[str, int]:
    """Sessions, participants and peer events as the mock answers them (of `records`, else of every session)."""
    sessions = people = events = 0
    for record in data.records if records is None else records:
        participants = data.participants(record)
        sessions += 1
        people += len(participants)
        events += sum(len(data.peer_events(record, n, p)) for n, p in enumerate(participants))
    return {"sessions": sessions, "participants": people, "participants__peer_events": events}


def plus(*parts: dict[str, int]) -> dict[str, int]:
    return {table: sum(part[table] for part in parts) for table in parts[0]}


def no_duplicates(folder: Path) -> None:
    assert query(folder, "select count(*) - count(distinct id) from realtimekit.sessions") == [(0,)]
    assert query(folder, "select count(*) - count(distinct (session_id, id)) from realtimekit.participants") == [(0,)]


def cause_of(error: BaseException) -> BaseException | None:
    """The client's error behind dlt's wrappers."""
    cause: BaseException | None = error
    while cause is not None and not isinstance(cause, errors.RealtimeKitSessionsError):
        cause = getattr(cause, "exception", None) or cause.__cause__ or cause.__context__
    return cause


@pytest.mark.slow
def test_thousands_of_sessions_resumed_after_a_long_retry_after_then_nothing_new_then_what_the_api_adds(
    tmp_path: Path,
) -> None:
    # Two participants at most per session: the number of sessions (pages, the cursor) is the point here.
    with mock(2000, max_per_page=50, max_participants=2) as server:
        data = server.data
        pipeline = pipeline_in(tmp_path)
        # An hour's Retry-After is past max_retry_after: the run stops, naming it (the pause kept short here).
        server.fail_next(429, retry_after=3600, operation_id="get_session_participants")
        stopped = client_for(server, max_retry_after=10, rate_limit=RateLimit(max_pause=0.2, **FAST))
        with pytest.raises(Exception) as caught:
            load(pipeline, server, client=stopped)
        cause = cause_of(caught.value)
        assert isinstance(cause, errors.RateLimitError) and cause.retry_after == 3600

        # The next run completes: 2,000 sessions in pages cut to 50, a 429 on the way waited out.
        server.fail_next(429, retry_after=1, operation_id="get_session_participants")
        load(pipeline, server, client=client_for(server, max_retry_after=5))
        live = data.live_records()
        settled = expected(data, [record for record in data.records if not record.live])  # will not change
        tables = plus(settled, expected(data, live))
        assert counts(tmp_path, *tables) == tables
        assert server.rate_limited_count == 2
        assert server.requests_by_operation["get_sessions"] >= 2000 // 50
        no_duplicates(tmp_path)

        # A second run: the lag window's sessions are listed again and merged; only the LIVE ones, and the
        # newest (its start is the cursor's), cost another call.
        server.requests_by_operation.clear()
        load(pipeline, server)
        assert counts(tmp_path, *tables) == tables
        assert server.requests_by_operation["get_session_participants"] == len(live) + 1 == 4
        assert server.requests_by_operation["get_sessions"] <= 2

        # The API grows a field, 40 sessions start and the LIVE ones end.
        server.add_session_field("recording_region")
        added = server.add_sessions(40)
        assert set(server.end_live()) == {record.id for record in live}
        server.requests_by_operation.clear()
        load(pipeline, server)
        ended = [data.record(record.id) for record in live]
        tables = plus(settled, expected(data, [*ended, *added]))  # type: ignore[list-item]
        assert counts(tmp_path, *tables) == tables and tables["sessions"] == 2040
        no_duplicates(tmp_path)
        assert server.requests_by_operation["get_session_participants"] == len(live) + 1 + 40
        new_column = query(
            tmp_path, "select count(*) from realtimekit.sessions where recording_region__region is not null"
        )
        assert new_column[0][0] >= 40
        changed = {record.id for record in [*live, *added]}
        rows = query(
            tmp_path,
            "select id, status, ended_at is not null from realtimekit.sessions "
            f"where status = 'LIVE' or id in ({', '.join(repr(i) for i in changed)})",
        )
        assert {row[0] for row in rows} == changed and all(row[1:] == ("ENDED", True) for row in rows)


@pytest.mark.slow
def test_the_load_command_writes_realtimekit_sessions_duckdb_here_typed_from_the_spec(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from realtimekit_sessions_cli.app import app
    from typer.testing import CliRunner

    with mock(8, max_participants=1) as server:
        data = server.data
        monkeypatch.chdir(tmp_path)
        monkeypatch.setenv("DLT_DATA_DIR", str(tmp_path / "dlt"))
        result = CliRunner().invoke(app, ["load", "--peer-reports", "--json"], env=server.env())
        assert result.exit_code == 0, result.output
    assert (tmp_path / "realtimekit_sessions.duckdb").is_file()
    assert '"sessions": 8' in result.stdout
    assert "requests" in result.stderr and "per 5 minutes" in result.stderr

    # Every table loads, with what the mock holds.
    people = [(record, p) for record in data.records for p in data.participants(record)]
    reports = [data.peer_report(str(p["id"])) for _, p in people]
    samples = sum(
        len(report["peer_report"]["quality"][kind])
        for report in reports
        if report
        for kind in report["peer_report"]["quality"]
        if not kind.endswith("_cumulative")
    )
    week = NOW - datetime.timedelta(days=7)
    recent = [
        r
        for r in data.records
        if r.body["status"] == "ENDED" and datetime.datetime.fromisoformat(r.body["ended_at"]) >= week
    ]
    assert LONG_CALL_ID in {r.id for r in recent}
    assert counts(
        tmp_path,
        "sessions",
        "peer_reports",
        "peer_reports__quality_samples",
        "summaries",
        "transcript_lines",
        "chat_messages",
    ) == {
        "sessions": 8,
        "peer_reports": len(people),
        "peer_reports__quality_samples": samples,
        "summaries": len(recent),
        "transcript_lines": sum(len(data.utterances(r)) for r in recent),
        "chat_messages": sum(data.chat_csv(r).count("\n") - 1 for r in recent),
    }

    # Column types come from the spec, not from the rows seen.
    types = {
        (table, column): kind
        for table, column, kind in query(
            tmp_path,
            "select table_name, column_name, data_type from information_schema.columns where table_schema = 'realtimekit'",
        )
    }
    assert types["sessions", "started_at"] == types["sessions", "ended_at"] == "TIMESTAMP WITH TIME ZONE"
    assert types["sessions", "minutes_consumed"] == types["sessions", "live_participants"] == "DOUBLE"
    assert types["sessions", "status"] == types["sessions", "type"] == "VARCHAR"
    assert types["sessions", "meta"] == "JSON"  # no session of the mock has one: typed all the same
    assert types["participants", "custom_participant_id"] == "VARCHAR"
    assert types["participants__peer_events", "preset_view_type"] == "VARCHAR"
    assert types["peer_reports", "quality__audio_consumer_cumulative__quality_mos__avg"] == "DOUBLE"
    assert types["peer_reports__quality_samples", "timestamp"] == "TIMESTAMP WITH TIME ZONE"
    assert types["peer_reports__quality_samples", "mos_quality"] == "DOUBLE"
    assert types["chat_messages", "created_at"] == "TIMESTAMP WITH TIME ZONE"
    assert types["transcript_lines", "start"] == "DOUBLE"
    # The README's question: average MOS per session.
    rows = query(
        tmp_path,
        "select p.session_id, avg(p.quality__audio_consumer_cumulative__quality_mos__avg) "
        f"from realtimekit.peer_reports p where p.session_id = '{LONG_CALL_ID}' group by 1",
    )
    assert rows and 1.0 <= rows[0][1] <= 5.0


KILLED_RUN = textwrap.dedent(
    """
    import sys, dlt
    from realtimekit_sessions import AuthenticatedClient, RateLimit
    from realtimekit_sessions_dlt import realtimekit_source
    base, folder = sys.argv[1], sys.argv[2]
    client = AuthenticatedClient(token="t", base_url=base, rate_limit=RateLimit(requests=100000, per_seconds=60))
    pipeline = dlt.pipeline(pipeline_name="realtimekit_sessions", pipelines_dir=folder + "/pipelines",
        destination=dlt.destinations.duckdb(folder + "/realtimekit_sessions.duckdb"), dataset_name="realtimekit")
    pipeline.run(realtimekit_source("acc", "app", client=client, downloads=False))
    """
)


@pytest.mark.slow
def test_a_run_killed_part_way_resumes_without_losing_or_duplicating_rows(tmp_path: Path) -> None:
    with mock(40, max_per_page=20, latency=0.005, max_participants=2) as server:
        pipeline = pipeline_in(tmp_path)
        load(pipeline, server)  # a first, complete load
        server.add_sessions(150)  # then 150 sessions start, and the run that fetches them is killed
        before = server.request_count
        process = subprocess.Popen(
            [sys.executable, "-c", KILLED_RUN, server.api_url, str(tmp_path)], env={**os.environ, "LOAD__WORKERS": "2"}
        )
        deadline = time.monotonic() + 120
        # 40 requests in: the listing is done (8 pages) and the participants of the new sessions under way.
        while server.request_count - before < 40 and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.005)
        if process.poll() is None:
            os.kill(process.pid, signal.SIGKILL)
        process.wait()
        assert process.returncode == -signal.SIGKILL, "the run ended before it could be killed"
        pipeline = pipeline_in(tmp_path)  # a fresh process would find the same folder
        load(pipeline, server)
        tables = expected(server.data)
        assert counts(tmp_path, *tables) == tables and tables["sessions"] == 190
        no_duplicates(tmp_path)


def test_without_the_extra_the_load_command_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    from realtimekit_sessions_cli.app import app
    from typer.testing import CliRunner

    monkeypatch.setitem(sys.modules, "realtimekit_sessions_dlt", None)  # as if the [dlt] extra were missing
    env = {"CLOUDFLARE_API_TOKEN": "t", "CLOUDFLARE_ACCOUNT_ID": ACCOUNT, "REALTIMEKIT_APP_ID": APP}
    result = CliRunner().invoke(app, ["load"], env=env)
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        (
            "realtimekit-sessions load needs the [dlt] extra (realtimekit_sessions_dlt is missing): "
            "pip install 'realtimekit-sessions[dlt]'"
        )
    ]


def _load_command(folder: Path, server: MockServer, monkeypatch: pytest.MonkeyPatch, *options: str) -> dict[str, int]:
    """`realtimekit-sessions load --json *options` in `folder` (one dlt folder for every call, as a user's is)."""
    import json

    from realtimekit_sessions_cli.app import app
    from typer.testing import CliRunner

    folder.mkdir(exist_ok=True)
    monkeypatch.chdir(folder)
    result = CliRunner().invoke(app, ["load", "--json", "--no-downloads", *options], env=server.env())
    assert result.exit_code == 0, result.output
    loaded: dict[str, int] = json.loads(result.stdout)
    return loaded


def _dataset_counts(folder: Path, dataset: str, tables: Iterable[str]) -> dict[str, int]:
    return {table: query(folder, f"select count(*) from {dataset}.{table}")[0][0] for table in tables}


@pytest.mark.slow
def test_a_load_in_another_folder_loads_every_sessions_participants_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Found by loading the mock in two folders and counting participants: the second folder's file had every
    session but only the participants of the LIVE and newest ones. The source read its state (the newest start
    loaded) when it was made, before dlt's run() found the new file empty and started afresh: to it, every older
    session was already loaded, so none of their participants were fetched."""
    monkeypatch.setenv("DLT_DATA_DIR", str(tmp_path / "dlt"))
    with mock(12, max_participants=3) as server:
        tables = expected(server.data)
        for folder in (tmp_path / "first", tmp_path / "second"):
            _load_command(folder, server, monkeypatch)
            assert counts(folder, *tables) == tables, folder.name


@pytest.mark.slow
def test_a_load_into_another_dataset_loads_it_in_full(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`--dataset rtk` after a load into the default dataset, in the same folder: the new dataset is a first run."""
    monkeypatch.setenv("DLT_DATA_DIR", str(tmp_path / "dlt"))
    with mock(12, max_participants=3) as server:
        tables = expected(server.data)
        _load_command(tmp_path, server, monkeypatch)
        _load_command(tmp_path, server, monkeypatch, "--dataset", "rtk")
        assert _dataset_counts(tmp_path, "realtimekit", tables) == tables
        assert _dataset_counts(tmp_path, "rtk", tables) == tables


@pytest.mark.slow
def test_loads_alternating_between_two_datasets_each_get_what_is_new_to_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Dataset A, then sessions start, then dataset B, then A again: A must get the sessions B got in between.
    dlt keeps one state per pipeline name (not per dataset), so A's second run went on from where B stopped."""
    monkeypatch.setenv("DLT_DATA_DIR", str(tmp_path / "dlt"))
    with mock(12, max_participants=3) as server:
        _load_command(tmp_path, server, monkeypatch)
        server.add_sessions(5)
        _load_command(tmp_path, server, monkeypatch, "--dataset", "rtk")
        _load_command(tmp_path, server, monkeypatch)
        tables = expected(server.data)
        assert tables["sessions"] == 17
        assert _dataset_counts(tmp_path, "rtk", tables) == tables
        assert _dataset_counts(tmp_path, "realtimekit", tables) == tables


@pytest.mark.slow
def test_peer_reports_asked_for_on_a_later_run_are_loaded_for_the_sessions_loaded_before(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The README: `--peer-reports` adds the call-quality reports. Found by a load without it, then one with it:
    the second run listed only what was new (the lag window's sessions) and fetched participants, and so their
    reports, only for the LIVE and newest sessions: the earlier sessions' reports were silently never loaded."""
    monkeypatch.setenv("DLT_DATA_DIR", str(tmp_path / "dlt"))
    with mock(12, max_participants=3) as server:
        people = expected(server.data)["participants"]
        _load_command(tmp_path, server, monkeypatch)
        _load_command(tmp_path, server, monkeypatch, "--peer-reports")
        assert counts(tmp_path, "peer_reports") == {"peer_reports": people}
        server.requests_by_operation.clear()  # a third run with them: only what is new, as before
        _load_command(tmp_path, server, monkeypatch, "--peer-reports")
        assert server.requests_by_operation["get_session_participants"] <= len(server.data.live_records()) + 1
        assert server.requests_by_operation["get_participant_data_from_peer_id"] < people // 2
        assert counts(tmp_path, "peer_reports") == {"peer_reports": people}
        no_duplicates(tmp_path)


@pytest.mark.slow
def test_downloads_turned_back_on_fetch_the_files_of_the_sessions_loaded_without_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A run with --no-downloads, then one with the default (downloads): the files of the sessions that ended
    within the 7 days are loaded, not only those of the sessions new to the second run."""
    monkeypatch.setenv("DLT_DATA_DIR", str(tmp_path / "dlt"))
    with mock(12, max_participants=2) as server:
        _load_command(tmp_path, server, monkeypatch)
        server.add_sessions(30)  # five minutes apart: two and a half hours, past the lag window's hour
        _load_command(tmp_path, server, monkeypatch)
        monkeypatch.chdir(tmp_path)
        from realtimekit_sessions_cli.app import app
        from typer.testing import CliRunner

        result = CliRunner().invoke(app, ["load"], env=server.env())
        assert result.exit_code == 0, result.output
        data = server.data
        week = NOW - datetime.timedelta(days=7)
        recent = [
            r
            for r in data.records
            if r.body["status"] == "ENDED" and datetime.datetime.fromisoformat(r.body["ended_at"]) >= week
        ]
        assert len(recent) > 30
        assert counts(tmp_path, "summaries", "transcript_lines") == {
            "summaries": len(recent),
            "transcript_lines": sum(len(data.utterances(r)) for r in recent),
        }


@pytest.mark.slow
@pytest.mark.parametrize(
    ("destination", "says"),
    [("nosuch", "destination 'nosuch'"), ("postgres", "destination 'postgres'")],
)
def test_a_destination_dlt_cannot_use_is_one_line_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, destination: str, says: str
) -> None:
    """Found by `load --destination nosuch` and `load --destination postgres` (no credentials set): dlt's
    exceptions, a configuration mistake and not a bug, came out as rich tracebacks of 137 and 347 lines."""
    from realtimekit_sessions_cli.app import app
    from typer.testing import CliRunner

    monkeypatch.setenv("DLT_DATA_DIR", str(tmp_path / "dlt"))
    monkeypatch.chdir(tmp_path)
    with mock(2, max_participants=1) as server:
        env = {**server.env(), "CLOUDFLARE_API_TOKEN": "secret-token-value"}
        result = CliRunner().invoke(app, ["load", "--destination", destination], env=env)
    assert result.exit_code == 2, result.output
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("error: ") and says in line
    assert "secret-token-value" not in result.stderr


LOAD_COMMAND = "import sys; sys.argv[0] = 'realtimekit-sessions'; from realtimekit_sessions_cli import main; main()"


@pytest.mark.slow
def test_ctrl_c_during_a_load_says_interrupted_and_the_next_run_resumes(tmp_path: Path) -> None:
    """Found by sending SIGINT to `realtimekit-sessions load` part-way: dlt wraps the KeyboardInterrupt in its
    PipelineStepFailed, which the command's error handling did not know: a traceback of hundreds of lines and
    exit code 1, where the other commands say `interrupted` and exit 130."""
    with mock(150, max_per_page=20, latency=0.01, max_participants=2) as server:
        env = {**os.environ, **server.env(), "DLT_DATA_DIR": str(tmp_path / "dlt"), "LOAD__WORKERS": "1"}
        process = subprocess.Popen(
            [sys.executable, "-c", LOAD_COMMAND, "load", "--no-downloads"],
            cwd=tmp_path,
            env=env,
            stderr=subprocess.PIPE,
            text=True,
        )
        deadline = time.monotonic() + 120
        while server.request_count < 30 and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.005)
        assert process.poll() is None, "the run ended before it could be interrupted"
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=60)
        assert process.returncode == 130, stderr[-2000:]
        assert "Traceback" not in stderr
        assert stderr.strip().splitlines()[-1].startswith("interrupted")
        resumed = subprocess.run(
            [sys.executable, "-c", LOAD_COMMAND, "load", "--no-downloads"],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert resumed.returncode == 0, resumed.stderr[-2000:]
        tables = expected(server.data)
        assert counts(tmp_path, *tables) == tables
        no_duplicates(tmp_path)
