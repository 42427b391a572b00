"""A participant's peer report made readable: a summary of call quality and devices, and a chart over time.

Works on the report as JSON (`SessionGetParticipantDataFromPeerIDResponse.to_dict()`), so that fields the
spec does not know yet are shown too and nothing here depends on which optional parts the API filled.
"""

from __future__ import annotations

import datetime
import statistics
from collections.abc import Mapping
from pathlib import Path
from typing import Any

# Stream name -> (samples key, cumulative key, direction). Producer = what the peer sent, consumer = received.
STREAMS = {
    "audio sent": ("audio_producer", "audio_producer_cumulative", "send"),
    "audio received": ("audio_consumer", "audio_consumer_cumulative", "receive"),
    "video sent": ("video_producer", "video_producer_cumulative", "send"),
    "video received": ("video_consumer", "video_consumer_cumulative", "receive"),
    "screen share audio sent": ("screenshare_audio_producer", "screenshare_audio_producer_cumulative", "send"),
    "screen share audio received": ("screenshare_audio_consumer", "screenshare_audio_consumer_cumulative", "receive"),
    "screen share video sent": ("screenshare_video_producer", "screenshare_video_producer_cumulative", "send"),
    "screen share video received": ("screenshare_video_consumer", "screenshare_video_consumer_cumulative", "receive"),
}
# What the chart draws, always: camera and microphone, each direction.
CHART_STREAMS = ("audio sent", "audio received", "video sent", "video received")
# One colour per stream in every panel, so a line can be followed from MOS down to jitter.
COLOURS = {
    "audio sent": "tab:blue",
    "audio received": "tab:orange",
    "video sent": "tab:green",
    "video received": "tab:red",
}


class NoQualityData(Exception):
    """The report holds no quality samples to chart."""


def _get(node: Any, *keys: str) -> Any:
    for key in keys:
        if not isinstance(node, Mapping):
            return None
        node = node.get(key)
    return node


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _round(value: float | None, digits: int = 2) -> float | None:
    return None if value is None else round(value, digits)


def _timestamp(value: Any) -> datetime.datetime | None:
    if isinstance(value, datetime.datetime):
        return value
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=datetime.UTC)


def loss_percentages(samples: list[Mapping[str, Any]], direction: str) -> list[float | None]:
    """Packet loss of each sample interval in percent.

    `packets_lost` and `packets_sent`/`packets_received` are running counters (WebRTC stats), so each
    interval's loss is its increase in lost packets over the packets that interval should have carried. A
    counter that goes down (a new producer, a reconnect) starts the count afresh.
    """
    carried_key = "packets_sent" if direction == "send" else "packets_received"
    percentages: list[float | None] = []
    previous_lost = previous_carried = 0.0
    for sample in samples:
        lost, carried = _number(sample.get("packets_lost")), _number(sample.get(carried_key))
        if lost is None or carried is None:
            percentages.append(None)
            continue
        if lost < previous_lost or carried < previous_carried:
            previous_lost = previous_carried = 0.0
        lost_now, carried_now = lost - previous_lost, carried - previous_carried
        previous_lost, previous_carried = lost, carried
        # Sent packets include the lost ones; received ones do not.
        expected = carried_now if direction == "send" else carried_now + lost_now
        percentages.append(100.0 * lost_now / expected if expected > 0 else None)
    return percentages


def _series(samples: list[Mapping[str, Any]], key: str, scale: float = 1.0) -> list[float | None]:
    values = [_number(sample.get(key)) for sample in samples]
    return [None if value is None else value * scale for value in values]


def _first(value: float | None, fallback: float | None) -> float | None:
    return value if value is not None else fallback


def _mean(values: list[float | None]) -> float | None:
    present = [value for value in values if value is not None]
    return statistics.fmean(present) if present else None


def _quantile(values: list[float | None], fraction: float) -> float | None:
    present = sorted(value for value in values if value is not None)
    if not present:
        return None
    return present[min(len(present) - 1, int(fraction * len(present)))]


def stream_summary(quality: Mapping[str, Any], name: str) -> dict[str, Any] | None:
    samples_key, cumulative_key, direction = STREAMS[name]
    samples = [sample for sample in quality.get(samples_key) or [] if isinstance(sample, Mapping)]
    cumulative = quality.get(cumulative_key) or {}
    if not samples and not cumulative:
        return None
    mos_samples = _series(samples, "mos_quality")
    mos = _get(cumulative, "quality_mos") or {}
    # The API's own summary first; the samples where it has none.
    return {
        "samples": len(samples),
        "mos_avg": _round(_first(_number(mos.get("avg")), _mean(mos_samples))),
        "mos_p50": _round(_first(_number(mos.get("p50")), _quantile(mos_samples, 0.5))),
        "mos_p90": _round(_first(_number(mos.get("p90")), _quantile(mos_samples, 0.9))),
        "packet_loss_pct": _round(
            _first(_number(_get(cumulative, "packet_loss", "avg")), _mean(loss_percentages(samples, direction)))
        ),
        "rtt_ms": _round(_first(_number(_get(cumulative, "rtt", "avg")), _mean(_series(samples, "rtt", 1000.0))), 1),
        "jitter_ms": _round(_mean(_series(samples, "jitter", 1000.0)), 1),
    }


