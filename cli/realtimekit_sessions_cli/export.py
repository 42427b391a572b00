"""`export`: every session with its participants, streamed to NDJSON or CSV as the pages arrive.

The output is opened before the first request (a bad path fails at once). The pages are walked and the
participants of up to `--concurrency` sessions fetched at once, on one event loop (`aoverlapped`), through
aiohttp when the [aiohttp] extra is installed, else httpx's own async pool (`fast_path`); sessions are written
in the API's order, each, and flushed, as soon as it and those before it are in: nothing is held beyond the
sessions in flight, and their bodies are read only while they fit in WINDOW_BYTES (`BodyGate`), so memory stays
flat however many sessions there are and however large. `--concurrency 1` makes one call at a time, without an
event loop. Records are encoded by msgspec (the same JSON as json.dumps, compact, several times faster). A
session's line (NDJSON) or rows (CSV) are written with Ctrl-C held back, so an interrupted export leaves a valid
file of the sessions written so far.
"""

from __future__ import annotations

import collections
import contextlib
import contextvars
import csv
import signal
import threading
from collections.abc import AsyncIterable, AsyncIterator, Awaitable, Callable, Iterator, Mapping
from types import FrameType
from typing import IO, TYPE_CHECKING, Any, TypeVar

import msgspec

if TYPE_CHECKING:
    import asyncio

    import httpx

T = TypeVar("T")
R = TypeVar("R")

# Values to_dict() gives are JSON already; str() is json.dumps(default=str)'s answer for anything else.
_encode = msgspec.json.Encoder(enc_hook=str).encode


# Bytes of participants' bodies the export reads and holds at once, besides the oldest session in flight's: with
# 1 MB sessions this keeps 3 or 4 read at a time (the export then stays under 100 MB; such sessions are CPU-bound,
# and more read at once would only hold more at once), while small sessions are read as soon as they come.
WINDOW_BYTES = 4 * 1024 * 1024
# How long an answer waits for room before it is read anyway. The wait is inside the call's own time budget (the
# client's timeout, 60 s by default): an answer kept waiting past that would be retried, and a retried one waits
# again, so past this much patience a body is read over the room rather than have the export fail on a timeout.
PATIENCE = 15.0
# What a participants body whose head does not say its size (sent chunked, or compressed: the API compresses what
# the client asks it to, and the client asks) counts for: a page of participants, about 170 KB once read, with room
# to spare. Counted as the whole room, such bodies were read one session at a time, and a session's later pages
# were asked for only once it was the oldest (an export 3-4 times as long as with the sizes said).
UNKNOWN_BODY_BYTES = 256 * 1024

# The session (its place in the window) that the calls of the task running now are for; None outside the export's
# fetches (the pages of sessions, the progress bar's total), whose bodies the gate lets through.
_SESSION: contextvars.ContextVar[int | None] = contextvars.ContextVar("realtimekit_export_session", default=None)


class BodyGate:
    """Which answers' bodies may be read now, by their size (Content-Length), in the window's order.

    `admit` is an httpx response hook: httpx calls it when an answer's head is in and before its body is read.
    The oldest session in the window (the one written next) is always let through, whatever its size, so the
    export always moves on; any other waits while the bodies already read for the other sessions not yet written,
    and its own, would come to more than `room` (the oldest's are not counted against it: a session larger than
    the room does not stop the others reading while it is read). A session's bytes count until it is written
    (`close`): its participants are held, encoded, until then. A body whose size is not known before it is read
    (no Content-Length, or compressed: the length is the compressed one) counts as a page of participants
    (UNKNOWN_BODY_BYTES, or its compressed length if larger; no more than the room).

    A body waiting stays in the socket, where TCP holds it back, not in the export's memory; but on the aiohttp
    transport a body of at most EAGER_BODY_BYTES (1 MiB) is read whole before its head is handed on, and of a
    larger one about 220 KB is read ahead (READ_BUFFER_BYTES). What waits is then at most about `--concurrency`
    MiB, whatever the sessions' size.

    So the requests of `--concurrency` sessions can all be in flight from the start (the window no longer needs
    to learn the sessions' size from the first ones, a round trip, before it widens), and a run of large sessions
    after small ones is read a few at a time rather than all the window's at once.
    """

    def __init__(self, room: int | None = None, patience: float = PATIENCE) -> None:
        self.room = WINDOW_BYTES if room is None else room
        self.patience = patience
        self.held: dict[int, int] = {}  # bytes let through for each session in the window, oldest first
        self.total = 0
        self.opened = 0
        self._waiting: list[asyncio.Future[None]] = []  # the answers waiting, woken at each change

    def open(self) -> int:
        """A place for the next session in the window: its calls are to run with `_SESSION` set to it."""
        session = self.opened
        self.opened += 1
        self.held[session] = 0
        return session

    def close(self, session: int) -> None:
        """The session is written (or given up): its bytes no longer count, and the next session is the oldest."""
        self.total -= self.held.pop(session, 0)
        waiting, self._waiting = self._waiting, []
        for future in waiting:
            if not future.done():
                future.set_result(None)

    def admissible(self, session: int, size: int) -> bool:
        oldest = next(iter(self.held))
        return session == oldest or self.total - self.held[oldest] + size <= self.room

    async def admit(self, response: httpx.Response) -> None:
        """Return once the body of `response` may be read (see the class)."""
        import asyncio

        session = _SESSION.get()
        if session is None or not response.is_success:
            return
        size = body_size(response, min(self.room, UNKNOWN_BODY_BYTES))
        if not self.admissible(session, size):
            loop = asyncio.get_running_loop()
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(self.patience):
                    while not self.admissible(session, size):
                        future = loop.create_future()
                        self._waiting.append(future)
                        await future
        self.held[session] += size
        self.total += size


