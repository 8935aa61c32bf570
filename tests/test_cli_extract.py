"""`thresher extract PATH...` end to end: every format, folders and --glob, stdin,
.html.gz, WARC archives (built here with warcio), legacy encodings, --output
FILE/DIR, exit codes 0/1/2 and their messages, the progress bar, batching, and
one `python -m thresher extract` subprocess."""
from __future__ import annotations

import gzip
import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders  # a dependency of thresher: fail loudly when missing
from warcio.warcwriter import WARCWriter

import thresher
from thresher import extract_cli, inputs
from thresher.cli import build_parser, main

REPO = Path(__file__).resolve().parents[1]
PAGES = REPO / "corpus" / "pages"
SEED_ID = "seed-almayadeen-zakharova"
CORPUS_IDS = ["rdb-001", "rdb-002", "traf-0001" if (PAGES / "traf-0001").exists() else "rdb-005-unescape-html-entities"]

PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"

PARAS = {
    "ru": ["Сильный дождь прошёл над равниной в понедельник, затопив несколько дорог и закрыв две школы на целый день.",
           "Синоптики ожидают, что погода прояснится к среде, хотя позже на неделе возможны новые ливни и грозы.",
           "Жителям посоветовали избегать низменных районов и следить за местными объявлениями перед поездками."],
    "ja": ["月曜日、平野全体に激しい雨が降り、いくつかの道路が冠水し、二つの学校が一日休校となりました。住民は驚いています。",
           "気象予報士は水曜日までに天気が回復すると予想していますが、週の後半にはまたにわか雨が降る可能性があります。",
           "住民は低い地域を避け、出かける前に地元の発表を確認するよう呼びかけられました。市は警戒を続けています。"],
    "zh": ["星期一，大雨袭击了整个平原，淹没了几条道路，两所学校停课一天，许多居民的出行受到了严重影响。",
           "气象专家预计天气将在星期三之前好转，但是本周晚些时候仍然可能出现阵雨和雷雨，请大家注意安全。",
           "有关部门建议居民避开地势低洼的地区，出门之前查看当地发布的通知，并且随时做好防范准备工作。"],
    "pl": ["W poniedziałek nad równiną spadł ulewny deszcz, zalewając kilka dróg i zamykając dwie szkoły na cały dzień.",
           "Synoptycy spodziewają się, że pogoda poprawi się do środy, choć później w tygodniu możliwe są kolejne przelotne opady.",
           "Mieszkańcom zalecono unikanie nisko położonych terenów i śledzenie lokalnych komunikatów przed podróżą."],
}
ENCODINGS = {"ru": "windows-1251", "ja": "shift_jis", "zh": "gb2312", "pl": "iso-8859-2"}


def legacy_page(lang: str, charset: str | None) -> bytes:
    meta = f'<meta charset="{charset}">' if charset else ""
    paras = "".join(f"<p>{p}</p>" for p in PARAS[lang])
    html = (f'<!DOCTYPE html><html lang="{lang}"><head>{meta}<title>{PARAS[lang][0][:20]}</title></head><body>'
            f'<nav><a href="/">Home</a> <a href="/news">News</a></nav><article><h1>{PARAS[lang][0][:20]}</h1>{paras}'
            f"</article><footer>Copyright</footer></body></html>")
    return html.encode(ENCODINGS[lang])


def page_bytes(page_id: str) -> bytes:
    return gzip.decompress((PAGES / page_id / "page.html.gz").read_bytes())


def page_url(page_id: str) -> str | None:
    return json.loads((PAGES / page_id / "meta.json").read_text()).get("url")


def run(args, capsys):
    code = main([str(a) for a in args])
    cap = capsys.readouterr()
    return code, cap.out, cap.err


def jsonl(out: str) -> list:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def summary_of(err: str) -> re.Match:
    m = re.search(r"^thresher extract: (\d+) pages?, (\d+) errors?, [\d.]+ s, [\d.]+ pages/s, [\d.]+ MB/s", err, re.M)
    assert m, err
    return m


@pytest.fixture
def seed(tmp_path) -> Path:
    p = tmp_path / "seed.html"
    p.write_bytes(page_bytes(SEED_ID))
    return p


