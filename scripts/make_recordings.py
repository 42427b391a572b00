"""Kept so that `python scripts/make_recordings.py` goes on working: the tool is realtimekit_tools.make_recordings (the dev extra)."""

import sys

from realtimekit_tools.make_recordings import main

if __name__ == "__main__":
    sys.exit(main())
