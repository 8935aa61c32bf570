"""Corpus pages: the stored corpus and the raw source layouts, as ``Page`` objects.

Four layouts are recognised by :func:`load_corpus` (see :func:`detect_layout`):

``stored``
    this repository's ``corpus/``: ``manifest.jsonl`` (one JSON object per line:
    id, source, page_type, url, license, attribution, origin) and
    ``pages/<id>/{page.html.gz, meta.json, expected.json}``.
``wcxb``
    a WCXB split: ``ground-truth/NNNN.json``, ``html/NNNN.html.gz`` and
    ``metadata.json`` (page types).
``readability``
    Mozilla Readability's ``test-pages/`` (or its parent): one folder per case
    with ``source.html[.gz]``, ``expected.html`` (converted to text with
    :func:`thresher.corpus.htmltext.html_to_text`) and ``expected-metadata.json``.
``trafilatura``
    trafilatura's eval folder: ``evaldata.json`` plus ``html/cache`` and
    ``html/eval`` (each page resolved cache first, then eval, gzipped or not).

Every page's gold is a :class:`Gold`; ``fields`` holds only the keys the source
annotates (``None`` = the page has no such field, missing key = unknown).
HTML is read lazily (:meth:`Page.read_html`) so a corpus of thousands of pages
costs little memory.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from .htmltext import html_to_text

__all__ = [
    "Gold",
    "Page",
    "CorpusError",
    "detect_layout",
    "load_corpus",
    "load_stored",
    "load_wcxb",
    "load_readability",
    "load_trafilatura",
    "filter_pages",
    "find_page",
    "default_corpus_dir",
    "gold_from_json",
    "add_page",
]

class CorpusError(Exception):
    """A corpus folder is missing, malformed or of an unknown layout."""


@dataclass
class Gold:
    text: str | None = None
    with_: list[str] = field(default_factory=list)
    without: list[str] = field(default_factory=list)
    fields: dict[str, Any] = field(default_factory=dict)
    optional: list[str] = field(default_factory=list)
    url: str | None = None
    optional_fields: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "url": self.url,
            "text": self.text,
            "with": list(self.with_),
            "without": list(self.without),
            "fields": dict(self.fields),
        }
        if self.optional:
            d["optional"] = list(self.optional)
        if self.optional_fields:
            d["optional_fields"] = list(self.optional_fields)
        return d

    def digest(self) -> str:
        """A short hash of the gold, so the baseline notices edited gold."""
        blob = json.dumps(self.to_json(), sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]

    def must_have(self) -> list[str]:
        """Fields the check insists on: every annotated field, except any listed
        in the gold's ``optional_fields``. (``optional`` lists text strings that
        may or may not appear; it does not concern fields.)"""
        return [k for k in self.fields if k not in self.optional_fields]


@dataclass
class Page:
    id: str
    source: str
    page_type: str
    url: str | None
    gold: Gold
    html_path: Path | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    source_id: str | None = None  # the page's id in its original data set
    html_bytes: bytes | None = None  # in-memory HTML (tests), else read from html_path

    def read_html(self) -> bytes:
        if self.html_bytes is not None:
            return self.html_bytes
        if self.html_path is None:
            raise CorpusError(f"page {self.id}: no HTML")
        data = self.html_path.read_bytes()
        if self.html_path.name.endswith(".gz"):
            data = gzip.decompress(data)
        return data

    def keys(self) -> set[str]:
        """Ids this page answers to (own id and id in the original data set)."""
        ks = {self.id}
        if self.source_id:
            ks.add(self.source_id)
        return ks


def gold_from_json(d: dict[str, Any]) -> Gold:
    """Parse an ``expected.json`` object. Lenient: top-level field keys
    (title, author, ...) are taken as fields when there is no ``fields``."""
    fields = d.get("fields")
    if fields is None:
        fields = {
            k: d[k]
            for k in ("title", "author", "date", "sitename", "language", "description", "categories", "tags")
            if k in d
        }
    text = d.get("text")
    return Gold(
        text=text if isinstance(text, str) else None,
        with_=[s for s in d.get("with", []) or [] if isinstance(s, str) and s.strip()],
        without=[s for s in d.get("without", []) or [] if isinstance(s, str) and s.strip()],
        fields=dict(fields),
        optional=list(d.get("optional", []) or []),
        url=d.get("url"),
        optional_fields=list(d.get("optional_fields", []) or []),
    )


def _read_json(path: Path) -> Any:
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except FileNotFoundError:
        raise CorpusError(f"missing {path}") from None
    except json.JSONDecodeError as e:
        raise CorpusError(f"{path}: {e}") from None


# --------------------------------------------------------------------------- layouts


def detect_layout(root: Path) -> tuple[str, Path]:
    """Return (layout name, folder to load from) for a corpus folder."""
    root = Path(root)
    if not root.is_dir():
        raise CorpusError(f"not a folder: {root}")
    if (root / "manifest.jsonl").is_file():
        return "stored", root
    if (root / "ground-truth").is_dir() and (root / "html").is_dir():
        return "wcxb", root
    if (root / "evaldata.json").is_file():
        return "trafilatura", root
    if (root / "test-pages").is_dir():
        return "readability", root / "test-pages"
    if any(_is_readability_case(p) for p in _subdirs(root)):
        return "readability", root
    if (root / "corpus" / "manifest.jsonl").is_file():
        return "stored", root / "corpus"
    raise CorpusError(
        f"{root}: unknown corpus layout (expected manifest.jsonl, ground-truth/+html/, "
        "evaldata.json, or readability test-pages/)"
    )


def _subdirs(root: Path) -> list[Path]:
    return sorted(p for p in root.iterdir() if p.is_dir())


def _is_readability_case(p: Path) -> bool:
    return (p / "expected.html").is_file() and (
        (p / "source.html.gz").is_file() or (p / "source.html").is_file()
    )


def load_corpus(root: Path | str) -> tuple[str, list[Page]]:
    """Load any supported layout; returns (layout, pages in corpus order)."""
    layout, folder = detect_layout(Path(root))
    loader = {
        "stored": load_stored,
        "wcxb": load_wcxb,
        "readability": load_readability,
        "trafilatura": load_trafilatura,
    }[layout]
    return layout, loader(folder)


def load_stored(root: Path | str) -> list[Page]:
    root = Path(root)
    pages = []
    with open(root / "manifest.jsonl", encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                meta = json.loads(line)
            except json.JSONDecodeError as e:
                raise CorpusError(f"manifest.jsonl:{lineno}: {e}") from None
            pid = meta["id"]
            pdir = root / "pages" / pid
            expected = _read_json(pdir / "expected.json")
            html_path = pdir / "page.html.gz"
            if not html_path.exists() and (pdir / "page.html").exists():
                html_path = pdir / "page.html"
            pages.append(
                Page(
                    id=pid,
                    source=meta.get("source", "unknown"),
                    page_type=meta.get("page_type") or "unknown",
                    url=meta.get("url") or expected.get("url"),
                    gold=_with_labelled_type(gold_from_json(expected), meta.get("source"), meta.get("page_type")),
                    html_path=html_path,
                    meta=meta,
                    source_id=meta.get("source_id") or _source_id(pid),
                )
            )
    return pages


# Sources whose page types were labelled by hand (the others' types are a
# default given when the corpus was built): their type is gold.
_TYPE_LABELLED_SOURCES = ("wcxb",)


def _with_labelled_type(gold: Gold, source: Any, page_type: Any) -> Gold:
    if source in _TYPE_LABELLED_SOURCES and page_type and page_type != "unknown":
        gold.fields.setdefault("page_type", page_type)
    return gold


# Id prefixes of the stored corpus (corpus/build.py): "wcxb-0001" is WCXB's "0001".
_ID_PREFIXES = ("wcxb-", "rdb-", "traf-")


def _source_id(pid: str) -> str | None:
    """The page's id in its original data set, for matching peer outputs."""
    for prefix in _ID_PREFIXES:
        if pid.startswith(prefix) and len(pid) > len(prefix):
            return pid[len(prefix) :]
    return None