def body_size(response: httpx.Response, unknown: int) -> int:
    """The bytes `response`'s body will take once read: its Content-Length, or `unknown` when that does not say
    (absent or invalid), or the larger of `unknown` and the length of a compressed body (it takes more read)."""
    encoding = response.headers.get("content-encoding", "identity").strip().lower()
    length = response.headers.get("content-length", "")
    if not length.isdigit():
        return unknown
    if encoding not in ("", "identity"):
        return max(unknown, int(length))
    return int(length)


# httpx's default pool: httpx.Limits(max_connections=100, max_keepalive_connections=20, keepalive_expiry=5.0).
DEFAULT_CONNECTIONS = 100


def gated_httpx_args(gate: BodyGate, concurrency: int) -> dict[str, Any]:
    """`httpx_args` for the export's client: the gate as its response hook, and a pool with a connection for each
    session in flight and for the pages' walk and the progress bar's total. An answer waiting at the gate keeps its
    connection; were they all taken, the oldest session's next page could not be asked for, and the export would
    wait on itself. httpx's default pool (100 connections) is kept while it is large enough."""
    import httpx

    args: dict[str, Any] = {"event_hooks": {"response": [gate.admit]}}
    needed = concurrency + 2
    if needed > DEFAULT_CONNECTIONS:
        args["limits"] = httpx.Limits(max_connections=needed, max_keepalive_connections=20, keepalive_expiry=5.0)
    return args


async def aoverlapped(
    items: AsyncIterable[T],
    fetch: Callable[[T], Awaitable[R]],
    write: Callable[[T, R], None],
    concurrency: int,
    ahead: int = 0,
    gate: BodyGate | None = None,
) -> None:
    """`write(item, await fetch(item))` for every item, in order, with up to `concurrency` fetches in flight as
    tasks on this event loop (the export's default; `--concurrency 1` makes one call at a time, without a loop).

    Fetches start only as room opens in the window, so at most `concurrency` results are held; each is written as
    soon as it and those before it are in. With a `gate`, each fetch runs as a session of its own there (its
    answers' bodies are read as the gate lets them), and is closed there once written. With `ahead`, a task of its
    own takes up to that many items from `items` before they are needed (a page walk's next page is then asked for
    while the page before it is still being fetched for, instead of the window running dry at every page);
    without, items are taken only as room opens. A failed fetch is raised in its turn, after the items before it
    are written; so is a failed walk, after every item it gave. Whatever ends the walk otherwise (a fetch's error,
    cancellation by Ctrl-C) cancels the fetches still in flight (and the walk ahead), and they are waited for: none
    outlives the call.
    """
    import asyncio

    window: collections.deque[tuple[T, asyncio.Future[R], int | None]] = collections.deque()
    walker: asyncio.Future[None] | None = None
    if ahead > 0:
        items, walker = _read_ahead(items, ahead)

    def start(item: T) -> None:
        session = gate.open() if gate is not None else None
        token = _SESSION.set(session)  # the task takes a copy of this context: its calls are the session's
        try:
            window.append((item, asyncio.ensure_future(fetch(item)), session))
        finally:
            _SESSION.reset(token)

    async def write_head() -> None:
        head, task, session = window[0]
        result = await task
        window.popleft()
        try:
            write(head, result)
        finally:
            if gate is not None and session is not None:
                gate.close(session)

    try:
        try:
            async for item in items:
                start(item)
                while window and (len(window) >= concurrency or window[0][1].done()):
                    await write_head()
        except Exception:
            # The walk itself failed (a page): the items taken before it come first, so they are written (or
            # their own failure raised, in its turn) before the walk's error.
            while window:
                await write_head()
            raise
        while window:
            await write_head()
    finally:
        pending = [task for _, task, _ in window] + ([walker] if walker is not None else [])
        for task in pending:
            task.cancel()
        if pending:
            await asyncio.gather(*pending, return_exceptions=True)


