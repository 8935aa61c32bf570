"""Scoring pieces of the corpus harness: metric plumbing, snippets, fields,
aggregates, the HTML->text converter, and the corpus layout loaders."""
from __future__ import annotations

import gzip
import json
import threading
import time
from pathlib import Path

import pytest

from thresher.corpus import fields as F
from thresher.corpus.htmltext import html_to_text
from thresher.corpus.outputs import read_outputs
from thresher.corpus.pages import (
    CorpusError,
    Gold,
    Page,
    add_page,
    detect_layout,
    filter_pages,
    find_page,
    load_corpus,
)
from thresher.corpus.runner import iter_results, thresher_metric
from thresher.corpus.scoring import (
    Output,
    aggregate,
    count_snippets,
    group_scores,
    normalize_ws,
    score_page,
    snippet_in,
)

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="module")
def metric():
    return thresher_metric()


def page(pid="p1", text="the cat sat on the mat", with_=(), without=(), fields=None, source="s", page_type="article"):
    return Page(
        id=pid,
        source=source,
        page_type=page_type,
        url=f"https://example.com/{pid}",
        gold=Gold(text=text, with_=list(with_), without=list(without), fields=dict(fields or {})),
        html_bytes=b"<html></html>",
    )


# ----------------------------------------------------------------------------- metric plumbing


def test_metric_is_the_cpp_definition():
    import thresher._core

    assert thresher_metric() is thresher._core.word_prf


def test_word_prf_values_through_score_page(metric):
    ps = score_page(page(text="the cat sat"), Output(text="the cat"), metric)
    assert ps.precision == pytest.approx(1.0)
    assert ps.recall == pytest.approx(2 / 3)
    assert ps.f1 == pytest.approx(0.8)
    # bag of words, case-insensitive, punctuation ignored
    ps = score_page(page(text="A b, b. C!"), Output(text="c B a b"), metric)
    assert ps.f1 == pytest.approx(1.0)
    # both empty: perfect; one empty: zero
    assert score_page(page(text=""), Output(text="  "), metric).f1 == pytest.approx(1.0)
    assert score_page(page(text=""), Output(text="words"), metric).f1 == 0.0
    assert score_page(page(text="words"), Output(text=""), metric).f1 == 0.0


def test_metric_called_with_candidate_then_gold():
    calls = []

    def recording(candidate, gold):
        calls.append((candidate, gold))
        return (0.25, 0.5, 1 / 3)

    ps = score_page(page(text="GOLD"), Output(text="OUT"), recording)
    assert calls == [("OUT", "GOLD")]
    assert (ps.precision, ps.recall) == (0.25, 0.5)


def test_no_gold_text_means_no_text_score(metric):
    ps = score_page(page(text=None, with_=["cat"]), Output(text="a cat"), metric)
    assert ps.f1 is None and ps.precision is None
    assert (ps.with_found, ps.with_total) == (1, 1)


# ----------------------------------------------------------------------------- snippets


def test_snippet_match_is_whitespace_normalised_and_case_sensitive():
    text = normalize_ws("Hello\n\n  big   world.\tBye")
    assert snippet_in("big world.", text)
    assert snippet_in("  Hello big\nworld. ", text)
    assert not snippet_in("Big world", text)  # case-sensitive
    assert not snippet_in("", text)
    assert count_snippets(["Hello", "nope", "Bye"], text) == (2, 3, ["Hello", "Bye"])


def test_snippet_rates_in_page_score(metric):
    p = page(with_=["the cat", "dog"], without=["mat", "cookie banner"])
    ps = score_page(p, Output(text="the  cat\nsat on the mat"), metric)
    assert (ps.with_found, ps.with_total, ps.without_found, ps.without_total) == (1, 2, 1, 2)
    assert ps.with_rate == 0.5 and ps.without_rate == 0.5


# ----------------------------------------------------------------------------- fields


@pytest.mark.parametrize(
    "gold,out,ok",
    [
        ("Hello World", "hello   world", True),
        ("“Hello World”", "Hello World.", True),
        ('"Quoted" title!', "quoted\" title", True),
        ("Hello World", "Hello World | Site", False),
        ("Ünïcode Straße", "ünïcode STRASSE", True),  # casefold
        ("We've Compiled – Top 7", "We’ve Compiled - Top 7", True),  # typographic forms
        ("Title", None, False),
        ("Title", "", False),
    ],
)
def test_title(gold, out, ok):
    assert F.field_correct("title", gold, out) is ok


