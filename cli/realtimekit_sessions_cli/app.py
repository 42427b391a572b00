"""`realtimekit-sessions`: RealtimeKit sessions, participants, peer reports, chat, transcripts and summaries.

Credentials come from the environment: CLOUDFLARE_API_TOKEN, CLOUDFLARE_ACCOUNT_ID, REALTIMEKIT_APP_ID
(--account-id / --app-id override the ids; CLOUDFLARE_BASE_URL points the tool elsewhere, e.g. a mock).
Tables by default, fitted to $COLUMNS (else the terminal, else 80 columns); --wide or --json show everything.
Exit status: 0 done, 1 the API or a file failed, 2 usage or credentials, 130 interrupted (Ctrl-C).
"""

# No `from __future__ import annotations` here: typer reads every command's annotations each time the tool runs,
# and string annotations (PEP 563) it evaluates twice over (inspect.signature and typing.get_type_hints), which
# took 14 ms of every run against 5.5 ms for the objects themselves, made once at import.

import contextlib
import datetime
import functools
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from . import peer_report, tables, waiting
from .tables import Column

F = TypeVar("F", bound=Callable[..., Any])
T = TypeVar("T")
# -h as well as --help, on every command (click hands the setting down to subcommands).
CONTEXT = {"help_option_names": ["-h", "--help"]}

app = typer.Typer(
    name="realtimekit-sessions",
    help=__doc__,
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    context_settings=CONTEXT,
)
sessions_app = typer.Typer(help="List and show sessions.", no_args_is_help=True, context_settings=CONTEXT)
participants_app = typer.Typer(
    help="List and show a session's participants.", no_args_is_help=True, context_settings=CONTEXT
)
app.add_typer(sessions_app, name="sessions")
app.add_typer(participants_app, name="participants")

JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
OutputOption = Annotated[
    Path | None, typer.Option("--output", "-o", help="Write to this file instead of standard output.")
]
WideOption = Annotated[bool, typer.Option("--wide", help="Every column at full width, however wide the screen.")]


class Status(str, Enum):
    LIVE = "LIVE"
    ENDED = "ENDED"


class SessionSort(str, Enum):
    minutesConsumed = "minutesConsumed"
    createdAt = "createdAt"


class ParticipantSort(str, Enum):
    joinedAt = "joinedAt"
    duration = "duration"


class Order(str, Enum):
    ASC = "ASC"
    DESC = "DESC"


class View(str, Enum):
    raw = "raw"
    consolidated = "consolidated"


class TranscriptFormat(str, Enum):
    CSV = "CSV"
    JSON = "JSON"
    SRT = "SRT"
    VTT = "VTT"


class ExportFormat(str, Enum):
    ndjson = "ndjson"
    csv = "csv"


