"""Read every value of a parsed model once, so a lazy model pays inside the timed region what an eager one pays up
front. Works on attrs classes (our client), pydantic models (the SDK), plain containers, and any class that exposes
its values through `__slots__` or properties.

`touch` returns how many leaf values it read; absent fields (our `Unset`, which has no fields of its own) count
nothing, so the count of a complete parse equals the count of the plain `json.loads` result.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, datetime, time
from decimal import Decimal
from enum import Enum
from operator import attrgetter
from typing import Any, cast
from uuid import UUID

_LEAVES = (str, bytes, int, float, bool, type(None), datetime, date, time, Enum, UUID, Decimal)
_EXACT_LEAVES = frozenset({str, int, float, bool, type(None), datetime, UUID})
_EXTRAS_VIEWS = frozenset({"additional_properties", "additional_keys"})


def touch(value: Any) -> int:
    # The walk itself is kept cheap (leaves counted inline, no generator per container) so that the figures it is
    # part of stay about parsing, not about walking.
    kind = type(value)
    if kind in _EXACT_LEAVES:
        return 1
    if kind is list or kind is tuple:
        return _touch_all(value)
    if kind is dict:
        return _touch_all(value.values())
    read = _READERS.get(kind)
    if read is None:
        read = _READERS[kind] = _reader(kind)
    return read(value)


def _touch_all(values: Iterable[Any]) -> int:
    count = 0
    for item in values:
        count += 1 if type(item) in _EXACT_LEAVES else touch(item)
    return count


def _one(_leaf: object) -> int:
    return 1


# One reader per class, looked up by the walk for every object: a plain dict is the cheapest cache there is.
_READERS: dict[type, Callable[[Any], int]] = {}


def _reader(kind: type) -> Callable[[Any], int]:
    """How to reach every public value of an instance of `kind`, worked out once per class (isinstance checks
    against abstract classes cost more than reading a small object's fields, so they are not made per value)."""
    if issubclass(kind, _LEAVES):
        return _one
    if issubclass(kind, Mapping):
        return lambda mapping: _touch_all(mapping.values())
    if issubclass(kind, Sequence):
        return _touch_all
    model_fields = getattr(kind, "model_fields", None)
    if isinstance(model_fields, dict) and hasattr(kind, "__pydantic_extra__"):
        read_fields = _getter(tuple(model_fields))

        def read_pydantic(obj: Any) -> int:
            count = _touch_all(read_fields(obj))
            extra = obj.__pydantic_extra__
            return count + _touch_all(extra.values()) if extra else count

        return read_pydantic

    # The generator's models list their unknown keys in `additional_keys`; `additional_properties` is read only
    # when there are some, because it may be a property that makes an empty dict on demand (memory that a reader
    # of the values would not pay).
    extras_by_key = hasattr(kind, "additional_keys")
    names = tuple(n for n in _public_names(kind) if not (extras_by_key and n in _EXTRAS_VIEWS))

    read_fields = _getter(names)

    def read_object(obj: Any) -> int:
        count = _touch_all(read_fields(obj))
        if extras_by_key and obj.additional_keys:
            count += _touch_all(obj.additional_properties.values())
        return count

    return read_object


def _getter(names: tuple[str, ...]) -> Callable[[Any], tuple[Any, ...]]:
    """Every named attribute of an object in one call (operator.attrgetter reads them in C), as a tuple."""
    if len(names) == 1:
        one = attrgetter(names[0])
        return lambda obj: (one(obj),)
    if not names:
        return lambda obj: ()
    return cast("Callable[[Any], tuple[Any, ...]]", attrgetter(*names))


def _public_names(kind: type) -> tuple[str, ...]:
    """Public attrs fields, `__slots__` and properties: what a caller can read, and so what a lazy design must
    materialise when read. Private names are implementation (a raw dict kept for later, say) and are not read."""
    names: dict[str, None] = {}
    for field in getattr(kind, "__attrs_attrs__", ()):
        names[field.name] = None
    for klass in reversed(kind.__mro__):
        slots = klass.__dict__.get("__slots__", ())
        for slot in (slots,) if isinstance(slots, str) else slots:
            names[slot] = None
        for name, member in vars(klass).items():
            if isinstance(member, property) or type(member).__name__ == "cached_property":
                names[name] = None
    return tuple(name for name in names if not name.startswith("_"))