def write_warc(path: Path, responses, *, gz: bool = True) -> list:
    """responses: (uri, status line, content type or None, body). Also writes a
    warcinfo and a request record (skipped). Returns the record ids in order."""
    ids = []
    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=gz)
        w.write_record(w.create_warcinfo_record(path.name, {"software": "thresher tests"}))
        for uri, status, ctype, body in responses:
            req = StatusAndHeaders(f"GET {uri} HTTP/1.1", [("Host", "example")], is_http_request=True)
            w.write_record(w.create_warc_record(uri, "request", http_headers=req))
            headers = [("Content-Type", ctype)] if ctype else []
            http = StatusAndHeaders(status, headers + [("Content-Length", str(len(body)))], protocol="HTTP/1.1")
            rec = w.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=http)
            ids.append(rec.rec_headers.get_header("WARC-Record-ID").strip("<>"))
            w.write_record(rec)
    return ids


@pytest.fixture
def warc(tmp_path):
    """An archive with 3 HTML 200 responses (one windows-1251 without <meta
    charset>, whose charset is only in the HTTP header), an image, and a 404."""
    path = tmp_path / "crawl.warc.gz"
    responses = [
        ("https://english.almayadeen.net/news/zakharova", "200 OK", "text/html; charset=utf-8", page_bytes(SEED_ID)),
        ("https://img.example/logo.png", "200 OK", "image/png", PNG),
        ("https://ru.example/rain", "200 OK", "text/html; charset=windows-1251", legacy_page("ru", None)),
        ("https://gone.example/missing", "404 Not Found", "text/html", b"<html><body><p>Not found</p></body></html>"),
        ("https://x.example/rdb", "200 OK", "application/xhtml+xml", page_bytes("rdb-001")),
    ]
    ids = write_warc(path, responses)
    return path, [ids[0], ids[2], ids[4]], ["https://english.almayadeen.net/news/zakharova", "https://ru.example/rain",
                                            "https://x.example/rdb"]


# ----------------------------------------------------------------------------- formats


def test_text_of_one_file_equals_the_api(seed, capsys):
    code, out, err = run(["extract", seed], capsys)
    assert code == 0, err
    assert out == thresher.extract(seed.read_bytes()) + "\n"
    assert "Maria Zakharova" in out
    m = summary_of(err)
    assert m.groups() == ("1", "0")
    assert "==>" not in out  # one page: no header


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_markdown_and_html_equal_the_api(seed, capsys, fmt):
    code, out, err = run(["extract", seed, "--format", fmt], capsys)
    assert code == 0, err
    expected = thresher.extract(seed.read_bytes(), output_format=fmt)
    assert out.rstrip("\n") == expected.rstrip("\n")
    assert out != thresher.extract(seed.read_bytes()) + "\n"  # really another format
    if fmt == "html":
        assert "<p>" in out


def test_json_record_has_the_fields_of_bare_extraction(seed, capsys):
    code, out, err = run(["extract", seed, "--format", "json"], capsys)
    assert code == 0, err
    rec = json.loads(out)  # one input: one object
    doc = thresher.bare_extraction(seed.read_bytes())
    assert rec["source"] == str(seed)
    assert rec["error"] is None
    assert rec["text"] == doc.text
    for name in ("title", "author", "authors", "date", "sitename", "description", "categories", "tags", "language",
                 "image", "hostname", "comments"):
        assert rec[name] == getattr(doc, name), name
    assert "diagnostics" not in rec
    assert list(rec)[:2] == ["source", "url"] and list(rec)[-1] == "error"


def test_jsonl_one_record_per_input_in_order(tmp_path, seed, capsys):
    files = []
    for i, pid in enumerate(CORPUS_IDS):
        p = tmp_path / f"{i}-{pid}.html"
        p.write_bytes(page_bytes(pid))
        files.append(p)
    pdf = tmp_path / "z.html"
    pdf.write_bytes(PDF)
    args = [files[2], seed, pdf, files[0], files[1]]
    code, out, err = run(["extract", *args, "--format", "jsonl", "--jobs", "2"], capsys)
    assert code == 1, err
    recs = jsonl(out)
    assert [r["source"] for r in recs] == [str(a) for a in args]
    assert recs[2]["error"].startswith("not_html: ") and "PDF" in recs[2]["error"] and recs[2]["text"] == ""
    assert all(r["error"] is None for i, r in enumerate(recs) if i != 2)
    assert set(recs[0]) == set(recs[2])  # same keys for failed and good pages
    for r, a in zip(recs, args):
        if r["error"] is None:
            assert r["text"] == thresher.bare_extraction(a.read_bytes()).text


