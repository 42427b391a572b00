"""Cloudflare RealtimeKit sessions into a warehouse with dlt: `realtimekit_source(account_id, app_id)`.

Install with the `[dlt]` extra. The source is built on realtimekit_sessions' typed client (its retries, honest
pagination, downloads, rate-limit budget and fan-out); dlt does the incremental state, merges, nested tables
and schema evolution. See `source.py`.
"""

from .source import TABLES, realtimekit_source

__all__ = ["TABLES", "realtimekit_source"]
