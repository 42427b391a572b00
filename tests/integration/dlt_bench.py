"""Benchmark (not a test): `realtimekit_source` into DuckDB against the toolkit's mock with latency and a rate
limit on both sides, reporting requests per minute against the budget, 429s, rows per minute per table and the
process's peak memory after each step. `make bench-load BENCH_LOAD_ARGS='--sessions 10000'`.

The mock (realtimekit_tools.mock_server) enforces `--budget` requests per `--window` seconds (429 with
Retry-After past it, Ratelimit headers on every answer) and the client's budget is the same. Cloudflare's is
1,200 per 300 s; the default here is the same shape ten times faster (1,200 per 30 s), so a run takes minutes
rather than hours. Memory is the whole process's peak RSS; the mock builds each session from its number when
asked and keeps only a small cache, so what grows is the load's.

The load's settings can be varied to measure memory: `--file-format` (the source's `file_format`, parquet by
default; `insert_values` is dlt's own default for DuckDB), `--load-workers` and `--file-max-items` (dlt's
`[load] workers` and `[data_writer] file_max_items`). `--max-participants` caps the mock's participants per
session (1 to 52 otherwise, livestreams the most).
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("RUNTIME__DLTHUB_TELEMETRY", "false")  # no dlt telemetry from a benchmark

import dlt
from dlt.destinations.impl.duckdb.configuration import DuckDbCredentials
from realtimekit_sessions import AuthenticatedClient, RateLimit
from realtimekit_sessions_dlt import realtimekit_source
from realtimekit_tools.mock_server import MockOptions, running


def peak_rss_mb() -> int:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=2000)
    parser.add_argument("--budget", type=int, default=1200)
    parser.add_argument("--window", type=float, default=30.0)
    parser.add_argument("--latency", type=float, default=0.02)
    parser.add_argument("--per-page-cap", type=int, default=50)
    parser.add_argument("--peer-reports", action="store_true")
    parser.add_argument("--downloads", action="store_true")
    parser.add_argument("--file-format", default="parquet", help="the source's file_format (default: parquet)")
    parser.add_argument("--max-participants", type=int, default=None, help="the mock's participants per session")
    parser.add_argument("--load-workers", type=int, default=None, help="dlt's [load] workers (default: dlt's, 20)")
    parser.add_argument("--file-max-items", type=int, default=None, help="dlt's [data_writer] file_max_items")
    parser.add_argument(
        "--duckdb-config",
        type=json.loads,
        default=None,
        metavar="JSON",
        help='DuckDB settings for the load, e.g. \'{"memory_limit": "256MB", "threads": 1}\'',
    )
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    if args.load_workers is not None:
        os.environ["LOAD__WORKERS"] = str(args.load_workers)
    if args.file_max_items is not None:
        os.environ["DATA_WRITER__FILE_MAX_ITEMS"] = str(args.file_max_items)

    options = MockOptions(
        sessions=args.sessions,
        max_per_page=args.per_page_cap,
        latency=args.latency,
        quota=args.budget,
        window=args.window,
        now=datetime.datetime.now(datetime.UTC),
        max_participants=args.max_participants,
    )
    with running(options) as mock, tempfile.TemporaryDirectory() as folder:
        client = AuthenticatedClient(
            token="t",
            base_url=mock.api_url,
            max_retry_after=args.window,
            rate_limit=RateLimit(requests=args.budget, per_seconds=args.window),
        )
        credentials = DuckDbCredentials(f"{folder}/bench.duckdb")
        credentials.global_config = args.duckdb_config
        pipeline = dlt.pipeline(
            pipeline_name="bench",
            pipelines_dir=f"{folder}/pipelines",
            destination=dlt.destinations.duckdb(credentials),
            dataset_name="realtimekit",
        )
        started = time.monotonic()
        source = realtimekit_source(
            "acc",
            "app",
            client=client,
            peer_reports=args.peer_reports,
            downloads=args.downloads,
            per_page=100,
            file_format=args.file_format,
        )
        pipeline.extract(source)
        took = time.monotonic() - started
        extract_rss = peak_rss_mb()  # the API side: fetching, reading, handing rows to dlt
        normalized = pipeline.normalize()
        normalize_rss = peak_rss_mb()  # dlt's normalizer, in this process
        load_started = time.monotonic()
        pipeline.load()
        load_took = time.monotonic() - load_started
        rows = {table: count for table, count in sorted(normalized.row_counts.items()) if not table.startswith("_dlt")}
        requests, answered_429, most = mock.request_count, mock.rate_limited_count, mock.most_in_window
    per_minute = requests / took * 60
    result = {
        "date": datetime.date.today().isoformat(),
        "sessions": args.sessions,
        "budget": f"{args.budget} per {args.window:g} s",
        "latency_s": args.latency,
        "file_format": args.file_format,
        "max_participants": args.max_participants,
        "load_workers": args.load_workers or "dlt's default (20)",
        "file_max_items": args.file_max_items,
        "duckdb_config": args.duckdb_config,
        "seconds_extract": round(took, 1),
        "seconds_load": round(load_took, 1),
        "requests": requests,
        "requests_per_minute": round(per_minute),
        "budget_per_minute": round(args.budget / args.window * 60),
        "most_in_one_window": most,  # as the mock counted them: arrivals in its sliding window
        "answered_429": answered_429,
        "rows": rows,
        "rows_per_minute": {table: round(count / took * 60) for table, count in rows.items()},
        "peak_rss_mb_extract": extract_rss,
        "peak_rss_mb_normalize": normalize_rss,
        "peak_rss_mb_load": peak_rss_mb(),  # DuckDB's inserts and merges, in this process
        "client_waited_s": round(client.rate_limit.waited if client.rate_limit else 0.0, 1),
    }
    text = json.dumps(result, indent=2)
    print(text)
    if args.json:
        args.json.write_text(text + "\n")
    sys.exit(0)


if __name__ == "__main__":
    main()
