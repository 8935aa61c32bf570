"""thresher.spark and examples/spark_warc_to_parquet.py in Spark local mode.

The example runs as a subprocess on WARC files built here from corpus pages
(plus records that must be left out), and its Parquet output is compared, row
by row and field by field, with single-machine extraction. Skipped where Java
or PySpark is missing; CI installs both (scripts/test.sh).
"""
import dataclasses
import gzip
import json
import os
import pathlib
import shutil
import subprocess
import sys
from typing import Dict, List

import pytest

import thresher

# CI (scripts/test.sh) sets THRESHER_REQUIRE_SPARK=1: there, a missing Java or
# pyspark is a failure, not a skip.
if os.environ.get("THRESHER_REQUIRE_SPARK") == "1":
    import pyarrow.parquet as pq
    pytestmark = [pytest.mark.spark]
else:
    pytest.importorskip("pyspark")
    pq = pytest.importorskip("pyarrow.parquet")
    pytestmark = [pytest.mark.spark, pytest.mark.skipif(
        shutil.which("java") is None, reason="Spark needs Java (apt-get install openjdk-17-jre-headless)")]

from test_cli_extract import write_warc  # noqa: E402  (tests/ is on sys.path under pytest)
from thresher import spark as tspark  # noqa: E402  (after the importorskip)

ROOT = pathlib.Path(__file__).resolve().parent.parent
PAGES = ROOT / "corpus" / "pages"
EXAMPLE = ROOT / "examples" / "spark_warc_to_parquet.py"
FIELDS = [f.name for f in dataclasses.fields(thresher.Document)]
# Small and quick to start: no UI, C1-only JIT (saves seconds of JVM warm-up on short jobs).
SPARK_CONF = {
    "spark.ui.enabled": "false",
    "spark.ui.showConsoleProgress": "false",
    "spark.sql.shuffle.partitions": "2",
    "spark.driver.memory": "1g",
    "spark.driver.extraJavaOptions": "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC",
}
SPARK_ENV = {"PYSPARK_PYTHON": sys.executable, "SPARK_LOCAL_IP": "127.0.0.1"}


