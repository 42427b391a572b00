"""Kept so that `python scripts/drift.py` goes on working: the tool is realtimekit_tools.drift (the dev extra)."""

import sys

from realtimekit_tools.drift import main

if __name__ == "__main__":
    sys.exit(main())
