"""`realtimekit-sessions load`: the app's sessions into a warehouse with dlt (the `[dlt]` extra).

Without the extra, one line says what to install. The rate limit is always on (Cloudflare's global budget
unless --budget says otherwise): a load is the bulk job that budget is for.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import sys
import time
from pathlib import Path
from typing import Any

import typer

DLT_HINT = "pip install 'realtimekit-sessions[dlt]'"
PIPELINE = "realtimekit_sessions"
DATASET = "realtimekit"
DEFAULT_DESTINATION = "duckdb"
DUCKDB_FILE = "realtimekit_sessions.duckdb"
DLT_DOCS = "https://dlthub.com/docs/general-usage/credentials/"


def _api_error(error: BaseException, destination: str) -> BaseException | None:
    """The client's own error behind dlt's wrappers (PipelineStepFailed, ResourceExtractionError), if any; a
    Ctrl-C (KeyboardInterrupt, which dlt wraps too); or a one-line CliError for dlt's own configuration errors
    (a destination it does not know, its credentials or its extra missing), which are no bug of this program."""
    from dlt.common.configuration.exceptions import ConfigFieldMissingException
    from dlt.common.destination.exceptions import UnknownDestinationModule
    from dlt.common.exceptions import MissingDependencyException
    from realtimekit_sessions import errors

    from .app import CliError

    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        if isinstance(current, errors.RealtimeKitSessionsError | KeyboardInterrupt):
            return current
        if isinstance(current, UnknownDestinationModule):
            return CliError(f"destination {destination!r}: dlt has no such destination (duckdb, postgres, ...)", 2)
        if isinstance(current, MissingDependencyException):
            install = " ".join(repr(name) for name in current.dependencies)
            return CliError(f"destination {destination!r} needs its extra: pip install {install}", code=2)
        if isinstance(current, ConfigFieldMissingException):  # names what is missing, never a value
            missing = ", ".join(current.fields)
            upper = destination.upper()
            return CliError(
                f"destination {destination!r}: no {missing} configured (e.g. DESTINATION__{upper}__CREDENTIALS; "
                f"see {DLT_DOCS})",
                code=2,
            )
        seen.add(id(current))
        current = getattr(current, "exception", None) or current.__cause__ or current.__context__
    return None


def pipelines_dir(destination: str, dataset: str) -> str:
    """The pipeline's working folder, one per target (destination, dataset and, for DuckDB, this folder's file).

    dlt keeps one local state per pipeline name, and trusts it over the destination's when it is newer: loads
    alternating between two datasets (or destinations, or folders) went on, each, from where the other stopped,
    and missed what the other had loaded in between. A target's own folder holds its own state, and a new one
    is restored from the state dlt keeps in the dataset itself (so a first run of this version, or a new
    machine, goes on from where the dataset is). Beside, not inside, the single folder earlier versions used.
    """
    from dlt.common.pipeline import get_dlt_pipelines_dir

    where = str(Path.cwd() / DUCKDB_FILE) if destination == DEFAULT_DESTINATION else ""
    key = hashlib.sha256(json.dumps([destination, dataset, where]).encode()).hexdigest()[:16]
    return str(Path(get_dlt_pipelines_dir()) / f"{PIPELINE}-targets" / key)


def run_load(
    account_id: str,
    app_id: str,
    *,
    destination: str,
    dataset: str,
    since: datetime.datetime | None,
    peer_reports: bool,
    downloads: bool,
    budget: int,
    max_in_flight: int,
    client: Any,
) -> dict[str, int]:
    try:
        import dlt
        from dlt.common.runtime.collector import LogCollector
        from realtimekit_sessions_dlt import realtimekit_source
    except ModuleNotFoundError as error:
        if (error.name or "").partition(".")[0] in ("dlt", "duckdb", "realtimekit_sessions_dlt"):
            typer.echo(
                f"realtimekit-sessions load needs the [dlt] extra ({error.name} is missing): {DLT_HINT}", err=True
            )
            raise typer.Exit(2) from None
        raise
    target: Any = destination
    if destination == DEFAULT_DESTINATION:
        # An absolute path: dlt reads a relative one against the folder of the pipeline's first run (kept in its
        # state, under the user's dlt folder), so a load in another folder went on filling the first folder's
        # file (or failed, that folder gone) while saying it wrote realtimekit_sessions.duckdb. Given this
        # folder's file, a new one has no dataset yet and dlt starts this folder's load afresh.
        target = dlt.destinations.duckdb(str(Path.cwd() / DUCKDB_FILE))
    started = time.monotonic()
    try:
        pipeline = dlt.pipeline(
            pipeline_name=PIPELINE,
            pipelines_dir=pipelines_dir(destination, dataset),
            destination=target,
            dataset_name=dataset,
            progress=LogCollector(log_period=10.0, logger=sys.stderr, dump_system_stats=False),
        )
        # The source reads its state (the sessions LIVE at the last run, the newest start loaded) when it is
        # made: synced first with the destination's, or a new folder's file, or a new dataset, which dlt starts
        # afresh only at run(), got the participants and files of only what was new to the last target.
        pipeline.sync_destination()
        source = realtimekit_source(
            account_id,
            app_id,
            client=client,
            since=since,
            peer_reports=peer_reports,
            downloads=downloads,
            max_in_flight=max_in_flight,
        )
        pipeline.run(source)
    except Exception as error:
        cause = _api_error(error, destination)
        if cause is not None:
            raise cause from None
        raise
    took = time.monotonic() - started
    trace = pipeline.last_trace
    counts = dict(trace.last_normalize_info.row_counts) if trace and trace.last_normalize_info else {}
    counts = {table: rows for table, rows in sorted(counts.items()) if not table.startswith("_dlt")}
    for table, rows in counts.items():
        typer.echo(f"{table:32} {rows:>9,} rows", err=True)
    limit = client.rate_limit
    sent = f"{limit.sent:,} requests, {limit.waited:,.0f} s waiting for the budget ({budget:,} per 5 minutes)"
    where = DUCKDB_FILE if destination == DEFAULT_DESTINATION else destination
    typer.echo(
        f"wrote {sum(counts.values()):,} rows (merged on their keys: none twice) into {where} (dataset {dataset}) in {took:,.0f} s; {sent}",
        err=True,
    )
    return counts
