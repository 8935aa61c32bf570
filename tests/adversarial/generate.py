"""Hostile inputs for thresher, generated on the fly (nothing big is stored).

Every case is a page built by a small function, the options to extract it
with, and the bounds it must stay within. ``run_case`` extracts one case in a
child process (a crash or a hang then fails the case instead of killing the
caller) and measures the extraction's wall time and the child's peak RSS.

    python tests/adversarial/generate.py list
    python tests/adversarial/generate.py table [NAME ...]     # run, print a table
    python tests/adversarial/generate.py write NAME FILE      # the input, for a debugger
    python tests/adversarial/generate.py child NAME           # internal: one run

``SCALE`` (environment THRESHER_ADVERSARIAL_SCALE, default 1) multiplies
every size; 1 gives the sizes of issue 8 (1,000,000 nested divs, 200 MB,
...). Bounds do not scale: they are what a page of the stated size must meet.
"""
from __future__ import annotations

import json
import os
import pathlib
import resource
import subprocess
import sys
import time
from dataclasses import dataclass, field
from typing import Callable, Dict, List, Optional, Tuple

HERE = pathlib.Path(__file__).resolve().parent
REGRESSIONS = HERE / "regressions"

SCALE = float(os.environ.get("THRESHER_ADVERSARIAL_SCALE", "1"))
MB = 1_000_000
MIB = 1 << 20

# The generous bounds of issue 8: any one page, however hostile, finishes in
# this time and within this peak RSS (of the whole child process, Python and
# the generated input included), with a Document or a ThresherError.
DEFAULT_SECONDS = 5.0
DEFAULT_RSS_MB = 2048
# Pages of tens of MB get 1 s per 3 MB instead (gumbo alone parses ~7-10 MB/s
# on the 2-core CI machine): a throughput floor, not a hostile-input bound.
FLOOR_MB_PER_S = 3.0


def big_page_seconds(megabytes: float) -> float:
    return max(DEFAULT_SECONDS, round(megabytes / FLOOR_MB_PER_S))


def n(count: float) -> int:
    """A size from the issue, scaled by SCALE."""
    return max(1, int(count * SCALE))


# ---------------------------------------------------------------------------
# Page builders. Each returns bytes (or str); they build with repetition, so
# even 200 MB takes well under a second.

ARTICLE = (
    "<p>The committee met on Tuesday to discuss the proposal, and after a long debate "
    "the members agreed that the plan should go ahead with minor changes to its budget.</p>\n"
)


def page(body: str, head: str = "<title>Adversarial</title>") -> str:
    return f"<!DOCTYPE html><html><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>"


def deep_divs() -> bytes:
    depth = n(1_000_000)
    return (page("<div>" * depth + ARTICLE * 3 + "</div>" * depth)).encode()


def deep_divs_unclosed() -> bytes:
    # No end tags at all: the parser's stack of open elements stays deep
    # until end of file.
    return (page("<div>" * n(1_000_000) + ARTICLE * 3)).encode()


def deep_tables() -> bytes:
    depth = n(100_000)
    return page("<table><tr><td>" * depth + ARTICLE + "</td></tr></table>" * depth).encode()


def deep_inline() -> bytes:
    # Formatting elements go on gumbo's list of active formatting elements
    # as well as on the stack; every new text run reconstructs them.
    depth = n(100_000)
    return page("<p>" + "<b><i><span>" * depth + "x" + "</span></i></b>" * depth + "</p>").encode()


def formatting_reconstruct() -> bytes:
    # A formatting element left open in each paragraph, each with other
    # attributes (so the "Noah's Ark" limit of 3 identical ones never applies):
    # every new paragraph reconstructs all of them, nested: O(n^2) nodes. At
    # 4,000 paragraphs (90 KB) gumbo alone builds 2.7 GB of tree in 18 s.
    return page("".join(f"<p><b class=c{i}>x</p>" for i in range(n(10_000)))).encode()


def formatting_deep_text() -> bytes:
    # Text inside a formatting element 500 levels down: gumbo reconstructs
    # the formatting elements before every character, and its is_open_element
    # scans the stack from the bottom each time: O(text x depth).
    return page("<div>" * 500 + "<b>" + "word " * n(2_000_000) + "</b>" + "</div>" * 500).encode()