class CliError(Exception):
    """An expected failure: printed as one line, with its exit code."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code


@dataclass
class Settings:
    account_id: str | None
    app_id: str | None

    def ids(self) -> tuple[str, str]:
        missing = [
            f"{env} (or {option})"
            for value, env, option in (
                (self.account_id, "CLOUDFLARE_ACCOUNT_ID", "--account-id"),
                (self.app_id, "REALTIMEKIT_APP_ID", "--app-id"),
            )
            if not value
        ]
        if missing:
            raise CliError(f"set {' and '.join(missing)}", code=2)
        assert self.account_id and self.app_id
        return self.account_id, self.app_id


def version() -> str:
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    try:
        return installed("realtimekit-sessions")
    except PackageNotFoundError:
        return "unknown"


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"realtimekit-sessions {version()} (Python {sys.version.split()[0]})")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    account_id: Annotated[
        str | None, typer.Option(envvar="CLOUDFLARE_ACCOUNT_ID", show_envvar=True, help="Cloudflare account id.")
    ] = None,
    app_id: Annotated[
        str | None, typer.Option(envvar="REALTIMEKIT_APP_ID", show_envvar=True, help="RealtimeKit app id.")
    ] = None,
    show_version: Annotated[
        bool,
        typer.Option("--version", "-V", callback=_print_version, is_eager=True, help="Print the version and exit."),
    ] = False,
) -> None:
    ctx.obj = Settings(account_id, app_id)


# ---- errors, client, output ------------------------------------------------------------------------------------

EXTRA_HINT = "pip install 'realtimekit-sessions[cli]'"


def _wait_text(seconds: float) -> str:
    minutes, secs = divmod(round(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes} min" if hours else f"{minutes} min {secs} s" if minutes else f"{secs} s"


def _explain(error: Exception) -> CliError:
    from realtimekit_sessions import errors

    if isinstance(error, CliError):
        return error
    if isinstance(error, errors.ConfigurationError):
        if "no API token" in str(error):
            return CliError(
                "no API token: set CLOUDFLARE_API_TOKEN to a Cloudflare API token with the Realtime "
                "(or Realtime Admin) permission",
                code=2,
            )
        # The client's settings come from two variables here: name the one the message is about.
        variable = "CLOUDFLARE_API_TOKEN" if "API token" in str(error) else "CLOUDFLARE_BASE_URL"
        return CliError(f"{error} (check {variable})", code=2)
    if isinstance(error, errors.APIStatusError) and _from_file_host(error):
        # The file host is not the API and never sees the token: its 401/403 is the signed link's, not the
        # token's (and its 429 is not Cloudflare's API budget).
        host = error.request.url.host if error.request is not None else "the file host"
        hint = (
            ": the download link has expired or was revoked; run the command again for a fresh one"
            if error.status_code in (401, 403, 410)
            else ""
        )
        return CliError(f"the file host {host} refused the download ({error}){hint}")
    if isinstance(error, errors.AuthenticationError):
        return CliError(
            "the API refused the token (401): check CLOUDFLARE_API_TOKEN is a current Cloudflare API token", code=2
        )
    if isinstance(error, errors.PermissionDeniedError):
        return CliError(
            "the token may not read this app (403): give it the Realtime (or Realtime Admin) permission on "
            "this account, and check CLOUDFLARE_ACCOUNT_ID and REALTIMEKIT_APP_ID",
            code=2,
        )
    if isinstance(error, errors.RateLimitError):
        wait = error.retry_after
        if wait is not None and wait > waiting.LONGEST_WAIT:
            until = datetime.datetime.now(datetime.UTC) + datetime.timedelta(seconds=wait)
            return CliError(
                f"rate limited (429): the API asks to wait {_wait_text(wait)}; try again after {tables.when(until)}"
            )
        return CliError(f"rate limited (429) {waiting.RETRIES + 1} times in a row: try again later")
    if isinstance(error, errors.InvalidParameterError):
        return CliError(f"invalid {error}", code=2)
    if isinstance(error, errors.NotFoundError):
        return CliError(f"not found: {error}")
    if isinstance(error, errors.RealtimeKitSessionsError):
        return CliError(str(error))
    if isinstance(error, peer_report.NoQualityData):
        return CliError(str(error))
    if isinstance(error, ModuleNotFoundError) and error.name in ("matplotlib", "rich", "typer"):
        return CliError(f"{error.name} is missing: {EXTRA_HINT}", code=2)
    if isinstance(error, UnicodeDecodeError):
        byte = error.object[error.start : error.start + 1].hex()
        return CliError(
            f"the file is not UTF-8 text (byte 0x{byte} at offset {error.start}): -o FILE saves it as it came",
        )
    if isinstance(error, OSError):
        return CliError(f"{getattr(error, 'filename', None) or 'file'}: {error.strerror or error}")
    raise error


def _from_file_host(error: Any) -> bool:
    """Whether a status error came from a download's storage host: the only requests sent without the token."""
    request = getattr(error, "request", None)
    return request is not None and "authorization" not in request.headers


# The exit code of a program that SIGPIPE ended (128 + 13), as `yes | head` reports it under `set -o pipefail`.
PIPE_CLOSED = 141


def _stdout_gone() -> None:
    """Point stdout at /dev/null, so that the flush at exit does not fail again on the closed pipe (Python would
    print "Exception ignored ... BrokenPipeError" on stderr)."""
    import os

    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def handles_errors(command: F) -> F:
    """Expected failures become one line on stderr and an exit code; anything else is a bug and shows as one."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except (typer.Exit, typer.Abort):
            raise
        except KeyboardInterrupt:
            typer.echo("interrupted", err=True)
            raise typer.Exit(130) from None
        except BrokenPipeError:
            # The reader of stdout went away (`| head`): what a Unix tool does then is stop, saying nothing. The
            # network's broken pipes are the client's errors by now; a raw one here is stdout's.
            _stdout_gone()
            raise typer.Exit(PIPE_CLOSED) from None
        except Exception as error:  # noqa: BLE001 (sorted out by _explain, which re-raises the unexpected)
            explained = _explain(error)
            typer.echo(f"error: {explained}", err=True)
            raise typer.Exit(explained.code) from None

    return wrapper  # type: ignore[return-value]


def _client(notice: waiting.Notice | None = None, **settings: Any) -> Any:
    from realtimekit_sessions import AuthenticatedClient

    # The client retries as usual; its waits (sync or async) go through a countdown on stderr, so that none is
    # silent, and a 429's Retry-After is waited out up to LONGEST_WAIT, as a person at a terminal would.
    notice = notice or waiting.Notice()
    return AuthenticatedClient(
        max_retries=waiting.RETRIES,
        max_retry_after=waiting.LONGEST_WAIT,
        retry_sleep=waiting.retry_sleep(notice),
        async_retry_sleep=waiting.async_retry_sleep(notice),
        **settings,
    )


def _total_count(page: Any) -> int | None:
    """The API's total_count of a page, when it says (sessions carry `paging` at the top)."""
    paging = getattr(page, "paging", None)
    count = getattr(paging, "total_count", None)
    return None if count is None or not isinstance(count, int | float) else int(count)


