"""`realtimekit-sessions`: RealtimeKit sessions, participants, peer reports, chat, transcripts and summaries.

Credentials come from the environment: CLOUDFLARE_API_TOKEN, CLOUDFLARE_ACCOUNT_ID, REALTIMEKIT_APP_ID
(--account-id / --app-id override the ids; CLOUDFLARE_BASE_URL points the tool elsewhere, e.g. a mock).
Tables by default, --json on every command. Exit status: 0 done, 1 the API or a file failed, 2 usage or
credentials.
"""

from __future__ import annotations

import csv
import datetime
import functools
import io
import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from . import peer_report

F = TypeVar("F", bound=Callable[..., Any])
ISO_TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?([+-]\d{2}:\d{2}|Z)")

app = typer.Typer(
    name="realtimekit-sessions", help=__doc__, no_args_is_help=True, add_completion=False, rich_markup_mode=None
)
sessions_app = typer.Typer(help="List and show sessions.", no_args_is_help=True)
participants_app = typer.Typer(help="List and show a session's participants.", no_args_is_help=True)
app.add_typer(sessions_app, name="sessions")
app.add_typer(participants_app, name="participants")

JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
OutputOption = Annotated[
    Path | None, typer.Option("--output", "-o", help="Write to this file instead of standard output.")
]


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


@app.callback()
def root(
    ctx: typer.Context,
    account_id: Annotated[
        str | None, typer.Option(envvar="CLOUDFLARE_ACCOUNT_ID", show_envvar=True, help="Cloudflare account id.")
    ] = None,
    app_id: Annotated[
        str | None, typer.Option(envvar="REALTIMEKIT_APP_ID", show_envvar=True, help="RealtimeKit app id.")
    ] = None,
) -> None:
    ctx.obj = Settings(account_id, app_id)


# ---- errors, client, output ------------------------------------------------------------------------------------


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
        return CliError(f"{error} (check CLOUDFLARE_BASE_URL)", code=2)
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
    if isinstance(error, errors.InvalidParameterError):
        return CliError(f"invalid {error}", code=2)
    if isinstance(error, errors.NotFoundError):
        return CliError(f"not found: {error}")
    if isinstance(error, errors.RealtimeKitSessionsError):
        return CliError(str(error))
    if isinstance(error, peer_report.NoQualityData):
        return CliError(str(error))
    if isinstance(error, OSError):
        return CliError(f"{getattr(error, 'filename', None) or 'file'}: {error.strerror or error}")
    raise error


