# Copied into generated/realtimekit_sessions/ by `make generate`: edit openapi/runtime/_models.py, not the copy.
"""What every model does, written once: reading JSON into a model, writing it back, and keeping unknown keys.

A generated model declares two things: its fields (an attrs class) and the shape of its JSON object (`_Shape`, a
msgspec Struct). Everything else is here, worked out from those declarations the first time a class is used:

- The fast path. msgspec decodes a body straight into the shapes, in C: no dict per object, timestamps parsed,
  the structure checked. `_from_shape` then copies the shape into the model. A shape refuses an unknown key,
  a missing required field, a value of the wrong structure and a timestamp without a zone, so that nothing is
  lost or guessed on this path.
- The lenient path, for whatever the fast path refuses and for callers with a dict (`from_dict`). It keeps keys
  the spec does not know (`additional_properties`), keeps enum values it does not know and timestamps it cannot
  read as strings, and raises ModelParseError with the JSONPath of anything else. Objects inside it that the
  fast path accepts are still read by the fast path.
- `to_dict`, the inverse of both.

`_from_shape` and `to_dict` are compiled per class on first use, as attrs and dataclasses compile `__init__`:
straight-line code that reads each field once, with the conversions below as plain function calls. `_from_shape`
builds the models nested in a model in place (loops for lists), rather than calling theirs once per object.
"""

from __future__ import annotations

import contextlib
import datetime
import gc
import linecache
import threading
import typing
from collections.abc import Callable, Iterator, Mapping
from typing import Annotated, Any, ClassVar, Self

import msgspec
from attrs import define, field, setters

from .errors import ModelParseError
from .types import (
    UNSET,
    UTC,
    Unset,
    _rfc3339,
    as_dict,
    as_list,
    as_object,
    fail,
    format_datetime,
    parse_datetime,
)

# A timestamp on the fast path: RFC 3339 with a zone, as the API sends them. Anything else (no zone, RFC 2822,
# text) makes the fast path refuse the body, and the lenient path reads it with parse_datetime.
Timestamp = Annotated[datetime.datetime, msgspec.Meta(tz=True)]


class Shape(msgspec.Struct, kw_only=True, gc=False, forbid_unknown_fields=True):
    """Base of every model's `_Shape`: the JSON object as msgspec decodes it on the fast path.

    gc=False: shapes hold no reference cycles, so the collector need not track the thousands a large body makes.
    """


def _extra_key(extra: dict[str, Any] | None) -> dict[str, Any] | None:
    # A model whose unknown keys were never asked for (None) equals one whose were asked for and are none ({}).
    return extra or None


def _own_extra(extra: Mapping[str, Any] | None) -> dict[str, Any] | None:
    return dict(extra) if extra else None


# on_setattr=NO_OP, here and on every generated model: no field converts or validates on assignment, and
# without it the converter of `_extra` makes attrs give every model a Python-level __setattr__, which made each
# assignment in `_from_shape` fifteen times as slow (most of a large body's build time).
@define(on_setattr=setters.NO_OP)
class Model:
    """Base of every generated model: the behaviour its declarations imply (see the module's docstring)."""

    _Shape: ClassVar[type[Shape]]

    # Keys the spec does not know, kept so that to_dict() gives back everything that came in. None until
    # there is one: most objects have none, and an empty dict per object is memory for nothing. An __init__
    # argument (additional_properties=) so that attrs.evolve carries them over, as a copy of their own.
    _extra: dict[str, Any] | None = field(
        default=None,
        kw_only=True,
        alias="additional_properties",
        eq=_extra_key,
        repr=False,
        converter=_own_extra,
        on_setattr=setters.NO_OP,
    )

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """The model read from a decoded JSON object. Raises ModelParseError naming the JSONPath of a problem."""
        return read_model(cls, src_dict)

    @classmethod
    def _from_shape(cls, shape: Any) -> Self:
        compiled = _compile_from_shape(cls)
        cls._from_shape = classmethod(compiled)  # type: ignore[assignment,method-assign]
        return cls._from_shape(shape)

    def to_dict(self) -> dict[str, Any]:
        """The model as JSON-ready values: the inverse of from_dict, unknown keys included."""
        cls = type(self)
        compiled = _compile_to_dict(cls)
        cls.to_dict = compiled  # type: ignore[assignment,method-assign]
        return compiled(self)

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


