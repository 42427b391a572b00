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
# The chart: one column per medium, each holding the camera or microphone and the screen share, both
# directions. One colour per stream across every panel; sent solid, received dashed.
CHART_COLUMNS = {
    "audio": ("audio sent", "audio received", "screen share audio sent", "screen share audio received"),
    "video": ("video sent", "video received", "screen share video sent", "screen share video received"),
}
COLOURS = {
    "audio sent": "#1f77b4",
    "audio received": "#17becf",
    "screen share audio sent": "#9467bd",
    "screen share audio received": "#e377c2",
    "video sent": "#d62728",
    "video received": "#ff7f0e",
    "screen share video sent": "#2ca02c",
    "screen share video received": "#8c564b",
}
# A stream with more samples than this is drawn faint, sample by sample, under a rolling mean of about a
# twelfth of the call, which is the line to follow.
SMOOTH_ABOVE = 30
SMOOTH_PARTS = 12


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


# What stream_summary gives of a stream besides its count of samples.
MEASURES = ("mos_avg", "mos_p50", "mos_p90", "packet_loss_pct", "rtt_ms", "jitter_ms")


def stream_summary(quality: Mapping[str, Any], name: str) -> dict[str, Any] | None:
    samples_key, cumulative_key, direction = STREAMS[name]
    samples = [sample for sample in quality.get(samples_key) or [] if isinstance(sample, Mapping)]
    cumulative = quality.get(cumulative_key) or {}
    if not samples and not cumulative:
        return None
    mos_samples = _series(samples, "mos_quality")
    mos = _get(cumulative, "quality_mos") or {}
    if not samples and not (_number(mos.get("avg")) or 0) >= 1:
        # No sample, and a summary of zeros (MOS runs 1 to 5): the stream was never measured, and its zeros are
        # no loss, no delay and no quality to report. Shown as "-", not as a MOS of 0 and a perfect 0% loss.
        return {"samples": 0, **dict.fromkeys(MEASURES)}
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
            # The kind of link the ICE candidate went out on (wifi, ethernet, cellular, ...).
            "connection": pair.get("local_candidate_network_type"),
            # The browser's Network Information API estimate of how fast the link behaves (slow-2g, 2g, 3g,
            # 4g): a speed class, not the kind of link, so a good wifi reads "4g".
            "effective_type": last_connection.get("effective_network_type"),
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


def _rolling_mean(values: list[float], window: int) -> list[float]:
    half = window // 2
    return [statistics.fmean(values[max(0, i - half) : i + half + 1]) for i in range(len(values))]


def _start_of(body: Mapping[str, Any], quality: Mapping[str, Any]) -> datetime.datetime | None:
    """Minute 0 of the chart: when the participant joined, else the first sample."""
    joined = _timestamp(_get(body, "data", "participant", "joined_at"))
    stamps = [
        moment
        for name in STREAMS
        for sample in quality.get(STREAMS[name][0]) or []
        if isinstance(sample, Mapping) and (moment := _timestamp(sample.get("timestamp"))) is not None
    ]
    if joined is not None and (not stamps or joined <= min(stamps)):
        return joined
    return min(stamps) if stamps else joined