def load_wcxb(root: Path | str) -> list[Page]:
    root = Path(root)
    meta_path = root / "metadata.json"
    files = _read_json(meta_path).get("files", {}) if meta_path.exists() else {}
    pages = []
    for gt_path in sorted((root / "ground-truth").glob("*.json")):
        d = _read_json(gt_path)
        fid = str(d.get("file_id") or gt_path.stem)
        gt = d.get("ground_truth", {})
        page_type = (files.get(fid) or {}).get("page_type")
        if not page_type:
            pt = gt.get("page_type") or (d.get("_internal") or {}).get("page_type")
            page_type = pt.get("primary") if isinstance(pt, dict) else pt
        html_path = root / "html" / f"{fid}.html.gz"
        if not html_path.exists():
            html_path = root / "html" / f"{fid}.html"
        # Same reading as corpus/build.py: null or "" author/date = verified absent;
        # a date without a day (e.g. "2003-11") is left unknown.
        fields: dict[str, Any] = {}
        if gt.get("title"):
            fields["title"] = gt["title"]
        fields["author"] = gt.get("author") or None
        date = gt.get("publish_date")
        if not date:
            fields["date"] = None
        elif re.match(r"\s*\d{4}-\d{1,2}[-.]\d{1,2}", date):
            fields["date"] = date
        if page_type:
            fields["page_type"] = page_type
        # ground_truth.url, where present, corrects the top-level url.
        url = gt.get("url") or d.get("url") or None
        pages.append(
            Page(
                id=f"wcxb-{fid}",
                source="wcxb",
                page_type=page_type or "unknown",
                url=url,
                gold=Gold(
                    text=gt.get("main_content") if isinstance(gt.get("main_content"), str) else None,
                    with_=[s for s in gt.get("with") or [] if s and s.strip()],
                    without=[s for s in gt.get("without") or [] if s and s.strip()],
                    fields=fields,
                    url=url,
                ),
                html_path=html_path,
                meta={"origin": str(gt_path), "license": "CC-BY-4.0", "attribution": "WCXB, Murrough Foley, 2026"},
                source_id=fid,
            )
        )
    return pages


