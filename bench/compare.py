#!/usr/bin/env python3
"""thresher against its peers: speed, memory and word-level F1 on the same pages.

    python bench/compare.py --pages ../shared/corpus-src/wcxb-dev --limit 300

The peers (pinned in ``PEERS``) live in their own virtual environment,
``build/bench-venv``, created on the first run and reused after (``--reinstall``
rebuilds it); a peer that fails to install or import is reported and skipped.
Each tool runs in its own process (``bench/peer_runner.py``: the venv's python
for the peers, this python for thresher), pinned to one CPU, with every page
already in memory; only the extraction call is timed (process CPU time, which
is steadier than wall time on a busy machine). The child writes its texts as
JSONL and the parent scores them against the gold with ``thresher.word_prf``,
the corpus metric, so every tool is scored by the same code.

Prints one table (pages/s, MB/s, peak RSS, mean P/R/F1, thresher's speed ratio
to each tool), and writes ``results.json``, each tool's texts and ``chart.png``
(speed vs F1, drawn by the venv's matplotlib) to ``--out``.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Dict, Iterable, List, Optional, Sequence, Tuple

REPO = Path(__file__).resolve().parents[1]
RUNNER = Path(__file__).resolve().parent / "peer_runner.py"
DEFAULT_VENV = REPO / "build" / "bench-venv"
DEFAULT_OUT = REPO / "build" / "bench-compare"

# tool name -> pinned PyPI requirement (installed and checked 2026-11-28).
PEERS: Dict[str, str] = {
    "trafilatura": "trafilatura==2.3.1",
    "readability": "readability-lxml==0.9",
    "resiliparse": "resiliparse==2.0.1",
    "justext": "justext==3.0.2",
    "newspaper": "newspaper4k==0.9.6",
    "goose": "goose3==3.1.22",
}
# Shared by several peers (lxml) or by the chart (matplotlib): pinned too.
COMMON: List[str] = ["lxml==6.1.3", "matplotlib==3.11.2"]
TOOLS: List[str] = ["thresher", *PEERS]
ALIASES: Dict[str, str] = {
    "readability-lxml": "readability",
    "newspaper4k": "newspaper",
    "newspaper3k": "newspaper",
    "goose3": "goose",
    "jusText": "justext",
}
STAMP_NAME = ".thresher-bench.json"


# ----------------------------------------------------------------- pages


@dataclass
class BenchPage:
    id: str
    html: bytes
    gold: str
    url: Optional[str] = None
    keys: Tuple[str, ...] = ()  # ids it answers to (own id, id in its source data set)


def load_pages(root: Path | str, limit: Optional[int] = None) -> Tuple[str, List[BenchPage]]:
    """Pages with a gold text from any corpus layout thresher's harness reads
    (the stored corpus, a WCXB split, ...), in corpus order; the first
    ``limit`` of them. Returns (layout name, pages)."""
    from thresher.corpus.pages import load_corpus

    layout, pages = load_corpus(Path(root))
    out: List[BenchPage] = []
    for p in pages:
        if limit is not None and 0 <= limit <= len(out):
            break
        gold = p.gold.text
        if not isinstance(gold, str) or not gold.strip():
            continue
        out.append(BenchPage(id=p.id, html=p.read_html(), gold=gold, url=p.url,
                             keys=tuple(sorted(p.keys()))))
    return layout, out


def stored_corpus_ids(corpus: Path = REPO / "corpus") -> set:
    """Ids of the pages in this checkout's stored corpus: thresher's rules are
    tuned on them, so its F1 there is not a held-out figure."""
    manifest = corpus / "manifest.jsonl"
    if not manifest.is_file():
        return set()
    with open(manifest, encoding="utf-8") as f:
        return {json.loads(line)["id"] for line in f if line.strip()}


def unseen_pages(pages: Sequence[BenchPage], seen: set) -> List[BenchPage]:
    """The pages not in ``seen`` under any of their ids."""
    return [p for p in pages if not ({p.id, *p.keys} & seen)]


def write_bundle(pages: Sequence[BenchPage], folder: Path) -> Path:
    """The pages as one blob + index, which each child loads into memory."""
    folder.mkdir(parents=True, exist_ok=True)
    index = []
    offset = 0
    with open(folder / "pages.bin", "wb") as blob:
        for p in pages:
            blob.write(p.html)
            index.append({"id": p.id, "url": p.url, "offset": offset, "length": len(p.html)})
            offset += len(p.html)
    (folder / "pages.json").write_text(json.dumps(index), encoding="utf-8")
    return folder


# ----------------------------------------------------------------- scoring


def read_outputs(path: Path) -> Dict[str, dict]:
    """A child's JSONL: id -> {"text", "error", ...}."""
    out: Dict[str, dict] = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                rec = json.loads(line)
                out[rec["id"]] = rec
    return out


