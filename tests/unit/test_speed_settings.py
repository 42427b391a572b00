"""What issue 13's speed-ups promise besides speed: lazy imports, the collector's pause, the async transport
setting and the URLs requests are sent to. No test here times anything (make bench does)."""

from __future__ import annotations

import gc
import subprocess
import sys
import threading
from urllib.parse import quote, urlencode

import httpx
import pytest
from realtimekit_sessions import AuthenticatedClient, errors
from realtimekit_sessions._models import PAUSE_COLLECTOR_BYTES, collector_paused, read_json
from realtimekit_sessions._transport import _absolute, build_request


def run_python(code: str) -> str:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()


def test_one_operation_imports_neither_every_model_nor_asyncio() -> None:
    loaded = run_python(
        "import sys\n"
        "from realtimekit_sessions import AuthenticatedClient\n"
        "from realtimekit_sessions.api.sessions import get_session_chat\n"
        "AuthenticatedClient(token='t')\n"
        "print(len([m for m in sys.modules if m.startswith('realtimekit_sessions.models.')]), 'asyncio' in sys.modules)"
    )
    count, asyncio_loaded = loaded.split()
    assert int(count) < 10 and asyncio_loaded == "False"


def test_every_model_is_still_a_name_of_models() -> None:
    from realtimekit_sessions import models

    for name in models.__all__:
        value = getattr(models, name)  # a model class, or an alias (ClientEventMetadata = dict[str, Any])
        assert not isinstance(value, type) or value.__name__ == name
        assert name in dir(models)
    with pytest.raises(AttributeError):
        models.NoSuchModel  # noqa: B018
    from realtimekit_sessions.models import Participant, Session  # the from-import form works too

    assert Session.__module__.endswith(".session") and Participant is models.Participant


@pytest.mark.parametrize("enabled", [True, False])
def test_the_collector_pause_restores_what_it_found(enabled: bool) -> None:
    was = gc.isenabled()
    try:
        (gc.enable if enabled else gc.disable)()
        with collector_paused():
            assert not gc.isenabled()
        assert gc.isenabled() is enabled
        with pytest.raises(RuntimeError), collector_paused():
            raise RuntimeError("a read that fails")
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()


def test_overlapping_pauses_in_threads_end_with_the_last() -> None:
    assert gc.isenabled()
    first_in, second_in, first_may_leave, first_left = (threading.Event() for _ in range(4))
    seen: list[bool] = []

    def first() -> None:
        with collector_paused():
            first_in.set()
            first_may_leave.wait(5)
        first_left.set()

    def second() -> None:
        with collector_paused():
            second_in.set()
            first_left.wait(5)
            seen.append(gc.isenabled())  # the first read has ended, this one has not: still paused

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    threads[0].start()
    first_in.wait(5)
    threads[1].start()
    second_in.wait(5)
    first_may_leave.set()
    for thread in threads:
        thread.join(5)
    assert seen == [False] and gc.isenabled()


def test_a_large_body_is_read_with_the_collector_paused_and_given_back() -> None:
    from realtimekit_sessions.models import SessionGetSessionsResponse

    session = (
        '{"id":"s","associated_id":"m","created_at":"2025-03-14T09:00:02.118Z","updated_at":"2025-03-14T09:00:02Z",'
        '"started_at":"2025-03-14T09:00:02Z","live_participants":0,"max_concurrent_participants":2,'
        '"meeting_display_name":"x","minutes_consumed":1.5,"organization_id":"o","status":"ENDED","type":"meeting"}'
    )
    count = PAUSE_COLLECTOR_BYTES // len(session) + 1
    body = ('{"success":true,"data":{"sessions":[' + ",".join([session] * count) + "]}}").encode()
    parsed = read_json(SessionGetSessionsResponse, body)
    assert len(parsed.data.sessions) == count and gc.isenabled()


def test_models_have_no_per_assignment_hooks() -> None:
    from realtimekit_sessions.models import Participant, PeerReport, Session

    for model in (Participant, PeerReport, Session):
        assert model.__setattr__ is object.__setattr__


