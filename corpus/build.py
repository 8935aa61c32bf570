#!/usr/bin/env python3
"""(Re)generate the stored regression corpus from the read-only sources in ../shared.

    python corpus/build.py [--shared ../shared]

Writes only corpus/pages/, corpus/manifest.jsonl and corpus/LICENSES/ (stale entries
there are removed). The output is a pure function of the sources: every selection is
by sha1 order, gzip is written with mtime 0 and JSON with sorted keys, so a rerun
produces byte-identical files and untouched files keep their mtimes.

See corpus/README.md for the layout, the schema and the sampling rules.
"""
from __future__ import annotations

import argparse
import collections
import dataclasses
import datetime
import gzip
import hashlib
import html
import json
import math
import re
import shutil
import sys
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "corpus"

# Manifest order: the seed first (the page everything started from), then the rest.
SOURCE_ORDER = ("seed", "readability", "wcxb", "trafilatura")

LICENSE = {
    "seed": "unknown (third-party article; markup reconstructed by the project)",
    "readability": "Apache-2.0",
    "wcxb": "CC-BY-4.0",
    "trafilatura": "Apache-2.0",
}
ATTRIBUTION = {
    "seed": "Al Mayadeen English (english.almayadeen.net); HTML reconstructed from a "
            "browser capture, see LICENSES/seed-PROVENANCE.md",
    "readability": "Mozilla Readability test pages (github.com/mozilla/readability "
                   "@ ab4027a8), Mozilla and Contributors; third-party web content",
    "wcxb": "WCXB, Murrough Foley, 2026",
    "trafilatura": "trafilatura evaluation data (github.com/adbar/trafilatura @ e90b0ef5), "
                   "Adrien Barbaresi and contributors; third-party web content",
}
# (file in shared/, name under corpus/LICENSES/)
LICENSE_FILES = (
    ("seed/PROVENANCE.md", "seed-PROVENANCE.md"),
    ("corpus-src/readability/LICENSE.md", "readability-LICENSE.md"),
    ("corpus-src/readability/NOTICE", "readability-NOTICE"),
    ("corpus-src/readability/PROVENANCE.md", "readability-PROVENANCE.md"),
    ("corpus-src/wcxb-dev/LICENSE", "wcxb-LICENSE"),
    ("corpus-src/wcxb-dev/PROVENANCE.md", "wcxb-PROVENANCE.md"),
    ("corpus-src/trafilatura/LICENSE", "trafilatura-LICENSE"),
    ("corpus-src/trafilatura/PROVENANCE.md", "trafilatura-PROVENANCE.md"),
)

WCXB_TOTAL = 250
WCXB_MIN_PER_TYPE = 20
TRAF_TOTAL = 150
TRAF_SNIPPETS_ONLY = 15  # ~10%: pages whose gold is only with/without snippets
TRAF_PER_ENCODING_QUIRK = 6  # non-UTF-8 pages and BOM pages, each
TRAF_FIELDS = ("title", "author", "date", "sitename", "description", "categories", "tags")

UTF8_BOM = b"\xef\xbb\xbf"


@dataclasses.dataclass
class Page:
    id: str
    source: str
    page_type: str
    url: str | None
    origin: str  # source file, relative to shared/
    html: bytes
    expected: dict

    def meta(self) -> dict:
        return {
            "id": self.id,
            "source": self.source,
            "page_type": self.page_type,
            "url": self.url,
            "license": LICENSE[self.source],
            "attribution": ATTRIBUTION[self.source],
            "origin": self.origin,
        }


