"""The baseline: accept writes it deterministically; check fails on regressions
and on a baseline that claims more than its own outputs give."""
from __future__ import annotations

import gzip
import json
import re

import pytest

from thresher.cli import main
from thresher.corpus.baseline import (
    AGGREGATE_TOLERANCE,
    PAGE_F1_TOLERANCE,
    build_baseline,
    compare,
    format_baseline,
    load_baseline,
    outputs_path,
)
from thresher.corpus.pages import add_page, load_corpus
from thresher.corpus.runner import run_pages, thresher_metric
from thresher.corpus.scoring import Output

WORDS = [f"w{i}" for i in range(100)]
GOLD = {
    "a": " ".join(WORDS),
    "b": "The quick brown fox jumps over the lazy dog.\n\nA second paragraph about the dog.",
    "c": "Short page text with twenty words: one two three four five six seven eight nine ten eleven twelve thirteen",
}


class Fake:
    """An extractor whose output per URL the test controls."""

    def __init__(self):
        self.outputs = {
            "https://t.example/a": Output(text=" ".join(WORDS), fields={"title": "Page A", "author": "Ann Lee"}),
            "https://t.example/b": Output(text=GOLD["b"], fields={"title": "Page B", "date": "2024-03-04"}),
            "https://t.example/c": Output(text=GOLD["c"] + " Subscribe now", fields={"title": "Page C"}),
        }

    def __call__(self, html, url):
        o = self.outputs[url]
        return Output(text=o.text, fields=dict(o.fields), diagnostics={"fake": True})


@pytest.fixture
def corpus(tmp_path):
    root = tmp_path / "corpus"
    golds = {
        "a": {"text": GOLD["a"], "fields": {"title": "Page A", "author": "Ann Lee"}, "with": ["w1 w2"], "without": ["Menu"]},
        "b": {"text": GOLD["b"], "fields": {"title": "Page B", "date": "2024-03-04", "author": None}, "with": ["lazy dog"], "without": ["Cookie"]},
        "c": {"text": GOLD["c"], "fields": {"title": "Page C"}, "with": ["twenty words"], "without": ["Subscribe now", "Footer"]},
    }
    for pid, gold in golds.items():
        add_page(root, f"<html><body>{pid}</body></html>".encode(), f"https://t.example/{pid}", gold=gold, page_id=pid,
                 page_type="forum" if pid == "c" else "article")
    return root


@pytest.fixture
def fake():
    return Fake()


def cli(args, fake, capsys):
    code = main(args, extract_factory=lambda: fake, metric_factory=thresher_metric)
    out = capsys.readouterr().out
    return code, out


def accept(corpus, fake, capsys):
    code, out = cli(["corpus", "accept", "--corpus", str(corpus)], fake, capsys)
    assert code == 0, out
    return out


def check(corpus, fake, capsys, *extra):
    return cli(["corpus", "check", "--corpus", str(corpus), *extra], fake, capsys)


# ----------------------------------------------------------------------------- accept


def test_accept_writes_deterministic_reviewable_files(corpus, fake, capsys):
    accept(corpus, fake, capsys)
    bl = corpus / "baseline.json"
    outs = corpus / "baseline-outputs.jsonl.gz"
    first = (bl.read_bytes(), outs.read_bytes())
    accept(corpus, fake, capsys)
    assert (bl.read_bytes(), outs.read_bytes()) == first
    # gzip header: no file name flag, mtime 0
    raw = outs.read_bytes()
    assert raw[:2] == b"\x1f\x8b" and raw[3] & 0x08 == 0 and raw[4:8] == b"\0\0\0\0"
    text = bl.read_text()
    data = json.loads(text)
    assert sorted(data["pages"]) == ["a", "b", "c"]
    # one line per page, keys sorted, floats rounded to 4 places
    page_lines = [ln for ln in text.splitlines() if re.match(r'\s+"[abc]": \{', ln)]
    assert len(page_lines) == 3
    for ln in page_lines:
        keys = re.findall(r'"(\w+)": ', ln.split(": ", 1)[1])
        top = [k for k in keys if k in data["pages"]["a"]]
        assert top == sorted(top)
    for f in re.findall(r"\d+\.\d+", text):
        assert len(f.split(".")[1]) <= 4
    assert data["pages"]["c"]["f1"] == round(data["pages"]["c"]["f1"], 4)
    # stored outputs: sorted by id, text preserved
    lines = gzip.decompress(raw).decode().splitlines()
    assert [json.loads(ln)["id"] for ln in lines] == ["a", "b", "c"]
    assert json.loads(lines[0])["text"] == " ".join(WORDS)
    assert format_baseline(data) == text


def test_check_passes_when_nothing_changed(corpus, fake, capsys):
    accept(corpus, fake, capsys)
    code, out = check(corpus, fake, capsys)
    assert code == 0, out
    assert "OK" in out and "0 failing" in out


def test_check_without_baseline_is_a_usage_error(corpus, fake, capsys):
    code, out = check(corpus, fake, capsys)
    assert code == 2 and "accept" in out


# ----------------------------------------------------------------------------- regressions