def _plain(value: Any) -> Any:
    """A model, or anything holding models, as JSON-ready data."""
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, datetime.datetime):
        return value.isoformat()
    return value


def _json_for_stdout(value: Any, **options: Any) -> str:
    """JSON as text for stdout: its characters as they are where stdout can hold them, else \\u escapes. main()
    lets a stdout that is not UTF-8 replace what it cannot show with '?', which JSON read by a program (a file, a
    pipe) must never get: the escapes say the same characters exactly."""
    text = json.dumps(value, ensure_ascii=False, default=str, **options)
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    if encoding.lower().replace("-", "") == "utf8":
        return text  # holds every character: not encoded a second time to find out
    try:
        text.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return json.dumps(value, ensure_ascii=True, default=str, **options)
    return text


def _print_json(value: Any) -> None:
    typer.echo(_json_for_stdout(_plain(value), indent=2))


def _datetime(text: str | None, option: str) -> datetime.datetime | None:
    if text is None:
        return None
    try:
        value = datetime.datetime.fromisoformat(text)
    except ValueError:
        raise CliError(f"{option} must be an ISO 8601 time such as 2025-03-01T00:00:00Z, not {text!r}", 2) from None
    return value if value.tzinfo else value.replace(tzinfo=datetime.UTC)


def _given(**values: Any) -> dict[str, Any]:
    """Keyword arguments for the client without the options left out (the client's UNSET stays unset)."""
    return {
        key: value.value if isinstance(value, Enum) else value for key, value in values.items() if value is not None
    }


# ---- sessions ---------------------------------------------------------------------------------------------------

SESSION_COLUMNS = [
    Column("id", "id", 0),
    Column("meeting_display_name", "meeting", 1),
    Column("status", "status", 2),
    Column("started_at", "started", 3),
    Column("minutes_consumed", "mins", 4, numeric=True),
    Column("ended_at", "ended", 5),
    Column("max_concurrent_participants", "peak", 6, numeric=True),
    Column("associated_id", "meeting_id", 7),
]
PARTICIPANT_COLUMNS = [
    Column("id", "id", 0),
    Column("display_name", "name", 1),
    Column("joined_at", "joined", 2),
    Column("duration", "minutes", 3, numeric=True),
    Column("left_at", "left", 4),
    Column("preset_name", "preset", 5),
    Column("custom_participant_id", "custom_participant_id", 6),
]
QUALITY_COLUMNS = [
    Column("stream", "stream", 0),
    Column("samples", "samples", 1, numeric=True),
    Column("mos_avg", "MOS", 1, numeric=True),
    Column("mos_p50", "p50", 3, numeric=True),
    Column("mos_p90", "p90", 3, numeric=True),
    Column("packet_loss_pct", "loss", 2, numeric=True),
    Column("rtt_ms", "RTT", 2, numeric=True),
    Column("jitter_ms", "jitter", 2, numeric=True),
]
QUALITY_CAPTION = "MOS 1-5: average, p50, p90 · loss in % · RTT and jitter in ms"


@dataclass
class SessionFilters:
    status: Status | None
    search: str | None
    sort_by: SessionSort | None
    sort_order: Order | None
    start_time: str | None
    end_time: str | None
    associated_id: str | None
    participants: str | None

    def arguments(self) -> dict[str, Any]:
        return _given(
            status=self.status,
            search=self.search,
            sort_by=self.sort_by,
            sort_order=self.sort_order,
            start_time=_datetime(self.start_time, "--start-time"),
            end_time=_datetime(self.end_time, "--end-time"),
            associated_id=self.associated_id,
            participants=self.participants,
        )


def _session_filters(
    status: Annotated[Status | None, typer.Option(help="Only sessions in this state.")] = None,
    search: Annotated[str | None, typer.Option(help="Match meeting title, meeting id or session id.")] = None,
    sort_by: Annotated[SessionSort | None, typer.Option(help="Sort field.")] = None,
    sort_order: Annotated[Order | None, typer.Option(help="Sort direction.")] = None,
    start_time: Annotated[str | None, typer.Option(help="From this time (ISO 8601).")] = None,
    end_time: Annotated[str | None, typer.Option(help="Until this time (ISO 8601).")] = None,
    associated_id: Annotated[str | None, typer.Option(help="Sessions of this meeting id.")] = None,
    participants: Annotated[str | None, typer.Option(help="Participant-count filter, passed on as written.")] = None,
) -> SessionFilters:
    return SessionFilters(status, search, sort_by, sort_order, start_time, end_time, associated_id, participants)


