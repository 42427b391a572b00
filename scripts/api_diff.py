"""Kept so that `python scripts/api_diff.py` goes on working: the tool is realtimekit_tools.api_diff (the dev extra)."""

import sys

from realtimekit_tools.api_diff import main

if __name__ == "__main__":
    sys.exit(main())
