"""``thresher extract PATH...``: the main content of files, folders, WARC archives
and stdin, as text, Markdown, HTML, JSON or JSON Lines.

Reading is streamed (:mod:`thresher.inputs`); pages go through
``Extractor.extract_many`` (the C++ thread pool) in bounded batches, results
come back in input order and are written as they arrive. Exit status: 0 all
pages extracted, 1 some pages failed (listed on stderr), 2 usage error.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import logging
import os
import sys
import time
from collections import deque
from pathlib import Path, PurePosixPath
from typing import Any, Deque, Dict, Iterable, Iterator, List, Optional, Sequence, Set, TextIO, Tuple

from . import inputs
from .inputs import InputError, InputStats, Item

__all__ = ["register", "cmd_extract", "FORMATS"]

PROG = "thresher extract"
FORMATS = ("text", "markdown", "html", "json", "jsonl")
EXTENSIONS = {"text": ".txt", "markdown": ".md", "html": ".html", "json": ".json", "jsonl": ".json"}
# Batches handed to extract_many: bounded in pages and in bytes, so memory stays
# bounded whatever the size of a folder or an archive.
BATCH_PAGES = 512
BATCH_BYTES = 64 << 20
MAX_LISTED_FAILURES = 100

EPILOG = """\
examples:
  thresher extract page.html                      # main text on stdout
  thresher extract site/ --glob '*.html' -o out/  # one .txt per page under out/
  thresher extract crawl.warc.gz -f jsonl -o pages.jsonl --jobs 4
  curl -s https://example.com/story | thresher extract - --url https://example.com/story -f markdown