def _with_session_filters(command: F) -> F:
    """Give a command every get_sessions filter as options, gathered into one `filters` argument."""
    import inspect

    # eval_str: should a command's annotations be strings, typer needs the real types.
    filter_parameters = list(inspect.signature(_session_filters, eval_str=True).parameters.values())
    signature = inspect.signature(command, eval_str=True)
    own = [p for p in signature.parameters.values() if p.name != "filters"]

    @functools.wraps(command)
    def wrapper(**kwargs: Any) -> Any:
        filters = _session_filters(**{p.name: kwargs.pop(p.name) for p in filter_parameters})
        return command(filters=filters, **kwargs)

    combined = signature.replace(parameters=[*own, *filter_parameters])
    wrapper.__signature__ = combined  # type: ignore[attr-defined]
    del wrapper.__wrapped__
    wrapper.__annotations__ = {p.name: p.annotation for p in combined.parameters.values()}
    return wrapper  # type: ignore[return-value]


@sessions_app.command("list")
@handles_errors
@_with_session_filters
def sessions_list(
    ctx: typer.Context,
    filters: SessionFilters,
    limit: Annotated[int, typer.Option(help="At most this many sessions (0: all of them).", min=0)] = 25,
    per_page: Annotated[int, typer.Option(help="Sessions fetched per request.", min=1)] = 50,
    wide: WideOption = False,
    as_json: JsonOption = False,
) -> None:
    """List the app's sessions (newest first unless sorted otherwise), across pages."""
    from realtimekit_sessions.api.sessions import get_sessions

    account_id, app_id = ctx.obj.ids()
    arguments = filters.arguments()
    with _client() as client:
        sessions = list(
            get_sessions.iter_all(
                account_id, app_id, client=client, per_page=per_page, limit=limit or None, **arguments
            )
        )
    if as_json:
        _print_json(sessions)
    else:
        tables.table([s.to_dict() for s in sessions], SESSION_COLUMNS, title=f"{len(sessions)} sessions", wide=wide)


@sessions_app.command("show")
@handles_errors
def sessions_show(
    ctx: typer.Context,
    session_id: str,
    breakout_rooms: Annotated[bool, typer.Option(help="Include the session's breakout rooms.")] = False,
    wide: WideOption = False,
    as_json: JsonOption = False,
) -> None:
    """One session in full."""
    from realtimekit_sessions.api.sessions import get_session_details

    account_id, app_id = ctx.obj.ids()
    with _client() as client:
        found = get_session_details.sync(
            account_id, app_id, session_id, client=client, include_breakout_rooms=breakout_rooms
        )
    data = found.to_dict().get("data", {})
    if as_json:
        _print_json(data)
    else:
        tables.fields(data, title=f"session {session_id}", wide=wide)


# ---- participants ----------------------------------------------------------------------------------------------


@participants_app.command("list")
@handles_errors
def participants_list(
    ctx: typer.Context,
    session_id: str,
    search: Annotated[str | None, typer.Option(help="Match participants by name or id.")] = None,
    sort_by: Annotated[ParticipantSort | None, typer.Option(help="Sort field.")] = None,
    sort_order: Annotated[Order | None, typer.Option(help="Sort direction.")] = None,
    view: Annotated[View | None, typer.Option(help="raw, or consolidated (adds breakout-room time).")] = None,
    peer_events: Annotated[bool, typer.Option(help="Include each participant's peer events.")] = False,
    limit: Annotated[int, typer.Option(help="At most this many participants (0: all).", min=0)] = 0,
    per_page: Annotated[int, typer.Option(help="Participants fetched per request.", min=1)] = 100,
    wide: WideOption = False,
    as_json: JsonOption = False,
) -> None:
    """A session's participants, across pages."""
    from realtimekit_sessions.api.sessions import get_session_participants

    account_id, app_id = ctx.obj.ids()
    options = _given(search=search, sort_by=sort_by, sort_order=sort_order, view=view)
    with _client() as client:
        found = list(
            get_session_participants.iter_all(
                account_id,
                app_id,
                session_id,
                client=client,
                include_peer_events=peer_events,
                per_page=per_page,
                limit=limit or None,
                **options,
            )
        )
    if as_json:
        _print_json(found)
    else:
        tables.table(
            [p.to_dict() for p in found],
            PARTICIPANT_COLUMNS,
            title=f"{len(found)} participants of {session_id}",
            wide=wide,
        )


@participants_app.command("show")
@handles_errors
def participants_show(
    ctx: typer.Context,
    session_id: str,
    participant_id: str,
    peer_events: Annotated[bool, typer.Option(help="Include the participant's peer events.")] = False,
    wide: WideOption = False,
    as_json: JsonOption = False,
) -> None:
    """One participant of a session."""
    from realtimekit_sessions.api.sessions import get_session_participant_details

    account_id, app_id = ctx.obj.ids()
    with _client() as client:
        found = get_session_participant_details.sync(
            account_id, app_id, session_id, participant_id, client=client, include_peer_events=peer_events
        )
    participant = found.to_dict().get("data", {}).get("participant", {})
    if as_json:
        _print_json(participant)
    else:
        tables.fields(participant, title=f"participant {participant_id}", wide=wide)


