"""thresher: the main content and the fields of a web page, fast.

>>> import thresher
>>> doc = thresher.bare_extraction(html_bytes, url="https://example.com/a")
>>> doc.title, doc.date, doc.text[:80]

``extract`` returns just the text; ``bare_extraction`` the whole ``Document``;
``Extractor`` keeps compiled options for many pages (thread-safe; the GIL is
released while C++ works).
"""
from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from typing import Any, Dict, Iterable, Iterator, List, Optional, Tuple, Union

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
    """One page's extraction. Absent fields are ``None`` (lists: empty).

    ``error`` is set (``"code: message"``) only on results of
    :meth:`Extractor.extract_many` whose page failed; every other field is
    then empty.
    """

    title: Optional[str] = None
    author: Optional[str] = None
    authors: List[str] = field(default_factory=list)
    date: Optional[str] = None
    date_modified: Optional[str] = None
    date_time: Optional[str] = None
    sitename: Optional[str] = None
    description: Optional[str] = None
    categories: List[str] = field(default_factory=list)
    tags: List[str] = field(default_factory=list)
    language: Optional[str] = None
    image: Optional[str] = None
    url: Optional[str] = None
    hostname: Optional[str] = None
    page_type: Optional[str] = None
    license: Optional[str] = None
    text: str = ""
    markdown: Optional[str] = None
    html: Optional[str] = None
    comments: Optional[str] = None
    error: Optional[str] = None
    diagnostics: Dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> Dict[str, Any]:
        """All fields as a plain dict (JSON-serialisable)."""
        return asdict(self)


Html = Union[str, bytes]
Item = Union[Html, Tuple[Html, Optional[str]], Tuple[Html, Optional[str], Optional[str]]]


def _as_html(html: Any) -> Html:
    if isinstance(html, (bytearray, memoryview)):
        return bytes(html)
    if not isinstance(html, (str, bytes)):
        raise TypeError(f"html must be str or bytes, not {type(html).__name__}")
    return html


def _raise(error: Tuple[str, str]) -> None:
    code, message = error
    raise _ERRORS.get(code, InternalError)(message)


