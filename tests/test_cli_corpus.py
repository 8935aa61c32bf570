"""`thresher corpus ...` end to end: run, score, score-outputs, show, add, and the
layout auto-detection; plus `python -m thresher` and the real extractor."""
from __future__ import annotations

import gzip
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from thresher.cli import main
from thresher.corpus.pages import add_page, load_corpus
from thresher.corpus.runner import thresher_metric
from thresher.corpus.scoring import Output

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"

ARTICLE = """<!DOCTYPE html><html lang="en"><head><title>Rain falls on the plain | Weather Daily</title>
<meta name="author" content="Ann Lee"></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Rain falls on the plain</h1>
<p>Heavy rain fell across the plain on Monday, flooding several roads and closing two schools for the day.</p>
<p>Forecasters expect the weather to clear by Wednesday, although more showers are possible later in the week.</p>
<p>Residents were advised to avoid low-lying areas and to check local announcements before travelling.</p>
</article><footer>Copyright Weather Daily. Subscribe to our newsletter.</footer></body></html>"""
ARTICLE_TEXT = (
    "Heavy rain fell across the plain on Monday, flooding several roads and closing two schools for the day.\n\n"
    "Forecasters expect the weather to clear by Wednesday, although more showers are possible later in the week.\n\n"
    "Residents were advised to avoid low-lying areas and to check local announcements before travelling."
)


def fake_extract(html, url):
    """Stand-in extractor: text = every <p>, title = <title>."""
    s = html.decode("utf-8", "replace")
    paras = re.findall(r"<p>(.*?)</p>", s, re.S)
    title = re.search(r"<title>(.*?)</title>", s)
    return Output(
        text="\n\n".join(paras),
        fields={"title": title.group(1) if title else None, "author": None, "language": "en"},
        diagnostics={"container": "body > article", "rules_fired": ["nav: body > nav"]},
    )


def run(args, capsys, extract=fake_extract):
    code = main(args, extract_factory=lambda: extract, metric_factory=thresher_metric)
    cap = capsys.readouterr()
    return code, cap.out, cap.err


@pytest.fixture
def corpus(tmp_path):
    root = tmp_path / "corpus"
    add_page(root, ARTICLE.encode(), "https://weather.example/rain", page_id="seed-rain", page_type="article",
             gold={"text": ARTICLE_TEXT, "with": ["flooding several roads"], "without": ["Subscribe to our newsletter"],
                   "fields": {"title": "Rain falls on the plain", "author": "Ann Lee", "language": "en"}})
    add_page(root, b"<html><body><p>Second page</p><p>line two</p><p>line three</p><p>line four</p></body></html>",
             "https://other.example/2", page_id="second", page_type="forum", gold={"text": "Second page line two"})
    add_page(root, b"<html><body><div>nothing in paragraphs</div></body></html>", "https://other.example/3", page_id="third",
             page_type="forum", gold={"with": ["nothing"], "fields": {"title": None}})
    return root


# ----------------------------------------------------------------------------- run


def test_run_prints_each_page_in_manifest_order_and_a_summary(corpus, capsys):
    code, out, _ = run(["corpus", "run", "--corpus", str(corpus)], capsys)
    assert code == 0
    heads = re.findall(r"^(\S+)  \[user/(\w+)\]", out, re.M)
    assert heads == [("seed-rain", "article"), ("second", "forum"), ("third", "forum")]
    block = out.split("second  [")[0]
    assert "title:  Rain falls on the plain | Weather Daily" in block
    assert "date:   -   author: -" in block
    assert "  | Heavy rain fell across the plain" in block
    second = out.split("second  [")[1].split("third  [")[0]
    assert second.count("  | ") == 3  # first 3 lines only
    assert "  | (no text)" in out.split("third  [")[1]
    summary = out.strip().splitlines()[-1]
    assert re.match(r"3 pages \| mean F1 \d\.\d{3} over 2 with gold text \| with 0\.500 \(2 snippets\) \| "
                    r"without 0\.000 \(1, lower is better\) \| \d+\.\d\d s \| [\d.]+ pages/s$", summary), summary


def test_run_truncates_long_lines_and_respects_limit(tmp_path, capsys):
    root = tmp_path / "c"
    add_page(root, ("<p>" + "word " * 100 + "</p>").encode(), "https://x.example/long", page_id="long")
    add_page(root, b"<p>b</p>", "https://x.example/b", page_id="b")
    code, out, _ = run(["corpus", "run", "--corpus", str(root), "--limit", "1"], capsys)
    assert code == 0
    line = [ln for ln in out.splitlines() if ln.startswith("  | ")][0]
    assert len(line) <= 4 + 100 and line.endswith("\u2026")
    assert "b  [" not in out and out.strip().splitlines()[-1].startswith("1 pages")


# ----------------------------------------------------------------------------- score