def test_several_pages_text_has_headers_and_json_is_an_array(tmp_path, seed, capsys):
    other = tmp_path / "other.html"
    other.write_bytes(page_bytes("rdb-001"))
    code, out, _ = run(["extract", seed, other], capsys)
    assert code == 0
    assert re.findall(r"^==> (.+) <==$", out, re.M) == [str(seed), str(other)]
    code, out, _ = run(["extract", seed, other, "-f", "json"], capsys)
    data = json.loads(out)
    assert isinstance(data, list) and [r["source"] for r in data] == [str(seed), str(other)]
    code, out, _ = run(["extract", seed, other, "-f", "markdown"], capsys)
    assert re.findall(r"^<!-- source: (.+) -->$", out, re.M) == [str(seed), str(other)]


def test_extraction_flags_reach_the_extractor(seed, capsys):
    html = seed.read_bytes()
    code, out, _ = run(["extract", seed, "--no-metadata", "-f", "jsonl"], capsys)
    rec = jsonl(out)[0]
    assert code == 0 and rec["text"] == thresher.bare_extraction(html).text
    assert list(rec) == ["source", "url", "text", "comments", "error"]
    for flags, kwargs in ((["--favor-precision"], {"favor_precision": True}),
                          (["--favor-recall"], {"favor_recall": True}),
                          (["--no-tables"], {"include_tables": False}),
                          (["--include-comments"], {"include_comments": True})):
        code, out, err = run(["extract", seed, "-f", "jsonl", *flags], capsys)
        assert code == 0, err
        assert jsonl(out)[0]["text"] == thresher.bare_extraction(html, **kwargs).text, flags
    for fmt, flag, kwargs in (("markdown", "--include-links", {"include_links": True}),
                              ("html", "--include-images", {"include_images": True})):
        code, out, err = run(["extract", seed, "-f", fmt, flag], capsys)
        assert code == 0, err
        assert out.rstrip("\n") == thresher.extract(html, output_format=fmt, **kwargs).rstrip("\n")


def test_flags_map_to_extractor_options():
    def opts(*flags):
        return extract_cli.extractor_options(build_parser().parse_args(["extract", "x.html", *flags]))

    assert opts() == {}
    assert opts("-f", "markdown") == {"output_format": "markdown"}
    assert opts("-f", "jsonl", "--no-metadata") == {}  # only changes the records
    assert opts("--include-comments", "--no-tables", "--include-links", "--include-images", "--favor-recall",
                "-f", "html", "--set", "timeout_ms=250", "--set", "include_captions=yes") == {
        "include_comments": True, "include_tables": False, "include_links": True, "include_images": True,
        "favor_recall": True, "output_format": "html", "timeout_ms": 250, "include_captions": True}
    assert opts("--favor-precision") == {"favor_precision": True}
    assert set(opts("--include-comments", "--set", "max_nodes=10")) <= set(thresher.OPTION_DEFAULTS)


def test_set_passes_limits(tmp_path, seed, capsys):
    code, out, err = run(["extract", seed, "--set", "max_input_bytes=1000", "-f", "jsonl"], capsys)
    assert code == 1
    assert jsonl(out)[0]["error"].startswith("input_too_large: ")
    assert "max_input_bytes" in err


# ----------------------------------------------------------------------------- inputs


def test_folder_recursive_default_glob_and_glob(tmp_path, capsys):
    root = tmp_path / "site"
    (root / "b" / "c").mkdir(parents=True)
    (root / "a.html").write_bytes(legacy_page("pl", "iso-8859-2"))
    (root / "b" / "c" / "d.htm").write_bytes(page_bytes("rdb-001"))
    (root / "b" / "e.html.gz").write_bytes(gzip.compress(page_bytes("rdb-002")))
    (root / "b" / "notes.txt").write_bytes(b"<p>plain notes</p>")
    (root / "b" / "data.json").write_bytes(b"{}")
    code, out, err = run(["extract", root, "-f", "jsonl"], capsys)
    assert code == 0, err
    assert [r["source"] for r in jsonl(out)] == [str(root / "a.html"), str(root / "b" / "c" / "d.htm"),
                                                 str(root / "b" / "e.html.gz")]
    assert jsonl(out)[2]["text"] == thresher.bare_extraction(page_bytes("rdb-002")).text  # gunzipped
    code, out, err = run(["extract", root, "-f", "jsonl", "--glob", "*.txt", "--glob", "b/c/*"], capsys)
    assert code == 0, err
    assert [r["source"] for r in jsonl(out)] == [str(root / "b" / "c" / "d.htm"), str(root / "b" / "notes.txt")]


