"""bench/compare.py and bench/peer_runner.py: their pure parts, and a thresher-only
end-to-end run (no venv, a second or two). The run with the peers creates a
virtual environment from PyPI: it is marked slow and skipped unless
THRESHER_BENCH_SLOW=1."""

from __future__ import annotations

import gzip
import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
BENCH = REPO / "bench"


def _load(name: str):
    spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCH / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


compare = _load("compare")
runner = _load("peer_runner")

SENTENCE = "The cat sat on the mat, and then it slept for a long while in the sun."
ARTICLE = (b"<html><head><title>Cats</title></head><body><nav><a href=/>Home</a>"
           b"<a href=/b>Blog</a></nav><article><h1>Cats</h1>"
           + f"<p>{SENTENCE}</p>".encode() * 6
           + b"</article><footer>Copyright 2026</footer></body></html>")


def _gz(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(gzip.compress(data))


def make_stored(root: Path) -> Path:
    """A stored corpus of three pages; the last one has no gold text."""
    entries = [("a-1", "the cat sat"), ("a-2", "a dog ran"), ("a-3", None)]
    with open(root / "manifest.jsonl", "w", encoding="utf-8") as f:
        for pid, text in entries:
            f.write(json.dumps({"id": pid, "source": "test", "page_type": "article",
                                "url": f"https://example.com/{pid}"}) + "\n")
            pdir = root / "pages" / pid
            _gz(pdir / "page.html.gz", ARTICLE)
            expected = {"fields": {}, "text": text} if text else {"fields": {"title": "x"}}
            (pdir / "expected.json").write_text(json.dumps(expected), encoding="utf-8")
            (pdir / "meta.json").write_text(json.dumps({"id": pid}), encoding="utf-8")
    return root


def make_wcxb(root: Path, n: int = 3) -> Path:
    for i in range(1, n + 1):
        fid = f"{i:04d}"
        _gz(root / "html" / f"{fid}.html.gz", ARTICLE)
        gt = {"file_id": fid, "url": f"https://example.com/{fid}",
              "ground_truth": {"main_content": "\n\n".join([SENTENCE] * 6)}}
        (root / "ground-truth").mkdir(parents=True, exist_ok=True)
        (root / "ground-truth" / f"{fid}.json").write_text(json.dumps(gt), encoding="utf-8")
    return root


# ----------------------------------------------------------------- pages


def test_load_pages_stored_keeps_only_gold_text(tmp_path):
    layout, pages = compare.load_pages(make_stored(tmp_path))
    assert layout == "stored"
    assert [p.id for p in pages] == ["a-1", "a-2"]
    assert pages[0].html == ARTICLE
    assert pages[0].gold == "the cat sat"
    assert pages[0].url == "https://example.com/a-1"


def test_load_pages_wcxb_and_limit(tmp_path):
    layout, pages = compare.load_pages(make_wcxb(tmp_path, 3), limit=2)
    assert layout == "wcxb"
    assert [p.id for p in pages] == ["wcxb-0001", "wcxb-0002"]
    assert pages[0].gold.startswith("The cat sat")
    assert compare.load_pages(tmp_path, limit=0)[1] == []


def test_bundle_round_trip(tmp_path):
    pages = [compare.BenchPage("x", b"<p>one</p>", "one", "https://e.com/x"),
             compare.BenchPage("y", "<p>d\u00e9j\u00e0</p>".encode("utf-8"), "deja", None)]
    loaded = runner.load_bundle(compare.write_bundle(pages, tmp_path / "b"))
    assert [(e["id"], e["html"], e["url"]) for e in loaded] == [
        ("x", b"<p>one</p>", "https://e.com/x"), ("y", pages[1].html, None)]


def test_decode_html_for_str_tools():
    assert runner.decode_html("d\u00e9j\u00e0".encode("utf-8")) == "d\u00e9j\u00e0"
    latin = '<meta charset="iso-8859-1"><p>d\u00e9j\u00e0'.encode("latin-1")
    assert runner.decode_html(latin).endswith("d\u00e9j\u00e0")
    assert runner.decode_html(b"caf\xe9 \xff") == "caf\u00e9 \u00ff"  # cp1252 fallback


def test_readability_fragment_keeps_paragraph_words_apart():
    pytest.importorskip("lxml")
    text = runner._html_fragment_to_text("<div><p>end</p><p>Start <b>bold</b></p></div>")
    assert text.split() == ["end", "Start", "bold"]


# ----------------------------------------------------------------- scoring


def test_read_outputs(tmp_path):
    path = tmp_path / "t.jsonl"
    path.write_text('{"id": "a", "text": "x", "error": null}\n\n'
                    '{"id": "b", "text": "", "error": "boom"}\n', encoding="utf-8")
    out = compare.read_outputs(path)
    assert out["a"]["text"] == "x" and out["b"]["error"] == "boom"


def test_score_outputs_means_and_missing_pages():
    pages = [compare.BenchPage("a", b"", "gold a"), compare.BenchPage("b", b"", "gold b"),
             compare.BenchPage("c", b"", "gold c")]
    calls = []

    def prf(candidate, gold):
        calls.append((candidate, gold))
        return (1.0, 0.5, 0.6) if candidate else (0.0, 0.0, 0.0)

    scores = compare.score_outputs({"a": {"text": "x"}, "b": {"text": "y", "error": None}},
                                   pages, prf=prf)
    assert calls == [("x", "gold a"), ("y", "gold b"), ("", "gold c")]  # candidate first
    assert scores["scored"] == 3
    assert scores["mean_p"] == pytest.approx(2 / 3)
    assert scores["mean_r"] == pytest.approx(1 / 3)
    assert scores["mean_f1"] == pytest.approx(0.4)
    assert compare.score_outputs({}, [], prf=prf)["mean_f1"] == 0.0


def test_score_outputs_uses_the_corpus_metric():
    pages = [compare.BenchPage("a", b"", "the cat sat")]
    scores = compare.score_outputs({"a": {"text": "the cat"}}, pages)
    assert scores["mean_p"] == pytest.approx(1.0)
    assert scores["mean_r"] == pytest.approx(2 / 3)
    assert scores["mean_f1"] == pytest.approx(0.8)


def _stats(tool, cpu, pages=10, nbytes=5_000_000, rss_kb=51_200):
    return {"tool": tool, "version": "1.0", "pages": pages, "bytes": nbytes, "errors": 0,
            "cpu_seconds": cpu, "wall_seconds": cpu, "peak_rss_kb": rss_kb}


def test_rows_and_ratios():
    scores = {"mean_p": 0.9, "mean_r": 0.8, "mean_f1": 0.85, "scored": 10}
    rows = compare.add_ratios([compare.make_row(_stats("thresher", 0.1), scores),
                               compare.make_row(_stats("slowpoke", 2.0), scores),
                               compare.make_row(_stats("broken", 0.0), scores)])
    assert rows[0]["pages_per_s"] == pytest.approx(100.0)
    assert rows[0]["mb_per_s"] == pytest.approx(50.0)
    assert rows[0]["peak_rss_mb"] == pytest.approx(50.0)
    assert rows[0]["thresher_x"] == pytest.approx(1.0)
    assert rows[1]["thresher_x"] == pytest.approx(20.0)
    assert rows[2]["pages_per_s"] == 0.0 and rows[2]["thresher_x"] is None
    # Without a thresher row there is no ratio.
    assert compare.add_ratios([compare.make_row(_stats("x", 1.0), scores)])[0]["thresher_x"] is None


def test_format_table_plain_and_markdown():
    scores = {"mean_p": 0.9, "mean_r": 0.8, "mean_f1": 0.85, "scored": 10}
    rows = compare.add_ratios([compare.make_row(_stats("thresher", 0.1), scores),
                               compare.make_row(_stats("trafilatura", 1.5), scores)])
    rows[1]["version"] = None
    text = compare.format_table(rows)
    lines = text.splitlines()
    assert lines[0].split()[:4] == ["tool", "version", "pages", "errors"]
    assert set(lines[1].replace(" ", "")) == {"-"}
    assert lines[2].split() == ["thresher", "1.0", "10", "0", "100.0", "50.00", "50", "50",
                                "0.900", "0.800", "0.850", "1.0x"]
    assert lines[3].split()[:2] == ["trafilatura", "-"] and lines[3].endswith("15.0x")
    assert len({len(line) for line in lines[:2]}) == 1  # header and rule aligned
    md = compare.format_table(rows, markdown=True).splitlines()
    assert md[0].startswith("| tool | version |") and md[1].startswith("|---|---|---:")
    assert md[2].startswith("| thresher | 1.0 | 10 | 0 | 100.0 |")
    assert compare.format_table([]).splitlines()[0].startswith("tool")


def test_unseen_column_only_when_present():
    scores = {"mean_p": 0.9, "mean_r": 0.8, "mean_f1": 0.85, "scored": 10}
    rows = compare.add_ratios([compare.make_row(_stats("thresher", 0.1), scores)])
    assert "F1 unseen" not in compare.format_table(rows)
    rows[0]["mean_f1_unseen"] = 0.5
    header, _, line = compare.format_table(rows).splitlines()
    assert "F1 unseen" in header and "0.500" in line.split()


def test_unseen_pages_and_stored_ids(tmp_path):
    make_stored(tmp_path)
    assert compare.stored_corpus_ids(tmp_path) == {"a-1", "a-2", "a-3"}
    assert compare.stored_corpus_ids(tmp_path / "nowhere") == set()
    _, pages = compare.load_pages(make_wcxb(tmp_path / "w", 3))
    assert pages[1].keys == ("0002", "wcxb-0002")
    seen = {"wcxb-0001", "0003"}  # own id or the id in the source data set
    assert [p.id for p in compare.unseen_pages(pages, seen)] == ["wcxb-0002"]


def test_run_notes():
    outputs = {"a": {"text": "", "error": "ValueError: bad"}, "b": {"text": "x", "error": None}}
    notes = compare.run_notes("t", {"network_attempts": 3}, outputs)
    assert notes == ["t: 1 page(s) failed, first: ValueError: bad",
                     "t: tried to reach the network 3 time(s) (refused; extraction is offline)"]
    assert compare.run_notes("t", {}, {"b": {"text": "x"}}) == []


def test_parse_tools():
    assert compare.parse_tools(None) == compare.TOOLS
    assert compare.parse_tools("goose3,thresher, readability-lxml") == [
        "thresher", "readability", "goose"]
    with pytest.raises(SystemExit):
        compare.parse_tools("nope")


def test_venv_stamp_is_reused_without_pip(tmp_path):
    """A stamp matching the pins is the whole cache check: nothing is run."""
    venv = tmp_path / "venv"
    venv.mkdir()
    status = {"trafilatura": {"ok": True, "version": "2.3.1"}, "_chart": {"ok": True}}
    import platform
    (venv / compare.STAMP_NAME).write_text(json.dumps({
        "python": platform.python_version(),
        "specs": [*compare.PEERS.values(), *compare.COMMON], "status": status}))
    assert compare.ensure_venv(venv, log=lambda *a: pytest.fail("should not install")) == status


# ----------------------------------------------------------------- end to end


def test_thresher_only_run(tmp_path, capsys):
    pytest.importorskip("thresher")
    corpus = make_wcxb(tmp_path / "wcxb", 2)
    out = tmp_path / "out"
    rc = compare.main(["--pages", str(corpus), "--tools", "thresher", "--no-chart",
                       "--out", str(out), "--venv", str(tmp_path / "no-venv")])
    assert rc == 0
    assert not (tmp_path / "no-venv").exists()
    printed = capsys.readouterr().out
    assert "thresher" in printed and "pages/s" in printed
    results = json.loads((out / "results.json").read_text())
    (row,) = results["rows"]
    assert row["tool"] == "thresher" and row["pages"] == 2 and row["errors"] == 0
    assert row["pages_per_s"] > 0 and row["peak_rss_mb"] > 0
    assert row["mean_f1"] > 0.9  # the article text is the gold
    texts = [json.loads(line) for line in (out / "thresher.jsonl").read_text().splitlines()]
    assert [t["id"] for t in texts] == ["wcxb-0001", "wcxb-0002"]
    assert "cat sat on the mat" in texts[0]["text"]


@pytest.mark.slow
@pytest.mark.skipif(not os.environ.get("THRESHER_BENCH_SLOW"),
                    reason="creates the peers' venv from PyPI; set THRESHER_BENCH_SLOW=1")
def test_full_compare_with_peers(tmp_path):
    corpus = make_wcxb(tmp_path / "wcxb", 3)
    out = tmp_path / "out"
    proc = subprocess.run([sys.executable, str(BENCH / "compare.py"), "--pages", str(corpus),
                           "--out", str(out)], capture_output=True, text=True, timeout=1800)
    assert proc.returncode == 0, proc.stderr
    results = json.loads((out / "results.json").read_text())
    assert {r["tool"] for r in results["rows"]} >= {"thresher", "trafilatura", "resiliparse"}
    assert (out / "chart.png").stat().st_size > 1000