def draw_chart(body: Mapping[str, Any], path: Path, title: str | None = None) -> Path:
    """Call quality over the call: MOS, packet loss, round-trip time and jitter, for audio and for video
    (camera and microphone, and screen share), each direction; minutes into the call along the bottom.

    PNG or SVG by the file's extension, into a folder that must exist. Raises NoQualityData when there is
    nothing to draw.
    """
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    suffix = path.suffix.lower().lstrip(".")
    if suffix not in ("png", "svg"):
        raise ValueError(f"chart file must end in .png or .svg, not {path.name!r}")
    if not path.parent.is_dir():
        raise FileNotFoundError(2, "folder does not exist", str(path.parent))
    quality = _get(body, "data", "participant", "peer_report", "quality") or {}
    start = _start_of(body, quality)
    panels = (
        ("MOS (1-5)", "mos_quality", 1.0),
        ("packet loss (%)", None, 1.0),
        ("round-trip time (ms)", "rtt", 1000.0),
        ("jitter (ms)", "jitter", 1000.0),
    )
    figure, axes = plt.subplots(
        len(panels), len(CHART_COLUMNS), figsize=(13, 11), sharex=True, layout="constrained", squeeze=False
    )
    drawn: dict[str, Any] = {}
    smoothed: list[float] = []
    for column, (medium, names) in enumerate(CHART_COLUMNS.items()):
        for name in names:
            samples_key, _, direction = STREAMS[name]
            samples = [s for s in quality.get(samples_key) or [] if isinstance(s, Mapping)]
            minutes = [
                None
                if start is None or (moment := _timestamp(s.get("timestamp"))) is None
                else (moment - start).total_seconds() / 60.0
                for s in samples
            ]
            for row, (_label, key, scale) in enumerate(panels):
                axis = axes[row][column]
                values = loss_percentages(samples, direction) if key is None else _series(samples, key, scale)
                points = [(m, v) for m, v in zip(minutes, values, strict=True) if m is not None and v is not None]
                if not points:
                    continue
                xs, ys = [m for m, _ in points], [v for _, v in points]
                style = "-" if direction == "send" else "--"
                colour = COLOURS[name]
                if len(points) > SMOOTH_ABOVE:
                    # Every sample, faint; over it the rolling mean, which is what the eye should follow.
                    axis.plot(xs, ys, style, color=colour, linewidth=0.6, alpha=0.25)
                    window = max(5, len(points) // SMOOTH_PARTS) | 1
                    (line,) = axis.plot(xs, _rolling_mean(ys, window), style, color=colour, linewidth=1.8, label=name)
                    smoothed.append((xs[-1] - xs[0]) * window / max(1, len(xs) - 1))
                else:
                    # Few samples: each one a marker, so a single sample is a visible dot, not nothing.
                    (line,) = axis.plot(
                        xs, ys, style, color=colour, marker="o", markersize=5, linewidth=1.2, label=name
                    )
                drawn.setdefault(name, line)
    if not drawn:
        plt.close(figure)
        raise NoQualityData("the peer report has no timed quality samples to chart")
    all_x = [x for row in axes for axis in row for line in axis.get_lines() for x in line.get_xdata()]
    # From the start of the call; at least two minutes wide, so one sample is a dot in a readable window.
    low, high = min(0.0, min(all_x)), max(all_x)
    high = max(high, low + 2.0)
    for row, (label, _, _) in enumerate(panels):
        for column, medium in enumerate(CHART_COLUMNS):
            axis = axes[row][column]
            axis.grid(True, alpha=0.3)
            axis.set_xlim(low - 0.02 * (high - low), high + 0.02 * (high - low))
            if row == 0:
                axis.set_title(medium, fontsize="large")
            if column == 0:
                axis.set_ylabel(label)
            if row > 0 and axis.get_lines():
                # Loss, round-trip time and jitter are measured from zero, so that small is seen as small.
                axis.set_ylim(bottom=0)
            if not axis.get_lines():
                axis.text(0.5, 0.5, "no samples", transform=axis.transAxes, ha="center", va="center", color="grey")
                axis.set_yticks([])
    where = f" (0 = {start.astimezone(datetime.UTC):%Y-%m-%d %H:%M:%S} UTC)" if start is not None else ""
    for axis in axes[-1]:
        axis.set_xlabel(f"minutes into the call{where}")
    # One legend for every panel, in its own row under them: it never covers a line.
    ordered = [name for names in CHART_COLUMNS.values() for name in names if name in drawn]
    figure.legend(
        [drawn[name] for name in ordered],
        ordered,
        loc="outside lower center",
        ncols=4,
        frameon=False,
    )
    if smoothed:
        note = f"faint: every sample; bold: mean over about {statistics.median(smoothed):.0f} min"
    else:
        note = "each dot: one sample"
    # The title holds the participant's display name, typed by them: `$...$` in it is text, not mathtext (which
    # drew "Ke$ha A$AP" as a formula, and "$\x$" killed the command inside matplotlib).
    figure.suptitle(f"{title or 'Call quality over time'}\n{note}", parse_math=False)
    figure.savefig(path, format=suffix, dpi=100)
    plt.close(figure)
    return path
