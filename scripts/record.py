"""Kept so that `python scripts/record.py` goes on working: the tool is realtimekit_tools.record (the dev extra)."""

import sys

from realtimekit_tools.record import main

if __name__ == "__main__":
    sys.exit(main())
