from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

import msgspec
from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import field_error
from ..models.peer_metadata import PeerMetadata
from ..models.peer_quality import PeerQuality
from ..types import UNSET, Unset, as_object

_KEYS: frozenset[str] = frozenset(
    {
        "metadata",
        "quality",
    }
)


@_attrs_define
class PeerReport:
    """Peer call statistics report.

    Attributes:
        metadata (PeerMetadata | Unset): Connection and device metadata for the participant.
        quality (PeerQuality | Unset): Media quality statistics for the participant: samples taken through the call per
            direction (producer = sending, consumer = receiving) and medium, with a cumulative summary of each. Screen-share
            audio and video share the shapes of camera audio and video.
    """

    metadata: PeerMetadata | Unset = UNSET
    quality: PeerQuality | Unset = UNSET
    # Keys the spec does not know, kept so that to_dict() gives back everything that came in. None until
    # there is one: most objects have none, and an empty dict per object is memory for nothing.
    _extra: dict[str, Any] | None = _attrs_field(init=False, default=None, alias="_extra")

    class _Shape(msgspec.Struct, kw_only=True, gc=False, forbid_unknown_fields=True):
        """The JSON object as msgspec decodes it on the fast path (see _from_shape)."""

        metadata: PeerMetadata._Shape | msgspec.UnsetType = msgspec.UNSET
        quality: PeerQuality._Shape | msgspec.UnsetType = msgspec.UNSET

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = dict(self._extra) if self._extra else {}
        if not isinstance(self.metadata, Unset):
            field_dict["metadata"] = self.metadata.to_dict()
        if not isinstance(self.quality, Unset):
            field_dict["quality"] = self.quality.to_dict()
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = src_dict if type(src_dict) is dict else as_object(src_dict)
        self = cls.__new__(cls)
        _field: str | None = None
        _missing = 0  # optional fields absent: with len(d), tells whether d holds keys the spec does not know
        try:
            _v = d.get("metadata", UNSET)
            if _v is not UNSET:
                _field = "metadata"
                _v = PeerMetadata.from_dict(_v)
            else:
                _missing += 1
            self.metadata = _v
            _v = d.get("quality", UNSET)
            if _v is not UNSET:
                _field = "quality"
                _v = PeerQuality.from_dict(_v)
            else:
                _missing += 1
            self.quality = _v
        except Exception as exc:  # noqa: BLE001 - re-raised below as a located ModelParseError
            raise field_error("PeerReport", _field, d, exc)
        if len(d) + _missing == 2:
            self._extra = None
        else:
            self._extra = {k: v for k, v in d.items() if k not in _KEYS}
        return self

    @classmethod
    def _from_shape(cls, s: PeerReport._Shape) -> Self:
        """The model from its decoded shape: from_dict's work without the lookups, the located errors or the
        unknown keys (a shape has none: msgspec refused it). Used by client.load_json, which falls back to
        from_dict whenever msgspec or this method refuses a body."""
        self = cls.__new__(cls)
        _metadata = s.metadata
        self.metadata = UNSET if _metadata is msgspec.UNSET else PeerMetadata._from_shape(_metadata)
        _quality = s.quality
        self.quality = UNSET if _quality is msgspec.UNSET else PeerQuality._from_shape(_quality)
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