def sha1_hex(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def expected_json(url, text, with_, without, fields, **extra) -> dict:
    return {"url": url, "text": text, "with": list(with_), "without": list(without),
            "fields": fields, **extra}


def normalise_date(value: str | None) -> str | None:
    """Leading calendar date of a date/time string as YYYY-MM-DD, else None.

    Takes the date as written (no timezone conversion): that is the publication
    date a reader sees. Tolerates one-digit parts and '.' as in '2022-01.26'.
    """
    if not value:
        return None
    m = re.match(r"\s*(\d{4})-(\d{1,2})[-.](\d{1,2})(?!\d)", value)
    if not m:
        return None
    try:
        return datetime.date(*map(int, m.groups())).isoformat()
    except ValueError:
        return None


def is_empty(value) -> bool:
    return value is None or value == [] or (isinstance(value, str) and not value.strip())


# ---------------------------------------------------------------------------- seed

TICKER_ITEM = re.compile(r'^([ \t]*)<div class="ticker-item">.*</div>\n', re.M)
CLASS_OR_ID = re.compile(r"""(\s(?:class|id)\s*=\s*)(["'])(.*?)\2""", re.I | re.S)
START_TAG = re.compile(r"<[A-Za-z][^>]*>")


def ticker_lines_from_provenance(text: str) -> list[str]:
    """The '- ' lines after 'Its ticker lines' in seed/PROVENANCE.md."""
    after = text.split("Its ticker lines", 1)[1]
    return [line[2:].strip() for line in after.splitlines() if line.startswith("- ")]


def replace_ticker(page: str, lines: list[str]) -> str:
    items = list(TICKER_ITEM.finditer(page))
    contiguous = all(a.end() == b.start() for a, b in zip(items, items[1:]))
    if len(items) != 10 or not contiguous:
        raise SystemExit(f"seed: expected 10 contiguous ticker items, found {len(items)}")
    indent = items[0].group(1)
    block = "".join(
        f'{indent}<div class="ticker-item"><a href="/breaking/{n}">'
        f"{html.escape(line, quote=False)}</a></div>\n"
        for n, line in enumerate(lines, 1))
    return page[:items[0].start()] + block + page[items[-1].end():]


def hash_token(token: str) -> str:
    return "c" + hashlib.sha1(token.encode("utf-8")).hexdigest()[:6]


def hash_class_and_id(page: str) -> str:
    """Replace every class/id value token by a meaningless, consistent hash.

    Only attributes inside start tags are touched (so '?id=' in URLs and script
    text stay); the '#main-content' href fragment is left as it is.
    """
    def in_attr(m):
        hashed = re.sub(r"\S+", lambda t: hash_token(t.group()), m.group(3))
        return m.group(1) + m.group(2) + hashed + m.group(2)

    return START_TAG.sub(lambda tag: CLASS_OR_ID.sub(in_attr, tag.group()), page)


class _ClassIdTokens(HTMLParser):
    """Collects class/id tokens, to check the hashed variant with a real parser."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tokens: set[str] = set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("class", "id") and value:
                self.tokens.update(value.split())


def class_id_tokens(page: str) -> set[str]:
    parser = _ClassIdTokens()
    parser.feed(page)
    parser.close()
    return parser.tokens


def seed_pages(shared: Path) -> list[Page]:
    base = "seed/almayadeen-zakharova"
    raw = (shared / f"{base}.html").read_bytes()
    gold = json.loads((shared / f"{base}.expected.json").read_text("utf-8"))
    fields = {k: gold[k] for k in ("title", "author", "sitename", "date", "description",
                                   "categories", "tags", "language")}
    paragraphs = gold["text_paragraphs"]

    def make(suffix, page_bytes, extra_without=()):
        expected = expected_json(gold["url"], "\n\n".join(paragraphs), paragraphs,
                                 gold["must_not_contain"] + list(extra_without), fields,
                                 optional=gold["optional_in_text"])
        return Page("seed-almayadeen-zakharova" + suffix, "seed", "article", gold["url"],
                    f"{base}.html", page_bytes, expected)

    page = raw.decode("utf-8")
    ticker = ticker_lines_from_provenance((shared / "seed/PROVENANCE.md").read_text("utf-8"))
    hashed = hash_class_and_id(page)
    originals = class_id_tokens(page)
    if len({hash_token(t) for t in originals}) != len(originals):
        raise SystemExit("seed: class/id hash collision, lengthen the hash")
    if class_id_tokens(hashed) != {hash_token(t) for t in originals}:
        raise SystemExit("seed: hashed variant still has unhashed class/id tokens")
    return [
        make("", raw),
        make("-hashed", hashed.encode("utf-8")),
        make("-ticker2", replace_ticker(page, ticker).encode("utf-8"), ticker),
    ]


# --------------------------------------------------------------------- readability

BLOCK_TAGS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li pre blockquote tr table ul ol dl dt dd figure figcaption "
    "section article header footer br "
    # Not in the brief's list, but block-level in HTML too: without them their text
    # would run into the neighbouring paragraph.
    "main nav aside hr address caption details summary form fieldset center hgroup menu".split())
SKIP_TAGS = frozenset(("script", "style"))
CELL_TAGS = frozenset(("td", "th"))  # inline, but cells must not glue their words together


class _TextRenderer(HTMLParser):
    """Plain text of an HTML fragment: one paragraph per block, blank line between.

    Whitespace is collapsed inside blocks, <br> makes a line break, <pre> keeps its lines.
    """

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self._lines: list[str] = []  # finished lines of the current block
        self._parts: list[str] = []  # text of the current line
        self._skip = 0
        self._pre = 0

    def handle_starttag(self, tag, attrs):
        if tag in SKIP_TAGS:
            self._skip += 1
        elif self._pre:
            if tag == "br":
                self._parts.append("\n")
        elif tag == "pre":
            self._end_block()
            self._pre = 1
        elif tag == "br":
            self._end_line()
        elif tag in BLOCK_TAGS:
            self._end_block()
        elif tag in CELL_TAGS:
            self._parts.append(" ")

    def handle_endtag(self, tag):
        if tag in SKIP_TAGS:
            self._skip = max(0, self._skip - 1)
        elif tag == "pre" and self._pre:
            self._end_pre()
        elif self._pre or tag == "br":
            pass
        elif tag in BLOCK_TAGS:
            self._end_block()
        elif tag in CELL_TAGS:
            self._parts.append(" ")

    def handle_data(self, data):
        if not self._skip:
            self._parts.append(data)

    def close(self):
        super().close()
        if self._pre:
            self._end_pre()
        self._end_block()

    def _end_line(self):
        line = re.sub(r"\s+", " ", "".join(self._parts)).strip()
        self._parts = []
        if line:
            self._lines.append(line)

    def _end_block(self):
        self._end_line()
        if self._lines:
            self.paragraphs.append("\n".join(self._lines))
        self._lines = []

    def _end_pre(self):
        lines = [line.rstrip() for line in "".join(self._parts).split("\n")]
        self._parts = []
        self._pre = 0
        while lines and not lines[0]:
            lines.pop(0)
        while lines and not lines[-1]:
            lines.pop()
        if lines:
            self.paragraphs.append("\n".join(lines))


def html_to_text(fragment: str) -> str | None:
    renderer = _TextRenderer()
    renderer.feed(fragment)
    renderer.close()
    return "\n\n".join(renderer.paragraphs) or None


def readability_fields(meta: dict) -> dict:
    """Only non-null values: Readability's null means 'found nothing', not 'absent'."""
    fields = {}
    for ours, theirs in (("title", "title"), ("author", "byline"), ("sitename", "siteName"),
                         ("language", "lang"), ("description", "excerpt")):
        if not is_empty(meta.get(theirs)):
            fields[ours] = meta[theirs]
    date = normalise_date(meta.get("publishedTime"))
    if date:
        fields["date"] = date
    return fields


def readability_pages(shared: Path) -> list[Page]:
    root = shared / "corpus-src/readability/test-pages"
    pages = []
    for case in sorted(p.name for p in root.iterdir() if p.is_dir()):
        folder = root / case
        meta = json.loads((folder / "expected-metadata.json").read_text("utf-8"))
        text = html_to_text((folder / "expected.html").read_text("utf-8"))
        pages.append(Page(
            f"rdb-{case}", "readability", "article", None,
            f"corpus-src/readability/test-pages/{case}/source.html.gz",
            gzip.decompress((folder / "source.html.gz").read_bytes()),
            expected_json(None, text, [], [], readability_fields(meta))))
    return pages


# ---------------------------------------------------------------------------- wcxb

def allocate(counts: dict[str, int], total: int, minimum: int) -> dict[str, int]:
    """Split `total` over types in proportion to `counts`, at least `minimum` each.

    Types whose proportional share falls below the minimum get the minimum; the rest
    is shared again among the others (repeat until stable), rounding by largest
    remainder so the parts add up to `total` exactly.
    """
    fixed: dict[str, int] = {}
    while True:
        free = {t: c for t, c in counts.items() if t not in fixed}
        budget = total - sum(fixed.values())
        share = {t: budget * c / sum(free.values()) for t, c in free.items()}
        low = [t for t, s in share.items() if s < minimum]
        if not low:
            break
        fixed.update((t, min(minimum, counts[t])) for t in low)
    parts = {t: math.floor(s) for t, s in share.items()}
    by_remainder = sorted(share, key=lambda t: (parts[t] - share[t], t))
    for t in by_remainder[:budget - sum(parts.values())]:
        parts[t] += 1
    return {**parts, **fixed}


def wcxb_fields(gold: dict, page_id: str) -> dict:
    """title, plus author and date always present: WCXB's null is a verified absence."""
    fields = {}
    if not is_empty(gold.get("title")):
        fields["title"] = gold["title"]
    # '' (35 pages) is how some annotations say "no author"; same meaning as null.
    fields["author"] = None if is_empty(gold.get("author")) else gold["author"]
    published = gold.get("publish_date")
    if published is None:
        fields["date"] = None
    elif normalise_date(published):
        fields["date"] = normalise_date(published)
    else:
        # e.g. '2003-11': a date exists but has no day, so null (absent) would be
        # wrong and inventing a day would be too; leave the date unknown.
        print(f"  note: wcxb-{page_id}: publish_date {published!r} is not a full date, omitted")
    return fields


def wcxb_pages(shared: Path) -> list[Page]:
    root = shared / "corpus-src/wcxb-dev"
    files = json.loads((root / "metadata.json").read_text("utf-8"))["files"]
    by_type = collections.defaultdict(list)
    for page_id, info in files.items():
        by_type[info["page_type"]].append(page_id)
    quota = allocate({t: len(ids) for t, ids in by_type.items()}, WCXB_TOTAL, WCXB_MIN_PER_TYPE)

    pages = []
    for page_type, ids in sorted(by_type.items()):
        for page_id in sorted(ids, key=sha1_hex)[:quota[page_type]]:
            record = json.loads((root / f"ground-truth/{page_id}.json").read_text("utf-8"))
            gold = record["ground_truth"]
            # ground_truth.url, where present, corrects a wrong top-level url (2857);
            # '' (3 pages) means the url was not recorded.
            url = gold.get("url") or record.get("url") or None
            pages.append(Page(
                f"wcxb-{page_id}", "wcxb", page_type, url,
                f"corpus-src/wcxb-dev/html/{page_id}.html.gz",
                gzip.decompress((root / f"html/{page_id}.html.gz").read_bytes()),
                expected_json(url, gold.get("main_content"), gold["with"], gold["without"],
                              wcxb_fields(gold, page_id))))
    return pages


# --------------------------------------------------------------------- trafilatura

# Letters NFKD does not reduce to ASCII but that have an obvious ASCII spelling.
ASCII_SPELLING = str.maketrans({"ł": "l", "Ł": "L", "ß": "ss", "ø": "o", "Ø": "O",
                                "đ": "d", "Đ": "D", "æ": "ae", "Æ": "AE", "œ": "oe"})


def slugify(name: str, limit: int = 60) -> str:
    stem = re.sub(r"\.html?$", "", name, flags=re.I)
    ascii_ = unicodedata.normalize("NFKD", stem.translate(ASCII_SPELLING))
    ascii_ = ascii_.encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9.]+", "-", ascii_).strip("-.")
    return slug[:limit].rstrip("-.") or "page"