def test_html_gz_file(tmp_path, capsys):
    p = tmp_path / "page.html.gz"
    p.write_bytes(gzip.compress(page_bytes(SEED_ID)))
    code, out, err = run(["extract", p], capsys)
    assert code == 0, err
    assert out == thresher.extract(page_bytes(SEED_ID)) + "\n"


def test_stdin(monkeypatch, capsys):
    html = page_bytes(SEED_ID)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(html)))
    code, out, err = run(["extract", "-", "-f", "jsonl", "--url", "https://english.almayadeen.net/a"], capsys)
    assert code == 0, err
    rec = jsonl(out)[0]
    assert rec["source"] == "-" and rec["url"] == "https://english.almayadeen.net/a"
    assert rec["text"] == thresher.bare_extraction(html, url="https://english.almayadeen.net/a").text


def test_stdin_twice_is_a_usage_error(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"<p>x</p>")))
    code, _, err = run(["extract", "-", "-"], capsys)
    assert code == 2 and "more than once" in err


def test_warc_html_responses_only(warc, capsys):
    path, ids, uris = warc
    code, out, err = run(["extract", path, "-f", "jsonl", "-j", "2"], capsys)
    assert code == 0, err
    recs = jsonl(out)
    assert [r["source"] for r in recs] == [f"{path}#{i}" for i in ids]
    assert [r["url"] for r in recs] == uris
    assert "Maria Zakharova" in recs[0]["text"]
    for para in PARAS["ru"]:  # charset only in the HTTP Content-Type: passed as the encoding hint
        assert para in recs[1]["text"]
    assert recs[2]["text"] == thresher.bare_extraction(page_bytes("rdb-001"), url=uris[2]).text
    assert "skipped 2 WARC responses (1 not HTML, 1 not 2xx)" in err
    assert summary_of(err).groups() == ("3", "0")


def test_warc_items_carry_the_charset_hint(warc):
    path, ids, uris = warc
    sources = inputs.resolve([str(path)])
    items = list(inputs.iter_items(sources, max_bytes=1 << 26))
    assert [(i.url, i.encoding_hint) for i in items] == [(uris[0], "utf-8"), (uris[1], "windows-1251"), (uris[2], None)]
    assert items[1].data == legacy_page("ru", None)


def test_uncompressed_warc_and_warc_on_stdin(tmp_path, monkeypatch, capsys):
    path = tmp_path / "plain.warc"
    ids = write_warc(path, [("https://a.example/", "200 OK", "text/html", page_bytes("rdb-002"))], gz=False)
    code, out, err = run(["extract", path, "-f", "jsonl"], capsys)
    assert code == 0, err
    assert [r["source"] for r in jsonl(out)] == [f"{path}#{ids[0]}"]
    gz = tmp_path / "s.warc.gz"
    ids = write_warc(gz, [("https://b.example/", "200 OK", "text/html", page_bytes("rdb-001"))])
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(gz.read_bytes())))
    code, out, err = run(["extract", "-", "-f", "jsonl"], capsys)
    assert code == 0, err
    assert [(r["source"], r["url"]) for r in jsonl(out)] == [(f"-#{ids[0]}", "https://b.example/")]


def test_warc_text_body_that_is_a_pdf_fails_that_page(tmp_path, capsys):
    path = tmp_path / "lie.warc.gz"
    ids = write_warc(path, [("https://a.example/", "200 OK", "text/html", PDF),
                            ("https://b.example/", "200 OK", "text/html", page_bytes("rdb-002"))])
    code, out, err = run(["extract", path, "-f", "jsonl"], capsys)
    assert code == 1
    recs = jsonl(out)
    assert recs[0]["error"].startswith("not_html:") and recs[1]["error"] is None
    assert f"{path}#{ids[0]}: not_html:" in err


