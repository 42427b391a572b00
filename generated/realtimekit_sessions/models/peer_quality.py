from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

import msgspec
from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import field_error
from ..models.audio_consumer_stats import AudioConsumerStats
from ..models.audio_consumer_summary import AudioConsumerSummary
from ..models.audio_producer_stats import AudioProducerStats
from ..models.audio_producer_summary import AudioProducerSummary
from ..models.video_consumer_stats import VideoConsumerStats
from ..models.video_consumer_summary import VideoConsumerSummary
from ..models.video_producer_stats import VideoProducerStats
from ..models.video_producer_summary import VideoProducerSummary
from ..types import UNSET, Unset, as_list, as_object

_KEYS: frozenset[str] = frozenset(
    {
        "audio_producer",
        "audio_producer_cumulative",
        "audio_consumer",
        "audio_consumer_cumulative",
        "video_producer",
        "video_producer_cumulative",
        "video_consumer",
        "video_consumer_cumulative",
        "screenshare_audio_producer",
        "screenshare_audio_producer_cumulative",
        "screenshare_audio_consumer",
        "screenshare_audio_consumer_cumulative",
        "screenshare_video_producer",
        "screenshare_video_producer_cumulative",
        "screenshare_video_consumer",
        "screenshare_video_consumer_cumulative",
    }
)


