"""Hostile input (issue 8): every page ends in a Document or a ThresherError,
within a stated time and memory bound, without crashing or hanging.

Each case runs in a child process (tests/adversarial/generate.py builds the
input there, so nothing big is stored or piped), killed if it outlives its
bound; the extraction's wall time is measured in the child and the child's
peak RSS with wait4() (its address space is capped at twice the RSS bound so
a runaway cannot take the machine down). Bounds, per case, are in
generate.CASES: 5 s per page and 2 GB unless stated otherwise (pages of tens
of MB: a 3 MB/s floor, i.e. 20 s for 60 MB, 17 s for the 50 MB text node, 11 s
for 34 MB; 1,000,000 siblings: 10 s). Cases whose ids end in "-slow" build
the largest inputs; `pytest -k "not slow"` leaves them out locally, CI runs
them.

THRESHER_ADVERSARIAL_SCALE (default 1: the sizes of the issue) scales every
input; THRESHER_ADVERSARIAL_REPORT=FILE appends one JSON line per case.
"""
import importlib.util
import json
import os
import pathlib
import sys

import pytest

HERE = pathlib.Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("adversarial_generate",
                                               HERE / "adversarial" / "generate.py")
gen = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = gen  # dataclasses look their module up there
_spec.loader.exec_module(gen)


def _id(case):
    return case.name + ("-slow" if case.slow else "")


@pytest.mark.parametrize("case", gen.all_cases(), ids=_id)
def test_adversarial(case):
    m = gen.run_case(case)
    report = os.environ.get("THRESHER_ADVERSARIAL_REPORT")
    if report:
        with open(report, "a", encoding="utf-8") as f:
            f.write(json.dumps({"case": m.name, "ok": m.ok, "extract_s": m.seconds,
                                "bound_s": case.seconds, "peak_rss_mb": round(m.rss_mb),
                                "bound_rss_mb": case.rss_mb, "outcome": m.outcome,
                                "problems": m.problems}) + "\n")
    print(m.row())
    assert m.ok, f"{case.name} ({case.why}): " + "; ".join(m.problems)


def test_every_regression_input_is_small():
    # Regression inputs are minimised fuzzer finds, not big pages: big ones
    # belong in generate.py as a builder.
    for path in gen.REGRESSIONS.glob("*"):
        assert path.stat().st_size <= 64 * 1024, f"{path.name} is over 64 KiB"


def test_fuzz_header_mirror_matches_the_fuzzer_source():
    # generate.fuzz_header mirrors extract_fuzzer.cc's tables; keep them equal.
    src = (HERE.parent / "core" / "fuzz" / "extract_fuzzer.cc").read_text(encoding="utf-8")
    for url in ["https://[::1", "ftp://user:pass@host:99999/", "javascript:alert(1)"]:
        assert f'"{url}"' in src
    opts, url, hint, rest = gen.fuzz_header(bytes([0x40 | 0x80 | 0x20 | 0x01, 3, 2, 0x4B]) + b"<p>")
    assert opts["include_comments"] and opts["max_depth"] == 3 and opts["max_nodes"] == 17
    assert opts["max_jsonld_blocks"] == 3 and opts["max_jsonld_depth"] == 9
    assert opts["output_format"] == "html" and not opts["include_links"]
    assert url == "https://[::1" and hint == "x-unknown-charset" and rest == b"<p>"
