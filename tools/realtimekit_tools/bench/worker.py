"""One comparison, measured inside a process of its own (`python -m realtimekit_tools.bench.worker KIND ...`).

Prints one JSON object on stdout. Runs of ours, the SDK and the `json.loads` floor are interleaved (the order
rotates each repeat) so drift in the machine's speed hits all sides alike; each figure is the median of the repeats.
"""

from __future__ import annotations

import argparse
import functools
import gc
import json
import math
import statistics
import sys
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from time import perf_counter, process_time
from typing import Any

import httpx

from .touch import touch

ACCOUNT_ID = "023e105f4ecef8ad9ca31a8372d0c353"
APP_ID = "3f9a1c527e444b1da0c26d8e5b7f9a10"
SESSION_ID = "5e3b5a0c-2a8f-4c38-8d0e-3f0d2b9c7a11"
# https so that the client does not refuse to send a token in clear; MockTransport never opens a connection.
BASE_URL = "https://bench.local"
MAX_LOOPS = 1_000_000


def ours_parser(schema: str) -> Callable[[bytes], Any]:
    """What our client does with a 200 body: `client.load_json` given the model class, as `read_json` reads every
    2xx body (msgspec's decoding into the model's shape and `_from_shape`, or the lenient path for a body the
    shape refuses)."""
    import importlib.util

    import realtimekit_sessions.models
    from realtimekit_sessions.client import load_json

    model = getattr(realtimekit_sessions.models, schema)
    if importlib.util.find_spec("realtimekit_sessions._models") is None:
        # A package from before runtime/_models.py (make bench against an older checkout) took `from_dict`.
        model = model.from_dict
    return lambda body: load_json(body, model)


def sdk_parser(schema: str) -> Callable[[bytes], Any]:
    """What the SDK does with a 200 body, through the very method its response class calls.

    `APIResponse._parse` reads `response.json()` (httpx: `json.loads` of the content) and hands it to
    `BaseClient._process_response_data`, which (default `_strict_response_validation=False`, and these models
    are not `ModelBuilderProtocol`s) returns `construct_type(type_=cast_to, value=data)`.
    """
    import cloudflare.types.realtime_kit

    model = getattr(cloudflare.types.realtime_kit, schema)
    client = _sdk_client()
    assert client._strict_response_validation is False
    response = httpx.Response(200, headers={"content-type": "application/json"})
    process = client._process_response_data
    return lambda body: process(data=json.loads(body), cast_to=model, response=response)


@functools.cache
def _sdk_client() -> Any:
    """One SDK client a process, whatever its parsers' schemas: building one costs about 50 ms (its httpx client
    makes an SSL context), paid again by every parser a process makes (the smoke run's forty-odd comparisons, the
    suite's touch tests), and nothing it parses or measures depends on which client reads it."""
    import cloudflare

    return cloudflare.Cloudflare(api_token="t", base_url=BASE_URL)


def json_parser(_schema: str) -> Callable[[bytes], Any]:
    return json.loads


PARSERS = {"ours": ours_parser, "sdk": sdk_parser, "json": json_parser}


def compare(runs: dict[str, Callable[[], object]], repeats: int, min_time: float) -> dict[str, dict[str, Any]]:
    """Median seconds per call of each run; each sample loops a run for about `min_time` seconds."""
    for run in runs.values():
        run()  # warm-up: first-use caches (pydantic's, the attrs classes', touch's) are not what is measured
    loops = {}
    for name, run in runs.items():
        start = perf_counter()
        run()
        once = perf_counter() - start
        loops[name] = max(1, min(MAX_LOOPS, math.ceil(min_time / once))) if once > 0 else MAX_LOOPS
    samples: dict[str, list[float]] = {name: [] for name in runs}
    names = list(runs)
    for repeat in range(repeats):
        shift = repeat % len(names)
        for name in names[shift:] + names[:shift]:
            run, count = runs[name], loops[name]
            gc.collect()
            start = perf_counter()
            for _ in range(count):
                run()
            samples[name].append((perf_counter() - start) / count)
    return {
        name: {"median_s": statistics.median(values), "min_s": min(values), "loops": loops[name], "samples": values}
        for name, values in samples.items()
    }


def parse_command(args: argparse.Namespace) -> dict[str, Any]:
    body = Path(args.body).read_bytes()
    parsers = {side: make(args.schema) for side, make in PARSERS.items()}
    leaves = {side: touch(parse(body)) for side, parse in parsers.items()}
    runs: dict[str, Callable[[], object]] = {
        "ours": lambda: touch(parsers["ours"](body)),
        "sdk": lambda: touch(parsers["sdk"](body)),
        # The floor: the bytes decoded and nothing else.
        "json": lambda: json.loads(body),
    }
    return {"bytes": len(body), "leaves": leaves, "timings": compare(runs, args.repeats, args.min_time)}


