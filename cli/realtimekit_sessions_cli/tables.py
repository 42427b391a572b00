"""Tables that fit the screen: ids kept whole on one line, times with their zone, other columns giving way.

Width: `$COLUMNS` when it is set (whether or not stdout is a terminal), else the terminal's width when stdout
is one, else 80 columns. An id (a column named `id` or `*_id`) is never wrapped or cut: when a row does not
fit, long text columns are wrapped first, then the least important columns are left out, and a note under
the table names them. `--wide` shows every column at full width; `--json` shows everything.
"""

from __future__ import annotations

import datetime
import json
import os
import re
import shutil
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

ISO_TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?([+-]\d{2}:\d{2}|Z)")
DEFAULT_WIDTH = 80
# A text column is wrapped no narrower than this before columns start to be left out.
MIN_TEXT_WIDTH = 10
# Rich's default box: one border character before every column and one after the last; one space of
# padding on each side of a cell.
_PER_COLUMN = 3
_EDGE = 1
# C0 and C1 control characters but the newline, and DEL: text from the API (meeting titles, display names) is
# typed by anyone who joins a call, and an ESC or a BEL in it would otherwise drive the reader's terminal.
_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")


def screen_width() -> int:
    """$COLUMNS if set to a positive number, else the terminal's width if stdout is a terminal, else 80."""
    columns = os.environ.get("COLUMNS", "")
    if columns.strip().isdigit() and int(columns) > 0:
        return int(columns)
    try:
        if sys.stdout.isatty():
            return shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns
    except (AttributeError, ValueError, OSError):
        pass
    return DEFAULT_WIDTH


def console(width: int | None = None) -> Console:
    return Console(width=width or screen_width(), highlight=False, soft_wrap=False)


def is_id(name: str) -> bool:
    return name == "id" or name.endswith(("_id", " id"))


