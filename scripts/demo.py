"""Kept so that `python scripts/demo.py` goes on working: the tool is realtimekit_tools.demo (the dev extra)."""

import sys

from realtimekit_tools.demo import main

if __name__ == "__main__":
    sys.exit(main())
