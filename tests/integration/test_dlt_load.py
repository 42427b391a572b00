"""Issue 14: the API into DuckDB with dlt, end to end, against a local server with thousands of sessions, a
capped per_page and 429s with Retry-After; a run that fails or is killed part-way, then resumed; a second run;
a field the API adds; LIVE sessions that end. Real dlt, real DuckDB (tests/integration/dlt_fake_api.py serves)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

# No dlt telemetry from tests: this machine's only network is the loopback (and the package registries).
os.environ.setdefault("RUNTIME__DLTHUB_TELEMETRY", "false")
dlt = pytest.importorskip("dlt")
duckdb = pytest.importorskip("duckdb")

from dlt_fake_api import FakeAPI, Running
from realtimekit_sessions import AuthenticatedClient, RateLimit, errors
from realtimekit_sessions_dlt import realtimekit_source

ACCOUNT, APP = "acc", "app"
FAST = {"requests": 100_000, "per_seconds": 60.0}  # the budget's behaviour is tests/unit/test_rate_limit.py's


@pytest.fixture
def server() -> Iterator[Running]:
    running = Running(FakeAPI(sessions=0))
    yield running
    running.stop()


def client_for(running: Running, **kwargs: Any) -> AuthenticatedClient:
    kwargs.setdefault("rate_limit", RateLimit(**FAST))
    return AuthenticatedClient(token="t", base_url=running.base_url, **kwargs)


def pipeline_in(folder: Path) -> Any:
    return dlt.pipeline(
        pipeline_name="realtimekit_sessions",
        pipelines_dir=str(folder / "pipelines"),
        destination=dlt.destinations.duckdb(str(folder / "realtimekit_sessions.duckdb")),
        dataset_name="realtimekit",
    )


def counts(folder: Path, *tables: str) -> dict[str, int]:
    with duckdb.connect(str(folder / "realtimekit_sessions.duckdb"), read_only=True) as con:
        return {table: con.execute(f"select count(*) from realtimekit.{table}").fetchone()[0] for table in tables}  # type: ignore[index]


def query(folder: Path, sql: str) -> list[tuple[Any, ...]]:
    with duckdb.connect(str(folder / "realtimekit_sessions.duckdb"), read_only=True) as con:
        return con.execute(sql).fetchall()


def expected(api: FakeAPI) -> dict[str, int]:
    people = sum(api.participant_count(n) for n in range(api.sessions))
    return {"sessions": api.sessions, "participants": people, "participants__peer_events": 2 * people}


def no_duplicates(folder: Path) -> None:
    assert query(folder, "select count(*) - count(distinct id) from realtimekit.sessions") == [(0,)]
    assert query(folder, "select count(*) - count(distinct (session_id, id)) from realtimekit.participants") == [(0,)]


def test_thousands_of_sessions_then_nothing_new_then_a_new_field_and_ended_live_sessions(
    server: Running, tmp_path: Path
) -> None:
    api = server.api
    api.sessions, api.per_page_cap, api.live = 2000, 50, 3
    api.fail_requests, api.retry_after = {3, 700, 1500}, 2.0  # 429s with Retry-After, waited out
    client = client_for(server, max_retry_after=5)
    pipeline = pipeline_in(tmp_path)

    pipeline.run(realtimekit_source(ACCOUNT, APP, client=client, downloads=False))
    tables = tuple(expected(api))
    assert counts(tmp_path, *tables) == expected(api)
    assert api.answered_429 == 3
    no_duplicates(tmp_path)

    # A second run: sessions in the lag window are listed again and merged; only LIVE ones cost more calls.
    api.counts.clear()
    pipeline.run(realtimekit_source(ACCOUNT, APP, client=client, downloads=False))
    assert counts(tmp_path, *tables) == expected(api)
    assert api.counts["participants"] == 3  # the three LIVE sessions, fetched again
    assert api.counts["sessions"] <= 1 + 3600 // int(api.spacing) // 50 + 1

    # The API grows a field and 40 sessions start; the LIVE ones end.
    api.extra_field = "recording_region"
    api.end_live()
    api.sessions += 40
    api.counts.clear()
    pipeline.run(realtimekit_source(ACCOUNT, APP, client=client, downloads=False))
    assert counts(tmp_path, *tables) == expected(api)
    no_duplicates(tmp_path)
    assert api.counts["participants"] == 3 + 40 - 0  # the 3 that were LIVE, the 40 new
    assert query(tmp_path, "select count(*) from realtimekit.sessions where recording_region is not null")[0][0] >= 40
    assert query(tmp_path, "select count(*) from realtimekit.sessions where status = 'LIVE'") == [
        (3,)
    ]  # the new newest
    assert query(
        tmp_path,
        "select count(*) from realtimekit.sessions where id in ('sess-0001997', 'sess-0001998', 'sess-0001999') "
        "and status = 'ENDED' and ended_at is not null",
    ) == [(3,)]


def test_columns_take_their_types_from_the_spec_and_every_table_loads(server: Running, tmp_path: Path) -> None:
    api = server.api
    api.sessions, api.live = 40, 1
    pipeline = pipeline_in(tmp_path)
    pipeline.run(realtimekit_source(ACCOUNT, APP, client=client_for(server), peer_reports=True))
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
    assert types["sessions", "meta"] == "JSON"
    # Never seen in any row, yet typed from the spec: a participant's custom id, a session's breakout rooms.
    assert types["participants", "custom_participant_id"] == "VARCHAR"
    assert types["participants__peer_events", "preset_view_type"] == "VARCHAR"
    assert types["peer_reports", "quality__audio_consumer_cumulative__quality_mos__avg"] == "DOUBLE"
    assert types["peer_reports__quality_samples", "timestamp"] == "TIMESTAMP WITH TIME ZONE"
    assert types["peer_reports__quality_samples", "mos_quality"] == "DOUBLE"
    assert types["chat_messages", "created_at"] == "TIMESTAMP WITH TIME ZONE"
    assert types["transcript_lines", "start"] == "DOUBLE"
    people = expected(api)["participants"]
    ended = api.sessions - api.live
    assert counts(tmp_path, "peer_reports", "peer_reports__quality_samples", "summaries") == {
        "peer_reports": people,
        "peer_reports__quality_samples": people * 12,
        "summaries": ended,
    }
    assert counts(tmp_path, "transcript_lines")["transcript_lines"] == 2 * ended
    assert counts(tmp_path, "chat_messages")["chat_messages"] == sum(n % 3 + 1 for n in range(ended))
    # The README's question: average MOS per session.
    rows = query(
        tmp_path,
        "select p.session_id, avg(p.quality__audio_consumer_cumulative__quality_mos__avg) "
        "from realtimekit.peer_reports p group by 1 order by 1 limit 2",
    )
    assert rows[0][0] == "sess-0000000" and 3.0 <= rows[0][1] <= 5.0


def test_a_retry_after_past_max_retry_after_stops_the_run_and_the_next_run_completes(
    server: Running, tmp_path: Path
) -> None:
    api = server.api
    api.sessions, api.per_page_cap = 600, 50
    api.fail_requests, api.retry_after = {200}, 3600.0  # an hour: past the client's max_retry_after
    pipeline = pipeline_in(tmp_path)
    with pytest.raises(Exception) as caught:
        # The 429 pauses the budget for every call (up to max_pause): kept short here.
        limited = client_for(server, max_retry_after=10, rate_limit=RateLimit(max_pause=0.5, **FAST))
        pipeline.run(realtimekit_source(ACCOUNT, APP, client=limited, downloads=False))
    cause: BaseException | None = caught.value
    while cause is not None and not isinstance(cause, errors.RateLimitError):
        cause = getattr(cause, "exception", None) or cause.__cause__ or cause.__context__
    assert isinstance(cause, errors.RateLimitError) and cause.retry_after == 3600
    pipeline.run(realtimekit_source(ACCOUNT, APP, client=client_for(server), downloads=False))
    assert counts(tmp_path, *expected(api)) == expected(api)
    no_duplicates(tmp_path)


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


@pytest.mark.parametrize("kill_after", [60, 400])  # while listing sessions; while fetching participants
def test_a_run_killed_part_way_resumes_without_losing_or_duplicating_rows(
    server: Running, tmp_path: Path, kill_after: int
) -> None:
    api = server.api
    api.sessions, api.per_page_cap, api.latency = 1500, 50, 0.002
    pipeline = pipeline_in(tmp_path)
    # A first, complete load of 1,000 sessions; then 500 more start, and the run that fetches them is killed.
    api.sessions = 1000
    pipeline.run(realtimekit_source(ACCOUNT, APP, client=client_for(server), downloads=False))
    api.sessions = 1500
    before = api.requests
    process = subprocess.Popen([sys.executable, "-c", KILLED_RUN, server.base_url, str(tmp_path)])
    deadline = time.monotonic() + 120
    while api.requests - before < kill_after and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    if process.poll() is None:
        os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL, "the run ended before it could be killed"
    pipeline = pipeline_in(tmp_path)  # a fresh process would find the same folder
    pipeline.run(realtimekit_source(ACCOUNT, APP, client=client_for(server), downloads=False))
    assert counts(tmp_path, *expected(api)) == expected(api)
    no_duplicates(tmp_path)


def test_the_load_command_writes_realtimekit_sessions_duckdb_here(
    server: Running, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from realtimekit_sessions_cli.app import app
    from typer.testing import CliRunner

    server.api.sessions = 30
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DLT_DATA_DIR", str(tmp_path / "dlt"))
    env = {
        "CLOUDFLARE_BASE_URL": server.base_url,
        "CLOUDFLARE_API_TOKEN": "t",
        "CLOUDFLARE_ACCOUNT_ID": ACCOUNT,
        "REALTIMEKIT_APP_ID": APP,
    }
    result = CliRunner().invoke(app, ["load", "--peer-reports", "--json"], env=env)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "realtimekit_sessions.duckdb").is_file()
    assert '"sessions": 30' in result.stdout
    assert "requests" in result.stderr and "per 5 minutes" in result.stderr
    assert counts(tmp_path, "sessions", "peer_reports")["sessions"] == 30


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
