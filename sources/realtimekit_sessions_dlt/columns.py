"""dlt column hints derived from the client's models (and so from the spec), not from the first rows seen.

Every model declares its fields twice: as attrs attributes with Python types (`started_at: datetime | str`,
`minutes_consumed: float`, `status: SessionStatus`) and as a msgspec shape that names each field's JSON key.
`columns_for(Model)` walks both once: timestamps become `timestamp`, numbers `double` (the spec's `number`),
booleans `bool`, text and enums (`Literal` strings) `text`, free-form objects and lists `json`; a nested model
is flattened as dlt flattens it (`parent__child`), and the lists named in `nested` are left to dlt's nested
tables (with their own hints from `columns_for(ItemModel)`). A field the API adds later is no hint at all:
dlt's schema evolution makes it a new column when it first arrives.
"""

from __future__ import annotations

import datetime
import types
import typing
from typing import Any, Literal

import msgspec
from dlt.common.schema.typing import TColumnSchema
from realtimekit_sessions._models import Model


def _members(annotation: Any) -> list[Any]:
    """The union's members, without None and UNSET."""
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        members = list(typing.get_args(annotation))
    else:
        members = [annotation]
    return [member for member in members if member not in (type(None), msgspec.UnsetType)]


def _data_type(annotation: Any) -> str | type[Model] | None:
    """dlt's data type for an attribute's annotation; a model class for a nested object to flatten."""
    members = _members(annotation)
    if datetime.datetime in members:  # `datetime | str`: a timestamp, kept as text by the client when unreadable
        return "timestamp"
    if len(members) != 1:
        return "json"
    member = members[0]
    origin = typing.get_origin(member)
    if origin is Literal:
        return "text"
    if origin in (list, dict) or member in (list, dict, typing.Any):
        return "json"
    if isinstance(member, type) and issubclass(member, Model):
        return member
    if member is bool:
        return "bool"
    if member is float:
        return "double"
    if member is int:
        return "bigint"
    if member is str:
        return "text"
    alias = getattr(member, "__value__", None)  # a `type X = ...` alias
    return _data_type(alias) if alias is not None else "json"


def _list_item_model(annotation: Any) -> type[Model] | None:
    for member in _members(annotation):
        if typing.get_origin(member) is list:
            (item,) = typing.get_args(member) or (None,)
            if isinstance(item, type) and issubclass(item, Model):
                return item
    return None


_FIELDS: dict[type[Model], tuple[tuple[str, str, Any], ...]] = {}


def fields_of(model: type[Model]) -> tuple[tuple[str, str, Any], ...]:
    """(attribute, JSON key, annotation) of every field of `model`, worked out once per model."""
    if model not in _FIELDS:
        hints = typing.get_type_hints(model)
        _FIELDS[model] = tuple(
            (field.name, field.encode_name, hints[field.name]) for field in msgspec.structs.fields(model._Shape)
        )
    return _FIELDS[model]


def columns_for(
    model: type[Model], *, nested: frozenset[str] = frozenset(), skip: frozenset[str] = frozenset(), prefix: str = ""
) -> dict[str, TColumnSchema]:
    """dlt column hints for rows made from `model.to_dict()`: see the module's docstring."""
    columns: dict[str, TColumnSchema] = {}
    for _attr, key, annotation in fields_of(model):
        if key in skip:
            continue
        name = f"{prefix}{key}"
        if key in nested and _list_item_model(annotation) is not None:
            continue  # a nested table of its own
        data_type = _data_type(annotation)
        if isinstance(data_type, type):
            columns.update(columns_for(data_type, prefix=f"{name}__"))
        elif data_type is not None:
            columns[name] = {"name": name, "data_type": data_type, "nullable": True}  # type: ignore[typeddict-item]
    return columns


_TIMESTAMP_FIELDS: dict[type[Model], tuple[tuple[str, str], ...]] = {}


def timestampfields_of(model: type[Model]) -> tuple[tuple[str, str], ...]:
    """(attribute, JSON key) of the model's timestamp fields: rows carry them as datetimes, not text. Worked out
    once per model: `row` asks for every row, and reading the annotations was a tenth of a large load's CPU."""
    found = _TIMESTAMP_FIELDS.get(model)
    if found is None:
        found = _TIMESTAMP_FIELDS[model] = tuple(
            (attr, key) for attr, key, annotation in fields_of(model) if _data_type(annotation) == "timestamp"
        )
    return found


def row(model: Model) -> dict[str, Any]:
    """`model.to_dict()` with its timestamps as timezone-aware datetimes (text that names no instant stays text)."""
    data = model.to_dict()
    for attr, key in timestampfields_of(type(model)):
        value = getattr(model, attr)
        if isinstance(value, datetime.datetime):
            data[key] = value
    return data
