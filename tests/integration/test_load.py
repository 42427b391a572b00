"""Load: the async client sends SOAK_REQUESTS requests, SOAK_CONCURRENCY at a time, to the spec's mock server.

Every call must return its typed model (nothing lost, nothing failed), the server must have answered exactly
that many, connections must be reused (far fewer accepted than requests) and the client's memory must not
grow with the number of requests. Throughput is reported, never asserted.
"""

from __future__ import annotations

import asyncio
import gc
import itertools
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from realtimekit_tools.testing.soak_server import SoakServer
from suite_support import (
    OPERATION_IDS,
    make_client,
    operation_module,
    path_arguments,
    report,
    soak_size,
    success_model,
)

# Memory is measured after a warm-up (so pools, caches and lazily imported modules exist before) by two cheap
# gauges: tracemalloc would triple the run time. A leak of one object a request fails the first at 10 000
# requests; the second catches leaked buffers. Both tolerances cover allocator and gc noise seen in practice.
OBJECT_TOLERANCE = 2_000
RSS_TOLERANCE = 16 * 1024 * 1024


@dataclass(frozen=True)
class Footprint:
    objects: int
    rss: int


def footprint() -> Footprint:
    gc.collect()
    return Footprint(len(gc.get_objects()), rss_bytes())


@pytest.fixture(scope="module")
def soak_server() -> Iterator[SoakServer]:
    server = SoakServer()
    yield server
    server.stop()


def rss_bytes() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    return 0


async def run_load(client: Any, total: int, concurrency: int) -> Counter[str]:
    """`total` calls spread over every operation, `concurrency` workers at once; counts of result types."""
    calls = itertools.islice(itertools.cycle(OPERATION_IDS), total)
    results: Counter[str] = Counter()

    async def worker() -> None:
        for operation_id in calls:  # shared iterator: each call is taken by exactly one worker
            result = await operation_module(operation_id).asyncio(*path_arguments(operation_id), client=client)
            results[f"{operation_id}:{type(result).__name__}"] += 1

    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return results


@pytest.mark.parametrize("async_transport", ["httpx", "aiohttp"])
def test_the_async_client_holds_under_load(soak_server: SoakServer, async_transport: str) -> None:
    total, concurrency = soak_size()
    warm_up = min(total, 2 * concurrency)
    # The pool sized to the concurrency: httpx's default keeps only 20 idle connections, so with more callers
    # than that every burst would open (and close) fresh ones. README: "Concurrency" says the same to users.
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    client = make_client(
        base_url=soak_server.base_url, max_retries=0, httpx_args={"limits": limits}, async_transport=async_transport
    )

    async def scenario() -> tuple[Counter[str], float, Footprint, Footprint]:
        async with client:
            await run_load(client, warm_up, concurrency)
            before = footprint()
            started = time.perf_counter()
            results = await run_load(client, total, concurrency)
            elapsed = time.perf_counter() - started
            after = footprint()
        return results, elapsed, before, after

    answered_before = soak_server.requests_answered
    connections_before = soak_server.connections_accepted  # the server is the module's, shared by both transports
    results, elapsed, before, after = asyncio.run(scenario())

    assert sum(results.values()) == total, "calls were lost"
    assert set(results) == {f"{op}:{success_model(op).__name__}" for op in OPERATION_IDS}
    answered = soak_server.requests_answered - answered_before
    assert answered == total + warm_up, f"the server answered {answered} of {total + warm_up}"
    connections = soak_server.connections_accepted - connections_before
    # Reuse: about one connection per concurrent caller, against one per request without keep-alive. httpcore's
    # pool replaces a few while it is saturated (5-25 at 200 callers, more on a busy machine), hence the margin.
    assert connections <= 2 * concurrency, f"{connections} connections for {concurrency} concurrent callers"
    objects, rss = after.objects - before.objects, after.rss - before.rss
    assert objects <= OBJECT_TOLERANCE, f"{objects} more live objects after {total} requests"
    assert rss <= RSS_TOLERANCE, f"resident memory grew {rss // 1024} KiB over {total} requests"

    report(
        "load held",
        f"{total} requests at concurrency {concurrency} (+{warm_up} warm-up) over all {len(OPERATION_IDS)} "
        f"operations: {sum(results.values())} typed results, 0 errors, {answered} answered by the server",
    )
    report(
        "load held",
        f"throughput {total / elapsed:,.0f} requests/s ({elapsed:.1f} s); TCP connections accepted "
        f"{connections} (for {total + warm_up} requests)",
    )
    report(
        "load held",
        f"memory: live objects {objects:+,} (tolerance {OBJECT_TOLERANCE:,}), resident {rss / 1024:+,.0f} KiB "
        f"(tolerance {RSS_TOLERANCE // 1024:,} KiB)",
    )
