"""In-process httpx transports that answer from a script and remember every request they saw."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx

from ..recording import Recording

Answer = httpx.Response | Callable[[httpx.Request], httpx.Response] | Exception


def json_response(status: int, body: Any, headers: dict[str, str] | None = None) -> httpx.Response:
    return httpx.Response(
        status, content=json.dumps(body).encode(), headers={"content-type": "application/json", **(headers or {})}
    )


class Script:
    """Answers requests in order from a list of responses, callables or exceptions (the last one repeats),
    recording each request. Use as `httpx.MockTransport(script)`."""

    def __init__(self, *answers: Answer) -> None:
        if not answers:
            raise ValueError("a script needs at least one answer")
        self.answers = list(answers)
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        answer = self.answers.pop(0) if len(self.answers) > 1 else self.answers[0]
        if isinstance(answer, Exception):
            raise answer
        if callable(answer):
            return answer(request)
        return answer


@dataclass
class Canned:
    """One canned answer, the same every time, and the requests that asked for it."""

    content: bytes
    content_type: str | None = "application/json"
    status: int = 200

    def __post_init__(self) -> None:
        self.sent: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.sent.append(request)
        headers = {"content-type": self.content_type} if self.content_type else {}
        return httpx.Response(self.status, headers=headers, content=self.content)


def replay_transport(recording: Recording, sent: list[httpx.Request]) -> httpx.MockTransport:
    """A transport that answers every request with the recording's response, appending each to `sent`."""
    response = recording.response
    content = response.content

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(response.status, headers=dict(response.headers), content=content)

    return httpx.MockTransport(answer)
