# Copied into generated/realtimekit_sessions/ by `make generate`: edit openapi/runtime/types.py, not the copy.
"""Shared types, and the conversions every model uses at the edge between JSON and Python values."""

import datetime
from collections.abc import Callable, Mapping, MutableMapping
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, BinaryIO, Generic, NoReturn, TypeAlias, TypeVar, cast

import msgspec
from attrs import define, field

from .errors import ModelParseError

if TYPE_CHECKING:
    from ._ratelimit import RateLimitInfo

# A field the JSON document did not have (as opposed to one it had as null). It is msgspec's own sentinel, so
# that the models' shapes decode an absent field straight to it, and so that it survives pickle and deepcopy as
# the one object it is. It is falsy and reads as UNSET.
Unset: TypeAlias = msgspec.UnsetType
UNSET: Unset = msgspec.UNSET

# The types that `httpx.Client(files=)` can accept, copied from that library.
FileContent = IO[bytes] | bytes | str
FileTypes = (
    # (filename, file (or bytes), content_type)
    tuple[str | None, FileContent, str | None]
    # (filename, file (or bytes), content_type, headers)
    | tuple[str | None, FileContent, str | None, Mapping[str, str]]
)
RequestFiles = list[tuple[str, FileTypes]]


@define
class File:
    """Contains information for file uploads"""

    payload: BinaryIO
    file_name: str | None = None
    mime_type: str | None = None

    def to_tuple(self) -> FileTypes:
        """Return a tuple representation that httpx will accept for multipart/form-data"""
        return self.file_name, self.payload, self.mime_type


T = TypeVar("T")


@define
class Response(Generic[T]):
    """A successful answer: the status (a plain int, so 2xx codes outside HTTPStatus are fine), the headers,
    the raw bytes, and the body parsed into its model."""

    status_code: int
    content: bytes
    headers: MutableMapping[str, str]
    parsed: T

    @property
    def rate_limit(self) -> "RateLimitInfo | None":
        """What the answer's `Ratelimit` and `Ratelimit-Policy` headers say (remaining, reset, policy), if any."""
        from ._ratelimit import read_rate_limit

        return read_rate_limit(self.headers)


def _url_without_query(url: str) -> str:
    # Signed download URLs carry their signature in the query: enough to fetch the file, so not for logs.
    return repr(url.split("?", 1)[0] + ("?<signed>" if "?" in url else ""))


@define
class Download:
    """A file fetched from a download URL the API handed out (chat, transcript, summary).

    In memory, `content` holds it; streamed to a file (`download(..., to=path)`), `path` names the file,
    `content` is empty and `size` says how many bytes were written.
    """

    url: str = field(repr=_url_without_query)
    content: bytes = field(repr=lambda content: f"<{len(content)} bytes>")
    content_type: str | None = None
    path: Path | None = None
    size: int = 0

    @property
    def text(self) -> str:
        """The content as text (UTF-8; a byte-order mark, which spreadsheet exports often add, is dropped)."""
        data = self.path.read_bytes() if self.path is not None else self.content
        return data.decode("utf-8-sig")


def read_csv(content: bytes | str, from_dict: Callable[[dict[str, Any]], T]) -> list[T]:
    """Rows of a CSV file (such as the chat export) read into models: `read_csv(download.content, ChatMessage.from_dict)`.

    CSV has no types, so the cells are adapted the way the exports write them: an empty cell is an absent
    field, `true`/`false` are booleans; everything else stays text for the model to read (timestamps included).
    """
    import csv
    import io

    text = content.decode("utf-8-sig") if isinstance(content, bytes) else content
    rows = []
    for line, row in enumerate(csv.DictReader(io.StringIO(text, newline="")), start=2):
        values: dict[str, Any] = {}
        for key, cell in row.items():
            if key is None or cell is None or cell == "":
                continue  # a short row's missing cells; a long row's extra cells have no column name
            values[key] = True if cell == "true" else False if cell == "false" else cell
        try:
            rows.append(from_dict(values))
        except ModelParseError as exc:
            exc.reason = f"CSV line {line}: {exc.reason}"
            raise
    return rows


def _type_name(value: object) -> str:
    if value is None:
        return "null"
    return {dict: "object", list: "array", str: "string", bool: "boolean", int: "number", float: "number"}.get(
        type(value), type(value).__name__
    )


def fail(expected: str, value: object) -> NoReturn:
    """Raise the parse error for a JSON value of the wrong kind."""
    raise ModelParseError(f"expected {expected}, found {_type_name(value)}")


def as_object(value: object) -> Mapping[str, Any]:
    """The JSON object a model is read from. json.loads gives dicts; other mappings are accepted too."""
    if isinstance(value, Mapping):
        return value
    fail("an object", value)


def as_dict(value: object) -> dict[str, Any]:
    """A free-form JSON object, kept as the dict it came as (another mapping is copied into one)."""
    if type(value) is dict:
        return value
    if isinstance(value, Mapping):
        return dict(value)
    fail("an object", value)


def as_list(value: object) -> list[Any]:
    """A JSON array; anything else would be iterated wrongly (a string by character, an object by key)."""
    if type(value) is list:
        return value
    fail("an array", value)


def as_str(value: object) -> str:
    if type(value) is str:
        return value
    fail("a string", value)


UTC = datetime.UTC
fromisoformat = datetime.datetime.fromisoformat


def parse_datetime(value: object) -> datetime.datetime | str:
    """A timestamp as a timezone-aware datetime (naive ones are taken as UTC, which the API uses).

    The API sends ISO 8601 (`2023-02-01T10:51:08.039Z`), which the standard library reads in C, in all its
    forms (basic, week dates, a space for the T). An RFC 2822 date (`Tue, 14 Mar 2025 09:00:00 GMT`, as HTTP
    headers write them) is read too. Anything else is returned unchanged: a fragment such as "12:30" or "2023"
    names no instant, and guessing the rest from today (as dateutil's parser does) would make the same body
    read differently from day to day. One odd timestamp never makes a whole response unreadable.
    """
    if type(value) is not str:
        fail("a timestamp string", value)
    parsed: datetime.datetime | None
    try:
        parsed = datetime.datetime.fromisoformat(value)
    except ValueError:
        parsed = _parse_rfc2822(value)
        if parsed is None:
            return value
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=UTC)


def _parse_rfc2822(text: str) -> datetime.datetime | None:
    import email.utils

    try:
        return email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


# msgspec writes a datetime as RFC 3339 in C, several times faster than datetime.isoformat(), and for a datetime
# in UTC (timezone.utc) its text is isoformat()'s but for the "Z" in place of "+00:00" (the date and time with
# microseconds when there are any, six digits): the one "Z" its text can hold. tests/unit/test_timestamps.py holds
# the two to the same text over every field's range.
_rfc3339 = msgspec.to_builtins


def format_datetime(value: datetime.datetime | str) -> str:
    """The inverse of parse_datetime: ISO 8601 for datetimes (`isoformat()`'s text), unreadable text given back
    as it came."""
    if type(value) is datetime.datetime and value.tzinfo is UTC:
        return cast(str, _rfc3339(value)).replace("Z", "+00:00")
    if isinstance(value, datetime.datetime):
        return value.isoformat()
    return value


__all__ = ["UNSET", "Download", "File", "FileTypes", "RequestFiles", "Response", "Unset", "read_csv"]
