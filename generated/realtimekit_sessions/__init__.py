"""A typed client for Cloudflare RealtimeKit's Sessions API, generated from openapi/realtimekit-sessions.yaml."""

from .client import AuthenticatedClient, Client, __version__

__all__ = (
    "AuthenticatedClient",
    "Client",
    "__version__",
)