def unique_slugs(names: list[str], limit: int = 60) -> dict[str, str]:
    """Slug per name; names whose slugs collide all get a hash suffix (order-free)."""
    slugs = {n: slugify(n, limit) for n in names}
    seen = collections.Counter(slugs.values())
    for n, s in slugs.items():
        if seen[s] > 1:
            slugs[n] = slugify(n, limit - 7) + "-" + sha1_hex(n)[:6]
    if len(set(slugs.values())) != len(slugs):
        raise SystemExit("trafilatura: slug collision survived the hash suffix")
    return slugs


def encoding_quirk(data: bytes) -> str | None:
    if data.startswith(UTF8_BOM):
        return "bom"
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return "non-utf8"
    return None


def trafilatura_fields(entry: dict, url: str) -> dict:
    """The annotated fields that are non-empty (trafilatura's '' / [] mean unknown)."""
    fields = {}
    for name in TRAF_FIELDS:
        value = entry.get(name)
        if is_empty(value):
            continue
        if name == "author" and isinstance(value, list):
            value = "; ".join(value)  # 4 entries list several authors; our schema is a string
        if name == "date":
            value = normalise_date(value)
            if value is None:
                print(f"  note: trafilatura {url}: date {entry['date']!r} unparseable, omitted")
                continue
        fields[name] = value
    return fields