# ---- peer report -----------------------------------------------------------------------------------------------


def _chart_path(chart: Path) -> Path:
    """Check --chart before anything is fetched: a .png or .svg file in a folder that exists."""
    if chart.suffix.lower() not in (".png", ".svg"):
        raise CliError(f"--chart must name a .png or .svg file, not {chart.name!r}", code=2)
    folder = chart.parent
    if not folder.is_dir():
        raise CliError(f"--chart: folder {str(folder)!r} does not exist (create it first)", code=2)
    if chart.is_dir():
        raise CliError(f"--chart: {str(chart)!r} is a folder", code=2)
    return chart


@app.command("peer-report")
@handles_errors
def peer_report_command(
    ctx: typer.Context,
    peer_id: Annotated[str, typer.Argument(help="The peer id (a participant's id).")],
    chart: Annotated[
        Path | None,
        typer.Option(help="Also draw call quality over time to this .png or .svg file (its folder must exist)."),
    ] = None,
    wide: WideOption = False,
    as_json: JsonOption = False,
    full: Annotated[bool, typer.Option(help="With --json: the whole report, not the summary.")] = False,
) -> None:
    """A participant's call quality and devices: MOS, packet loss, round-trip time, jitter, device, network."""
    from realtimekit_sessions.api.sessions import get_participant_data_from_peer_id

    account_id, app_id = ctx.obj.ids()
    if chart is not None:
        _chart_path(chart)
    with _client() as client:
        report = get_participant_data_from_peer_id.sync(account_id, app_id, peer_id, client=client).to_dict()
    summary = peer_report.summarize(report)
    if chart is not None:
        name = summary["participant"].get("display_name") or peer_id
        peer_report.draw_chart(report, chart, title=f"Call quality of {name}")
    if as_json:
        _print_json(report if full else summary)
    else:
        for section in ("participant", "device", "browser", "network"):
            tables.fields(summary[section], title=section, wide=wide)
        # "screen share audio received" is shortened to "screen audio received" to save a table row a line.
        quality_rows = [
            {"stream": name.replace("screen share ", "screen "), **values}
            for name, values in summary["quality"].items()
        ]
        tables.table(quality_rows, QUALITY_COLUMNS, title="quality", caption=QUALITY_CAPTION, wide=wide)
    if chart is not None:
        typer.echo(f"chart written to {chart}", err=True)


# ---- files: chat, transcript, summary --------------------------------------------------------------------------


def _deliver(download: Any, output: Path | None, as_json: bool, what: str) -> None:
    if as_json:
        _print_json(
            {"file": what, "content_type": download.content_type, "bytes": len(download.content), "text": download.text}
        )
        if output is None:
            return
    if output is not None:
        output.write_bytes(download.content)
        typer.echo(f"{what}: {len(download.content)} bytes written to {output}", err=True)
    else:
        sys.stdout.buffer.write(download.content) if hasattr(sys.stdout, "buffer") else typer.echo(download.text)
        sys.stdout.flush()


@app.command("chat")
@handles_errors
def chat(ctx: typer.Context, session_id: str, output: OutputOption = None, as_json: JsonOption = False) -> None:
    """A session's chat as CSV (with --json: its messages as JSON)."""
    from realtimekit_sessions.api.sessions import get_session_chat
    from realtimekit_sessions.models import ChatMessage
    from realtimekit_sessions.types import read_csv

    account_id, app_id = ctx.obj.ids()
    with _client() as client:
        download = get_session_chat.download(account_id, app_id, session_id, client=client)
    if as_json:
        _check_chat_header(download, ChatMessage)
        messages = [message.to_dict() for message in read_csv(download.content, ChatMessage.from_dict)]
        if output is not None:
            text = json.dumps(messages, indent=2, ensure_ascii=False, default=str)
            output.write_text(text + "\n", encoding="utf-8")
            typer.echo(f"chat: {len(messages)} messages written to {output}", err=True)
        else:
            typer.echo(_json_for_stdout(messages, indent=2))
        return
    _deliver(download, output, False, "chat")


def _check_chat_header(download: Any, model: Any) -> None:
    """Refuse, before reading rows, a file whose first line names none of the chat export's columns: an HTML
    sign-in or error page a proxy or storage host answered with 200 would otherwise be read as messages."""
    import csv
    import io

    # The first line only: the rows are read (and decoded) once, by read_csv.
    first = download.content.partition(b"\n")[0].decode("utf-8-sig", errors="replace")
    if not first.strip():
        return  # no chat at all
    header = next(csv.reader(io.StringIO(first)), [])
    columns = set(model._Shape.__struct_encode_fields__)
    if not columns.intersection(name.strip() for name in header):
        kind = download.content_type or "no content type"
        raise CliError(
            f"the chat file is not the chat export ({kind}; its first line names none of the columns "
            f"{', '.join(sorted(columns))}): -o FILE saves it as it came"
        )


