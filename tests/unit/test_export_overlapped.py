"""The export's overlapped fetches (realtimekit_sessions_cli.export.aoverlapped, on an event loop): order kept, at
most `concurrency` in flight and held, bodies read as they fit in the gate's room (BodyGate), a failure raised in
its turn after the items before it are written, nothing left running; and the allocator setting the export makes
for itself on glibc."""

from __future__ import annotations

import asyncio
import contextlib
import os
import subprocess
import sys
from typing import Any

import httpx
import pytest
from realtimekit_sessions_cli import export
from realtimekit_sessions_cli.export import aoverlapped


class Recorder:
    def __init__(self, fail_at: int | None = None) -> None:
        self.fail_at = fail_at
        self.running = 0
        self.most_running = 0
        self.taken = 0
        self.written: list[int] = []
        self.cancelled: list[int] = []

    async def aitems(self, count: int):  # type: ignore[no-untyped-def]
        for item in range(count):
            self.taken += 1
            # Items are taken from the page walk only as room opens: never more than written + in flight.
            assert self.taken - len(self.written) <= 4
            yield item

    def write(self, item: int, result: str) -> None:
        assert result == f"result {item}"
        self.written.append(item)

    async def afetch(self, item: int) -> str:
        self.running += 1
        self.most_running = max(self.most_running, self.running)
        try:
            await asyncio.sleep(0.001 * (item % 3))  # finishing out of order
            if item == self.fail_at:
                # Late enough that the fetches after it have started on a busy machine too: a task cancelled
                # before its first step never enters this try, and would not be counted as cancelled.
                await asyncio.sleep(0.05)
                raise ValueError(f"item {item} failed")
            if self.fail_at is not None and item > self.fail_at:
                await asyncio.sleep(10)  # still in flight when the failure comes: must be cancelled
        except asyncio.CancelledError:
            self.cancelled.append(item)
            raise
        finally:
            self.running -= 1
        return f"result {item}"


async def test_every_item_is_written_in_order_with_bounded_overlap() -> None:
    recorder = Recorder()
    await aoverlapped(recorder.aitems(12), recorder.afetch, recorder.write, concurrency=4)
    assert recorder.written == list(range(12))
    assert recorder.most_running == 4  # the whole window from the start: no round trip spent learning sizes


def answer(size: int | None, **headers: str) -> httpx.Response:
    """An answer's head as the gate sees it: a 200 with `size` as its Content-Length (None: none said)."""
    if size is not None:
        headers["content-length"] = str(size)
    return httpx.Response(200, headers=headers)


class GatedFetches:
    """Fetches that each get one answer of `sizes[item]` bytes through the gate, as the export's calls do (the
    gate is the client's response hook), and record the bytes read and not yet written at every moment."""

    def __init__(self, gate: export.BodyGate, sizes: list[int]) -> None:
        self.gate, self.sizes = gate, sizes
        self.reading: dict[int, int] = {}  # bytes read for items not yet written
        self.most_read = 0
        self.most_in_flight = 0
        self.in_flight = 0
        self.written: list[int] = []

    async def fetch(self, item: int) -> int:
        self.in_flight += 1
        self.most_in_flight = max(self.most_in_flight, self.in_flight)
        await asyncio.sleep(0.001 * (item % 3))  # answers come out of order
        await self.gate.admit(answer(self.sizes[item]))
        self.in_flight -= 1
        self.reading[item] = self.sizes[item]
        self.most_read = max(self.most_read, sum(self.reading.values()))
        await asyncio.sleep(0.001)  # read and parsed
        return item

    def write(self, item: int, result: int) -> None:
        assert result == item
        del self.reading[item]
        self.written.append(item)


async def items(count: int):  # type: ignore[no-untyped-def]
    for item in range(count):
        yield item