def call_command(args: argparse.Namespace) -> dict[str, Any]:
    import cloudflare
    from realtimekit_sessions import AuthenticatedClient
    from realtimekit_sessions.api.sessions import get_session_chat

    body = json.dumps(
        {
            "success": True,
            "data": {
                "chat_download_url": f"https://example.com/chat/{SESSION_ID}.csv?X-Amz-Expires=3600",
                "chat_download_url_expiry": "2025-03-14T11:00:00.000Z",
            },
        },
        separators=(",", ":"),
    ).encode()
    headers = {"content-type": "application/json", "cf-ray": "8a1b2c3d4e5f6789-LIS"}
    requests = 0

    def answer(request: httpx.Request) -> httpx.Response:
        nonlocal requests
        requests += 1
        return httpx.Response(200, headers=headers, content=body)

    transport = httpx.MockTransport(answer)
    ours_client = AuthenticatedClient(token="t", base_url=BASE_URL, httpx_args={"transport": transport})
    sdk_client = cloudflare.Cloudflare(api_token="t", base_url=BASE_URL, http_client=httpx.Client(transport=transport))
    sdk_sessions = sdk_client.realtime_kit.sessions

    def ours() -> object:
        return get_session_chat.sync(ACCOUNT_ID, APP_ID, SESSION_ID, client=ours_client)

    def sdk() -> object:
        return sdk_sessions.get_session_chat(SESSION_ID, account_id=ACCOUNT_ID, app_id=APP_ID)

    for name, run in (("ours", ours), ("sdk", sdk)):
        before = requests
        result = run()
        if type(result).__name__ != "SessionGetSessionChatResponse" or requests != before + 1:
            raise SystemExit(f"{name}: expected one request and a SessionGetSessionChatResponse, got {result!r}")
    runs: dict[str, Callable[[], object]] = {"ours": lambda: touch(ours()), "sdk": lambda: touch(sdk())}
    return {"bytes": len(body), "timings": compare(runs, args.repeats, args.min_time)}


THROUGHPUT_SIDES = ("ours", "ours-aiohttp", "ours-pool", "sdk")


def throughput_command(args: argparse.Namespace) -> dict[str, Any]:
    """Calls per second with `concurrency` calls in flight on one event loop, against the local server.

    Each sample sends `requests` calls (get_session_chat, parsed into its model) from `concurrency` workers that
    share one client; a warm-up of `warm_up` calls per worker (two by default) opens the connections first. "ours" is the client with
    default settings, "ours-aiohttp" the same with async_transport="aiohttp", "ours-pool" the default transport
    with httpx's pool sized to the concurrency (the advice the README used to give), "sdk" the official SDK's
    default AsyncCloudflare client.
    """
    import asyncio

    base_url = f"http://127.0.0.1:{args.port}/client/v4"
    concurrency = args.concurrency

    if args.side == "sdk":
        import cloudflare

        sdk = cloudflare.AsyncCloudflare(api_token="t", base_url=base_url)
        sessions = sdk.realtime_kit.sessions

        async def call() -> object:
            return await sessions.get_session_chat(SESSION_ID, account_id=ACCOUNT_ID, app_id=APP_ID)

        close = sdk.close
    else:
        from realtimekit_sessions import AuthenticatedClient
        from realtimekit_sessions.api.sessions import get_session_chat

        settings: dict[str, Any] = {}
        if args.side == "ours-aiohttp":
            settings["async_transport"] = "aiohttp"
        elif args.side == "ours-pool":
            limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
            settings["httpx_args"] = {"limits": limits}
        ours = AuthenticatedClient(token="t", base_url=base_url, **settings)

        async def call() -> object:
            return await get_session_chat.asyncio(ACCOUNT_ID, APP_ID, SESSION_ID, client=ours)

        close = ours.aclose

    async def burst(total: int) -> float:
        left = total

        async def worker() -> None:
            nonlocal left
            while left > 0:
                left -= 1
                result = await call()
                if type(result).__name__ != "SessionGetSessionChatResponse":
                    raise SystemExit(f"{args.side}: unexpected {result!r}")

        start = perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        return perf_counter() - start

    async def run() -> list[float]:
        await burst(args.warm_up * concurrency)
        rates = []
        for _ in range(args.repeats):
            gc.collect()
            rates.append(args.requests / await burst(args.requests))
        await close()
        return rates

    rates = asyncio.run(run())
    return {"side": args.side, "concurrency": concurrency, "requests": args.requests, "rates": rates}


