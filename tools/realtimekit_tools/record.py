"""Record all nine RealtimeKit Sessions operations against the live API, scrubbed, as contract-suite recordings.

Every request goes through the generated client; an httpx response hook keeps the raw bytes of what came back.
The ids the later calls need (a session, one of its participants, that participant's peer) are found through
the API itself unless given. Before anything is written, secrets and personal data are replaced by
placeholders (see `Scrubber`). Files are written to a temporary folder first and moved into place only once
all nine calls have answered, so a failed run leaves no half recording behind.

    CLOUDFLARE_API_TOKEN=... CLOUDFLARE_ACCOUNT_ID=... REALTIMEKIT_APP_ID=... python -m realtimekit_tools.record --out DIR

Note that generate_summary_of_transcripts is a POST: it asks the API to (re)build the session's summary.
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import ipaddress
import json
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit, urlunsplit

import httpx

from .paths import repo_root
from .recording import Provenance, RecordedRequest, RecordedResponse, Recording, relative_path, write_recording

DEFAULT_OUT = Path("build") / "recordings" / "live"
DEFAULT_CASE = "live"
OPERATION_IDS = (
    "get_sessions",
    "get_session_details",
    "get_session_participants",
    "get_session_participant_details",
    "get_participant_data_from_peer_id",
    "get_session_chat",
    "get_session_transcripts",
    "get_session_summary",
    "generate_summary_of_transcripts",
)
# Response headers worth keeping; everything else (cookies, rate-limit internals, tracing) is dropped.
KEPT_HEADERS = ("content-type", "cf-ray", "retry-after")


class RecordingError(Exception):
    """A run that cannot produce a full recording; the message is one line meant for the user."""


# ---- scrubbing -------------------------------------------------------------------------------------------------

EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
IPV4 = re.compile(r"(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d.])")
IPV6 = re.compile(r"(?<![\w:])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?![\w:])")
JWT = re.compile(r"eyJ[\w-]+\.[\w-]+\.[\w-]+")
URL = re.compile(r"https?://[^\s\"'<>]+")
# Query parameters of signed URLs whose values are credentials (S3/R2 SigV4, CloudFront, GCS, Azure SAS).
SIGNATURE_PARAM = re.compile(
    r"signature|credential|security-token|token|^sig$|key-pair-id|^policy$|googleaccessid", re.IGNORECASE
)
# JSON keys whose values are personal or identifying whatever they look like, and the kind they are counted as.
PERSONAL_KEYS = {
    "display_name": "name",
    "name_of_user": "name",
    "meeting_display_name": "meeting",
    "custom_participant_id": "custom-id",
    "user_agent": "user-agent",
    "city": "city",
    "region": "region",
    "org": "org",
    "email": "email",
    "token": "token",
    "access_token": "token",
    "auth_token": "token",
    "authorization": "token",
}
# Values under keys that end in one of these (compared as `_key`, so authToken, client_secret and API-Key all
# count) are credentials whatever they look like: opaque ones have no shape for the patterns above to find.
SECRET_KEY_ENDINGS = (
    "token",
    "secret",
    "password",
    "passwd",
    "apikey",
    "cookie",
    "authorization",
    "credential",
    "credentials",
    "signature",
    "privatekey",
)


def _key(name: str) -> str:
    """A JSON key compared by its letters and digits only: display_name, displayName and Display-Name are one."""
    return re.sub(r"[^a-z0-9]", "", name.lower())


_PERSONAL_BY_KEY = {_key(name): kind for name, kind in PERSONAL_KEYS.items()}
# Keys whose dotted numbers are versions, not addresses.
VERSION_KEY = re.compile(r"version", re.IGNORECASE)
# Fixed salt for the account and app ids: stable placeholders without keeping the real ids.
ID_SALT = b"realtimekit-sessions-recording"


def _documentation_ipv4(number: int) -> str:
    """The n-th address of the RFC 5737 ranges (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24), 1-based."""
    networks = ("192.0.2", "198.51.100", "203.0.113")
    index = number - 1
    return f"{networks[(index // 254) % 3]}.{index % 254 + 1}"


@dataclass
class Scrubber:
    """Replaces secrets and personal data with placeholders, the same value always with the same placeholder.

    Placeholders are numbered per kind in first-seen order (`Participant 1`, `person-2@example.com`,
    `192.0.2.3`), so two fields that held the same value still do, and a run over the same answers gives the
    same files. Account and app ids become a salted hash of themselves so that they keep their shape.
    """

    secrets: tuple[str, ...] = ()
    seen: dict[str, dict[str, str]] = field(default_factory=dict)

    def placeholder(self, kind: str, original: str) -> str:
        table = self.seen.setdefault(kind, {})
        if original not in table:
            number = len(table) + 1
            table[original] = self._make(kind, number, original)
        return table[original]

    @staticmethod
    def _make(kind: str, number: int, original: str) -> str:
        if kind == "email":
            return f"person-{number}@example.com"
        if kind == "ipv4":
            return _documentation_ipv4(number)
        if kind == "ipv6":
            return f"2001:db8::{number:x}"
        if kind == "name":
            return f"Participant {number}"
        if kind == "meeting":
            return f"Meeting {number}"
        if kind == "user-agent":
            return f"Mozilla/5.0 (scrubbed user agent {number})"
        if kind == "hex-id":
            digest = hashlib.sha256(ID_SALT + original.encode()).hexdigest()
            return digest[: len(original)] if re.fullmatch(r"[0-9a-f]+", original) else f"id-{digest[:16]}"
        return f"scrubbed-{kind}-{number}"

    def ids(self, *values: str | None) -> None:
        """Register account/app ids so they are replaced wherever they appear (paths, URLs, bodies)."""
        for value in values:
            if value:
                self.placeholder("hex-id", value)

    def text(self, value: str, key: str | None = None) -> str:
        if key is not None and value:
            letters = _key(key)
            kind = _PERSONAL_BY_KEY.get(letters)
            if kind is None and letters.endswith(SECRET_KEY_ENDINGS):
                kind = "token"
            if kind is not None:
                return self.placeholder(kind, value)
        for secret in self.secrets:
            if secret:
                value = value.replace(secret, self.placeholder("token", secret))
        for original, replacement in self.seen.get("hex-id", {}).items():
            value = value.replace(original, replacement)
        value = URL.sub(lambda match: self._url(match.group(0)), value)
        value = JWT.sub(lambda match: self.placeholder("token", match.group(0)), value)
        value = EMAIL.sub(lambda match: self.placeholder("email", match.group(0)), value)
        if key is None or not VERSION_KEY.search(key):
            value = IPV4.sub(lambda match: self._ip(match.group(0), "ipv4"), value)
        value = IPV6.sub(lambda match: self._ip(match.group(0), "ipv6"), value)
        return value

    def _ip(self, text: str, kind: str) -> str:
        try:
            ipaddress.ip_address(text)
        except ValueError:
            return text
        return self.placeholder(kind, text)

    def _url(self, url: str) -> str:
        parts = urlsplit(url)
        # The fragment too: OAuth's implicit flow and some file hosts put the token there (#access_token=...).
        if parts.query:
            parts = parts._replace(query=self._parameters(parts.query))
        if "=" in parts.fragment:
            parts = parts._replace(fragment=self._parameters(parts.fragment))
        return urlunsplit(parts)

    def _parameters(self, text: str) -> str:
        pairs = [
            (name, self.placeholder("signature", value) if SIGNATURE_PARAM.search(name) else value)
            for name, value in parse_qsl(text, keep_blank_values=True)
        ]
        return urlencode(pairs, safe="/:")

    def json(self, value: Any, key: str | None = None) -> Any:
        if isinstance(value, str):
            return self.text(value, key)
        if isinstance(value, list):
            return [self.json(item, key) for item in value]
        if isinstance(value, dict):
            return {name: self.json(item, name) for name, item in value.items()}
        return value


# ---- calling the API -------------------------------------------------------------------------------------------


@dataclass
class Exchange:
    request: httpx.Request
    response: httpx.Response


@dataclass
class Recorder:
    """Keeps every response that passes through the client, body read, for the hook below."""

    exchanges: list[Exchange] = field(default_factory=list)

    def hook(self, response: httpx.Response) -> None:
        response.read()
        self.exchanges.append(Exchange(response.request, response))

    def call(self, function: Callable[..., Any], *args: Any, **kwargs: Any) -> tuple[Exchange, Any]:
        """Call a generated operation; return the last exchange it made and its parsed result (None if unreadable)."""
        from realtimekit_sessions.errors import APIConnectionError, APIStatusError, ResponseValidationError

        operation = function.__module__.rsplit(".", 1)[-1]
        self.exchanges.clear()
        parsed: Any = None
        try:
            parsed = function(*args, **kwargs).parsed
        except ResponseValidationError as error:
            # The answer came but the client cannot read it: exactly what the drift report is for, so keep it.
            print(
                f"warning: {operation}: the client could not read the answer ({error}); recorded anyway",
                file=sys.stderr,
            )
        except APIStatusError as error:
            hint = (
                " (check CLOUDFLARE_API_TOKEN: it needs the Realtime permission)"
                if error.status_code in (401, 403)
                else ""
            )
            raise RecordingError(f"{operation} answered {error.status_code}: {error}{hint}") from error
        except APIConnectionError as error:
            raise RecordingError(f"{operation}: no answer from the API ({error})") from error
        if not self.exchanges:
            raise RecordingError(f"{operation}: no response passed through the client")
        return self.exchanges[-1], parsed


@dataclass
class Target:
    account_id: str
    app_id: str
    session_id: str | None = None
    participant_id: str | None = None
    peer_id: str | None = None


def record_exchanges(client: Any, target: Target) -> dict[str, Exchange]:
    """Call the nine operations (finding the ids on the way); operation id -> the exchange it made."""
    from realtimekit_sessions.api.sessions import (
        generate_summary_of_transcripts,
        get_participant_data_from_peer_id,
        get_session_chat,
        get_session_details,
        get_session_participant_details,
        get_session_participants,
        get_session_summary,
        get_session_transcripts,
        get_sessions,
    )
    from realtimekit_sessions.types import Unset

    recorder = Recorder()
    client.get_httpx_client().event_hooks["response"].append(recorder.hook)
    account, app = target.account_id, target.app_id
    done: dict[str, Exchange] = {}

    done["get_sessions"], page = recorder.call(get_sessions.sync_detailed, account, app, client=client, per_page=5)
    session_id = target.session_id
    if session_id is None:
        sessions = [] if page is None or isinstance(page.data, Unset) else page.data.sessions
        if not sessions:
            raise RecordingError("the app has no sessions to record; hold a meeting first or pass --session-id")
        session_id = sessions[0].id

    done["get_session_details"], _ = recorder.call(
        get_session_details.sync_detailed, account, app, session_id, client=client, include_breakout_rooms=True
    )
    done["get_session_participants"], participants_page = recorder.call(
        get_session_participants.sync_detailed, account, app, session_id, client=client, per_page=5
    )
    participant_id = target.participant_id
    if participant_id is None:
        data = None if participants_page is None else participants_page.data
        participants = [] if data is None or isinstance(data, Unset) else data.participants
        if not participants:
            raise RecordingError(f"session {session_id} has no participants; pass --participant-id")
        participant_id = participants[0].id
    # A participant's id is its peer id (see the spec's peer_id parameter).
    peer_id = target.peer_id or participant_id

    done["get_session_participant_details"], _ = recorder.call(
        get_session_participant_details.sync_detailed,
        account,
        app,
        session_id,
        participant_id,
        client=client,
        include_peer_events=True,
    )
    done["get_participant_data_from_peer_id"], _ = recorder.call(
        get_participant_data_from_peer_id.sync_detailed, account, app, peer_id, client=client
    )
    done["get_session_chat"], _ = recorder.call(get_session_chat.sync_detailed, account, app, session_id, client=client)
    done["get_session_transcripts"], _ = recorder.call(
        get_session_transcripts.sync_detailed, account, app, session_id, client=client
    )
    done["get_session_summary"], _ = recorder.call(
        get_session_summary.sync_detailed, account, app, session_id, client=client
    )
    done["generate_summary_of_transcripts"], _ = recorder.call(
        generate_summary_of_transcripts.sync_detailed, account, app, session_id, client=client
    )
    return done


# ---- writing ---------------------------------------------------------------------------------------------------


def _api_path(request: httpx.Request, base_url: str) -> str:
    """The request path without the base URL's own path (`/client/v4`), as recordings write it."""
    path = unquote(request.url.path)
    prefix = urlsplit(base_url).path.rstrip("/")
    if prefix and path.startswith(prefix + "/"):
        path = path[len(prefix) :]
    return path


