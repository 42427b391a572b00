"""Drive the benchmark: make the bodies, run each comparison in a fresh process, print the table and the targets.

    python -m realtimekit_tools.bench [--smoke] [--json FILE]

`--smoke` runs the same code with tiny bodies and one repeat, to show that every row can be measured; its figures
mean nothing. Ratios are ours / the official SDK and each / `json.loads` of the same bytes (lower is better).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from ..paths import repo_root
from .bodies import Body, make_bodies

BENCH_DIR = repo_root() / ".bench"
PEER_REPORT_OPERATION = "get_participant_data_from_peer_id"


@dataclass(frozen=True)
class Settings:
    mode: str
    list_items: int
    peer_report_bytes: int
    typical_repeats: int
    large_repeats: int
    call_repeats: int
    min_time: float  # seconds each timed sample loops for
    import_runs: int
    # A first, uncounted round of the cold imports, so that every counted one finds the bytecode caches written.
    import_warm_up: bool = True
    # Throughput rows: calls in flight, calls per sample, samples per side (each sample a fresh process).
    concurrency: tuple[int, ...] = (1, 10, 50, 200)
    throughput_requests: int = 600
    throughput_repeats: int = 3
    throughput_warm_up: int = 2  # calls per worker before a sample is timed
    # Scaling rows: the large participants list and peer report repeated this many times.
    scales: tuple[int, ...] = (1, 10, 50)
    # Five samples a side, each looping a scaled body for at least scale_min_time: one 1x parse (about 15 ms) is too
    # short a sample on a shared machine (the 10x and 50x bodies take longer than that once), and the median of
    # three single 50x parses moved by a third from one run to the next.
    scale_repeats: int = 5
    scale_min_time: float = 0.2
    # Export rows: sessions exported, small ones (5 participants) for wall time, up to issue 13's own scenario of
    # 2,000 sessions, and sessions of 1.1 MB of participants for memory.
    export_sessions: tuple[int, ...] = (50, 200, 2000)
    export_large_sessions: tuple[int, ...] = (50, 200)
    export_large_participants: int = 650  # about 1.1 MB of participants with their events
    export_latency: float = 0.01
    export_repeats: int = 3
    # Every export run is given --budget this large (both columns): Cloudflare's limit, the command's default of
    # 1,200 requests per 5 minutes, would hold a 2,000-session export (2,000 calls and more) back for minutes
    # against a local server that has no such limit; no row comes near this many requests.
    export_budget: int = 100_000


FULL = Settings("full", 1000, 2_000_000, 21, 25, 21, 0.1, 15)
SMOKE = Settings(
    "smoke",
    20,
    50_000,
    1,
    1,
    1,
    0.0,
    1,
    throughput_requests=20,
    throughput_repeats=1,
    throughput_warm_up=0,
    scales=(1, 2),
    scale_repeats=1,
    scale_min_time=0.0,
    export_sessions=(3, 6, 12),
    export_large_sessions=(3, 6),
    export_large_participants=5,
    export_repeats=1,
    import_warm_up=False,  # one uncounted start each of Python, ours and the SDK: 1.3 s of CPU, for figures that mean nothing
)
# Set by --smoke: worker() measures in this process instead of a fresh one (see worker()).
IN_PROCESS = False
THROUGHPUT_SIDES = ("ours", "ours-aiohttp", "sdk")
SECTIONS = ("parse", "call", "memory", "import", "throughput", "scaling", "export")
# The export rows' columns: one call at a time (--concurrency 1) and the command's default (async, overlapped);
# "before" is the default of another checkout (--export-before).
EXPORT_ONE, EXPORT_DEFAULT, EXPORT_BEFORE = "1", "default", "before"


def _sections(text: str) -> tuple[str, ...]:
    names = tuple(name.strip() for name in text.split(",") if name.strip())
    unknown = sorted(set(names) - set(SECTIONS))
    if unknown or not names:
        raise argparse.ArgumentTypeError(
            f"unknown section(s) {', '.join(unknown) or '(none)'}: use {','.join(SECTIONS)}"
        )
    return names


SCALED_OPERATIONS = ("get_session_participants", PEER_REPORT_OPERATION)

IMPORT_COMMANDS = {
    "bare": "pass",
    # Ours builds its client too, as the SDK line must (its resources hang off a client).
    "ours": (
        "from realtimekit_sessions import AuthenticatedClient; "
        "import realtimekit_sessions.api.sessions.get_session_chat; AuthenticatedClient(token='t', base_url='https://api.cloudflare.com/client/v4')"
    ),
    "sdk": "from cloudflare import Cloudflare; c = Cloudflare(api_token='t'); c.realtime_kit.sessions",
}

TARGETS = (
    # (name, what it reads, limit, "<=" or ">="): issue 6's, with issue 13's limits where it set new ones
    ("large-body parse vs SDK", "parse_large_vs_sdk", 0.6, "<="),
    ("large-body parse vs json.loads", "parse_large_vs_json", 2.5, "<="),
    ("small-call overhead vs SDK", "call_vs_sdk", 0.2, "<="),
    ("retained memory (2 MB peer report) vs SDK", "memory_vs_sdk", 0.5, "<="),
    ("cold import vs SDK", "import_vs_sdk", 0.35, "<="),
    # issue 13 (throughput: "with default settings or one documented switch", so the switch is judged; the
    # default's ratios are in the table)
    ("async throughput, aiohttp, x SDK (10-200)", "async_aiohttp_x_sdk", 2.0, ">="),
    ("1x-10x bodies vs json.loads", "scaled_vs_json", 1.0, "<="),
    ("ms per MB, largest / 1x", "per_byte_growth", 1.2, "<="),
    ("export at 10 ms latency, x one call at a time", "export_speedup", 10.0, ">="),
    ("export peak RSS MB (not x), 1.1 MB sessions", "export_peak_mb", 100.0, "<="),
)


def worker(*args: str, env: dict[str, str] | None = None) -> dict[str, Any]:
    """One comparison's result: from a fresh process, or (smoke runs) measured in this one.

    A full run gives every comparison a process of its own, so no side inherits the other's imports, caches or
    heap. A smoke run only shows that every row can be measured, so it runs the same code here and saves a process
    start (and an import of the SDK) for each of its forty-odd comparisons; a comparison with an environment of its
    own (another checkout's package) always gets a process.
    """
    if IN_PROCESS and env is None:
        from .worker import run

        result = run(list(args))
        # The objects this process holds by now (the SDK's thousands of pydantic classes once it is imported) are
        # frozen out of later collections: the gc.collect() the worker makes before each sample, to start it from
        # the same heap in a fresh process, walked them all again here (about 45 ms, fifty-odd times a run).
        gc.collect()
        gc.freeze()
        return result
    command = [sys.executable, "-m", "realtimekit_tools.bench.worker", *args]
    done = subprocess.run(command, cwd=repo_root(), capture_output=True, text=True, check=False, env=env)
    if done.returncode != 0:
        raise RuntimeError(f"worker {' '.join(args[:1])} failed ({done.returncode}):\n{done.stderr}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def write_bodies(settings: Settings) -> list[tuple[Body, Path]]:
    folder = BENCH_DIR / settings.mode
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for index, body in enumerate(
        make_bodies(list_items=settings.list_items, peer_report_bytes=settings.peer_report_bytes)
    ):
        path = folder / f"{index:02d}-{body.operation_id}-{body.size.split()[0]}.json"
        path.write_bytes(body.content)
        written.append((body, path))
    return written


def paired(numerators: list[float], denominators: list[float]) -> float:
    """Median of the ratios of runs made side by side in the same repeat.

    On a shared machine the load drifts between repeats; a pair measured back to back sees the same load, so the
    median of the pairs' ratios is steadier than the ratio of two medians.
    """
    return statistics.median(n / d for n, d in zip(numerators, denominators, strict=True))


def measure_parse(settings: Settings, bodies: list[tuple[Body, Path]]) -> list[dict[str, Any]]:
    rows = []
    for body, path in bodies:
        progress(f"parse  {body.operation_id} ({body.size})")
        repeats = settings.typical_repeats if body.size == "typical" else settings.large_repeats
        result = worker(
            "parse", "--body", str(path), "--schema", body.schema,
            "--repeats", str(repeats), "--min-time", str(settings.min_time),
        )  # fmt: skip
        timings = result["timings"]
        ours, sdk, floor = (timings[side]["median_s"] for side in ("ours", "sdk", "json"))
        samples = {side: timings[side]["samples"] for side in ("ours", "sdk", "json")}
        rows.append(
            {
                "operation": body.operation_id,
                "size": body.size,
                "large": body.size != "typical",
                "bytes": result["bytes"],
                "leaves": result["leaves"],
                "ours_ms": ours * 1e3,
                "sdk_ms": sdk * 1e3,
                "json_ms": floor * 1e3,
                "ours_vs_sdk": paired(samples["ours"], samples["sdk"]),
                "ours_vs_json": paired(samples["ours"], samples["json"]),
                "sdk_vs_json": paired(samples["sdk"], samples["json"]),
                "repeats": repeats,
                "timings": timings,
            }
        )
    return rows


def measure_call(settings: Settings) -> dict[str, Any]:
    progress("call   get_session_chat through httpx.MockTransport")
    result = worker("call", "--repeats", str(settings.call_repeats), "--min-time", str(settings.min_time))
    timings = result["timings"]
    ours, sdk = (timings[side]["median_s"] for side in ("ours", "sdk"))
    ratio = paired(timings["ours"]["samples"], timings["sdk"]["samples"])
    return {"ours_us": ours * 1e6, "sdk_us": sdk * 1e6, "ours_vs_sdk": ratio, "timings": timings}


def measure_memory(peer_report: tuple[Body, Path]) -> dict[str, Any]:
    body, path = peer_report
    sides = {}
    for side in ("ours", "sdk", "json"):
        progress(f"memory {side}: parsed {body.size}")
        sides[side] = worker("memory", "--side", side, "--body", str(path), "--schema", body.schema)
    ours, sdk, floor = (sides[side]["retained"] for side in ("ours", "sdk", "json"))
    return {
        "size": body.size,
        "ours_mb": ours / 1e6,
        "sdk_mb": sdk / 1e6,
        "json_mb": floor / 1e6,
        "ours_vs_sdk": ours / sdk,
        "ours_vs_json": ours / floor,
        "sdk_vs_json": sdk / floor,
        "sides": sides,
    }


def measure_import(settings: Settings) -> dict[str, Any]:
    progress(f"import cold start x{settings.import_runs}")
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    names = list(IMPORT_COMMANDS)
    samples: dict[str, list[float]] = {name: [] for name in names}
    first = 0 if settings.import_warm_up else 1
    for run in range(first, settings.import_runs + 1):  # run 0 writes the bytecode caches and is not counted
        shift = run % len(names)
        for name in names[shift:] + names[:shift]:
            start = time.perf_counter()
            subprocess.run([sys.executable, "-c", IMPORT_COMMANDS[name]], cwd=repo_root(), env=env, check=True)
            if run:
                samples[name].append(time.perf_counter() - start)
    medians = {name: statistics.median(values) for name, values in samples.items()}
    bare = medians["bare"]
    ours = max(medians["ours"] - bare, 0.0)
    sdk = max(medians["sdk"] - bare, 1e-9)
    ratio = paired([max(t - bare, 0.0) for t in samples["ours"]], [max(t - bare, 1e-9) for t in samples["sdk"]])
    over_bare = {name: [max(t - bare, 0.0) * 1e3 for t in samples[name]] for name in ("ours", "sdk")}
    return {
        "spread_ms": {name: spread(values) for name, values in over_bare.items()},
        "bare_ms": medians["bare"] * 1e3,
        "ours_ms": ours * 1e3,
        "sdk_ms": sdk * 1e3,
        "ours_vs_sdk": ratio,
        "commands": IMPORT_COMMANDS,
        "samples_s": samples,
    }


def spread(values: list[float]) -> dict[str, float]:
    return {"min": min(values), "median": statistics.median(values), "max": max(values)}


def measure_throughput(settings: Settings) -> list[dict[str, Any]]:
    """Calls per second at each concurrency: ours (default), ours with async_transport="aiohttp", the SDK's default
    async client; one local server process (the second core), each sample a fresh client process."""
    body = json.dumps(
        {
            "success": True,
            "data": {
                "chat_download_url": "https://example.com/chat/5e3b5a0c.csv?X-Amz-Expires=3600",
                "chat_download_url_expiry": "2025-03-14T11:00:00.000Z",
            },
        },
        separators=(",", ":"),
    ).encode()
    folder = BENCH_DIR / settings.mode
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "chat.json").write_bytes(body)
    server = subprocess.Popen(
        [sys.executable, "-m", "realtimekit_tools.bench.server", str(folder / "chat.json")],
        cwd=repo_root(),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    rows = []
    try:
        assert server.stdout is not None
        port = server.stdout.readline().strip()
        for concurrency in settings.concurrency:
            progress(f"async  {concurrency} in flight x{settings.throughput_repeats}")
            rates: dict[str, list[float]] = {side: [] for side in THROUGHPUT_SIDES}
            for repeat in range(settings.throughput_repeats):
                shift = repeat % len(THROUGHPUT_SIDES)
                for side in THROUGHPUT_SIDES[shift:] + THROUGHPUT_SIDES[:shift]:
                    result = worker(
                        "throughput", "--side", side, "--port", port, "--concurrency", str(concurrency),
                        "--requests", str(settings.throughput_requests), "--repeats", "1",
                        "--warm-up", str(settings.throughput_warm_up),
                    )  # fmt: skip
                    rates[side] += result["rates"]
            sdk = rates["sdk"]
            rows.append(
                {
                    "concurrency": concurrency,
                    "rates": {side: spread(values) for side, values in rates.items()},
                    # Throughput: higher is better, so these are ours / SDK as "times the SDK's".
                    "ours_x_sdk": paired(rates["ours"], sdk),
                    "aiohttp_x_sdk": paired(rates["ours-aiohttp"], sdk),
                    "samples": rates,
                }
            )
    finally:
        if server.stdin is not None:
            server.stdin.close()
        server.wait(timeout=30)
    return rows


def scaled_bodies(settings: Settings, bodies: list[tuple[Body, Path]]) -> Iterator[tuple[Body, int, Path]]:
    """(body, scale, file) for the growing bodies at each of the settings' scales, written on first use."""
    for body, path in bodies:
        if body.size == "typical" or body.operation_id not in SCALED_OPERATIONS:
            continue
        document = json.loads(path.read_bytes())
        for scale in settings.scales:
            scaled_path = path.with_name(f"scaled-{body.operation_id}-x{scale}.json")
            if not scaled_path.exists():
                scaled_path.write_bytes(_scaled(document, body.operation_id, scale))
            yield body, scale, scaled_path


def measure_scaling(settings: Settings, bodies: list[tuple[Body, Path]]) -> list[dict[str, Any]]:
    """ms per MB for the large participants list and the peer report, repeated 1x to 50x: ours, json.loads, SDK."""
    rows = []
    for body, scale, scaled_path in scaled_bodies(settings, bodies):
        progress(f"scale  {body.operation_id} x{scale}")
        result = worker(
            "parse", "--body", str(scaled_path), "--schema", body.schema,
            "--repeats", str(settings.scale_repeats), "--min-time", str(settings.scale_min_time),
        )  # fmt: skip
        timings = result["timings"]
        megabytes = result["bytes"] / 1e6
        samples = {side: timings[side]["samples"] for side in ("ours", "sdk", "json")}
        rows.append(
            {
                "operation": body.operation_id,
                "scale": scale,
                "bytes": result["bytes"],
                "ms_per_mb": {
                    side: {k: v * 1e3 / megabytes for k, v in spread(values).items()}
                    for side, values in samples.items()
                },
                "ours_vs_json": paired(samples["ours"], samples["json"]),
                "ours_vs_sdk": paired(samples["ours"], samples["sdk"]),
                "samples": samples,
            }
        )
    return rows


def _scaled(document: Any, operation_id: str, scale: int) -> bytes:
    """The body with its growing lists (participants; the peer report's quality samples) `scale` times as long."""
    data = document["data"]
    if operation_id == "get_session_participants":
        data = {**data, "participants": data["participants"] * scale}
    else:
        participant = data["participant"]
        report = participant["peer_report"]
        quality = {key: value * scale if isinstance(value, list) else value for key, value in report["quality"].items()}
        data = {**data, "participant": {**participant, "peer_report": {**report, "quality": quality}}}
    return json.dumps({**document, "data": data}, separators=(",", ":"), ensure_ascii=False).encode()


def measure_export(settings: Settings, before: Path | None = None) -> list[dict[str, Any]]:
    """`realtimekit-sessions export` against a local API answering after `export_latency` seconds: wall time one
    call at a time (--concurrency 1) and with the command's default (overlapped on an event loop), with small
    sessions (5 participants; 50, 200 and 2,000 of them) and sessions of about 1.1 MB of participants, and the
    export process's peak RSS. Each run is a fresh process; its first export (one session) is timed apart as the
    cold start, then the whole export is timed. Every run is given `--budget export_budget` (the local server is
    not Cloudflare, and has no 1,200-a-5-minutes limit to keep to). With `before` (a checkout), that checkout's
    default runs too, interleaved."""
    from .bodies import DEFAULT_ARRAY_LENGTH, BodyMaker, _fixed, encode, load_spec, success_schemas

    spec = load_spec()
    schemas = success_schemas(spec)
    folder = BENCH_DIR / settings.mode
    folder.mkdir(parents=True, exist_ok=True)
    sessions_file = folder / "export-sessions.json"
    sessions_file.write_bytes(encode(BodyMaker(spec, _fixed({"sessions": 1})).make(schemas["get_sessions"])))
    participants_files = {}
    for label, count in (("small", 5), ("large", settings.export_large_participants)):
        lengths = {"participants": count, "peer_events": DEFAULT_ARRAY_LENGTH}
        body = BodyMaker(spec, _fixed(lengths)).make(schemas["get_session_participants"])
        body["data"]["paging"] = {"total_count": count, "start_offset": 1, "end_offset": count}
        participants_files[label] = folder / f"export-participants-{label}.json"
        participants_files[label].write_bytes(encode(body))
    columns: dict[str, tuple[list[str], dict[str, str] | None]] = {
        EXPORT_ONE: (["--concurrency", "1"], None),
        EXPORT_DEFAULT: ([], None),
    }
    if before is not None:
        checkout = before.resolve()
        path = os.pathsep.join(str(checkout / part) for part in ("generated", "cli"))
        columns[EXPORT_BEFORE] = ([], {**os.environ, "PYTHONPATH": path})
    rows = []
    for label, counts in (("small", settings.export_sessions), ("large", settings.export_large_sessions)):
        for count in counts:
            server = subprocess.Popen(
                [
                    sys.executable, "-m", "realtimekit_tools.bench.server", "--export", str(sessions_file),
                    str(participants_files[label]), str(count), str(settings.export_latency),
                ],
                cwd=repo_root(), stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
            )  # fmt: skip
            try:
                assert server.stdout is not None
                port = server.stdout.readline().strip()
                runs: dict[str, list[dict[str, Any]]] = {column: [] for column in columns}
                names = list(columns)
                for repeat in range(settings.export_repeats):
                    shift = repeat % len(names)
                    for column in names[shift:] + names[:shift]:
                        progress(f"export {count} {label} sessions, {column}")
                        arguments, env = columns[column]
                        budget = ["--budget", str(settings.export_budget)]
                        result = worker("export", "--port", port, *arguments, *budget, env=env)
                        if result["sessions"] != count:
                            raise RuntimeError(f"export ({column}) wrote {result['sessions']} sessions, not {count}")
                        runs[column].append(result)
            finally:
                if server.stdin is not None:
                    server.stdin.close()
                server.wait(timeout=30)
            seconds = {column: [r["seconds"] for r in runs[column]] for column in columns}
            row = {
                "sessions": count,
                "participants": label,
                "budget": settings.export_budget,
                "bytes_written": runs[EXPORT_DEFAULT][0]["bytes_written"],
                "seconds": {column: spread(values) for column, values in seconds.items()},
                "cpu_seconds": {column: spread([r["cpu_seconds"] for r in runs[column]]) for column in columns},
                "cold_seconds": {column: spread([r["cold_seconds"] for r in runs[column]]) for column in columns},
                "peak_rss_mb": {column: spread([r["peak_rss"] / 1e6 for r in runs[column]]) for column in columns},
                "speedup": paired(seconds[EXPORT_ONE], seconds[EXPORT_DEFAULT]),
            }
            if before is not None:
                row["speedup_before"] = paired(seconds[EXPORT_ONE], seconds[EXPORT_BEFORE])
                row["default_vs_before"] = paired(seconds[EXPORT_BEFORE], seconds[EXPORT_DEFAULT])
            rows.append(row)
    return rows


def headline(results: dict[str, Any]) -> list[dict[str, Any]]:
    """The issue's targets, of the sections that were run; a large-body target must hold for every large body, so
    the worst row is judged."""
    figures: dict[str, tuple[float, str]] = {}
    if "parse" in results:
        large = [row for row in results["parse"] if row["large"]]
        worst_sdk = max(large, key=lambda row: row["ours_vs_sdk"])
        worst_json = max(large, key=lambda row: row["ours_vs_json"])
        figures["parse_large_vs_sdk"] = (
            worst_sdk["ours_vs_sdk"],
            f"worst: {worst_sdk['operation']}, {worst_sdk['size']}",
        )
        figures["parse_large_vs_json"] = (
            worst_json["ours_vs_json"],
            f"worst: {worst_json['operation']}, {worst_json['size']}",
        )
    for section, key in (("call", "call_vs_sdk"), ("memory", "memory_vs_sdk"), ("import", "import_vs_sdk")):
        if section in results:
            figures[key] = (results[section]["ours_vs_sdk"], "")
    if "throughput" in results:
        throughput = [row for row in results["throughput"] if row["concurrency"] >= 10]
        worst = min(throughput, key=lambda row: row["aiohttp_x_sdk"])
        figures["async_aiohttp_x_sdk"] = (worst["aiohttp_x_sdk"], f"worst: {worst['concurrency']} in flight")
    if "scaling" in results:
        small = [row for row in results["scaling"] if row["scale"] <= 10]
        worst_scaled = max(small, key=lambda row: row["ours_vs_json"])
        figures["scaled_vs_json"] = (
            worst_scaled["ours_vs_json"],
            f"worst: {worst_scaled['operation']} x{worst_scaled['scale']}",
        )
        growth = []
        for operation in SCALED_OPERATIONS:
            rows = sorted(
                (row for row in results["scaling"] if row["operation"] == operation), key=lambda r: r["scale"]
            )
            first, last = rows[0]["ms_per_mb"]["ours"]["median"], rows[-1]["ms_per_mb"]["ours"]["median"]
            # json.loads' own growth over the same bodies, beside ours: how much of it is the machine's (its
            # caches and page faults), which no parser that builds objects escapes.
            floor = rows[-1]["ms_per_mb"]["json"]["median"] / rows[0]["ms_per_mb"]["json"]["median"]
            growth.append(
                (
                    last / first,
                    f"worst: {operation} x{rows[-1]['scale']} / x{rows[0]['scale']}; json.loads {floor:.2f}x",
                )
            )
        figures["per_byte_growth"] = max(growth)
    if "export" in results:
        small = [row for row in results["export"] if row["participants"] == "small"]
        slowest = min(small, key=lambda row: row["speedup"])
        figures["export_speedup"] = (slowest["speedup"], f"worst: {slowest['sessions']} sessions")
        large = [row for row in results["export"] if row["participants"] == "large"]
        heaviest = max(large, key=lambda row: row["peak_rss_mb"][EXPORT_DEFAULT]["max"])
        figures["export_peak_mb"] = (
            heaviest["peak_rss_mb"][EXPORT_DEFAULT]["max"],
            f"worst: {heaviest['sessions']} sessions",
        )
    return [
        {
            "target": name,
            "value": figures[key][0],
            "limit": limit,
            "direction": direction,
            "met": figures[key][0] <= limit if direction == "<=" else figures[key][0] >= limit,
            "note": figures[key][1],
        }
        for name, key, limit, direction in TARGETS
        if key in figures
    ]


def _spread_text(values: dict[str, float], digits: int = 1) -> str:
    return f"{values['min']:.{digits}f}/{values['median']:.{digits}f}/{values['max']:.{digits}f}"


def render(results: dict[str, Any]) -> str:
    lines = []
    if results["mode"] == "smoke":
        lines.append("SMOKE RUN: tiny bodies, one repeat; the figures below mean nothing.")
    if "parse" in results:
        lines += _render_parse(results)
    lines += _render_clients(results)
    if "throughput" in results:
        lines += _render_throughput(results)
    if "scaling" in results:
        lines += _render_scaling(results)
    if "export" in results:
        lines += _render_export(results)
    lines += ["", "Targets (issues 6 and 13)"]
    for target in results["targets"]:
        verdict = "met" if target["met"] else "NOT met"
        note = f"  ({target['note']})" if target["note"] else ""
        lines.append(
            f"  {target['target']:<44} {target['value']:>6.2f}x  ({target['direction']} {target['limit']}x)"
            f"  {verdict:<7}{note}".rstrip()
        )
    return "\n".join(lines)


def _render_parse(results: dict[str, Any]) -> list[str]:
    lines = [
        (
            "Parse: response bytes -> typed model, every value touched once. ms: medians per body; ratios: medians"
            " of per-repeat pairs; json = plain json.loads"
        )
    ]
    header = (
        f"{'operation':<34} {'size':<28} {'bytes':>9} {'ours ms':>9} {'sdk ms':>9} {'json ms':>9}"
        f" {'ours/sdk':>9} {'ours/json':>10} {'sdk/json':>9}"
    )
    lines += [header, "-" * len(header)]
    for row in results["parse"]:
        lines.append(
            f"{row['operation']:<34} {row['size']:<28} {row['bytes']:>9} {row['ours_ms']:>9.3f} {row['sdk_ms']:>9.3f}"
            f" {row['json_ms']:>9.3f} {row['ours_vs_sdk']:>9.2f} {row['ours_vs_json']:>10.2f} {row['sdk_vs_json']:>9.2f}"
        )
    return lines


def _render_clients(results: dict[str, Any]) -> list[str]:
    if not {"call", "memory", "import"} & set(results):
        return []
    lines = ["", f"{'client':<63} {'ours':>12} {'sdk':>12} {'ours/sdk':>9}", "-" * 99]
    if "call" in results:
        call = results["call"]
        lines.append(
            f"{'get_session_chat call via httpx.MockTransport (us/call)':<63}"
            f" {call['ours_us']:>12.1f} {call['sdk_us']:>12.1f} {call['ours_vs_sdk']:>9.2f}"
        )
    if "memory" in results:
        memory = results["memory"]
        lines.append(
            f"{'retained memory, parsed ' + memory['size'] + ' (MB)':<63}"
            f" {memory['ours_mb']:>12.2f} {memory['sdk_mb']:>12.2f} {memory['ours_vs_sdk']:>9.2f}"
            f"   (json.loads dict: {memory['json_mb']:.2f} MB)"
        )
    if "import" in results:
        cold = results["import"]
        lines.append(
            f"{'cold import + client + one operation (ms over bare python)':<63}"
            f" {cold['ours_ms']:>12.1f} {cold['sdk_ms']:>12.1f} {cold['ours_vs_sdk']:>9.2f}"
            f"   (bare interpreter: {cold['bare_ms']:.1f} ms)"
        )
        lines.append(
            f"{'  spread over runs, min / median / max (ms)':<63}"
            f" {_spread_text(cold['spread_ms']['ours']):>12} {_spread_text(cold['spread_ms']['sdk']):>12}"
        )
    return lines


def _render_throughput(results: dict[str, Any]) -> list[str]:
    lines = [
        "",
        "Async throughput against a local server (another process): calls/s, min / median / max over samples;",
        "x SDK = median of per-repeat ratios of calls/s (higher is better)",
        f"{'in flight':>9} {'ours (default)':>22} {'ours (aiohttp)':>22} {'SDK (default)':>22} {'ours x':>7} {'aiohttp x':>9}",
    ]
    for row in results["throughput"]:
        rates = row["rates"]
        lines.append(
            f"{row['concurrency']:>9} {_spread_text(rates['ours']):>22} {_spread_text(rates['ours-aiohttp']):>22}"
            f" {_spread_text(rates['sdk']):>22} {row['ours_x_sdk']:>7.2f} {row['aiohttp_x_sdk']:>9.2f}"
        )
    return lines


def _render_scaling(results: dict[str, Any]) -> list[str]:
    lines = [
        "",
        "Scaling: ms per MB (min / median / max); ours/json and ours/sdk are medians of per-repeat ratios",
        f"{'body':<34} {'scale':>5} {'MB':>7} {'ours':>20} {'json.loads':>20} {'SDK':>20} {'ours/json':>9} {'ours/sdk':>8}",
    ]
    for row in results["scaling"]:
        per_mb = row["ms_per_mb"]
        lines.append(
            f"{row['operation']:<34} {row['scale']:>5} {row['bytes'] / 1e6:>7.1f} {_spread_text(per_mb['ours']):>20}"
            f" {_spread_text(per_mb['json']):>20} {_spread_text(per_mb['sdk']):>20} {row['ours_vs_json']:>9.2f}"
            f" {row['ours_vs_sdk']:>8.2f}"
        )
    return lines


def _render_export(results: dict[str, Any]) -> list[str]:
    rows = results["export"]
    before = any(EXPORT_BEFORE in row["seconds"] for row in rows)
    columns = [EXPORT_ONE, EXPORT_DEFAULT, *([EXPORT_BEFORE] if before else [])]
    names = {EXPORT_ONE: "one at a time", EXPORT_DEFAULT: "default", EXPORT_BEFORE: "before"}
    lines = [
        "",
        (
            "Export (realtimekit-sessions export, NDJSON) against a local API answering after 10 ms, each run a"
            f" fresh process with --budget {rows[0]['budget'] if rows else 0} (the local API is not Cloudflare: the"
            " default budget, Cloudflare's 1,200 requests per 5 minutes, would hold the 2,000-session row back"
            " for minutes): s = the export timed warm (after a one-session export, whose time is the cold start);"
            " CPU s = the process's CPU time over the same export; peak RSS of the process; min / median / max;"
            " speed-up = one at a time / default (median of per-repeat ratios)"
        ),
        f"{'sessions':>8} {'participants':<12} {'MB out':>6}"
        + "".join(f" {'s, ' + names[c]:>18}" for c in columns)
        + f" {'speed-up':>8}"
        + (f" {'before/default':>14}" if before else "")
        + "".join(f" {'CPU s, ' + names[c]:>20}" for c in columns)
        + "".join(f" {'RSS MB, ' + names[c]:>22}" for c in columns)
        + "".join(f" {'cold s, ' + names[c]:>21}" for c in columns),
    ]

    for row in rows:
        lines.append(
            f"{row['sessions']:>8} {row['participants']:<12} {row['bytes_written'] / 1e6:>6.1f}"
            + "".join(f" {_spread_text(row['seconds'][c], 2):>18}" for c in columns)
            + f" {row['speedup']:>8.2f}"
            + (f" {row['default_vs_before']:>14.2f}" if before else "")
            + "".join(f" {_spread_text(row['cpu_seconds'][c], 2):>20}" for c in columns)
            + "".join(f" {_spread_text(row['peak_rss_mb'][c], 0):>22}" for c in columns)
            + "".join(f" {_spread_text(row['cold_seconds'][c], 2):>21}" for c in columns)
        )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m realtimekit_tools.bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--smoke", action="store_true", help="tiny bodies and one repeat (for CI)")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write every figure to FILE as JSON")
    parser.add_argument(
        "--only",
        metavar="SECTIONS",
        type=_sections,
        default=SECTIONS,
        help=f"run these sections only, comma-separated (of {','.join(SECTIONS)}); the targets of the others are"
        " left out",
    )
    parser.add_argument(
        "--export-before",
        type=Path,
        metavar="CHECKOUT",
        help="also run the export rows' default with the package and CLI of another checkout (its generated/ and"
        " cli/ first on PYTHONPATH), interleaved with this one's: a before-and-after in one run",
    )
    args = parser.parse_args(argv)
    settings = SMOKE if args.smoke else FULL
    global IN_PROCESS
    IN_PROCESS = args.smoke

    started = time.perf_counter()
    load_before = os.getloadavg()[0]
    only = args.only
    bodies = write_bodies(settings) if {"parse", "memory", "scaling"} & set(only) else []
    results: dict[str, Any] = {
        "mode": settings.mode,
        "settings": settings.__dict__,
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "versions": {
            name: metadata.version(name)
            for name in ("realtimekit-sessions", "cloudflare", "pydantic", "attrs", "httpx")
        },
        "sections": list(only),
    }
    measures = {
        "parse": lambda: measure_parse(settings, bodies),
        "call": lambda: measure_call(settings),
        "memory": lambda: measure_memory(
            next(item for item in bodies if item[0].operation_id == PEER_REPORT_OPERATION and item[0].size != "typical")
        ),
        "import": lambda: measure_import(settings),
        "throughput": lambda: measure_throughput(settings),
        "scaling": lambda: measure_scaling(settings, bodies),
        "export": lambda: measure_export(settings, args.export_before),
    }
    for section in SECTIONS:
        if section in only:
            results[section] = measures[section]()
    results["targets"] = headline(results)
    results["elapsed_s"] = time.perf_counter() - started
    results["load_average"] = {"before": load_before, "after": os.getloadavg()[0]}
    print(render(results))
    print(
        f"\n({settings.mode} run took {results['elapsed_s']:.0f} s; 1-minute load average {load_before:.1f} before,"
        f" {results['load_average']['after']:.1f} after, on {os.cpu_count()} CPUs: other work on the machine"
        " shows up as noise)"
    )
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0
