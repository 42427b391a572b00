"""`make demo-load`: the local mock's sessions into DuckDB with `realtimekit-sessions load`, then the answer to a
question a user would ask of them: which sessions had the worst call quality (average MOS per session).

The mock is the toolkit's (realtimekit_tools.mock_server); the load runs the real command in build/demo-load/,
so realtimekit_sessions.duckdb is left there to query further (`duckdb build/demo-load/realtimekit_sessions.duckdb`).
The mock's dates are moved to end an hour before now (its `now` option), so the last week's sessions have their
chats, transcripts and summaries (the API keeps them 7 days) and those tables load too.
"""

from __future__ import annotations

import datetime
import os
import shutil
import subprocess
import sys
from pathlib import Path

from realtimekit_tools.mock_server import MockOptions, MockServer

# The SQL shown in the README.
AVERAGE_MOS = """
select s.meeting_display_name as meeting,
       s.started_at,
       count(*) as participants,
       round(avg(p.quality__audio_consumer_cumulative__quality_mos__avg), 2) as avg_mos
from realtimekit.peer_reports p
join realtimekit.sessions s on s.id = p.session_id
group by all
order by avg_mos asc
limit 10
"""

FOLDER = Path("build/demo-load")


def main() -> int:
    import duckdb

    server = MockServer(("127.0.0.1", 0), options=MockOptions(sessions=60, now=datetime.datetime.now(datetime.UTC)))
    server.serve_in_background()
    try:
        shutil.rmtree(FOLDER, ignore_errors=True)
        FOLDER.mkdir(parents=True)
        env = {**os.environ, **server.env(), "DLT_DATA_DIR": str((FOLDER / "dlt").resolve())}
        env.setdefault("RUNTIME__DLTHUB_TELEMETRY", "false")  # a demo on a local mock tells dlt's servers nothing
        command = [
            str(Path(sys.executable).with_name("realtimekit-sessions")),
            "load",
            "--peer-reports",
            "--budget",
            "100000",
        ]
        print(
            "$ realtimekit-sessions load --peer-reports --budget 100000   # a local mock: no need to spare it",
            flush=True,
        )
        subprocess.run(command, cwd=FOLDER, env=env, check=True)
    finally:
        server.stop()
    print("\nWhich sessions had the worst call quality? Average MOS (1-5) of their participants' received audio:")
    print(AVERAGE_MOS.strip() + ";\n")
    with duckdb.connect(str(FOLDER / "realtimekit_sessions.duckdb"), read_only=True) as con:
        result = con.execute(AVERAGE_MOS)
        names = [column[0] for column in result.description]
        rows = result.fetchall()
    widths = [max(len(str(value)) for value in [name, *(row[i] for row in rows)]) for i, name in enumerate(names)]
    print("  ".join(name.ljust(width) for name, width in zip(names, widths, strict=True)))
    for row in rows:
        print("  ".join(str(value).ljust(width) for value, width in zip(row, widths, strict=True)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