@pytest.mark.parametrize(
    "gold,out,ok",
    [
        ("Jane Doe", "jane doe", True),
        ("Jane Doe, John Roe", "John Roe and Jane Doe", True),
        ("Jane Doe; John Roe", "John Roe & Jane Doe", True),
        (["Jane Doe", "John Roe"], "John Roe, Jane Doe", True),
        ("Jane Doe", ["Jane Doe"], True),
        ("Jane Doe", "Jane Doe, John Roe", False),
        ("Sandra Anderson", "Sandra Anderson", True),  # 'and' inside names does not split
        ("Jane Doe AND John Roe", "John Roe; Jane Doe", True),
        ("Ann Lee, Jane Doe, and John Roe", "Ann Lee; Jane Doe; John Roe", True),  # serial comma
        ("Jane Doe", None, False),
    ],
)
def test_author(gold, out, ok):
    assert F.field_correct("author", gold, out) is ok


@pytest.mark.parametrize(
    "gold,out,ok",
    [
        ("2024-05-01", "2024-05-01", True),
        ("2024-05-01", "2024-05-01T23:30:00+02:00", True),
        ("2024-05-01", "2024-5-1", True),
        ("2024-05-01", "2024-05-02", False),
        ("2024-05", "2024-05-17", True),  # gold less precise
        ("2024-05-01", "2024-05", False),
        ("2024-05-01", "May 1, 2024", False),
    ],
)
def test_date(gold, out, ok):
    assert F.field_correct("date", gold, out) is ok


@pytest.mark.parametrize("gold,out,ok", [("en", "en-GB", True), ("pt-BR", "PT", True), ("en", "de", False), ("zh_Hans", "zh-hant", True)])
def test_language(gold, out, ok):
    assert F.field_correct("language", gold, out) is ok


def test_sitename_and_null_gold():
    assert F.field_correct("sitename", "The Guardian", "the guardian")
    for name in F.FIELDS:
        assert F.field_correct(name, None, None)
        assert F.field_correct(name, None, "")
        assert F.field_correct(name, None, [])
        assert not F.field_correct(name, None, "something")


def test_fields_scored_only_where_gold_has_the_key(metric):
    p = page(fields={"title": "T", "author": None})
    ps = score_page(p, Output(text="x", fields={"title": "t", "author": "Someone", "date": "2020-01-01"}), metric)
    assert ps.fields == {"title": True, "author": False}
    assert ps.null_fields == ("author",)


# ----------------------------------------------------------------------------- aggregates


def test_aggregate_means_rates_and_field_split(metric):
    pages = [
        page("a", text="one two", with_=["one"], without=["menu"], fields={"title": "A", "author": None}, source="x", page_type="article"),
        page("b", text="three four", with_=["three", "five"], without=["footer"], fields={"title": "B", "author": "Jo"}, source="y", page_type="forum"),
        page("c", text=None, with_=["six"], fields={"title": "C"}, source="y", page_type="forum"),
    ]
    outs = {
        "a": Output(text="one two menu", fields={"title": "A"}),  # f1 0.8, leaks menu
        "b": Output(text="", fields={"title": "wrong", "author": "Jo"}),  # f1 0
        "c": Output(text="six", fields={"title": "c"}),
    }
    scores = [score_page(p, outs[p.id], metric) for p in pages]
    a = aggregate(scores)
    assert a["pages"] == 3 and a["text_pages"] == 2
    assert a["f1"] == pytest.approx((0.8 + 0.0) / 2)
    assert a["with"] == pytest.approx(2 / 4) and a["with_n"] == 4  # one, six found of one, three, five, six
    assert a["without"] == pytest.approx(1 / 2)
    assert a["title"] == pytest.approx(2 / 3) and a["title_n"] == 3
    assert a["author"] == pytest.approx(1.0) and a["author_n"] == 2
    assert a["author_null"] == pytest.approx(1.0) and a["author_null_n"] == 1
    assert a["date"] is None and a["date_n"] == 0
    groups = group_scores(scores)
    assert set(groups) == {"all", "source:x", "source:y", "type:article", "type:forum"}
    assert groups["source:y"]["pages"] == 2 and groups["source:y"]["text_pages"] == 1


# ----------------------------------------------------------------------------- runner