def to_recording(
    operation_id: str, exchange: Exchange, base_url: str, scrubber: Scrubber, recorded_at: str
) -> Recording:
    response = exchange.response
    headers = {name: response.headers[name] for name in KEPT_HEADERS if name in response.headers}
    media = response.headers.get("content-type", "").split(";")[0].strip().lower()
    body: Any = None
    body_text: str | None = None
    is_json = media == "application/json" or media.endswith("+json")
    if is_json:
        try:
            body = json.loads(response.content)
        except ValueError:
            is_json = False
    if is_json:
        body = scrubber.json(body)
    else:
        text = response.content.decode("utf-8", errors="replace")
        try:
            # JSON under another media type (text/plain, text/html) is kept as the text it came as, for the drift
            # report's media-type finding, but scrubbed by its keys like any JSON answer: the text patterns
            # alone leave names, cities and opaque tokens in it.
            parsed = json.loads(text)
        except ValueError:
            body_text = scrubber.text(text)
        else:
            body_text = json.dumps(scrubber.json(parsed), ensure_ascii=False)
    query = {name: scrubber.text(value, name) for name, value in exchange.request.url.params.items()}
    return Recording(
        provenance=Provenance(
            source="live",
            basis=(
                f"recorded by realtimekit_tools.record through the generated client from {urlsplit(base_url).netloc}; "
                "tokens, e-mail and IP addresses, names, user agents, locations, URL signatures and the "
                "account and app ids replaced by placeholders"
            ),
            recorded_at=recorded_at,
        ),
        operation_id=operation_id,
        request=RecordedRequest(
            method=exchange.request.method,
            path=scrubber.text(_api_path(exchange.request, base_url)),
            query=query,
        ),
        response=RecordedResponse(
            status=response.status_code, headers=scrubber.json(headers), body=body, body_text=body_text
        ),
    )


