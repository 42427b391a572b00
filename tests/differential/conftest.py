"""The differential suite: bodies drawn from the official SDK's response models, read by the SDK and by ours.

RELIABILITY_PROFILE picks how many bodies per operation, as in tests/unit/test_fuzz_bodies.py: `ci` (the default, 15, the
same ones every run) or `fuzz` (`make fuzz`: FUZZ_EXAMPLES, 1000 unless set). The table of bodies tried per
operation is printed at the end of the run.
"""

from __future__ import annotations

import warnings

import pytest

warnings.filterwarnings("ignore", message="Slow code in plugin")

import differential_support
import suite_support


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    tally = differential_support.TALLY
    if not tally:
        return
    terminalreporter.section(
        f"SDK oracle: distinct bodies per operation (hypothesis profile {suite_support.profile_name()})"
    )
    columns = differential_support.COLUMNS
    operations = sorted({operation for operation, _ in tally})
    width = max(len(operation) for operation in [*operations, "operation"])
    terminalreporter.write_line(f"{'operation':<{width}}  " + "  ".join(columns))
    for operation in [*operations, "all"]:
        counts = [
            sum(n for (op, col), n in tally.items() if col == column and operation in (op, "all")) for column in columns
        ]
        cells = "  ".join(f"{n:>{len(column)}}" for n, column in zip(counts, columns, strict=True))
        terminalreporter.write_line(f"{operation:<{width}}  {cells}")