def misnested_formatting() -> bytes:
    # The adoption agency algorithm on every end tag.
    return page("<p>" + "<b><i>word</b> more</i> " * n(100_000) + "</p>").encode()


def many_anchors() -> bytes:
    # An unclosed <a> is closed by the next one (adoption agency again).
    return page("<div>" + "<a href='/x'>link " * n(100_000) + "</div>").encode()


def huge_page() -> bytes:
    # 200 MB: over the default 64 MiB max_input_bytes -> InputTooLargeError.
    return filler_page(n(200 * MB))


def big_page() -> bytes:
    # 60 MB of ordinary paragraphs: under the limit, must succeed.
    return filler_page(n(60 * MB))


def filler_page(size: int) -> bytes:
    head = "<!DOCTYPE html><html><head><title>Big</title></head><body><article>"
    tail = "</article></body></html>"
    para = ARTICLE.encode()
    count = max(1, (size - len(head) - len(tail)) // len(para))
    return head.encode() + para * count + tail.encode()


def one_text_node() -> bytes:
    # 50 MB in a single text node (words, no markup).
    words = b"lorem ipsum dolor sit amet, consectetur adipiscing elit. "
    text = words * (n(50 * MB) // len(words))
    return b"<html><body><p>" + text + b"</p></body></html>"


def many_attributes() -> bytes:
    count = n(100_000)
    attrs = " ".join(f"data-a{i}=\"v{i}\"" for i in range(count))
    return page(f"<div {attrs}>{ARTICLE * 3}</div>").encode()


def duplicate_attributes() -> bytes:
    # The same attribute name again and again (parsers keep the first).
    return page("<div " + "class=\"x\" " * n(100_000) + ">" + ARTICLE * 3 + "</div>").encode()


def huge_class() -> bytes:
    # A 1 MB class attribute of distinct words, on the element holding the
    # article, and a 1 MB id.
    words = " ".join(f"c{i}" for i in range(n(MB) // 8))[: n(MB)]
    return page(f"<div class=\"{words}\" id=\"{'i' * n(MB)}\">{ARTICLE * 5}</div>").encode()


def long_tag_and_attribute_names() -> bytes:
    return page(f"<{'x' * n(MB)} {'y' * n(MB)}=z>{ARTICLE}</{'x' * n(MB)}>").encode()


# Invalid UTF-8, one class per builder; each is placed at every position
# class (start of input, tag name, attribute name and value, text, title,
# meta content, JSON-LD, comment, end of input).
BAD_UTF8: Dict[str, bytes] = {
    "lead_without_continuation": b"\xc3 \xe2\x82 \xf0\x9f\x98 \xc2",
    "lone_continuation": b"\x80\xbf\x80\x80",
    "overlong": b"\xc0\xaf \xc1\xbf \xe0\x80\xaf \xf0\x80\x80\xaf \xc0\x80",
    "surrogates": b"\xed\xa0\x80 \xed\xbf\xbf \xed\xa0\xbd\xed\xb8\x80",
    "above_10ffff": b"\xf4\x90\x80\x80 \xf7\xbf\xbf\xbf \xf8\x88\x80\x80\x80 \xfc\x84\x80\x80\x80\x80",
    "invalid_bytes": b"\xfe\xff\xc0\xc1\xf5\xff",
}
TRUNCATED_AT_END = [b"\xe2\x82", b"\xf0\x9f\x98", b"\xc3", b"\xed\xa0", b"\xf4\x90\x80"]


def utf8_pages(bad: bytes) -> List[bytes]:
    jsonld = b'{"@type":"NewsArticle","headline":"H' + bad + b'","author":{"name":"A' + bad + b'"}}'
    body = ARTICLE.encode()
    positions = [
        bad + page("<p>x</p>" + ARTICLE).encode(),                            # start of input
        page(ARTICLE).encode().replace(b"<p>", b"<p" + bad + b">", 1),        # tag name
        page(ARTICLE).encode().replace(b"<p>", b"<p " + bad + b"=1>", 1),     # attribute name
        page(ARTICLE).encode().replace(b"<p>", b"<p class='" + bad + b"' id='" + bad + b"'>", 1),
        page(ARTICLE).encode().replace(b"after", b"af" + bad + b"ter"),       # text
        page(ARTICLE).encode().replace(b"Adversarial", b"Adv" + bad + b"ersarial"),  # title
        b"<html><head><meta name=author content='X" + bad + b"'><meta property=og:title content='"
        + bad + b"'><script type=application/ld+json>" + jsonld + b"</script></head><body>" + body
        + b"</body></html>",                                                   # meta, JSON-LD
        page("<!-- c").encode() + bad + b" -->" + body,                       # comment
        page(ARTICLE).encode() + bad,                                         # end of input
        page(ARTICLE).encode().replace(b"charset='utf-8'", b"charset='windows-1252'") + bad,
    ]
    return positions


def invalid_utf8_cases() -> List[bytes]:
    pages: List[bytes] = []
    for bad in BAD_UTF8.values():
        pages.extend(utf8_pages(bad))
    for tail in TRUNCATED_AT_END:
        pages.append(page(ARTICLE).encode() + tail)
        pages.append(page(ARTICLE).encode()[:-7] + tail)  # inside the closing tags
        pages.append(b"<p>" + ARTICLE.encode() * 3 + tail)  # no </p>: truncated in text
    return pages


UTF16_TEXT = "Größe, déjà vu, 東京, Привет, \U0001F600."


def utf16_pages() -> List[bytes]:
    html = page(ARTICLE * 5 + f"<p>{UTF16_TEXT}</p>",
                "<title>UTF-16 test</title>")
    no_meta = html.replace("<meta charset='utf-8'>", "")
    with_meta = html.replace("charset='utf-8'", "charset='utf-16'")
    return [  # each must decode to the text (UTF16_TEXT) or raise a clear error
        b"\xff\xfe" + no_meta.encode("utf-16-le"),
        b"\xfe\xff" + no_meta.encode("utf-16-be"),
        b"\xff\xfe" + with_meta.encode("utf-16-le"),
        no_meta.encode("utf-16-le"),                  # no BOM
        no_meta.encode("utf-16-be"),
        with_meta.encode("utf-16-le"),                # no BOM, <meta charset=utf-16>
        no_meta.encode("utf-32-le"),                  # UTF-32 (BOM FF FE 00 00 first)
        b"\xff\xfe" + no_meta.encode("utf-16-le")[:-1],  # odd length
        b"\xff\xfe" + "\ud800".encode("utf-16-le", "surrogatepass") + no_meta.encode("utf-16-le"),
    ]


def nul_pages() -> List[bytes]:
    body = page(ARTICLE * 5).encode()
    return [
        body.replace(b" ", b"\x00"),                            # NUL between all words
        body.replace(b"<p>", b"<p\x00 cl\x00ass='a\x00b'>"),    # in tag and attribute
        body.replace(b"<title>", b"<title>\x00").replace(b"<body>", b"<body>\x00<!--\x00-->"),
        b"\x00" * n(MB),                                        # only NULs
        b"\x00" * 1000 + body,
        body + b"\x00" * 1000,
    ]


def jsonld_blocks() -> bytes:
    block = ('<script type="application/ld+json">{"@context":"https://schema.org",'
             '"@type":"NewsArticle","headline":"Headline %d","datePublished":"2024-05-17",'
             '"author":{"@type":"Person","name":"Jane Doe"}}</script>')
    head = "".join(block % i for i in range(n(10_000)))
    return page(ARTICLE * 5, "<title>t</title>" + head).encode()


def jsonld_deep() -> bytes:
    depth = n(100_000)
    deep_object = '{"a":' * depth + "1" + "}" * depth
    deep_array = "[" * depth + "1" + "]" * depth
    head = (f'<script type="application/ld+json">{deep_object}</script>'
            f'<script type="application/ld+json">{deep_array}</script>')
    return page(ARTICLE * 5, "<title>t</title>" + head).encode()


def jsonld_deep_hidden() -> bytes:
    # A deep array behind a quote in a comment: a bracket counter that does
    # not skip comments thinks the brackets are inside a string, while the
    # JSON parser (comments allowed) sees them nested 100,000 deep; then the
    # headline's array is read element by element.
    depth = n(100_000)
    block = ('//"\n{"@type":"Article","headline":' + "[" * depth + '"x"' + "]" * depth + "}")
    head = f'<script type="application/ld+json">{block}</script>'
    return page(ARTICLE * 5, "<title>t</title>" + head).encode()


def unterminated() -> List[bytes]:
    tail = (ARTICLE * n(30_000))  # ~5 MB after the unterminated construct
    return [
        page(ARTICLE).encode() + b"<!--" + tail.encode(),
        page(ARTICLE + "<svg><![CDATA[" + tail).encode(),
        page(ARTICLE + "<![CDATA[" + tail).encode(),
        page(ARTICLE).encode() + b"<script>" + tail.encode(),
        page(ARTICLE).encode() + b"<script type='application/ld+json'>{" + tail.encode(),
        page(ARTICLE).encode() + b"<style>" + tail.encode(),
        page(ARTICLE).encode() + b"<textarea>" + tail.encode(),
        page(ARTICLE).encode() + b"<title>" + tail.encode(),
        page(ARTICLE).encode() + b"<p class=\"" + tail.encode(),
        page(ARTICLE).encode() + b"<!DOCTYPE " + tail.encode(),
        page(ARTICLE).encode() + b"<?xml " + tail.encode(),
        # Many openers, never closed: each must not rescan the rest.
        page(ARTICLE + "<!--" * n(200_000)).encode(),
        page(ARTICLE + "<script>" * n(200_000)).encode(),
        page(ARTICLE + "<script a=\"" * n(200_000)).encode(),
        page(ARTICLE + "<svg>" * n(200_000)).encode(),
    ]


def entity_flood() -> bytes:
    chunk = "&amp;&lt;&#x1F600;&nbsp;&notin;&#0;&#xD800;&#x110000;&#99999999;&NotNestedLessLess;&am &"
    text = chunk * (n(10 * MB) // len(chunk))
    return page("<p>" + text + "</p>" + ARTICLE, f"<title>{chunk * 100}</title>").encode()


def entity_in_attributes() -> bytes:
    chunk = "&amp;&lt;&#x1F600;&quot;"
    return page(f"<div class=\"{chunk * (n(MB) // len(chunk))}\">{ARTICLE * 3}</div>").encode()


def binary_inputs() -> List[bytes]:
    # Issue 8: "PDFs, images, gzip, zip, executables ... -> NotHTMLError".
    filler = bytes(range(256)) * 4000
    return [
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nstream\n" + filler,
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + filler,
        b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + filler,
        b"GIF89a\x01\x00\x01\x00" + filler,
        b"\x1f\x8b\x08\x00\x00\x00\x00\x00" + filler,
        b"PK\x03\x04\x14\x00\x00\x00" + filler,
        b"\x7fELF\x02\x01\x01\x00" + filler,
        b"MZ\x90\x00\x03\x00\x00\x00" + filler,
        bytes((i * 7919 + 13) % 256 for i in range(MIB)),  # noise, reproducible
    ]


def text_inputs() -> List[bytes]:
    # Not pages either, but text: a Document (maybe empty) or NotHTMLError.
    return [
        b'{"a": [1, 2, 3], "b": "<p>not html</p>"}' * 1000,
        b"Just plain text.\n" * 10000,
        b"",
        b" \n\t" * 1000,
    ]


def wide_flat() -> bytes:
    # Many siblings: 1,000,000 empty elements, over max_nodes when text
    # nodes are counted.
    return page("<span>w</span>" * n(1_000_000)).encode()


def many_paragraphs_over_output_limit() -> bytes:
    return page(ARTICLE * n(200_000)).encode()  # ~34 MB of text > max_output_bytes 16 MiB


def utf8_cut_in_diagnostics() -> bytes:
    # Multi-byte ids and classes on the chosen container: diagnostics cut
    # them to a prefix, which must not split a character.
    return page("<div id='a" + "é" * 60 + "' class='x" + "東京" * 40 + "'>" + ARTICLE * 8
                + "</div>").encode()


# ---------------------------------------------------------------------------
# Cases.

@dataclass
class Case:
    name: str
    build: Callable[[], object]         # bytes/str, or a list of them (all must pass)
    seconds: float = DEFAULT_SECONDS    # bound on each page's extraction wall time
    rss_mb: float = DEFAULT_RSS_MB      # bound on the child's peak RSS
    options: Dict[str, object] = field(default_factory=dict)
    expect_error: Optional[str] = None  # ThresherError subclass name every page must raise
    expect_text: Optional[str] = None   # a Document's text must contain this
    must_succeed: bool = False          # a Document, not an error (the page is not lost)
    slow: bool = False                  # among the slowest: deselect with -k "not slow"
    url: Optional[str] = None
    why: str = ""


CASES: List[Case] = [
    Case("deep_divs_1m", deep_divs, slow=True, why="1,000,000 nested <div>s, closed"),
    Case("deep_divs_1m_unclosed", deep_divs_unclosed, slow=True,
         why="1,000,000 nested <div>s, never closed"),
    Case("deep_tables_100k", deep_tables, slow=True, why="100,000 nested tables"),
    Case("deep_inline_100k", deep_inline, why="100,000 x <b><i><span> nested"),
    Case("formatting_reconstruct_10k", formatting_reconstruct, must_succeed=True,
         why="<p><b class=cN>x</p> x 10,000 (230 KB): reconstructed formatting, O(n^2) nodes"),
    Case("formatting_deep_text_10mb", formatting_deep_text,
         why="10 MB of text in a <b> under 500 nested <div>s: O(text x depth) in gumbo"),
    Case("misnested_formatting_100k", misnested_formatting, why="<b><i>x</b></i> x 100,000"),
    Case("unclosed_anchors_100k", many_anchors, why="100,000 unclosed <a href>"),
    Case("page_200mb", huge_page, expect_error="InputTooLargeError", slow=True,
         # The default limit; scaled with the page when SCALE != 1.
         options={} if SCALE == 1 else {"max_input_bytes": n(64 * MIB)},
         why="200 MB > default max_input_bytes (64 MiB)"),
    Case("page_60mb", big_page, seconds=big_page_seconds(60), slow=True, must_succeed=True,
         why="60 MB of paragraphs, under the limit: must succeed (3 MB/s floor: 20 s)"),
    Case("text_node_50mb", one_text_node, seconds=big_page_seconds(50), slow=True, must_succeed=True,
         expect_text="lorem ipsum dolor sit amet",
         why="one 50 MB text node (3 MB/s floor: 17 s); its text must not be lost"),
    Case("attributes_100k", many_attributes, why="100,000 distinct attributes on one element"),
    Case("duplicate_attributes_100k", duplicate_attributes, why="class=x repeated 100,000 times"),
    Case("class_1mb", huge_class, why="1 MB class and 1 MB id on the content element"),
    Case("names_1mb", long_tag_and_attribute_names, why="1 MB tag and attribute names"),
    Case("invalid_utf8", invalid_utf8_cases,
         why="6 classes x 10 positions + 5 truncations x 3 places (75 pages)"),
    Case("utf16", utf16_pages, expect_text=UTF16_TEXT,
         why="UTF-16 LE/BE with and without BOM/meta, UTF-32, odd length, lone surrogate: "
             "the text decoded, or a clear error"),
    Case("nul_bytes", nul_pages, why="NUL in text/tags/attributes/title, 1 MB of NULs"),
    Case("jsonld_10k_blocks", jsonld_blocks, why="10,000 JSON-LD blocks"),
    Case("jsonld_deep_100k", jsonld_deep, why="JSON-LD object and array nested 100,000 deep"),
    Case("jsonld_deep_behind_comment", jsonld_deep_hidden,
         why="100,000-deep array the bracket pre-check misses (quote inside a // comment)"),
    Case("unterminated", unterminated,
         why="unterminated comment/CDATA/script/JSON-LD/style/textarea/title/attribute/"
             "doctype/PI before 5 MB, and 200,000 unclosed openers (15 pages)"),
    Case("entity_flood_10mb", entity_flood, why="10 MB of &amp;&lt;&#x1F600;... in text"),
    Case("entity_attribute_1mb", entity_in_attributes, why="1 MB of entities in a class"),
    Case("not_html_binary", binary_inputs, expect_error="NotHTMLError",
         why="PDF, PNG, JPEG, GIF, gzip, zip, ELF, PE, 1 MiB of noise -> NotHTMLError"),
    Case("not_html_text", text_inputs, why="JSON, plain text, empty, white space"),
    Case("wide_flat_1m", wide_flat, seconds=10.0,
         why="1,000,000 sibling elements = max_nodes (2,000,000) on 14 MB: 10 s"),
    Case("output_over_limit", many_paragraphs_over_output_limit, seconds=big_page_seconds(34),
         why="34 MB of text, over max_output_bytes (16 MiB): cut, not failed (11 s)"),
    Case("utf8_cut_in_diagnostics", utf8_cut_in_diagnostics,
         why="multi-byte id/class on the container (diagnostics path cuts them)"),
    Case("deep_divs_small_max_depth", deep_divs, options={"max_depth": 16, "max_nodes": 10_000},
         slow=True, why="1,000,000 nested divs with max_depth=16, max_nodes=10,000"),
    Case("deep_divs_timeout", deep_divs, options={"timeout_ms": 1000}, slow=True,
         why="1,000,000 nested divs with timeout_ms=1000: a result or ExtractionTimeout "
             "within 5 s"),
]


def fuzz_header(data: bytes) -> Tuple[Dict[str, object], Optional[str], Optional[str], bytes]:
    """(options, url, encoding_hint, html) for an extract_fuzzer input.

    Mirrors options_from_header() in core/fuzz/extract_fuzzer.cc.
    """
    urls = ["", "https://example.com/2024/05/17/some-story-title.html",
            "http://news.example.co.uk/world/article-12345?utm=1#top", "https://[::1",
            "//no-scheme.example/path/../../a", "javascript:alert(1)",
            "https://xn--n3h.example/%zz/%C3%A9t%C3%A9/", "ftp://user:pass@host:99999/"]
    hints = ["", "utf-8", "windows-1252", "utf-16", "utf-16be", "shift_jis", "gb2312", "koi8-r",
             "iso-2022-jp", "utf-7", "ucs-4", "x-unknown-charset", "UTF-8//IGNORE", "ebcdic-us",
             "big5", "latin1"]
    if len(data) < 4:
        return {}, None, None, data
    b0, b1, b2, b3 = data[:4]
    rest = data[4:]
    o: Dict[str, object] = {
        "include_comments": bool(b0 & 0x01), "include_tables": not (b0 & 0x02),
        "include_captions": bool(b0 & 0x04), "favor_precision": bool(b0 & 0x08),
        "favor_recall": bool(b0 & 0x10), "output_format": ("text", "markdown", "html")[b2 % 3],
        "include_links": bool(b2 & 0x04), "include_images": bool(b2 & 0x08),
    }
    if b0 & 0x20:
        o.update(max_depth=b1 & 0x3F, max_nodes=1 + b2 * 8, max_output_bytes=b2 * 64,
                 max_jsonld_blocks=b3 & 0x07, max_jsonld_depth=(b3 >> 3) & 0x1F,
                 max_jsonld_bytes=b3 * 97)
    url = None
    if b0 & 0x40:
        if b1 & 0x80:
            k = min(b1 & 0x3F, len(rest))
            try:
                url = rest[:k].decode("utf-8")
            except UnicodeDecodeError:
                url = urls[1]
            rest = rest[k:]
        else:
            url = urls[b1 % len(urls)]
    hint = hints[b3 % len(hints)] if b0 & 0x80 else None
    return o, url, hint, rest


def decode_header(data: bytes) -> Tuple[Optional[str], bytes]:
    """(encoding_hint, page) for a decode_fuzzer input (see decode_fuzzer.cc)."""
    hints = ["", "utf-8", "windows-1252", "utf-16", "utf-16le", "utf-16be", "shift_jis",
             "euc-jp", "gb18030", "big5", "koi8-r", "iso-2022-jp", "utf-7", "utf-32", "x-bogus",
             "UTF-8//TRANSLIT", "cp037", "iso-8859-8-i", "  Latin1  ", "ucs-2"]
    if data and data[0] & 0x80:
        return hints[(data[0] & 0x7F) % len(hints)], data[1:]
    return None, data


def regression_cases() -> List[Case]:
    """One case per file in regressions/: extract-* and decode-* are fuzzer
    inputs (their header bytes pick options), anything else is a page."""
    cases = []
    for path in sorted(REGRESSIONS.glob("*")):
        if path.name.startswith(".") or path.suffix in (".md", ".txt"):
            continue
        cases.append(Case("regression:" + path.name, lambda p=path: p, why=f"regressions/{path.name}"))
    return cases


def all_cases() -> List[Case]:
    return CASES + regression_cases()


def find_case(name: str) -> Case:
    for case in all_cases():
        if case.name == name:
            return case
    raise KeyError(f"no adversarial case {name!r}; see `generate.py list`")


# ---------------------------------------------------------------------------
# The child: build the input, extract, report JSON on stdout.

def _vm_kb(key: str) -> int:
    for line in pathlib.Path("/proc/self/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1])
    return 0


def _inputs(case: Case) -> List[Tuple[Dict[str, object], Optional[str], Optional[str], bytes]]:
    """(options, url, hint, page) for every page of the case."""
    built = case.build()
    if isinstance(built, pathlib.Path):
        data = built.read_bytes()
        if built.name.startswith("extract-"):
            options, url, hint, data = fuzz_header(data)
            import thresher  # options this build does not know yet are left out
            options = {k: v for k, v in options.items() if k in thresher.OPTION_DEFAULTS}
            return [(options, url, hint, data)]
        if built.name.startswith("decode-"):
            hint, data = decode_header(data)
            return [({}, None, hint, data)]
        return [({}, None, None, data)]
    pages = built if isinstance(built, list) else [built]
    return [(dict(case.options), case.url, None, p) for p in pages]


def child(name: str) -> int:
    case = find_case(name)
    t0 = time.perf_counter()
    inputs = _inputs(case)
    generate_s = time.perf_counter() - t0
    import thresher  # after generating: the import is not part of the timing

    rss_before_mb = _vm_kb("VmRSS") / 1024
    outcomes: List[str] = []
    bad: List[str] = []
    extract_s = 0.0
    max_one_s = 0.0
    for k, (options, url, hint, data) in enumerate(inputs):
        ex = thresher.Extractor(**options)
        start = time.perf_counter()
        try:
            doc = ex.extract(data, url, hint)
            outcome = "Document"
            if not isinstance(doc, thresher.Document):
                bad.append(f"page {k}: returned {type(doc).__name__}")
            else:
                outcome += f"(text={len(doc.text)}, nodes={doc.diagnostics.get('node_count')}"
                outcome += ", truncated)" if doc.diagnostics.get("truncated") else ")"
        except thresher.ThresherError as e:
            outcome = type(e).__name__
            if not str(e):
                bad.append(f"page {k}: {outcome} without a message")
        except Exception as e:  # noqa: BLE001 - anything else breaks the contract
            outcome = f"{type(e).__name__}: {str(e)[:160]}"
            bad.append(f"page {k}: {outcome}")
        took = time.perf_counter() - start
        if case.expect_text and outcome.startswith("Document") and case.expect_text not in doc.text:
            bad.append(f"page {k}: text lacks {case.expect_text[:40]!r} "
                       f"(encoding {doc.diagnostics.get('encoding')}): {doc.text[-80:]!r}")
        extract_s += took
        max_one_s = max(max_one_s, took)
        if case.must_succeed and not outcome.startswith("Document"):
            bad.append(f"page {k}: expected a Document, got {outcome}")
        if case.expect_error and not outcome.startswith(case.expect_error):
            bad.append(f"page {k}: expected {case.expect_error}, got {outcome}")
        outcomes.append(outcome)
    if len(outcomes) == 1:
        summary = outcomes[0]
    else:  # many pages: how many ended how
        kinds = [o.split("(")[0] for o in outcomes]
        summary = ", ".join(f"{k} x{kinds.count(k)}" for k in dict.fromkeys(kinds))
    print(json.dumps({
        "pages": len(inputs), "input_mb": sum(len(d) for *_, d in inputs) / MB,
        "generate_s": generate_s, "extract_s": extract_s, "max_page_s": max_one_s,
        "rss_before_mb": rss_before_mb, "outcome": summary, "bad": bad,
    }))
    return 0


# ---------------------------------------------------------------------------
# The parent side.

@dataclass
class Measurement:
    name: str
    ok: bool
    seconds: Optional[float]     # slowest page's extraction time (None: died or hung)
    rss_mb: float                # child's peak RSS
    rss_before_mb: Optional[float]
    outcome: str
    problems: List[str]
    case: Case

    def row(self) -> str:
        secs = f"{self.seconds:.2f}" if self.seconds is not None else "-"
        before = f"{self.rss_before_mb:.0f}" if self.rss_before_mb is not None else "-"
        return (f"| {self.name} | {'ok' if self.ok else 'FAIL'} | {secs} / {self.case.seconds:g} "
                f"| {self.rss_mb:.0f} (input+py {before}) / {self.case.rss_mb:g} "
                f"| {self.outcome} |")


def kill_after(case: Case) -> float:
    """Wall-clock limit on the whole child: the bound, plus time to build the
    input and import thresher, doubled for a loaded machine."""
    return 1.5 * case.seconds + 5 + 3 * SCALE


def _limit_address_space(megabytes: float) -> Callable[[], None]:
    def apply() -> None:
        limit = int(megabytes * MIB)
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    return apply


def run_case(case: Case, python: str = sys.executable) -> Measurement:
    env = dict(os.environ, PYTHONFAULTHANDLER="1")
    # A runaway child must not take the (shared) machine down with it: its
    # address space is capped at twice the RSS bound, so an allocation past
    # that fails inside the child (thresher: LimitExceededError).
    proc = subprocess.Popen([python, str(pathlib.Path(__file__)), "child", case.name],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                            preexec_fn=_limit_address_space(2 * case.rss_mb))
    deadline = time.monotonic() + kill_after(case)
    status = rusage = None
    while True:
        pid, status, rusage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.monotonic() > deadline:
            proc.kill()
            _, status, rusage = os.wait4(proc.pid, 0)
            status = None
            break
        time.sleep(0.02)
    proc.returncode = 0  # reaped by wait4 above
    out = proc.stdout.read().decode(errors="replace")
    err = proc.stderr.read().decode(errors="replace")
    proc.stdout.close()
    proc.stderr.close()
    rss_mb = rusage.ru_maxrss / 1024  # Linux: KiB
    problems: List[str] = []
    if status is None:
        return Measurement(case.name, False, None, rss_mb, None,
                           f"HANG: killed after {kill_after(case):.0f} s", 
                           [f"no result within {kill_after(case):.0f} s"], case)
    if os.WIFSIGNALED(status) or os.WEXITSTATUS(status) != 0:
        what = (f"signal {os.WTERMSIG(status)}" if os.WIFSIGNALED(status)
                else f"exit {os.WEXITSTATUS(status)}")
        tail = " | ".join(err.strip().splitlines()[-6:])
        return Measurement(case.name, False, None, rss_mb, None, f"CRASH ({what})",
                           [f"child died ({what}): {tail}"], case)
    report = json.loads(out.strip().splitlines()[-1])
    problems += report["bad"]
    if report["max_page_s"] > case.seconds:
        problems.append(f"a page took {report['max_page_s']:.2f} s > {case.seconds:g} s")
    if rss_mb > case.rss_mb:
        problems.append(f"peak RSS {rss_mb:.0f} MB > {case.rss_mb:g} MB")
    return Measurement(case.name, not problems, report["max_page_s"], rss_mb,
                       report["rss_before_mb"], report["outcome"], problems, case)


def main(argv: List[str]) -> int:
    if len(argv) >= 2 and argv[0] == "child":
        return child(argv[1])
    if argv and argv[0] == "list":
        for case in all_cases():
            print(f"{case.name:32} {case.seconds:5g} s {case.rss_mb:6g} MB  {case.why}")
        return 0
    if len(argv) == 3 and argv[0] == "write":
        inputs = _inputs(find_case(argv[1]))
        pathlib.Path(argv[2]).write_bytes(inputs[0][3])
        print(f"wrote page 1 of {len(inputs)} ({len(inputs[0][3])} bytes) to {argv[2]}")
        return 0
    if argv and argv[0] == "table":
        names = argv[1:]
        cases = [find_case(x) for x in names] if names else all_cases()
        print("| case | result | extract s / bound | peak RSS MB / bound | outcome |")
        print("|---|---|---|---|---|")
        failed = 0
        for case in cases:
            m = run_case(case)
            failed += not m.ok
            print(m.row() + ("" if m.ok else "  <- " + "; ".join(m.problems)[:300]), flush=True)
        return 1 if failed else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