@pytest.mark.parametrize("lang", sorted(ENCODINGS))
def test_legacy_encodings(tmp_path, capsys, lang):
    p = tmp_path / f"{lang}.html"
    p.write_bytes(legacy_page(lang, ENCODINGS[lang]))
    code, out, err = run(["extract", p], capsys)
    assert code == 0, err
    for para in PARAS[lang]:
        assert para in out, (lang, out)


def test_encoding_flag_is_a_hint_for_files(tmp_path, capsys):
    p = tmp_path / "ru.html"
    p.write_bytes(legacy_page("ru", None))  # no meta charset at all
    code, out, err = run(["extract", p, "--encoding", "windows-1251"], capsys)
    assert code == 0, err
    for para in PARAS["ru"]:
        assert para in out


# ----------------------------------------------------------------------------- output


def test_output_dir_mirrors_inputs(tmp_path, warc, capsys):
    root = tmp_path / "site"
    (root / "sub").mkdir(parents=True)
    (root / "index.html").write_bytes(page_bytes(SEED_ID))
    (root / "sub" / "index.html.gz").write_bytes(gzip.compress(page_bytes("rdb-001")))
    (root / "sub" / "broken.html").write_bytes(PNG)
    path, ids, _ = warc
    out_dir = tmp_path / "out"
    code, out, err = run(["extract", root, path, "-o", f"{out_dir}/"], capsys)
    assert code == 1 and out == ""
    files = sorted(p.relative_to(out_dir).as_posix() for p in out_dir.rglob("*") if p.is_file())
    expected = ["crawl/" + i.split(":")[-1] + ".txt" for i in ids] + ["index.txt", "sub/index.txt"]
    assert files == sorted(expected)
    assert (out_dir / "index.txt").read_text(encoding="utf-8") == thresher.extract(page_bytes(SEED_ID)) + "\n"
    assert f"{root / 'sub' / 'broken.html'}: not_html:" in err
    code, out, err = run(["extract", root, "-o", out_dir, "-f", "json"], capsys)  # existing folder, no slash
    rec = json.loads((out_dir / "sub" / "broken.json").read_text(encoding="utf-8"))
    assert rec["error"].startswith("not_html:") and "PNG" in rec["error"]
    assert json.loads((out_dir / "index.json").read_text(encoding="utf-8"))["source"] == str(root / "index.html")


def test_output_dir_name_collisions(tmp_path, capsys):
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir(), b.mkdir()
    (a / "page.html").write_bytes(page_bytes("rdb-001"))
    (b / "page.htm").write_bytes(page_bytes("rdb-002"))
    code, _, err = run(["extract", a / "page.html", b / "page.htm", "-o", f"{tmp_path / 'o'}/", "-f", "markdown"],
                       capsys)
    assert code == 0, err
    assert sorted(p.name for p in (tmp_path / "o").iterdir()) == ["page-2.md", "page.md"]


def test_output_inside_the_input_folder_is_not_read_back(tmp_path, capsys):
    root = tmp_path / "site"
    root.mkdir()
    (root / "a.html").write_bytes(page_bytes("rdb-001"))
    (root / "b.html").write_bytes(page_bytes("rdb-002"))
    code, _, err = run(["extract", root, "-f", "html", "-o", f"{root / 'aa-out'}/"], capsys)  # walked before b.html
    assert code == 0 and summary_of(err).groups() == ("2", "0")
    assert sorted(p.name for p in (root / "aa-out").iterdir()) == ["a.html", "b.html"]
    shutil.rmtree(root / "aa-out")
    code, _, err = run(["extract", root, "-f", "html", "-o", root / "all.html"], capsys)
    assert code == 0 and summary_of(err).groups() == ("2", "0")


def test_output_file(tmp_path, seed, capsys):
    dest = tmp_path / "all.jsonl"
    code, out, err = run(["extract", seed, seed, "-f", "jsonl", "-o", dest], capsys)
    assert code == 0 and out == "", err
    assert [r["source"] for r in jsonl(dest.read_text(encoding="utf-8"))] == [str(seed)] * 2


# ----------------------------------------------------------------------------- exit codes


