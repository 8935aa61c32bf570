"""`make wheel` gives a self-contained wheel: installed into a fresh virtual
environment, it imports and extracts the seed page with gumbo, RE2 and uchardet
loaded from the wheel's own copies, and still does with the system's copies
hidden.

scripts/test.sh runs `make wheel` first and passes the wheel in THRESHER_WHEEL;
without it, this test runs `make wheel` itself (about a minute of CPU on a
clean build tree).
"""
import glob
import json
import os
import pathlib
import shutil
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
SEED = ROOT / "corpus" / "pages" / "seed-almayadeen-zakharova"
BUNDLED = ("libgumbo", "libre2", "libuchardet")  # linked from the system by a plain build

# Run inside the fresh venv: extract the seed page, report what got loaded.
PROBE = r"""
import gzip, json, sys
import thresher
html = gzip.decompress(open(sys.argv[1], "rb").read())
doc = thresher.Extractor().extract(html, sys.argv[2])
maps = sorted({line.split()[-1] for line in open("/proc/self/maps") if "/" in line.split()[-1]})
print(json.dumps({"module": thresher.__file__, "title": doc.title, "date": doc.date,
                  "text": doc.text, "maps": maps}))
"""


@pytest.fixture(scope="module")
def wheel():
    given = os.environ.get("THRESHER_WHEEL")
    if not given:
        subprocess.run(["make", "wheel", f"PYTHON={sys.executable}"], cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL)
        found = glob.glob(str(ROOT / "dist" / "thresher-*.whl"))
        assert len(found) == 1, found
        given = found[0]
    path = pathlib.Path(given)
    assert path.is_file(), path
    assert "manylinux" in path.name, f"{path.name}: not repaired by auditwheel"
    return path


@pytest.fixture(scope="module")
def venv(wheel, tmp_path_factory):
    root = tmp_path_factory.mktemp("wheel-venv")
    subprocess.run([sys.executable, "-m", "venv", str(root)], check=True)
    py = root / "bin" / "python"
    subprocess.run([str(py), "-m", "pip", "install", "-q", "--disable-pip-version-check", str(wheel)],
                   check=True)
    return root


def probe(python, *, prefix=()):
    gold = json.loads((SEED / "expected.json").read_text(encoding="utf-8"))
    run = subprocess.run([*prefix, str(python), "-c", PROBE, str(SEED / "page.html.gz"), gold["url"]],
                         capture_output=True, text=True, cwd="/", timeout=120)
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout), gold


def test_wheel_bundles_gumbo_re2_uchardet(wheel):
    import zipfile

    names = zipfile.ZipFile(wheel).namelist()
    libs = [n for n in names if n.startswith("thresher.libs/")]
    for lib in BUNDLED:
        assert any(pathlib.PurePath(n).name.startswith(lib + "-") for n in libs), (lib, libs)


def test_installed_wheel_extracts_the_seed_with_its_own_libraries(venv):
    core = glob.glob(str(venv / "lib" / "python*" / "site-packages" / "thresher" / "_core*.so"))
    assert len(core) == 1
    ldd = subprocess.run(["ldd", core[0]], capture_output=True, text=True, check=True).stdout
    site = os.path.realpath(pathlib.Path(core[0]).parent.parent)
    for lib in BUNDLED:
        lines = [ln for ln in ldd.splitlines() if ln.strip().startswith(lib)]
        assert len(lines) == 1, (lib, ldd)  # one copy, and not the system's (that name has no hash)
        resolved = lines[0].split("=>", 1)[1].split(" (", 1)[0].strip()
        assert os.path.dirname(os.path.realpath(resolved)) == f"{site}/thresher.libs", lines[0]

    result, gold = probe(venv / "bin" / "python")
    assert result["module"].startswith(str(venv))
    assert result["title"] == gold["fields"]["title"] and result["date"] == gold["fields"]["date"]
    assert " ".join(gold["with"][0].split()) in " ".join(result["text"].split())
    loaded = [m for m in result["maps"] if any(pathlib.PurePath(m).name.startswith(lib) for lib in BUNDLED)]
    assert len(loaded) == len(BUNDLED), loaded  # the three, once each: no second copy from /usr/lib
    assert all(m.startswith(f"{site}/thresher.libs/") for m in loaded), loaded


def system_copies():
    """The real files of the system's gumbo, RE2 and uchardet (what a plain build links)."""
    found = set()
    for lib in BUNDLED:
        for path in glob.glob(f"/usr/lib/*/{lib}.so*") + glob.glob(f"/lib/*/{lib}.so*"):
            found.add(os.path.realpath(path))
    return sorted(found)


def test_installed_wheel_runs_with_the_system_libraries_hidden(venv):
    """In a private mount namespace, /dev/null is bound over each system copy of
    the three libraries; the wheel must not notice."""
    hidden = system_copies()
    if not hidden:
        pytest.skip("gumbo/RE2/uchardet are not installed here: nothing to hide")
    if shutil.which("unshare") is None or subprocess.run(
            ["unshare", "-m", "true"], capture_output=True).returncode != 0:
        pytest.skip("needs `unshare -m` (root or user namespaces) to hide the system libraries")
    mounts = " && ".join(f"mount --bind /dev/null {p}" for p in hidden)
    # exit 3 if a hidden copy still loads (the mask did not work), else run the probe
    check = " ".join(hidden)
    script = (f"{mounts} && for p in {check}; do {sys.executable} -c 'import ctypes, sys; "
              f"ctypes.CDLL(sys.argv[1])' $p 2>/dev/null && exit 3; done; exec \"$@\"")
    result, gold = probe(venv / "bin" / "python", prefix=("unshare", "-m", "sh", "-c", script, "sh"))
    assert result["title"] == gold["fields"]["title"]
    assert result["text"]