@pytest.mark.parametrize(
    "prefix", ["https://api.cloudflare.com/client/v4", "http://127.0.0.1:8787", "https://u@h.example:8443/a%20b"]
)
@pytest.mark.parametrize("params", [None, {}, {"a": True, "b": "x y/é", "n": 3}])
def test_the_prebuilt_url_is_the_one_httpx_would_parse(prefix: str, params: dict[str, object] | None) -> None:
    request = {"method": "GET", "url": "/accounts/abc/realtime/kit/def/sessions", "params": params}
    url = _absolute(prefix, request)["url"]
    # What the client sent before the URL was prebuilt: the string, with the query encoded by quote().
    pairs = [(k, "true" if v is True else v) for k, v in (params or {}).items()]
    expected = httpx.URL(prefix + request["url"] + (f"?{urlencode(pairs, quote_via=quote)}" if params else ""))
    assert url == expected and str(url) == str(expected)
    assert (url.scheme, url.host, url.port, url.raw_path) == (
        expected.scheme,
        expected.host,
        expected.port,
        expected.raw_path,
    )


def _as_sent(request: httpx.Request) -> tuple[object, ...]:
    stream = (type(request.stream), b"".join(request.stream))  # type: ignore[arg-type]
    return (request.method, str(request.url), request.headers.raw, request.extensions, request.read(), stream)


@pytest.mark.parametrize(
    "settings",
    [
        {},
        {"headers": {"X-Team": "data"}, "timeout": 7.5},
        {"cookies": {"c": "1"}},
        {"httpx_args": {"params": {"q": 1}}},
    ],
)
@pytest.mark.parametrize("method", ["GET", "POST"])
@pytest.mark.parametrize("timeout", [None, 2.0, httpx.Timeout(3.0, connect=1.0), "unset"])
def test_requests_are_built_as_httpx_builds_them(settings: dict[str, object], method: str, timeout: object) -> None:
    http = AuthenticatedClient(token="t", base_url="https://api.example/client/v4", **settings).get_httpx_client()
    request = _absolute("https://api.example/client/v4", {"method": method, "url": "/accounts/a/x", "params": None})
    if timeout != "unset":
        request["timeout"] = timeout
    for _ in range(2):  # the first is built by httpx and kept; the second is a copy of it
        built = build_request(http, request)
        assert _as_sent(built) == _as_sent(http.build_request(**request))
        built.headers["X-Changed"] = "by a hook"  # a copy: what an auth flow or hook does stays in its request


@pytest.mark.parametrize(
    "settings",
    [
        {},
        {"headers": {"X-Team": "data"}, "timeout": 7.5},
        {"cookies": {"c": "1"}},
        {"httpx_args": {"params": {"q": 1}}},
        {"async_transport": "aiohttp"},
    ],
)
@pytest.mark.parametrize("timeout", [None, 2.0, "unset"])
async def test_async_requests_are_built_as_httpx_builds_them(settings: dict[str, object], timeout: object) -> None:
    async with AuthenticatedClient(token="t", base_url="https://api.example/client/v4", **settings) as client:
        http = client.get_async_httpx_client()
        request = _absolute("https://api.example/client/v4", {"method": "GET", "url": "/accounts/a/x", "params": None})
        if timeout != "unset":
            request["timeout"] = timeout
        for _ in range(2):  # the first is built by httpx and kept; the second is a copy of it
            built = build_request(http, request)
            assert _as_sent(built) == _as_sent(http.build_request(**request))
            built.headers["X-Changed"] = "by a hook"


async def test_async_calls_send_what_httpx_request_would_send() -> None:
    """send_http_async sends build_request's copy through the client's send(), as AsyncClient.request() would send
    its own; a client whose request() is its own still gets called."""
    from realtimekit_sessions._transport import send_http_async

    sent: list[tuple[object, ...]] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(_as_sent(request))
        return httpx.Response(200, json={})

    prefix = "https://api.example/client/v4"
    request = _absolute(prefix, {"method": "GET", "url": "/accounts/a/x", "params": {"page_no": 2, "b": True}})
    async with AuthenticatedClient(token="t", base_url=prefix, httpx_args={"transport": httpx.MockTransport(answer)}) as client:
        http = client.get_async_httpx_client()
        for _ in range(2):
            await send_http_async(http, request, 5.0, 0, True)
        await http.request(**{**request, "timeout": 5.0})
    assert sent[0] == sent[1] == sent[2]

    class Own(httpx.AsyncClient):
        async def request(self, *args: object, **kwargs: object) -> httpx.Response:  # type: ignore[override]
            sent.append(("own",))
            return httpx.Response(200, json={}, request=httpx.Request("GET", "https://api.example/"))

    async with Own() as own:
        await send_http_async(own, request, 5.0, 0, True)
    assert sent[-1] == ("own",)