class Extractor:
    """Compiled options, reusable for many pages and safe to share across threads.

    >>> ex = thresher.Extractor(include_comments=True)
    >>> doc = ex.extract(html, url)
    >>> for doc in ex.extract_many(pages, threads=0):   # C++ thread pool
    ...     print(doc.url, doc.error or doc.title)

    Options are the keys of ``thresher.OPTION_DEFAULTS`` (defaults from the
    C++ ``thresher::Options``).
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

    def extract(self, html: Html, url: Optional[str] = None,
                encoding_hint: Optional[str] = None) -> Document:
        """Extract one page. ``html`` may be ``str`` or ``bytes`` (charset detected;
        ``encoding_hint`` is an HTTP Content-Type charset, if you have one)."""
        data, error = self._impl.extract(_as_html(html), url, encoding_hint)
        if error is not None:
            _raise(error)
        assert data is not None
        return Document(**data)

    def extract_many(self, items: Iterable[Item], threads: int = 0,
                     ordered: bool = True) -> Iterator[Document]:
        """Extract many pages on a C++ thread pool (GIL released).

        ``items`` yields html, ``(html, url)`` or ``(html, url, encoding_hint)``.
        Exactly one ``Document`` comes out per item; a page that fails gives a
        Document whose ``error`` says why (and its ``url``), and the batch goes
        on. ``threads=0`` uses all cores.

        Items are read lazily and pages are yielded as they finish: in input
        order when ``ordered`` (a slow page holds back the ones after it), in
        completion order otherwise. At most ``4 * threads`` (at least 16)
        pages are held at once, whatever the length of ``items``.
        """
        if threads < 0:
            raise ValueError("threads must be >= 0")
        stream = _core.Stream(self._impl, threads)
        window = max(16, 4 * stream.threads)
        urls: Dict[int, Optional[str]] = {}    # submitted, not finished: seq -> url
        ready: Dict[int, Document] = {}        # finished, waiting for their turn
        next_seq = 0

        def finish_one() -> Tuple[int, Document]:
            finished = stream.next()
            assert finished is not None, "a page is pending"
            seq, (data, error) = finished
            url = urls.pop(seq)
            if data is not None:
                return seq, Document(**data)
            assert error is not None
            return seq, Document(url=url, error=f"{error[0]}: {error[1]}")

        def drain(until: int) -> Iterator[Document]:
            # Take finished pages until at most `until` are held; yield what may go out.
            nonlocal next_seq
            while len(urls) + len(ready) > until:
                seq, doc = finish_one()
                if not ordered:
                    yield doc
                    continue
                ready[seq] = doc
                while next_seq in ready:
                    yield ready.pop(next_seq)
                    next_seq += 1

        for item in items:
            html, url, hint = _normalize_item(item)
            urls[stream.submit(html, url, hint)] = url
            yield from drain(window - 1)
        yield from drain(0)


def _normalize_item(item: Item) -> Tuple[Html, Optional[str], Optional[str]]:
    if isinstance(item, tuple):
        if not 1 <= len(item) <= 3:
            raise ValueError("extract_many items are html, (html, url) or (html, url, encoding_hint)")
        url = item[1] if len(item) > 1 else None
        hint = item[2] if len(item) > 2 else None
        for name, value in (("url", url), ("encoding_hint", hint)):
            if value is not None and not isinstance(value, str):
                raise TypeError(f"extract_many: {name} must be str or None, not {type(value).__name__}")
        return (_as_html(item[0]), url, hint)
    return (_as_html(item), None, None)


_FORMATS = ("text", "markdown", "html", "json")


def bare_extraction(html: Html, url: Optional[str] = None, *, output_format: str = "text",
                    encoding_hint: Optional[str] = None, **options: Any) -> Document:
    """Extract the main content and fields of one page as a ``Document``.

    Accepts the same options as :func:`extract`.
    """
    core_format = "text" if output_format == "json" else output_format
    if output_format not in _FORMATS:
        raise ValueError(f"output_format must be one of {_FORMATS}, not {output_format!r}")
    return Extractor(output_format=core_format, **options).extract(html, url, encoding_hint)


def extract(html: Html, url: Optional[str] = None, *, output_format: str = "text",
            include_comments: bool = False, include_tables: bool = True,
            include_links: bool = False, include_images: bool = False,
            favor_precision: bool = False, favor_recall: bool = False,
            with_metadata: bool = True, encoding_hint: Optional[str] = None,
            **limits: Any) -> str:
    """Extract the main content of one page as a string, like trafilatura's ``extract``.

    ``output_format``: ``"text"`` (paragraphs separated by blank lines),
    ``"markdown"`` (headings, lists, tables, code and, with ``include_links`` /
    ``include_images``, links and images), ``"html"`` (cleaned HTML of the main
    content) or ``"json"`` (every field plus the text; ``with_metadata=False``
    leaves the fields out). ``html`` may be ``str`` or ``bytes``. Other keyword
    arguments are limits from ``thresher.OPTION_DEFAULTS``.
    """
    doc = bare_extraction(
        html, url, output_format=output_format, encoding_hint=encoding_hint,
        include_comments=include_comments, include_tables=include_tables,
        include_links=include_links, include_images=include_images,
        favor_precision=favor_precision, favor_recall=favor_recall, **limits)
    if output_format == "markdown":
        return doc.markdown or ""
    if output_format == "html":
        return doc.html or ""
    if output_format == "json":
        record = doc.to_dict()
        record.pop("markdown"), record.pop("html"), record.pop("error")
        if not with_metadata:
            record = {"text": doc.text, "comments": doc.comments}
        return json.dumps(record, ensure_ascii=False)
    return doc.text


def word_prf(candidate: str, gold: str) -> Tuple[float, float, float]:
    """The corpus metric: word-level (precision, recall, f1) of candidate vs. gold."""
    return _core.word_prf(candidate, gold)
