"""Kept so that `python scripts/mock_server.py` goes on working: the tool is realtimekit_tools.mock_server (the dev extra)."""

import sys

from realtimekit_tools.mock_server import main

if __name__ == "__main__":
    sys.exit(main())
