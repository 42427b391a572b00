"""Benchmark (not a test): `realtimekit_source` into DuckDB against the local API with latency and a rate limit
on both sides, reporting requests per minute against the budget, 429s, rows per minute per table and the
process's peak memory. `make bench-load BENCH_LOAD_ARGS='--sessions 10000'`.

The server enforces `--budget` requests per `--window` seconds (429 with Retry-After past it, Ratelimit headers
on every answer) and the client's budget is the same. Cloudflare's is 1,200 per 300 s; the default here is the
same shape ten times faster (1,200 per 30 s), so a run takes minutes rather than hours. Memory is the whole
process's peak RSS (the server keeps nothing per session, so growth would be the load's).
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
from dlt_fake_api import FakeAPI, Running
from realtimekit_sessions import AuthenticatedClient, RateLimit
from realtimekit_sessions_dlt import realtimekit_source


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
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()

    api = FakeAPI(
        sessions=args.sessions,
        per_page_cap=args.per_page_cap,
        latency=args.latency,
        quota=args.budget,
        window=args.window,
    )
    running = Running(api)
    stamps: list[float] = []
    admit = api.admit

    def counted() -> tuple[int, dict[str, str]] | None:
        stamps.append(time.monotonic())
        return admit()

    api.admit = counted  # type: ignore[method-assign]
    client = AuthenticatedClient(
        token="t",
        base_url=running.base_url,
        max_retry_after=args.window,
        rate_limit=RateLimit(requests=args.budget, per_seconds=args.window),
    )
    with tempfile.TemporaryDirectory() as folder:
        pipeline = dlt.pipeline(
            pipeline_name="bench",
            pipelines_dir=f"{folder}/pipelines",
            destination=dlt.destinations.duckdb(f"{folder}/bench.duckdb"),
            dataset_name="realtimekit",
        )
        started = time.monotonic()
        pipeline.extract(
            realtimekit_source(
                "acc", "app", client=client, peer_reports=args.peer_reports, downloads=args.downloads, per_page=100
            )
        )
        took = time.monotonic() - started
        extract_rss = peak_rss_mb()  # the API side: fetching, reading, handing rows to dlt
        normalized = pipeline.normalize()
        normalize_rss = peak_rss_mb()  # dlt's normalizer, in this process
        pipeline.load()
        rows = {
            table: count
            for table, count in sorted(normalized.row_counts.items())
            if not table.startswith("_dlt")
        }
    running.stop()
    # Requests in every window-long stretch of the run: the most any window held, against the budget.
    most = 0
    for i, stamp in enumerate(stamps):
        j = i
        while j < len(stamps) and stamps[j] < stamp + args.window:
            j += 1
        most = max(most, j - i)
    per_minute = len(stamps) / took * 60
    result = {
        "date": datetime.date.today().isoformat(),
        "sessions": args.sessions,
        "budget": f"{args.budget} per {args.window:g} s",
        "latency_s": args.latency,
        "seconds_extract": round(took, 1),
        "requests": len(stamps),
        "requests_per_minute": round(per_minute),
        "budget_per_minute": round(args.budget / args.window * 60),
        "most_in_one_window": most,
        "answered_429": api.answered_429,
        "rows": rows,
        "rows_per_minute": {table: round(count / took * 60) for table, count in rows.items()},
        "peak_rss_mb_extract": extract_rss,
        "peak_rss_mb_normalize": normalize_rss,
        "peak_rss_mb_load": peak_rss_mb(),  # DuckDB's merges, in this process
        "client_waited_s": round(client.rate_limit.waited if client.rate_limit else 0.0, 1),
    }
    text = json.dumps(result, indent=2)
    print(text)
    if args.json:
        args.json.write_text(text + "\n")
    sys.exit(0)


if __name__ == "__main__":
    main()
