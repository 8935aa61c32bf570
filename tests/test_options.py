"""Every option of thresher.OPTION_DEFAULTS, through the Python API, with an
effect that a test can see (a new option without a test here fails
test_every_option_is_tested)."""
import gzip
import json
import pathlib

import pytest

import thresher

ROOT = pathlib.Path(__file__).resolve().parent.parent
PAGES = ROOT / "corpus" / "pages"
PROSE = "<p>This paragraph is prose of the article, long enough, with commas, and a full stop.</p>"


def page(page_id):
    return gzip.decompress((PAGES / page_id / "page.html.gz").read_bytes())


def article(body, head=""):
    return f"<html><head>{head}</head><body><nav><a href='/'>Home</a></nav><article>{body}</article></body></html>"


TESTED = set()


def covers(*names):
    def mark(fn):
        TESTED.update(names)
        return fn
    return mark


@covers("output_format")
def test_output_format():
    html = article("<h2>Heading</h2>" + PROSE + "<ul><li>one item</li><li>two item</li></ul>")
    assert thresher.bare_extraction(html).markdown is None
    md = thresher.bare_extraction(html, output_format="markdown").markdown
    assert "## Heading" in md and "- one item" in md
    h = thresher.bare_extraction(html, output_format="html").html
    assert "<h2>Heading</h2>" in h and "<li>one item</li>" in h
    with pytest.raises(ValueError):
        thresher.Extractor(output_format="pdf")


@covers("include_links", "include_images")
def test_links_and_images():
    html = article(PROSE + "<p>See <a href='https://x.org/a'>the source</a>, and more prose, with commas.</p>"
                   "<p><img src='https://x.org/i.png' alt='a chart'> Prose after the image, with commas.</p>")
    plain = thresher.extract(html, output_format="markdown")
    assert "](https://x.org/a)" not in plain and "![" not in plain
    rich = thresher.extract(html, output_format="markdown", include_links=True, include_images=True)
    assert "[the source](https://x.org/a)" in rich and "![a chart](https://x.org/i.png)" in rich


@covers("include_comments")
def test_comments_go_to_their_own_field():
    html = article(PROSE * 3) + ("<section id='comments' class='comments'><h3>Comments</h3>"
                                 "<div class='comment'><p>A reader wrote this comment, with commas, at length.</p></div>"
                                 "<div class='comment'><p>Another reader disagreed, also at length, really.</p></div></section>")
    off = thresher.bare_extraction(html)
    assert off.comments is None and "reader wrote" not in off.text
    on = thresher.bare_extraction(html, include_comments=True)
    assert "A reader wrote this comment" in (on.comments or "") and "reader wrote" not in on.text


@covers("include_tables")
def test_tables():
    table = "<table><tr><th>Metal</th><th>Price</th></tr><tr><td>Gold</td><td>1900</td></tr></table>"
    html = article(PROSE + table + PROSE)
    assert "Gold | 1900" in thresher.extract(html)
    assert "Gold" not in thresher.extract(html, include_tables=False)


@covers("include_captions")
def test_captions():
    html = article(PROSE + "<figure><img src='a.jpg'><figcaption>Caption of the photo here</figcaption></figure>" + PROSE)
    assert "Caption of the photo" not in thresher.extract(html)
    assert "Caption of the photo" in thresher.extract(html, include_captions=True)


@covers("favor_precision", "favor_recall")
def test_precision_and_recall_prune_more_and_less():
    html = page("rdb-firefox-nightly-blog")
    precise = thresher.extract(html, favor_precision=True)
    default = thresher.extract(html)
    recalled = thresher.extract(html, favor_recall=True)
    assert len(precise) < len(default) < len(recalled)


@covers("max_input_bytes")
def test_max_input_bytes():
    with pytest.raises(thresher.InputTooLargeError, match="max_input_bytes"):
        thresher.extract(article(PROSE * 10), max_input_bytes=100)


@covers("max_tree_bytes")
def test_max_tree_bytes():
    with pytest.raises(thresher.LimitExceededError):
        thresher.extract(article(PROSE * 2000), max_tree_bytes=4096)


@covers("max_nodes")
def test_max_nodes():
    doc = thresher.bare_extraction(article("<div>" + PROSE * 200 + "</div>"), max_nodes=50)
    assert doc.diagnostics["truncated"]
    assert doc.diagnostics["node_count"] <= 50


@covers("max_depth")
def test_max_depth():
    deep = "<div>" * 2000 + PROSE + "</div>" * 2000
    doc = thresher.bare_extraction(article(deep), max_depth=64)
    assert "prose of the article" in doc.text


@covers("max_output_bytes")
def test_max_output_bytes():
    html = article("".join(f"<p>Paragraph {k} is prose of the article, with commas, and more words.</p>"
                           for k in range(200)))
    full = thresher.bare_extraction(html)
    cut = thresher.bare_extraction(html, max_output_bytes=1000)
    assert len(full.text.encode()) > 5000
    assert 0 < len(cut.text.encode()) <= 1000 and full.text.startswith(cut.text)
    assert cut.diagnostics["truncated"]


def jsonld(obj):
    return f"<script type='application/ld+json'>{json.dumps(obj)}</script>"


LD = {"@type": "NewsArticle", "headline": "Headline from JSON-LD", "author": {"@type": "Person", "name": "Ada Byron"}}


@covers("max_jsonld_bytes", "max_jsonld_depth", "max_jsonld_blocks")
def test_jsonld_limits():
    html = article(PROSE, head=jsonld(LD))
    assert thresher.bare_extraction(html).author == "Ada Byron"
    assert thresher.bare_extraction(html, max_jsonld_bytes=20).author is None
    nested = {"@context": "https://schema.org", "@graph": [{"@type": "WebPage", "name": "Page"}, LD]}
    assert thresher.bare_extraction(article(PROSE, head=jsonld(nested))).author == "Ada Byron"
    assert thresher.bare_extraction(article(PROSE, head=jsonld(nested)), max_jsonld_depth=2).author is None
    later = article(PROSE, head=jsonld({"@type": "WebSite"}) * 3 + jsonld(LD))
    assert thresher.bare_extraction(later).author == "Ada Byron"
    assert thresher.bare_extraction(later, max_jsonld_blocks=2).author is None


@covers("timeout_ms")
def test_timeout():
    big = article("<div><p>word word word, more words here.</p></div>" * 200000)
    with pytest.raises(thresher.ExtractionTimeout):
        thresher.extract(big, timeout_ms=1)
    assert thresher.extract(article(PROSE), timeout_ms=10000)


def test_every_option_is_tested():
    assert set(thresher.OPTION_DEFAULTS) <= TESTED, sorted(set(thresher.OPTION_DEFAULTS) - TESTED)