def corpus_pages(n: int) -> List[Dict[str, object]]:
    """``n`` pages spread over the corpus (every source), the seed first."""
    ids = sorted(p.name for p in PAGES.iterdir() if (p / "page.html.gz").exists())
    ids.remove("seed-almayadeen-zakharova")
    step = max(1, len(ids) // (n - 1))
    chosen = ["seed-almayadeen-zakharova"] + ids[::step][: n - 1]
    pages = []
    for pid in chosen:
        meta = json.loads((PAGES / pid / "meta.json").read_text(encoding="utf-8"))
        pages.append({"id": pid, "url": meta.get("url") or f"https://example.org/{pid}",
                      "html": gzip.decompress((PAGES / pid / "page.html.gz").read_bytes())})
    return pages


def write_pages_warc(path: pathlib.Path, pages) -> Dict[str, dict]:
    """A WARC of ``pages`` (HTML 200 responses, the seed with a charset in its
    Content-Type) among records that are not HTML pages: a warcinfo, a request
    per response, a PDF, an image and a 404 HTML page. Returns the HTML pages by
    WARC-Record-ID (without <>)."""
    responses = [(p["url"], "200 OK", "text/html; charset=utf-8" if p["id"].startswith("seed") else "text/html",
                  p["html"]) for p in pages]
    responses += [
        ("https://example.org/report.pdf", "200 OK", "application/pdf", b"%PDF-1.4\n%\xe2\xe3\n1 0 obj\n"),
        ("https://example.org/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(64)),
        ("https://example.org/missing", "404 Not Found", "text/html", b"<html><body><p>Not found</p>"),
    ]
    ids = write_warc(path, responses, gz=path.name.endswith(".gz"))
    return dict(zip(ids, pages))


def expected_row(page) -> dict:
    http_hint = "utf-8" if page["id"].startswith("seed") else None
    return thresher.Extractor().extract(page["html"], page["url"], http_hint).to_dict()


def assert_same_document(row: dict, expected: dict, what: str) -> None:
    for name in FIELDS:
        got = row[name]
        if name == "diagnostics":
            got = json.loads(got)
        elif isinstance(expected[name], list):
            got = list(got)
        assert got == expected[name], f"{what}: {name}"


def test_schema_follows_the_document_dataclass():
    schema = tspark.document_schema()
    assert schema.fieldNames() == FIELDS
    by_name = {f.name: f for f in schema.fields}
    assert by_name["title"].dataType.simpleString() == "string"
    assert by_name["text"].dataType.simpleString() == "string"
    assert by_name["tags"].dataType.simpleString() == "array<string>"
    assert by_name["diagnostics"].dataType.simpleString() == "string"  # JSON text
    assert tspark.warc_schema().fieldNames()[:3] == ["warc_file", "warc_record_id", "warc_target_uri"]


def test_schema_maps_field_types_and_refuses_unknown_ones():
    from typing import Any, Dict as D, List as L, Optional as O, Set

    col = tspark._column_for
    assert col("n", int).spark_type.simpleString() == "bigint"
    assert col("x", O[float]).spark_type.simpleString() == "double"
    assert col("b", bool).spark_type.simpleString() == "boolean"
    assert col("l", L[str]).to_spark(("a",)) == ["a"]
    assert col("d", D[str, Any]).to_spark({"k": [1, "é"]}) == '{"k": [1, "é"]}'
    with pytest.raises(TypeError, match="no Spark type"):
        col("s", Set[str])


def test_example_writes_every_html_record_with_single_machine_fields(tmp_path):
    pages = corpus_pages(20)
    kept = write_pages_warc(tmp_path / "a.warc.gz", pages[:12])
    kept.update(write_pages_warc(tmp_path / "b.warc", pages[12:]))
    out = tmp_path / "out"
    cmd = [sys.executable, str(EXAMPLE), str(tmp_path / "*.warc*"), str(out), "--master", "local[2]"]
    cmd += [arg for key, value in SPARK_CONF.items() for arg in ("--conf", f"{key}={value}")]
    run = subprocess.run(cmd, capture_output=True, text=True, timeout=600, env={**os.environ, **SPARK_ENV},
                         cwd=tmp_path)
    assert run.returncode == 0, run.stderr[-4000:]
    assert f"{len(kept)} pages (0 errors) from 2 archives" in run.stdout

    table = pq.read_table(out)
    assert table.column_names == ["warc_file", "warc_record_id", "warc_target_uri"] + FIELDS
    rows = table.to_pylist()
    assert sorted(r["warc_record_id"] for r in rows) == sorted(kept)  # no PDF, image, 404, request, warcinfo
    for row in rows:
        page = kept[row["warc_record_id"]]
        assert row["warc_target_uri"] == page["url"]
        assert pathlib.Path(row["warc_file"]).name in ("a.warc.gz", "b.warc")
        assert_same_document(row, expected_row(page), page["id"])
    seed = next(r for r in rows if kept[r["warc_record_id"]]["id"].startswith("seed"))
    assert seed["title"] == "Zakharova bashes Blinken over remarks about meeting with Lavrov"


def test_broken_archive_is_a_row_with_an_error(tmp_path):
    pages = corpus_pages(3)
    good = tmp_path / "good.warc"
    kept = write_pages_warc(good, pages)
    data = good.read_bytes()
    cut = tmp_path / "cut.warc"  # ends inside the second page's HTML
    cut.write_bytes(data[: data.index(pages[1]["html"]) + len(pages[1]["html"]) // 2])
    frames = list(tspark.read_warc([str(cut), str(tmp_path / "missing.warc")], batch_size=2))
    rows = [r for f in frames for r in f.to_dict("records")]
    assert [kept[r["warc_record_id"]]["id"] for r in rows[:2]] == [pages[0]["id"], pages[1]["id"]]
    assert rows[0]["error"] is None and rows[0]["title"]
    assert rows[1]["error"] == "unreadable: the archive ends inside this record"
    archive_errors = rows[2:]  # the truncation, then the missing file: no record id
    assert [r["warc_record_id"] for r in archive_errors] == [None, None]
    assert "cut.warc: unreadable archive: it ends inside record" in archive_errors[0]["error"]
    assert archive_errors[1]["error"].startswith("unreadable: ") and "missing.warc" in archive_errors[1]["error"]


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    for key, value in SPARK_ENV.items():
        os.environ.setdefault(key, value)
    session = SparkSession.builder.master("local[2]").appName("thresher tests").config(map=SPARK_CONF).getOrCreate()
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def test_extract_column_and_extract_dataframe(spark):
    pages = corpus_pages(8)
    rows = [(p["id"], bytearray(p["html"]), p["url"]) for p in pages] + [("null-html", None, None)]
    df = spark.createDataFrame(rows, "page_id string, html binary, url string").repartition(2)

    got = {r["page_id"]: r["doc"].asDict() for r in
           df.select("page_id", tspark.extract_column("html", "url").alias("doc")).collect()}
    flat = {r["page_id"]: r.asDict() for r in tspark.extract_dataframe(df).collect()}
    assert set(got) == set(flat) == {p["id"] for p in pages} | {"null-html"}
    for page in pages:
        expected = thresher.Extractor().extract(page["html"], page["url"]).to_dict()
        assert_same_document(got[page["id"]], expected, "extract_column " + page["id"])
        assert_same_document(flat[page["id"]], expected, "extract_dataframe " + page["id"])
    assert got["null-html"]["text"] == "" and got["null-html"]["error"] is None

    # options reach the executors: markdown output only when asked for
    md = df.where("page_id = 'seed-almayadeen-zakharova'").select(
        tspark.extract_column(df.html, output_format="markdown")["markdown"]).first()[0]
    assert md and md.startswith("## The Russian Foreign Ministry")
    with pytest.raises(TypeError, match="unknown option"):
        tspark.extract_column("html", include_comment=True)
    with pytest.raises(ValueError, match="name of a Document field"):
        tspark.extract_dataframe(df.withColumnRenamed("page_id", "title"), keep=["title"])
