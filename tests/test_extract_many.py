"""Extractor.extract_many: one Document per input, equal to single-threaded
extraction, lazy and bounded, in order or as finished."""
import gzip
import itertools
import pathlib

import pytest

import thresher

ROOT = pathlib.Path(__file__).resolve().parent.parent
PAGES = sorted((ROOT / "corpus" / "pages").glob("*/page.html.gz"))


def corpus_items(n):
    """n (html, url) items cycled from the stored corpus; the URL differs per
    item, so repeated pages are distinct inputs (the URL feeds the fields)."""
    pages = [gzip.decompress(p.read_bytes()) for p in PAGES]
    return [(pages[k % len(pages)], f"https://example.org/{k // len(pages)}/{k}")
            for k in range(n)]


def test_a_thousand_pages_on_two_threads_equal_single_threaded_extraction():
    items = corpus_items(1000)
    ex = thresher.Extractor()
    single = [ex.extract(html, url).to_dict() for html, url in items]
    many = [d.to_dict() for d in ex.extract_many(items, threads=2)]
    assert len(many) == len(single) == 1000
    for k, (a, b) in enumerate(zip(single, many)):
        assert a == b, f"item {k} ({items[k][1]}) differs"


def test_unordered_yields_every_page_once_and_does_not_wait_for_a_slow_one():
    slow = "<html><body>" + "<div><p>slow page words, many of them.</p></div>" * 60000 + "</body></html>"
    fast = [f"<article><p>Fast page {k} has a sentence of prose, long enough, with commas.</p></article>"
            for k in range(40)]
    items = [(slow, "https://e.org/slow")] + [(h, f"https://e.org/{k}") for k, h in enumerate(fast)]
    ex = thresher.Extractor()
    unordered = list(ex.extract_many(items, threads=2, ordered=False))
    assert sorted(d.url for d in unordered) == sorted(url for _, url in items)
    assert unordered[0].url != "https://e.org/slow"
    ordered = list(ex.extract_many(items, threads=2, ordered=True))
    assert [d.url for d in ordered] == [url for _, url in items]
    by_url = {d.url: d.to_dict() for d in ordered}
    assert all(by_url[d.url] == d.to_dict() for d in unordered)


@pytest.mark.parametrize("ordered", [True, False])
def test_items_are_read_lazily_and_held_in_a_bounded_window(ordered):
    pulled = 0

    def items():
        nonlocal pulled
        for k in itertools.count():
            pulled += 1
            yield f"<article><p>Page {k} has a sentence of prose, long enough, with commas.</p></article>"

    ex = thresher.Extractor()
    got = 0
    for doc in ex.extract_many(items(), threads=2, ordered=ordered):
        got += 1
        assert doc.error is None
        assert pulled - got <= 16, "more items held than the window"
        if got == 5000:
            break
    assert got == 5000


def test_abandoning_the_iterator_stops_the_pool():
    ex = thresher.Extractor()
    pages = (f"<p>page {k}</p>" for k in range(10**9))
    it = ex.extract_many(pages, threads=2)
    assert next(it).error is None
    it.close()  # must return at once, not extract the rest
    assert list(ex.extract_many([], threads=2)) == []


def test_failures_carry_their_url_and_code_whatever_the_order():
    ex = thresher.Extractor(max_input_bytes=100)
    items = [("<p>" + "x" * (200 if k % 3 == 0 else 10) + "</p>", f"https://e.org/{k}") for k in range(30)]
    for ordered in (True, False):
        docs = {d.url: d for d in ex.extract_many(items, threads=2, ordered=ordered)}
        assert len(docs) == 30
        for k in range(30):
            d = docs[f"https://e.org/{k}"]
            assert (d.error or "").startswith("input_too_large") == (k % 3 == 0)


def test_bad_items_raise_before_any_work():
    ex = thresher.Extractor()
    with pytest.raises(TypeError, match="url must be str"):
        list(ex.extract_many([("<p>a</p>", 42)]))
    with pytest.raises(ValueError, match="items are html"):
        list(ex.extract_many([("<p>a</p>", None, None, None)]))
    with pytest.raises(ValueError, match="threads"):
        list(ex.extract_many([], threads=-1))