def _transcript_format(download: Any, asked: TranscriptFormat | None) -> str:
    """The transcript's format: as asked, else from its content type, else from its first bytes."""
    if asked is not None:
        return asked.value
    content_type = (download.content_type or "").lower()
    for marker, kind in (("vtt", "VTT"), ("subrip", "SRT"), ("srt", "SRT"), ("json", "JSON"), ("csv", "CSV")):
        if marker in content_type:
            return kind
    head = download.content.lstrip(b"\xef\xbb\xbf \r\n\t")[:200]
    if head.startswith(b"WEBVTT"):
        return "VTT"
    if head.startswith(b"["):
        return "JSON"
    if any(b"-->" in line for line in head.splitlines()[:2]):
        return "SRT"  # a cue number, then its timing
    return "CSV"


@app.command("transcript")
@handles_errors
def transcript(
    ctx: typer.Context,
    session_id: str,
    format_: Annotated[TranscriptFormat | None, typer.Option("--format", help="File format.")] = None,
    output: OutputOption = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the transcript's lines, one JSON object a line (start/end in s).")
    ] = False,
) -> None:
    """A session's transcript file (with --json: its lines, read from whichever format it came in)."""
    from realtimekit_sessions.api.sessions import get_session_transcripts
    from realtimekit_sessions.transcripts import read_transcript

    account_id, app_id = ctx.obj.ids()
    with _client() as client:
        download = get_session_transcripts.download(
            account_id, app_id, session_id, client=client, **_given(format_=format_)
        )
    if not as_json:
        _deliver(download, output, False, "transcript")
        return
    lines = read_transcript(download.content, _transcript_format(download, format_))
    if output is not None:
        text = "".join(json.dumps(line.to_dict(), ensure_ascii=False) + "\n" for line in lines)
        output.write_text(text, encoding="utf-8")
        typer.echo(f"transcript: {len(lines)} lines written to {output}", err=True)
    else:
        typer.echo("".join(_json_for_stdout(line.to_dict()) + "\n" for line in lines), nl=False)


@app.command("summary")
@handles_errors
def summary(
    ctx: typer.Context,
    session_id: str,
    generate: Annotated[bool, typer.Option(help="Ask the API to (re)build the summary instead.")] = False,
    output: OutputOption = None,
    as_json: JsonOption = False,
) -> None:
    """A session's AI summary file (or, with --generate, start making one)."""
    from realtimekit_sessions.api.sessions import generate_summary_of_transcripts, get_session_summary

    account_id, app_id = ctx.obj.ids()
    with _client() as client:
        if generate:
            job = generate_summary_of_transcripts.sync(account_id, app_id, session_id, client=client)
            data = job.to_dict().get("data", {})
            _print_json(data) if as_json else tables.fields(data, title="summary job")
            return
        download = get_session_summary.download(account_id, app_id, session_id, client=client)
    _deliver(download, output, as_json, "summary")


# ---- export ------------------------------------------------------------------------------------------------------


class _ProgressNotice(waiting.Notice):
    """Waits shown in the progress bar's text while it is on a terminal, else as lines on stderr."""

    def __init__(self, progress: Progress, task: Any) -> None:
        super().__init__()
        self.progress, self.task = progress, task
        self.live = progress.console.is_terminal

    def show(self, text: str, remaining: int, first: bool) -> None:
        if self.live:
            self.progress.update(self.task, description=text)
        else:
            super().show(text, remaining, first)

    def done(self) -> None:
        if self.live:
            self.progress.update(self.task, description="exporting sessions")
        else:
            super().done()


# Sessions per page of the export's walk (get_sessions.aiter_all's own default).
SESSIONS_PAGE = 100