def write_recordings(recordings: Mapping[str, Recording], out: Path, case: str) -> list[Path]:
    """Write into a temporary folder beside `out`, then move every file into place."""
    out.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".record-", dir=out))
    try:
        for recording in recordings.values():
            write_recording(staging / relative_path(recording, case), recording)
        written = []
        for recording in recordings.values():
            final = out / relative_path(recording, case)
            final.parent.mkdir(parents=True, exist_ok=True)
            os.replace(staging / relative_path(recording, case), final)
            written.append(final)
        return written
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def record(
    client: Any, target: Target, out: Path, *, case: str = DEFAULT_CASE, recorded_at: str | None = None
) -> list[Path]:
    exchanges = record_exchanges(client, target)
    missing = [operation for operation in OPERATION_IDS if operation not in exchanges]
    if missing:
        raise RecordingError(f"no answer recorded for {', '.join(missing)}")
    scrubber = Scrubber(secrets=(client.token,))
    scrubber.ids(target.account_id, target.app_id)
    when = recorded_at or datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    recordings = {
        operation: to_recording(operation, exchanges[operation], client.base_url, scrubber, when)
        for operation in OPERATION_IDS
    }
    return write_recordings(recordings, out, case)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out", type=Path, default=None, help=f"folder to write to (default: {DEFAULT_OUT} in the repository)"
    )
    parser.add_argument("--case", default=DEFAULT_CASE, help="file name of each recording, without .json")
    parser.add_argument("--account-id", default=os.environ.get("CLOUDFLARE_ACCOUNT_ID"))
    parser.add_argument("--app-id", default=os.environ.get("REALTIMEKIT_APP_ID"))
    parser.add_argument("--session-id", help="session to record (default: the first get_sessions returns)")
    parser.add_argument("--participant-id", help="participant to record (default: the session's first)")
    parser.add_argument("--peer-id", help="peer for the peer report (default: the participant's id)")
    args = parser.parse_args(argv)

    missing = [
        name
        for name, value in (
            ("CLOUDFLARE_API_TOKEN", os.environ.get("CLOUDFLARE_API_TOKEN")),
            ("CLOUDFLARE_ACCOUNT_ID", args.account_id),
            ("REALTIMEKIT_APP_ID", args.app_id),
        )
        if not value
    ]
    if missing:
        print(f"record: set {', '.join(missing)} to record from the live API; nothing written", file=sys.stderr)
        return 2

    from realtimekit_sessions import AuthenticatedClient
    from realtimekit_sessions.errors import RealtimeKitSessionsError

    out = args.out if args.out is not None else repo_root() / DEFAULT_OUT
    target = Target(args.account_id, args.app_id, args.session_id, args.participant_id, args.peer_id)
    try:
        with AuthenticatedClient() as client:
            written = record(client, target, out, case=args.case)
    except (RecordingError, RealtimeKitSessionsError) as error:
        print(f"record: {error}; nothing written", file=sys.stderr)
        return 1
    print(f"record: {len(written)} recordings written under {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