def _peak_rss() -> int:
    """This process's own peak resident memory (VmHWM). Not getrusage's ru_maxrss: Linux carries that over
    exec from the parent, so a worker started by a large parent would report the parent's peak."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def export_command(args: argparse.Namespace) -> dict[str, Any]:
    """`realtimekit-sessions export` run in this process against the export server: wall time and peak RSS."""
    import os
    import tempfile

    from realtimekit_sessions_cli.app import app

    os.environ.update(
        {
            "CLOUDFLARE_API_TOKEN": "bench-token",
            "CLOUDFLARE_ACCOUNT_ID": ACCOUNT_ID,
            "REALTIMEKIT_APP_ID": APP_ID,
            "CLOUDFLARE_BASE_URL": f"http://127.0.0.1:{args.port}/client/v4",
        }
    )
    concurrency = [] if args.concurrency is None else ["--concurrency", str(args.concurrency)]
    if args.budget is not None:
        concurrency += ["--budget", str(args.budget)]
    before = _peak_rss()
    with tempfile.TemporaryDirectory() as folder:
        output = Path(folder) / "export.ndjson"
        # The command's first run in a process pays for imports (aiohttp's included, on the async path) and
        # first-use caches: timed on its own (one session), as the cold start, then the export is timed warm.
        start = perf_counter()
        app(["export", "-o", str(output), "--limit", "1", *concurrency], standalone_mode=False)
        cold = perf_counter() - start
        start, cpu = perf_counter(), process_time()
        app(["export", "-o", str(output), *concurrency], standalone_mode=False)
        elapsed, cpu = perf_counter() - start, process_time() - cpu
        lines = sum(1 for _ in output.open("rb"))
        size = output.stat().st_size
    peak = _peak_rss()
    return {
        "seconds": elapsed,
        # The process's own CPU time (every thread) over the same export: on a machine where other work takes
        # turns on the cores, the wall time an export would have with a core to itself is no less than this.
        "cpu_seconds": cpu,
        "cold_seconds": cold,
        "sessions": lines,
        "bytes_written": size,
        "peak_rss": peak,
        "rss_before": before,
    }


def memory_command(args: argparse.Namespace) -> dict[str, Any]:
    """Bytes still allocated once the body is parsed and touched and the raw bytes and dict are gone."""
    parse = PARSERS[args.side](args.schema)
    body = Path(args.body).read_bytes()
    touch(parse(body))  # warm-up, so class-level caches made on first use are not counted
    gc.collect()
    tracemalloc.start()
    baseline, _ = tracemalloc.get_traced_memory()
    raw = Path(args.body).read_bytes()
    parsed = parse(raw)
    leaves = touch(parsed)
    del raw
    gc.collect()
    current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    # `parsed` is alive up to here: what is measured is what holding the parsed report costs.
    assert parsed is not None
    return {
        "side": args.side,
        "bytes": len(body),
        "leaves": leaves,
        "retained": current - baseline,
        "peak": peak - baseline,
    }


def run(argv: list[str]) -> dict[str, Any]:
    """The comparison `argv` names, measured in this process: its result, as `main` prints it."""
    parser = argparse.ArgumentParser(prog="python -m realtimekit_tools.bench.worker")
    commands = parser.add_subparsers(dest="command", required=True)
    parse = commands.add_parser("parse")
    parse.add_argument("--body", required=True)
    parse.add_argument("--schema", required=True)
    call = commands.add_parser("call")
    for timed in (parse, call):
        timed.add_argument("--repeats", type=int, required=True)
        timed.add_argument("--min-time", type=float, required=True)
    memory = commands.add_parser("memory")
    memory.add_argument("--side", choices=sorted(PARSERS), required=True)
    memory.add_argument("--body", required=True)
    memory.add_argument("--schema", required=True)
    throughput = commands.add_parser("throughput")
    throughput.add_argument("--side", choices=THROUGHPUT_SIDES, required=True)
    throughput.add_argument("--port", type=int, required=True)
    throughput.add_argument("--concurrency", type=int, required=True)
    throughput.add_argument("--requests", type=int, required=True)
    throughput.add_argument("--repeats", type=int, required=True)
    throughput.add_argument("--warm-up", type=int, default=2, help="calls per worker before timing (opens the pool)")
    export = commands.add_parser("export")
    export.add_argument("--port", type=int, required=True)
    export.add_argument("--concurrency", type=int, help="the command's --concurrency (default: its default)")
    export.add_argument("--budget", type=int, help="the command's --budget (default: its default, Cloudflare's 1200)")
    args = parser.parse_args(argv)
    handler = {
        "export": export_command,
        "parse": parse_command,
        "call": call_command,
        "memory": memory_command,
        "throughput": throughput_command,
    }[args.command]
    return handler(args)


def main(argv: list[str] | None = None) -> None:
    json.dump(run(sys.argv[1:] if argv is None else argv), sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