# ---- What a field holds, worked out from its shape's annotation ----------------------------------------------


class Kind:
    """How a field's JSON value becomes its Python value. The base kind takes the value as it is."""

    __slots__ = ()
    converts = False  # whether the fast path must convert the shape's value

    def read(self, value: Any) -> Any:
        """The lenient reading of a decoded JSON value; raises on a value of the wrong kind."""
        return value

    def from_shape(self, src: str, env: dict[str, Any]) -> str:
        """An expression for the field's value from its shape's value `src` (never None or UNSET)."""
        return src

    def dump(self, src: str, env: dict[str, Any]) -> str:
        """An expression for the JSON value of the field's value `src` (never None or UNSET)."""
        return src


class _TimestampKind(Kind):
    __slots__ = ()

    def read(self, value: Any) -> Any:
        return parse_datetime(value)

    def dump(self, src: str, env: dict[str, Any]) -> str:
        # format_datetime's own fast path, written out: a call per timestamp is a third of its cost.
        env.update(_format_datetime=format_datetime, _rfc3339=_rfc3339, _datetime=datetime.datetime, _UTC=UTC)
        return (
            f"(_rfc3339({src}).replace('Z', '+00:00') if type({src}) is _datetime and {src}.tzinfo is _UTC"
            f" else _format_datetime({src}))"
        )


class _EnumKind(Kind):
    """A documented set of strings. Any string is kept: a value outside the set means the API has grown."""

    __slots__ = ("expected",)

    def __init__(self, values: tuple[str, ...]) -> None:
        self.expected = f"a string (one of {', '.join(sorted(values))})"

    def read(self, value: Any) -> Any:
        if type(value) is str:
            return value
        fail(self.expected, value)


class _FreeFormKind(Kind):
    """An object the spec names no keys of: kept as the dict it was decoded into."""

    __slots__ = ()

    def read(self, value: Any) -> Any:
        return as_dict(value)

    def dump(self, src: str, env: dict[str, Any]) -> str:
        return f"dict({src})"


class _ModelKind(Kind):
    __slots__ = ("model",)
    converts = True

    def __init__(self, model: type[Model]) -> None:
        self.model = model

    def read(self, value: Any) -> Any:
        return read_model(self.model, value)

    def reader(self, env: dict[str, Any]) -> str:
        """The function reading this model from its shape, as an expression in compiled code."""
        name = f"_{self.model.__name__}"
        env[name] = self.model
        # Looked up on the class at each call: _from_shape replaces itself once it is compiled.
        return f"{name}._from_shape"

    def from_shape(self, src: str, env: dict[str, Any]) -> str:
        return f"{self.reader(env)}({src})"

    def dump(self, src: str, env: dict[str, Any]) -> str:
        return f"{src}.to_dict()"


class _ListKind(Kind):
    __slots__ = ("converts", "item")

    def __init__(self, item: Kind) -> None:
        self.item = item
        self.converts = item.converts

    def read(self, value: Any) -> Any:
        items = as_list(value)
        if type(self.item) is Kind:
            return items
        read = self.item.read
        out = []
        for index, item in enumerate(items):
            try:
                out.append(read(item))
            except Exception as exc:  # noqa: BLE001 - any failure becomes a located ModelParseError
                raise located(exc, f"[{index}]") from None
        return out

    def from_shape(self, src: str, env: dict[str, Any]) -> str:
        if isinstance(self.item, _ModelKind):
            # map() rather than a comprehension, which in CPython 3.11 is a function made and called per list.
            return f"list(map({self.item.reader(env)}, {src}))"
        if not self.item.converts:
            return src
        return f"[{self.item.from_shape('_i', env)} for _i in {src}]"

    def dump(self, src: str, env: dict[str, Any]) -> str:
        inner = self.item.dump("_i", env)
        return src if inner == "_i" else f"[{inner} for _i in {src}]"


class _NullableKind(Kind):
    __slots__ = ("converts", "inner")

    def __init__(self, inner: Kind) -> None:
        self.inner = inner
        self.converts = inner.converts

    def read(self, value: Any) -> Any:
        return None if value is None else self.inner.read(value)

    def from_shape(self, src: str, env: dict[str, Any]) -> str:
        inner = self.inner.from_shape(src, env)
        return inner if inner == src else f"(None if {src} is None else {inner})"

    def dump(self, src: str, env: dict[str, Any]) -> str:
        inner = self.inner.dump(src, env)
        return inner if inner == src else f"(None if {src} is None else {inner})"


