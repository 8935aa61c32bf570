"""Legacy encodings through the Python API: real corpus pages re-encoded in
windows-1251, gb2312, shift_jis and iso-8859-2 give the text of the UTF-8
original, whether the charset comes from <meta>, from the HTTP hint, or from
detection alone. Characters the target cannot hold become character
references, as a server writing that charset would emit them."""
import gzip
import pathlib
import re

import pytest

import thresher

ROOT = pathlib.Path(__file__).resolve().parent.parent
PAGES = ROOT / "corpus" / "pages"
SHARED = ROOT.parent / "shared" / "corpus-src"

# (encoding, page, how its name may be reported)
SAMPLES = [
    ("gb2312", PAGES / "rdb-qq" / "page.html.gz", ("GB2312", "GB18030", "GBK")),
    ("shift_jis", PAGES / "traf-nhk.or.jp.k100" / "page.html.gz", ("SHIFT_JIS", "CP932", "WINDOWS-31J")),
    ("iso-8859-2", PAGES / "traf-koncesjonowana-opozycja-leszek-jazdzewski-liberte" / "page.html.gz",
     ("ISO-8859-2", "WINDOWS-1250")),
    # No Cyrillic page is stored in corpus/; trafilatura's evaluation set has one.
    ("windows-1251", SHARED / "trafilatura" / "html" / "eval" / "football.ua.podolski.html.gz",
     ("WINDOWS-1251",)),
]
CHARSET_DECL = re.compile(r"""(<meta[^>]*charset\s*=\s*["']?)[A-Za-z0-9_:.-]+""", re.I)


def load(path: pathlib.Path) -> str:
    if not path.exists():
        pytest.skip(f"{path} is not available")
    return gzip.decompress(path.read_bytes()).decode("utf-8")


def reencode(page: str, encoding: str, declare: bool) -> bytes:
    if declare:
        page = CHARSET_DECL.sub(lambda m: m.group(1) + encoding, page)
    else:
        page = CHARSET_DECL.sub(lambda m: m.group(1) + "x-unknown", page)
    return page.encode(encoding, errors="xmlcharrefreplace")


@pytest.mark.parametrize("encoding,path,names", SAMPLES, ids=[s[0] for s in SAMPLES])
def test_declared_hinted_and_detected_charsets_give_the_original_text(encoding, path, names):
    original = load(path)
    expected = thresher.bare_extraction(original.encode("utf-8"))
    assert len(expected.text) > 300, "sample too small to mean anything"

    declared = thresher.bare_extraction(reencode(original, encoding, declare=True))
    assert declared.diagnostics["encoding"].upper() in names
    assert declared.diagnostics["encoding_source"] == "meta"
    assert declared.text == expected.text
    assert declared.title == expected.title

    hinted = thresher.bare_extraction(reencode(original, encoding, declare=False), encoding_hint=encoding)
    assert hinted.diagnostics["encoding_source"] == "hint"
    assert hinted.text == expected.text

    detected = thresher.bare_extraction(reencode(original, encoding, declare=False))
    assert detected.diagnostics["encoding"].upper() in names
    assert detected.text == expected.text


def test_str_input_skips_decoding():
    original = load(SAMPLES[0][1])
    as_str = thresher.bare_extraction(original)
    as_bytes = thresher.bare_extraction(original.encode("utf-8"))
    assert as_str.text == as_bytes.text


def test_text_encoded_twice_is_repaired() -> None:
    # UTF-8 read as windows-1252 and stored as UTF-8 again, as a misconfigured CMS does.
    title = "A DIY Investor\u2019s Guide \u2014 caf\u00e9"
    mangled = title.encode("utf-8").decode("cp1252").encode("utf-8")
    page = b"<html><head><title>" + mangled + b"</title></head><body><article><h1>" + mangled + (
        b"</h1><p>" + b"Plain words of the story go here, long enough to count. " * 8 + b"</p></article></body></html>"
    )
    doc = thresher.bare_extraction(page)
    assert doc.title == title
    assert doc.diagnostics["double_encoded_repaired"] == 3 * 2