def select_trafilatura(entries: dict, quirks: dict[str, str | None]) -> list[str]:
    """~TRAF_TOTAL urls in sha1 order: a few encoding oddities, ~10% snippet-only
    entries, the rest entries annotated with title, author and date."""
    order = sorted(entries, key=sha1_hex)
    has = lambda url, k: not is_empty(entries[url].get(k))  # noqa: E731
    snippets_only = [u for u in order if not any(has(u, k) for k in TRAF_FIELDS)]
    rich = [u for u in order if all(has(u, k) for k in ("title", "author", "date"))]

    chosen: list[str] = []
    for quirk in ("non-utf8", "bom"):
        chosen += [u for u in order if quirks[u] == quirk][:TRAF_PER_ENCODING_QUIRK]
    missing_snippet_only = TRAF_SNIPPETS_ONLY - sum(u in snippets_only for u in chosen)
    chosen += [u for u in snippets_only if u not in chosen][:max(0, missing_snippet_only)]
    chosen += [u for u in rich if u not in chosen][:max(0, TRAF_TOTAL - len(chosen))]
    return chosen


def trafilatura_pages(shared: Path) -> list[Page]:
    root = shared / "corpus-src/trafilatura"
    entries = json.loads((root / "evaldata.json").read_text("utf-8"))

    def resolve(name: str) -> Path:  # upstream's rule: tests/cache first, then tests/eval
        cached = root / "html/cache" / f"{name}.gz"
        return cached if cached.exists() else root / "html/eval" / f"{name}.gz"

    data = {url: gzip.decompress(resolve(e["file"]).read_bytes()) for url, e in entries.items()}
    chosen = select_trafilatura(entries, {url: encoding_quirk(b) for url, b in data.items()})
    slugs = unique_slugs([entries[u]["file"] for u in chosen])
    pages = []
    for url in chosen:
        entry = entries[url]
        path = resolve(entry["file"])
        pages.append(Page(
            f"traf-{slugs[entry['file']]}", "trafilatura", "article", url,
            path.relative_to(shared).as_posix(), data[url],
            expected_json(url, None, entry["with"], entry["without"],
                          trafilatura_fields(entry, url))))
    return pages


