"""Contains all the data models used in inputs/outputs"""

from .asn import Asn
from .audio_consumer_stats import AudioConsumerStats
from .audio_consumer_summary import AudioConsumerSummary
from .audio_producer_stats import AudioProducerStats
from .audio_producer_summary import AudioProducerSummary
from .browser_metadata import BrowserMetadata
from .candidate_pair import CandidatePair
from .candidate_pairs import CandidatePairs
from .chat_download import ChatDownload
from .chat_message import ChatMessage
from .client_event import ClientEvent
from .client_event_metadata import ClientEventMetadata
from .cloudflare_error import CloudflareError
from .cloudflare_message import CloudflareMessage
from .device_info import DeviceInfo
from .device_list_update import DeviceListUpdate
from .error_detail import ErrorDetail
from .ip_information import IpInformation
from .latency_distribution import LatencyDistribution
from .media_device import MediaDevice
from .native_metadata import NativeMetadata
from .packet_loss_distribution import PacketLossDistribution
from .paging import Paging
from .participant import Participant
from .participant_data import ParticipantData
from .participant_list import ParticipantList
from .participant_sort_by import ParticipantSortBy
from .participant_view import ParticipantView
from .peer_connection_metadata import PeerConnectionMetadata
from .peer_event import PeerEvent
from .peer_event_name import PeerEventName
from .peer_metadata import PeerMetadata
from .peer_quality import PeerQuality
from .peer_report import PeerReport
from .peer_report_data import PeerReportData
from .peer_report_filter import PeerReportFilter
from .peer_report_participant import PeerReportParticipant
from .percentiles import Percentiles
from .preset_view_type import PresetViewType
from .quality_limitation_durations import QualityLimitationDurations
from .quality_limitation_reason import QualityLimitationReason
from .realtime_kit_error import RealtimeKitError
from .selected_device_update import SelectedDeviceUpdate
from .session import Session
from .session_breakout_rooms_item import SessionBreakoutRoomsItem
from .session_generate_summary_of_transcripts_response import SessionGenerateSummaryOfTranscriptsResponse
from .session_get_participant_data_from_peer_id_response import SessionGetParticipantDataFromPeerIDResponse
from .session_get_session_chat_response import SessionGetSessionChatResponse
from .session_get_session_details_response import SessionGetSessionDetailsResponse
from .session_get_session_participant_details_response import SessionGetSessionParticipantDetailsResponse
from .session_get_session_participants_response import SessionGetSessionParticipantsResponse
from .session_get_session_summary_response import SessionGetSessionSummaryResponse
from .session_get_session_transcripts_response import SessionGetSessionTranscriptsResponse
from .session_get_sessions_response import SessionGetSessionsResponse
from .session_list import SessionList
from .session_meta import SessionMeta
from .session_sort_by import SessionSortBy
from .session_status import SessionStatus
from .session_type import SessionType
from .sort_order import SortOrder
from .summary_download import SummaryDownload
from .summary_job import SummaryJob
from .transcript_download import TranscriptDownload
from .transcript_format import TranscriptFormat
from .video_consumer_issues import VideoConsumerIssues
from .video_consumer_stats import VideoConsumerStats
from .video_consumer_summary import VideoConsumerSummary
from .video_producer_issues import VideoProducerIssues
from .video_producer_stats import VideoProducerStats
from .video_producer_summary import VideoProducerSummary

__all__ = (
    "Asn",
    "AudioConsumerStats",
    "AudioConsumerSummary",
    "AudioProducerStats",
    "AudioProducerSummary",
    "BrowserMetadata",
    "CandidatePair",
    "CandidatePairs",
    "ChatDownload",
    "ChatMessage",
    "ClientEvent",
    "ClientEventMetadata",
    "CloudflareError",
    "CloudflareMessage",
    "DeviceInfo",
    "DeviceListUpdate",
    "ErrorDetail",
    "IpInformation",
    "LatencyDistribution",
    "MediaDevice",
    "NativeMetadata",
    "PacketLossDistribution",
    "Paging",
    "Participant",
    "ParticipantData",
    "ParticipantList",
    "ParticipantSortBy",
    "ParticipantView",
    "PeerConnectionMetadata",
    "PeerEvent",
    "PeerEventName",
    "PeerMetadata",
    "PeerQuality",
    "PeerReport",
    "PeerReportData",
    "PeerReportFilter",
    "PeerReportParticipant",
    "Percentiles",
    "PresetViewType",
    "QualityLimitationDurations",
    "QualityLimitationReason",
    "RealtimeKitError",
    "SelectedDeviceUpdate",
    "Session",
    "SessionBreakoutRoomsItem",
    "SessionGenerateSummaryOfTranscriptsResponse",
    "SessionGetParticipantDataFromPeerIDResponse",
    "SessionGetSessionChatResponse",
    "SessionGetSessionDetailsResponse",
    "SessionGetSessionParticipantDetailsResponse",
    "SessionGetSessionParticipantsResponse",
    "SessionGetSessionSummaryResponse",
    "SessionGetSessionTranscriptsResponse",
    "SessionGetSessionsResponse",
    "SessionList",
    "SessionMeta",
    "SessionSortBy",
    "SessionStatus",
    "SessionType",
    "SortOrder",
    "SummaryDownload",
    "SummaryJob",
    "TranscriptDownload",
    "TranscriptFormat",
    "VideoConsumerIssues",
    "VideoConsumerStats",
    "VideoConsumerSummary",
    "VideoProducerIssues",
    "VideoProducerStats",
    "VideoProducerSummary",
)
