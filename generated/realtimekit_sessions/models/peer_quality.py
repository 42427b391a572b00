from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.audio_consumer_stats import AudioConsumerStats
    from ..models.audio_consumer_summary import AudioConsumerSummary
    from ..models.audio_producer_stats import AudioProducerStats
    from ..models.audio_producer_summary import AudioProducerSummary
    from ..models.video_consumer_stats import VideoConsumerStats
    from ..models.video_consumer_summary import VideoConsumerSummary
    from ..models.video_producer_stats import VideoProducerStats
    from ..models.video_producer_summary import VideoProducerSummary


T = TypeVar("T", bound="PeerQuality")


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
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        audio_producer: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.audio_producer, Unset):
            audio_producer = []
            for audio_producer_item_data in self.audio_producer:
                audio_producer_item = audio_producer_item_data.to_dict()
                audio_producer.append(audio_producer_item)

        audio_producer_cumulative: dict[str, Any] | Unset = UNSET
        if not isinstance(self.audio_producer_cumulative, Unset):
            audio_producer_cumulative = self.audio_producer_cumulative.to_dict()

        audio_consumer: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.audio_consumer, Unset):
            audio_consumer = []
            for audio_consumer_item_data in self.audio_consumer:
                audio_consumer_item = audio_consumer_item_data.to_dict()
                audio_consumer.append(audio_consumer_item)

        audio_consumer_cumulative: dict[str, Any] | Unset = UNSET
        if not isinstance(self.audio_consumer_cumulative, Unset):
            audio_consumer_cumulative = self.audio_consumer_cumulative.to_dict()

        video_producer: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.video_producer, Unset):
            video_producer = []
            for video_producer_item_data in self.video_producer:
                video_producer_item = video_producer_item_data.to_dict()
                video_producer.append(video_producer_item)

        video_producer_cumulative: dict[str, Any] | Unset = UNSET
        if not isinstance(self.video_producer_cumulative, Unset):
            video_producer_cumulative = self.video_producer_cumulative.to_dict()

        video_consumer: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.video_consumer, Unset):
            video_consumer = []
            for video_consumer_item_data in self.video_consumer:
                video_consumer_item = video_consumer_item_data.to_dict()
                video_consumer.append(video_consumer_item)

        video_consumer_cumulative: dict[str, Any] | Unset = UNSET
        if not isinstance(self.video_consumer_cumulative, Unset):
            video_consumer_cumulative = self.video_consumer_cumulative.to_dict()

        screenshare_audio_producer: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.screenshare_audio_producer, Unset):
            screenshare_audio_producer = []
            for screenshare_audio_producer_item_data in self.screenshare_audio_producer:
                screenshare_audio_producer_item = screenshare_audio_producer_item_data.to_dict()
                screenshare_audio_producer.append(screenshare_audio_producer_item)

        screenshare_audio_producer_cumulative: dict[str, Any] | Unset = UNSET
        if not isinstance(self.screenshare_audio_producer_cumulative, Unset):
            screenshare_audio_producer_cumulative = self.screenshare_audio_producer_cumulative.to_dict()

        screenshare_audio_consumer: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.screenshare_audio_consumer, Unset):
            screenshare_audio_consumer = []
            for screenshare_audio_consumer_item_data in self.screenshare_audio_consumer:
                screenshare_audio_consumer_item = screenshare_audio_consumer_item_data.to_dict()
                screenshare_audio_consumer.append(screenshare_audio_consumer_item)

        screenshare_audio_consumer_cumulative: dict[str, Any] | Unset = UNSET
        if not isinstance(self.screenshare_audio_consumer_cumulative, Unset):
            screenshare_audio_consumer_cumulative = self.screenshare_audio_consumer_cumulative.to_dict()

        screenshare_video_producer: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.screenshare_video_producer, Unset):
            screenshare_video_producer = []
            for screenshare_video_producer_item_data in self.screenshare_video_producer:
                screenshare_video_producer_item = screenshare_video_producer_item_data.to_dict()
                screenshare_video_producer.append(screenshare_video_producer_item)

        screenshare_video_producer_cumulative: dict[str, Any] | Unset = UNSET
        if not isinstance(self.screenshare_video_producer_cumulative, Unset):
            screenshare_video_producer_cumulative = self.screenshare_video_producer_cumulative.to_dict()

        screenshare_video_consumer: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.screenshare_video_consumer, Unset):
            screenshare_video_consumer = []
            for screenshare_video_consumer_item_data in self.screenshare_video_consumer:
                screenshare_video_consumer_item = screenshare_video_consumer_item_data.to_dict()
                screenshare_video_consumer.append(screenshare_video_consumer_item)

        screenshare_video_consumer_cumulative: dict[str, Any] | Unset = UNSET
        if not isinstance(self.screenshare_video_consumer_cumulative, Unset):
            screenshare_video_consumer_cumulative = self.screenshare_video_consumer_cumulative.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if audio_producer is not UNSET:
            field_dict["audio_producer"] = audio_producer
        if audio_producer_cumulative is not UNSET:
            field_dict["audio_producer_cumulative"] = audio_producer_cumulative
        if audio_consumer is not UNSET:
            field_dict["audio_consumer"] = audio_consumer
        if audio_consumer_cumulative is not UNSET:
            field_dict["audio_consumer_cumulative"] = audio_consumer_cumulative
        if video_producer is not UNSET:
            field_dict["video_producer"] = video_producer
        if video_producer_cumulative is not UNSET:
            field_dict["video_producer_cumulative"] = video_producer_cumulative
        if video_consumer is not UNSET:
            field_dict["video_consumer"] = video_consumer
        if video_consumer_cumulative is not UNSET:
            field_dict["video_consumer_cumulative"] = video_consumer_cumulative
        if screenshare_audio_producer is not UNSET:
            field_dict["screenshare_audio_producer"] = screenshare_audio_producer
        if screenshare_audio_producer_cumulative is not UNSET:
            field_dict["screenshare_audio_producer_cumulative"] = screenshare_audio_producer_cumulative
        if screenshare_audio_consumer is not UNSET:
            field_dict["screenshare_audio_consumer"] = screenshare_audio_consumer
        if screenshare_audio_consumer_cumulative is not UNSET:
            field_dict["screenshare_audio_consumer_cumulative"] = screenshare_audio_consumer_cumulative
        if screenshare_video_producer is not UNSET:
            field_dict["screenshare_video_producer"] = screenshare_video_producer
        if screenshare_video_producer_cumulative is not UNSET:
            field_dict["screenshare_video_producer_cumulative"] = screenshare_video_producer_cumulative
        if screenshare_video_consumer is not UNSET:
            field_dict["screenshare_video_consumer"] = screenshare_video_consumer
        if screenshare_video_consumer_cumulative is not UNSET:
            field_dict["screenshare_video_consumer_cumulative"] = screenshare_video_consumer_cumulative

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.audio_consumer_stats import AudioConsumerStats
        from ..models.audio_consumer_summary import AudioConsumerSummary
        from ..models.audio_producer_stats import AudioProducerStats
        from ..models.audio_producer_summary import AudioProducerSummary
        from ..models.video_consumer_stats import VideoConsumerStats
        from ..models.video_consumer_summary import VideoConsumerSummary
        from ..models.video_producer_stats import VideoProducerStats
        from ..models.video_producer_summary import VideoProducerSummary

        d = dict(src_dict)
        _audio_producer = d.pop("audio_producer", UNSET)
        audio_producer: list[AudioProducerStats] | Unset = UNSET
        if _audio_producer is not UNSET:
            audio_producer = []
            for audio_producer_item_data in _audio_producer:
                audio_producer_item = AudioProducerStats.from_dict(audio_producer_item_data)

                audio_producer.append(audio_producer_item)

        _audio_producer_cumulative = d.pop("audio_producer_cumulative", UNSET)
        audio_producer_cumulative: AudioProducerSummary | Unset
        if isinstance(_audio_producer_cumulative, Unset):
            audio_producer_cumulative = UNSET
        else:
            audio_producer_cumulative = AudioProducerSummary.from_dict(_audio_producer_cumulative)

        _audio_consumer = d.pop("audio_consumer", UNSET)
        audio_consumer: list[AudioConsumerStats] | Unset = UNSET
        if _audio_consumer is not UNSET:
            audio_consumer = []
            for audio_consumer_item_data in _audio_consumer:
                audio_consumer_item = AudioConsumerStats.from_dict(audio_consumer_item_data)

                audio_consumer.append(audio_consumer_item)

        _audio_consumer_cumulative = d.pop("audio_consumer_cumulative", UNSET)
        audio_consumer_cumulative: AudioConsumerSummary | Unset
        if isinstance(_audio_consumer_cumulative, Unset):
            audio_consumer_cumulative = UNSET
        else:
            audio_consumer_cumulative = AudioConsumerSummary.from_dict(_audio_consumer_cumulative)

        _video_producer = d.pop("video_producer", UNSET)
        video_producer: list[VideoProducerStats] | Unset = UNSET
        if _video_producer is not UNSET:
            video_producer = []
            for video_producer_item_data in _video_producer:
                video_producer_item = VideoProducerStats.from_dict(video_producer_item_data)

                video_producer.append(video_producer_item)

        _video_producer_cumulative = d.pop("video_producer_cumulative", UNSET)
        video_producer_cumulative: VideoProducerSummary | Unset
        if isinstance(_video_producer_cumulative, Unset):
            video_producer_cumulative = UNSET
        else:
            video_producer_cumulative = VideoProducerSummary.from_dict(_video_producer_cumulative)

        _video_consumer = d.pop("video_consumer", UNSET)
        video_consumer: list[VideoConsumerStats] | Unset = UNSET
        if _video_consumer is not UNSET:
            video_consumer = []
            for video_consumer_item_data in _video_consumer:
                video_consumer_item = VideoConsumerStats.from_dict(video_consumer_item_data)

                video_consumer.append(video_consumer_item)

        _video_consumer_cumulative = d.pop("video_consumer_cumulative", UNSET)
        video_consumer_cumulative: VideoConsumerSummary | Unset
        if isinstance(_video_consumer_cumulative, Unset):
            video_consumer_cumulative = UNSET
        else:
            video_consumer_cumulative = VideoConsumerSummary.from_dict(_video_consumer_cumulative)

        _screenshare_audio_producer = d.pop("screenshare_audio_producer", UNSET)
        screenshare_audio_producer: list[AudioProducerStats] | Unset = UNSET
        if _screenshare_audio_producer is not UNSET:
            screenshare_audio_producer = []
            for screenshare_audio_producer_item_data in _screenshare_audio_producer:
                screenshare_audio_producer_item = AudioProducerStats.from_dict(screenshare_audio_producer_item_data)

                screenshare_audio_producer.append(screenshare_audio_producer_item)

        _screenshare_audio_producer_cumulative = d.pop("screenshare_audio_producer_cumulative", UNSET)
        screenshare_audio_producer_cumulative: AudioProducerSummary | Unset
        if isinstance(_screenshare_audio_producer_cumulative, Unset):
            screenshare_audio_producer_cumulative = UNSET
        else:
            screenshare_audio_producer_cumulative = AudioProducerSummary.from_dict(
                _screenshare_audio_producer_cumulative
            )

        _screenshare_audio_consumer = d.pop("screenshare_audio_consumer", UNSET)
        screenshare_audio_consumer: list[AudioConsumerStats] | Unset = UNSET
        if _screenshare_audio_consumer is not UNSET:
            screenshare_audio_consumer = []
            for screenshare_audio_consumer_item_data in _screenshare_audio_consumer:
                screenshare_audio_consumer_item = AudioConsumerStats.from_dict(screenshare_audio_consumer_item_data)

                screenshare_audio_consumer.append(screenshare_audio_consumer_item)

        _screenshare_audio_consumer_cumulative = d.pop("screenshare_audio_consumer_cumulative", UNSET)
        screenshare_audio_consumer_cumulative: AudioConsumerSummary | Unset
        if isinstance(_screenshare_audio_consumer_cumulative, Unset):
            screenshare_audio_consumer_cumulative = UNSET
        else:
            screenshare_audio_consumer_cumulative = AudioConsumerSummary.from_dict(
                _screenshare_audio_consumer_cumulative
            )

        _screenshare_video_producer = d.pop("screenshare_video_producer", UNSET)
        screenshare_video_producer: list[VideoProducerStats] | Unset = UNSET
        if _screenshare_video_producer is not UNSET:
            screenshare_video_producer = []
            for screenshare_video_producer_item_data in _screenshare_video_producer:
                screenshare_video_producer_item = VideoProducerStats.from_dict(screenshare_video_producer_item_data)

                screenshare_video_producer.append(screenshare_video_producer_item)

        _screenshare_video_producer_cumulative = d.pop("screenshare_video_producer_cumulative", UNSET)
        screenshare_video_producer_cumulative: VideoProducerSummary | Unset
        if isinstance(_screenshare_video_producer_cumulative, Unset):
            screenshare_video_producer_cumulative = UNSET
        else:
            screenshare_video_producer_cumulative = VideoProducerSummary.from_dict(
                _screenshare_video_producer_cumulative
            )

        _screenshare_video_consumer = d.pop("screenshare_video_consumer", UNSET)
        screenshare_video_consumer: list[VideoConsumerStats] | Unset = UNSET
        if _screenshare_video_consumer is not UNSET:
            screenshare_video_consumer = []
            for screenshare_video_consumer_item_data in _screenshare_video_consumer:
                screenshare_video_consumer_item = VideoConsumerStats.from_dict(screenshare_video_consumer_item_data)

                screenshare_video_consumer.append(screenshare_video_consumer_item)

        _screenshare_video_consumer_cumulative = d.pop("screenshare_video_consumer_cumulative", UNSET)
        screenshare_video_consumer_cumulative: VideoConsumerSummary | Unset
        if isinstance(_screenshare_video_consumer_cumulative, Unset):
            screenshare_video_consumer_cumulative = UNSET
        else:
            screenshare_video_consumer_cumulative = VideoConsumerSummary.from_dict(
                _screenshare_video_consumer_cumulative
            )

        peer_quality = cls(
            audio_producer=audio_producer,
            audio_producer_cumulative=audio_producer_cumulative,
            audio_consumer=audio_consumer,
            audio_consumer_cumulative=audio_consumer_cumulative,
            video_producer=video_producer,
            video_producer_cumulative=video_producer_cumulative,
            video_consumer=video_consumer,
            video_consumer_cumulative=video_consumer_cumulative,
            screenshare_audio_producer=screenshare_audio_producer,
            screenshare_audio_producer_cumulative=screenshare_audio_producer_cumulative,
            screenshare_audio_consumer=screenshare_audio_consumer,
            screenshare_audio_consumer_cumulative=screenshare_audio_consumer_cumulative,
            screenshare_video_producer=screenshare_video_producer,
            screenshare_video_producer_cumulative=screenshare_video_producer_cumulative,
            screenshare_video_consumer=screenshare_video_consumer,
            screenshare_video_consumer_cumulative=screenshare_video_consumer_cumulative,
        )

        peer_quality.additional_properties = d
        return peer_quality

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
