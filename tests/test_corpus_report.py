"""The HTML report: self-contained, with charts, a sortable page table and
per-page diffs; rendered for real in headless Chromium when one is installed."""
from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from thresher.cli import main
from thresher.corpus.pages import Gold, Page, add_page
from thresher.corpus.report import render_report, word_diff_html
from thresher.corpus.runner import PageResult, thresher_metric
from thresher.corpus.scoring import Output, score_page


def _result(pid, gold_text, out_text, page_type="article", source="s", fields=None, out_fields=None):
    p = Page(
        id=pid,
        source=source,
        page_type=page_type,
        url=f"https://example.com/{pid}",
        gold=Gold(text=gold_text, with_=["alpha"], without=["<script>evil</script>"], fields=fields or {"title": "T"}),
        html_bytes=b"",
    )
    o = Output(text=out_text, fields=out_fields or {"title": "T"}, seconds=0.001)
    return PageResult(p, o, score_page(p, o, thresher_metric()))


@pytest.fixture
def results():
    return [
        _result("good", "alpha beta gamma", "alpha beta gamma", source="one"),
        _result("bad", "alpha beta gamma delta", "zeta <script>evil</script>", page_type="forum", source="two",
                out_fields={"title": "Wrong"}),
        _result("mid", "alpha beta\n\nsecond para", "alpha beta\n\nextra line", page_type="forum", source="one"),
        _result("nogold", None, "alpha only", source="two"),
    ]


def test_report_is_self_contained(results):
    html = render_report(results)
    assert html.startswith("<!DOCTYPE html>")
    # nothing loaded from elsewhere: no src/href to a URL, no stylesheet links, no CSS url()
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)
    assert "<link" not in html and "@import" not in html and "url(" not in html
    assert "<style>" in html and "<script>" in html
    # page text is escaped, never live markup
    assert "<script>evil</script>" not in html.replace("<script>(function", "")
    assert "&lt;script&gt;evil&lt;/script&gt;" in html


def test_report_has_charts_table_and_details(results):
    html = render_report(results)
    assert html.count("<svg") == 2 and 'id="chart-types"' in html and 'id="chart-sources"' in html
    assert html.count('class="bar"') == 4  # 2 page types + 2 sources
    table = re.search(r'<table id="pages" class="sortable">(.*?)</table>', html, re.S).group(1)
    assert table.count("<tr>") == 1 + 4
    for key in ("id", "f1", "with", "title", "ms"):
        assert f'data-key="{key}"' in table
    assert html.count("<details") == 4
    assert 'href="#p-good"' in html and 'id="p-good"' in html
    assert "No gold text; output:" in html


def test_word_diff_marks_missed_and_extra_words():
    d = word_diff_html("one two three\n\nsame para", "one TWO three\n\nsame para\n\nnew para")
    assert "<del>two</del>" in d and "<ins>TWO</ins>" in d
    assert "<ins>new para</ins>" in d
    assert "same para" in d and "<del>same" not in d
    long_same = "\n\n".join(f"p{i}" for i in range(20))
    d = word_diff_html(long_same, long_same)
    assert "16 identical paragraphs" in d
    assert word_diff_html("<b>", "<b>") .startswith("&lt;b&gt;")


def test_report_command_writes_file(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    add_page(corpus, b"<html><body><p>Hello world</p></body></html>", "https://x.example/1", page_id="one", gold={"text": "Hello world"})
    out = tmp_path / "r.html"

    def fake(html, url):
        return Output(text="Hello there world", fields={"title": "x"})

    code = main(["corpus", "report", str(out), "--corpus", str(corpus)], extract_factory=lambda: fake, metric_factory=thresher_metric)
    assert code == 0
    assert "wrote" in capsys.readouterr().out
    html = out.read_text()
    assert '<table id="pages"' in html and "<ins>there</ins>" in html


def _chromium():
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        path = shutil.which(name)
        if path:
            return path
    return None


@pytest.mark.skipif(_chromium() is None, reason="no chromium binary (CI installs Debian's chromium)")
def test_report_renders_and_sorts_in_headless_chromium(results, tmp_path):
    path = tmp_path / "report.html"
    path.write_text(render_report(results), encoding="utf-8")
    cmd = [_chromium(), "--headless", "--disable-gpu", "--no-sandbox", "--dump-dom", path.as_uri() + "#sort=-f1"]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    dom = proc.stdout
    assert proc.returncode == 0, proc.stderr[-2000:]
    # the script ran to the end and wired the table
    assert re.search(r'<body[^>]*data-ready="1"', dom), dom[:500]
    table = re.search(r'<table id="pages" class="sortable">(.*?)</table>', dom, re.S).group(1)
    assert 'data-key="f1" class="" data-dir="desc"' in table or re.search(r'data-key="f1"[^>]*data-dir="desc"', table)
    ids = re.findall(r'<a href="#p-(\w+)">', table)
    # sorted by F1 descending: good (1.0) > mid > bad (0.0) > nogold (no F1, last)
    assert ids == ["good", "mid", "bad", "nogold"], ids
    assert "<svg" in dom and "<details" in dom