# expected-metadata.json key -> our field name. Readability's metadata is a
# snapshot of its own output, so a null there means "Readability found none",
# not "the page has none": nulls are dropped (unknown), never kept as absent.
_READABILITY_FIELDS = {
    "title": "title",
    "byline": "author",
    "publishedTime": "date",
    "siteName": "sitename",
    "lang": "language",
    "excerpt": "description",
}


def load_readability(root: Path | str) -> list[Page]:
    root = Path(root)
    if (root / "test-pages").is_dir():
        root = root / "test-pages"
    pages = []
    for case in _subdirs(root):
        if not _is_readability_case(case):
            continue
        html_path = case / "source.html.gz"
        if not html_path.exists():
            html_path = case / "source.html"
        md_path = case / "expected-metadata.json"
        md = _read_json(md_path) if md_path.exists() else {}
        fields = {ours: md[theirs] for theirs, ours in _READABILITY_FIELDS.items() if md.get(theirs)}
        text = html_to_text((case / "expected.html").read_text(encoding="utf-8"))
        pages.append(
            Page(
                id=f"rdb-{case.name}",
                source="readability",
                page_type="article",
                url=None,
                gold=Gold(text=text, fields=fields),
                html_path=html_path,
                meta={"origin": str(case), "license": "Apache-2.0", "readerable": md.get("readerable")},
                source_id=case.name,
            )
        )
    return pages


_TRAFILATURA_FIELDS = ("title", "author", "date", "sitename", "description", "categories", "tags")


def load_trafilatura(root: Path | str) -> list[Page]:
    """Empty strings/lists in evaldata.json are "not annotated" (dropped)."""
    root = Path(root)
    data = _read_json(root / "evaldata.json")
    pages = []
    seen: dict[str, int] = {}
    for url in sorted(data):
        item = data[url]
        fname = item["file"]
        html_path = None
        for sub in ("cache", "eval"):
            for cand in (root / "html" / sub / f"{fname}.gz", root / "html" / sub / fname):
                if cand.exists():
                    html_path = cand
                    break
            if html_path:
                break
        if html_path is None:
            continue  # annotation without a page: nothing to score
        pid = "traf-" + (fname[:-5] if fname.endswith(".html") else fname)
        n = seen.get(pid, 0)
        seen[pid] = n + 1
        if n:
            pid = f"{pid}~{n}"
        fields = {k: item[k] for k in _TRAFILATURA_FIELDS if not _empty(item.get(k))}
        pages.append(
            Page(
                id=pid,
                source="trafilatura",
                page_type="article",
                url=url,
                gold=Gold(
                    text=None,
                    with_=[s for s in item.get("with", []) if s and s.strip()],
                    without=[s for s in item.get("without", []) if s and s.strip()],
                    fields=fields,
                    url=url,
                ),
                html_path=html_path,
                meta={"origin": str(html_path), "license": "Apache-2.0"},
                source_id=fname,
            )
        )
    return pages


def _empty(v: Any) -> bool:
    return v is None or (isinstance(v, (str, list)) and not v)


# --------------------------------------------------------------------------- helpers


def filter_pages(
    pages: Iterable[Page],
    *,
    source: str | None = None,
    page_type: str | None = None,
    ids: Iterable[str] | None = None,
    limit: int | None = None,
) -> list[Page]:
    """Keep corpus order; ``source``/``page_type`` may be comma-separated lists."""
    srcs = set(source.split(",")) if source else None
    types = set(page_type.split(",")) if page_type else None
    want = set(ids) if ids else None
    out = []
    for p in pages:
        if srcs and p.source not in srcs:
            continue
        if types and p.page_type not in types:
            continue
        if want and not (p.keys() & want):
            continue
        out.append(p)
        if limit is not None and limit >= 0 and len(out) >= limit:
            break
    return out


