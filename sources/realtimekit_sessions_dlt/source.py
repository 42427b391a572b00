"""The dlt source: resources built on the realtimekit_sessions client.

Tables (dataset `realtimekit` by default):

    sessions                      merge on id; incremental on started_at with a lag window (see below)
    participants                  merge on (session_id, id); their peer events in the nested table
      participants__peer_events     (dlt's nested table, linked by _dlt_parent_id / _dlt_root_id)
    peer_reports                  opt-in (one call per participant): merge on (session_id, id); the cumulative
      peer_reports__quality_samples quality as columns, every quality sample in a nested table (`kind` says which)
    chat_messages                 the chat export's rows      } sessions that ended within the last 7 days (the
    transcript_lines              the transcript's lines      } API keeps these files 7 days); replaced per
    summaries                     the summary's text          } session (merge key session_id)

Incremental: sessions are listed oldest first from the cursor's start (dlt's `incremental("started_at",
lag=...)`), so a second run asks only for what started since the last one, less the lag window. A session that
was LIVE stays in the source's state, and the window reaches back to the oldest of them (up to `live_window`)
until they have ended, so a LIVE session is fetched again, with its participants, on every run until it ends.
The participants, peer reports and files of a session are fetched when the session is new to the dataset or
was LIVE at the last run; sessions the lag window lists again, already loaded as ENDED, are merged (no
duplicate) and cost no further calls. Peer reports or files asked for on a later run than the first (say,
`peer_reports=True` after runs without) are caught up: the listing reaches back to `since` (for files, to the
7 days), and those sessions' reports or files are fetched once.

Every call goes through one client with `rate_limit` on (Cloudflare's 1,200 requests per 5 minutes unless the
caller's client says otherwise) and `max_retry_after=300`; the per-session calls are fanned out a few at a time
(`fan_out`). A run that is interrupted leaves the state as the last completed load left it: the next run lists
from there again, and the merges make the rows it loads twice count once.
"""

from __future__ import annotations

import datetime
import typing
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

import attrs
import dlt
from dlt.common.destination import TLoaderFileFormat
from dlt.common.schema.typing import TColumnSchema, TFileFormat, TSchemaContract
from dlt.sources import DltResource
from realtimekit_sessions import AuthenticatedClient, errors
from realtimekit_sessions.api.sessions import (
    get_participant_data_from_peer_id,
    get_session_chat,
    get_session_participants,
    get_session_summary,
    get_session_transcripts,
    get_sessions,
)
from realtimekit_sessions.fanout import fan_out
from realtimekit_sessions.models import (
    AudioConsumerStats,
    AudioProducerStats,
    ChatMessage,
    Participant,
    PeerEvent,
    PeerMetadata,
    PeerQuality,
    PeerReportParticipant,
    Session,
    VideoConsumerStats,
    VideoProducerStats,
)
from realtimekit_sessions.transcripts import TranscriptLine, read_transcript
from realtimekit_sessions.types import read_csv

from .columns import columns_for, fields_of, row

TABLES = (
    "sessions",
    "participants",
    "participants__peer_events",
    "peer_reports",
    "peer_reports__quality_samples",
    "chat_messages",
    "transcript_lines",
    "summaries",
)
# Chats, transcripts and summaries are kept by the API for 7 days.
FILES_LIFETIME = datetime.timedelta(days=7)
# Types follow the spec; a new field becomes a new column; a value of another type than the spec's stops the
# load (and says which column) rather than splitting the column into variants.
CONTRACT: TSchemaContract = {"tables": "evolve", "columns": "evolve", "data_type": "freeze"}

T = TypeVar("T")
_STATE = "realtimekit"
# Before any RealtimeKit session: the listing's start when a part is caught up on every session (`since` bounds it).
_EARLIEST = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)

# ---- Column hints, once, from the models ---------------------------------------------------------------------

SESSION_COLUMNS = columns_for(Session)
PARTICIPANT_COLUMNS: dict[str, TColumnSchema] = {
    **columns_for(Participant, nested=frozenset({"peer_events"})),
    "session_id": {"name": "session_id", "data_type": "text", "nullable": False},
}
PEER_EVENT_COLUMNS = columns_for(PeerEvent)
# PeerQuality's sample lists (audio_producer, ...): their rows go to the nested quality_samples table.
_QUALITY_LISTS = tuple(key for _, key, _ in fields_of(PeerQuality) if not key.endswith("_cumulative"))
PEER_REPORT_COLUMNS: dict[str, TColumnSchema] = {
    **columns_for(PeerReportParticipant, skip=frozenset({"peer_events", "peer_report"})),
    **columns_for(PeerMetadata, prefix="metadata__"),
    **columns_for(PeerQuality, skip=frozenset(_QUALITY_LISTS), prefix="quality__"),
    "session_id": {"name": "session_id", "data_type": "text", "nullable": False},
}
SAMPLE_COLUMNS: dict[str, TColumnSchema] = {
    **columns_for(AudioProducerStats),
    **columns_for(AudioConsumerStats),
    **columns_for(VideoProducerStats),
    **columns_for(VideoConsumerStats),
    "kind": {"name": "kind", "data_type": "text", "nullable": False},
}
CHAT_COLUMNS: dict[str, TColumnSchema] = {
    **columns_for(ChatMessage),
    "sessionId": {"name": "sessionId", "data_type": "text", "nullable": False},
}