def score_outputs(
    outputs: Dict[str, dict],
    pages: Sequence[BenchPage],
    prf: Optional[Callable[[str, str], Sequence[float]]] = None,
) -> Dict[str, float]:
    """Mean word-level precision, recall and F1 over ``pages``; a page the tool
    failed on or left out scores as an empty text."""
    if prf is None:
        import thresher

        prf = thresher.word_prf
    if not pages:
        return {"mean_p": 0.0, "mean_r": 0.0, "mean_f1": 0.0, "scored": 0}
    tp = tr = tf = 0.0
    for page in pages:
        text = (outputs.get(page.id) or {}).get("text") or ""
        p, r, f = prf(text, page.gold)
        tp, tr, tf = tp + p, tr + r, tf + f
    n = len(pages)
    return {"mean_p": tp / n, "mean_r": tr / n, "mean_f1": tf / n, "scored": n}


def make_row(stats: dict, scores: Dict[str, float]) -> dict:
    """One table row from a child's stats and its scores."""
    cpu = stats.get("cpu_seconds") or 0.0
    pages = stats.get("pages", 0)
    return {
        "tool": stats["tool"],
        "version": stats.get("version", "?"),
        "pages": pages,
        "errors": stats.get("errors", 0),
        "pages_per_s": pages / cpu if cpu > 0 else 0.0,
        "mb_per_s": stats.get("bytes", 0) / 1e6 / cpu if cpu > 0 else 0.0,
        "cpu_seconds": cpu,
        "wall_seconds": stats.get("wall_seconds", 0.0),
        "peak_rss_mb": stats.get("peak_rss_kb", 0) / 1024.0,
        "rss_before_mb": stats.get("rss_before_kb", 0) / 1024.0,
        # What the tool adds on top of the pages held in memory.
        "rss_over_pages_mb": max(0, stats.get("peak_rss_kb", 0)
                                 - stats.get("rss_pages_kb", 0)) / 1024.0,
        "network_attempts": stats.get("network_attempts", 0),
        **scores,
    }


def add_ratios(rows: List[dict], reference: str = "thresher") -> List[dict]:
    """thresher's pages/s divided by each tool's (None without a thresher row)."""
    ref = next((r for r in rows if r["tool"] == reference and r["pages_per_s"] > 0), None)
    for r in rows:
        r["thresher_x"] = (ref["pages_per_s"] / r["pages_per_s"]
                           if ref is not None and r["pages_per_s"] > 0 else None)
    return rows


_COLUMNS = [
    ("tool", "tool", "{}"),
    ("version", "version", "{}"),
    ("pages", "pages", "{:d}"),
    ("errors", "errors", "{:d}"),
    ("pages_per_s", "pages/s", "{:.1f}"),
    ("mb_per_s", "MB/s", "{:.2f}"),
    ("peak_rss_mb", "peak RSS MB", "{:.0f}"),
    ("rss_over_pages_mb", "RSS-pages MB", "{:.0f}"),
    ("mean_p", "P", "{:.3f}"),
    ("mean_r", "R", "{:.3f}"),
    ("mean_f1", "mean F1", "{:.3f}"),
    ("mean_f1_unseen", "F1 unseen", "{:.3f}"),
    ("thresher_x", "thresher x", "{:.1f}x"),
]


