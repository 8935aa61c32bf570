"""Input readers for ``thresher extract``: files, folders, stdin, ``.html.gz`` and
WARC archives, turned into a stream of :class:`Item` (one per page).

Everything streams: folders are walked lazily, archives are read record by
record with warcio, and at most one page (capped at ``max_bytes`` + 1) is held
per item. Nothing here raises for one bad page: a page that cannot be read, is
too large becomes an ``Item`` whose ``error`` is
``"code: message"`` (binary, non-HTML payloads are told apart by the core:
``not_html``). Problems with the command line itself (missing path,
archive that does not open, folder with no matching file) raise
:class:`InputError` from :func:`resolve`, before anything is extracted; an
archive that breaks half-way is reported through ``on_input_error`` and counted
in :class:`InputStats` (``input_errors``), and the records read before the
break are kept.

>>> sources = resolve(["pages/", "crawl.warc.gz"], globs=DEFAULT_GLOBS)
>>> for item in iter_items(sources, max_bytes=64 << 20):
...     item.source, item.url, len(item.data), item.error
"""

from __future__ import annotations

import fnmatch
import gzip
import io
import os
import re
import sys
import zlib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, BinaryIO, Callable, FrozenSet, Iterator, List, Optional, Sequence

__all__ = [
    "DEFAULT_GLOBS",
    "HTML_CONTENT_TYPES",
    "InputError",
    "InputStats",
    "Item",
    "Source",
    "resolve",
    "iter_items",
    "charset_from_content_type",
]

DEFAULT_GLOBS = ("*.htm*", "*.html.gz")
HTML_CONTENT_TYPES = ("text/html", "application/xhtml+xml")
_ARCHIVE_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
_SNIFF_BYTES = 1 << 16  # head read once per file / stdin to decide what it is


class InputError(Exception):
    """A usage-level input problem (missing path, unreadable archive, no inputs): exit 2."""


@dataclass
class Item:
    """One page to extract (or one that already failed)."""

    source: str  # file path, "-" (stdin), or "<archive path>#<WARC-Record-ID without <>>"
    data: bytes = b""
    url: Optional[str] = None
    encoding_hint: Optional[str] = None
    error: Optional[str] = None  # "code: message" when the page failed before extraction
    size: int = 0  # bytes of HTML read (after gunzip / HTTP decoding)
    out_name: PurePosixPath = PurePosixPath("page")  # name for --output DIR, no extension


@dataclass
class InputStats:
    """Counters filled while items are read (the generator updates them in place)."""

    files: int = 0
    archives: int = 0
    archive_records: int = 0  # WARC response records that were HTML 2xx (became items)
    skipped_not_html: int = 0  # WARC responses with another Content-Type
    skipped_status: int = 0  # WARC HTML responses whose status is not 2xx
    skipped_other: int = 0  # responses without HTTP headers, undecodable Content-Encoding
    input_errors: List[str] = field(default_factory=list)  # archives/folders broken mid-way

    @property
    def skipped(self) -> int:
        return self.skipped_not_html + self.skipped_status + self.skipped_other


@dataclass
class Source:
    """One command-line PATH, validated by :func:`resolve`."""

    kind: str  # "file" | "archive" | "folder" | "stdin"
    path: Path
    label: str  # as the user wrote it (used in `source` and messages)
    head: bytes = b""  # stdin: the bytes already read while sniffing
    stdin_is_archive: bool = False
    first: Optional[Path] = None  # folder: the first matching file (proves it is not empty)
    walk: Optional[Iterator["Path | _WalkError"]] = None  # folder: the remaining matching files, lazily


_CHARSET_RE = re.compile(r"""charset\s*=\s*["']?\s*([A-Za-z0-9._:+-]+)""", re.I)