# ---------------------------------------------------------------------- writing

def dump_json(obj: dict, indent: int | None = 1) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=indent, sort_keys=True)


def write_if_changed(path: Path, data: bytes) -> None:
    """Leave identical files alone so reruns do not churn mtimes."""
    if not path.exists() or path.read_bytes() != data:
        path.write_bytes(data)


def prune(folder: Path, keep: set[str]) -> None:
    for child in folder.iterdir():
        if child.name not in keep:
            shutil.rmtree(child) if child.is_dir() else child.unlink()


def user_pages() -> list[str]:
    """Manifest lines of pages added with `thresher corpus add`: a rebuild keeps them."""
    path = CORPUS / "manifest.jsonl"
    if not path.exists():
        return []
    return [line + "\n" for line in path.read_text("utf-8").splitlines()
            if line.strip() and json.loads(line).get("source") == "user"]


def write_pages(pages: list[Page]) -> None:
    root = CORPUS / "pages"
    root.mkdir(parents=True, exist_ok=True)
    kept = user_pages()
    prune(root, {p.id for p in pages} | {json.loads(line)["id"] for line in kept})
    for page in pages:
        folder = root / page.id
        folder.mkdir(exist_ok=True)
        prune(folder, {"page.html.gz", "expected.json", "meta.json"})
        write_if_changed(folder / "page.html.gz",
                         gzip.compress(page.html, compresslevel=9, mtime=0))
        write_if_changed(folder / "expected.json", (dump_json(page.expected) + "\n").encode())
        write_if_changed(folder / "meta.json", (dump_json(page.meta()) + "\n").encode())
    manifest = "".join(dump_json(p.meta(), indent=None) + "\n" for p in pages) + "".join(kept)
    write_if_changed(CORPUS / "manifest.jsonl", manifest.encode())


