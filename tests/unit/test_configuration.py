"""Defaults and settings: token and base URL from the environment, timeouts, User-Agent, secrets kept out."""

from __future__ import annotations

import httpx
import pytest
from realtimekit_sessions import AuthenticatedClient, __version__
from realtimekit_sessions.api.sessions import get_session_chat
from realtimekit_sessions.client import DEFAULT_BASE_URL
from realtimekit_sessions.errors import ConfigurationError

from .conftest import ACCOUNT, APP, CHAT_OK, SESSION, TOKEN, json_response


def test_token_and_base_url_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLOUDFLARE_API_TOKEN", TOKEN)
    monkeypatch.setenv("CLOUDFLARE_BASE_URL", "https://proxy.example.com/cf/v4")
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return json_response(200, CHAT_OK)

    client = AuthenticatedClient(httpx_args={"transport": httpx.MockTransport(answer)})
    get_session_chat.sync(ACCOUNT, APP, SESSION, client=client)
    assert seen[0].headers["authorization"] == f"Bearer {TOKEN}"
    assert str(seen[0].url).startswith("https://proxy.example.com/cf/v4/accounts/")


def test_base_url_defaults_to_cloudflare(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CLOUDFLARE_BASE_URL", raising=False)
    assert AuthenticatedClient(token=TOKEN).base_url == DEFAULT_BASE_URL == "https://api.cloudflare.com/client/v4"


def test_missing_token_is_a_configuration_error_that_says_what_to_do(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CLOUDFLARE_API_TOKEN", raising=False)
    with pytest.raises(ConfigurationError, match="CLOUDFLARE_API_TOKEN"):
        AuthenticatedClient()


def test_user_agent_names_package_and_version(make_client) -> None:
    client, script = make_client(json_response(200, CHAT_OK))
    get_session_chat.sync(ACCOUNT, APP, SESSION, client=client)
    assert script.requests[0].headers["user-agent"].startswith(f"realtimekit-sessions/{__version__} ")


def test_timeouts_default_to_5s_connect_and_60s_read_and_can_be_overridden(make_client) -> None:
    client, script = make_client(json_response(200, CHAT_OK))
    get_session_chat.sync(ACCOUNT, APP, SESSION, client=client)
    get_session_chat.sync(ACCOUNT, APP, SESSION, client=client, timeout=2.5)
    default, per_call = (request.extensions["timeout"] for request in script.requests)
    assert default == {"connect": 5.0, "read": 60.0, "write": 60.0, "pool": 60.0}
    assert per_call == {"connect": 2.5, "read": 2.5, "write": 2.5, "pool": 2.5}

    short, script = make_client(json_response(200, CHAT_OK), timeout=httpx.Timeout(7.0, connect=1.0))
    get_session_chat.sync(ACCOUNT, APP, SESSION, client=short)
    assert script.requests[0].extensions["timeout"]["connect"] == 1.0


def test_insecure_http_can_be_allowed_explicitly() -> None:
    client = AuthenticatedClient(token=TOKEN, base_url="http://api.example.com", allow_insecure_http=True)
    assert client.base_url == "http://api.example.com"


def test_configured_cookies_are_sent_and_cookies_an_answer_sets_are_not_kept(make_client) -> None:
    answer = json_response(200, CHAT_OK, {"set-cookie": "__cf_bm=tracking; Path=/; Secure"})
    client, script = make_client(answer, cookies={"pref": "1"})
    get_session_chat.sync(ACCOUNT, APP, SESSION, client=client)
    get_session_chat.sync(ACCOUNT, APP, SESSION, client=client)
    assert [request.headers.get("cookie") for request in script.requests] == ["pref=1", "pref=1"]


def _ssl_context_of(http: httpx.Client | httpx.AsyncClient) -> object:
    return http._transport._pool._ssl_context  # type: ignore[union-attr]


def test_a_context_of_ones_own_or_http2_or_a_client_cert_or_ssl_cert_file_is_not_the_shared_one(
    monkeypatch: pytest.MonkeyPatch, tmp_path
) -> None:
    import ssl

    import certifi

    monkeypatch.delenv("SSL_CERT_DIR", raising=False)
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    # (test_speed_settings: every pool, sync and per event loop, on both transports, shares one)
    shared = _ssl_context_of(AuthenticatedClient(token=TOKEN).with_headers({"X-Trace": "1"}).get_httpx_client())
    own = ssl.create_default_context()
    assert _ssl_context_of(AuthenticatedClient(token=TOKEN, verify_ssl=own).get_httpx_client()) is own
    # httpcore sets ALPN on the context for each connection, so HTTP/2 clients get a context of their own.
    from realtimekit_sessions.client import shared_verify

    assert shared_verify(True, {}) is shared
    assert shared_verify(True, {"http2": True}) is not shared
    # httpcore sets an HTTP/2 client's context to offer h2 on each connection; aiohttp speaks HTTP/1.1 only, so
    # it never gets that context (a server would pick h2 and aiohttp would be disconnected).
    assert shared_verify(True, {"http2": True}, aiohttp=True) is not shared_verify(True, {"http2": True})
    assert shared_verify(True, {"http2": True}, aiohttp=True) is shared_verify(True, {}, aiohttp=True)
    assert shared_verify(True, {"cert": "client.pem"}) is True  # httpx would load it into the context
    # SSL_CERT_FILE, as httpx reads it, when the client is built.
    bundle = tmp_path / "one-ca.pem"
    bundle.write_text(certifi.contents().split("-----END CERTIFICATE-----")[0] + "-----END CERTIFICATE-----\n")
    monkeypatch.setenv("SSL_CERT_FILE", str(bundle))
    from_env = _ssl_context_of(AuthenticatedClient(token=TOKEN).get_httpx_client())
    assert from_env is not shared and len(from_env.get_ca_certs()) == 1  # type: ignore[attr-defined]
    no_env = AuthenticatedClient(token=TOKEN, httpx_args={"trust_env": False}).get_httpx_client()
    assert len(_ssl_context_of(no_env).get_ca_certs()) > 1  # type: ignore[attr-defined]