async def test_the_gate_bounds_the_bodies_read_by_bytes_whatever_came_before() -> None:
    """Twenty small sessions, then large ones (3 MB each, more than the room of 4 MB alone): a window sized by the
    sizes seen so far had all 16 of the large ones in flight and read at once. Through the gate, the requests of
    the whole window still go out at once, but no more bodies are read than fit in the room, besides the oldest
    session's, which is always let through (it is what the export writes next)."""
    room, large = 4 * 1024 * 1024, 3 * 1024 * 1024
    sizes = [10_000] * 20 + [large] * 16
    gate = export.BodyGate(room=room)
    fetches = GatedFetches(gate, sizes)
    await aoverlapped(items(len(sizes)), fetches.fetch, fetches.write, concurrency=16, gate=gate)
    assert fetches.written == list(range(len(sizes)))
    assert fetches.most_in_flight == 16
    assert fetches.most_read <= room + large  # without the gate: 16 x 3 MB
    assert gate.held == {} and gate.total == 0  # every session let go of once written


async def test_the_oldest_session_is_let_through_whatever_its_size_and_the_others_wait_for_room() -> None:
    gate = export.BodyGate(room=1000)
    oldest, second, third = gate.open(), gate.open(), gate.open()

    async def admit(session: int, size: int | None, **headers: str) -> None:
        token = export._SESSION.set(session)
        try:
            await gate.admit(answer(size, **headers))
        finally:
            export._SESSION.reset(token)

    await admit(oldest, 50_000)  # the oldest: let through over the room
    await asyncio.wait_for(admit(second, 300), 1)  # the room is besides the oldest's bytes
    waiting = asyncio.ensure_future(admit(third, 900))  # 300 + 900 do not fit
    await asyncio.sleep(0.01)
    assert not waiting.done() and gate.total == 50_300
    gate.close(oldest)  # written: the second is the oldest now, and its 300 bytes no longer count against the room
    await asyncio.wait_for(waiting, 1)
    assert gate.held == {second: 300, third: 900} and gate.total == 1200

    # A size the head does not give before the body is read (none said, or compressed) counts as what the gate
    # passes for it (a page of participants: UNKNOWN_BODY_BYTES), or a compressed body's length if larger.
    assert export.body_size(answer(None), 1000) == 1000
    assert export.body_size(answer(10, **{"content-encoding": "gzip"}), 1000) == 1000
    assert export.body_size(answer(5000, **{"content-encoding": "gzip"}), 1000) == 5000
    assert export.body_size(answer(10, **{"content-encoding": "identity"}), 1000) == 10
    # Answers that are not a session's (the pages' walk: no session set) and error answers are not held back.
    await asyncio.wait_for(gate.admit(answer(10**9)), 1)
    token = export._SESSION.set(third)
    try:
        await asyncio.wait_for(gate.admit(httpx.Response(500, headers={"content-length": str(10**9)})), 1)
    finally:
        export._SESSION.reset(token)
    assert gate.total == 1200


async def test_an_answer_waits_for_room_no_longer_than_the_gates_patience() -> None:
    """An answer kept waiting would time out and be sent again (the wait is inside the call's own time budget):
    past the gate's patience it is read over the room instead."""
    gate = export.BodyGate(room=1000, patience=0.05)
    _oldest, second, other = gate.open(), gate.open(), gate.open()
    gate.held[second], gate.total = 900, 900  # a session after the oldest, read and not written yet
    token = export._SESSION.set(other)
    try:
        started = asyncio.get_running_loop().time()
        await asyncio.wait_for(gate.admit(answer(500)), 2)
        waited = asyncio.get_running_loop().time() - started
    finally:
        export._SESSION.reset(token)
    assert waited >= 0.05 and gate.total == 1400


def test_the_exports_pool_has_a_connection_for_every_answer_the_gate_may_keep_waiting() -> None:
    gate = export.BodyGate()
    assert export.gated_httpx_args(gate, 32) == {"event_hooks": {"response": [gate.admit]}}  # httpx's 100 do
    limits = export.gated_httpx_args(gate, 150)["limits"]
    assert limits.max_connections == 152  # the sessions in flight, the pages' walk and the progress bar's total