def charset_from_content_type(content_type: Optional[str]) -> Optional[str]:
    """``"text/html; charset=Windows-1251"`` -> ``"windows-1251"`` (lower-cased), else None."""
    if not content_type:
        return None
    m = _CHARSET_RE.search(content_type)
    return m.group(1).lower() if m else None


def _media_type(content_type: Optional[str]) -> str:
    return (content_type or "").split(";", 1)[0].strip().lower()


def _is_archive_name(path: Path) -> bool:
    return path.name.lower().endswith(_ARCHIVE_SUFFIXES)


def _gunzip_head(head: bytes) -> bytes:
    """Decompress what the first bytes of a gzip stream give (for sniffing)."""
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 4096)
    except zlib.error:
        return b""


def _looks_like_archive(head: bytes) -> bool:
    inner = _gunzip_head(head) if head[:2] == b"\x1f\x8b" else head
    return inner.startswith((b"WARC/", b"filedesc://"))


def _strip_page_suffix(name: str) -> str:
    """``index.html.gz`` -> ``index``; ``crawl.warc.gz`` -> ``crawl``; ``a.b.htm`` -> ``a.b``."""
    low = name.lower()
    if low.endswith(".gz"):
        name, low = name[:-3], low[:-3]
    dot = name.rfind(".")
    return name[:dot] if dot > 0 else name


def _safe_component(s: str) -> str:
    s = re.sub(r"[^A-Za-z0-9._-]+", "_", s).strip("._")
    return s[:150] or "record"


# --------------------------------------------------------------------------- resolve


def resolve(paths: Sequence[str], globs: Sequence[str] = DEFAULT_GLOBS, *,
            stdin: Optional[BinaryIO] = None, exclude: Sequence[Path] = ()) -> List[Source]:
    """Check every command-line PATH and say what it is; raise :class:`InputError`
    (a usage error) for a missing path, an archive that does not open, a folder
    with no matching file, or ``-`` given twice. Folders are not listed here
    beyond their first match: the rest is walked lazily while extracting, so
    ``exclude`` (the output file or folder) keeps the walk off what is being
    written."""
    excluded = frozenset(Path(os.path.abspath(p)) for p in exclude)
    if not paths:
        raise InputError("no inputs: give at least one PATH (file, folder, .warc/.warc.gz, or - for stdin)")
    sources: List[Source] = []
    seen_stdin = False
    for arg in paths:
        if arg == "-":
            if seen_stdin:
                raise InputError("'-' (stdin) given more than once")
            seen_stdin = True
            stream = stdin if stdin is not None else sys.stdin.buffer
            head = stream.read(_SNIFF_BYTES) or b""
            sources.append(Source("stdin", Path("-"), "-", head=head, stdin_is_archive=_looks_like_archive(head)))
            continue
        path = Path(arg)
        if not path.exists():
            raise InputError(f"{arg}: no such file or directory")
        if path.is_dir():
            walk = _walk(path, globs, excluded=excluded)
            first = next(walk, None)
            if isinstance(first, _WalkError):
                raise InputError(str(first))
            if first is None:
                raise InputError(f"no inputs: no file under {arg} matches {' or '.join(globs)} (use --glob PATTERN)")
            sources.append(Source("folder", path, arg, first=first, walk=walk))
            continue
        if not os.access(path, os.R_OK):
            raise InputError(f"{arg}: permission denied")
        try:
            with open(path, "rb") as f:
                head = f.read(_SNIFF_BYTES)
        except OSError as e:
            raise InputError(f"{arg}: cannot read: {e.strerror or e}") from None
        if _is_archive_name(path) or _looks_like_archive(head):
            _check_archive(path, arg, head)
            sources.append(Source("archive", path, arg))
        else:
            sources.append(Source("file", path, arg))
    return sources


