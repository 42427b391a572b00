"""Contract drift report: check recorded API answers against what the OpenAPI document promises.

Input: folders of recordings (the suite's format, any depth) and/or HAR files exported from a browser's
network panel (entries are matched to operations by method and path template; other entries are skipped).
Each answer's body is checked with realtimekit_tools.contract against a strict reading of the spec, in which
an object may not carry properties the spec does not list. Every finding has a kind:

    unknown-field    a property the spec does not list (the client keeps it in additional_properties)
    missing-field    a required property that is absent
    type-change      a value of another JSON type than the spec's
    new-enum-value   a string outside the spec's enum
    new-status       a status code the operation does not document
    format           a value of the right type in the wrong format (a timestamp that is not RFC 3339, ...)
    media-type       a body of a media type the spec does not document for that status
    constraint       any other schema keyword (minimum, const, ...)

Exit status: 0 no drift, 1 drift, 2 nothing could be checked (bad input). `--allow KIND` reports a kind but does
not fail on it; a recording may also name the kinds it carries on purpose in `provenance.expected_drift`
(a list of kinds), which are then reported as expected and do not fail either.
"""

from __future__ import annotations

import argparse
import base64
import copy
import json
import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from .contract import KINDS, NO_SUCH_PROPERTY, ViolationKind, check_text_body, validate_body
from .paths import spec_path
from .recording import Recording, RecordingFormatError, read_recording, recording_files
from .routes import route_table
from .spec import Spec, load_spec


@dataclass(frozen=True)
class Answer:
    """One recorded answer to check: where it came from, which operation, and what came back."""

    source: str
    operation_id: str
    status: int
    content_type: str
    body: Any = None
    body_text: str | None = None
    expected_drift: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Finding:
    source: str
    operation_id: str
    status: int
    kind: ViolationKind
    path: str
    expected: str
    found: str
    allowed: bool = False


class InputError(Exception):
    """Input that cannot be read as recordings or a HAR file; the message is one line."""


# ---- the strict spec -----------------------------------------------------------------------------------------


def strict_spec(spec: Spec) -> dict[str, Any]:
    """A copy of the spec in which every object schema with listed properties refuses any other property.

    Objects that say what their extra properties may be (`additionalProperties: {...}`, maps) and objects
    without a property list (free-form `meta`) are left as they are. Examples are not schemas: not touched.
    """
    strict: dict[str, Any] = copy.deepcopy(dict(spec))

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("properties"), dict) and "additionalProperties" not in node:
                node["additionalProperties"] = dict(NO_SUCH_PROPERTY)
            for key, value in node.items():
                if key not in ("example", "examples"):
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(strict)
    return strict


def check(strict: Spec, answer: Answer, allow: frozenset[str] = frozenset()) -> list[Finding]:
    """The findings of one answer, each of the kind its violation carries."""
    if answer.body_text is not None:
        violations = check_text_body(strict, answer.operation_id, answer.status, answer.content_type)
    else:
        violations = validate_body(strict, answer.operation_id, answer.status, answer.body)
    return [
        Finding(
            answer.source,
            answer.operation_id,
            answer.status,
            violation.kind,
            violation.path,
            violation.expected,
            violation.found,
            allowed=violation.kind in allow or violation.kind in answer.expected_drift,
        )
        for violation in violations
    ]


# ---- reading recordings and HAR files ---------------------------------------------------------------------------


def answer_from_recording(source: str, recording: Recording) -> Answer:
    response = recording.response
    return Answer(
        source=source,
        operation_id=recording.operation_id,
        status=response.status,
        content_type=response.header("content-type"),
        body=response.body,
        body_text=response.body_text,
        expected_drift=frozenset(recording.provenance.expected_drift),
    )


def _read(path: Path) -> Answer:
    try:
        return answer_from_recording(str(path), read_recording(path))
    except RecordingFormatError as error:
        raise InputError(str(error)) from error


def read_recordings(folder: Path) -> Iterator[Answer]:
    for path in recording_files(folder, any_depth=True):
        yield _read(path)


def _header(headers: Mapping[str, str], name: str) -> str:
    return next((value for key, value in headers.items() if key.lower() == name), "")