PLAIN = Kind()
TIMESTAMP = _TimestampKind()
FREE_FORM = _FreeFormKind()


def kind_of(annotation: Any) -> Kind:
    """The kind a shape annotation declares (see the model template for the annotations it writes)."""
    if annotation is Any:
        return PLAIN
    if annotation == Timestamp:
        return TIMESTAMP
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is Annotated and args[0] is str:
        # Annotated[str, SomeLiteral]: an enum, with its documented values in the Literal.
        return _EnumKind(tuple(str(value) for value in typing.get_args(args[1])))
    if origin is list:
        return _ListKind(kind_of(args[0]))
    if origin is dict:
        return FREE_FORM
    if isinstance(annotation, type) and issubclass(annotation, Shape):
        return _ModelKind(_model_of(annotation))
    if args and type(None) in args or Unset in args:
        rest = [arg for arg in args if arg is not type(None) and arg is not Unset]
        inner = kind_of(rest[0] if len(rest) == 1 else Any)
        return _NullableKind(inner) if type(None) in args else inner
    raise TypeError(f"no reading is defined for a shape field annotated {annotation!r}")


def _model_of(shape: type[Shape]) -> type[Model]:
    owner = shape.__qualname__.rpartition(".")[0]
    model = getattr(__import__(shape.__module__, fromlist=[owner]), owner, None)
    if not (isinstance(model, type) and issubclass(model, Model) and model.__dict__.get("_Shape") is shape):
        raise TypeError(f"{shape.__qualname__} is not the _Shape of a model")
    return model


class _Field:
    __slots__ = ("attr", "key", "kind", "required")

    def __init__(self, attr: str, key: str, required: bool, kind: Kind) -> None:
        self.attr = attr
        self.key = key
        self.required = required
        self.kind = kind


class _Plan:
    """A model class's fields as its declarations give them, worked out once per class."""

    __slots__ = ("decode", "fields", "keys")

    def __init__(self, model: type[Model]) -> None:
        shape = model._Shape
        hints = typing.get_type_hints(shape, include_extras=True)
        self.fields = tuple(
            _Field(info.name, info.encode_name, info.required, kind_of(hints[info.name]))
            for info in msgspec.structs.fields(shape)
        )
        self.keys = frozenset(f.key for f in self.fields)
        self.decode: Callable[[bytes], Any] = msgspec.json.Decoder(shape).decode


def plan(model: type[Model]) -> _Plan:
    found = model.__dict__.get("_plan")
    if found is None:
        found = _Plan(model)
        model._plan = found  # type: ignore[attr-defined]
    return typing.cast(_Plan, found)


# ---- Reading -------------------------------------------------------------------------------------------------

M = typing.TypeVar("M", bound=Model)


def read_model(model: type[M], value: object) -> M:
    """A decoded JSON object read into `model`: by the fast path when its shape takes it, else leniently."""
    if type(value) is dict:
        try:
            shape = msgspec.convert(value, model._Shape)
        except (ValueError, TypeError, RecursionError):
            pass  # refused (msgspec.ValidationError is a ValueError), or a string no encoder takes: read leniently
        else:
            return model._from_shape(shape)
    return read_lenient(model, value)


def read_lenient(model: type[M], value: object) -> M:
    """The lenient path: every known field read by its kind, unknown keys kept, problems located."""
    d = value if type(value) is dict else as_object(value)
    fields = plan(model)
    self = object.__new__(model)
    known = 0
    for f in fields.fields:
        v = d.get(f.key, UNSET)
        if v is UNSET:
            if f.required:
                raise located(ModelParseError("missing required field"), _step(f.key), model)
        else:
            known += 1
            try:
                v = f.kind.read(v)
            except Exception as exc:  # noqa: BLE001 - any failure becomes a located ModelParseError
                raise located(exc, _step(f.key), model) from None
        object.__setattr__(self, f.attr, v)
    # Every known key present in d was counted above; if d has no more keys than those, it has none other.
    self._extra = None if known == len(d) else {k: v for k, v in d.items() if k not in fields.keys}
    return self


def read_fast(model: type[M], content: bytes) -> M:
    """The fast path alone: raises msgspec.ValidationError (a ValueError) for whatever its shapes refuse."""
    return model._from_shape(plan(model).decode(content))


