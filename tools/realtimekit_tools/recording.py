"""The recording format: one exchange with the API, as tests/recordings/<operation_id>/<case>.json holds it.

    {"provenance": {"source": "synthesized" | "live", "basis": ..., "recorded_at": ..., "expected_drift": [...]},
     "operation_id": "get_sessions",
     "request": {"method": "GET", "path": "/accounts/.../sessions", "query": {"per_page": "5"}},
     "response": {"status": 200, "headers": {"content-type": ..., "cf-ray": ...}, "body": {...}}}

The response holds `body` (JSON) or `body_text` (anything else, an HTML page from the edge), never both.
`read_recording` is the one reader, `write_recording` (with `render`) the one writer: the synthesized
recordings (`make_recordings`) and the live ones (`record`) both go through them.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

Source = Literal["synthesized", "live"]
SOURCES: tuple[Source, ...] = ("synthesized", "live")


class RecordingFormatError(ValueError):
    """A file that is not a recording; the message is one line that names the file."""


@dataclass(frozen=True)
class Provenance:
    source: Source
    basis: str
    recorded_at: str
    # Drift kinds the recording carries on purpose (the drift report counts them as allowed).
    expected_drift: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"source": self.source, "basis": self.basis, "recorded_at": self.recorded_at}
        if self.expected_drift:
            data["expected_drift"] = list(self.expected_drift)
        return data


@dataclass(frozen=True)
class RecordedRequest:
    method: str
    path: str
    query: Mapping[str, str] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"method": self.method, "path": self.path, "query": dict(self.query)}


@dataclass(frozen=True)
class RecordedResponse:
    status: int
    headers: Mapping[str, str] = field(default_factory=dict)
    body: Any = None
    # Set for a body that is not JSON; `body` is then None.
    body_text: str | None = None

    @property
    def is_json(self) -> bool:
        return self.body_text is None

    @property
    def content(self) -> bytes:
        """The bytes the API sent (JSON re-serialised)."""
        return self.body_text.encode("utf-8") if self.body_text is not None else json.dumps(self.body).encode("utf-8")

    def header(self, name: str) -> str:
        return next((value for key, value in self.headers.items() if key.lower() == name.lower()), "")

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"status": self.status, "headers": dict(self.headers)}
        if self.body_text is not None:
            data["body_text"] = self.body_text
        else:
            data["body"] = self.body
        return data


@dataclass(frozen=True)
class Recording:
    provenance: Provenance
    operation_id: str
    request: RecordedRequest
    response: RecordedResponse

    @property
    def is_error(self) -> bool:
        return not 200 <= self.response.status < 300

    def to_json(self) -> dict[str, Any]:
        return {
            "provenance": self.provenance.to_json(),
            "operation_id": self.operation_id,
            "request": self.request.to_json(),
            "response": self.response.to_json(),
        }

    @classmethod
    def from_json(cls, data: Any, source: str = "recording") -> Recording:
        """The recording a parsed JSON document holds; RecordingFormatError naming `source` if it holds none."""
        try:
            provenance, request, response = data.get("provenance", {}), data.get("request", {}), data["response"]
            if ("body" in response) == ("body_text" in response):
                raise ValueError("exactly one of body and body_text")
            return cls(
                provenance=Provenance(
                    source=provenance.get("source", "synthesized"),
                    basis=provenance.get("basis", ""),
                    recorded_at=provenance.get("recorded_at", ""),
                    expected_drift=tuple(provenance.get("expected_drift", ())),
                ),
                operation_id=str(data["operation_id"]),
                request=RecordedRequest(
                    method=str(request.get("method", "GET")),
                    path=str(request.get("path", "")),
                    query=dict(request.get("query", {})),
                ),
                response=RecordedResponse(
                    status=int(response["status"]),
                    headers=dict(response.get("headers", {})),
                    body=response.get("body"),
                    body_text=response.get("body_text"),
                ),
            )
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise RecordingFormatError(
                f"{source}: not a recording (operation_id, response.status and a body are needed)"
            ) from error


def read_recording(path: Path) -> Recording:
    """The one reader: a recording file; RecordingFormatError when it is not JSON or not a recording."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise RecordingFormatError(f"{path}: not readable as JSON ({error})") from error
    return Recording.from_json(data, str(path))


def read_source(path: Path) -> str | None:
    """Only the `provenance.source` of a file (also of a partial one a tool left behind); None if it has none."""
    try:
        source = json.loads(Path(path).read_text(encoding="utf-8"))["provenance"]["source"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return source if isinstance(source, str) else None


def recording_files(folder: Path, *, any_depth: bool = False) -> list[Path]:
    """The recording files under `folder`: `<operation_id>/<case>.json`, or every `*.json` at any depth."""
    return sorted(folder.rglob("*.json") if any_depth else folder.glob("*/*.json"))


def iter_recordings(folder: Path, *, any_depth: bool = False) -> Iterator[tuple[Path, Recording]]:
    for path in recording_files(folder, any_depth=any_depth):
        yield path, read_recording(path)


def render(recording: Recording) -> str:
    """The file text of a recording: two-space JSON, non-ASCII kept, one final newline."""
    return json.dumps(recording.to_json(), indent=2, ensure_ascii=False) + "\n"


def relative_path(recording: Recording, case: str) -> Path:
    return Path(recording.operation_id) / f"{case}.json"


def write_recording(path: Path, recording: Recording) -> Path:
    """The one writer: `render(recording)` into `path`, its folder made; written beside, then moved into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.partial")
    partial.write_text(render(recording), encoding="utf-8")
    os.replace(partial, path)
    return path
