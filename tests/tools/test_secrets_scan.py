"""Nothing under tests/ (recordings above all) nor in the toolkit under tools/ (its test servers) may hold a credential, a real e-mail address or a real IP address.

What counts, and the small explicit allow-list:
- a token: 40 characters of [A-Za-z0-9_-] (the shape of a Cloudflare API token) mixing upper case, lower case
  and digits, which names and hex digests do not;
- `Bearer <value>` whose value looks real: 16 characters or more, at least two of upper/lower/digits, and no
  placeholder word in it;
- an e-mail address, except at example.com/.org/.net (and their subdomains) or the RFC 2606 names
  (.test, .example, .invalid, .localhost);
- an IPv4 or IPv6 address, except the documentation ranges (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24,
  2001:db8::/32), loopback, and a dotted version number after a product name (`Chrome/122.0.0.0`).

The scanner proves itself first: a folder with one planted secret of each kind must be flagged, and the
allowed look-alikes must not be.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parents[1]
TOOLS = TESTS.parent / "tools"
SKIPPED_DIRS = {"__pycache__", ".pytest_cache", ".hypothesis"}
SKIPPED_SUFFIXES = {".pyc"}
# This file names what it looks for and what it allows; it is the one file the scan does not read.
SKIPPED_FILES = {"test_secrets_scan.py"}

TOKEN = re.compile(r"(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{40}(?![A-Za-z0-9_-])")
BEARER = re.compile(r"Bearer\s+([A-Za-z0-9._~+/=-]+)")
# "scrubbed" is the placeholder scripts/record.py writes in place of a token.
PLACEHOLDER_WORDS = (
    "test",
    "fake",
    "example",
    "dummy",
    "placeholder",
    "redacted",
    "scrubbed",
    "sample",
    "mock",
    "demo",
    "xxxx",
)
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@((?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,})")
ALLOWED_EMAIL_DOMAINS = ("example.com", "example.org", "example.net")
ALLOWED_EMAIL_TLDS = ("test", "example", "invalid", "localhost")
IPV4 = re.compile(r"(?<![\d.])(\d{1,3}(?:\.\d{1,3}){3})(?![\d.])")
# A dotted quad right after `Name/` is a version (user agents: Chrome/122.0.0.0), not an address.
VERSION_PREFIX = re.compile(r"[A-Za-z]/$")
IPV6 = re.compile(r"(?<![\w:])((?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4})(?![\w:])")
ALLOWED_NETWORKS = [
    ipaddress.ip_network(net)
    for net in ("192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24", "127.0.0.0/8", "2001:db8::/32", "::1/128")
]

# Exact values in exact files that must stay: inputs that test the client's and the recorder's own defences
# (a private address the plain-http check refuses; addresses the recorder's scrubber must replace). Each entry
# must still be found, so one that is no longer needed fails the suite until it is removed from here.
ALLOWED_FINDINGS = {
    ("tests/tools/test_record.py", "10.0.0.1"),
    ("tests/tools/test_record.py", "10.0.0.2"),
    ("tests/tools/test_record.py", "10.15.7.2"),
    ("tools/realtimekit_tools/testing/personal_api.py", "100.64.7.9"),
    ("tools/realtimekit_tools/testing/personal_api.py", "2606:4700:4700::1111"),
    # Download links to the metadata service and private networks, which the client must refuse to fetch.
    ("tests/real_use/test_downloads_safely.py", "169.254.169.254"),
    ("tests/real_use/test_downloads_safely.py", "10.0.0.5"),
    ("tests/real_use/test_downloads_safely.py", "192.168.1.2"),
}


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    kind: str
    text: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.kind} {self.text!r}"


def _looks_like_token(text: str) -> bool:
    return any(c.isupper() for c in text) and any(c.islower() for c in text) and any(c.isdigit() for c in text)


def _looks_like_real_bearer(value: str) -> bool:
    classes = sum((any(c.isupper() for c in value), any(c.islower() for c in value), any(c.isdigit() for c in value)))
    return len(value) >= 16 and classes >= 2 and not any(word in value.lower() for word in PLACEHOLDER_WORDS)


def _allowed_email(domain: str) -> bool:
    domain = domain.lower()
    if any(domain == allowed or domain.endswith("." + allowed) for allowed in ALLOWED_EMAIL_DOMAINS):
        return True
    return domain.rsplit(".", 1)[-1] in ALLOWED_EMAIL_TLDS


def _allowed_address(text: str) -> bool:
    address = ipaddress.ip_address(text)
    return any(address in network for network in ALLOWED_NETWORKS if network.version == address.version)


def scan_text(text: str, path: str) -> list[Finding]:
    found: list[Finding] = []
    for number, line in enumerate(text.splitlines(), start=1):
        for match in TOKEN.finditer(line):
            if _looks_like_token(match.group(0)):
                found.append(Finding(path, number, "token", match.group(0)))
        for match in BEARER.finditer(line):
            if _looks_like_real_bearer(match.group(1)):
                found.append(Finding(path, number, "bearer", match.group(0)))
        for match in EMAIL.finditer(line):
            if not _allowed_email(match.group(1)):
                found.append(Finding(path, number, "e-mail", match.group(0)))
        for match in IPV4.finditer(line):
            if VERSION_PREFIX.search(line[: match.start()]):
                continue
            try:
                allowed = _allowed_address(match.group(1))
            except ValueError:
                continue  # 999.1.2.3: not an address at all
            if not allowed:
                found.append(Finding(path, number, "IPv4", match.group(1)))
        for match in IPV6.finditer(line):
            candidate = match.group(1)
            # At least three groups with digits in them: `a::b` slices and `10:51:08` times are not addresses.
            if sum(1 for group in candidate.split(":") if group) < 3:
                continue
            try:
                allowed = _allowed_address(candidate)
            except ValueError:
                continue
            if not allowed:
                found.append(Finding(path, number, "IPv6", candidate))
    return found


def scan(root: Path, names_from: Path | None = None) -> list[Finding]:
    """Findings in every file under `root`, each named by its path relative to `names_from` (default: root)."""
    found: list[Finding] = []
    for path in sorted(root.rglob("*")):
        if not path.is_file() or path.suffix in SKIPPED_SUFFIXES or path.name in SKIPPED_FILES:
            continue
        if SKIPPED_DIRS.intersection(part for part in path.relative_to(root).parts):
            continue
        text = path.read_bytes().decode("utf-8", errors="replace")
        found += scan_text(text, str(path.relative_to(names_from or root)))
    return found


PLANTED = {
    "token": "Xq7Lm2vR9sT4kP0wZ8aB6cD1eF3gH5jK_nM-yU4r",
    "bearer": "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9Ab12",
    "e-mail": "jane.doe@corpmail.io",
    "IPv4": "34.117.8.200",
    "IPv6": "2a00:1450:4001:80e::200e",
}
ALLOWED = [
    "contact: ops@example.com, dev@mail.example.org, qa@host.test",
    "addresses 192.0.2.10, 198.51.100.7, 203.0.113.24, 127.0.0.1, ::1 and 2001:db8::1",
    "Mozilla/5.0 (Macintosh) AppleWebKit/537.36 Chrome/122.0.0.0 Safari/537.36",
    "commit 9e5e61b0c1d2e3f4a5b6c7d8e9f00112233445566 and test_name_that_is_exactly_forty_chars_long",
    "Authorization: Bearer contract-test-token-0000, or Bearer <your token>",
    "times 10:51:08 and slices x[1::2]",
]


def test_the_scanner_catches_each_planted_secret(tmp_path: Path) -> None:
    assert len(PLANTED["token"]) == 40
    (tmp_path / "recordings" / "op").mkdir(parents=True)
    for kind, value in PLANTED.items():
        (tmp_path / "recordings" / "op" / f"{kind}.json").write_text(f'{{"value": "{value}"}}\n', encoding="utf-8")
    found = scan(tmp_path)
    assert sorted(finding.kind for finding in found) == sorted(PLANTED)
    for finding in found:
        assert finding.path == f"recordings/op/{finding.kind}.json" and finding.line == 1


def test_the_scanner_lets_the_allowed_look_alikes_pass(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("\n".join(ALLOWED) + "\n", encoding="utf-8")
    assert scan(tmp_path) == []


def test_the_scanner_reads_every_file_not_just_json(tmp_path: Path) -> None:
    (tmp_path / "deep" / "er").mkdir(parents=True)
    (tmp_path / "deep" / "er" / "capture.har").write_bytes(b"\xff\xfe " + PLANTED["e-mail"].encode())
    (tmp_path / "__pycache__").mkdir()
    (tmp_path / "__pycache__" / "ignored.txt").write_text(PLANTED["e-mail"])
    assert [finding.kind for finding in scan(tmp_path)] == ["e-mail"]


def test_nothing_under_tests_or_tools_looks_like_a_secret() -> None:
    everything = scan(TESTS, TESTS.parent) + scan(TOOLS, TESTS.parent)
    found = [finding for finding in everything if (finding.path, finding.text) not in ALLOWED_FINDINGS]
    stale = ALLOWED_FINDINGS - {(finding.path, finding.text) for finding in everything}
    assert not stale, f"allow-list entries no longer needed (remove them): {sorted(stale)}"
    if found:
        pytest.fail("secret-looking values under tests/ or tools/:\n" + "\n".join(str(finding) for finding in found[:50]))
    # The scan did read the recordings: a scan of nothing would pass too.
    assert len(list((TESTS / "recordings").rglob("*.json"))) >= 9
