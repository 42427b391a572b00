from typing import Literal

PeerEventName = Literal["PEER_CREATED", "PEER_JOINING", "PEER_LEAVING"]

PEER_EVENT_NAME_VALUES: set[PeerEventName] = {
    "PEER_CREATED",
    "PEER_JOINING",
    "PEER_LEAVING",
}


def check_peer_event_name(value: str) -> PeerEventName:
    if value in PEER_EVENT_NAME_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PEER_EVENT_NAME_VALUES!r}")