def test_score_tables_filters_and_json(corpus, capsys, tmp_path):
    js = tmp_path / "s.json"
    code, out, _ = run(["corpus", "score", "--corpus", str(corpus), "--json", str(js)], capsys)
    assert code == 0
    assert re.search(r"^source\s+pages\s+gold\s+P\s+R\s+F1\s+with\s+w/o\s+title\s+author\s+date\s+site\s+lang\s+type\s+err", out, re.M)
    assert re.search(r"^user\s+3\s+2\s", out, re.M)
    assert re.search(r"^forum\s+2\s+1\s", out, re.M)
    assert re.search(r"^title\s+2\s+0\.500\s+1\s+0\.000\s+1\s+1\.000", out, re.M)  # present wrong ('| Weather Daily'), null right
    data = json.loads(js.read_text())
    assert data["aggregates"]["all"]["pages"] == 3
    assert data["pages"]["seed-rain"]["f1"] == 1.0
    assert data["pages"]["seed-rain"]["without"] == [0, 1]
    code, out, _ = run(["corpus", "score", "--corpus", str(corpus), "--type", "forum", "--json", str(js)], capsys)
    assert sorted(json.loads(js.read_text())["pages"]) == ["second", "third"]
    run(["corpus", "score", "--corpus", str(corpus), "--source", "nobody", "--json", str(js)], capsys)
    assert json.loads(js.read_text())["pages"] == {}


def test_score_outputs_matches_ids_and_reports_gaps(tmp_path, capsys):
    wcxb = tmp_path / "wcxb"
    (wcxb / "ground-truth").mkdir(parents=True)
    (wcxb / "html").mkdir()
    for fid, text in (("0001", "red green blue"), ("0002", "one two three four")):
        gt = {"url": f"https://w.example/{fid}", "file_id": fid,
              "ground_truth": {"title": f"T{fid}", "author": None, "publish_date": None, "main_content": text,
                               "with": [text.split()[0]], "without": ["menu"]}}
        (wcxb / "ground-truth" / f"{fid}.json").write_text(json.dumps(gt))
        (wcxb / "html" / f"{fid}.html.gz").write_bytes(gzip.compress(b"<p>x</p>"))
    (wcxb / "metadata.json").write_text(json.dumps({"files": {"0001": {"page_type": "article"}, "0002": {"page_type": "product"}}}))
    outs = tmp_path / "peer.jsonl"
    outs.write_text("\n".join(json.dumps(r) for r in [
        {"id": "0001", "text": "red green blue menu", "title": "T0001", "author": None, "date": None},
        {"id": "9999", "text": "stray"},
    ]) + "\n")
    js = tmp_path / "o.json"
    code, out, _ = run(["corpus", "score-outputs", str(outs), "--corpus", str(wcxb), "--json", str(js)], capsys)
    assert code == 0
    assert "1 selected pages have no output record (not scored)" in out
    assert "1 output records match no corpus page" in out
    data = json.loads(js.read_text())
    assert list(data["pages"]) == ["wcxb-0001"]
    assert data["pages"]["wcxb-0001"]["f1"] == pytest.approx(0.8571, abs=1e-4)  # 3 of 4 words / all 3 gold
    assert data["pages"]["wcxb-0001"]["fields"] == {"author": True, "date": True, "title": True, "page_type": False}
    code, out, _ = run(["corpus", "score-outputs", str(outs), "--corpus", str(wcxb), "--missing-as-empty", "--json", str(js)], capsys)
    assert json.loads(js.read_text())["aggregates"]["all"]["f1"] == pytest.approx(0.8571 / 2, abs=1e-4)


def test_layout_autodetect_for_readability_parent(tmp_path, capsys):
    case = tmp_path / "rdb" / "test-pages" / "001"
    case.mkdir(parents=True)
    (case / "source.html.gz").write_bytes(gzip.compress(b"<html><body><p>Hello world</p></body></html>"))
    (case / "expected.html").write_text("<div><p>Hello world</p></div>")
    (case / "expected-metadata.json").write_text(json.dumps({"title": "Hello", "byline": None}))
    code, out, _ = run(["corpus", "score", "--corpus", str(tmp_path / "rdb")], capsys)
    assert code == 0 and re.search(r"^readability\s+1\s+1\s+1\.000\s+1\.000\s+1\.000", out, re.M), out


def test_unknown_layout_is_a_clean_error(tmp_path, capsys):
    code, out, err = run(["corpus", "score", "--corpus", str(tmp_path)], capsys)
    assert code == 2 and "unknown corpus layout" in err


# ----------------------------------------------------------------------------- show


def test_show_prints_fields_text_gold_and_diagnostics(corpus, capsys):
    code, out, _ = run(["corpus", "show", "seed-rain", "--corpus", str(corpus), "--diff"], capsys)
    assert code == 0
    assert out.startswith("seed-rain  [user/article]  https://weather.example/rain")
    assert re.search(r"^title\s+Rain falls on the plain\s+Rain falls on the plain \| Weather Daily\s+WRONG$", out, re.M)
    assert re.search(r"^author\s+Ann Lee\s+None\s+WRONG$", out, re.M)
    assert re.search(r"^language\s+en\s+en\s+ok$", out, re.M)
    assert re.search(r"^date\s+\(not annotated\)\s+None$", out, re.M)
    assert "text: P 1.000  R 1.000  F1 1.000" in out
    assert "with    found    flooding several roads" in out
    assert "without absent   Subscribe to our newsletter" in out
    assert "--- extracted text (5 lines" in out and "--- gold text (5 lines" in out
    assert '"container": "body > article"' in out
    code, out, err = run(["corpus", "show", "nope", "--corpus", str(corpus)], capsys)
    assert code == 2 and "no page 'nope'" in err