def format_table(rows: Iterable[dict], markdown: bool = False) -> str:
    """The result table, plain aligned text or Markdown. Missing values are '-'."""
    rows = list(rows)
    # "F1 unseen" only when there is such a figure.
    columns = [c for c in _COLUMNS
               if c[0] != "mean_f1_unseen" or any(r.get(c[0]) is not None for r in rows)]
    header = [title for _, title, _ in columns]
    cells = []
    for r in rows:
        line = []
        for key, _, fmt in columns:
            v = r.get(key)
            line.append("-" if v is None else fmt.format(v))
        cells.append(line)
    if markdown:
        out = ["| " + " | ".join(header) + " |",
               "|" + "|".join("---" if i < 2 else "---:" for i in range(len(header))) + "|"]
        out += ["| " + " | ".join(c) + " |" for c in cells]
        return "\n".join(out)
    widths = [max(len(h), *(len(c[i]) for c in cells)) if cells else len(h)
              for i, h in enumerate(header)]

    def fmt_line(values: List[str]) -> str:
        return "  ".join(v.ljust(w) if i < 2 else v.rjust(w)
                         for i, (v, w) in enumerate(zip(values, widths))).rstrip()

    lines = [fmt_line(header), fmt_line(["-" * w for w in widths])]
    lines += [fmt_line(c) for c in cells]
    return "\n".join(lines)


def parse_tools(arg: Optional[str]) -> List[str]:
    """'--tools a,b' -> canonical tool names in TOOLS order; all when empty."""
    if not arg:
        return list(TOOLS)
    wanted = []
    for name in arg.split(","):
        name = name.strip()
        if not name:
            continue
        name = ALIASES.get(name, name)
        if name not in TOOLS:
            raise SystemExit(f"unknown tool {name!r}; known: {', '.join(TOOLS)}")
        wanted.append(name)
    return [t for t in TOOLS if t in wanted]


def machine_description() -> str:
    model = ""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return f"{model or platform.processor() or 'unknown CPU'}, {os.cpu_count()} cores, " \
           f"{platform.system()} {platform.release()}, Python {platform.python_version()}"


# ----------------------------------------------------------------- the venv


def venv_python(venv: Path) -> Path:
    return venv / "bin" / "python"


def _pip(python: Path, specs: List[str], log) -> bool:
    cmd = [str(python), "-m", "pip", "install", "--disable-pip-version-check", "-q", *specs]
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if proc.returncode != 0:
        log(f"  pip install {' '.join(specs)} failed:\n    "
            + "\n    ".join(proc.stdout.strip().splitlines()[-6:]))
    return proc.returncode == 0


