"""Fixtures of the integration tier: servers started once per run (Prism, the mock API and file host of the CLI
tests) and the spec's examples."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from cli_support import api, cli_servers
from realtimekit_tools import mock_server
from realtimekit_tools.testing.prism import PrismError, prism


@pytest.fixture(scope="session")
def prism_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Base URL of Prism 5.16.0 mocking the spec on a free loopback port.

    `--errors` makes Prism answer 500 when the example it would send breaks the response schema, so the spec's
    examples are checked against its own schemas on every call; request validation (security, query enums,
    types) is on in any case and answers with the spec's 400 and 401 examples.
    """
    try:
        with prism(tmp_path_factory.mktemp("prism") / "prism.log") as base_url:
            yield base_url
    except PrismError as error:
        pytest.fail(str(error))


@pytest.fixture(scope="session")
def success_examples() -> dict[str, Any]:
    """operationId -> the JSON body of its 200 example, as the spec gives it."""
    return mock_server.success_bodies()


__all__ = ["api", "cli_servers"]


@pytest.fixture(scope="session")
def local_mock() -> Iterator[str]:
    """Base URL of the Python mock server the demo uses."""
    server, base_url = mock_server.start()
    try:
        yield base_url
    finally:
        server.stop()
