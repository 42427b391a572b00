"""The download helpers (chat, transcript, summary) meet the same bad bodies as the plain calls.

A download first reads the API's answer for the file's URL, then fetches it. Whatever that answer holds, the
helper must end in a Download or in one of the client's documented exceptions (errors.APIError and below),
never in a TypeError or an httpx exception from a URL that is not one.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st
from realtimekit_sessions import errors
from realtimekit_sessions.types import Download
from realtimekit_tools.testing.fault_server import FaultServer, Respond, Script
from suite_support import Mutated, count, make_client, mutated_bodies, operation_module, path_arguments

API_HOST = "api.cloudflare.com"
URL_FIELDS = {
    "get_session_chat": ("chat_download_url", "chat_download_url_expiry"),
    "get_session_transcripts": ("transcript_download_url", "transcript_download_url_expiry"),
    "get_session_summary": ("summaryDownloadUrl", "summaryDownloadUrlExpiry"),
}
BAD_URLS: list[Any] = [
    42,
    None,
    ["https://files.example.com/a.csv"],
    {"href": "https://files.example.com/a.csv"},
    "http://[::1",
    "https://files.example.com/\x00a.csv",
    "",
    "/relative/a.csv",
    "ftp://files.example.com/a.csv",
]


def download(operation_id: str, client: Any, *, use_async: bool) -> Download:
    module = operation_module(operation_id)
    arguments = path_arguments(operation_id)
    if use_async:

        async def run() -> Download:
            async with client:
                result: Download = await module.adownload(*arguments, client=client)
                return result

        return asyncio.run(run())
    with client:
        result: Download = module.download(*arguments, client=client)
        return result


@pytest.mark.parametrize("url", BAD_URLS, ids=[repr(url)[:30] for url in BAD_URLS])
def test_a_download_url_that_is_not_one_ends_in_a_documented_error(
    url: Any, start_server: Callable[[Script], FaultServer]
) -> None:
    # A real server and httpx's real transport: nothing here can reach beyond 127.0.0.1, since none of these
    # URLs names a host that could be connected to. Every helper, sync and async, in one test per URL.
    wrong = []
    for operation_id, (url_field, expiry_field) in sorted(URL_FIELDS.items()):
        data = {
            "sessionId": "5e3b5a0c-2a8f-4c38-8d0e-3f0d2b9c7a11",
            url_field: url,
            expiry_field: "2099-01-01T00:00:00Z",
        }
        api = start_server([Respond(200, {"success": True, "data": data})])
        # The body is read (the rest of it is valid), so whatever goes wrong below is the URL's fault.
        reader = make_client(base_url=api.base_url, max_retries=0)
        assert operation_module(operation_id).sync(*path_arguments(operation_id), client=reader).data is not None
        reader.close()
        for use_async in (False, True):
            try:
                download(operation_id, make_client(base_url=api.base_url, max_retries=0), use_async=use_async)
            except errors.APIError:
                continue
            except Exception as exc:  # noqa: BLE001 - what is wrong is exactly that something else came out
                wrong.append(f"{operation_id} {'async' if use_async else 'sync'}: {type(exc).__name__}: {exc}")
            else:
                wrong.append(f"{operation_id} {'async' if use_async else 'sync'}: no error")
    assert not wrong, "\n".join(wrong)


class OfflineTransport(httpx.MockTransport):
    """Answers the API with the body under test and any download host with a small CSV, without a network.
    Refuses schemes the real transport refuses, the way it does, so that a URL no real transport would take
    is not answered here either."""

    def __init__(self, api_body: bytes, content_type: str | None) -> None:
        self.api_body, self.content_type = api_body, content_type
        super().__init__(self.answer)

    def answer(self, request: httpx.Request) -> httpx.Response:
        if request.url.scheme not in ("http", "https") or not request.url.host:
            raise httpx.UnsupportedProtocol(f"unsupported URL {request.url!r}", request=request)
        if request.url.host == API_HOST:
            headers = {"content-type": self.content_type} if self.content_type else {}
            return httpx.Response(200, headers=headers, content=self.api_body)
        return httpx.Response(200, headers={"content-type": "text/csv"}, content=b"a,b\n1,2\n")


@pytest.mark.parametrize("operation_id", sorted(URL_FIELDS))
def test_every_broken_body_through_download_ends_in_a_download_or_a_typed_error(operation_id: str) -> None:
    @given(mutated=mutated_bodies(operation_id), use_async=st.booleans())
    def run(mutated: Mutated, use_async: bool) -> None:
        count(operation_id, "download")
        client = make_client(OfflineTransport(mutated.content, mutated.content_type), max_retries=0)
        try:
            result = download(operation_id, client, use_async=use_async)
        except errors.APIError as exc:
            assert str(exc)
        else:
            assert type(result) is Download

    run()