@_attrs_define
class PeerQuality:
    """Media quality statistics for the participant: samples taken through the call per direction (producer = sending,
    consumer = receiving) and medium, with a cumulative summary of each. Screen-share audio and video share the shapes
    of camera audio and video.

        Attributes:
            audio_producer (list[AudioProducerStats] | Unset):
            audio_producer_cumulative (AudioProducerSummary | Unset): Aggregated outbound (producer) audio statistics for
                the session.
            audio_consumer (list[AudioConsumerStats] | Unset):
            audio_consumer_cumulative (AudioConsumerSummary | Unset): Aggregated inbound (consumer) audio statistics for the
                session.
            video_producer (list[VideoProducerStats] | Unset):
            video_producer_cumulative (VideoProducerSummary | Unset): Aggregated outbound (producer) video statistics for
                the session.
            video_consumer (list[VideoConsumerStats] | Unset):
            video_consumer_cumulative (VideoConsumerSummary | Unset): Aggregated inbound (consumer) video statistics for the
                session.
            screenshare_audio_producer (list[AudioProducerStats] | Unset):
            screenshare_audio_producer_cumulative (AudioProducerSummary | Unset): Aggregated outbound (producer) audio
                statistics for the session.
            screenshare_audio_consumer (list[AudioConsumerStats] | Unset):
            screenshare_audio_consumer_cumulative (AudioConsumerSummary | Unset): Aggregated inbound (consumer) audio
                statistics for the session.
            screenshare_video_producer (list[VideoProducerStats] | Unset):
            screenshare_video_producer_cumulative (VideoProducerSummary | Unset): Aggregated outbound (producer) video
                statistics for the session.
            screenshare_video_consumer (list[VideoConsumerStats] | Unset):
            screenshare_video_consumer_cumulative (VideoConsumerSummary | Unset): Aggregated inbound (consumer) video
                statistics for the session.
    """

    audio_producer: list[AudioProducerStats] | Unset = UNSET
    audio_producer_cumulative: AudioProducerSummary | Unset = UNSET
    audio_consumer: list[AudioConsumerStats] | Unset = UNSET
    audio_consumer_cumulative: AudioConsumerSummary | Unset = UNSET
    video_producer: list[VideoProducerStats] | Unset = UNSET
    video_producer_cumulative: VideoProducerSummary | Unset = UNSET
    video_consumer: list[VideoConsumerStats] | Unset = UNSET
    video_consumer_cumulative: VideoConsumerSummary | Unset = UNSET
    screenshare_audio_producer: list[AudioProducerStats] | Unset = UNSET
    screenshare_audio_producer_cumulative: AudioProducerSummary | Unset = UNSET
    screenshare_audio_consumer: list[AudioConsumerStats] | Unset = UNSET
    screenshare_audio_consumer_cumulative: AudioConsumerSummary | Unset = UNSET
    screenshare_video_producer: list[VideoProducerStats] | Unset = UNSET
    screenshare_video_producer_cumulative: VideoProducerSummary | Unset = UNSET
    screenshare_video_consumer: list[VideoConsumerStats] | Unset = UNSET
    screenshare_video_consumer_cumulative: VideoConsumerSummary | Unset = UNSET
    # Keys the spec does not know, kept so that to_dict() gives back everything that came in. None until
    # there is one: most objects have none, and an empty dict per object is memory for nothing.
    _extra: dict[str, Any] | None = _attrs_field(init=False, default=None, alias="_extra")

    class _Shape(msgspec.Struct, kw_only=True, gc=False, forbid_unknown_fields=True):
        """The JSON object as msgspec decodes it on the fast path (see _from_shape)."""

        audio_producer: list[AudioProducerStats._Shape] | msgspec.UnsetType = msgspec.UNSET
        audio_producer_cumulative: AudioProducerSummary._Shape | msgspec.UnsetType = msgspec.UNSET
        audio_consumer: list[AudioConsumerStats._Shape] | msgspec.UnsetType = msgspec.UNSET
        audio_consumer_cumulative: AudioConsumerSummary._Shape | msgspec.UnsetType = msgspec.UNSET
        video_producer: list[VideoProducerStats._Shape] | msgspec.UnsetType = msgspec.UNSET
        video_producer_cumulative: VideoProducerSummary._Shape | msgspec.UnsetType = msgspec.UNSET
        video_consumer: list[VideoConsumerStats._Shape] | msgspec.UnsetType = msgspec.UNSET
        video_consumer_cumulative: VideoConsumerSummary._Shape | msgspec.UnsetType = msgspec.UNSET
        screenshare_audio_producer: list[AudioProducerStats._Shape] | msgspec.UnsetType = msgspec.UNSET
        screenshare_audio_producer_cumulative: AudioProducerSummary._Shape | msgspec.UnsetType = msgspec.UNSET
        screenshare_audio_consumer: list[AudioConsumerStats._Shape] | msgspec.UnsetType = msgspec.UNSET
        screenshare_audio_consumer_cumulative: AudioConsumerSummary._Shape | msgspec.UnsetType = msgspec.UNSET
        screenshare_video_producer: list[VideoProducerStats._Shape] | msgspec.UnsetType = msgspec.UNSET
        screenshare_video_producer_cumulative: VideoProducerSummary._Shape | msgspec.UnsetType = msgspec.UNSET
        screenshare_video_consumer: list[VideoConsumerStats._Shape] | msgspec.UnsetType = msgspec.UNSET
        screenshare_video_consumer_cumulative: VideoConsumerSummary._Shape | msgspec.UnsetType = msgspec.UNSET

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = dict(self._extra) if self._extra else {}
        if not isinstance(self.audio_producer, Unset):
            field_dict["audio_producer"] = [_item.to_dict() for _item in self.audio_producer]
        if not isinstance(self.audio_producer_cumulative, Unset):
            field_dict["audio_producer_cumulative"] = self.audio_producer_cumulative.to_dict()
        if not isinstance(self.audio_consumer, Unset):
            field_dict["audio_consumer"] = [_item.to_dict() for _item in self.audio_consumer]
        if not isinstance(self.audio_consumer_cumulative, Unset):
            field_dict["audio_consumer_cumulative"] = self.audio_consumer_cumulative.to_dict()
        if not isinstance(self.video_producer, Unset):
            field_dict["video_producer"] = [_item.to_dict() for _item in self.video_producer]
        if not isinstance(self.video_producer_cumulative, Unset):
            field_dict["video_producer_cumulative"] = self.video_producer_cumulative.to_dict()
        if not isinstance(self.video_consumer, Unset):
            field_dict["video_consumer"] = [_item.to_dict() for _item in self.video_consumer]
        if not isinstance(self.video_consumer_cumulative, Unset):
            field_dict["video_consumer_cumulative"] = self.video_consumer_cumulative.to_dict()
        if not isinstance(self.screenshare_audio_producer, Unset):
            field_dict["screenshare_audio_producer"] = [_item.to_dict() for _item in self.screenshare_audio_producer]
        if not isinstance(self.screenshare_audio_producer_cumulative, Unset):
            field_dict["screenshare_audio_producer_cumulative"] = self.screenshare_audio_producer_cumulative.to_dict()
        if not isinstance(self.screenshare_audio_consumer, Unset):
            field_dict["screenshare_audio_consumer"] = [_item.to_dict() for _item in self.screenshare_audio_consumer]
        if not isinstance(self.screenshare_audio_consumer_cumulative, Unset):
            field_dict["screenshare_audio_consumer_cumulative"] = self.screenshare_audio_consumer_cumulative.to_dict()
        if not isinstance(self.screenshare_video_producer, Unset):
            field_dict["screenshare_video_producer"] = [_item.to_dict() for _item in self.screenshare_video_producer]
        if not isinstance(self.screenshare_video_producer_cumulative, Unset):
            field_dict["screenshare_video_producer_cumulative"] = self.screenshare_video_producer_cumulative.to_dict()
        if not isinstance(self.screenshare_video_consumer, Unset):
            field_dict["screenshare_video_consumer"] = [_item.to_dict() for _item in self.screenshare_video_consumer]
        if not isinstance(self.screenshare_video_consumer_cumulative, Unset):
            field_dict["screenshare_video_consumer_cumulative"] = self.screenshare_video_consumer_cumulative.to_dict()
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = src_dict if type(src_dict) is dict else as_object(src_dict)
        self = cls.__new__(cls)
        _field: str | None = None
        _missing = 0  # optional fields absent: with len(d), tells whether d holds keys the spec does not know
        try:
            _v = d.get("audio_producer", UNSET)
            if _v is not UNSET:
                _field = "audio_producer"
                _v = list(map(AudioProducerStats.from_dict, as_list(_v)))
            else:
                _missing += 1
            self.audio_producer = _v
            _v = d.get("audio_producer_cumulative", UNSET)
            if _v is not UNSET:
                _field = "audio_producer_cumulative"
                _v = AudioProducerSummary.from_dict(_v)
            else:
                _missing += 1
            self.audio_producer_cumulative = _v
            _v = d.get("audio_consumer", UNSET)
            if _v is not UNSET:
                _field = "audio_consumer"
                _v = list(map(AudioConsumerStats.from_dict, as_list(_v)))
            else:
                _missing += 1
            self.audio_consumer = _v
            _v = d.get("audio_consumer_cumulative", UNSET)
            if _v is not UNSET:
                _field = "audio_consumer_cumulative"
                _v = AudioConsumerSummary.from_dict(_v)
            else:
                _missing += 1
            self.audio_consumer_cumulative = _v
            _v = d.get("video_producer", UNSET)
            if _v is not UNSET:
                _field = "video_producer"
                _v = list(map(VideoProducerStats.from_dict, as_list(_v)))
            else:
                _missing += 1
            self.video_producer = _v
            _v = d.get("video_producer_cumulative", UNSET)
            if _v is not UNSET:
                _field = "video_producer_cumulative"
                _v = VideoProducerSummary.from_dict(_v)
            else:
                _missing += 1
            self.video_producer_cumulative = _v
            _v = d.get("video_consumer", UNSET)
            if _v is not UNSET:
                _field = "video_consumer"
                _v = list(map(VideoConsumerStats.from_dict, as_list(_v)))
            else:
                _missing += 1
            self.video_consumer = _v
            _v = d.get("video_consumer_cumulative", UNSET)
            if _v is not UNSET:
                _field = "video_consumer_cumulative"
                _v = VideoConsumerSummary.from_dict(_v)
            else:
                _missing += 1
            self.video_consumer_cumulative = _v
            _v = d.get("screenshare_audio_producer", UNSET)
            if _v is not UNSET:
                _field = "screenshare_audio_producer"
                _v = list(map(AudioProducerStats.from_dict, as_list(_v)))
            else:
                _missing += 1
            self.screenshare_audio_producer = _v
            _v = d.get("screenshare_audio_producer_cumulative", UNSET)
            if _v is not UNSET:
                _field = "screenshare_audio_producer_cumulative"
                _v = AudioProducerSummary.from_dict(_v)
            else:
                _missing += 1
            self.screenshare_audio_producer_cumulative = _v
            _v = d.get("screenshare_audio_consumer", UNSET)
            if _v is not UNSET:
                _field = "screenshare_audio_consumer"
                _v = list(map(AudioConsumerStats.from_dict, as_list(_v)))
            else:
                _missing += 1
            self.screenshare_audio_consumer = _v
            _v = d.get("screenshare_audio_consumer_cumulative", UNSET)
            if _v is not UNSET:
                _field = "screenshare_audio_consumer_cumulative"
                _v = AudioConsumerSummary.from_dict(_v)
            else:
                _missing += 1
            self.screenshare_audio_consumer_cumulative = _v
            _v = d.get("screenshare_video_producer", UNSET)
            if _v is not UNSET:
                _field = "screenshare_video_producer"
                _v = list(map(VideoProducerStats.from_dict, as_list(_v)))
            else:
                _missing += 1
            self.screenshare_video_producer = _v
            _v = d.get("screenshare_video_producer_cumulative", UNSET)
            if _v is not UNSET:
                _field = "screenshare_video_producer_cumulative"
                _v = VideoProducerSummary.from_dict(_v)
            else:
                _missing += 1
            self.screenshare_video_producer_cumulative = _v
            _v = d.get("screenshare_video_consumer", UNSET)
            if _v is not UNSET:
                _field = "screenshare_video_consumer"
                _v = list(map(VideoConsumerStats.from_dict, as_list(_v)))
            else:
                _missing += 1
            self.screenshare_video_consumer = _v
            _v = d.get("screenshare_video_consumer_cumulative", UNSET)
            if _v is not UNSET:
                _field = "screenshare_video_consumer_cumulative"
                _v = VideoConsumerSummary.from_dict(_v)
            else:
                _missing += 1
            self.screenshare_video_consumer_cumulative = _v
        except Exception as exc:  # noqa: BLE001 - re-raised below as a located ModelParseError
            raise field_error("PeerQuality", _field, d, exc)
        if len(d) + _missing == 16:
            self._extra = None
        else:
            self._extra = {k: v for k, v in d.items() if k not in _KEYS}
        return self

    @classmethod
    def _from_shape(cls, s: PeerQuality._Shape) -> Self:
        """The model from its decoded shape: from_dict's work without the lookups, the located errors or the
        unknown keys (a shape has none: msgspec refused it). Used by client.load_json, which falls back to
        from_dict whenever msgspec or this method refuses a body."""
        self = cls.__new__(cls)
        _audio_producer = s.audio_producer
        self.audio_producer = (
            UNSET if _audio_producer is msgspec.UNSET else list(map(AudioProducerStats._from_shape, _audio_producer))
        )
        _audio_producer_cumulative = s.audio_producer_cumulative
        self.audio_producer_cumulative = (
            UNSET
            if _audio_producer_cumulative is msgspec.UNSET
            else AudioProducerSummary._from_shape(_audio_producer_cumulative)
        )
        _audio_consumer = s.audio_consumer
        self.audio_consumer = (
            UNSET if _audio_consumer is msgspec.UNSET else list(map(AudioConsumerStats._from_shape, _audio_consumer))
        )
        _audio_consumer_cumulative = s.audio_consumer_cumulative
        self.audio_consumer_cumulative = (
            UNSET
            if _audio_consumer_cumulative is msgspec.UNSET
            else AudioConsumerSummary._from_shape(_audio_consumer_cumulative)
        )
        _video_producer = s.video_producer
        self.video_producer = (
            UNSET if _video_producer is msgspec.UNSET else list(map(VideoProducerStats._from_shape, _video_producer))
        )
        _video_producer_cumulative = s.video_producer_cumulative
        self.video_producer_cumulative = (
            UNSET
            if _video_producer_cumulative is msgspec.UNSET
            else VideoProducerSummary._from_shape(_video_producer_cumulative)
        )
        _video_consumer = s.video_consumer
        self.video_consumer = (
            UNSET if _video_consumer is msgspec.UNSET else list(map(VideoConsumerStats._from_shape, _video_consumer))
        )
        _video_consumer_cumulative = s.video_consumer_cumulative
        self.video_consumer_cumulative = (
            UNSET
            if _video_consumer_cumulative is msgspec.UNSET
            else VideoConsumerSummary._from_shape(_video_consumer_cumulative)
        )
        _screenshare_audio_producer = s.screenshare_audio_producer
        self.screenshare_audio_producer = (
            UNSET
            if _screenshare_audio_producer is msgspec.UNSET
            else list(map(AudioProducerStats._from_shape, _screenshare_audio_producer))
        )
        _screenshare_audio_producer_cumulative = s.screenshare_audio_producer_cumulative
        self.screenshare_audio_producer_cumulative = (
            UNSET
            if _screenshare_audio_producer_cumulative is msgspec.UNSET
            else AudioProducerSummary._from_shape(_screenshare_audio_producer_cumulative)
        )
        _screenshare_audio_consumer = s.screenshare_audio_consumer
        self.screenshare_audio_consumer = (
            UNSET
            if _screenshare_audio_consumer is msgspec.UNSET
            else list(map(AudioConsumerStats._from_shape, _screenshare_audio_consumer))
        )
        _screenshare_audio_consumer_cumulative = s.screenshare_audio_consumer_cumulative
        self.screenshare_audio_consumer_cumulative = (
            UNSET
            if _screenshare_audio_consumer_cumulative is msgspec.UNSET
            else AudioConsumerSummary._from_shape(_screenshare_audio_consumer_cumulative)
        )
        _screenshare_video_producer = s.screenshare_video_producer
        self.screenshare_video_producer = (
            UNSET
            if _screenshare_video_producer is msgspec.UNSET
            else list(map(VideoProducerStats._from_shape, _screenshare_video_producer))
        )
        _screenshare_video_producer_cumulative = s.screenshare_video_producer_cumulative
        self.screenshare_video_producer_cumulative = (
            UNSET
            if _screenshare_video_producer_cumulative is msgspec.UNSET
            else VideoProducerSummary._from_shape(_screenshare_video_producer_cumulative)
        )
        _screenshare_video_consumer = s.screenshare_video_consumer
        self.screenshare_video_consumer = (
            UNSET
            if _screenshare_video_consumer is msgspec.UNSET
            else list(map(VideoConsumerStats._from_shape, _screenshare_video_consumer))
        )
        _screenshare_video_consumer_cumulative = s.screenshare_video_consumer_cumulative
        self.screenshare_video_consumer_cumulative = (
            UNSET
            if _screenshare_video_consumer_cumulative is msgspec.UNSET
            else VideoConsumerSummary._from_shape(_screenshare_video_consumer_cumulative)
        )
        self._extra = None
        return self

    @property
    def additional_properties(self) -> dict[str, Any]:
        """Fields the spec does not describe, as they came (new API fields land here)."""
        if self._extra is None:
            self._extra = {}
        return self._extra

    @additional_properties.setter
    def additional_properties(self, value: dict[str, Any]) -> None:
        self._extra = value

    @property
    def additional_keys(self) -> list[str]:
        return list(self._extra) if self._extra else []

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return self._extra is not None and key in self._extra