async def test_a_failure_is_raised_in_its_turn_and_nothing_is_left_running() -> None:
    recorder = Recorder(fail_at=5)
    with pytest.raises(ValueError, match="item 5 failed"):
        await aoverlapped(recorder.aitems(40), recorder.afetch, recorder.write, concurrency=4)
    assert recorder.written == list(range(5))
    # The fetches after it that were in flight were cancelled and waited for, not abandoned.
    assert recorder.cancelled and all(item > 5 for item in recorder.cancelled)
    assert recorder.running == 0


async def test_a_failed_walk_is_raised_after_the_items_it_gave_are_written() -> None:
    recorder = Recorder()

    async def walk_failing_after_seven():  # type: ignore[no-untyped-def]
        async for item in recorder.aitems(7):
            yield item
        raise ConnectionError("page 2: connection reset")

    with pytest.raises(ConnectionError, match="page 2"):
        await aoverlapped(walk_failing_after_seven(), recorder.afetch, recorder.write, concurrency=4)
    assert recorder.written == list(range(7)) and recorder.running == 0


async def test_cancelled_from_outside_cancels_every_fetch() -> None:
    recorder = Recorder(fail_at=-1)  # every item after -1 sleeps: nothing finishes
    export = asyncio.ensure_future(aoverlapped(recorder.aitems(40), recorder.afetch, recorder.write, concurrency=4))
    while recorder.running < 2:
        await asyncio.sleep(0)
    export.cancel()  # what asyncio.run does on Ctrl-C
    with pytest.raises(asyncio.CancelledError):
        await export
    assert recorder.written == [] and recorder.running == 0 and len(recorder.cancelled) >= 2


@pytest.mark.parametrize("ahead", [0, 10])
async def test_read_ahead_walks_the_next_page_while_the_one_before_is_fetched_for(ahead: int) -> None:
    """With `ahead`, a page walk asks for its next page before the window has taken the items of the one before:
    pages of 10 items, each a call of its own; without it, a page is asked for only once every item before it has
    been taken (its fetch started)."""
    recorder = Recorder()
    started: list[int] = []
    asked: list[int] = []  # fetches started when each page was asked for

    def fetch(item: int) -> Any:
        started.append(item)
        return recorder.afetch(item)

    async def pages():  # type: ignore[no-untyped-def]
        for page in range(3):
            asked.append(len(started))
            await asyncio.sleep(0.005)  # the page's call
            for item in range(page * 10, page * 10 + 10):
                yield item

    await aoverlapped(pages(), fetch, recorder.write, concurrency=4, ahead=ahead)
    assert recorder.written == list(range(30)) and recorder.running == 0
    if ahead:
        assert asked[1] < 10 and asked[2] < 20  # each next page asked for before the items of the last were needed
    else:
        assert asked == [0, 10, 20]


async def test_read_ahead_keeps_errors_in_their_turn_and_leaves_nothing_running() -> None:
    recorder = Recorder()

    async def walk_failing_after_seven():  # type: ignore[no-untyped-def]
        for item in range(7):
            yield item
        raise ConnectionError("page 2: connection reset")

    with pytest.raises(ConnectionError, match="page 2"):
        await aoverlapped(walk_failing_after_seven(), recorder.afetch, recorder.write, concurrency=4, ahead=100)
    assert recorder.written == list(range(7)) and recorder.running == 0

    failing = Recorder(fail_at=5)
    walked: list[int] = []

    async def endless():  # type: ignore[no-untyped-def]
        item = 0
        while True:
            walked.append(item)
            yield item
            item += 1

    tasks_before = len(asyncio.all_tasks())
    with pytest.raises(ValueError, match="item 5 failed"):
        await aoverlapped(endless(), failing.afetch, failing.write, concurrency=4, ahead=10)
    assert failing.written == list(range(5)) and failing.running == 0
    assert len(walked) <= 5 + 4 + 10 + 2  # written, in flight, queued ahead (and the one waiting to be queued)
    assert len(asyncio.all_tasks()) == tasks_before  # the walk ahead was cancelled and waited for too

    cancelled = Recorder(fail_at=-1)
    export = asyncio.ensure_future(aoverlapped(endless(), cancelled.afetch, cancelled.write, concurrency=4, ahead=3))
    while cancelled.running < 2:
        await asyncio.sleep(0)
    export.cancel()
    with pytest.raises(asyncio.CancelledError):
        await export
    assert cancelled.written == [] and cancelled.running == 0
    assert len(asyncio.all_tasks()) == tasks_before