exit status: 0 every page extracted; 1 some pages failed (listed on stderr);
2 usage error (bad flag, missing file, unreadable archive, no inputs).
"""


class UsageError(Exception):
    """Exit status 2 with this message."""


# --------------------------------------------------------------------------- argparse


def _jobs(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if n < 0:
        raise argparse.ArgumentTypeError("must be 0 (all cores) or more")
    return n


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the ``extract`` command to a top-level subparsers object."""
    p = sub.add_parser(
        "extract",
        help="extract the main content of HTML files, folders, WARC archives or stdin",
        description="Extract the main content and metadata of web pages: files, folders (recursive), "
                    ".html.gz, .warc/.warc.gz archives (HTML responses), or - for stdin.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help="file, folder, .html.gz, .warc/.warc.gz, or - (stdin)")
    p.add_argument("-f", "--format", choices=FORMATS, default="text",
                   help="output format (default: text); jsonl = one JSON record per page")
    p.add_argument("-o", "--output", metavar="DIR|FILE",
                   help="a folder (exists, or ends with /): one file per page; otherwise one file "
                        "with every record (default: stdout)")
    p.add_argument("-j", "--jobs", type=_jobs, default=0, metavar="N",
                   help="extraction threads (default 0: all cores)")
    p.add_argument("--glob", action="append", metavar="PATTERN",
                   help="which files to take from folders (repeatable; default: "
                        f"{' and '.join(inputs.DEFAULT_GLOBS)}); a pattern with / matches the relative path")
    p.add_argument("--url", metavar="URL", help="URL of file and stdin pages (archives bring their own)")
    p.add_argument("--encoding", metavar="CHARSET",
                   help="charset hint for file and stdin pages without a BOM (archives: from Content-Type)")
    p.add_argument("--no-progress", action="store_true",
                   help="no progress bar (it is shown only when stderr is a terminal)")
    g = p.add_argument_group("extraction options")
    g.add_argument("--include-comments", action="store_true",
                   help="comment sections in the comments field (json/jsonl); never mixed into the text")
    g.add_argument("--no-tables", dest="include_tables", action="store_false", help="leave data tables out")
    g.add_argument("--include-links", action="store_true", help="keep link targets (markdown/html)")
    g.add_argument("--include-images", action="store_true", help="keep images (markdown/html)")
    x = g.add_mutually_exclusive_group()
    x.add_argument("--favor-precision", action="store_true", help="prune more: less noise, may lose text")
    x.add_argument("--favor-recall", action="store_true", help="prune less: more text, more noise")
    g.add_argument("--no-metadata", dest="with_metadata", action="store_false",
                   help="json/jsonl records without the fields (title, author, date, ...): "
                        "source, url, text, comments, error")
    g.add_argument("--set", dest="settings", action="append", default=[], metavar="NAME=VALUE",
                   help="any other Extractor option or limit, e.g. --set timeout_ms=2000 "
                        "--set max_input_bytes=100000000 (repeatable)")
    p.set_defaults(func=cmd_extract)


# --------------------------------------------------------------------------- options


def _typed(name: str, raw: str, default: Any) -> Any:
    if isinstance(default, bool):
        low = raw.strip().lower()
        if low in ("1", "true", "yes", "on"):
            return True
        if low in ("0", "false", "no", "off"):
            return False
        raise UsageError(f"--set {name}: expected true/false, got {raw!r}")
    if isinstance(default, int):
        try:
            return int(raw.replace("_", ""))
        except ValueError:
            raise UsageError(f"--set {name}: expected an integer, got {raw!r}") from None
    if isinstance(default, float):
        try:
            return float(raw)
        except ValueError:
            raise UsageError(f"--set {name}: expected a number, got {raw!r}") from None
    return raw


def extractor_options(args: argparse.Namespace) -> Dict[str, Any]:
    """The keyword arguments for ``thresher.Extractor`` from the flags (only the
    ones that differ from the defaults, plus the output format)."""
    import thresher

    defaults = thresher.OPTION_DEFAULTS
    opts: Dict[str, Any] = {}
    # flag -> (option, value when the flag is absent); only given flags are passed,
    # so the Extractor's own defaults apply otherwise.
    flags = {
        "include_comments": (args.include_comments, False),
        "include_tables": (args.include_tables, True),
        "include_links": (args.include_links, False),
        "include_images": (args.include_images, False),
        "favor_precision": (args.favor_precision, False),
        "favor_recall": (args.favor_recall, False),
    }
    for name, (value, absent) in flags.items():
        if value != absent:
            opts[name] = value
    if args.format in ("markdown", "html"):
        opts["output_format"] = args.format
    for setting in args.settings:
        name, sep, raw = setting.partition("=")
        name = name.strip().replace("-", "_")
        if not sep or not name:
            raise UsageError(f"--set {setting!r}: expected NAME=VALUE")
        if name not in defaults:
            raise UsageError(f"--set {name}: unknown option; known: {', '.join(sorted(defaults))}")
        opts[name] = _typed(name, raw, defaults[name])
    return opts


def _max_bytes(opts: Dict[str, Any]) -> int:
    import thresher

    return int(opts.get("max_input_bytes", thresher.OPTION_DEFAULTS.get("max_input_bytes", 64 << 20)))


# --------------------------------------------------------------------------- extraction


def extract_stream(extractor: Any, items: Iterable[Item], jobs: int, *, batch_pages: int = BATCH_PAGES,
                   batch_bytes: int = BATCH_BYTES) -> Iterator[Tuple[Item, Any]]:
    """(item, Document) for every item, in input order; the Document is ``None``
    for an item that failed before extraction (``item.error``). Items go to
    ``extractor.extract_many`` from a lazy generator, in batches of at most
    ``batch_pages`` pages / ``batch_bytes`` bytes, so that at most one batch is
    held in memory however extract_many consumes its input."""
    source = iter(items)
    pending: Deque[Item] = deque()
    done = False

    def batch() -> Iterator[Tuple[bytes, Optional[str], Optional[str]]]:
        nonlocal done
        pages = size = 0
        for item in source:
            pending.append(item)
            if item.error is None:
                yield (item.data, item.url, item.encoding_hint)
                pages += 1
                size += len(item.data)
            if pages >= batch_pages or size >= batch_bytes:
                return
        done = True

    while not done:
        for doc in extractor.extract_many(batch(), threads=jobs, ordered=True):
            while pending and pending[0].error is not None:
                yield pending.popleft(), None
            if not pending:  # more results than inputs: a bug in extract_many
                raise RuntimeError("extract_many returned more results than it was given")
            item = pending.popleft()
            item.data = b""  # the page is done: let it go
            yield item, doc
        while pending:
            item = pending.popleft()
            if item.error is None:  # extract_many dropped a page: never silently
                item.error = "internal: extract_many returned no result for this page"
            yield item, None


# --------------------------------------------------------------------------- records


def _document_fields() -> List[str]:
    import thresher

    return [f.name for f in dataclasses.fields(thresher.Document)]


def make_record(item: Item, doc: Any, error: Optional[str], fields: Sequence[str],
                with_metadata: bool = True) -> Dict[str, Any]:
    """The JSON record of one page: ``source``, ``url``, every Document field
    (``diagnostics`` left out; ``markdown`` / ``html`` only when produced),
    ``text``, ``comments`` and ``error`` (``null`` when it worked). Without
    metadata (like ``thresher.extract(..., output_format="json",
    with_metadata=False)``): ``source``, ``url``, ``text``, ``comments``, ``error``."""
    data: Dict[str, Any] = doc.to_dict() if doc is not None and not error else {}
    rec: Dict[str, Any] = {"source": item.source, "url": item.url or data.get("url")}
    tail = ("text", "markdown", "html", "comments", "error")
    for name in fields if with_metadata else ():
        if name in ("url", "diagnostics") or name in tail:
            continue
        default: Optional[List[str]] = [] if name in ("authors", "categories", "tags") else None
        rec[name] = data.get(name, default)
    rec["text"] = data.get("text") or ""
    for name in ("markdown", "html"):
        if data.get(name) is not None:
            rec[name] = data[name]
    rec["comments"] = data.get("comments")
    rec["error"] = error
    return rec


def render_body(doc: Any, fmt: str) -> str:
    """The text / Markdown / HTML of one extracted page (what ``thresher.extract``
    returns for that ``output_format``)."""
    if fmt == "markdown":
        return doc.markdown or ""
    if fmt == "html":
        return doc.html or ""
    return doc.text or ""


# --------------------------------------------------------------------------- sinks


class _Sink:
    def write(self, item: Item, doc: Any, error: Optional[str]) -> None:
        raise NotImplementedError

    def close(self) -> None:
        pass


class StreamSink(_Sink):
    """Every record into one stream (stdout or --output FILE). With several
    pages, text is separated by ``==> source <==`` lines, Markdown / HTML by
    ``<!-- source: ... -->`` comments, JSON is one array; failed pages are left
    out of text / Markdown / HTML (they are listed on stderr)."""

    def __init__(self, out: TextIO, fmt: str, multi: bool, with_metadata: bool, close: bool) -> None:
        self.out, self.fmt, self.multi, self.with_metadata = out, fmt, multi, with_metadata
        self._close = close
        self._fields = _document_fields()
        self._count = 0

    def write(self, item: Item, doc: Any, error: Optional[str]) -> None:
        fmt, out = self.fmt, self.out
        if fmt == "jsonl":
            rec = make_record(item, doc, error, self._fields, self.with_metadata)
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        elif fmt == "json":
            rec = make_record(item, doc, error, self._fields, self.with_metadata)
            text = json.dumps(rec, ensure_ascii=False, indent=2)
            if self.multi:
                text = ("[\n" if self._count == 0 else ",\n") + text
            out.write(text if self.multi else text + "\n")
        elif not error:
            body = render_body(doc, fmt)
            if self.multi:
                sep = "\n" if self._count else ""
                if fmt == "text":
                    header = f"==> {item.source} <=="
                else:  # an HTML comment may not contain "--"
                    header = f"<!-- source: {item.source.replace('--', '- -')} -->"
                out.write(f"{sep}{header}\n")
            out.write(body + ("\n" if body and not body.endswith("\n") else ""))
        else:
            return
        self._count += 1

    def close(self) -> None:
        if self.fmt == "json" and self.multi:
            self.out.write("[]\n" if self._count == 0 else "\n]\n")
        self.out.flush()
        if self._close:
            self.out.close()


class DirSink(_Sink):
    """One file per page under a folder, named after its input: a folder's file
    keeps its relative path (``a/b.html`` -> ``a/b.txt``), an archive record is
    ``<archive name>/<record uuid>``, stdin is ``stdin``. Failed pages get no
    file in text / Markdown / HTML, a record with ``error`` in JSON."""

    def __init__(self, root: Path, fmt: str, with_metadata: bool) -> None:
        self.root, self.fmt, self.with_metadata = root, fmt, with_metadata
        self.ext = EXTENSIONS[fmt]
        self._used: Set[str] = set()
        self._fields = _document_fields()

    def _path(self, name: PurePosixPath) -> Path:
        base = str(name).lstrip("/") or "page"
        candidate, n = base, 1
        while candidate.lower() in self._used:
            n += 1
            candidate = f"{base}-{n}"
        self._used.add(candidate.lower())
        return self.root / (candidate + self.ext)

    def write(self, item: Item, doc: Any, error: Optional[str]) -> None:
        if self.fmt in ("json", "jsonl"):
            rec = make_record(item, doc, error, self._fields, self.with_metadata)
            text = json.dumps(rec, ensure_ascii=False, indent=2 if self.fmt == "json" else None) + "\n"
        elif error:
            return
        else:
            body = render_body(doc, self.fmt)
            text = body + ("\n" if body and not body.endswith("\n") else "")
        path = self._path(item.out_name)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def _open_sink(args: argparse.Namespace, multi: bool) -> _Sink:
    out = args.output
    if out is None or out == "-":
        stdout = sys.stdout
        enc = (getattr(stdout, "encoding", None) or "").lower().replace("-", "")
        if enc != "utf8" and hasattr(stdout, "reconfigure"):
            try:
                stdout.reconfigure(encoding="utf-8")
            except Exception:  # noqa: BLE001 - not a real text stream: write as is
                pass
        return StreamSink(stdout, args.format, multi, args.with_metadata, close=False)
    path = Path(out)
    if path.is_dir() or out.endswith(("/", os.sep)):
        try:
            path.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise UsageError(f"--output {out}: cannot create folder: {e.strerror or e}") from None
        return DirSink(path, args.format, args.with_metadata)
    try:
        fh = open(path, "w", encoding="utf-8", newline="\n")
    except OSError as e:
        raise UsageError(f"--output {out}: cannot write: {e.strerror or e}") from None
    return StreamSink(fh, args.format, multi, args.with_metadata, close=True)


# --------------------------------------------------------------------------- progress


class _Progress:
    """tqdm bar on stderr (only when enabled); messages go through it so they do
    not tear the bar."""

    def __init__(self, enabled: bool, total: Optional[int]) -> None:
        self.bar = None
        if enabled:
            from tqdm import tqdm

            self.bar = tqdm(total=total, unit=" pages", file=sys.stderr, dynamic_ncols=True, smoothing=0.1,
                            mininterval=0.2, desc="extract")

    def update(self, nbytes: int, errors: int, elapsed: float) -> None:
        if self.bar is not None:
            mbs = nbytes / 1e6 / elapsed if elapsed > 0 else 0.0
            self.bar.set_postfix_str(f"{mbs:.1f} MB/s, {errors} errors", refresh=False)
            self.bar.update(1)

    def message(self, msg: str) -> None:
        if self.bar is not None:
            self.bar.write(msg, file=sys.stderr)
        else:
            print(msg, file=sys.stderr)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


# --------------------------------------------------------------------------- command


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def cmd_extract(args: argparse.Namespace, ctx: Any = None) -> int:
    """Run ``thresher extract``; returns the exit status (0, 1 or 2)."""
    err = sys.stderr
    try:
        import thresher

        opts = extractor_options(args)
        exclude = [Path(args.output)] if args.output not in (None, "-") else []
        sources = inputs.resolve(args.paths, tuple(args.glob) if args.glob else inputs.DEFAULT_GLOBS,
                                 exclude=exclude)
        try:
            extractor = thresher.Extractor(**opts)
        except (TypeError, ValueError) as e:
            raise UsageError(str(e)) from None
        multi = len(sources) != 1 or sources[0].kind in ("folder", "archive") or sources[0].stdin_is_archive
        sink = _open_sink(args, multi)
    except (UsageError, InputError) as e:
        print(f"{PROG}: error: {e}", file=err)
        return 2

    logging.getLogger("warcio").setLevel(logging.ERROR)  # "Replacing spaces in invalid WARC-Target-URI" per record
    stats = InputStats()
    total = len(sources) if all(s.kind == "file" or (s.kind == "stdin" and not s.stdin_is_archive)
                                for s in sources) else None
    progress = _Progress(enabled=not args.no_progress and _isatty(err), total=total)
    items = inputs.iter_items(sources, max_bytes=_max_bytes(opts), url=args.url, encoding_hint=args.encoding,
                              stats=stats, on_input_error=lambda m: progress.message(f"{PROG}: error: {m}"))
    failures: List[Tuple[str, str]] = []
    pages = nbytes = failed = 0
    start = time.perf_counter()
    try:
        for item, doc in extract_stream(extractor, items, args.jobs):
            error = item.error or (getattr(doc, "error", None) if doc is not None else None) or None
            pages += 1
            nbytes += item.size
            if error:
                failed += 1
                if len(failures) < MAX_LISTED_FAILURES:
                    failures.append((item.source, error))
            sink.write(item, doc, error)
            progress.update(nbytes, failed, time.perf_counter() - start)
    finally:
        progress.close()
        sink.close()
    elapsed = time.perf_counter() - start

    rate = pages / elapsed if elapsed > 0 else 0.0
    mbs = nbytes / 1e6 / elapsed if elapsed > 0 else 0.0
    summary = (f"{PROG}: {_plural(pages, 'page')}, {_plural(failed, 'error')}, {elapsed:.2f} s, "
               f"{rate:.1f} pages/s, {mbs:.2f} MB/s")
    if stats.skipped:
        parts = [f"{n} {what}" for n, what in ((stats.skipped_not_html, "not HTML"),
                                                (stats.skipped_status, "not 2xx"),
                                                (stats.skipped_other, "other")) if n]
        summary += f"; skipped {_plural(stats.skipped, 'WARC response')} ({', '.join(parts)})"
    if failed:
        print(f"{PROG}: {_plural(failed, 'page')} failed:", file=err)
        for source, error in failures:
            print(f"  {source}: {error}", file=err)
        if failed > len(failures):
            print(f"  ... and {failed - len(failures)} more (--format jsonl records every error)", file=err)
    if stats.input_errors:
        print(f"{PROG}: {_plural(len(stats.input_errors), 'input')} could not be read completely:", file=err)
        for msg in stats.input_errors:
            print(f"  {msg}", file=err)
    print(summary, file=err)
    if stats.input_errors:
        return 2
    return 1 if failed else 0


def _isatty(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except Exception:  # noqa: BLE001
        return False