def _transcript_columns() -> dict[str, TColumnSchema]:
    """From TranscriptLine's fields: offsets into the call (timedelta) as seconds, the rest text."""
    hints = typing.get_type_hints(TranscriptLine)
    columns: dict[str, TColumnSchema] = {
        field.name: {
            "name": field.name,
            "data_type": "double"
            if datetime.timedelta in typing.get_args(hints[field.name]) + (hints[field.name],)
            else "text",
            "nullable": True,
        }
        for field in attrs.fields(TranscriptLine)
    }
    columns["session_id"] = {"name": "session_id", "data_type": "text", "nullable": False}
    columns["line_no"] = {"name": "line_no", "data_type": "bigint", "nullable": False}
    return columns


TRANSCRIPT_COLUMNS = _transcript_columns()
SUMMARY_COLUMNS: dict[str, TColumnSchema] = {
    "session_id": {"name": "session_id", "data_type": "text", "nullable": False},
    "summary": {"name": "summary", "data_type": "text", "nullable": True},
    "content_type": {"name": "content_type", "data_type": "text", "nullable": True},
}


# ---- The source ----------------------------------------------------------------------------------------------


def default_client() -> AuthenticatedClient:
    """A client from the environment with the rate limit on and Cloudflare's five-minute block sat out."""
    return AuthenticatedClient(rate_limit=True, max_retry_after=300, max_retries=5)


def _iso(value: Any) -> str | None:
    return value.isoformat() if isinstance(value, datetime.datetime) else None


def _as_datetime(value: Any) -> datetime.datetime | None:
    if isinstance(value, datetime.datetime):
        return value
    if isinstance(value, str):
        return datetime.datetime.fromisoformat(value)
    return None


