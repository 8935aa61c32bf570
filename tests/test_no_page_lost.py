"""No page lost: 10,000 mixed inputs (good, broken, binary, empty, over the
size limit, str and bytes) through Extractor.extract_many and through the CLI
give exactly one record per input, in order, with the right error for each
bad one; and the output for a page does not depend on the run, the thread
count or the order of the inputs."""
import gzip
import json
import random

import pytest

import thresher
from thresher.cli import main

N = 10_000
LIMIT = 4096
KINDS = ("good", "good_str", "broken", "pdf", "png", "gzip", "zip", "empty", "too_large",
         "bad_utf8", "nul", "deep")
ERROR_OF = {"pdf": "not_html", "png": "not_html", "gzip": "not_html", "zip": "not_html",
            "too_large": "input_too_large"}


def make_input(k):
    kind = KINDS[k % len(KINDS)]
    prose = (f"<article><h1>Page {k}</h1><p>Page {k} says something in prose, long enough, "
             f"with commas, and a full stop.</p></article>")
    data = {
        "good": lambda: f"<html><head><title>T{k}</title></head><body><nav><a href='/'>Home</a></nav>{prose}</body></html>".encode(),
        "good_str": lambda: f"<html><body>{prose}</body></html>",
        "broken": lambda: f"<div><p>Page {k} <b><i>unclosed <table><td>cell</div></span>&#xFFFFFFF; <!-- open".encode(),
        "pdf": lambda: b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj" + bytes(range(256)),
        "png": lambda: b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64),
        "gzip": lambda: gzip.compress(prose.encode()),
        "zip": lambda: b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(100),
        "empty": lambda: b"",
        "too_large": lambda: (prose * (LIMIT // len(prose) + 2)).encode(),
        "bad_utf8": lambda: f"<meta charset='utf-8'><p>Page {k} \xff\xfe\xc0\xaf broken bytes".encode("latin-1"),
        "nul": lambda: f"<p>Page {k}\x00 with NUL\x00 bytes</p>".encode(),
        "deep": lambda: ("<div>" * 300 + f"<p>Page {k} deep</p>" + "</div>" * 300).encode(),
    }[kind]()
    return kind, data, f"https://example.org/{kind}/{k}"


def check(kind, k, doc):
    expected_error = ERROR_OF.get(kind)
    if expected_error:
        assert doc.error is not None and doc.error.startswith(expected_error + ":"), (k, kind, doc.error)
        assert doc.text == ""
    else:
        assert doc.error is None, (k, kind, doc.error)
        if kind in ("good", "good_str"):
            assert f"Page {k} says something" in doc.text, (k, kind)
        if kind == "empty":
            assert doc.text == ""


@pytest.fixture(scope="module")
def inputs():
    return [make_input(k) for k in range(N)]


def test_extract_many_returns_one_record_per_input_in_order(inputs):
    ex = thresher.Extractor(max_input_bytes=LIMIT)
    docs = list(ex.extract_many(((data, url) for _, data, url in inputs), threads=2))
    assert len(docs) == N
    for k, ((kind, _, url), doc) in enumerate(zip(inputs, docs)):
        assert doc.url == url, f"record {k} is out of order"
        check(kind, k, doc)


def test_output_does_not_depend_on_threads_or_input_order(inputs):
    sample = inputs[:1200]
    ex = thresher.Extractor(max_input_bytes=LIMIT)
    one = {d.url: d.to_dict() for d in ex.extract_many([(d, u) for _, d, u in sample], threads=1)}
    shuffled = list(sample)
    random.Random(7).shuffle(shuffled)
    two = {d.url: d.to_dict() for d in ex.extract_many([(d, u) for _, d, u in shuffled], threads=2,
                                                        ordered=False)}
    again = {d.url: d.to_dict() for d in ex.extract_many([(d, u) for _, d, u in sample], threads=2)}
    assert one == two == again


def test_cli_returns_one_jsonl_record_per_file_in_order(inputs, tmp_path, capsys):
    root = tmp_path / "pages"
    root.mkdir()
    names = []
    for k, (kind, data, _) in enumerate(inputs):
        name = f"{k:05d}-{kind}.html"
        (root / name).write_bytes(data if isinstance(data, bytes) else data.encode())
        names.append(name)
    out = tmp_path / "out.jsonl"
    code = main(["extract", str(root), "-f", "jsonl", "-o", str(out), "--jobs", "2",
                 "--set", f"max_input_bytes={LIMIT}", "--no-progress"])
    err = capsys.readouterr().err
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(records) == N
    # The CLI opens gzip-compressed files (a saved .html.gz) before extracting.
    cli_errors = {kind: code for kind, code in ERROR_OF.items() if kind != "gzip"}
    failed = sum(1 for kind, _, _ in inputs if kind in cli_errors)
    assert code == 1 and f"{failed} pages failed" in err
    for k, ((kind, _, _), record) in enumerate(zip(inputs, records)):
        assert record["source"].endswith(names[k]), f"record {k} is out of order"
        expected_error = cli_errors.get(kind)
        if expected_error:
            assert (record["error"] or "").startswith(expected_error), (k, record["error"])
        else:
            assert record["error"] is None, (k, record["error"])