@app.command("export")
@handles_errors
@_with_session_filters
def export(
    ctx: typer.Context,
    filters: SessionFilters,
    format_: Annotated[ExportFormat, typer.Option("--format", help="ndjson (a session a line) or csv.")] = (
        ExportFormat.ndjson
    ),
    output: OutputOption = None,
    limit: Annotated[int, typer.Option(help="At most this many sessions (0: all).", min=0)] = 0,
    sessions_only: Annotated[
        bool, typer.Option("--sessions-only", help="Leave out the participants (one request per session fewer).")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON summary of the export on stdout.")] = False,
    concurrency: Annotated[
        int, typer.Option(help="Sessions whose participants are fetched at once (1: one call at a time).", min=1)
    ] = 32,
    budget: Annotated[
        int, typer.Option(help="Requests per 5 minutes (Cloudflare's global limit: 1200).", min=1)
    ] = 1200,
) -> None:
    """Every session of the app with its participants, as NDJSON or CSV, written as it arrives.

    The output file is opened before the first request. Participants of up to --concurrency sessions are
    fetched at once; sessions are written in the API's order, each as soon as it and those before it are in.
    Ctrl-C stops after the session being written; the file then holds the sessions exported so far, as valid
    NDJSON or CSV. The rate limit is on: at most --budget requests per 5 minutes, slower when the API says so.
    """
    from realtimekit_sessions import RateLimit
    from realtimekit_sessions.api.sessions import get_session_participants, get_sessions

    from . import export as exporting

    account_id, app_id = ctx.obj.ids()
    arguments = filters.arguments()
    exporting.keep_freed_memory()  # memory a session frees is reused by the next (glibc; see there)
    stderr = Console(stderr=True, highlight=False)
    # The output first: a path that cannot be written fails before any request is made.
    if output is None:
        _utf8_stdout()
    handle = output.open("w", encoding="utf-8", newline="") if output is not None else sys.stdout
    writer: exporting.Writer = (
        exporting.NdjsonWriter(handle, not sessions_only)
        if format_ is ExportFormat.ndjson
        else exporting.CsvWriter(handle, not sessions_only, lambda text: stderr.print(text, markup=False))
    )
    where = f" to {output}" if output is not None else ""
    try:
        writer.start()
        progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=stderr,
            transient=True,
            # Off the terminal the bar is never shown, but it would still be laid out ten times a second in a
            # thread holding the bar's lock, which every session written waits for.
            disable=not stderr.is_terminal,
        )
        # The bar's total costs a request of its own (a first page of one session): made only for a bar shown.
        # Off a terminal (a cron job, a pipe) it would spend the budget, and a call's time, on a figure unseen.
        bar_shown = not progress.disable
        task = progress.add_task("exporting sessions", total=None)
        notice = _ProgressNotice(progress, task)
        # An export is a bulk job: it keeps to Cloudflare's budget rather than meet its five-minute block.
        budgeted = RateLimit(requests=budget, per_seconds=300.0, **waiting.budget_sleeps(notice))

        def write(session: Any, participants: exporting.Participants) -> None:
            writer.write(session.to_dict(), participants)
            progress.advance(task)

        def show_total(page: Any) -> None:
            total = _total_count(page)
            if total is not None:
                progress.update(task, total=min(total, limit) if limit else total)

        if sessions_only or concurrency == 1:
            # One call at a time: the sessions' pages, and each session's participants in its turn.
            # One Ctrl-C handler for the whole export: held back while a session is written, else Python's.
            with _client(notice, rate_limit=budgeted) as client, progress, exporting.sigint_guard():
                # One session's worth of a first page, for the total the progress bar counts towards.
                if bar_shown:
                    show_total(get_sessions.sync(account_id, app_id, client=client, per_page=1, **arguments))

                for session in get_sessions.iter_all(
                    account_id, app_id, client=client, limit=limit or None, **arguments
                ):
                    if sessions_only:
                        write(session, [])
                        continue
                    everyone = get_session_participants.iter_all(account_id, app_id, session.id, client=client)
                    write(session, writer.prepare(list(everyone)))
        else:
            # Overlapped: the pages walked and the participants of up to --concurrency sessions fetched at once,
            # on one event loop, through aiohttp when the [aiohttp] extra is installed (else httpx's pool).
            async def overlapped() -> None:
                # Inside asyncio.run, whose Ctrl-C handler (cancelling this task) the guard passes Ctrl-C on to
                # outside a session's write.
                with exporting.sigint_guard():
                    await overlapped_guarded()

            async def overlapped_guarded() -> None:
                # The participants' bodies are read as they fit in the export's room (exporting.BodyGate).
                gate = exporting.BodyGate()
                async with _client(
                    notice,
                    async_transport=exporting.fast_path(),
                    rate_limit=budgeted,
                    httpx_args=exporting.gated_httpx_args(gate, concurrency),
                ) as client:
                    # The total for the progress bar is asked for while the pages are walked, not before them;
                    # it is only the bar's: should it fail, the walk (the same call) says why. It is not retried:
                    # a wait (a 429's countdown) for a figure the export can do without would only be cut short
                    # when the walk ends, and would show a countdown the walk's own retry does not need.
                    async def count() -> None:
                        with contextlib.suppress(Exception):
                            show_total(
                                await get_sessions.asyncio(
                                    account_id, app_id, client=client, per_page=1, max_retries=0, **arguments
                                )
                            )

                    total = asyncio.ensure_future(count()) if bar_shown else None

                    async def participants_of(session: Any) -> exporting.Participants:
                        pages = get_session_participants.aiter_all(account_id, app_id, session.id, client=client)
                        return writer.prepare([participant async for participant in pages])

                    sessions = get_sessions.aiter_all(
                        account_id, app_id, client=client, per_page=SESSIONS_PAGE, limit=limit or None, **arguments
                    )
                    try:
                        # A page of sessions read ahead: the next page is asked for while the one before is being
                        # fetched for, rather than every fetch waiting for it at each page's end.
                        await exporting.aoverlapped(
                            sessions, participants_of, write, concurrency, ahead=SESSIONS_PAGE, gate=gate
                        )
                    finally:
                        if total is not None:
                            total.cancel()
                            await asyncio.gather(total, return_exceptions=True)

            import asyncio

            with progress:
                asyncio.run(overlapped())
    except KeyboardInterrupt:
        counted = "session" if writer.sessions == 1 else "sessions"
        typer.echo(f"interrupted after {writer.sessions} {counted}{where}", err=True)
        raise typer.Exit(130) from None
    except Exception:
        if writer.sessions and output is not None:
            counted = "session was" if writer.sessions == 1 else "sessions were"
            typer.echo(f"{writer.sessions} {counted} written{where} before this error:", err=True)
        raise
    finally:
        if output is not None:
            handle.close()
    if output is not None:
        note = f"{writer.sessions} sessions, {writer.participants} participants written{where}"
        if as_json:
            _print_json({"sessions": writer.sessions, "participants": writer.participants, "file": str(output)})
        else:
            typer.echo(note, err=True)


