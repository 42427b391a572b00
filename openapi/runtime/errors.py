# Copied into generated/realtimekit_sessions/ by `make generate`: edit openapi/runtime/errors.py, not the copy.
"""Every exception the client raises, in one hierarchy.

RealtimeKitSessionsError
├── ConfigurationError            bad client settings (no token, an unsafe base URL); also a ValueError
├── InvalidParameterError         a path id or query value refused before any request; also a ValueError
├── ModelParseError               a JSON document that does not have a model's shape; also a ValueError
└── APIError                      anything that went wrong talking to the API
    ├── APIConnectionError        no answer: refused, reset, DNS, TLS
    │   └── APITimeoutError
    ├── ResponseValidationError   a 2xx answer whose body cannot be read
    └── APIStatusError            a non-2xx answer, then one class per status family:
        BadRequestError 400, AuthenticationError 401, PermissionDeniedError 403, NotFoundError 404,
        ConflictError 409, UnprocessableEntityError 422, RateLimitError 429, InternalServerError 5xx

Messages are one line and never hold the API token: they are built from the method, the path, the status
and the error body, never from request headers; text the server sent back is shown with the token the request
carried taken out (`without_token`), should the server quote it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import httpx

    from ._ratelimit import RateLimitInfo
    from .models.cloudflare_error import CloudflareError
    from .models.realtime_kit_error import RealtimeKitError


class RealtimeKitSessionsError(Exception):
    """Base of every exception this package raises."""

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled as its class, its args and its attributes, and rebuilt from them without calling __init__.

        pickle's default rebuilds an exception as `cls(*args)`, which an error whose constructor takes keyword
        arguments (a status error's `response=`, a pagination error's `page=`) refuses: a worker process's error
        could not reach its parent (multiprocessing.Pool's result thread died and the pool hung). The requests
        it holds (its own, its response's, their redirects') go with their Authorization headers masked as httpx
        masks them in a repr: the token is not to travel to another process or a task queue's result store.
        """
        state = {name: _without_secrets(value) for name, value in self.__dict__.items()}
        return _rebuilt, (type(self), self.args), state


def _rebuilt(cls: type[RealtimeKitSessionsError], args: tuple[Any, ...]) -> RealtimeKitSessionsError:
    return cls.__new__(cls, *args)  # sets args; the attributes come from the pickled state


# The headers httpx masks in a repr (httpx._utils): the token, a proxy's credentials.
_SECRET_HEADERS = ("authorization", "proxy-authorization")


def _without_secrets(value: object) -> object:
    """A pickled error's attribute: an httpx request or response as a copy whose requests hold no secret header."""
    import httpx

    if isinstance(value, httpx.Request):
        request = httpx.Request.__new__(httpx.Request)
        request.__setstate__(value.__getstate__())
        request.headers = value.headers.copy()
        for name in _SECRET_HEADERS:
            if name in request.headers:
                request.headers[name] = "[secure]"
        return request
    if isinstance(value, httpx.Response):
        response = httpx.Response.__new__(httpx.Response)
        response.__setstate__(value.__getstate__())
        response._request = _without_secrets(value._request)  # type: ignore[assignment]
        response.next_request = _without_secrets(value.next_request)  # type: ignore[assignment]
        response.history = [_without_secrets(earlier) for earlier in value.history]  # type: ignore[misc]
        return response
    return value


class ConfigurationError(RealtimeKitSessionsError, ValueError):
    """The client was set up in a way that cannot work or would be unsafe."""


class InvalidParameterError(RealtimeKitSessionsError, ValueError):
    """A parameter was refused before any request was sent; `parameter` names it."""

    def __init__(self, parameter: str, problem: str) -> None:
        self.parameter = parameter
        super().__init__(f"{parameter}: {problem}")


class ModelParseError(RealtimeKitSessionsError, ValueError):
    """A JSON document does not have the shape of the model it is read into.

    `path` is where, as a JSONPath (`$.data.sessions[3].status`); `model` is the model that could not be built
    there.
    """

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
        self.model: str | None = None
        # Steps from the problem outwards (`.status`, `[3]`, `.sessions`): paths are built on the way out.
        self._parts: list[str] = []

    @property
    def path(self) -> str:
        return "$" + "".join(reversed(self._parts))

    def __str__(self) -> str:
        where = f" ({self.model})" if self.model else ""
        return f"{self.path}: {self.reason}{where}"


