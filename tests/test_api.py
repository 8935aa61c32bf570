"""The Python surface on the seed page: fields, text, errors, options."""
import gzip
import json
import pathlib
import threading

import pytest

import thresher

ROOT = pathlib.Path(__file__).resolve().parent.parent
SEED = ROOT / "corpus" / "pages" / "seed-almayadeen-zakharova"


def seed():
    html = gzip.decompress((SEED / "page.html.gz").read_bytes())
    gold = json.loads((SEED / "expected.json").read_text(encoding="utf-8"))
    return html, gold


def norm(s):
    return " ".join(s.split())


def test_seed_fields_and_text():
    html, gold = seed()
    doc = thresher.bare_extraction(html, gold["url"])
    for name, value in gold["fields"].items():
        assert getattr(doc, name) == value, name
    text = norm(doc.text)
    pos = 0
    for para in gold["with"]:
        at = text.find(norm(para), pos)
        assert at >= 0, para
        pos = at + len(norm(para))
    for bad in gold["without"]:
        assert bad not in doc.text


def test_str_and_bytes_agree():
    html, gold = seed()
    assert thresher.extract(html) == thresher.extract(html.decode("utf-8"))


def test_document_to_dict_is_json():
    html, _ = seed()
    d = thresher.bare_extraction(html).to_dict()
    json.dumps(d)
    assert d["date"] == "2023-03-02"
    assert "container" in d["diagnostics"]


def test_absent_fields_are_none():
    doc = thresher.bare_extraction("<html><body><p>Just a line.</p></body></html>")
    assert doc.author is None and doc.date is None and doc.title is None
    assert doc.tags == []


def test_unknown_option_is_a_type_error():
    with pytest.raises(TypeError, match="unknown option"):
        thresher.Extractor(no_such_option=True)


def test_input_limit_raises_a_thresher_error():
    with pytest.raises(thresher.InputTooLargeError, match="max_input_bytes"):
        thresher.extract("<p>" + "x" * 100 + "</p>", max_input_bytes=10)
    assert issubclass(thresher.InputTooLargeError, thresher.ThresherError)


def test_non_string_input_is_rejected():
    with pytest.raises(TypeError):
        thresher.extract(12345)


def test_option_defaults_come_from_cpp():
    assert thresher.OPTION_DEFAULTS["max_input_bytes"] == 64 << 20
    assert thresher.Extractor().options["include_tables"] is True


def test_extractor_is_shared_across_threads():
    html, _ = seed()
    ex = thresher.Extractor()
    expected = ex.extract(html).text
    results = []

    def work():
        for _ in range(5):
            results.append(ex.extract(html).text)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [expected] * 20


def test_metric_matches_shared_cases():
    cases = json.loads((ROOT / "tests" / "data" / "metric_cases.json").read_text(encoding="utf-8"))
    for c in cases:
        p, r, f = thresher.word_prf(c["candidate"], c["gold"])
        assert (p, r, f) == pytest.approx((c["precision"], c["recall"], c["f1"])), c["name"]


def test_output_formats():
    html, _ = seed()
    md = thresher.extract(html, output_format="markdown")
    assert md.startswith("## ") and "Russian Foreign Ministry Spokesperson Maria" in md
    h = thresher.extract(html, output_format="html")
    assert h.startswith("<div>") and "<p>Russian Foreign Ministry" in h
    record = json.loads(thresher.extract(html, output_format="json"))
    assert record["date"] == "2023-03-02" and record["text"].startswith("The Russian")
    bare = json.loads(thresher.extract(html, output_format="json", with_metadata=False))
    assert set(bare) == {"text", "comments"}
    with pytest.raises(ValueError, match="output_format"):
        thresher.extract(html, output_format="pdf")


def test_markdown_links_and_images_on_request():
    page = ("<body><article><p>Read <a href='https://x.org/a'>this page</a> now, it is long enough "
            "to be prose, really it is.</p><p><img src='/i.png' alt='a cat'> and more prose text, "
            "with commas, here.</p></article></body>")
    plain = thresher.extract(page, output_format="markdown")
    assert "](" not in plain
    rich = thresher.extract(page, output_format="markdown", include_links=True, include_images=True)
    assert "[this page](https://x.org/a)" in rich and "![a cat](/i.png)" in rich


def test_extract_many_keeps_order_and_reports_failures():
    ex = thresher.Extractor(max_input_bytes=300)
    items = []
    for k in range(50):
        if k % 9 == 4:
            items.append(("<p>" + "x" * 400 + "</p>", f"https://e.org/{k}"))
        else:
            items.append((f"<article><p>Page {k} has a sentence of prose, long enough, with commas.</p></article>",
                          f"https://e.org/{k}"))
    for threads in (1, 2, 0):
        docs = list(ex.extract_many(iter(items), threads=threads))
        assert len(docs) == len(items)
        for k, d in enumerate(docs):
            assert d.url == f"https://e.org/{k}"
            if k % 9 == 4:
                assert d.error.startswith("input_too_large") and d.text == ""
            else:
                assert d.error is None and f"Page {k} " in d.text


def test_extract_many_accepts_plain_html_and_triples():
    ex = thresher.Extractor()
    docs = list(ex.extract_many(["<p>a</p>", (b"<p>b</p>",), ("<p>c</p>", None, "utf-8")]))
    assert len(docs) == 3 and all(d.error is None for d in docs)
    with pytest.raises(TypeError):
        list(ex.extract_many([42]))


def test_extract_many_is_deterministic_across_thread_counts():
    pages = [gzip.decompress(p.read_bytes()) for p in sorted((ROOT / "corpus" / "pages").glob("wcxb-00*/page.html.gz"))[:24]]
    ex = thresher.Extractor()
    one = [d.to_dict() for d in ex.extract_many(pages, threads=1)]
    two = [d.to_dict() for d in ex.extract_many(pages, threads=2)]
    assert one == two