def test_exit_1_lists_failed_pages(tmp_path, seed, capsys):
    (tmp_path / "doc.html").write_bytes(PDF)
    (tmp_path / "pic.htm").write_bytes(PNG)
    code, out, err = run(["extract", tmp_path, "-f", "jsonl"], capsys)
    assert code == 1
    assert len(jsonl(out)) == 3
    assert "thresher extract: 2 pages failed:" in err
    assert f"  {tmp_path / 'doc.html'}: not_html: the input is a PDF document" in err
    assert f"  {tmp_path / 'pic.htm'}: not_html: the input is a PNG image" in err
    assert summary_of(err).groups() == ("3", "2")


def test_corrupt_gzip_and_core_errors_are_failed_pages(tmp_path, capsys):
    bad = tmp_path / "a.html.gz"
    bad.write_bytes(gzip.compress(page_bytes("rdb-001"))[:200])
    big = tmp_path / "b.html"
    big.write_bytes(page_bytes(SEED_ID) * 30)  # parsing this takes far more than 1 ms
    code, out, err = run(["extract", bad, big, "-f", "jsonl", "--set", "timeout_ms=1"], capsys)
    assert code == 1
    recs = jsonl(out)
    assert recs[0]["error"].startswith(f"unreadable: {bad}: not a valid gzip file")
    assert recs[1]["error"].startswith("timeout: ")  # the core's error, through extract_many
    assert f"  {big}: timeout: " in err


@pytest.mark.parametrize("argv, message", [
    (["extract", "missing.html"], "missing.html: no such file or directory"),
    (["extract", "{empty}"], "no inputs: no file under"),
    (["extract", "{bad_warc}"], "unreadable archive"),
    (["extract", "{seed}", "--set", "nope=1"], "--set nope: unknown option"),
    (["extract", "{seed}", "--set", "max_nodes=many"], "expected an integer"),
    (["extract", "{seed}", "-o", "{seed}/x/y.txt"], "cannot write"),
])
def test_exit_2_usage_errors(tmp_path, seed, capsys, argv, message):
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "readme.md").write_text("not html")
    bad = tmp_path / "bad.warc.gz"
    bad.write_bytes(gzip.compress(b"this is not a WARC file at all\r\n\r\n"))
    argv = [a.format(empty=tmp_path / "empty", bad_warc=bad, seed=seed) for a in argv]
    code, out, err = run(argv, capsys)
    assert code == 2
    assert out == ""
    assert err.startswith("thresher extract: error: ") and message in err, err


@pytest.mark.parametrize("argv, message", [
    (["extract"], "the following arguments are required: PATH"),
    (["extract", "x.html", "--format", "pdf"], "invalid choice: 'pdf'"),
    (["extract", "x.html", "--jobs", "-1"], "must be 0 (all cores) or more"),
    (["extract", "x.html", "--favor-precision", "--favor-recall"], "not allowed with argument"),
    (["extract", "x.html", "--bogus"], "unrecognized arguments: --bogus"),
])
def test_exit_2_bad_flags(capsys, argv, message):
    with pytest.raises(SystemExit) as e:
        main(argv)
    assert e.value.code == 2
    assert message in capsys.readouterr().err


def test_truncated_warc_keeps_what_was_read_and_exits_2(tmp_path, capsys):
    path = tmp_path / "cut.warc.gz"
    write_warc(path, [("https://a.example/", "200 OK", "text/html", page_bytes("rdb-001")),
                      ("https://b.example/", "200 OK", "text/html", page_bytes(SEED_ID))])
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 3000])
    code, out, err = run(["extract", path, "-f", "jsonl"], capsys)
    assert code == 2
    recs = jsonl(out)
    assert [r["url"] for r in recs] == ["https://a.example/", "https://b.example/"]
    assert recs[0]["error"] is None and recs[1]["error"] == "unreadable: the archive ends inside this record"
    assert re.search(rf"^  {re.escape(str(path))}: unreadable archive: it ends inside record urn:uuid:", err, re.M), err


def test_archive_in_a_folder_that_is_not_one(tmp_path, capsys):
    (tmp_path / "a.html").write_bytes(page_bytes("rdb-001"))
    (tmp_path / "b.warc.gz").write_bytes(gzip.compress(b"<html>not an archive</html>"))
    code, out, err = run(["extract", tmp_path, "--glob", "*.html", "--glob", "*.warc.gz", "-f", "jsonl"], capsys)
    assert code == 2
    assert len(jsonl(out)) == 1
    assert f"{tmp_path / 'b.warc.gz'}: unreadable archive: does not start with a WARC/ARC header" in err


