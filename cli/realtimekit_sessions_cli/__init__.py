"""Command-line tool over the realtimekit_sessions client: `realtimekit-sessions --help`."""