# Nested objects are flattened into columns (quality__audio_consumer_cumulative__quality_mos__avg); which lists
# become nested tables is said by the hints: only peer_events and quality_samples, every other list is JSON.
@dlt.source(name="realtimekit_sessions", max_table_nesting=4, schema_contract=CONTRACT)
def realtimekit_source(
    account_id: str = dlt.config.value,
    app_id: str = dlt.config.value,
    client: Any = None,
    since: datetime.datetime | None = None,
    lag: float = 3600.0,
    live_window: float = 2 * 86400.0,
    peer_reports: bool = False,
    downloads: bool = True,
    max_in_flight: int = 4,
    per_page: int = 100,
    file_format: TLoaderFileFormat | None = "parquet",
) -> Iterable[DltResource]:
    """RealtimeKit sessions, participants, peer events, (opt-in) peer reports, chats, transcripts and summaries.

    The source reads its progress (the newest start loaded, the sessions LIVE last time) when it is made: make it
    after `pipeline.sync_destination()`, as `realtimekit-sessions load` does, so that a dataset new to the
    pipeline (or a new folder's file) is read as the first run it is.

    Args:
        account_id, app_id: the Cloudflare account and the RealtimeKit app.
        client: an AuthenticatedClient (default: from the environment, `rate_limit=True`, `max_retry_after=300`).
        since: the earliest session start to load on the first run (default: all the API lists).
        lag: seconds the incremental window reaches back behind the newest start loaded (default an hour).
        live_window: how long a session may stay LIVE and still be fetched again (default two days).
        peer_reports: also load each participant's peer report (one call per participant).
        downloads: load chats, transcripts and summaries of sessions that ended within the last 7 days.
        max_in_flight: calls per session fanned out at once (they share the client's rate limit).
        per_page: sessions and participants asked for per page (servers may cap it: paging copes).
        file_format: the load files' format where the destination takes it (default parquet: DuckDB reads
            it with read_parquet, where dlt's default for DuckDB, INSERT ... VALUES statements of up to 16 MB,
            costs DuckDB about 2 s and hundreds of MB per MB of SQL); a destination that does not take it gets
            its own (dlt logs a warning). None: dlt's choice, or `pipeline.run(loader_file_format=...)`'s.
    """
    api: AuthenticatedClient = client if client is not None else default_client()
    # None: dlt's "preferred", the destination's own (or pipeline.run(loader_file_format=...)'s).
    files: TFileFormat = file_format or "preferred"
    if since is not None and since.tzinfo is None:
        since = since.replace(tzinfo=datetime.UTC)
    state = dlt.current.source_state().get(_STATE, {})
    # What the last completed run left: sessions still LIVE then (id -> started_at), and the newest start loaded.
    was_live: dict[str, str] = dict(state.get("live", {}))
    newest_before = _as_datetime(state.get("newest_started"))
    now = datetime.datetime.now(datetime.UTC)
    stretch = lag
    oldest_live = min((moment for s in was_live.values() if (moment := _as_datetime(s))), default=None)
    if (
        oldest_live is not None
        and newest_before is not None
        and oldest_live >= now - datetime.timedelta(seconds=live_window)
    ):
        stretch = max(lag, (newest_before - oldest_live).total_seconds() + 1.0)
    # The optional parts the last completed run loaded (a state of before they were kept: as this run's). A part
    # asked for now and not then is caught up: peer reports for every session listed from the start (`since`),
    # files for every session that may have ended within their 7 days; the listing reaches back that far.
    parts = {name for name, wanted in (("peer_reports", peer_reports), ("downloads", downloads)) if wanted}
    loaded_parts = set(state.get("parts", parts))
    reports_behind = newest_before is not None and "peer_reports" in parts - loaded_parts
    files_behind = newest_before is not None and "downloads" in parts - loaded_parts
    if newest_before is not None and (reports_behind or files_behind):
        back_to = _EARLIEST if reports_behind else now - FILES_LIFETIME - datetime.timedelta(seconds=live_window)
        stretch = max(stretch, (newest_before - back_to).total_seconds() + 1.0)

    def needs_details(session: dict[str, Any], behind: bool) -> bool:
        """New to the dataset, LIVE, or LIVE at the last run (or the part `behind`, not loaded by the last run):
        its participants and files are (re)fetched."""
        if behind or session["id"] in was_live or session.get("status") == "LIVE" or newest_before is None:
            return True
        started = session.get("started_at")
        return not isinstance(started, datetime.datetime) or started >= newest_before

    @dlt.resource(
        name="sessions",
        primary_key="id",
        write_disposition="merge",
        columns=SESSION_COLUMNS,
        file_format=files,
    )
    def sessions(
        # dlt reads the incremental from the argument's default: its documented way, hence noqa.
        started_at: dlt.sources.incremental[datetime.datetime] = dlt.sources.incremental(  # noqa: B008
            "started_at", initial_value=since, lag=stretch
        ),
    ) -> Iterator[list[dict[str, Any]]]:
        state = dlt.current.source_state().setdefault(_STATE, {})  # saved with the load, as dlt's own state
        live: dict[str, str] = state.setdefault("live", {})
        state["parts"] = sorted(parts)
        cutoff = now - datetime.timedelta(seconds=live_window)
        for session_id, started in list(live.items()):  # LIVE for longer than live_window: given up on
            if (_as_datetime(started) or now) < cutoff:
                del live[session_id]
        query: dict[str, Any] = {"sort_by": "createdAt", "sort_order": "ASC", "per_page": per_page}
        if started_at.start_value is not None:
            query["start_time"] = started_at.start_value
        batch: list[dict[str, Any]] = []
        for session in get_sessions.iter_all(account_id, app_id, client=api, **query):
            item = row(session)
            began = item.get("started_at")
            if session.status == "LIVE":
                live[session.id] = _iso(began) or now.isoformat()
            else:
                live.pop(session.id, None)
            newest = _as_datetime(state.get("newest_started"))
            if isinstance(began, datetime.datetime) and (newest is None or began > newest):
                state["newest_started"] = began.isoformat()
            batch.append(item)
            if len(batch) >= per_page:
                yield batch
                batch = []
        if batch:
            yield batch

    def fanned(call: Callable[[str], T], ids: list[str]) -> Iterator[tuple[str, T]]:
        return fan_out(call, ids, max_in_flight=max_in_flight)

    @dlt.transformer(
        name="participants",
        data_from=sessions,
        file_format=files,
        primary_key=("session_id", "id"),
        write_disposition="merge",
        columns=PARTICIPANT_COLUMNS,
        nested_hints={"peer_events": dlt.mark.make_nested_hints(columns=PEER_EVENT_COLUMNS)},
    )
    def participants(batch: list[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
        def fetch(session_id: str) -> list[Participant]:
            return list(
                get_session_participants.iter_all(
                    account_id, app_id, session_id, client=api, include_peer_events=True, per_page=per_page
                )
            )

        for session_id, people in fanned(fetch, [s["id"] for s in batch if needs_details(s, reports_behind)]):
            if people:
                yield [{**row(person), "session_id": session_id} for person in people]

    yield sessions
    yield participants

    if peer_reports:

        @dlt.transformer(
            name="peer_reports",
            data_from=participants,
            file_format=files,
            primary_key=("session_id", "id"),
            write_disposition="merge",
            columns=PEER_REPORT_COLUMNS,
            nested_hints={"quality_samples": dlt.mark.make_nested_hints(columns=SAMPLE_COLUMNS)},
        )
        def peer_report_rows(people: list[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
            def fetch(peer_id: str) -> PeerReportParticipant | None:
                try:
                    found = get_participant_data_from_peer_id.sync(account_id, app_id, peer_id, client=api)
                except errors.NotFoundError:
                    return None
                report = found.data.participant if found.data else None
                return report or None

            session_of = {person["id"]: person["session_id"] for person in people if person.get("id")}
            rows = []
            for peer_id, report in fanned(fetch, list(session_of)):
                if report:
                    rows.append(_peer_report_row(report, session_of[peer_id]))
            if rows:
                yield rows

        yield peer_report_rows

    if downloads:

        def recent_ended(batch: list[dict[str, Any]]) -> list[str]:
            cutoff = datetime.datetime.now(datetime.UTC) - FILES_LIFETIME
            return [
                s["id"]
                for s in batch
                if s.get("status") == "ENDED"
                and needs_details(s, files_behind)
                and isinstance(end := s.get("ended_at") or s.get("started_at"), datetime.datetime)
                and end >= cutoff
            ]

        def fetch_or_none(download: Callable[[str], T]) -> Callable[[str], T | None]:
            def fetch(session_id: str) -> T | None:
                try:
                    return download(session_id)
                except errors.NotFoundError:  # no chat, transcript or summary for this session
                    return None

            return fetch

        # Each session's rows replace the ones loaded before for it (a transcript may be re-made shorter).
        # Typed Any: dlt.transformer's annotation of write_disposition omits the dict form dlt.resource's has.
        replace_per_session: Any = {"disposition": "merge", "strategy": "delete-insert"}

        @dlt.transformer(
            name="chat_messages",
            data_from=sessions,
            file_format=files,
            primary_key=("session_id", "id"),
            columns=CHAT_COLUMNS,
            write_disposition=replace_per_session,
            merge_key="session_id",
        )
        def chat_messages(batch: list[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
            def fetch(session_id: str) -> list[ChatMessage]:
                got = get_session_chat.download(account_id, app_id, session_id, client=api)
                return read_csv(got.content, ChatMessage.from_dict)

            for session_id, messages in fanned(fetch_or_none(fetch), recent_ended(batch)):
                if messages:
                    yield [{**row(message), "sessionId": session_id} for message in messages]

        @dlt.transformer(
            name="transcript_lines",
            data_from=sessions,
            file_format=files,
            primary_key=("session_id", "line_no"),
            columns=TRANSCRIPT_COLUMNS,
            write_disposition=replace_per_session,
            merge_key="session_id",
        )
        def transcript_lines(batch: list[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
            def fetch(session_id: str) -> list[TranscriptLine]:
                got = get_session_transcripts.download(account_id, app_id, session_id, client=api, format_="CSV")
                return read_transcript(got.content, "CSV")

            for session_id, lines in fanned(fetch_or_none(fetch), recent_ended(batch)):
                if lines:
                    yield [
                        {**line.to_dict(), "session_id": session_id, "line_no": number}
                        for number, line in enumerate(lines, start=1)
                    ]

        @dlt.transformer(
            name="summaries",
            data_from=sessions,
            file_format=files,
            primary_key="session_id",
            columns=SUMMARY_COLUMNS,
            write_disposition=replace_per_session,
            merge_key="session_id",
        )
        def summaries(batch: list[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
            def fetch(session_id: str) -> Any:
                return get_session_summary.download(account_id, app_id, session_id, client=api)

            found = [
                {"session_id": session_id, "summary": got.text, "content_type": got.content_type}
                for session_id, got in fanned(fetch_or_none(fetch), recent_ended(batch))
                if got is not None
            ]
            if found:
                yield found

        yield chat_messages
        yield transcript_lines
        yield summaries


def _peer_report_row(report: PeerReportParticipant, session_id: str) -> dict[str, Any]:
    data = row(report)
    data.pop("peer_events", None)
    body = data.pop("peer_report", None) or {}
    data["session_id"] = data.get("session_id") or session_id
    if isinstance(body.get("metadata"), dict):
        data["metadata"] = body["metadata"]
    quality = body.get("quality")
    samples = []
    if isinstance(quality, dict):
        data["quality"] = {key: value for key, value in quality.items() if key not in _QUALITY_LISTS}
        for kind in _QUALITY_LISTS:
            for sample in quality.get(kind) or ():
                if isinstance(sample, dict):
                    samples.append({**sample, "kind": kind})
    data["quality_samples"] = samples
    return data