def test_iter_results_keeps_order_and_records_errors(metric):
    pages = [page(f"p{i}", text=f"word{i}") for i in range(12)]
    for p in pages:
        p.html_bytes = p.id.encode()
    lock = threading.Lock()
    seen = []

    def extract(html, url):
        i = int(html[1:])
        time.sleep(0.002 * (12 - i))  # later pages finish first
        with lock:
            seen.append(i)
        if i == 5:
            raise ValueError("boom")
        return Output(text=f"word{i}")

    results = list(iter_results(pages, extract, metric, workers=4))
    assert [r.page.id for r in results] == [p.id for p in pages]
    assert results[5].output.error == "ValueError: boom" and results[5].score.f1 == 0.0
    assert all(r.score.f1 == pytest.approx(1.0) for i, r in enumerate(results) if i != 5)
    assert sorted(seen) == list(range(12))


# ----------------------------------------------------------------------------- htmltext


def test_html_to_text_blocks_and_paragraphs():
    html = (
        "<div><h1>Title</h1><p>One <b>two</b>\n   three &amp; four</p>"
        "<ul><li>a</li><li>b</li></ul><p>x<br>y</p>"
        "<script>var no = 1;</script><style>.no{}</style>"
        "<table><tr><td>c1</td><td>c2</td></tr></table>"
        "<pre>line 1\nline  2</pre></div>"
    )
    assert html_to_text(html) == "Title\n\nOne two three & four\n\na\nb\n\nx\ny\n\nc1 c2\n\nline 1\nline 2"


def test_html_to_text_empty():
    assert html_to_text("<div>  </div>") == ""


# ----------------------------------------------------------------------------- loaders


