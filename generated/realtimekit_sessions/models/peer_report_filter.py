from typing import Literal

PeerReportFilter = Literal["device_info", "events", "ip_information", "precall_network_information", "quality_stats"]

PEER_REPORT_FILTER_VALUES: set[PeerReportFilter] = {
    "device_info",
    "events",
    "ip_information",
    "precall_network_information",
    "quality_stats",
}


def check_peer_report_filter(value: str) -> PeerReportFilter:
    if value in PEER_REPORT_FILTER_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PEER_REPORT_FILTER_VALUES!r}")