def test_degraded_page_fails_with_diff(corpus, fake, capsys):
    accept(corpus, fake, capsys)
    fake.outputs["https://t.example/a"].text = " ".join(WORDS[:20]) + "\nNavigation menu junk"
    code, out = check(corpus, fake, capsys)
    assert code == 1, out
    assert re.search(r"^FAIL\s+a \(user/article\): F1 1\.000 -> 0\.3\d\d \(-0\.6\d\d, tolerance 0\.05\)", out, re.M), out
    assert "| --- baseline" in out and "| +++ now" in out
    assert "| +Navigation menu junk" in out
    assert "FAILED" in out
    # the aggregate for type:article dropped too
    assert re.search(r"FAIL\s+type:article\s+f1", out)


def test_small_change_within_tolerance_passes_but_is_listed(corpus, fake, capsys):
    accept(corpus, fake, capsys)
    # 1 extra word on page a's 100: F1 1.0 -> 0.995 (page tolerance 0.05); the
    # aggregates (2 article pages, 3 in all) move by < 0.003 (tolerance 0.005).
    fake.outputs["https://t.example/a"].text += " extra"
    code, out = check(corpus, fake, capsys)
    assert code == 0, out
    assert re.search(r"^changed\s+a ", out, re.M)
    assert "| +w0 w1" in out or "+++ now" in out
    assert "thresher corpus accept" in out


def test_aggregate_drop_beyond_tolerance_fails_even_if_pages_are_within(corpus, fake, capsys):
    accept(corpus, fake, capsys)
    # Page a loses 8 of 100 words: page F1 -0.042 (< 0.05), but all/article F1 drop > 0.005.
    fake.outputs["https://t.example/a"].text = " ".join(WORDS[8:])
    code, out = check(corpus, fake, capsys)
    assert code == 1, out
    assert not re.search(r"^FAIL\s+a ", out, re.M)
    assert re.search(r"FAIL\s+all\s+f1", out)
    assert re.search(r"FAIL\s+source:user\s+f1", out)


def test_leaking_boilerplate_raises_without_rate_and_fails(corpus, fake, capsys):
    accept(corpus, fake, capsys)
    fake.outputs["https://t.example/b"].text += "\n\nCookie"
    code, out = check(corpus, fake, capsys)
    assert code == 1, out
    # a leaks nothing, b now leaks Cookie, c leaks "Subscribe now": 1/4 -> 2/4
    assert re.search(r"FAIL\s+all\s+without\s+0\.2500 -> 0\.5000 \(\+0\.2500, tolerance 0\.005\) \(lower is better\)", out), out
    assert "without-snippets leaked 0/1 -> 1/1" in out


def test_must_have_field_going_wrong_fails(corpus, fake, capsys):
    accept(corpus, fake, capsys)
    fake.outputs["https://t.example/b"].fields["date"] = "2024-03-05"
    code, out = check(corpus, fake, capsys)
    assert code == 1, out
    assert re.search(r"^FAIL\s+b \(user/article\): date now wrong: '2024-03-05' \(was '2024-03-04', gold '2024-03-04'\)", out, re.M), out
    assert "| date: '2024-03-04' -> '2024-03-05'" in out


def test_gold_null_field_must_stay_absent(corpus, fake, capsys):
    accept(corpus, fake, capsys)
    fake.outputs["https://t.example/b"].fields["author"] = "Invented Person"
    code, out = check(corpus, fake, capsys)
    assert code == 1 and "author now wrong" in out


def test_extraction_error_fails(corpus, fake, capsys):
    accept(corpus, fake, capsys)

    def broken(html, url):
        if url.endswith("/c"):
            raise RuntimeError("crash")
        return fake(html, url)

    code, out = cli(["corpus", "check", "--corpus", str(corpus)], broken, capsys)
    assert code == 1 and "extraction error: RuntimeError: crash" in out


def test_improvement_is_reported_and_suggests_accept(corpus, fake, capsys):
    fake.outputs["https://t.example/a"].text = " ".join(WORDS[:20])
    fake.outputs["https://t.example/a"].fields["title"] = "Wrong"
    accept(corpus, fake, capsys)
    fake.outputs["https://t.example/a"].text = " ".join(WORDS)
    fake.outputs["https://t.example/a"].fields["title"] = "Page A"
    code, out = check(corpus, fake, capsys)
    assert code == 0, out
    assert re.search(r"^IMPROVED\s+a ", out, re.M) and "title now right" in out
    assert re.search(r"IMPROVED\s+all\s+f1", out)
    assert "run `thresher corpus accept`" in out


# ----------------------------------------------------------------------------- a baseline claiming too much


def _edit_baseline(corpus, fn):
    path = corpus / "baseline.json"
    data = json.loads(path.read_text())
    fn(data)
    path.write_text(format_baseline(data))


def test_hand_raised_page_score_fails(corpus, fake, capsys):
    fake.outputs["https://t.example/c"].text = GOLD["c"] + " Subscribe now and more noise words here"
    accept(corpus, fake, capsys)
    # +0.03 is within the per-page tolerance, but the stored output does not give it
    _edit_baseline(corpus, lambda d: d["pages"]["c"].__setitem__("f1", round(d["pages"]["c"]["f1"] + 0.03, 4)))
    code, out = check(corpus, fake, capsys)
    assert code == 1, out
    assert "INCONSISTENT page c: baseline claims f1" in out


