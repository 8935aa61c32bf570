"""The package is fully typed (py.typed): mypy --strict passes on its source
and on user code written against the installed package; every public name
has a docstring that help() shows."""
import inspect
import pathlib
import subprocess
import sys

import pytest

import thresher

ROOT = pathlib.Path(__file__).resolve().parent.parent

USER_CODE = '''
import thresher

doc: thresher.Document = thresher.bare_extraction(b"<p>x</p>", url="https://e.org/")
title: str | None = doc.title
tags: list[str] = doc.tags
text: str = thresher.extract("<p>x</p>", output_format="markdown", include_links=True)
ex = thresher.Extractor(include_comments=True)
for d in ex.extract_many([("<p>a</p>", "https://e.org/a")], threads=2, ordered=False):
    print(d.error or d.title)
p, r, f = thresher.word_prf("a b", "a c")
try:
    thresher.extract(b"%PDF-1.4")
except thresher.NotHTMLError as e:
    print(e)
'''

WRONG_CODE = '''
import thresher
n: int = thresher.extract("<p>x</p>")
'''


def mypy(*args, cwd):
    pytest.importorskip("mypy")
    return subprocess.run([sys.executable, "-m", "mypy", *args], cwd=cwd,
                          capture_output=True, text=True)


def test_package_source_passes_mypy_strict():
    # The configuration ([tool.mypy] in pyproject.toml) says strict.
    r = mypy("bindings/python/thresher", cwd=ROOT)
    assert r.returncode == 0, r.stdout + r.stderr


def test_user_code_type_checks_against_the_installed_package(tmp_path):
    (tmp_path / "ok.py").write_text(USER_CODE)
    (tmp_path / "wrong.py").write_text(WRONG_CODE)
    ok = mypy("--strict", "ok.py", cwd=tmp_path)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    wrong = mypy("--strict", "wrong.py", cwd=tmp_path)
    assert wrong.returncode == 1 and "Incompatible types" in wrong.stdout


def test_public_api_is_documented():
    for name in thresher.__all__:
        obj = getattr(thresher, name)
        if inspect.isclass(obj) or inspect.isfunction(obj):
            assert inspect.getdoc(obj), f"thresher.{name} has no docstring"
    doc = pydoc_text(thresher.extract)
    for word in ("output_format", "markdown", "include_links", "bytes"):
        assert word in doc
    for method in ("extract", "extract_many"):
        assert inspect.getdoc(getattr(thresher.Extractor, method))


def pydoc_text(obj):
    import pydoc
    return pydoc.render_doc(obj, renderer=pydoc.plaintext)