@app.command("load")
@handles_errors
def load(
    ctx: typer.Context,
    destination: Annotated[
        str, typer.Option(help="A dlt destination (duckdb: ./realtimekit_sessions.duckdb; or postgres, bigquery, ...).")
    ] = "duckdb",
    dataset: Annotated[str, typer.Option(help="The dataset (schema) the tables go into.")] = "realtimekit",
    since: Annotated[
        str | None, typer.Option(help="On the first run, sessions started from this time (ISO 8601); default all.")
    ] = None,
    peer_reports: Annotated[
        bool, typer.Option("--peer-reports", help="Also load each participant's peer report (a call each).")
    ] = False,
    downloads: Annotated[
        bool, typer.Option(help="Chats, transcripts and summaries of sessions ended within 7 days.")
    ] = True,
    budget: Annotated[
        int, typer.Option(help="Requests per 5 minutes (Cloudflare's global limit: 1200).", min=1)
    ] = 1200,
    max_in_flight: Annotated[int, typer.Option(help="Calls at once (within the budget).", min=1)] = 4,
    as_json: Annotated[bool, typer.Option("--json", help="Print the rows loaded per table as JSON on stdout.")] = False,
) -> None:
    """Load sessions, participants, peer events, chats, transcripts and summaries into a warehouse (dlt).

    A second run loads only what is new (and sessions that were live); an interrupted run resumes. Needs the
    [dlt] extra. The rate limit is on: at most --budget requests per 5 minutes, slower when the API says so.
    """
    from realtimekit_sessions import AuthenticatedClient, RateLimit

    from . import load as loading

    account_id, app_id = ctx.obj.ids()
    start = _datetime(since, "--since")
    notice = waiting.Notice()
    client = AuthenticatedClient(
        max_retries=waiting.RETRIES,
        max_retry_after=waiting.LONGEST_WAIT,
        retry_sleep=waiting.retry_sleep(notice),
        rate_limit=RateLimit(requests=budget, per_seconds=300.0, **waiting.budget_sleeps(notice)),
    )
    with client:
        counts = loading.run_load(
            account_id,
            app_id,
            destination=destination,
            dataset=dataset,
            since=start,
            peer_reports=peer_reports,
            downloads=downloads,
            budget=budget,
            max_in_flight=max_in_flight,
            client=client,
        )
    if as_json:
        _print_json(counts)


def _utf8_stdout() -> None:
    """stdout writing UTF-8, strictly: an export's NDJSON and CSV are UTF-8 wherever they go, and on a stdout of
    another encoding (a Latin-1 locale, PYTHONIOENCODING=ascii in a cron job) their names would otherwise come
    out as '?' (see _replace_what_the_terminal_cannot_show), the data changed without a word."""
    import io

    if isinstance(sys.stdout, io.TextIOWrapper) and (sys.stdout.encoding.lower().replace("-", "") != "utf8"):
        sys.stdout.reconfigure(encoding="utf-8", errors="strict")


def _replace_what_the_terminal_cannot_show() -> None:
    """On a stdout or stderr that is not UTF-8 (an ISO-8859-1 locale, a Windows code page, PYTHONIOENCODING in a
    cron job), a name the encoding cannot hold is shown with `?`, rather than killing the command mid-table."""
    import io

    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and stream.errors == "strict":
            stream.reconfigure(errors="replace")


def main() -> None:
    _replace_what_the_terminal_cannot_show()
    app()


if __name__ == "__main__":
    main()