def handles_errors(command: F) -> F:
    """Expected failures become one line on stderr and an exit code; anything else is a bug and shows as one."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except (typer.Exit, typer.Abort):
            raise
        except Exception as error:  # noqa: BLE001 (sorted out by _explain, which re-raises the unexpected)
            explained = _explain(error)
            typer.echo(f"error: {explained}", err=True)
            raise typer.Exit(explained.code) from None

    return wrapper  # type: ignore[return-value]


def _client() -> Any:
    from realtimekit_sessions import AuthenticatedClient

    return AuthenticatedClient()


def _plain(value: Any) -> Any:
    """A model, or anything holding models, as JSON-ready data."""
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, datetime.datetime):
        return value.isoformat()
    return value


def _print_json(value: Any) -> None:
    typer.echo(json.dumps(_plain(value), indent=2, ensure_ascii=False, default=str))


def _console() -> Console:
    # Not a terminal (a pipe, a file, a test): wide enough that ids are never cut.
    return Console(width=None if sys.stdout.isatty() else 200, highlight=False)


def _cell(value: Any) -> str:
    if value is None or value == "":
        return "-"
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    text = str(value)
    # Timestamps from to_dict() are ISO 8601 with microseconds and an offset; a table needs seconds in UTC.
    if ISO_TIMESTAMP.fullmatch(text):
        moment = datetime.datetime.fromisoformat(text)
        if moment.tzinfo is not None:
            return moment.astimezone(datetime.UTC).strftime("%Y-%m-%d %H:%M:%S")
    return text


def _table(rows: Sequence[Mapping[str, Any]], columns: list[str], title: str | None = None) -> None:
    table = Table(title=title, show_lines=False)
    for column in columns:
        # Wrapped rather than cut: ids must stay whole to be pasted into the next command.
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*(_cell(row.get(column)) for column in columns))
    _console().print(table)


def _fields(rows: Mapping[str, Any], title: str | None = None) -> None:
    table = Table(title=title, show_header=False)
    table.add_column("field", style="bold")
    table.add_column("value")
    for key, value in rows.items():
        table.add_row(key, _cell(value))
    _console().print(table)


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
    "id",
    "meeting_display_name",
    "status",
    "created_at",
    "ended_at",
    "max_concurrent_participants",
    "minutes_consumed",
    "associated_id",
]
PARTICIPANT_COLUMNS = ["id", "display_name", "preset_name", "joined_at", "left_at", "duration", "custom_participant_id"]


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

    # eval_str: this module's annotations are strings (PEP 563); typer needs the real types.
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
    as_json: JsonOption = False,
) -> None:
    """List the app's sessions (newest first unless sorted otherwise), across pages."""
    from realtimekit_sessions.api.sessions import get_sessions

    account_id, app_id = ctx.obj.ids()
    with _client() as client:
        sessions = list(
            get_sessions.iter_all(
                account_id, app_id, client=client, per_page=per_page, limit=limit or None, **filters.arguments()
            )
        )
    if as_json:
        _print_json(sessions)
    else:
        _table([s.to_dict() for s in sessions], SESSION_COLUMNS, title=f"{len(sessions)} sessions")