def _read_ahead(items: AsyncIterable[T], ahead: int) -> tuple[AsyncIterator[T], Any]:
    """`items` taken by a task of their own, up to `ahead` before they are needed: the items in order, then the
    walk's error if it failed (after every item it gave); and the task, for the caller to cancel.

    The task stops once `ahead` items wait and goes on once half of them are taken: a wake-up every `ahead / 2`
    items rather than one per item (an asyncio.Queue's), so a page walk asks for its next page with half a page
    still to go.
    """
    import asyncio

    waiting: collections.deque[T] = collections.deque()
    ended: list[BaseException | None] = []  # the walk's error, or None, once it is over
    wanted, arrived = asyncio.Event(), asyncio.Event()

    async def walk() -> None:
        try:
            async for item in items:
                waiting.append(item)
                arrived.set()
                if len(waiting) >= ahead:
                    wanted.clear()
                    await wanted.wait()
        except Exception as error:  # noqa: BLE001 (handed on, in its turn, to the one reading the items)
            ended.append(error)
        else:
            ended.append(None)
        arrived.set()

    async def taken() -> AsyncIterator[T]:
        while True:
            if waiting:
                item = waiting.popleft()
                if len(waiting) <= ahead // 2:
                    wanted.set()
                yield item
            elif ended:
                if ended[0] is not None:
                    raise ended[0]
                return
            else:
                arrived.clear()
                wanted.set()
                await arrived.wait()

    return taken(), asyncio.ensure_future(walk())


# glibc's mallopt() parameters (malloc.h), and what the export sets them to (see keep_freed_memory).
M_TRIM_THRESHOLD, M_MMAP_THRESHOLD = -1, -3
KEEP_FREED_BYTES, MAP_BLOCKS_FROM_BYTES = 64 * 1024 * 1024, 32 * 1024 * 1024


def keep_freed_memory() -> bool:
    """Have glibc keep the memory an export frees for the sessions after it; True if both settings were taken.

    Each session allocates megabytes (a large one: its body and the chunks it came in, its encoded JSON) and frees
    them before the next session allocates as much again. By default glibc hands blocks of 128 KiB and more (the
    mmap threshold, raised only to the size of a block freed) and free memory above 128 KiB at the top of its
    heap (the trim threshold) back to the kernel, so every session's memory was faulted in afresh: 50,000-61,000
    page faults an export of 50 sessions of 1.1 MB, about a tenth of its CPU. Blocks are mapped only from 32 MiB
    (on 64-bit glibc the most it takes; a 32-bit one refuses it, and only the trim setting holds) and the heap
    trimmed only past 64 MiB free; the peak, what `--concurrency` and the window bound, is unchanged.

    The setting is the process's and stays for the rest of it (glibc has no way to read the old values back): the
    command makes it, as the program it is, not the library. A user's own MALLOC_MMAP_THRESHOLD_,
    MALLOC_TRIM_THRESHOLD_ or GLIBC_TUNABLES is left in charge; elsewhere than glibc (macOS, musl, Windows), or
    on a Python without ctypes, nothing is changed.
    """
    import os

    if not on_glibc() or any(name in os.environ for name in _ALLOCATOR_SETTINGS):
        return False
    try:
        import ctypes

        mallopt = ctypes.CDLL(None).mallopt
    except (ImportError, OSError, AttributeError):
        return False
    mallopt.argtypes, mallopt.restype = [ctypes.c_int, ctypes.c_int], ctypes.c_int
    # mallopt() answers 1 for a value it took, 0 for one it refused; both calls are made either way.
    return bool(mallopt(M_MMAP_THRESHOLD, MAP_BLOCKS_FROM_BYTES)) & bool(mallopt(M_TRIM_THRESHOLD, KEEP_FREED_BYTES))


# Environment variables by which a user sets glibc's thresholds themselves.
_ALLOCATOR_SETTINGS = ("MALLOC_MMAP_THRESHOLD_", "MALLOC_TRIM_THRESHOLD_", "GLIBC_TUNABLES")


