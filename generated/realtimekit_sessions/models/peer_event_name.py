from typing import Literal, cast

from ..types import fail

PeerEventName = Literal["PEER_CREATED", "PEER_JOINING", "PEER_LEAVING"]

# The documented values. Requests are checked against them; responses are not (see below).
PEER_EVENT_NAME_VALUES: frozenset[PeerEventName] = frozenset(
    {
        "PEER_CREATED",
        "PEER_JOINING",
        "PEER_LEAVING",
    }
)


def check_peer_event_name(value: object) -> PeerEventName:
    """Read a PeerEventName from a response.

    The API adds values over time, so any string is accepted and kept as it came: a value outside
    PEER_EVENT_NAME_VALUES means the API has grown, not that the response is broken.
    """
    if type(value) is str:
        return cast(PeerEventName, value)
    fail("a string (one of PEER_CREATED, PEER_JOINING, PEER_LEAVING)", value)
