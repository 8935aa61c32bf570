"""thresher: the main content and the fields of a web page, fast.

>>> import thresher
>>> doc = thresher.bare_extraction(html_bytes, url="https://example.com/a")
>>> doc.title, doc.date, doc.text[:80]

``extract`` returns just the text; ``bare_extraction`` the whole ``Document``;
``Extractor`` keeps compiled options for many pages (thread-safe; the GIL is
released while C++ works).
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Dict, List, Optional, Union

from . import _core

__version__: str = _core.__version__
OPTION_DEFAULTS: Dict[str, Any] = dict(_core.OPTION_DEFAULTS)

__all__ = [
    "Document", "Extractor", "extract", "bare_extraction", "word_prf", "OPTION_DEFAULTS",
    "ThresherError", "InputTooLargeError", "NotHTMLError", "DecodeError", "ExtractionTimeout",
    "LimitExceededError", "InternalError", "__version__",
]


class ThresherError(Exception):
    """Base class of every error thresher raises."""


class InputTooLargeError(ThresherError, ValueError):
    """The page is larger than ``max_input_bytes``: raise the limit or skip the page."""


class NotHTMLError(ThresherError, ValueError):
    """The input is not an HTML page (PDF, image, archive, ...)."""


class DecodeError(ThresherError, ValueError):
    """The bytes could not be decoded; pass ``encoding_hint`` if you know the charset."""


class ExtractionTimeout(ThresherError, TimeoutError):
    """The page took longer than ``timeout_ms``."""


class LimitExceededError(ThresherError, MemoryError):
    """A resource limit (nodes, memory) was exceeded."""


class InternalError(ThresherError, RuntimeError):
    """A bug in thresher: please report the page that caused it."""


_ERRORS = {
    "input_too_large": InputTooLargeError,
    "not_html": NotHTMLError,
    "undecodable": DecodeError,
    "timeout": ExtractionTimeout,
    "limit_exceeded": LimitExceededError,
    "internal": InternalError,
}


@dataclass
class Document:
    """One page's extraction. Absent fields are ``None`` (lists: empty)."""

    title: Optional[str] = None
    author: Optional[str] = None
    authors: List[str] = field(default_factory=list)
    date: Optional[str] = None
    date_modified: Optional[str] = None
    sitename: Optional[str] = None
    description: Optional[str] = None
    categories: List[str] = field(default_factory=list)
    tags: List[str] = field(default_factory=list)
    language: Optional[str] = None
    image: Optional[str] = None
    url: Optional[str] = None
    hostname: Optional[str] = None
    text: str = ""
    comments: Optional[str] = None
    diagnostics: Dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> Dict[str, Any]:
        """All fields as a plain dict (JSON-serialisable)."""
        return asdict(self)


class Extractor:
    """Compiled options, reusable for many pages and safe to share across threads.

    >>> ex = thresher.Extractor(include_comments=True)
    >>> doc = ex.extract(html, url)
    """

    def __init__(self, **options: Any) -> None:
        unknown = set(options) - set(OPTION_DEFAULTS)
        if unknown:
            raise TypeError(
                f"unknown option(s) {sorted(unknown)}; known: {sorted(OPTION_DEFAULTS)}")
        self._options = dict(options)
        self._impl = _core.Extractor(**options)

    @property
    def options(self) -> Dict[str, Any]:
        return {**OPTION_DEFAULTS, **self._options}

    def extract(self, html: Union[str, bytes], url: Optional[str] = None,
                encoding_hint: Optional[str] = None) -> Document:
        """Extract one page. ``html`` may be ``str`` or ``bytes`` (charset detected)."""
        if isinstance(html, (bytearray, memoryview)):
            html = bytes(html)
        if not isinstance(html, (str, bytes)):
            raise TypeError(f"html must be str or bytes, not {type(html).__name__}")
        data, error = self._impl.extract(html, url, encoding_hint)
        if error is not None:
            code, message = error
            raise _ERRORS.get(code, InternalError)(message)
        return Document(**data)


def bare_extraction(html: Union[str, bytes], url: Optional[str] = None,
                    **options: Any) -> Document:
    """Extract the main content and fields of one page as a ``Document``."""
    return Extractor(**options).extract(html, url)


def extract(html: Union[str, bytes], url: Optional[str] = None, **options: Any) -> str:
    """Extract the main text of one page (paragraphs separated by blank lines)."""
    return bare_extraction(html, url, **options).text


def word_prf(candidate: str, gold: str) -> tuple:
    """The corpus metric: word-level (precision, recall, f1) of candidate vs. gold."""
    return _core.word_prf(candidate, gold)
