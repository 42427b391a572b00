"""The reliability suite: bad bodies and hostile ids, faults from a real local server, load, and secrets.

RELIABILITY_PROFILE picks how hard hypothesis tries: `ci` (the default, 25 examples a test) or `fuzz` (`make fuzz`:
FUZZ_EXAMPLES a test, 1000 unless set).
SOAK_REQUESTS / SOAK_CONCURRENCY size the load test (`make soak` asks for 10 000 at 200).
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Callable, Iterator

import pytest
from hypothesis import HealthCheck, settings

# hypothesis reads its Unicode tables while this module imports the strategies; harmless, and said once per run.
warnings.filterwarnings("ignore", message="Slow code in plugin")

import suite_support
from realtimekit_tools.testing.fault_server import FaultServer, Script

# No example database: runs stay independent and nothing is written into the work tree. Generated bodies
# (the peer report schema is large) can be slow to build, hence no deadline and no too_slow check.
_COMMON = {
    "database": None,
    "deadline": None,
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
}
# CI draws the same examples every run, so a landing never hinges on what a new draw happens to find;
# exploring is make fuzz's job, which draws afresh each time.
settings.register_profile("ci", max_examples=25, derandomize=True, **_COMMON)
settings.register_profile("fuzz", max_examples=int(os.environ.get("FUZZ_EXAMPLES", "1000")), **_COMMON)
settings.load_profile(suite_support.profile_name())


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "slow: takes seconds of CPU; run first, so that it does not end the run late")
    # xdist's own mark, known without xdist too (`pytest -p no:xdist` would warn about it otherwise).
    config.addinivalue_line("markers", "xdist_group(name): tests that share one worker under --dist loadgroup")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # The slow tests first: a worker that picks one up last keeps the whole run waiting for it (xdist hands the
    # tests out in collection order, after the xdist_group groups).
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


@pytest.hookimpl(optionalhook=True)  # xdist's hook: without the plugin (-p no:xdist), pytest would refuse it
def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """`-n auto`: two workers a core, at most 16. A third of the suite's time is spent waiting on real servers,
    timeouts and Retry-After clocks, not computing; with one worker a core those waits left the cores idle (the
    2-core machine: 93 s with two workers, 77 s with four)."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return min(2 * cores, 16)


@pytest.fixture
def fast_retries(monkeypatch: pytest.MonkeyPatch) -> dict[str, float]:
    """Backoff shrunk a hundredfold (0.5 s -> 5 ms ... 8 s -> 80 ms) so retry tests take milliseconds, not
    seconds; the delays keep their shape (doubling, capped, jittered), which the tests compute budgets from."""
    from realtimekit_sessions import _transport as client

    values = {"INITIAL_RETRY_DELAY": 0.05, "MAX_RETRY_DELAY": 0.2, "MAX_RETRY_AFTER": 1.0}
    for name, value in values.items():
        monkeypatch.setattr(client, name, value)
    return values


@pytest.fixture
def start_server() -> Iterator[Callable[[Script], FaultServer]]:
    """`start_server(script)` starts a FaultServer; every one started is stopped when the test ends."""
    started: list[FaultServer] = []

    def start(script: Script) -> FaultServer:
        server = FaultServer(script)
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    tried = suite_support.BODIES_TRIED
    if tried:
        terminalreporter.section(
            f"bodies tried per operation (hypothesis profile {suite_support.profile_name()})"
        )
        kinds = sorted({kind for _, kind in tried})
        width = max(len(op) for op, _ in tried)
        terminalreporter.write_line(f"{'operation':<{width}}  " + "  ".join(kinds) + "  total")
        for operation_id in sorted({op for op, _ in tried}):
            counts = [tried[(operation_id, kind)] for kind in kinds]
            cells = "  ".join(f"{n:>{len(kind)}}" for n, kind in zip(counts, kinds, strict=True))
            terminalreporter.write_line(f"{operation_id:<{width}}  {cells}  {sum(counts):>5}")
        terminalreporter.write_line(f"{'all':<{width}}  total {sum(tried.values())}")
    for section, lines in suite_support.FIGURES.items():
        terminalreporter.section(section)
        for line in lines:
            terminalreporter.write_line(line)
