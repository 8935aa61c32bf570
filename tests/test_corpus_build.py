"""Checks the generated regression corpus (corpus/build.py output) for consistency."""
from __future__ import annotations

import collections
import gzip
import json
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "corpus"
SHARED = REPO.parent / "shared"

SOURCES = ("seed", "readability", "wcxb", "trafilatura", "user")  # user: `thresher corpus add`
WCXB_TYPES = {"article", "forum", "product", "collection", "listing", "documentation", "service"}
STRING_FIELDS = {"title", "author", "date", "sitename", "language", "description"}
LIST_FIELDS = {"categories", "tags"}
META_KEYS = {"id", "source", "page_type", "url", "license", "attribution", "origin"}

needs_shared = pytest.mark.skipif(not (SHARED / "corpus-src").is_dir(),
                                  reason="../shared is not available")


@pytest.fixture(scope="module")
def manifest() -> list[dict]:
    path = CORPUS / "manifest.jsonl"
    if not path.exists():
        pytest.skip("corpus not built: run python corpus/build.py")
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def load(page_id: str, name: str) -> dict:
    return json.loads((CORPUS / "pages" / page_id / name).read_text("utf-8"))


def test_manifest_matches_page_folders(manifest):
    ids = [m["id"] for m in manifest]
    assert len(ids) == len(set(ids))
    assert set(ids) == {p.name for p in (CORPUS / "pages").iterdir()}


def test_every_page_has_its_three_files_and_meta_matches(manifest):
    for m in manifest:
        folder = CORPUS / "pages" / m["id"]
        assert {p.name for p in folder.iterdir()} == {"page.html.gz", "expected.json", "meta.json"}
        assert load(m["id"], "meta.json") == m
        assert set(m) == META_KEYS
        assert m["source"] in SOURCES


def test_manifest_order_seed_first_then_by_source_and_id(manifest):
    assert manifest[0]["id"] == "seed-almayadeen-zakharova"
    keys = [(SOURCES.index(m["source"]), m["id"]) for m in manifest]
    assert keys == sorted(keys)


def check_expected(expected: dict, source: str) -> None:
    allowed = {"url", "text", "with", "without", "fields"} | ({"optional"} if source == "seed" else set())
    assert {"url", "text", "with", "without", "fields"} <= set(expected) <= allowed
    assert expected["url"] is None or isinstance(expected["url"], str)
    # "" is WCXB's gold for JS-only shells: the page has no main content to extract.
    assert expected["text"] is None or isinstance(expected["text"], str)
    if source != "wcxb":
        assert expected["text"] is None or expected["text"].strip()
    for key in ("with", "without"):
        assert all(isinstance(s, str) for s in expected[key])
    fields = expected["fields"]
    assert set(fields) <= STRING_FIELDS | LIST_FIELDS
    for name, value in fields.items():
        if value is None:
            continue
        if name in LIST_FIELDS:
            assert isinstance(value, list) and all(isinstance(v, str) for v in value)
        else:
            assert isinstance(value, str) and value.strip()
        if name == "date":
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", value)


def test_expected_json_follows_the_schema(manifest):
    for m in manifest:
        expected = load(m["id"], "expected.json")
        check_expected(expected, m["source"])
        assert expected["url"] == m["url"]
        if m["source"] == "wcxb":
            assert "author" in expected["fields"]  # WCXB's null is a verified absence
        if m["source"] == "trafilatura":
            assert expected["text"] is None and expected["with"] and expected["without"]


def test_wcxb_sample_covers_every_type(manifest):
    types = collections.Counter(m["page_type"] for m in manifest if m["source"] == "wcxb")
    assert set(types) == WCXB_TYPES
    assert min(types.values()) >= 20


def test_seed_variants_share_the_gold(manifest):
    base = load("seed-almayadeen-zakharova", "expected.json")
    for variant in ("seed-almayadeen-zakharova-hashed", "seed-almayadeen-zakharova-ticker2"):
        expected = load(variant, "expected.json")
        assert expected["text"] == base["text"] and expected["fields"] == base["fields"]
        assert set(base["without"]) <= set(expected["without"])


def page_bytes(page_id: str) -> bytes:
    return gzip.decompress((CORPUS / "pages" / page_id / "page.html.gz").read_bytes())


@needs_shared
def test_page_bytes_equal_the_shared_sources(manifest):
    # Variants are derived pages, the rest must be the source bytes exactly
    # (BOMs and non-UTF-8 encodings included).
    for m in manifest:
        if m["id"].startswith("seed-") and m["id"] != "seed-almayadeen-zakharova":
            continue
        source = (SHARED / m["origin"]).read_bytes()
        if m["origin"].endswith(".gz"):
            source = gzip.decompress(source)
        assert page_bytes(m["id"]) == source, m["id"]


@needs_shared
def test_encoding_oddities_are_kept(manifest):
    ids = {m["id"] for m in manifest}
    assert page_bytes("rdb-la-nacion").startswith(b"\xef\xbb\xbf")
    traf = [m["id"] for m in manifest if m["source"] == "trafilatura"]

    def not_utf8(data: bytes) -> bool:
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            return True
        return False

    assert sum(page_bytes(i).startswith(b"\xef\xbb\xbf") for i in traf) >= 3
    assert sum(not_utf8(page_bytes(i)) for i in traf) >= 3
    assert "rdb-la-nacion" in ids