def find_page(pages: Iterable[Page], key: str) -> Page:
    """By id, original id, or unique id prefix."""
    pages = list(pages)
    for p in pages:
        if p.id == key:
            return p
    hits = [p for p in pages if key in p.keys()]
    if not hits:
        hits = [p for p in pages if p.id.startswith(key)]
    if len(hits) == 1:
        return hits[0]
    if not hits:
        raise CorpusError(f"no page {key!r}")
    raise CorpusError(f"{key!r} is ambiguous: " + ", ".join(p.id for p in hits[:10]))


def default_corpus_dir() -> Path:
    """$THRESHER_CORPUS, else the checkout's ``corpus/`` next to this package's
    source, else ``corpus/`` in the current folder or one of its parents."""
    env = os.environ.get("THRESHER_CORPUS")
    if env:
        return Path(env)
    here = Path(__file__).resolve()
    # bindings/python/thresher/corpus/pages.py -> repository root is parents[4]
    if len(here.parents) > 4:
        cand = here.parents[4] / "corpus"
        if (cand / "manifest.jsonl").is_file():
            return cand
    cwd = Path.cwd().resolve()
    for d in (cwd, *cwd.parents):
        if (d / "corpus" / "manifest.jsonl").is_file():
            return d / "corpus"
        if d.name == "corpus" and (d / "manifest.jsonl").is_file():
            return d
    raise CorpusError("no corpus found: pass --corpus DIR or set THRESHER_CORPUS")


# --------------------------------------------------------------------------- add


_ID_CHARS = re.compile(r"[^A-Za-z0-9._-]+")


def _slug_from_url(url: str) -> str:
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    host = (parts.hostname or "page").removeprefix("www.")
    path = [s for s in parts.path.split("/") if s]
    tail = path[-1] if path else ""
    tail = re.sub(r"\.(html?|php|aspx?)$", "", tail)
    slug = _ID_CHARS.sub("-", f"{host}-{tail}" if tail else host).strip("-.")
    return slug[:60].rstrip("-.") or "page"


def write_gzip(path: Path, data: bytes) -> None:
    """Deterministic gzip: no file name, mtime 0."""
    import io

    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0, compresslevel=9) as gz:
        gz.write(data)
    Path(path).write_bytes(buf.getvalue())


def add_page(
    corpus: Path | str,
    html: bytes,
    url: str,
    *,
    gold: dict[str, Any] | None = None,
    page_id: str | None = None,
    page_type: str | None = None,
    origin: str | None = None,
    license: str = "user-supplied",
    attribution: str = "",
) -> Page:
    """Store a user's page (source "user") and append it to the manifest."""
    corpus = Path(corpus)
    manifest = corpus / "manifest.jsonl"
    existing = set()
    if manifest.exists():
        for line in manifest.read_text(encoding="utf-8").splitlines():
            if line.strip():
                existing.add(json.loads(line)["id"])
    if page_id is None:
        base = "user-" + _slug_from_url(url)
        page_id, n = base, 2
        while page_id in existing or (corpus / "pages" / page_id).exists():
            page_id, n = f"{base}-{n}", n + 1
    else:
        if _ID_CHARS.search(page_id) or page_id.startswith("."):
            raise CorpusError(f"bad id {page_id!r}: use letters, digits, '.', '_' and '-'")
        if page_id in existing or (corpus / "pages" / page_id).exists():
            raise CorpusError(f"page {page_id!r} already exists")
    g = gold_from_json(gold or {})
    g.url = url
    meta = {
        "id": page_id,
        "source": "user",
        "page_type": page_type or "unknown",
        "url": url,
        "license": license,
        "attribution": attribution,
        "origin": origin or "",
    }
    pdir = corpus / "pages" / page_id
    pdir.mkdir(parents=True, exist_ok=False)
    write_gzip(pdir / "page.html.gz", html)
    # Same formatting as corpus/build.py (sorted keys, indent 1; manifest one line each).
    (pdir / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    (pdir / "expected.json").write_text(
        json.dumps(g.to_json(), ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8"
    )
    text = manifest.read_text(encoding="utf-8") if manifest.exists() else ""
    if text and not text.endswith("\n"):
        text += "\n"
    manifest.write_text(text + json.dumps(meta, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
    return Page(
        id=page_id,
        source="user",
        page_type=meta["page_type"],
        url=url,
        gold=g,
        html_path=pdir / "page.html.gz",
        meta=meta,
    )