def _gz(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(gzip.compress(data, mtime=0))


def make_wcxb(root: Path) -> Path:
    (root / "ground-truth").mkdir(parents=True)
    gt = {
        "url": "https://a.example/x",
        "file_id": "0001",
        "ground_truth": {
            "title": "Alpha",
            "author": "",
            "publish_date": "2024-01-02",
            "main_content": "Alpha text here.",
            "with": ["Alpha text"],
            "without": ["Menu"],
        },
    }
    (root / "ground-truth" / "0001.json").write_text(json.dumps(gt))
    gt2 = {"url": "https://b.example/y", "file_id": "0002", "ground_truth": {"title": "Beta", "author": None, "publish_date": None, "with": [], "without": []}}
    (root / "ground-truth" / "0002.json").write_text(json.dumps(gt2))
    (root / "metadata.json").write_text(json.dumps({"files": {"0001": {"page_type": "article"}, "0002": {"page_type": "forum"}}}))
    _gz(root / "html" / "0001.html.gz", b"<html><body><p>Alpha text here.</p></body></html>")
    _gz(root / "html" / "0002.html.gz", b"<html><body><p>Beta</p></body></html>")
    return root


def test_load_wcxb(tmp_path):
    root = make_wcxb(tmp_path / "wcxb")
    layout, pages = load_corpus(root)
    assert layout == "wcxb"
    a, b = pages
    assert (a.id, a.source, a.page_type, a.url, a.source_id) == ("wcxb-0001", "wcxb", "article", "https://a.example/x", "0001")
    assert a.gold.text == "Alpha text here." and a.gold.with_ == ["Alpha text"] and a.gold.without == ["Menu"]
    assert a.gold.fields == {"title": "Alpha", "author": None, "date": "2024-01-02", "page_type": "article"}
    assert b.page_type == "forum" and b.gold.text is None and b.gold.fields["date"] is None
    assert a.read_html().startswith(b"<html>")


def test_load_readability_from_test_pages_or_parent(tmp_path):
    case = tmp_path / "readability" / "test-pages" / "case-1"
    case.mkdir(parents=True)
    _gz(case / "source.html.gz", b"<html><body><p>Hello</p></body></html>")
    (case / "expected.html").write_text('<div id="readability-page-1" class="page"><p>Hello <i>there</i></p><p>Second</p></div>')
    (case / "expected-metadata.json").write_text(json.dumps({"title": "Hi", "byline": None, "lang": "en", "siteName": "Site", "publishedTime": "2020-02-03T10:00:00Z"}))
    for root in (tmp_path / "readability", tmp_path / "readability" / "test-pages"):
        layout, pages = load_corpus(root)
        assert layout == "readability"
        (p,) = pages
        assert p.id == "rdb-case-1" and p.source_id == "case-1"
        assert p.gold.text == "Hello there\n\nSecond"
        # Readability's nulls are "not found", so they are not gold: the key is dropped.
        assert p.gold.fields == {"title": "Hi", "language": "en", "sitename": "Site", "date": "2020-02-03T10:00:00Z"}


def test_load_trafilatura_resolves_cache_then_eval(tmp_path):
    root = tmp_path / "traf"
    _gz(root / "html" / "cache" / "a.html.gz", b"<p>from cache</p>")
    _gz(root / "html" / "eval" / "a.html.gz", b"<p>from eval</p>")
    _gz(root / "html" / "eval" / "b.html.gz", b"<p>only eval</p>")
    data = {
        "https://x.example/a": {"file": "a.html", "title": "A", "author": "", "date": "2021-01-01", "tags": [], "with": ["cache"], "without": ["ad"]},
        "https://x.example/b": {"file": "b.html", "with": ["eval"], "without": []},
        "https://x.example/c": {"file": "missing.html", "with": ["x"], "without": []},
    }
    (root / "evaldata.json").write_text(json.dumps(data))
    layout, pages = load_corpus(root)
    assert layout == "trafilatura"
    assert [p.id for p in pages] == ["traf-a", "traf-b"]  # the page without HTML is skipped
    a = pages[0]
    assert a.read_html() == b"<p>from cache</p>"
    assert a.gold.text is None and a.gold.fields == {"title": "A", "date": "2021-01-01"}  # '' and [] = unknown
    assert pages[1].read_html() == b"<p>only eval</p>"


def test_stored_layout_filters_and_find(tmp_path):
    root = tmp_path / "corpus"
    add_page(root, b"<p>one</p>", "https://s.example/one", page_id="one", page_type="article", gold={"text": "one"})
    add_page(root, b"<p>two</p>", "https://s.example/two", page_id="two", page_type="forum")
    add_page(root, b"<p>three</p>", "https://s.example/three", page_id="three-x", page_type="forum")
    assert detect_layout(root) == ("stored", root)
    assert detect_layout(tmp_path) == ("stored", root)  # a checkout root holding corpus/
    layout, pages = load_corpus(root)
    assert [p.id for p in pages] == ["one", "two", "three-x"]
    assert [p.id for p in filter_pages(pages, page_type="forum")] == ["two", "three-x"]
    assert [p.id for p in filter_pages(pages, source="user", limit=2)] == ["one", "two"]
    assert filter_pages(pages, source="nope") == []
    assert find_page(pages, "thr").id == "three-x"
    with pytest.raises(CorpusError):
        find_page(pages, "t")  # ambiguous
    with pytest.raises(CorpusError):
        detect_layout(tmp_path / "corpus" / "pages")


def test_read_outputs_accepts_peer_field_names(tmp_path):
    path = tmp_path / "o.jsonl.gz"
    recs = [{"id": "0001", "text": "t", "byline": "Jo", "publishedTime": "2020-01-01T00:00:00Z", "siteName": "S", "lang": "en"}]
    path.write_bytes(gzip.compress("\n".join(json.dumps(r) for r in recs).encode()))
    out = read_outputs(path)["0001"]
    assert out.fields["author"] == "Jo" and out.fields["date"].startswith("2020") and out.fields["sitename"] == "S"
    assert out.fields["language"] == "en" and out.fields["title"] is None


# ----------------------------------------------------------------------------- anchors


ANCHOR = SHARED / "anchor-outputs" / "wcxb-dev.trafilatura-2.2.0.jsonl.gz"


@pytest.mark.skipif(not ANCHOR.exists(), reason="shared/anchor-outputs not available")
def test_anchor_trafilatura_wcxb_f1(metric):
    """The plumbing reproduces the published WCXB score of trafilatura 2.2 (0.815)."""
    _, pages = load_corpus(SHARED / "corpus-src" / "wcxb-dev")
    outs = read_outputs(ANCHOR)
    scores = [score_page(p, outs[p.source_id], metric) for p in pages if p.source_id in outs]
    assert len(scores) == 1358
    groups = group_scores(scores)
    assert groups["all"]["f1"] == pytest.approx(0.815, abs=0.0015)
    assert groups["type:documentation"]["f1"] == pytest.approx(0.912, abs=0.0015)
    assert groups["type:product"]["f1"] == pytest.approx(0.588, abs=0.0015)