def _not_an_archive(head: bytes) -> Optional[str]:
    """Why ``head`` cannot start a WARC/ARC file, or None. (warcio would read any
    text line as an ARC header, so the first bytes are checked here.)"""
    if head[:2] == b"\x1f\x8b":
        inner = _gunzip_head(head)
        if not inner:
            return "not a valid gzip file"
    else:
        inner = head
    if inner.startswith((b"WARC/", b"filedesc://")):
        return None
    return f"does not start with a WARC/ARC header (starts with {inner[:16]!r})"


def _check_archive(path: Path, label: str, head: bytes) -> None:
    """Check the first bytes and parse the first record, so that a file that is
    not a WARC at all is a usage error before any output is written."""
    from warcio.archiveiterator import ArchiveIterator

    why = _not_an_archive(head)
    if why:
        raise InputError(f"{label}: unreadable archive: {why}")
    try:
        with open(path, "rb") as f:
            it = ArchiveIterator(f, arc2warc=True)
            try:
                next(iter(it), None)
            finally:
                it.close()
    except Exception as e:  # noqa: BLE001 - warcio raises ArchiveLoadFailed, zlib.error, EOFError, ...
        raise InputError(f"{label}: unreadable archive: {_one_line(e)}") from None


def _one_line(e: BaseException) -> str:
    msg = " ".join(str(e).split()) or type(e).__name__
    return msg if len(msg) <= 300 else msg[:297] + "..."


def _walk(root: Path, globs: Sequence[str], rel: str = "",
          excluded: FrozenSet[Path] = frozenset()) -> Iterator["Path | _WalkError"]:
    """Files under ``root`` whose name matches one of ``globs`` (a pattern with
    ``/`` matches the path relative to ``root`` instead), depth first in sorted
    path order (``b/c/d.htm`` before ``b/e.htm``); symlinked folders are not
    followed. Lazy: one folder listing at a time. A folder that cannot be listed
    is yielded as a :class:`_WalkError` (not raised: that would end the walk)."""
    folder = root / rel if rel else root
    try:
        with os.scandir(folder) as it:
            entries = sorted((e.name, e.is_dir(follow_symlinks=False), e.is_file()) for e in it)
    except OSError as e:
        yield _WalkError(f"{folder}: cannot list folder: {e.strerror or e}")
        return
    for name, is_dir, is_file in entries:
        rel_name = f"{rel}/{name}" if rel else name
        if excluded and Path(os.path.abspath(folder / name)) in excluded:
            continue
        if is_dir:
            yield from _walk(root, globs, rel_name, excluded)
        elif is_file and any(fnmatch.fnmatch(rel_name if "/" in g else name, g) for g in globs):
            yield folder / name


class _WalkError(str):
    """A folder the walk could not list (kept in the stream as a marker)."""


# --------------------------------------------------------------------------- items


def iter_items(sources: Sequence[Source], *, max_bytes: int, url: Optional[str] = None,
               encoding_hint: Optional[str] = None, stats: Optional[InputStats] = None,
               on_input_error: Optional[Callable[[str], None]] = None,
               stdin: Optional[BinaryIO] = None) -> Iterator[Item]:
    """Every page of every source, in command-line order (folders sorted,
    archives in record order). ``url`` / ``encoding_hint`` apply to file and
    stdin pages (archive records bring their own). Never raises for a bad page
    or a broken archive; see the module docstring."""
    stats = stats if stats is not None else InputStats()

    def input_error(msg: str) -> None:
        stats.input_errors.append(msg)
        if on_input_error is not None:
            on_input_error(msg)

    for src in sources:
        if src.kind == "stdin":
            stream = stdin if stdin is not None else sys.stdin.buffer
            if src.stdin_is_archive:
                stats.archives += 1
                yield from _archive_items(_Chain(src.head, stream), "-", PurePosixPath("stdin"), max_bytes, stats,
                                          input_error)
            else:
                stats.files += 1
                rest = stream.read(max(0, max_bytes + 1 - len(src.head))) or b""
                data = src.head + rest
                if len(data) > max_bytes:
                    while stream.read(1 << 20):  # drain, so a writer upstream does not get EPIPE
                        pass
                yield _page_item("-", data, PurePosixPath("stdin"), url, encoding_hint, max_bytes)
        elif src.kind == "archive":
            stats.archives += 1
            out = PurePosixPath(_safe_component(_strip_page_suffix(src.path.name)))
            yield from _archive_file_items(src.path, src.label, out, max_bytes, stats, input_error)
        elif src.kind == "file":
            yield from _file_items(src.path, str(src.label), PurePosixPath(_strip_page_suffix(src.path.name) or "page"),
                                   max_bytes, url, encoding_hint, stats, input_error, known_page=True)
        else:  # folder
            files = _prepend(src.first, src.walk)
            for path in files:
                if isinstance(path, _WalkError):
                    input_error(str(path))
                    continue
                rel = path.relative_to(src.path)
                out = PurePosixPath(rel.parent.as_posix()) / _strip_page_suffix(rel.name)
                yield from _file_items(path, str(path), out, max_bytes, url, encoding_hint, stats, input_error,
                                       known_page=False)


