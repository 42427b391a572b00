"""The differential suite: bodies drawn from the official SDK's response models, read by the SDK and by ours.

RELIABILITY_PROFILE picks how many bodies per operation, as in tests/reliability: `ci` (the default, 25, the
same ones every run) or `fuzz` (`make fuzz`: FUZZ_EXAMPLES, 1000 unless set). The table of bodies tried per
operation is printed at the end of the run.
"""

from __future__ import annotations

import sys
import warnings
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# The reliability suite's helpers (calling an operation through httpx.MockTransport, its profiles) and what
# they import from scripts/ (contract_check) are not packages; this suite uses them as that suite does.
for folder in (ROOT / "scripts", ROOT / "tests" / "reliability"):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

warnings.filterwarnings("ignore", message="Slow code in plugin")

import differential_support
import reliability_support


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    tally = differential_support.TALLY
    if not tally:
        return
    terminalreporter.section(
        f"SDK oracle: distinct bodies per operation (hypothesis profile {reliability_support.profile_name()})"
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