class APIError(RealtimeKitSessionsError):
    """Something went wrong talking to the API. `request` is the httpx request, when there was one."""

    def __init__(self, message: str, *, request: httpx.Request | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.request = request


class APIConnectionError(APIError):
    """No HTTP answer came back: the connection was refused or reset, a name did not resolve, TLS failed."""


class APITimeoutError(APIConnectionError):
    """No answer within the timeout (connect, read, write or pool)."""


class PaginationError(APIError):
    """Walking the pages of a list cannot go on truthfully: a page brought nothing new, or the first page does
    not start where page numbering from 1 says. `page` is the page number at fault."""

    def __init__(self, message: str, *, page: int) -> None:
        super().__init__(message)
        self.page = page


class DownloadError(APIError):
    """A download the client would not finish: see the two kinds below. `url` is where (its signed query
    left out)."""

    def __init__(self, message: str, *, url: str) -> None:
        super().__init__(message)
        self.url = url


class DownloadRefusedError(DownloadError):
    """A download URL, or a redirect on the way, points where the client does not fetch from: not https, or a
    loopback, private, link-local or cloud-metadata address (http and loopback are allowed when the client's
    own base URL is local, as with the mock)."""


class DownloadTooLargeError(DownloadError):
    """A download into memory grew past the client's max_download_bytes (decompressed); pass `to=` to
    stream it to a file instead."""


class ResponseValidationError(APIError):
    """A 2xx answer whose body cannot be read: not JSON (an HTML page from a proxy), truncated, or not the
    documented shape. `path` points into the body where it went wrong, when it is a shape problem."""

    def __init__(self, message: str, *, response: httpx.Response, path: str | None = None) -> None:
        super().__init__(message, request=response.request)
        self.response = response
        self.status_code = response.status_code
        self.path = path


class APIStatusError(APIError):
    """A non-2xx answer.

    `status_code`, `body` (the error envelope as a model: RealtimeKitError with `error.code`/`error.message`,
    or Cloudflare's CloudflareError with `errors[]`; None when the body is neither, e.g. an HTML edge page),
    `error_code` and `error_message` (the first error, whichever envelope), `ray_id` (the cf-ray header, to
    quote to Cloudflare support), and the raw httpx `response`.
    """

    def __init__(
        self,
        message: str,
        *,
        response: httpx.Response,
        body: RealtimeKitError | CloudflareError | None,
        error_code: float | None,
        error_message: str | None,
    ) -> None:
        super().__init__(message, request=response.request)
        self.response = response
        self.status_code = response.status_code
        self.body = body
        self.error_code = error_code
        self.error_message = error_message
        self.ray_id: str | None = response.headers.get("cf-ray")


class BadRequestError(APIStatusError):
    """400: the request was malformed."""


class AuthenticationError(APIStatusError):
    """401: no token, or it is invalid or expired."""


class PermissionDeniedError(APIStatusError):
    """403: the token lacks the Realtime permission for this account or app."""


class NotFoundError(APIStatusError):
    """404: no such app, session, participant or peer."""


class ConflictError(APIStatusError):
    """409: the request conflicts with the current state."""


class UnprocessableEntityError(APIStatusError):
    """422: the request was understood but refused."""


class RateLimitError(APIStatusError):
    """429: too many requests; `retry_after` is the wait the API asked for, in seconds, when it said."""

    @property
    def retry_after(self) -> float | None:
        from ._transport import retry_after_seconds

        return retry_after_seconds(self.response)

    @property
    def rate_limit(self) -> RateLimitInfo | None:
        """What the answer's `Ratelimit` and `Ratelimit-Policy` headers say (remaining, reset, policy), if any."""
        from ._ratelimit import read_rate_limit

        return read_rate_limit(self.response.headers)


class InternalServerError(APIStatusError):
    """5xx, including Cloudflare's 520-527 edge statuses."""


_STATUS_ERRORS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


# How much of a server's text a message quotes; the whole body stays on the exception (`response`).
MESSAGE_TEXT_LIMIT = 300


def one_line(text: str, limit: int = MESSAGE_TEXT_LIMIT) -> str:
    """`text` fit for a one-line message: line breaks and other control characters escaped, cut at `limit`."""
    if not text.isprintable():
        text = "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text)
    return text if len(text) <= limit else text[: limit - 3] + "..."


# A credential shorter than this is not looked for in messages: it would match ordinary words (a test's token
# "t" made "Session no[token] found"), and Cloudflare's API tokens are 40 characters.
SHORTEST_CREDENTIAL = 8


def without_token(text: str, request: httpx.Request | None) -> str:
    """`text`, from the server or the HTTP library, with the credential of the request's Authorization header
    replaced by `[token]`: a server (a proxy, an echoing test server) may quote the header back in an error
    message, and messages are printed (the command's one line on stderr), logged and kept."""
    if request is None:
        return text
    credential = request.headers.get("authorization", "").partition(" ")[2].strip()
    if len(credential) < SHORTEST_CREDENTIAL or credential not in text:
        return text
    return text.replace(credential, "[token]")


def status_error(response: httpx.Response) -> APIStatusError:
    """The exception for a non-2xx answer, with its error body read into a model when it is one."""
    body, code, text = _read_error_body(response)
    status = response.status_code
    cls = _STATUS_ERRORS.get(status) or (InternalServerError if status >= 500 else APIStatusError)
    reason = response.reason_phrase or _EDGE_REASONS.get(status, "")
    request = response.request
    if text is not None:
        text = without_token(str(text), request)
    message = f"{status} {reason}".rstrip() + f" from {request.method} {request.url.path}"
    if text:
        message += f": {one_line(str(text))}" + (
            f" (code {one_line(_format_code(code), 40)})" if code is not None else ""
        )
    elif body is None and response.content:
        message += f": {_content_kind(response)} body"
    ray_id = response.headers.get("cf-ray")
    if ray_id:
        message += f" [cf-ray {ray_id}]"
    return cls(message, response=response, body=body, error_code=code, error_message=text)


# Cloudflare's own statuses, which HTTPStatus (and so httpx) has no phrase for.
_EDGE_REASONS = {
    520: "Web Server Returned an Unknown Error",
    521: "Web Server Is Down",
    522: "Connection Timed Out",
    523: "Origin Is Unreachable",
    524: "A Timeout Occurred",
    525: "SSL Handshake Failed",
    526: "Invalid SSL Certificate",
    527: "Railgun Error",
}


def _format_code(code: float) -> str:
    return str(int(code)) if isinstance(code, float) and code.is_integer() else str(code)


def _content_kind(response: httpx.Response) -> str:
    content_type = response.headers.get("content-type", "").split(";")[0].strip()
    return content_type or "unlabelled"


def _read_error_body(
    response: httpx.Response,
) -> tuple[RealtimeKitError | CloudflareError | None, int | float | None, str | None]:
    from ._reading import decode_json
    from .models.cloudflare_error import CloudflareError
    from .models.realtime_kit_error import RealtimeKitError

    try:
        data = decode_json(response.content)
    except (ValueError, RecursionError):  # not JSON, or nested deeper than any error envelope is
        return None, None, None
    if not isinstance(data, dict):
        return None, None, None
    try:
        if isinstance(data.get("error"), dict):
            rtk = RealtimeKitError.from_dict(data)
            return rtk, rtk.error.code, rtk.error.message
        if isinstance(data.get("errors"), list):
            cf = CloudflareError.from_dict(data)
            first = cf.errors[0] if cf.errors else None
            return cf, (first.code if first else None), (first.message if first else None)
    except ModelParseError:
        pass
    return None, None, None


__all__ = [
    "APIConnectionError",
    "APIError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ConfigurationError",
    "ConflictError",
    "DownloadError",
    "DownloadRefusedError",
    "DownloadTooLargeError",
    "InternalServerError",
    "InvalidParameterError",
    "ModelParseError",
    "NotFoundError",
    "PaginationError",
    "PermissionDeniedError",
    "RateLimitError",
    "RealtimeKitSessionsError",
    "ResponseValidationError",
    "UnprocessableEntityError",
]
