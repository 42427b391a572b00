# Copied into generated/realtimekit_sessions/ by `make generate`: edit openapi/runtime/_reading.py, not the copy.
"""Reading a 2xx body into its model: the fast path through the models' msgspec shapes, and the lenient path
that keeps unknown keys and locates errors."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar, cast

import httpx
import msgspec

from .errors import ModelParseError, ResponseValidationError
from .types import fail

T = TypeVar("T")

# msgspec decodes JSON about twice as fast as the standard library, keeps integers of any size exact (orjson
# turns those beyond 64 bits into floats) and refuses what JSON does not allow: invalid UTF-8, NaN, lone
# surrogates. One decoder, made once.
_decode = msgspec.json.Decoder().decode


def decode_json(content: bytes) -> Any:
    """Decode a JSON body exactly and strictly. ValueError says why it is not JSON."""
    try:
        return _decode(content)
    except RecursionError:
        raise ValueError("nested too deeply to decode") from None


def load_json(content: bytes, from_dict: Callable[[dict[str, Any]], T]) -> T:
    """The bytes of a JSON object read into its model: what every operation does with a 2xx body.

    `from_dict` is a model's `from_dict` (or any function of a decoded object). Raises ModelParseError (a
    ValueError, with the JSONPath of the problem) when the document is JSON of another shape, and ValueError
    when it is not JSON at all.
    """
    model = getattr(from_dict, "__self__", None)
    fast = _fast_reader(model) if isinstance(model, type) else None
    if fast is not None:
        try:
            return cast(T, fast(content))
        except (ValueError, TypeError, RecursionError):
            pass  # refused by msgspec or by _from_shape: the lenient path reads it, or says precisely why not
    data = decode_json(content)
    if type(data) is not dict:
        fail("a JSON object", data)
    return from_dict(data)


# The fast path. Each model declares the shape of its JSON object as a msgspec Struct (`Model._Shape`), which
# msgspec decodes in C straight from the bytes: no dict per object, and no key lookups afterwards, where
# `_from_shape` reads the fields. It is strict about structure only: an unknown key anywhere, a missing
# required field or an object where a list belongs makes msgspec refuse the body, and the body is then read
# again by the lenient path (decode_json and from_dict), which keeps unknown keys and locates errors. So a
# body with fields the spec does not know yet costs about twice as much to read, and nothing else changes.
_fast_readers: dict[type, Callable[[bytes], Any] | None] = {}


def _fast_reader(model: type) -> Callable[[bytes], Any] | None:
    if model in _fast_readers:
        return _fast_readers[model]
    shape = getattr(model, "_Shape", None)
    from_shape = getattr(model, "_from_shape", None)
    reader = None
    if shape is not None and from_shape is not None:
        decode = msgspec.json.Decoder(shape).decode

        def reader(content: bytes) -> Any:
            return from_shape(decode(content))

    _fast_readers[model] = reader
    return reader


def read_json(response: httpx.Response, from_dict: Callable[[dict[str, Any]], T]) -> T:
    """A 2xx body read into its model, or ResponseValidationError saying why it could not be."""
    try:
        return load_json(response.content, from_dict)
    except ModelParseError as exc:
        request = f"{response.request.method} {response.request.url.path}"
        raise ResponseValidationError(
            f"{response.status_code} from {request}: unexpected body shape at {exc}", response=response, path=exc.path
        ) from exc
    except ValueError as exc:
        request = f"{response.request.method} {response.request.url.path}"
        kind = response.headers.get("content-type", "no content type").split(";")[0]
        problem = "an empty body" if not response.content else f"a body that is not JSON ({kind}): {exc}"
        raise ResponseValidationError(
            f"{response.status_code} from {request} came with {problem}", response=response
        ) from exc