def test_a_built_request_follows_the_client_when_it_changes() -> None:
    http = AuthenticatedClient(token="t", base_url="https://api.example").get_httpx_client()
    request = _absolute("https://api.example", {"method": "GET", "url": "/a", "params": None})
    build_request(http, request)
    http.headers["X-Later"] = "1"
    http.timeout = httpx.Timeout(9.0)
    assert _as_sent(build_request(http, request)) == _as_sent(http.build_request(**request))
    http.cookies.set("late", "2")
    assert build_request(http, request).headers["cookie"] == "late=2"
    other = _absolute("https://other.example:8443", {"method": "GET", "url": "/a", "params": None})
    assert build_request(http, other).headers["host"] == "other.example:8443"


def test_a_client_that_builds_its_own_requests_is_left_to_it() -> None:
    class Signing(httpx.Client):
        def build_request(self, *args: object, **kwargs: object) -> httpx.Request:  # type: ignore[override]
            request = super().build_request(*args, **kwargs)  # type: ignore[arg-type]
            request.headers["X-Signature"] = "signed"
            return request

    request = _absolute("https://api.example", {"method": "GET", "url": "/a", "params": None})
    assert build_request(Signing(), request).headers["x-signature"] == "signed"
    http = httpx.Client()
    with_body = {**request, "json": {"a": 1}}  # anything besides method, URL and timeout: httpx builds it
    assert _as_sent(build_request(http, with_body)) == _as_sent(http.build_request(**with_body))


def test_the_async_transport_setting_is_checked() -> None:
    with pytest.raises(errors.ConfigurationError, match="async_transport"):
        AuthenticatedClient(token="t", async_transport="curl")  # type: ignore[arg-type]
    client = AuthenticatedClient(token="t", async_transport="aiohttp")
    assert type(client.get_async_httpx_client()).__name__ == "AiohttpClient"
    assert type(AuthenticatedClient(token="t").get_async_httpx_client()) is httpx.AsyncClient


def test_the_aiohttp_setting_names_the_extra_when_it_is_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "httpx_aiohttp" else real(name))
    with pytest.raises(errors.ConfigurationError, match=r"realtimekit-sessions\[aiohttp\]"):
        AuthenticatedClient(token="t", async_transport="aiohttp")


def _ssl_context(http: httpx.Client | httpx.AsyncClient) -> object:
    transport = http._transport
    pool = getattr(transport, "_pool", None)
    return pool._ssl_context if pool is not None else transport.ssl_context  # type: ignore[attr-defined]


def test_pools_share_one_ssl_context_as_httpx_would_build_it(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    import asyncio
    import ssl

    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    monkeypatch.delenv("SSL_CERT_DIR", raising=False)
    contexts = []
    for transport in ("httpx", "aiohttp"):
        client = AuthenticatedClient(token="t", async_transport=transport)
        contexts.append(_ssl_context(client.get_httpx_client()))
        for _ in range(2):  # a pool per event loop, each with the same context (certifi's bundle loaded once)

            async def pool() -> None:
                contexts.append(_ssl_context(client.get_async_httpx_client()))  # noqa: B023
                await client.aclose()  # noqa: B023

            asyncio.run(pool())
        client.close()
    # One for httpx's pools, sync and async, and one for aiohttp's (whose ALPN no HTTP/2 client can change).
    httpx_contexts, aiohttp_contexts = contexts[:3] + contexts[3:4], contexts[4:]
    assert len({id(context) for context in httpx_contexts}) == 1
    assert len({id(context) for context in aiohttp_contexts}) == 1 and aiohttp_contexts[0] is not contexts[0]
    shared = contexts[0]
    assert isinstance(shared, ssl.SSLContext) and shared.verify_mode == ssl.CERT_REQUIRED and shared.check_hostname
    assert shared.cert_store_stats() == httpx.create_ssl_context().cert_store_stats()

    # Not shared where httpx would build another: no verification, trust_env=False, SSL_CERT_FILE, a client cert.
    unverified = _ssl_context(AuthenticatedClient(token="t", verify_ssl=False).get_httpx_client())
    assert unverified is not shared and unverified.verify_mode == ssl.CERT_NONE  # type: ignore[attr-defined]
    no_env = _ssl_context(AuthenticatedClient(token="t", httpx_args={"trust_env": False}).get_httpx_client())
    assert no_env is not shared and isinstance(no_env, ssl.SSLContext)
    import certifi

    monkeypatch.setenv("SSL_CERT_FILE", certifi.where())
    from_env = _ssl_context(AuthenticatedClient(token="t").get_httpx_client())
    assert from_env is not shared and from_env is not no_env
    assert _ssl_context(AuthenticatedClient(token="t").get_httpx_client()) is from_env