def on_glibc() -> bool:
    """Whether the C library this process runs on is glibc (as it says itself, not as the executable was linked)."""
    import os

    try:
        version = os.confstr("CS_GNU_LIBC_VERSION")
    except (AttributeError, ValueError, OSError):  # no confstr (Windows), or a libc without the name (musl)
        return False
    return version is not None and version.startswith("glibc")


def fast_path() -> str:
    """The async transport the export overlaps its calls on: "aiohttp" when the [aiohttp] extra is installed
    (several times the calls per second of httpx's pool), else "httpx" (httpx's own async pool)."""
    import importlib.util

    if importlib.util.find_spec("httpx_aiohttp") is not None and importlib.util.find_spec("aiohttp") is not None:
        return "aiohttp"
    return "httpx"


def _known_keys(model: Any) -> list[str]:
    """The JSON keys the spec gives a model, in the spec's order (from the model's msgspec shape)."""
    try:
        import msgspec

        return [field.encode_name for field in msgspec.structs.fields(model._Shape)]
    except (AttributeError, TypeError, ImportError):
        return []


def _csv_value(value: Any) -> Any:
    return _encode(value).decode() if isinstance(value, dict | list) else value


class Encoded:
    """A session's participants already encoded as a JSON array (NdjsonWriter.prepare): 1.1 MB of participants
    held as 1.1 MB of bytes, not as several MB of dicts, while sessions before it are still in flight."""

    __slots__ = ("count", "json")

    def __init__(self, participants: list[Any]) -> None:
        # Model by model: one participant's dict at a time, never the whole list of them. (Not the models
        # themselves: msgspec would write attrs classes by their Python attribute names.)
        self.json = b"[" + b",".join([_encode(participant.to_dict()) for participant in participants]) + b"]"
        self.count = len(participants)

    def __len__(self) -> int:
        return self.count


Participants = list[dict[str, Any]] | Encoded


class Writer:
    """Writes sessions as they come; `sessions` and `participants` count what is in the output."""

    def __init__(self, handle: IO[str], with_participants: bool) -> None:
        self.handle = handle
        self.with_participants = with_participants
        self.sessions = 0
        self.participants = 0

    def start(self) -> None:
        pass

    def prepare(self, participants: list[Any]) -> Participants:
        """What `write` needs of a session's participant models, made where they were fetched (an export
        thread): here their dicts."""
        return [participant.to_dict() for participant in participants]

    def write(self, session: Mapping[str, Any], participants: Participants) -> None:
        with _sigint_held():  # a Ctrl-C held back is raised as this ends: the session is written and counted
            self._write(session, participants)
            self.handle.flush()
            self.sessions += 1
            self.participants += len(participants)

    def _write(self, session: Mapping[str, Any], participants: Participants) -> None:
        raise NotImplementedError


class NdjsonWriter(Writer):
    """One session a line, with its `participants` list unless they were left out."""

    def prepare(self, participants: list[Any]) -> Participants:
        return Encoded(participants)

    def _write(self, session: Mapping[str, Any], participants: Participants) -> None:
        if not self.with_participants:
            line = _encode(session)
        elif isinstance(participants, Encoded) and session and "participants" not in session:
            # The session's object with the encoded array spliced in as its last key, as {**session, ...} gives.
            line = _encode(session)[:-1] + b',"participants":' + participants.json + b"}"
        else:
            listed = msgspec.json.decode(participants.json) if isinstance(participants, Encoded) else participants
            line = _encode({**session, "participants": listed})
        self.handle.write(line.decode() + "\n")


class CsvWriter(Writer):
    """One row per participant (a session without any gives one row), `session_*` and `participant_*` columns.

    The header is written first, from the fields the spec gives sessions and participants, so that rows can
    be written as they arrive. Fields the spec does not know are left out, with a note (NDJSON keeps them).
    """

    def __init__(self, handle: IO[str], with_participants: bool, warn: Any) -> None:
        super().__init__(handle, with_participants)
        from realtimekit_sessions.models import Participant, Session

        self.columns = [f"session_{key}" for key in _known_keys(Session)]
        if with_participants:
            self.columns += [f"participant_{key}" for key in _known_keys(Participant)]
        self.writer = csv.DictWriter(handle, fieldnames=self.columns, extrasaction="ignore", lineterminator="\n")
        self.warn = warn
        self.left_out: set[str] = set()

    def start(self) -> None:
        with _sigint_held():
            self.writer.writeheader()
            self.handle.flush()

    def _write(self, session: Mapping[str, Any], participants: Participants) -> None:
        listed: list[dict[str, Any]] = (
            msgspec.json.decode(participants.json) if isinstance(participants, Encoded) else participants
        )
        session_part = {f"session_{key}": _csv_value(value) for key, value in session.items()}
        for participant in (listed or [{}]) if self.with_participants else [{}]:
            row = {**session_part, **{f"participant_{key}": _csv_value(v) for key, v in participant.items()}}
            unknown = set(row) - set(self.columns) - self.left_out
            if unknown:
                self.left_out |= unknown
                self.warn(
                    f"CSV: left out fields the spec does not know: {', '.join(sorted(unknown))} (ndjson keeps them)"
                )
            self.writer.writerow(row)


