"""Fixtures for the client behaviour tests: an in-process httpx transport that answers from a script and
remembers every request, and a clock that records retry waits instead of sleeping through them."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from realtimekit_sessions import AuthenticatedClient
from realtimekit_tools.testing.transports import Script, json_response

__all__ = ["Script", "json_response"]

ACCOUNT = "023e105f4ecef8ad9ca31a8372d0c353"
APP = "3f9a1c527e444b1da0c26d8e5b7f9a10"
SESSION = "5e3b5a0c-2a8f-4c38-8d0e-3f0d2b9c7a11"
TOKEN = "test-token-6f1e2d3c4b5a69788796a5b4c3d2e1f0"
BASE = "https://api.example.com/client/v4"

CHAT_OK = {
    "success": True,
    "data": {
        "chat_download_url": "https://files.example.net/chat.csv?X-Amz-Signature=abc",
        "chat_download_url_expiry": "2999-01-01T00:00:00.000Z",
    },
}


@pytest.fixture
def make_client() -> Callable[..., tuple[AuthenticatedClient, Script]]:
    def make(*answers: Any, **kwargs: Any) -> tuple[AuthenticatedClient, Script]:
        script = Script(*answers)
        transport = httpx.MockTransport(script)
        kwargs.setdefault("token", TOKEN)
        kwargs.setdefault("base_url", BASE)
        client = AuthenticatedClient(httpx_args={"transport": transport}, **kwargs)
        return client, script

    return make


@pytest.fixture
def waits(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Every retry wait, recorded instead of slept (tenacity sleeps through time.sleep too)."""
    recorded: list[float] = []
    monkeypatch.setattr(time, "sleep", recorded.append)
    return recorded
