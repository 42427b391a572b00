"""A newcomer's first hour with `realtimekit-sessions` (issue 12): tables that fit, times with a zone,
--version and -h, options that do not clash, an export that streams and survives Ctrl-C and 429s, charts
worth looking at, and one line instead of a traceback without the [cli] extra."""

from __future__ import annotations

import copy
import csv
import io
import json
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from http import HTTPStatus
from pathlib import Path
from typing import Any

import pytest
import typer
from cli_support import PEER_ID, ROOT, SESSION_ID, Api
from realtimekit_sessions_cli import peer_report
from realtimekit_sessions_cli.app import app
from realtimekit_tools import mock_server
from typer.testing import CliRunner

runner = CliRunner()
SESSION_IDS = ["5e3b5a0c-2a8f-4c38-8d0e-3f0d2b9c7a11", "b71e0d9a-6c4f-4e2b-9f31-0a5c8d7e6b22"]
LONG_REPORT = ROOT / "tests" / "recordings" / "get_participant_data_from_peer_id" / "long_report.json"


def invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(autouse=True)
def no_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COLUMNS", raising=False)


@pytest.fixture
def requests_seen(api: Api, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every request the mock API answers, as `METHOD path`."""
    seen: list[str] = []
    for method in ("do_GET", "do_POST"):
        original = getattr(mock_server._Handler, method)

        def counting(self: Any, original: Callable[[Any], None] = original) -> None:
            seen.append(f"{self.command} {self.path}")
            original(self)

        monkeypatch.setattr(mock_server._Handler, method, counting)
    return seen


# ---- tables -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("columns", [60, 80, 100, 160])
def test_tables_fit_columns_and_never_wrap_an_id(api: Api, monkeypatch: pytest.MonkeyPatch, columns: int) -> None:
    monkeypatch.setenv("COLUMNS", str(columns))
    for command in (["sessions", "list"], ["participants", "list", SESSION_ID], ["sessions", "show", SESSION_ID]):
        code, out, err = invoke(*command)
        assert code == 0, err
        lines = out.splitlines()
        assert lines and max(len(line) for line in lines) <= columns, (command, columns, out)
        ids = SESSION_IDS if command[1] == "list" and command[0] == "sessions" else [SESSION_ID]
        for session_id in ids:
            # Whole, on one line: can be copied into the next command.
            assert any(session_id in line for line in lines), (session_id, out)


def test_without_columns_a_pipe_gets_80(api: Api) -> None:
    code, out, _ = invoke("sessions", "list")
    assert code == 0
    assert max(len(line) for line in out.splitlines()) <= 80
    assert all(any(session_id in line for line in out.splitlines()) for session_id in SESSION_IDS)


def test_narrow_tables_name_what_they_left_out_and_wide_shows_it(api: Api, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    code, out, _ = invoke("sessions", "list")
    assert code == 0 and "leave out" in out and "--wide" in out and "meeting_id" in out
    code, out, _ = invoke("sessions", "list", "--wide")
    assert code == 0 and "leave out" not in out
    assert "9d4c2f3e-1b7a-4c6e-9a51-6e0f8b2d4c77" in out  # the associated (meeting) id, whole


def test_times_carry_their_zone(api: Api, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    code, out, _ = invoke("sessions", "list")
    assert code == 0 and "2025-03-14 09:00:02 UTC" in out
    code, out, _ = invoke("participants", "show", SESSION_ID, PEER_ID)
    assert code == 0 and "2025-03-14 09:00:06 UTC" in out


def test_peer_report_names_the_connection_and_the_speed_class(api: Api) -> None:
    code, out, _ = invoke("peer-report", PEER_ID, "--json")
    network = json.loads(out)["network"]
    assert code == 0
    # The ICE candidate went out on wifi; "4g" is the browser's effective-type speed class, not the link.
    assert network["connection"] == "wifi" and network["effective_type"] == "4g"
    assert "type" not in network


# ---- --version, -h, option names -----------------------------------------------------------------------------


def test_version_and_short_help() -> None:
    code, out, _ = invoke("--version")
    assert code == 0 and out.startswith("realtimekit-sessions 0.") and "Python" in out
    for command in ([], ["sessions"], ["sessions", "list"], ["export"], ["peer-report"]):
        code, out, err = invoke(*command, "-h")
        assert code == 0, (command, err)
        assert "Usage:" in out and "--help" in out and "-h" in out


def _commands(command: Any, path: str = "realtimekit-sessions") -> Iterator[tuple[str, Any]]:
    """Every command under the root (typer vendors click, so groups are told by their `commands`)."""
    yield path, command
    if hasattr(command, "commands"):
        for name, sub in command.commands.items():
            yield from _commands(sub, f"{path} {name}")


def test_no_command_has_two_options_of_one_name() -> None:
    root = typer.main.get_command(app)
    checked = 0
    for path, command in _commands(root):
        names = [name for param in command.params for name in (*param.opts, *param.secondary_opts)]
        duplicates = sorted({name for name in names if names.count(name) > 1})
        assert not duplicates, f"{path}: {duplicates}"
        checked += 1
    assert checked >= 10


# ---- export ---------------------------------------------------------------------------------------------------


def test_export_fails_on_a_bad_path_before_any_request(requests_seen: list[str], tmp_path: Path) -> None:
    target = tmp_path / "no-such-folder" / "sessions.ndjson"
    code, out, err = invoke("export", "-o", str(target))
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and str(target) in err and "No such file or directory" in err
    assert requests_seen == []
    assert not target.parent.exists()


def test_export_writes_each_session_as_it_arrives(api: Api, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from realtimekit_sessions.api.sessions import get_session_participants

    target = tmp_path / "sessions.ndjson"
    original = get_session_participants.sync
    lines_seen: list[int] = []

    def spying(*args: Any, **kwargs: Any) -> Any:
        lines_seen.append(len(target.read_text(encoding="utf-8").splitlines()))
        return original(*args, **kwargs)

    monkeypatch.setattr(get_session_participants, "sync", spying)
    # One call at a time: fetching the second session's participants, the first session is already in the file.
    # (Overlapped, the default, several are fetched before the first is written: tests/unit/test_export_overlapped.)
    code, _, err = invoke("export", "--concurrency", "1", "-o", str(target))
    assert code == 0, err
    assert lines_seen == [0, 1]


@pytest.mark.parametrize("on_terminal", [False, True], ids=["piped", "terminal"])
@pytest.mark.parametrize("concurrency", ["1", "16"], ids=["one-at-a-time", "overlapped"])
def test_export_keeps_to_the_budget_and_counts_every_request(
    requests_seen: list[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path, concurrency: str, on_terminal: bool
) -> None:
    # Both ways of exporting go through one budget (Cloudflare's 1,200 per 5 minutes unless --budget says):
    # every request it sent was counted, and none is left holding a place. The progress bar's total costs a
    # request of its own, made only when the bar is shown (rich takes TTY_COMPATIBLE=1 for a terminal).
    from realtimekit_sessions_cli import app as cli_app

    monkeypatch.setenv("TTY_COMPATIBLE", "1" if on_terminal else "0")

    clients: list[Any] = []
    original = cli_app._client

    def keeping(*args: Any, **settings: Any) -> Any:
        clients.append(original(*args, **settings))
        return clients[-1]

    monkeypatch.setattr(cli_app, "_client", keeping)
    code, _, err = invoke("export", "--concurrency", concurrency, "--budget", "700", "-o", str(tmp_path / "out"))
    assert code == 0, err
    (client,) = clients
    budget = client.rate_limit
    assert (budget.requests, budget.per_seconds) == (700, 300.0)
    # The sessions' page (one), each of the two sessions' participants and, for a bar on a terminal, its total.
    totals = [request for request in requests_seen if "per_page=1&" in request + "&"]
    assert len(totals) == on_terminal
    assert budget.sent == 3 + on_terminal == len(requests_seen) and budget.in_flight == 0


@pytest.mark.parametrize("concurrency", ["1", "16"], ids=["one-at-a-time", "overlapped"])
@pytest.mark.parametrize("format_", ["ndjson", "csv"])
def test_ctrl_c_leaves_a_valid_file_and_says_how_far_it_got(
    api: Api, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, format_: str, concurrency: str
) -> None:
    import asyncio

    from realtimekit_sessions.api.sessions import get_session_participants

    target = tmp_path / f"sessions.{format_}"
    original, original_async = get_session_participants.sync, get_session_participants.asyncio
    calls: list[str] = []

    def interrupted_on_the_second_session(*args: Any, **kwargs: Any) -> Any:
        calls.append("sync")
        if len(calls) == 2:
            raise KeyboardInterrupt
        return original(*args, **kwargs)

    async def ctrl_c_once_the_first_is_written(*args: Any, **kwargs: Any) -> Any:
        # Overlapped, both sessions are in flight at once: Ctrl-C comes (as a real SIGINT, which asyncio.run
        # turns into cancelling the export) while the second is fetched, once the first is in the file.
        calls.append("async")
        if len(calls) == 2:
            for _ in range(500):
                if target.exists() and target.read_text(encoding="utf-8").count("\n") >= 1 + (format_ == "csv"):
                    break
                await asyncio.sleep(0.01)
            signal.raise_signal(signal.SIGINT)
            await asyncio.sleep(5)  # cancelled long before
        return await original_async(*args, **kwargs)

    monkeypatch.setattr(get_session_participants, "sync", interrupted_on_the_second_session)
    monkeypatch.setattr(get_session_participants, "asyncio", ctrl_c_once_the_first_is_written)
    code, _, err = invoke("export", "--format", format_, "-o", str(target), "--concurrency", concurrency)
    # One at a time goes through the sync calls, overlapped through the async ones (on the event loop).
    assert calls == (["sync", "sync"] if concurrency == "1" else ["async", "async"])
    assert code == 130
    assert err.strip() == f"interrupted after 1 session to {target}"
    text = target.read_text(encoding="utf-8")
    if format_ == "ndjson":
        records = [json.loads(line) for line in text.splitlines()]
        assert [r["id"] for r in records] == [SESSION_IDS[0]] and len(records[0]["participants"]) == 2
    else:
        rows = list(csv.DictReader(io.StringIO(text)))
        assert {row["session_id"] for row in rows} == {SESSION_IDS[0]} and len(rows) == 2
        assert text.endswith("\n")


@pytest.mark.parametrize("format_", ["ndjson", "csv"])
def test_every_path_writes_the_same_file(
    api: Api, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, format_: str
) -> None:
    # One call at a time (sync), overlapped through aiohttp (the default with the [aiohttp] extra), and overlapped
    # through httpx's own async pool (the fallback without it): the same bytes.
    from realtimekit_sessions_cli import export as exporting

    transports: list[str] = []
    fast_path = exporting.fast_path

    def chosen(transport: str | None) -> Callable[[], str]:
        def pick() -> str:
            transports.append(transport or fast_path())
            return transports[-1]

        return pick

    outputs = {}
    for name, concurrency, transport in (("one", "1", None), ("aiohttp", "16", None), ("httpx", "16", "httpx")):
        monkeypatch.setattr(exporting, "fast_path", chosen(transport))
        target = tmp_path / f"{name}.{format_}"
        code, _, err = invoke("export", "--format", format_, "-o", str(target), "--concurrency", concurrency)
        assert code == 0, err
        outputs[name] = target.read_bytes()
    assert transports == ["aiohttp", "httpx"]
    assert outputs["one"] == outputs["aiohttp"] == outputs["httpx"]
    assert outputs["one"].count(b"\n") == (2 if format_ == "ndjson" else 5)


def test_waits_of_calls_in_flight_together_show_one_countdown(slept: list[float]) -> None:
    import asyncio

    from realtimekit_sessions import errors
    from realtimekit_sessions_cli import waiting

    stream = io.StringIO()
    wait = waiting.async_retry_sleep(waiting.Notice(stream))
    error = errors.RateLimitError.__new__(errors.RateLimitError)
    error.status_code = 429

    async def three_calls_refused_at_once() -> None:
        await asyncio.gather(wait(3, error), wait(3, error), wait(0.5, error))

    asyncio.run(three_calls_refused_at_once())
    lines = stream.getvalue().splitlines()
    assert lines == [f"rate limited (429): retrying in {n} s" for n in (3, 2, 1)]
    # Every call waited its time all the same: one countdown (3 x 1 s), the second 3 s and the short one in one go.
    assert sorted(slept) == [0.5, 1, 1, 1, 3]


def test_a_failed_session_is_raised_after_those_before_it_are_written(
    api: Api, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # Overlapped, the second session's participants fail while the first's may still be in flight: the first is
    # written all the same (a failure is raised in its turn), then the error, in one line, and exit 1.
    from realtimekit_sessions import errors
    from realtimekit_sessions.api.sessions import get_session_participants

    original = get_session_participants.asyncio

    async def failing_for_the_second(account: str, app: str, session_id: str, **kwargs: Any) -> Any:
        if session_id == SESSION_IDS[1]:
            raise errors.APIConnectionError("ConnectError on GET /participants: connection refused")
        return await original(account, app, session_id, **kwargs)

    monkeypatch.setattr(get_session_participants, "asyncio", failing_for_the_second)
    target = tmp_path / "sessions.ndjson"
    code, _, err = invoke("export", "-o", str(target))
    assert code == 1
    assert err.splitlines() == [
        f"1 session was written to {target} before this error:",
        "error: ConnectError on GET /participants: connection refused",
    ]
    assert [json.loads(line)["id"] for line in target.read_text(encoding="utf-8").splitlines()] == [SESSION_IDS[0]]


def test_ctrl_c_during_a_write_waits_for_the_record_to_end(tmp_path: Path) -> None:
    from realtimekit_sessions_cli import export as exporting

    handle = io.StringIO()
    writer = exporting.NdjsonWriter(handle, with_participants=False)

    class Interrupting(io.StringIO):
        def write(self, text: str) -> int:
            signal.raise_signal(signal.SIGINT)  # Ctrl-C in the middle of writing the record
            return handle.write(text)

    writer.handle = Interrupting()
    with pytest.raises(KeyboardInterrupt):
        writer.write({"id": "s1", "note": "x" * 1000}, [])
    assert json.loads(handle.getvalue()) == {"id": "s1", "note": "x" * 1000}
    assert writer.sessions == 1  # the record is in the file, so "interrupted after N sessions" counts it


class _RateLimitFirst:
    """Makes the mock answer its first `times` requests with 429 and `Retry-After: seconds`; not the export's
    request for the progress bar's total (per_page=1, sent alongside the page walk and never retried), so that
    the 429 reaches a call that waits for it whichever request arrives first."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, seconds: str, times: int = 1) -> None:
        self.left = times
        lock = threading.Lock()
        original = mock_server._Handler.do_GET

        def handler(handler_self: Any) -> None:
            with lock:
                refuse = self.left > 0 and "per_page=1&" not in handler_self.path + "&"
                self.left -= refuse
            if refuse:
                body = {"success": False, "errors": [{"code": 10429, "message": "Too many requests"}]}
                handler_self._send(HTTPStatus.TOO_MANY_REQUESTS, body, extra_headers={"Retry-After": seconds})
                return
            original(handler_self)

        monkeypatch.setattr(mock_server._Handler, "do_GET", handler)


@pytest.fixture
def slept(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The CLI's waits take no time; the rate limit's clock moves on by what they waited, as it would have (a
    429 also pauses the budget until its Retry-After, which the wait before the retry has then lived through)."""
    import types

    from realtimekit_sessions import _ratelimit
    from realtimekit_sessions_cli import waiting

    waits: list[float] = []

    def sleep(seconds: float) -> None:
        waits.append(seconds)

    async def asleep(seconds: float) -> None:
        import asyncio

        waits.append(seconds)
        await asyncio.sleep(0)  # no time passes, but the other tasks run, as during a real wait

    real = _ratelimit.time.monotonic
    clock = types.SimpleNamespace(monotonic=lambda: real() + sum(waits), sleep=_ratelimit.time.sleep)
    monkeypatch.setattr(_ratelimit, "time", clock)
    monkeypatch.setattr(waiting, "sleep", sleep)
    monkeypatch.setattr(waiting, "asleep", asleep)  # the overlapped export's waits, on its event loop
    return waits


@pytest.mark.parametrize("retry_after", ["90", "5"])
def test_a_429_wait_counts_down_on_stderr(
    api: Api, monkeypatch: pytest.MonkeyPatch, slept: list[float], tmp_path: Path, retry_after: str
) -> None:
    # 90 s is beyond the client's 60 s cap (it raises RateLimitError); 5 s is one it would wait silently.
    _RateLimitFirst(monkeypatch, retry_after)
    code, _, err = invoke("export", "-o", str(tmp_path / "out.ndjson"))
    assert code == 0, err
    assert sum(slept) == pytest.approx(float(retry_after))
    countdown = [line for line in err.splitlines() if line.startswith("rate limited (429): retrying in")]
    expected = {"90": [90, 80, 70, 60, 50, 40, 30, 20, 10, 3, 2, 1], "5": [5, 3, 2, 1]}[retry_after]
    assert [int(line.split()[-2]) for line in countdown] == expected
    assert "2 sessions, 4 participants written" in err


def test_a_429_countdown_rewrites_one_line_on_a_terminal(slept: list[float]) -> None:
    from realtimekit_sessions_cli import waiting

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    stream = Terminal()
    waiting.countdown(3, "rate limited (429)", waiting.Notice(stream))
    shown = stream.getvalue()
    assert shown.count("\r") == 4 and "\n" not in shown
    assert [part for part in shown.split("\r\x1b[2K") if part] == [
        f"rate limited (429): retrying in {n} s" for n in (3, 2, 1)
    ]
    assert slept == [1, 1, 1]


@pytest.mark.parametrize("use_async", [False, True], ids=["sync", "async"])
def test_a_wait_for_the_budget_counts_down_and_shows_one_countdown_at_a_time(
    use_async: bool, slept: list[float]
) -> None:
    # The budget's waits (export and load keep to one) are shown as a retry's are, not a silent stall; a wait
    # while another is being counted down passes silently.
    import asyncio

    from realtimekit_sessions import RateLimit
    from realtimekit_sessions_cli import waiting

    stream = io.StringIO()
    notice = waiting.Notice(stream)
    budget = RateLimit(requests=1, per_seconds=300, **waiting.budget_sleeps(notice))
    if use_async:

        async def two_calls() -> None:
            for _ in range(2):
                await budget.acquire_async()
                budget.release()

        asyncio.run(two_calls())
    else:
        for _ in range(2):
            budget.acquire()
            budget.release()
    shown = stream.getvalue().splitlines()
    # The second call waits the window out (300 s and the millisecond the budget rounds up), a second at a time.
    assert shown[0] in {f"the rate limit's budget is spent: going on in {n} s" for n in (300, 301)}
    assert len(shown) > 3 and 299 < sum(slept) <= 301

    quiet = io.StringIO()
    busy = waiting.Notice(quiet)
    with busy._counting:  # another thread's countdown is on screen
        waiting.wait(5, "rate limited (429)", busy)
    assert quiet.getvalue() == "" and slept[-1] == 5


def test_a_429_asking_for_hours_is_one_line_with_the_time(
    api: Api, monkeypatch: pytest.MonkeyPatch, slept: list[float]
) -> None:
    _RateLimitFirst(monkeypatch, "7200")
    code, _, err = invoke("sessions", "list")
    assert code == 1 and slept == []
    assert err.count("\n") == 1 and "wait 2 h 0 min" in err and "try again after" in err and "UTC" in err


# ---- the [cli] extra ------------------------------------------------------------------------------------------

BLOCK_TYPER = "import sys; sys.modules['typer'] = None\n"


def _assert_one_line_install_hint(result: subprocess.CompletedProcess[str]) -> None:
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert "pip install 'realtimekit-sessions[cli]'" in result.stderr


def test_without_the_extra_the_entry_point_says_what_to_install() -> None:
    code = (
        BLOCK_TYPER + "from importlib.metadata import entry_points\n"
        "(script,) = entry_points(group='console_scripts', name='realtimekit-sessions')\n"
        "script.load()()\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, "sessions", "list"], capture_output=True, text=True, timeout=60, check=False
    )
    _assert_one_line_install_hint(result)


def test_without_the_extra_the_installed_command_says_what_to_install(tmp_path: Path) -> None:
    script = Path(sys.executable).parent / "realtimekit-sessions"
    if not script.exists():
        pytest.skip("the console script is not installed next to this interpreter")
    (tmp_path / "sitecustomize.py").write_text(BLOCK_TYPER, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    for args in ([], ["--version"], ["sessions", "list"]):
        result = subprocess.run([str(script), *args], capture_output=True, text=True, timeout=60, check=False, env=env)
        _assert_one_line_install_hint(result)
    result = subprocess.run(
        [sys.executable, "-m", "realtimekit_sessions_cli", "-h"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env=env,
    )
    _assert_one_line_install_hint(result)


# ---- charts ---------------------------------------------------------------------------------------------------

# The chart tests share one worker of the suite (--dist loadgroup): importing matplotlib costs a worker a second.
charts = pytest.mark.xdist_group("charts")


def _report(samples: int | None = None) -> dict[str, Any]:
    body: dict[str, Any] = json.loads(LONG_REPORT.read_text(encoding="utf-8"))["response"]["body"]
    if samples is not None:
        body = copy.deepcopy(body)
        quality = body["data"]["participant"]["peer_report"]["quality"]
        for key, value in quality.items():
            if isinstance(value, list):
                quality[key] = value[:samples]
    return body


def _keeping_saved_figures(patch: pytest.MonkeyPatch) -> list[Any]:
    """The matplotlib figures draw_chart saves (while `patch` lasts), kept for their artists to be inspected."""
    from matplotlib.figure import Figure

    saved: list[Any] = []
    original = Figure.savefig

    def keeping(self: Figure, *args: Any, **kwargs: Any) -> None:
        saved.append(self)
        original(self, *args, **kwargs)

    patch.setattr(Figure, "savefig", keeping)
    return saved


@pytest.fixture
def figures(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    return _keeping_saved_figures(monkeypatch)


@pytest.fixture(scope="module")
def long_chart(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The long call's report drawn once, for the tests that only read the figure (drawing it costs a second)."""
    with pytest.MonkeyPatch.context() as patch:
        saved = _keeping_saved_figures(patch)
        peer_report.draw_chart(_report(), tmp_path_factory.mktemp("long-chart") / "long.png")
    (figure,) = saved
    return figure


def _labelled_lines(figure: Any) -> dict[str, list[Any]]:
    lines: dict[str, list[Any]] = {}
    for axis in figure.axes:
        for line in axis.get_lines():
            if not line.get_label().startswith("_"):
                lines.setdefault(line.get_label(), []).append(line)
    return lines


@charts
def test_chart_never_creates_a_folder(requests_seen: list[str], tmp_path: Path) -> None:
    chart = tmp_path / "charts" / "quality.png"
    code, _, err = invoke("peer-report", PEER_ID, "--chart", str(chart))
    assert code == 2 and err.count("\n") == 1
    assert "folder" in err and "does not exist" in err and str(chart.parent) in err
    assert not chart.parent.exists()
    assert requests_seen == []  # refused before the report was fetched
    with pytest.raises(FileNotFoundError):
        peer_report.draw_chart(_report(), chart)
    assert not chart.parent.exists()


@charts
def test_one_sample_per_stream_is_drawn_as_markers(figures: list[Any], tmp_path: Path) -> None:
    peer_report.draw_chart(_report(samples=1), tmp_path / "one.png")
    (figure,) = figures
    lines = [line for lines in _labelled_lines(figure).values() for line in lines]
    assert len(lines) >= 8 * 3  # every stream, in every panel it has a value for
    for line in lines:
        assert len(line.get_xdata()) == 1
        assert line.get_marker() not in (None, "", "None", " ") and line.get_markersize() >= 4
    # Time is minutes into the call, over a readable window (not every tick at 00:00).
    bottom = figure.axes[-1]
    low, high = bottom.get_xlim()
    assert high - low >= 2
    assert "minutes into the call" in bottom.get_xlabel()
    ticks = [tick for tick in bottom.get_xticks() if low <= tick <= high]
    assert len(set(ticks)) >= 3


@charts
def test_every_stream_in_the_table_is_in_the_chart(long_chart: Any) -> None:
    table_streams = set(peer_report.summarize(_report())["quality"])
    assert {"screen share audio sent", "screen share video received"} <= table_streams
    figure = long_chart
    assert set(_labelled_lines(figure)) == table_streams
    (legend,) = figure.legends
    assert {text.get_text() for text in legend.get_texts()} == table_streams


@charts
def test_the_legend_covers_no_data(long_chart: Any) -> None:
    figure = long_chart
    assert all(axis.get_legend() is None for axis in figure.axes)
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = FigureCanvasAgg(figure)  # the figure was closed after saving; lay it out again, as saved
    canvas.draw()
    renderer = canvas.get_renderer()
    (legend,) = figure.legends
    box = legend.get_window_extent(renderer)
    for axis in figure.axes:
        assert not box.overlaps(axis.get_window_extent(renderer))


@charts
def test_long_call_is_in_minutes_from_when_the_participant_joined(long_chart: Any) -> None:
    figure = long_chart
    lines = _labelled_lines(figure)["audio sent"]
    xs = [x for line in lines for x in line.get_xdata()]
    # Samples from 09:00:30, every 30 s, 200 of them; the participant joined at 09:00:06.
    assert min(xs) == pytest.approx(24 / 60, abs=0.01)
    assert max(xs) == pytest.approx((24 + 199 * 30) / 60, abs=0.01)
    assert "2025-03-14 09:00:06 UTC" in figure.axes[-1].get_xlabel()


def test_a_stream_never_measured_is_shown_as_dashes_not_as_a_mos_of_zero() -> None:
    """The API sums up a stream that was never sent (no screen share) as zeros: a MOS of 0 (MOS runs 1 to 5) and a
    perfect 0% loss. Shown as they came, the table reported a quality of 0 for a stream nobody used."""
    body = _report()
    quality = body["data"]["participant"]["peer_report"]["quality"]
    measured = peer_report.stream_summary(quality, "audio received")
    assert measured is not None and measured["samples"] > 0 and measured["mos_avg"] >= 1
    quality["screenshare_audio_consumer"] = []
    quality["screenshare_audio_consumer_cumulative"] = {
        "quality_mos": {"avg": 0, "p50": 0, "p75": 0, "p90": 0},
        "packet_loss": {"10_or_greater_event_fraction": 0, "25_or_greater_event_fraction": 0, "avg": 0},
        "rtt": {"avg": 0},
    }
    unused = peer_report.stream_summary(quality, "screen share audio received")
    assert unused == {"samples": 0, **dict.fromkeys(peer_report.MEASURES)}