def write_licenses(shared: Path) -> None:
    root = CORPUS / "LICENSES"
    root.mkdir(parents=True, exist_ok=True)
    prune(root, {name for _, name in LICENSE_FILES})
    for source, name in LICENSE_FILES:
        write_if_changed(root / name, (shared / source).read_bytes())


def tree_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def print_summary(pages: list[Page]) -> None:
    per_source = collections.Counter(p.source for p in pages)
    per_type = collections.Counter((p.source, p.page_type) for p in pages)
    quirks = collections.Counter((p.source, encoding_quirk(p.html)) for p in pages)
    print(f"pages: {len(pages)}")
    for source in SOURCE_ORDER:
        types = ", ".join(f"{t} {n}" for (s, t), n in sorted(per_type.items()) if s == source)
        odd = ", ".join(f"{q} {n}" for (s, q), n in sorted(quirks.items(), key=str)
                        if s == source and q)
        print(f"  {source:12} {per_source[source]:4}  ({types})" + (f"  [{odd}]" if odd else ""))
    print(f"corpus/ total: {tree_bytes(CORPUS):,} bytes "
          f"(pages/: {tree_bytes(CORPUS / 'pages'):,} bytes)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared",
                        help="the read-only shared folder (default: <repo>/../shared)")
    shared = parser.parse_args(argv).shared.resolve()
    if not (shared / "corpus-src").is_dir():
        parser.error(f"{shared} has no corpus-src/; pass --shared")

    pages = seed_pages(shared) + readability_pages(shared) + wcxb_pages(shared) \
        + trafilatura_pages(shared)
    pages.sort(key=lambda p: (SOURCE_ORDER.index(p.source), p.id))
    if len({p.id for p in pages}) != len(pages):
        raise SystemExit("duplicate page ids")
    write_pages(pages)
    write_licenses(shared)
    print_summary(pages)
    return 0


if __name__ == "__main__":
    sys.exit(main())
