"""The generated wiring, per operation: each path id goes through the input check with the spec's constraints
for that parameter, and the four ways of calling (sync, asyncio and their detailed forms) send the request the
spec describes and read the answer into the operation's model.

The check itself (every hostile id, text of any kind) is tested once, in tests/unit; here one hostile id per
(operation, parameter) proves the wiring.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

import httpx
import pytest
from realtimekit_sessions import errors
from realtimekit_sessions.types import Response
from realtimekit_tools import mock_server
from realtimekit_tools.routes import route_table
from realtimekit_tools.spec import resolve
from realtimekit_tools.testing.transports import Canned, json_response
from suite_support import (
    OPERATION_IDS,
    PATH_VALUES,
    make_client,
    operation_module,
    path_arguments,
    path_parameters,
    spec,
    success_model,
)

BASE_PATH = "/client/v4"
PATH_PARAMETERS = [(op, name) for op in OPERATION_IDS for name in route_table()[op].path_parameters]
SUCCESS_BODIES = mock_server.success_bodies()
VARIANTS = ("sync", "sync_detailed", "asyncio", "asyncio_detailed")


def call(operation_id: str, variant: str, arguments: list[Any], client: Any) -> Any:
    function = getattr(operation_module(operation_id), variant)
    if variant.startswith("asyncio"):
        return asyncio.run(function(*arguments, client=client))
    return function(*arguments, client=client)


def test_the_wiring_covers_every_path_parameter_of_the_spec() -> None:
    # The functions take exactly the template's path parameters, in its order, before any keyword.
    assert [(op, name) for op in OPERATION_IDS for name in path_parameters(op)] == PATH_PARAMETERS
    assert {op for op, _ in PATH_PARAMETERS} == set(route_table()) and len(PATH_PARAMETERS) == 27


@pytest.mark.parametrize(("operation_id", "parameter"), PATH_PARAMETERS, ids=[f"{o}-{p}" for o, p in PATH_PARAMETERS])
def test_each_path_id_goes_through_the_check_with_its_own_constraints(operation_id: str, parameter: str) -> None:
    canned = Canned(b"{}")
    client = make_client(httpx.MockTransport(canned), max_retries=0)
    schema = resolve(spec(), route_table()[operation_id].parameters[parameter]["schema"])
    longest = schema["maxLength"]
    for value in ("../x", "x" * (longest + 1)):
        with pytest.raises(errors.InvalidParameterError) as raised:
            call(operation_id, "sync", path_arguments(operation_id, **{parameter: value}), client)
        assert raised.value.parameter == parameter
    assert canned.sent == [], "refused, yet something was sent"
    # The longest id the spec allows for this parameter goes out as its own segment.
    call(operation_id, "sync_detailed", path_arguments(operation_id, **{parameter: "x" * longest}), client)
    (sent,) = canned.sent
    assert f"/{'x' * longest}" in sent.url.raw_path.decode("ascii")


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("operation_id", OPERATION_IDS)
def test_each_way_of_calling_sends_the_spec_request_and_reads_the_model(operation_id: str, variant: str) -> None:
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return json_response(200, SUCCESS_BODIES[operation_id])

    route = route_table()[operation_id]
    client = make_client(httpx.MockTransport(answer), max_retries=0)
    result = call(operation_id, variant, path_arguments(operation_id), client)

    (request,) = seen
    assert request.method == route.method
    expected = route.path_for({name: PATH_VALUES[name] for name in route.path_parameters})
    assert request.url.raw_path.decode("ascii").split("?", 1)[0] == BASE_PATH + expected
    model = success_model(operation_id)
    if variant.endswith("detailed"):
        assert isinstance(result, Response) and result.status_code == 200
        assert json.loads(result.content) == SUCCESS_BODIES[operation_id]  # the raw bytes are kept
        assert isinstance(result.parsed, model)
    else:
        assert isinstance(result, model)