def read_har(path: Path, spec: Spec) -> Iterator[Answer]:
    try:
        entries = json.loads(path.read_text(encoding="utf-8"))["log"]["entries"]
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise InputError(f"{path}: not a HAR file (no log.entries)") from error
    routes = route_table(spec)
    for number, entry in enumerate(entries):
        request, response = entry.get("request", {}), entry.get("response", {})
        url_path = unquote(urlsplit(request.get("url", "")).path).rstrip("/")
        method = request.get("method", "").upper()
        matched = routes.match(method, url_path, anywhere=True)
        operation_id = None if matched is None else matched[0].operation_id
        # Status 0 is a request the browser never got an answer to (blocked, cancelled): nothing to check.
        status = int(response.get("status") or 0)
        if operation_id is None or status == 0:
            continue
        content = response.get("content", {})
        text = content.get("text") or ""
        if content.get("encoding") == "base64":
            text = base64.b64decode(text).decode("utf-8", errors="replace")
        content_type = content.get("mimeType") or _header(
            {h.get("name", ""): h.get("value", "") for h in response.get("headers", [])}, "content-type"
        )
        source = f"{path}#entries[{number}] {method} {url_path}"
        media = content_type.split(";")[0].strip().lower()
        if media == "application/json" or media.endswith("+json"):
            try:
                yield Answer(source, operation_id, status, content_type, body=json.loads(text))
                continue
            except ValueError:
                pass
        yield Answer(source, operation_id, status, content_type, body_text=text)


def read_inputs(paths: Iterable[Path], spec: Spec) -> list[Answer]:
    answers: list[Answer] = []
    for path in paths:
        if path.is_dir():
            answers.extend(read_recordings(path))
        elif path.suffix.lower() == ".har":
            answers.extend(read_har(path, spec))
        elif path.is_file():
            answers.append(_read(path))
        else:
            raise InputError(f"{path}: no such file or folder")
    known = route_table(spec)
    for answer in answers:
        if answer.operation_id not in known:
            raise InputError(f"{answer.source}: operation {answer.operation_id!r} is not in the spec")
    return answers


# ---- reporting -----------------------------------------------------------------------------------------------


def report_text(findings: list[Finding], checked: int) -> str:
    lines = []
    source = None
    for finding in findings:
        if finding.source != source:
            source = finding.source
            lines.append(f"{finding.source}  ({finding.operation_id}, status {finding.status})")
        note = "  [allowed]" if finding.allowed else ""
        lines.append(f"  {finding.kind:<15} {finding.path}{note}")
        lines.append(f"      expected: {finding.expected}")
        lines.append(f"      found:    {finding.found}")
    failing = sum(not finding.allowed for finding in findings)
    sources = len({finding.source for finding in findings if not finding.allowed})
    summary = f"{checked} answers checked: "
    summary += f"{failing} drift findings in {sources} answers" if failing else "no drift"
    if len(findings) > failing:
        summary += f" ({len(findings) - failing} allowed)"
    lines.append(summary)
    return "\n".join(lines)


def report_json(findings: list[Finding], checked: int) -> str:
    return json.dumps(
        {
            "checked": checked,
            "drift": any(not finding.allowed for finding in findings),
            "findings": [asdict(finding) for finding in findings],
        },
        indent=2,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0], epilog=f"Kinds: {', '.join(KINDS)}.")
    parser.add_argument("inputs", nargs="+", type=Path, help="folders of recordings, recording files, HAR files")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument(
        "--allow", action="append", default=[], choices=KINDS, metavar="KIND", help="report KIND but do not fail on it"
    )
    parser.add_argument("--spec", type=Path, default=None, help="the OpenAPI document to check against")
    args = parser.parse_args(argv)

    try:
        spec = load_spec(args.spec or spec_path())
        answers = read_inputs(args.inputs, spec)
    except (InputError, OSError) as error:
        print(f"drift: {error}", file=sys.stderr)
        return 2
    if not answers:
        print(f"drift: no answers to check in {', '.join(map(str, args.inputs))}", file=sys.stderr)
        return 2

    strict = strict_spec(spec)
    allow = frozenset(args.allow)
    findings = [finding for answer in answers for finding in check(strict, answer, allow)]
    print(report_json(findings, len(answers)) if args.json else report_text(findings, len(answers)))
    return 1 if any(not finding.allowed for finding in findings) else 0


if __name__ == "__main__":
    sys.exit(main())