@sessions_app.command("show")
@handles_errors
def sessions_show(
    ctx: typer.Context,
    session_id: str,
    breakout_rooms: Annotated[bool, typer.Option(help="Include the session's breakout rooms.")] = False,
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
        _fields(data, title=f"session {session_id}")


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
        _table([p.to_dict() for p in found], PARTICIPANT_COLUMNS, title=f"{len(found)} participants of {session_id}")


@participants_app.command("show")
@handles_errors
def participants_show(
    ctx: typer.Context,
    session_id: str,
    participant_id: str,
    peer_events: Annotated[bool, typer.Option(help="Include the participant's peer events.")] = False,
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
        _fields(participant, title=f"participant {participant_id}")


# ---- peer report -----------------------------------------------------------------------------------------------


@app.command("peer-report")
@handles_errors
def peer_report_command(
    ctx: typer.Context,
    peer_id: Annotated[str, typer.Argument(help="The peer id (a participant's id).")],
    chart: Annotated[
        Path | None, typer.Option(help="Also draw call quality over time to this .png or .svg file.")
    ] = None,
    as_json: JsonOption = False,
    full: Annotated[bool, typer.Option(help="With --json: the whole report, not the summary.")] = False,
) -> None:
    """A participant's call quality and devices: MOS, packet loss, round-trip time, jitter, device, network."""
    from realtimekit_sessions.api.sessions import get_participant_data_from_peer_id

    account_id, app_id = ctx.obj.ids()
    if chart is not None and chart.suffix.lower() not in (".png", ".svg"):
        raise CliError(f"--chart must name a .png or .svg file, not {chart.name!r}", code=2)
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
            _fields(summary[section], title=section)
        quality_rows = [{"stream": name, **values} for name, values in summary["quality"].items()]
        _table(
            quality_rows,
            ["stream", "samples", "mos_avg", "mos_p50", "mos_p90", "packet_loss_pct", "rtt_ms", "jitter_ms"],
            title="quality",
        )
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
        messages = [message.to_dict() for message in read_csv(download.content, ChatMessage.from_dict)]
        text = json.dumps(messages, indent=2, ensure_ascii=False, default=str)
        if output is not None:
            output.write_text(text + "\n", encoding="utf-8")
            typer.echo(f"chat: {len(messages)} messages written to {output}", err=True)
        else:
            typer.echo(text)
        return
    _deliver(download, output, False, "chat")


@app.command("transcript")
@handles_errors
def transcript(
    ctx: typer.Context,
    session_id: str,
    format_: Annotated[TranscriptFormat | None, typer.Option("--format", help="File format.")] = None,
    output: OutputOption = None,
    as_json: JsonOption = False,
) -> None:
    """A session's transcript file."""
    from realtimekit_sessions.api.sessions import get_session_transcripts

    account_id, app_id = ctx.obj.ids()
    with _client() as client:
        download = get_session_transcripts.download(
            account_id, app_id, session_id, client=client, **_given(format_=format_)
        )
    _deliver(download, output, as_json, "transcript")


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
            _print_json(data) if as_json else _fields(data, title="summary job")
            return
        download = get_session_summary.download(account_id, app_id, session_id, client=client)
    _deliver(download, output, as_json, "summary")


# ---- export ------------------------------------------------------------------------------------------------------


def _export_rows(sessions: Iterable[tuple[dict[str, Any], list[dict[str, Any]]]]) -> Iterator[dict[str, Any]]:
    """One CSV row per participant (a session without any gives one row), columns prefixed by what they are."""
    for session, participants in sessions:
        session_part = {f"session_{key}": value for key, value in session.items()}
        for participant in participants or [{}]:
            yield {**session_part, **{f"participant_{key}": value for key, value in participant.items()}}


def _write_csv(rows: list[dict[str, Any]], handle: io.TextIOBase | Any) -> None:
    columns: list[str] = []
    for row in rows:
        columns.extend(key for key in row if key not in columns)
    writer = csv.DictWriter(handle, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(
            {k: json.dumps(v, ensure_ascii=False) if isinstance(v, dict | list) else v for k, v in row.items()}
        )


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
    with_participants: Annotated[bool, typer.Option("--participants/--no-participants")] = True,
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON summary of the export on stdout.")] = False,
) -> None:
    """Every session of the app with its participants, as NDJSON or CSV, with a progress bar."""
    from realtimekit_sessions.api.sessions import get_session_participants, get_sessions

    account_id, app_id = ctx.obj.ids()
    arguments = filters.arguments()
    exported: list[tuple[dict[str, Any], list[dict[str, Any]]]] = []
    with _client() as client:
        first = get_sessions.sync(account_id, app_id, client=client, per_page=1, **arguments)
        total = first.to_dict().get("paging", {}).get("total_count")
        if isinstance(total, int | float) and limit:
            total = min(int(total), limit)
        progress = Progress(
            TextColumn("exporting sessions"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        with progress:
            task = progress.add_task("export", total=int(total) if isinstance(total, int | float) else None)
            for session in get_sessions.iter_all(
                account_id, app_id, client=client, per_page=100, limit=limit or None, **arguments
            ):
                participants = (
                    [
                        p.to_dict()
                        for p in get_session_participants.iter_all(account_id, app_id, session.id, client=client)
                    ]
                    if with_participants
                    else []
                )
                exported.append((session.to_dict(), participants))
                progress.advance(task)

    if format_ is ExportFormat.ndjson:
        text = "".join(
            json.dumps(
                {**session, "participants": participants} if with_participants else session,
                ensure_ascii=False,
                default=str,
            )
            + "\n"
            for session, participants in exported
        )
    else:
        buffer = io.StringIO()
        _write_csv(list(_export_rows(exported)), buffer)
        text = buffer.getvalue()
    participant_count = sum(len(participants) for _, participants in exported)
    if output is not None:
        output.write_text(text, encoding="utf-8")
        note = f"{len(exported)} sessions, {participant_count} participants written to {output}"
        _print_json({"sessions": len(exported), "participants": participant_count, "file": str(output)}) if (
            as_json
        ) else typer.echo(note, err=True)
    else:
        typer.echo(text, nl=False)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