def when(value: datetime.datetime) -> str:
    """A moment as the tables show it: to the second, in UTC, saying so."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=datetime.UTC)
    return value.astimezone(datetime.UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


def _visible(match: re.Match[str]) -> str:
    character = match.group(0)
    return "    " if character == "\t" else f"\\x{ord(character):02x}"


def cell(value: Any) -> str:
    """A value as the tables show it; control characters in text are shown as `\\x1b`, never sent raw."""
    return _CONTROL.sub(_visible, _cell(value))


def _cell(value: Any) -> str:
    if value is None or value == "":
        return "-"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, datetime.datetime):
        return when(value)
    text = str(value)
    # Timestamps from to_dict() are ISO 8601 with microseconds and an offset.
    if ISO_TIMESTAMP.fullmatch(text):
        try:
            return when(datetime.datetime.fromisoformat(text))
        except ValueError:
            return text
    return text


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    # Lower is more important: columns are left out from the highest number down when the screen is narrow.
    priority: int = 5
    # Numbers and short codes: right-aligned, never wrapped (they are left out rather than cut).
    numeric: bool = False

    @property
    def keeps_whole(self) -> bool:
        return is_id(self.key) or self.numeric or self.key.endswith("_at") or self.key in ("status",)


def _natural(column: Column, cells: list[str]) -> int:
    # Terminal cells, not characters: CJK and emoji take two each.
    return max([cell_len(column.header), *(max((cell_len(line) for line in c.splitlines()), default=0) for c in cells)])


def fit(columns: Sequence[Column], rows: list[list[str]], width: int) -> tuple[list[int], dict[int, int]]:
    """Which columns fit in `width`, and how wide each is: (indices of the left-out columns, {index: width})."""
    naturals = [_natural(column, [row[i] for row in rows]) for i, column in enumerate(columns)]
    shown = list(range(len(columns)))

    def least(index: int) -> int:
        natural = naturals[index]
        return natural if columns[index].keeps_whole else min(natural, max(MIN_TEXT_WIDTH, len(columns[index].header)))

    def overhead(indices: list[int]) -> int:
        return _EDGE + _PER_COLUMN * len(indices)

    # Leave out the least important columns until the rest fit at their narrowest; the first column stays.
    by_priority = sorted(shown[1:], key=lambda i: (columns[i].priority, i))
    removed: list[int] = []
    while len(shown) > 1 and sum(least(i) for i in shown) + overhead(shown) > width:
        removed.append(by_priority.pop())
        shown.remove(removed[-1])
    # A narrow column left out after a wide one may still fit beside the others at their full width: take
    # back what does, most important first (never at the cost of wrapping text that had room).
    for index in sorted(removed, key=lambda i: (columns[i].priority, i)):
        if sum(naturals[i] for i in shown) + naturals[index] + overhead(shown) + _PER_COLUMN <= width:
            shown = sorted([*shown, index])
    widths = {i: naturals[i] for i in shown}
    excess = sum(widths.values()) + overhead(shown) - width
    # Then narrow the wrappable text columns, widest first, down to their least width.
    while excess > 0:
        candidates = [i for i in shown if not columns[i].keeps_whole and widths[i] > least(i)]
        if not candidates:
            break
        widest = max(candidates, key=lambda i: widths[i])
        widths[widest] -= 1
        excess -= 1
    left_out = [i for i in range(len(columns)) if i not in shown]
    return left_out, widths


def table(
    rows: Sequence[Mapping[str, Any]],
    columns: Sequence[Column],
    title: str | None = None,
    wide: bool = False,
    caption: str | None = None,
) -> None:
    """Print rows as a table that fits the screen (or, `wide`, at every column's full width)."""
    cells = [[cell(row.get(column.key)) for column in columns] for row in rows]
    width = screen_width()
    if wide:
        left_out: list[int] = []
        widths = {i: _natural(column, [row[i] for row in cells]) for i, column in enumerate(columns)}
        width = max(width, sum(widths.values()) + _EDGE + _PER_COLUMN * len(columns))
    else:
        left_out, widths = fit(columns, cells, width)
    shown_width = sum(widths.values()) + _EDGE + _PER_COLUMN * len(widths)
    # Only an id wider than the whole screen makes the table wider than the screen: it is still not cut.
    width = max(width, shown_width)
    shown = [i for i in range(len(columns)) if i not in left_out]
    output = Table(title=title, caption=caption)
    for i in shown:
        column = columns[i]
        output.add_column(
            column.header,
            width=widths[i],
            no_wrap=column.keeps_whole,
            overflow="fold",
            justify="right" if column.numeric else "left",
        )
    for row in cells:
        output.add_row(*(Text(row[i]) for i in shown))
    out = console(width)
    out.print(output)
    if left_out:
        names = ", ".join(columns[i].header for i in left_out)
        out.print(Text(f"{width} columns leave out {names}: --wide or --json show them", style="dim"))


def fields(values: Mapping[str, Any], title: str | None = None, wide: bool = False) -> None:
    """One record as a two-column table of field and value; id values are kept whole on one line."""
    keys = list(values)
    cells = {key: cell(values[key]) for key in keys}
    width = screen_width()
    key_width = max((cell_len(key) for key in keys), default=5)
    longest_id = max((cell_len(cells[key]) for key in keys if is_id(key)), default=0)
    if wide:
        width = max(width, key_width + max((cell_len(c) for c in cells.values()), default=0) + _EDGE + 2 * _PER_COLUMN)
    value_width = max(width - key_width - _EDGE - 2 * _PER_COLUMN, longest_id, MIN_TEXT_WIDTH)
    if value_width + key_width + _EDGE + 2 * _PER_COLUMN > width:
        # A narrow screen and a long id: the field names wrap instead of the id.
        key_width = max(MIN_TEXT_WIDTH // 2, width - value_width - _EDGE - 2 * _PER_COLUMN)
        width = max(width, key_width + value_width + _EDGE + 2 * _PER_COLUMN)
    output = Table(title=title, show_header=False)
    output.add_column("field", style="bold", overflow="fold", width=key_width)
    output.add_column("value", overflow="fold", width=value_width)
    for key in keys:
        output.add_row(Text(cell(key)), Text(cells[key], no_wrap=is_id(key), overflow="fold"))
    console(width).print(output)