def ensure_venv(venv: Path, reinstall: bool = False, log=print) -> Dict[str, dict]:
    """Create (once) the peers' venv with the pinned versions. Returns per tool
    {"ok": bool, "version" or "error"}, plus "_chart" for matplotlib. Cached in
    a stamp file in the venv: a failed install is not retried until
    ``--reinstall`` or a change of the pins."""
    stamp_path = venv / STAMP_NAME
    want = {"python": platform.python_version(), "specs": [*PEERS.values(), *COMMON]}
    if not reinstall and stamp_path.is_file():
        try:
            stamp = json.loads(stamp_path.read_text(encoding="utf-8"))
            if {k: stamp.get(k) for k in want} == want:
                return stamp["status"]
        except (ValueError, KeyError):
            pass
    if reinstall and venv.exists():
        shutil.rmtree(venv)
    python = venv_python(venv)
    status: Dict[str, dict] = {}
    if not python.exists():
        log(f"creating {venv} (once; --reinstall to rebuild)")
        proc = subprocess.run([sys.executable, "-m", "venv", str(venv)],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if proc.returncode != 0:
            log(f"  cannot create the venv: {proc.stdout.strip()[-500:]}")
            return {t: {"ok": False, "error": "venv creation failed"} for t in [*PEERS, "_chart"]}
    log(f"installing pinned peers into {venv}: {', '.join(want['specs'])}")
    if not _pip(python, want["specs"], log):
        log("  joint install failed; installing one at a time")
        for spec in [*COMMON, *PEERS.values()]:
            _pip(python, [spec], log)
    for tool in PEERS:
        proc = subprocess.run([str(python), str(RUNNER), "version", tool],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        if proc.returncode == 0:
            status[tool] = {"ok": True, "version": proc.stdout.strip()}
        else:
            err = (proc.stderr.strip().splitlines() or ["import failed"])[-1]
            status[tool] = {"ok": False, "error": err[:300]}
            log(f"  {tool}: unusable ({err[:200]}); it will be skipped")
    proc = subprocess.run([str(python), "-c", "import matplotlib"], capture_output=True)
    status["_chart"] = {"ok": proc.returncode == 0}
    freeze = subprocess.run([str(python), "-m", "pip", "freeze", "--disable-pip-version-check"],
                            capture_output=True, text=True).stdout.split()
    stamp_path.write_text(json.dumps({**want, "status": status, "freeze": freeze}, indent=1),
                          encoding="utf-8")
    return status


# ----------------------------------------------------------------- running


def run_tool(tool: str, python: Path, bundle: Path, out_dir: Path, page_timeout: float,
             log=print) -> Optional[dict]:
    """One child process; its stats, or None (reported) when it failed."""
    cmd = [str(python), str(RUNNER), "run", tool, str(bundle), str(out_dir),
           "--page-timeout", str(page_timeout)]
    env = dict(os.environ, PYTHONHASHSEED="0")
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    stats_path = out_dir / f"{tool}.stats.json"
    if proc.returncode != 0 or not stats_path.is_file():
        tail = "\n    ".join(proc.stderr.strip().splitlines()[-8:])
        log(f"  {tool}: the run failed (exit {proc.returncode}), skipped:\n    {tail}")
        return None
    return json.loads(stats_path.read_text(encoding="utf-8"))


def run_notes(tool: str, stats: dict, outputs: Dict[str, dict]) -> List[str]:
    """What the table hides: failed pages (with the first error) and refused
    network attempts."""
    notes = []
    errors = [rec["error"] for rec in outputs.values() if rec.get("error")]
    if errors:
        notes.append(f"{tool}: {len(errors)} page(s) failed, first: {errors[0][:160]}")
    if stats.get("network_attempts"):
        notes.append(f"{tool}: tried to reach the network {stats['network_attempts']} time(s) "
                     "(refused; extraction is offline)")
    return notes


def main(argv: Optional[List[str]] = None) -> int:
    ap = argparse.ArgumentParser(
        description="Speed, memory and F1 of thresher and its peers on the same pages.")
    ap.add_argument("--pages", type=Path, default=None,
                    help="corpus folder (default: this checkout's corpus/); any layout the "
                         "harness reads, e.g. ../shared/corpus-src/wcxb-dev")
    ap.add_argument("--limit", type=int, default=None, help="first N pages with gold text")
    ap.add_argument("--tools", default=None,
                    help=f"comma-separated subset of: {', '.join(TOOLS)} (default: all)")
    ap.add_argument("--repeat", type=int, default=1,
                    help="runs per tool, fastest kept (the machine is noisy)")
    ap.add_argument("--venv", type=Path, default=DEFAULT_VENV)
    ap.add_argument("--reinstall", action="store_true", help="rebuild the peers' venv")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT,
                    help="folder for results.json, <tool>.jsonl and chart.png")
    ap.add_argument("--no-chart", action="store_true")
    ap.add_argument("--page-timeout", type=float, default=60.0,
                    help="seconds per page before a tool's call is abandoned (counted as error)")
    ap.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    args = ap.parse_args(argv)

    tools = parse_tools(args.tools)
    root = args.pages or (REPO / "corpus")
    layout, pages = load_pages(root, args.limit)
    if not pages:
        print(f"no pages with gold text under {root}", file=sys.stderr)
        return 1
    total_mb = sum(len(p.html) for p in pages) / 1e6
    date = _dt.date.today().isoformat()
    print(f"corpus: {root} ({layout}), {len(pages)} pages with gold text, {total_mb:.1f} MB")
    print(f"machine: {machine_description()}; {date}")
    unseen = unseen_pages(pages, stored_corpus_ids())
    if not unseen:
        print("all of these pages are in the stored corpus thresher is tuned on: "
              "its F1 here is not a held-out figure")
    elif len(unseen) < len(pages):
        print(f"{len(pages) - len(unseen)} of these pages are in the stored corpus thresher is "
              f"tuned on; 'F1 unseen' scores the other {len(unseen)}")

    peers = [t for t in tools if t != "thresher"]
    status: Dict[str, dict] = {}
    if peers or not args.no_chart:
        status = ensure_venv(args.venv, args.reinstall)
    for t in peers:
        if not status.get(t, {}).get("ok"):
            print(f"  {t}: not installed ({status.get(t, {}).get('error', 'unknown')}); skipped")

    args.out.mkdir(parents=True, exist_ok=True)
    rows: List[dict] = []
    notes: List[str] = []
    with tempfile.TemporaryDirectory(prefix="thresher-bench-") as tmp:
        bundle = write_bundle(pages, Path(tmp) / "bundle")
        for tool in tools:
            if tool != "thresher" and not status.get(tool, {}).get("ok"):
                continue
            python = Path(sys.executable) if tool == "thresher" else venv_python(args.venv)
            best = None
            for i in range(max(1, args.repeat)):
                print(f"running {tool}" + (f" ({i + 1}/{args.repeat})" if args.repeat > 1 else "")
                      + " ...", flush=True)
                stats = run_tool(tool, python, bundle, args.out, args.page_timeout)
                if stats and (best is None or stats["cpu_seconds"] < best["cpu_seconds"]):
                    best = stats
            if best is None:
                continue
            outputs = read_outputs(args.out / f"{tool}.jsonl")
            scores = score_outputs(outputs, pages)
            if 0 < len(unseen) < len(pages):
                scores["mean_f1_unseen"] = score_outputs(outputs, unseen)["mean_f1"]
            rows.append(make_row(best, scores))
            notes.extend(run_notes(tool, best, outputs))
    add_ratios(rows)

    print()
    print(format_table(rows, markdown=args.markdown))
    print("\npages/s and MB/s: extraction only, process CPU time, one core, pages in memory; "
          "peak RSS: the child's VmHWM (interpreter, tool and all pages included);\n"
          "RSS-pages: peak RSS minus the RSS once the pages were loaded (the tool's import "
          "and working memory); "
          "thresher x: thresher's pages/s / the tool's. F1: word-level bag-of-words vs gold "
          "(thresher.word_prf), mean over pages; a failed page scores 0.")

    for note in notes:
        print("note: " + note)

    results = {
        "date": date, "machine": machine_description(), "corpus": str(root),
        "corpus_name": Path(root).resolve().name, "layout": layout, "pages": len(pages),
        "megabytes": total_mb, "rows": rows, "unseen_pages": len(unseen),
        "pins": {**PEERS, "common": COMMON},
    }
    results_path = args.out / "results.json"
    results_path.write_text(json.dumps(results, indent=1), encoding="utf-8")
    print(f"\nwrote {results_path}")
    if not args.no_chart:
        if status.get("_chart", {}).get("ok"):
            png = args.out / "chart.png"
            proc = subprocess.run([str(venv_python(args.venv)), str(RUNNER), "chart",
                                   str(results_path), str(png)],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            if proc.returncode == 0:
                print(f"wrote {png}")
            else:
                print(f"chart failed: {proc.stderr.strip()[-400:]}", file=sys.stderr)
        else:
            print("no chart: matplotlib is not available in the bench venv", file=sys.stderr)
    return 0 if rows else 1


if __name__ == "__main__":
    sys.exit(main())