class _SigintGuard:
    """The export's one SIGINT handler (`sigint_guard`): while a session is written (`writing`), Ctrl-C is held
    back (`caught`); otherwise it goes to the handler that was there before, as if that were still installed."""

    def __init__(self, previous: Callable[[int, FrameType | None], Any]) -> None:
        self.previous = previous
        self.writing = 0
        self.caught = False
        self.installed = True

    def __call__(self, signum: int, frame: FrameType | None) -> None:
        if self.writing:
            self.caught = True
            return
        try:
            self.previous(signum, frame)
        except BaseException:
            # The previous handler ends the run from here (Python's KeyboardInterrupt; asyncio.run's at a second
            # Ctrl-C, raised in its loop, outside the export's task): it is put back now, as asyncio.run puts
            # Python's handler back on its way out only if it finds its own there, before the guard's exit runs.
            signal.signal(signal.SIGINT, self.previous)
            self.installed = False
            raise


_guard: _SigintGuard | None = None


@contextlib.contextmanager
def sigint_guard() -> Iterator[None]:
    """One SIGINT handler for a whole export, installed on entry and the previous one put back on exit.

    While a session is written (`_sigint_held`) Ctrl-C is held back and raised as KeyboardInterrupt once it is;
    at any other time it goes to the previous handler: under asyncio.run (enter this inside the coroutine, after
    asyncio has installed its own) asyncio's, which cancels the main task; otherwise Python's KeyboardInterrupt.
    Installing a handler around each session instead cost about 60 µs a session under asyncio.run: signal.signal
    turns the handler it replaces into an enum if it can, and the failed lookup formats asyncio's handler, the
    main task's repr included. Where the previous handler is not a Python callable (SIG_IGN, SIG_DFL, one set
    outside Python), or off the main thread, nothing is installed and each write holds Ctrl-C back on its own
    (under SIG_IGN it stays ignored).
    """
    global _guard
    previous = signal.getsignal(signal.SIGINT)
    if (
        _guard is not None
        or not callable(previous)
        or threading.current_thread() is not threading.main_thread()
    ):
        yield
        return
    guard = _SigintGuard(previous)
    signal.signal(signal.SIGINT, guard)
    _guard = guard
    try:
        yield
    finally:
        _guard = None
        if signal.getsignal(signal.SIGINT) is guard:  # not if it stepped aside already (_SigintGuard.__call__)
            signal.signal(signal.SIGINT, previous)


class _Held:
    """`with _sigint_held():` under the export's guard: a flag for the handler, no handler installed."""

    __slots__ = ("guard",)

    def __init__(self, guard: _SigintGuard) -> None:
        self.guard = guard

    def __enter__(self) -> None:
        self.guard.writing += 1

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> None:
        guard = self.guard
        guard.writing -= 1
        if not guard.writing and guard.caught:
            guard.caught = False
            if kind is None:  # as before: an error raised by the write goes on, the Ctrl-C with it
                raise KeyboardInterrupt


def _sigint_held() -> contextlib.AbstractContextManager[None]:
    """Hold Ctrl-C back while a session is written, then deliver it: the file never ends mid-record."""
    guard = _guard
    if guard is not None and guard.installed and threading.current_thread() is threading.main_thread():
        return _Held(guard)
    return _sigint_held_alone()


@contextlib.contextmanager
def _sigint_held_alone() -> Iterator[None]:
    """`_sigint_held` without the export's guard: a handler of its own for the write."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    if signal.getsignal(signal.SIGINT) in (signal.SIG_IGN, None):
        # Ctrl-C ignored (a background job of a shell script is started so) is not turned into an interruption;
        # a handler set outside Python could not be put back.
        yield
        return
    caught: list[int] = []

    def hold(signum: int, frame: FrameType | None) -> None:
        caught.append(signum)

    previous = signal.signal(signal.SIGINT, hold)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if caught:
        raise KeyboardInterrupt
