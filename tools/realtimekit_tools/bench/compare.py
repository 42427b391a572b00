"""Two builds of the package, before and after a change, on the benchmark's parse, call and scaling rows, in one run.

    python -m realtimekit_tools.bench.compare BEFORE AFTER [--rounds N] [--json FILE]

BEFORE and AFTER are folders holding a `realtimekit_sessions` package (for example `generated/` of two
checkouts, or one extracted with `git archive main generated/realtimekit_sessions | tar -x -C /tmp/before`). Each
comparison is the benchmark's own worker (`make bench`'s code and settings), run in a fresh process with that
folder first on PYTHONPATH; before and after alternate for every row and round, so drift in the machine's load
hits both alike. Within a worker, ours, the SDK and `json.loads` are interleaved as in `make bench`; the ratios
are medians of per-repeat pairs, and each side's figure is the median over the rounds.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from .run import FULL, paired, progress, scaled_bodies, worker, write_bodies

SIDES = ("before", "after")


def _worker(package: Path, *args: str) -> dict[str, Any]:
    """`args` measured by a worker importing the package from `package` (its generated/), in a fresh process."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, (str(package), os.environ.get("PYTHONPATH"))))}
    return worker(*args, env=env)


def _ratios(timings: dict[str, Any], sides: tuple[str, ...]) -> dict[str, float]:
    samples = {side: timings[side]["samples"] for side in sides}
    out = {f"ours_vs_{side}": paired(samples["ours"], samples[side]) for side in sides if side != "ours"}
    out.update({f"{side}_ms": statistics.median(samples[side]) * 1e3 for side in sides})
    return out


def compare(
    packages: dict[str, Path], rounds: int, only: tuple[str, ...] = ("parse", "call", "scale")
) -> dict[str, Any]:
    settings = FULL
    bodies = write_bodies(settings)
    rows: list[tuple[str, list[str], tuple[str, ...], float]] = []
    for body, path in bodies:
        if body.size != "typical":
            args = ["parse", "--body", str(path), "--schema", body.schema]
            timing = ["--repeats", str(settings.large_repeats), "--min-time", str(settings.min_time)]
            rows.append((f"parse {body.operation_id} ({body.size})", args + timing, ("ours", "sdk", "json"), 0))
    rows.append(
        (
            "call get_session_chat (us)",
            ["call", "--repeats", str(settings.call_repeats), "--min-time", str(settings.min_time)],
            ("ours", "sdk"),
            0,
        )
    )
    for body, scale, scaled in scaled_bodies(settings, bodies):
        args = ["parse", "--body", str(scaled), "--schema", body.schema]
        timing = ["--repeats", str(settings.scale_repeats), "--min-time", str(settings.scale_min_time)]
        rows.append(
            (f"scale {body.operation_id} x{scale}", args + timing, ("ours", "sdk", "json"), scaled.stat().st_size)
        )
    results: dict[str, Any] = {}
    for name, args, sides, size in rows:
        if not name.startswith(only):
            continue
        runs: dict[str, list[dict[str, float]]] = {side: [] for side in SIDES}
        for round_ in range(rounds):
            order = SIDES if round_ % 2 == 0 else SIDES[::-1]
            for side in order:
                progress(f"{name}: {side}, round {round_ + 1} of {rounds}")
                runs[side].append(_ratios(_worker(packages[side], *args)["timings"], sides))
        results[name] = {
            "bytes": size,
            **{side: {key: statistics.median(r[key] for r in runs[side]) for key in runs[side][0]} for side in SIDES},
        }
    return results


def render(results: dict[str, Any]) -> str:
    header = (
        f"{'row':<52} {'before: ours/SDK':>16} {'after: ours/SDK':>15} {'before: ours/json':>17}"
        f" {'after: ours/json':>16} {'before ours':>12} {'after ours':>11}"
    )
    lines = [header]
    for name, row in results.items():
        before, after = row["before"], row["after"]
        unit = 1e3 if name.startswith("call") else 1.0
        per_mb = (
            f" ({before['ours_ms'] / (row['bytes'] / 1e6):.1f} -> {after['ours_ms'] / (row['bytes'] / 1e6):.1f} ms/MB)"
            if row["bytes"]
            else ""
        )
        lines.append(
            f"{name:<52} {before['ours_vs_sdk']:>16.3f} {after['ours_vs_sdk']:>15.3f}"
            f" {before.get('ours_vs_json', float('nan')):>17.3f} {after.get('ours_vs_json', float('nan')):>16.3f}"
            f" {before['ours_ms'] * unit:>12.2f} {after['ours_ms'] * unit:>11.2f}{per_mb}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m realtimekit_tools.bench.compare", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--rounds", type=int, default=3, help="before/after pairs of worker runs per row (default 3)")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write every figure to FILE as JSON")
    parser.add_argument(
        "--only", default="parse,call,scale", help="rows to run, comma-separated (of parse, call, scale; default all)"
    )
    args = parser.parse_args(argv)
    for folder in (args.before, args.after):
        if not (folder / "realtimekit_sessions" / "__init__.py").is_file():
            parser.error(f"{folder} holds no realtimekit_sessions package")
    started, load_before = time.perf_counter(), os.getloadavg()[0]
    packages = {"before": args.before.resolve(), "after": args.after.resolve()}
    results = compare(packages, args.rounds, tuple(f"{name.strip()} " for name in args.only.split(",")))
    print(render(results))
    print(
        f"\n({time.perf_counter() - started:.0f} s; 1-minute load average {load_before:.1f} before,"
        f" {os.getloadavg()[0]:.1f} after, on {os.cpu_count()} CPUs)"
    )
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
