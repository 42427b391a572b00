# Copied into generated/realtimekit_sessions/ by `make generate`: edit openapi/runtime/_reading.py, not the copy.
"""Reading a body: JSON bytes into a model (how, see _models), and a 2xx answer into its operation's model."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar, cast

import httpx
import msgspec

from ._models import Model
from ._models import read_json as read_model_json
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


def load_json(content: bytes, model: type[T] | Callable[[dict[str, Any]], T]) -> T:
    """The bytes of a JSON object read into a model: `load_json(stored_body, SessionGetSessionsResponse)`.

    `model` is a model class (read as every operation reads a 2xx body), or any function of a decoded object,
    such as a model's `from_dict`. Raises ModelParseError (a ValueError, with the JSONPath of the problem) when
    the document is JSON of another shape, and ValueError when it is not JSON at all.
    """
    if isinstance(model, type) and issubclass(model, Model):
        return read_model_json(model, content)  # type: ignore[return-value]
    data = decode_json(content)
    if type(data) is not dict:
        fail("a JSON object", data)
    read = cast(Callable[[dict[str, Any]], T], model)
    return read(data)


M = TypeVar("M", bound=Model)


def read_json(response: httpx.Response, model: type[M]) -> M:
    """A 2xx body read into its model, or ResponseValidationError saying why it could not be."""
    try:
        return read_model_json(model, response.content)
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


__all__ = ["decode_json", "load_json", "read_json"]