def test_the_fast_path_is_aiohttp_when_the_extra_is_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util

    from realtimekit_sessions_cli.export import fast_path

    assert fast_path() == "aiohttp"  # the dev environment has the [aiohttp] extra
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "aiohttp" else real(name, *a))
    assert fast_path() == "httpx"


def test_one_sigint_handler_for_the_export_holds_ctrl_c_only_while_writing(monkeypatch: pytest.MonkeyPatch) -> None:
    """The export installs its Ctrl-C handler once (sigint_guard), not around every session written: in a write a
    Ctrl-C is held back and raised as KeyboardInterrupt when the write ends; outside one the previous handler gets
    it; on exit the previous handler is back, the very same object."""
    import io
    import json
    import signal

    from realtimekit_sessions_cli import export as exporting

    seen: list[int] = []

    def previous(signum: int, frame: object) -> None:
        seen.append(signum)

    original = signal.signal(signal.SIGINT, previous)
    try:
        installs: list[object] = []
        real_signal = signal.signal

        def counting(signum: int, handler: object) -> object:
            installs.append(handler)
            return real_signal(signum, handler)  # type: ignore[arg-type]

        handle = io.StringIO()
        writer = exporting.NdjsonWriter(handle, with_participants=False)

        class Interrupting(io.StringIO):
            def write(self, text: str) -> int:
                signal.raise_signal(signal.SIGINT)
                assert seen == [signal.SIGINT]  # held back: the previous handler has not seen this one
                return handle.write(text)

        with exporting.sigint_guard():
            monkeypatch.setattr(signal, "signal", counting)
            signal.raise_signal(signal.SIGINT)  # outside a write: the previous handler's
            assert seen == [signal.SIGINT]
            writer.write({"id": "s1"}, [])
            writer.write({"id": "s2"}, [])
            writer.handle = Interrupting()
            with pytest.raises(KeyboardInterrupt):
                writer.write({"id": "s3"}, [])
            monkeypatch.setattr(signal, "signal", real_signal)
        assert installs == []  # no handler installed per session
        assert signal.getsignal(signal.SIGINT) is previous
        assert [json.loads(line)["id"] for line in handle.getvalue().splitlines()] == ["s1", "s2", "s3"]
        assert writer.sessions == 3 and seen == [signal.SIGINT]
    finally:
        signal.signal(signal.SIGINT, original)


def test_a_second_ctrl_c_under_asyncio_run_leaves_python_s_handler_behind() -> None:
    """A second Ctrl-C ends asyncio.run from its own handler, outside the export's task, while the guard is still
    installed: asyncio.run puts Python's handler back only if it finds its own, so the guard must have put that
    back by then, not on its own exit later (which left a dead runner's handler installed, and the next
    asyncio.run in the process, finding no default handler, installed none of its own)."""
    import signal

    from realtimekit_sessions_cli import export as exporting

    async def export() -> None:
        with exporting.sigint_guard():
            loop = asyncio.get_running_loop()
            # Both Ctrl-C arrive while the loop runs its callbacks, as a real one does while it waits on sockets.
            loop.call_soon(signal.raise_signal, signal.SIGINT)  # the first: asyncio cancels the export
            loop.call_soon(signal.raise_signal, signal.SIGINT)  # the second: asyncio raises KeyboardInterrupt
            await asyncio.sleep(10)

    original = signal.signal(signal.SIGINT, signal.default_int_handler)  # as in a program run from a shell
    try:
        with pytest.raises(KeyboardInterrupt):
            asyncio.run(export())
        assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
        assert exporting._guard is None
    finally:
        signal.signal(signal.SIGINT, original)