def read_json(model: type[M], content: bytes) -> M:
    """The bytes of a JSON object read into `model`: the fast path, or the lenient one for what it refuses.

    Raises ModelParseError (a ValueError, with the JSONPath of the problem) when the document is JSON of another
    shape, and ValueError when it is not JSON at all. A body of PAUSE_COLLECTOR_BYTES or more is read with the
    cyclic garbage collector paused (see `collector_paused`).
    """
    if len(content) < PAUSE_COLLECTOR_BYTES:
        return _read_json(model, content)
    with collector_paused():
        return _read_json(model, content)


def _read_json(model: type[M], content: bytes) -> M:
    try:
        return read_fast(model, content)
    except (msgspec.ValidationError, msgspec.DecodeError, RecursionError):
        pass  # the lenient path reads it, or says precisely why not
    from ._reading import decode_json

    data = decode_json(content)
    if type(data) is not dict:
        fail("a JSON object", data)
    return read_lenient(model, data)


# ---- Pausing the collector while a large body is read ----------------------------------------------------------
#
# Reading a body makes objects the collector tracks (models, lists) by the hundred thousand and frees none, so
# with the collector running each full collection walks everything made so far: the cost per byte grew with the
# size (x1.7 to x2.1 from 1 MB to 100 MB). Paused, it is flat. The pause is scoped to one read and restores what
# it found: the collector is enabled again when the read ends, if it was enabled when the read began.
#
# Threads: the collector's switch is the whole process's, so reads in several threads share one pause. The
# first read to start records whether the collector was enabled and disables it; the last read to end enables it
# again (if it was). A read never re-enables a collector that was off when the pause began; a program that
# switches the collector itself while a large read is under way in another thread gets it back as it was when
# that read (the first of the overlapping ones) began.

PAUSE_COLLECTOR_BYTES = 256 * 1024