def _prepend(first: Optional[Path], rest: Optional[Iterator["Path | _WalkError"]]) -> Iterator["Path | _WalkError"]:
    if first is not None:
        yield first
    if rest is not None:
        yield from rest


def _page_item(source: str, data: bytes, out: PurePosixPath, url: Optional[str], hint: Optional[str],
               max_bytes: int) -> Item:
    if len(data) > max_bytes:
        return Item(source, url=url, size=0, out_name=out,
                    error=f"input_too_large: the page is larger than max_input_bytes ({max_bytes} bytes); "
                          f"raise it with --set max_input_bytes=N")
    return Item(source, data=data, url=url, encoding_hint=hint, size=len(data), out_name=out)


def _file_items(path: Path, source: str, out: PurePosixPath, max_bytes: int, url: Optional[str],
                hint: Optional[str], stats: InputStats, input_error: Callable[[str], None],
                known_page: bool) -> Iterator[Item]:
    """One file: a page (plain or gzip) or, found by name or first bytes, an archive."""
    try:
        f = open(path, "rb")
    except OSError as e:
        stats.files += 1
        yield Item(source, url=url, out_name=out, error=f"unreadable: cannot open {source}: {e.strerror or e}")
        return
    with f:
        is_archive = False
        try:
            head = f.read(_SNIFF_BYTES)
            is_archive = not known_page and (_is_archive_name(path) or _looks_like_archive(head))
            if not is_archive:
                if head[:2] == b"\x1f\x8b":
                    f.seek(0)
                    with gzip.GzipFile(fileobj=f) as g:
                        data = g.read(max_bytes + 1)
                elif len(head) < _SNIFF_BYTES:
                    data = head
                elif os.fstat(f.fileno()).st_size > max_bytes:
                    data = head + f.read(max_bytes + 1 - len(head))
                else:
                    data = head + f.read()
        except (OSError, EOFError, zlib.error) as e:
            stats.files += 1
            what = "not a valid gzip file" if isinstance(e, (EOFError, zlib.error, gzip.BadGzipFile)) else "read error"
            yield Item(source, url=url, out_name=out, error=f"unreadable: {source}: {what}: {_one_line(e)}")
            return
        if not is_archive:
            stats.files += 1
            yield _page_item(source, data, out, url, hint, max_bytes)
            return
        stats.archives += 1
        why = _not_an_archive(head)
        if why:
            input_error(f"{source}: unreadable archive: {why}")
            return
        f.seek(0)
        yield from _archive_items(f, source, out.parent / _safe_component(out.name), max_bytes, stats, input_error)


def _archive_file_items(path: Path, label: str, out: PurePosixPath, max_bytes: int, stats: InputStats,
                        input_error: Callable[[str], None]) -> Iterator[Item]:
    try:
        f = open(path, "rb")
    except OSError as e:
        input_error(f"{label}: cannot open archive: {e.strerror or e}")
        return
    with f:
        yield from _archive_items(f, label, out, max_bytes, stats, input_error)


