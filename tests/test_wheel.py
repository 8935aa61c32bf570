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
import re
import shutil
import subprocess
import sys
import zipfile

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
SEED = ROOT / "corpus" / "pages" / "seed-almayadeen-zakharova"
REQUIRED = ("libgumbo", "libre2", "libuchardet")  # linked from the system by a plain build

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
def bundled(wheel):
    """The libraries auditwheel copied into the wheel, by name without hash and
    version (``thresher.libs/libre2-d7184d99.so.9.0.0`` -> ``libre2``)."""
    names = [pathlib.PurePosixPath(n).name for n in zipfile.ZipFile(wheel).namelist()
             if n.startswith("thresher.libs/")]
    return sorted({m.group(1) for m in map(re.compile(r"(lib[^-/]+)-[0-9a-f]{8}\.so").match, names) if m})


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


def test_wheel_bundles_gumbo_re2_uchardet(bundled):
    assert set(REQUIRED) <= set(bundled), bundled


def test_installed_wheel_extracts_the_seed_with_its_own_libraries(venv, bundled):
    core = glob.glob(str(venv / "lib" / "python*" / "site-packages" / "thresher" / "_core*.so"))
    assert len(core) == 1
    ldd = subprocess.run(["ldd", core[0]], capture_output=True, text=True, check=True).stdout
    site = os.path.realpath(pathlib.Path(core[0]).parent.parent)
    for lib in bundled:
        lines = [ln for ln in ldd.splitlines() if ln.strip().startswith(lib + "-")]
        assert len(lines) == 1, (lib, ldd)  # one copy, and not the system's (that name has no hash)
        resolved = lines[0].split("=>", 1)[1].split(" (", 1)[0].strip()
        assert os.path.dirname(os.path.realpath(resolved)) == f"{site}/thresher.libs", lines[0]

    result, gold = probe(venv / "bin" / "python")
    assert result["module"].startswith(str(venv))
    assert result["title"] == gold["fields"]["title"] and result["date"] == gold["fields"]["date"]
    assert " ".join(gold["with"][0].split()) in " ".join(result["text"].split())
    loaded = [m for m in result["maps"] if any(pathlib.PurePath(m).name.startswith(lib + p)
                                               for lib in bundled for p in ("-", ".so"))]
    assert len(loaded) == len(bundled), loaded  # each once: no second copy from /usr/lib
    assert all(m.startswith(f"{site}/thresher.libs/") for m in loaded), loaded


def system_copies(libs):
    """The real files of the system's copies of ``libs`` (what a plain build links)."""
    found = set()
    for lib in libs:
        for path in glob.glob(f"/usr/lib/*/{lib}.so*") + glob.glob(f"/lib/*/{lib}.so*"):
            found.add(os.path.realpath(path))
    return sorted(found)


def test_installed_wheel_runs_with_the_system_libraries_hidden(venv, bundled):
    """In a private mount namespace, /dev/null is bound over each system copy of
    the bundled libraries; the wheel must not notice."""
    hidden = system_copies(bundled)
    if not hidden:
        pytest.skip("none of the bundled libraries is installed here: nothing to hide")
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