def test_hand_raised_aggregate_fails(corpus, fake, capsys):
    accept(corpus, fake, capsys)
    _edit_baseline(corpus, lambda d: d["aggregates"]["type:forum"].__setitem__("without", 0.0))
    code, out = check(corpus, fake, capsys)
    assert code == 1, out
    assert "INCONSISTENT aggregate type:forum without" in out


def test_hand_raised_field_and_snippets_fail(corpus, fake, capsys):
    fake.outputs["https://t.example/c"].fields["title"] = "Not C"
    accept(corpus, fake, capsys)

    def edit(d):
        d["pages"]["c"]["fields"]["title"] = True
        d["pages"]["c"]["without"] = [0, 2]
        d["aggregates"] = build_agg(d)

    def build_agg(d):
        from thresher.corpus.baseline import baseline_aggregates

        return baseline_aggregates(d["pages"])  # a careful forger also fixes the aggregates

    _edit_baseline(corpus, edit)
    code, out = check(corpus, fake, capsys)
    assert code == 1, out
    assert "INCONSISTENT page c: baseline claims without [0, 2]" in out
    assert "INCONSISTENT page c: baseline claims fields" in out


def test_tampered_hash_or_missing_outputs_fail(corpus, fake, capsys):
    accept(corpus, fake, capsys)
    _edit_baseline(corpus, lambda d: d["pages"]["a"].__setitem__("text_sha", "0" * 16))
    code, out = check(corpus, fake, capsys)
    assert code == 1 and "stored output does not match the stored hashes" in out
    accept(corpus, fake, capsys)
    outputs_path(corpus / "baseline.json").unlink()
    code, out = check(corpus, fake, capsys)
    assert code == 1 and "stored outputs file is missing" in out


# ----------------------------------------------------------------------------- corpus changes


def test_added_page_needs_accept_and_partial_check(corpus, fake, capsys, tmp_path):
    accept(corpus, fake, capsys)
    html = tmp_path / "new.html"
    html.write_text("<html><body><p>New page</p></body></html>")
    code, out = cli(["corpus", "add", str(html), "--url", "https://t.example/d", "--id", "d", "--corpus", str(corpus)], fake, capsys)
    assert code == 0, out
    fake.outputs["https://t.example/d"] = Output(text="New page")
    code, out = check(corpus, fake, capsys)
    assert code == 1 and re.search(r"^NEW\s+d ", out, re.M) and "out of date" in out
    # a partial check does not complain about pages it did not run
    code, out = check(corpus, fake, capsys, "--limit", "2")
    assert code == 0, out
    assert "partial run" in out
    accept(corpus, fake, capsys)
    code, out = check(corpus, fake, capsys)
    assert code == 0, out


def test_partial_accept_keeps_other_pages(corpus, fake, capsys):
    accept(corpus, fake, capsys)
    before = json.loads((corpus / "baseline.json").read_text())
    fake.outputs["https://t.example/a"].text = "changed"
    fake.outputs["https://t.example/c"].text = "changed"
    code, out = cli(["corpus", "accept", "--corpus", str(corpus), "--type", "forum"], fake, capsys)
    assert code == 0
    after = json.loads((corpus / "baseline.json").read_text())
    assert after["pages"]["a"] == before["pages"]["a"]
    assert after["pages"]["c"] != before["pages"]["c"]
    _, stored = load_baseline(corpus / "baseline.json")
    assert stored["a"].text == " ".join(WORDS) and stored["c"].text == "changed"


def test_edited_gold_is_reported_not_inconsistent(corpus, fake, capsys):
    accept(corpus, fake, capsys)
    exp = corpus / "pages" / "c" / "expected.json"
    gold = json.loads(exp.read_text())
    gold["with"].append("thirteen")
    exp.write_text(json.dumps(gold))
    code, out = check(corpus, fake, capsys)
    assert "INCONSISTENT" not in out
    assert "gold changed since the baseline" in out
    assert code == 0, out  # still found: with 2/2 vs 1/1, no drop


def test_compare_api_directly(corpus, fake):
    metric = thresher_metric()
    _, pages = load_corpus(corpus)
    results = run_pages(pages, fake, metric, workers=1)
    baseline, records = build_baseline(results)
    from thresher.corpus.outputs import read_outputs, write_outputs

    write_outputs(corpus / "o.jsonl.gz", records)
    stored = read_outputs(corpus / "o.jsonl.gz")
    assert compare(baseline, stored, results, metric).ok
    fake.outputs["https://t.example/b"].text = "nothing"
    worse = run_pages(pages, fake, metric, workers=1)
    report = compare(baseline, stored, worse, metric)
    assert not report.ok
    assert [p.id for p in report.failing_pages] == ["b"]
    assert PAGE_F1_TOLERANCE == 0.05 and AGGREGATE_TOLERANCE["f1"] == 0.005