def test_ctrl_c_ignored_stays_ignored_while_writing() -> None:
    """A background job of a script (`export ... &` in sh) runs with SIGINT ignored; the Ctrl-C meant for the
    script must not stop the export because it came during a write."""
    import io
    import signal

    from realtimekit_sessions_cli import export as exporting

    handle = io.StringIO()

    class Interrupting(io.StringIO):
        def write(self, text: str) -> int:
            signal.raise_signal(signal.SIGINT)
            return handle.write(text)

    original = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        for guarded in (False, True):
            writer = exporting.NdjsonWriter(Interrupting(), with_participants=False)
            with exporting.sigint_guard() if guarded else contextlib.nullcontext():
                try:
                    writer.write({"id": "s1"}, [])
                except KeyboardInterrupt:  # caught here: escaping, it would stop the test run
                    pytest.fail(f"an ignored Ctrl-C stopped a write ({guarded=})")
            assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
    finally:
        signal.signal(signal.SIGINT, original)


# A session's worth of the large allocations an export makes (a body, the chunks it was read in, its encoded JSON),
# freed before the next: the minor page faults per session, after a warm-up. (Not its models' small objects:
# Python takes their memory from the kernel itself, in arenas glibc's settings do not reach.)
SESSIONS = """
import resource, sys
from realtimekit_sessions_cli.export import keep_freed_memory
pad = [str(index) * 3 for index in range(int(sys.argv[2]))]  # small objects alive beforehand: must not matter
applied = keep_freed_memory() if sys.argv[1] == "kept" else None

def session(number):
    body = bytes(1_100_000 + number)
    joined = b"".join([bytes(200_000) for _ in range(6)])
    encoded = bytes(1_100_000 + 2 * number)
    return len(body) + len(joined) + len(encoded)

for number in range(5):
    session(number)
before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
for number in range(20):
    session(number)
print(applied, (resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before) / 20)
"""


@pytest.mark.skipif(not export.on_glibc(), reason="the setting is glibc's (mallopt)")
@pytest.mark.parametrize("small_objects", [0, 12_000])
def test_on_glibc_the_memory_a_session_frees_is_reused_by_the_next_not_faulted_in_again(
    small_objects: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in export._ALLOCATOR_SETTINGS:
        monkeypatch.delenv(name, raising=False)
    faults = {}
    for mode in ("default", "kept"):
        command = [sys.executable, "-c", SESSIONS, mode, str(small_objects)]
        applied, per_session = subprocess.run(command, capture_output=True, text=True, check=True).stdout.split()
        faults[mode] = (applied, float(per_session))
    assert faults["kept"][0] == "True"  # glibc took both values (mallopt answers 0 for one out of its range)
    assert faults["default"][1] > 100  # with glibc's defaults these sessions do fault their memory in afresh
    assert faults["kept"][1] < faults["default"][1] / 10


@pytest.mark.parametrize("name", ["MALLOC_MMAP_THRESHOLD_", "MALLOC_TRIM_THRESHOLD_", "GLIBC_TUNABLES"])
def test_a_users_own_allocator_settings_are_left_in_charge(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(export, "on_glibc", lambda: True)
    monkeypatch.setenv(name, "glibc.malloc.trim_threshold=0" if name == "GLIBC_TUNABLES" else "0")
    assert export.keep_freed_memory() is False


def test_without_ctypes_the_allocator_is_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(export, "on_glibc", lambda: True)
    for name in export._ALLOCATOR_SETTINGS:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setitem(sys.modules, "ctypes", None)  # as on a Python built without libffi: import fails
    assert export.keep_freed_memory() is False


def test_elsewhere_than_glibc_the_allocator_is_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    def musl(name: str) -> str:
        raise ValueError("unrecognized configuration name")

    monkeypatch.setattr(os, "confstr", musl)
    assert export.on_glibc() is False
    assert export.keep_freed_memory() is False