_pause_lock = threading.Lock()
_pause_readers = 0
_pause_restore = False


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic garbage collector disabled inside the block, and restored after it (see above)."""
    global _pause_readers, _pause_restore
    with _pause_lock:
        if _pause_readers == 0:
            _pause_restore = gc.isenabled()
            gc.disable()
        _pause_readers += 1
    try:
        yield
    finally:
        with _pause_lock:
            _pause_readers -= 1
            if _pause_readers == 0 and _pause_restore:
                gc.enable()


def _step(key: str) -> str:
    return f".{key}" if key.isidentifier() else f"[{key!r}]"


def located(error: Exception, step: str, model: type[Model] | None = None) -> ModelParseError:
    """`error` as a ModelParseError one step further out (`.field` or `[index]`): paths are built on the way out."""
    if isinstance(error, ModelParseError):
        parse_error = error
    else:
        parse_error = ModelParseError(f"{type(error).__name__}: {error}")
        parse_error.__cause__ = error
    if parse_error.model is None and model is not None:
        parse_error.model = model.__name__
    parse_error._parts.append(step)
    return parse_error


# A place in a model: (Python attribute, JSON name) for each step from the top, as the spec's x-pagination and
# x-download give them.
FieldPath = tuple[tuple[str, str], ...]


def value_at(model: object, path: FieldPath) -> Any:
    """The value at `path` in a model, or UNSET when a step on the way is absent or null."""
    value = model
    for attribute, _ in path:
        value = getattr(value, attribute)
        if value is UNSET or value is None:
            return UNSET
    return value


def json_path(path: FieldPath) -> str:
    return "$" + "".join(_step(key) for _, key in path)


# ---- Compiling -----------------------------------------------------------------------------------------------


def _compile(model: type[Model], name: str, lines: list[str], env: dict[str, Any]) -> Any:
    source = "\n".join(lines) + "\n"
    filename = f"<realtimekit_sessions {model.__qualname__}.{name}>"
    # Registered as attrs does, so that a traceback through the compiled code shows its lines.
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    namespace: dict[str, Any] = {}
    exec(compile(source, filename, "exec"), env, namespace)  # noqa: S102 - source built from declarations only
    return namespace[name]


# How many lines a class's compiled `_from_shape` may grow to by building its nested models in place. Past it (a
# very large tree of models), nested models are built by calling their own `_from_shape`, as are recursive ones.
INLINE_LINES = 1500


class _FromShapeWriter:
    """Writes `_from_shape` for one class, building the models inside it in place.

    A call per nested object (a participant's peer events, say) costs about as much as setting its fields, so
    nested models are built by the same straight-line code, in loops for lists, instead of calling their own
    `_from_shape` once per object.
    """

    def __init__(self, env: dict[str, Any]) -> None:
        self.env = env
        self.lines: list[str] = []
        self.count = 0

    def name(self, stem: str) -> str:
        self.count += 1
        return f"_{stem}{self.count}"

    def model(self, model: type[Model], src: str, indent: str, stack: tuple[type[Model], ...], new: str) -> str:
        """Lines building `model` from the shape held by the variable `src`; returns the variable holding it."""
        out = self.name("o") if stack else "self"
        self.lines.append(f"{indent}{out} = _new({new})")
        for f in plan(model).fields:
            if not f.kind.converts:
                self.lines.append(f"{indent}{out}.{f.attr} = {src}.{f.attr}")
                continue
            value = self.name("v")
            self.lines.append(f"{indent}{value} = {src}.{f.attr}")
            kind, inner, absent = f.kind, indent, [] if f.required else [f"{value} is UNSET"]
            if isinstance(kind, _NullableKind):
                kind, absent = kind.inner, [*absent, f"{value} is None"]
            if absent:
                self.lines += [
                    f"{indent}if {' or '.join(absent)}:",
                    f"{indent}    {out}.{f.attr} = {value}",
                    f"{indent}else:",
                ]
                inner = indent + "    "
            result = self.value(kind, value, inner, (*stack, model))
            self.lines.append(f"{inner}{out}.{f.attr} = {result}")
        self.lines.append(f"{indent}{out}._extra = None")
        return out

    def value(self, kind: Kind, src: str, indent: str, stack: tuple[type[Model], ...]) -> str:
        """Lines converting the shape's value held by the variable `src` (not UNSET); returns an expression for
        the field's value."""
        if not kind.converts:
            return src
        if isinstance(kind, _NullableKind):
            out = self.name("n")
            self.lines += [f"{indent}if {src} is None:", f"{indent}    {out} = None", f"{indent}else:"]
            result = self.value(kind.inner, src, indent + "    ", stack)
            self.lines.append(f"{indent}    {out} = {result}")
            return out
        if isinstance(kind, _ModelKind):
            if kind.model in stack or len(self.lines) > INLINE_LINES:
                return kind.from_shape(src, self.env)
            new = f"_{kind.model.__name__}"
            self.env[new] = kind.model
            return self.model(kind.model, src, indent, stack, new)
        if isinstance(kind, _ListKind):
            if isinstance(kind.item, _ModelKind) and (kind.item.model in stack or len(self.lines) > INLINE_LINES):
                return kind.from_shape(src, self.env)
            out, item = self.name("l"), self.name("i")
            self.lines += [f"{indent}{out} = []", f"{indent}for {item} in {src}:"]
            result = self.value(kind.item, item, indent + "    ", stack)
            self.lines.append(f"{indent}    {out}.append({result})")
            return out
        return kind.from_shape(src, self.env)


def _compile_from_shape(model: type[Model]) -> Callable[[type[Model], Any], Any]:
    env: dict[str, Any] = {"UNSET": UNSET, "_new": object.__new__}
    writer = _FromShapeWriter(env)
    writer.lines.append("def _from_shape(cls, s):")
    writer.model(model, "s", "    ", (), "cls")
    writer.lines.append("    return self")
    return typing.cast(Callable[[type[Model], Any], Any], _compile(model, "_from_shape", writer.lines, env))


def _compile_to_dict(model: type[Model]) -> Callable[[Model], dict[str, Any]]:
    env: dict[str, Any] = {"UNSET": UNSET}
    lines = ["def to_dict(self):", "    d = dict(self._extra) if self._extra else {}"]
    for f in plan(model).fields:
        value = f.kind.dump("_v", env)
        if f.required:
            lines.append(f"    d[{f.key!r}] = {f.kind.dump(f'self.{f.attr}', env)}")
        else:
            lines += [f"    _v = self.{f.attr}", "    if _v is not UNSET:", f"        d[{f.key!r}] = {value}"]
    lines.append("    return d")
    return typing.cast(Callable[[Model], dict[str, Any]], _compile(model, "to_dict", lines, env))
