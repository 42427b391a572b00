"""Download helpers: the file comes from the storage host without the token; expired links are renewed once."""

from __future__ import annotations

import httpx
import pytest
from realtimekit_sessions import errors
from realtimekit_sessions.api.sessions import get_session_chat, get_session_summary, get_session_transcripts
from realtimekit_sessions.models import ChatMessage
from realtimekit_sessions.types import read_csv

from .conftest import ACCOUNT, APP, SESSION, TOKEN, json_response

CHAT_CSV = (
    "\ufeffid,participantId,sessionId,meetingId,displayName,pinned,isEdited,payloadType,payload,createdAt,reactions\n"
    'm-1,p-1,s-1,mt-1,Priya N.,false,false,TEXT_MESSAGE,"Hello, everyone",2025-03-14T09:01:00.000Z,\n'
    "m-2,p-2,s-1,mt-1,Tomás R.,true,true,TEXT_MESSAGE,Hi!,2025-03-14T09:01:30.000Z,2\n"
).encode()


class Storage:
    """A storage host answering signed URLs: `expired` names links it answers 403 to."""

    def __init__(self, expired: set[str] = frozenset()) -> None:  # type: ignore[assignment]
        self.expired = expired
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if request.url.params.get("sig") in self.expired:
            return httpx.Response(
                403, content=b"<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>"
            )
        return httpx.Response(200, content=CHAT_CSV, headers={"content-type": "text/csv"})


def _chat_link(signature: str, expiry: str = "2999-01-01T00:00:00Z") -> httpx.Response:
    url = f"https://files.example.net/chat/{SESSION}.csv?sig={signature}"
    return json_response(200, {"success": True, "data": {"chat_download_url": url, "chat_download_url_expiry": expiry}})


def _router(api_answers: list[httpx.Response], storage: Storage):
    api_requests: list[httpx.Request] = []

    def route(request: httpx.Request) -> httpx.Response:
        if request.url.host == "files.example.net":
            return storage(request)
        api_requests.append(request)
        return api_answers.pop(0)

    return route, api_requests


def _client(route) -> object:
    from realtimekit_sessions import AuthenticatedClient

    return AuthenticatedClient(
        token=TOKEN, base_url="https://api.example.com/client/v4", httpx_args={"transport": httpx.MockTransport(route)}
    )


def test_download_fetches_the_file_without_the_token() -> None:
    storage = Storage()
    route, api_requests = _router([_chat_link("one")], storage)
    download = get_session_chat.download(ACCOUNT, APP, SESSION, client=_client(route))
    assert download.content == CHAT_CSV and download.content_type == "text/csv"
    assert api_requests[0].headers["authorization"] == f"Bearer {TOKEN}"
    assert "authorization" not in storage.requests[0].headers
    assert "sig=one" not in repr(download) and "<signed>" in repr(download)


def test_an_expired_link_is_renewed_once() -> None:
    storage = Storage(expired={"old"})
    route, api_requests = _router([_chat_link("old"), _chat_link("new")], storage)
    download = get_session_chat.download(ACCOUNT, APP, SESSION, client=_client(route))
    assert download.content == CHAT_CSV
    assert len(api_requests) == 2 and [r.url.params["sig"] for r in storage.requests] == ["old", "new"]


def test_a_link_past_its_expiry_is_renewed_before_fetching() -> None:
    storage = Storage()
    route, api_requests = _router([_chat_link("stale", "2001-01-01T00:00:00Z"), _chat_link("fresh")], storage)
    get_session_chat.download(ACCOUNT, APP, SESSION, client=_client(route))
    assert [r.url.params["sig"] for r in storage.requests] == ["fresh"] and len(api_requests) == 2


def test_a_link_that_stays_expired_raises_the_storage_error() -> None:
    storage = Storage(expired={"old", "new"})
    route, _ = _router([_chat_link("old"), _chat_link("new")], storage)
    with pytest.raises(errors.PermissionDeniedError) as caught:
        get_session_chat.download(ACCOUNT, APP, SESSION, client=_client(route))
    assert "sig=" not in str(caught.value) and "/chat/" in str(caught.value)


async def test_async_download_of_transcript_and_summary() -> None:
    storage = Storage()
    transcript = {
        "success": True,
        "data": {
            "sessionId": SESSION,
            "transcript_download_url": "https://files.example.net/t.vtt?sig=t",
            "transcript_download_url_expiry": "2999-01-01T00:00:00Z",
        },
    }
    summary = {
        "success": True,
        "data": {
            "sessionId": SESSION,
            "summaryDownloadUrl": "https://files.example.net/s.txt?sig=s",
            "summaryDownloadUrlExpiry": "2999-01-01T00:00:00Z",
        },
    }
    route, api_requests = _router([json_response(200, transcript), json_response(200, summary)], storage)
    client = _client(route)
    await get_session_transcripts.adownload(ACCOUNT, APP, SESSION, client=client, format_="VTT")
    await get_session_summary.adownload(ACCOUNT, APP, SESSION, client=client)
    assert dict(api_requests[0].url.params) == {"format": "VTT"}
    assert [r.url.path for r in storage.requests] == ["/t.vtt", "/s.txt"]
    assert all("authorization" not in r.headers for r in storage.requests)


def test_chat_csv_reads_into_typed_rows() -> None:
    rows = read_csv(CHAT_CSV, ChatMessage.from_dict)
    assert [row.display_name for row in rows] == ["Priya N.", "Tomás R."]
    assert rows[0].payload == "Hello, everyone" and rows[0].pinned is False and rows[1].is_edited is True
    assert rows[1].created_at.isoformat() == "2025-03-14T09:01:30+00:00"
    assert rows[1]["reactions"] == "2" and "reactions" not in rows[0]


def test_a_bad_csv_row_names_its_line() -> None:
    with pytest.raises(errors.ModelParseError, match="CSV line 3"):
        read_csv(b"id,createdAt\nm-1,2025-03-14T09:01:00Z\nm-2,\n", _needs_created_at)


def _needs_created_at(row: dict) -> ChatMessage:
    if "createdAt" not in row:
        raise errors.ModelParseError("missing createdAt")
    return ChatMessage.from_dict(row)