def summarize(body: Mapping[str, Any]) -> dict[str, Any]:
    """The parts of a peer report a person asks about first, as plain JSON."""
    participant = _get(body, "data", "participant") or {}
    metadata = _get(participant, "peer_report", "metadata") or {}
    quality = _get(participant, "peer_report", "quality") or {}
    device = metadata.get("device_info") or {}
    browser = metadata.get("browser_metadata") or {}
    ip = metadata.get("ip_information") or {}
    connections = [item for item in metadata.get("pc_metadata") or [] if isinstance(item, Mapping)]
    pairs = (
        _get(metadata, "candidate_pairs", "producing_transport")
        or _get(metadata, "candidate_pairs", "consuming_transport")
        or []
    )
    pair = next((item for item in pairs if isinstance(item, Mapping) and item.get("nominated")), None) or (
        pairs[0] if pairs and isinstance(pairs[0], Mapping) else {}
    )
    last_connection = connections[-1] if connections else {}
    return {
        "participant": {
            "id": participant.get("id"),
            "display_name": participant.get("display_name"),
            "role": participant.get("role"),
            "joined_at": participant.get("joined_at"),
            "left_at": participant.get("left_at"),
            "duration_minutes": participant.get("duration"),
        },
        "device": {
            "os": " ".join(str(part) for part in (device.get("os"), device.get("os_version")) if part) or None,
            "cpus": device.get("cpus"),
            "mobile": device.get("is_mobile"),
            "sdk": " ".join(str(part) for part in (metadata.get("sdk_name"), metadata.get("sdk_version")) if part)
            or None,
        },
        "browser": {
            "name": " ".join(str(part) for part in (browser.get("browser"), browser.get("browser_version")) if part)
            or None,
            "engine": browser.get("engine"),
        },
        "network": {
            "type": last_connection.get("effective_network_type") or pair.get("local_candidate_network_type"),
            "candidate": " / ".join(
                str(part) for part in (pair.get("local_candidate_type"), pair.get("local_candidate_protocol")) if part
            )
            or None,
            "turn_reachable": last_connection.get("turn_connectivity"),
            "location": ", ".join(str(part) for part in (ip.get("city"), ip.get("country")) if part) or None,
            "provider": ip.get("org") or _get(ip, "asn", "name"),
        },
        "quality": {name: found for name in STREAMS if (found := stream_summary(quality, name)) is not None},
    }


def draw_chart(body: Mapping[str, Any], path: Path, title: str | None = None) -> Path:
    """Call quality over time (MOS, packet loss, round-trip time, jitter; audio and video, each direction).

    PNG or SVG by the file's extension. Raises NoQualityData when there is nothing to draw.
    """
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt

    suffix = path.suffix.lower().lstrip(".")
    if suffix not in ("png", "svg"):
        raise ValueError(f"chart file must end in .png or .svg, not {path.name!r}")
    quality = _get(body, "data", "participant", "peer_report", "quality") or {}
    panels = (
        ("MOS (1-5)", "mos_quality", 1.0),
        ("Packet loss (%)", None, 1.0),
        ("Round-trip time (ms)", "rtt", 1000.0),
        ("Jitter (ms)", "jitter", 1000.0),
    )
    figure, axes = plt.subplots(4, 1, figsize=(10, 11), sharex=True)
    drawn = False
    for name in CHART_STREAMS:
        samples_key, _, direction = STREAMS[name]
        samples = [s for s in quality.get(samples_key) or [] if isinstance(s, Mapping)]
        times = [_timestamp(sample.get("timestamp")) for sample in samples]
        for axis, (_label, key, scale) in zip(axes, panels, strict=True):
            values = loss_percentages(samples, direction) if key is None else _series(samples, key, scale)
            points = [(t, v) for t, v in zip(times, values, strict=True) if t is not None and v is not None]
            if points:
                style = "-" if direction == "send" else "--"
                axis.plot(
                    [t for t, _ in points],
                    [v for _, v in points],
                    style,
                    color=COLOURS[name],
                    label=name,
                    linewidth=1.2,
                )
                drawn = True
    if not drawn:
        plt.close(figure)
        raise NoQualityData("the peer report has no timed quality samples to chart")
    for axis, (label, _, _) in zip(axes, panels, strict=True):
        axis.set_ylabel(label)
        axis.grid(True, alpha=0.3)
        if axis.lines:
            axis.legend(loc="upper right", fontsize="small")
    time_format = mdates.DateFormatter("%H:%M", tz=datetime.UTC)  # type: ignore[no-untyped-call]
    axes[-1].xaxis.set_major_formatter(time_format)
    axes[-1].set_xlabel("time (UTC)")
    figure.suptitle(title or "Call quality over time")
    figure.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path, format=suffix, dpi=100)
    plt.close(figure)
    return path
