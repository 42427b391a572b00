from typing import Literal, cast

from ..types import fail

PeerReportFilter = Literal["device_info", "events", "ip_information", "precall_network_information", "quality_stats"]

# The documented values. Requests are checked against them; responses are not (see below).
PEER_REPORT_FILTER_VALUES: frozenset[PeerReportFilter] = frozenset(
    {
        "device_info",
        "events",
        "ip_information",
        "precall_network_information",
        "quality_stats",
    }
)


def check_peer_report_filter(value: object) -> PeerReportFilter:
    """Read a PeerReportFilter from a response.

    The API adds values over time, so any string is accepted and kept as it came: a value outside
    PEER_REPORT_FILTER_VALUES means the API has grown, not that the response is broken.
    """
    if type(value) is str:
        return cast(PeerReportFilter, value)
    fail("a string (one of device_info, events, ip_information, precall_network_information, quality_stats)", value)