def _archive_items(stream: "BinaryIO | io.RawIOBase", label: str, out: PurePosixPath, max_bytes: int, stats: InputStats,
                   input_error: Callable[[str], None]) -> Iterator[Item]:
    """HTML responses of one WARC (or ARC) stream, record by record.

    Kept: ``WARC-Type: response`` with HTTP headers, status 2xx, and Content-Type
    text/html or application/xhtml+xml. The charset of the Content-Type becomes
    the encoding hint; ``content_stream()`` undoes chunked transfer encoding and
    gzip/deflate (and br when the ``brotli`` module is installed)."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.bufferedreaders import BufferedReader

    records = 0
    it = ArchiveIterator(stream, arc2warc=True)
    try:
        for record in it:
            records += 1
            if record.rec_type != "response":
                continue
            http = record.http_headers
            if http is None:
                stats.skipped_other += 1
                continue
            ctype = http.get_header("Content-Type")
            if _media_type(ctype) not in HTML_CONTENT_TYPES:
                stats.skipped_not_html += 1
                continue
            status = str(http.get_statuscode() or "")
            if not (len(status) == 3 and status.startswith("2")):
                stats.skipped_status += 1
                continue
            rid = (record.rec_headers.get_header("WARC-Record-ID") or f"record-{records}").strip().strip("<>")
            uri = record.rec_headers.get_header("WARC-Target-URI")
            uri = uri.strip().strip("<>") if uri else None
            source = f"{label}#{rid}"
            name = out / _safe_component(rid.rsplit(":", 1)[-1] if rid.lower().startswith("urn:uuid:") else rid)
            stats.archive_records += 1
            enc = (http.get_header("Content-Encoding") or "").strip().lower()
            if enc and enc != "identity" and enc not in BufferedReader.get_supported_decompressors():
                yield Item(source, url=uri, out_name=name,
                           error=f"unreadable: Content-Encoding {enc!r} is not supported"
                                 + (" (pip install brotli)" if enc == "br" else ""))
                continue
            try:
                data = record.content_stream().read(max_bytes + 1)
            except Exception as e:  # noqa: BLE001 - bad chunked encoding, corrupt gzip body
                yield Item(source, url=uri, out_name=name,
                           error=f"unreadable: cannot decode the HTTP body: {_one_line(e)}")
                continue
            if len(data) <= max_bytes and _truncated(record):
                msg = f"{label}: unreadable archive: it ends inside record {rid} (truncated file?)"
                input_error(msg)
                yield Item(source, url=uri, out_name=name, error="unreadable: the archive ends inside this record")
                return
            yield _page_item(source, data, name, uri, charset_from_content_type(ctype), max_bytes)
    except Exception as e:  # noqa: BLE001 - truncated/corrupt archive: keep what was read, report it
        input_error(f"{label}: unreadable archive after {records} record(s): {_one_line(e)}")
    finally:
        it.close()


def _truncated(record: Any) -> bool:
    """Whether the file ended before the record's Content-Length (warcio returns
    the short body silently)."""
    from warcio.limitreader import LimitReader

    raw = record.raw_stream
    if not isinstance(raw, LimitReader):
        return False
    while raw.limit > 0 and raw.read(min(raw.limit, 1 << 16)):
        pass
    return bool(raw.limit > 0)


class _Chain(io.RawIOBase):
    """``head`` (already read while sniffing) followed by the rest of ``stream``."""

    def __init__(self, head: bytes, stream: BinaryIO) -> None:
        self._head = memoryview(head)
        self._stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, b: Any) -> int:
        if self._head.nbytes:
            n = min(len(b), self._head.nbytes)
            b[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._stream.read(len(b))
        if not data:
            return 0
        b[: len(data)] = data
        return len(data)