# ----------------------------------------------------------------------------- add


def test_add_stores_page_and_appends_manifest(tmp_path, capsys):
    root = tmp_path / "corpus"
    add_page(root, b"<p>first</p>", "https://x.example/first", page_id="first")
    html = tmp_path / "mine.html"
    html.write_bytes(ARTICLE.encode())
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps({"text": ARTICLE_TEXT, "title": "Rain falls on the plain", "with": ["closing two schools"]}))
    code, out, _ = run(["corpus", "add", str(html), "--url", "https://weather.example/news/rain-falls.html", "--gold", str(gold),
                        "--type", "article", "--corpus", str(root)], capsys)
    assert code == 0, out
    pid = "user-weather.example-rain-falls"
    assert f"added {pid}" in out
    folder = root / "pages" / pid
    assert gzip.decompress((folder / "page.html.gz").read_bytes()) == ARTICLE.encode()
    assert (folder / "page.html.gz").read_bytes()[4:8] == b"\0\0\0\0"
    meta = json.loads((folder / "meta.json").read_text())
    assert meta == {"id": pid, "source": "user", "page_type": "article", "url": "https://weather.example/news/rain-falls.html",
                    "license": "user-supplied", "attribution": "", "origin": "mine.html"}
    lines = (root / "manifest.jsonl").read_text().splitlines()
    assert [json.loads(ln)["id"] for ln in lines] == ["first", pid]
    assert json.loads(lines[1]) == meta
    _, pages = load_corpus(root)
    p = pages[1]
    assert p.gold.text == ARTICLE_TEXT and p.gold.fields == {"title": "Rain falls on the plain"}
    assert p.gold.with_ == ["closing two schools"] and p.url == meta["url"]
    # no --gold: empty gold; same URL again gets a fresh id; an explicit duplicate id is refused
    code, out, _ = run(["corpus", "add", str(html), "--url", "https://weather.example/news/rain-falls.html", "--corpus", str(root)], capsys)
    assert code == 0 and f"added {pid}-2" in out
    exp = json.loads((root / "pages" / f"{pid}-2" / "expected.json").read_text())
    assert exp == {"url": "https://weather.example/news/rain-falls.html", "text": None, "with": [], "without": [], "fields": {}}
    code, _, err = run(["corpus", "add", str(html), "--url", "https://a.example/", "--id", "first", "--corpus", str(root)], capsys)
    assert code == 2 and "already exists" in err


# ----------------------------------------------------------------------------- python -m and the real library


def _env():
    env = dict(os.environ)
    import thresher

    pkg_parent = str(Path(thresher.__file__).resolve().parent.parent)
    env["PYTHONPATH"] = os.pathsep.join(x for x in (env.get("PYTHONPATH"), pkg_parent) if x)
    return env


def test_python_dash_m_help():
    proc = subprocess.run([sys.executable, "-m", "thresher", "corpus", "--help"], capture_output=True, text=True, env=_env(), timeout=60)
    assert proc.returncode == 0, proc.stderr
    for cmd in ("run", "score", "score-outputs", "check", "accept", "show", "report", "add"):
        assert re.search(rf"^\s+{re.escape(cmd)}\b", proc.stdout, re.M), cmd


def _real_extractor_works():
    try:
        import thresher

        doc = thresher.bare_extraction(b"<html><body><p>hello</p></body></html>")
        return isinstance(doc.text, str)
    except Exception:  # noqa: BLE001
        return False


@pytest.mark.skipif(not _real_extractor_works(), reason="thresher.bare_extraction is not usable")
def test_real_extractor_end_to_end(corpus, tmp_path):
    """`python -m thresher corpus run/accept/check` with the real library wired in."""
    env = _env()
    base = [sys.executable, "-m", "thresher", "corpus"]
    proc = subprocess.run(base + ["run", "--corpus", str(corpus)], capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[1].startswith("seed-rain  [user/article]")
    m = re.search(r"^3 pages \| mean F1 (\d\.\d{3})", proc.stdout, re.M)
    assert m, proc.stdout
    proc = subprocess.run(base + ["accept", "--corpus", str(corpus)], capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr
    proc = subprocess.run(base + ["check", "--corpus", str(corpus)], capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "OK" in proc.stdout
    # the clean article page should mostly be found by any sane extractor
    proc = subprocess.run(base + ["show", "seed-rain", "--corpus", str(corpus)], capture_output=True, text=True, env=env, timeout=120)
    f1 = float(re.search(r"F1 (\d\.\d{3})", proc.stdout).group(1))
    assert f1 > 0.5, proc.stdout