# ----------------------------------------------------------------------------- progress, batching


def test_progress_bar_only_on_a_terminal(seed, capsys, monkeypatch):
    code, _, err = run(["extract", seed], capsys)
    assert "pages/s" in err and "page/s" not in err.replace("pages/s", "")  # summary only
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    main(["extract", str(seed), str(seed)])
    err = capsys.readouterr().err
    assert re.search(r"extract: .*2/2 .*MB/s, 0 errors", err), err
    summary_of(err)


def test_threads_give_the_same_results_as_one(tmp_path, capsys):
    root = tmp_path / "many"
    root.mkdir()
    ids = sorted(p.name for p in PAGES.iterdir())[:60]
    for pid in ids:
        (root / f"{pid}.html.gz").write_bytes((PAGES / pid / "page.html.gz").read_bytes())
    _, one, _ = run(["extract", root, "-f", "jsonl", "-j", "1"], capsys)
    _, two, _ = run(["extract", root, "-f", "jsonl", "-j", "2"], capsys)
    assert len(jsonl(one)) == 60 and one == two


class _Recorder:
    """A stand-in extractor whose extract_many swallows its whole input first
    (the worst case for memory), to check that batches bound it."""

    def __init__(self):
        self.largest = 0

    def extract_many(self, items, threads=0, ordered=True):
        items = list(items)
        self.largest = max(self.largest, len(items))
        for html, url, hint in items:
            yield thresher.Document(text=html.decode())


def test_batches_bound_memory_and_keep_order():
    def gen():
        for i in range(50):
            err = "not_html: x" if i % 7 == 3 else None
            yield inputs.Item(f"p{i}", data=b"" if err else f"t{i}".encode(), error=err, size=2)

    rec = _Recorder()
    got = list(extract_cli.extract_stream(rec, gen(), 2, batch_pages=8, batch_bytes=1 << 20))
    assert [it.source for it, _ in got] == [f"p{i}" for i in range(50)]
    assert rec.largest <= 8
    for i, (it, doc) in enumerate(got):
        assert (doc is None) == (i % 7 == 3)
        if doc is not None:
            assert doc.text == f"t{i}"


def test_binary_payloads_are_not_html_errors_from_the_core():
    ex = thresher.Extractor()
    for data, what in ((PDF, "PDF"), (b"PK\x03\x04rest", "ZIP"), (b"\xff\xd8\xff\xe0", "JPEG"),
                       (b"RIFF\x00\x00\x00\x00WEBPVP8 ", "WebP")):
        with pytest.raises(thresher.NotHTMLError, match=what):
            ex.extract(data)
    assert ex.extract(b"\xef\xbb\xbf<!doctype html><p>x</p>").error is None


def test_charset_helper():
    assert inputs.charset_from_content_type("text/html; charset=\"Windows-1251\"") == "windows-1251"
    assert inputs.charset_from_content_type("text/html") is None
    assert inputs.charset_from_content_type(None) is None


# ----------------------------------------------------------------------------- subprocess


def test_python_dash_m_thresher_extract(tmp_path):
    env = dict(os.environ)
    pkg_parent = str(Path(thresher.__file__).absolute().parent.parent)
    env["PYTHONPATH"] = os.pathsep.join(x for x in (pkg_parent, env.get("PYTHONPATH")) if x)
    html = page_bytes(SEED_ID)
    proc = subprocess.run([sys.executable, "-m", "thresher", "extract", "-", "-f", "jsonl"], input=html,
                          capture_output=True, env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr.decode()
    rec = json.loads(proc.stdout)
    assert rec["source"] == "-" and rec["text"] == thresher.bare_extraction(html).text
    assert re.search(rb"^thresher extract: 1 page, 0 errors, ", proc.stderr, re.M)
    proc = subprocess.run([sys.executable, "-m", "thresher", "extract", str(tmp_path / "nope.html")],
                          capture_output=True, env=env, timeout=120)
    assert proc.returncode == 2 and b"nope.html: no such file or directory" in proc.stderr
