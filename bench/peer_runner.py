"""One tool's timed run over a page bundle; also draws compare.py's chart.

Run by ``bench/compare.py``, one process per tool: with the bench venv's
python for the peers, with the current python for thresher. It imports only
the tool it runs (never thresher or compare.py, which are not installed in
the venv), so it has no dependencies of its own.

    peer_runner.py run TOOL BUNDLE_DIR OUT_DIR [--page-timeout S] [--cpu N]
    peer_runner.py version TOOL          # prints the installed version, exit 1 if unusable
    peer_runner.py chart RESULTS.json OUT.png

``run`` loads every page of the bundle (``pages.bin`` + ``pages.json``, written
by compare.py) into memory, builds the tool once, extracts the first page once
untimed (lazy imports, caches), then times each page's extraction alone
(process CPU time and wall time). It writes ``OUT_DIR/TOOL.jsonl`` (one
``{"id", "text", "error"}`` per page) and ``OUT_DIR/TOOL.stats.json`` (times,
bytes, peak RSS: VmHWM, see :func:`peak_rss_kb`).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import signal
import sys
import time
from pathlib import Path
from typing import Callable, Dict, List, Optional

# Distribution name per tool, for importlib.metadata.
DISTRIBUTIONS: Dict[str, str] = {
    "thresher": "thresher",
    "trafilatura": "trafilatura",
    "readability": "readability-lxml",
    "resiliparse": "resiliparse",
    "justext": "justext",
    "newspaper": "newspaper4k",
    "goose": "goose3",
}

Extract = Callable[[bytes, Optional[str]], str]

# ----------------------------------------------------------------- decoding

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)


def decode_html(data: bytes) -> str:
    """bytes -> str for the tools that want str: UTF-8 when it is valid, else
    the page's <meta charset>, else windows-1252; bad bytes become U+FFFD.
    Runs inside the timed region (thresher decodes inside its own)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    m = _META_CHARSET.search(data[:4096])
    if m:
        try:
            return data.decode(m.group(1).decode("ascii"), errors="replace")
        except LookupError:
            pass
    return data.decode("cp1252", errors="replace")


# ----------------------------------------------------------------- the tools

_BLOCK_TAGS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li ul ol pre blockquote table tr td th br section article "
    "header footer figure figcaption dl dt dd".split()
)


def _html_fragment_to_text(fragment: str) -> str:
    """readability's summary() is HTML: its text, with a line break after every
    block element so words of adjacent paragraphs do not run together."""
    import lxml.html

    if not fragment.strip():
        return ""
    root = lxml.html.fromstring(fragment)
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag in _BLOCK_TAGS:
            el.tail = "\n" + (el.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def make_extractor(tool: str) -> Extract:
    """The tool called the way its README suggests, default settings."""
    if tool == "thresher":
        import thresher

        ex = thresher.Extractor()
        return lambda html, url: ex.extract(html, url).text  # bytes: thresher decodes

    if tool == "trafilatura":
        import trafilatura

        # Bytes are accepted and decoded by trafilatura itself.
        return lambda html, url: trafilatura.extract(html) or ""

    if tool == "readability":
        from readability import Document

        return lambda html, url: _html_fragment_to_text(Document(decode_html(html)).summary())

    if tool == "resiliparse":
        from resiliparse.extract.html2text import extract_plain_text
        from resiliparse.parse.encoding import bytes_to_str, detect_encoding
        from resiliparse.parse.html import HTMLTree

        def resiliparse_extract(html: bytes, url: Optional[str]) -> str:
            tree = HTMLTree.parse(bytes_to_str(html, detect_encoding(html)))
            return extract_plain_text(tree, main_content=True)

        return resiliparse_extract

    if tool == "justext":
        import justext

        stoplist = justext.get_stoplist("English")

        def justext_extract(html: bytes, url: Optional[str]) -> str:
            paragraphs = justext.justext(html, stoplist)  # bytes: justext decodes
            return "\n\n".join(p.text for p in paragraphs if not p.is_boilerplate)

        return justext_extract

    if tool == "newspaper":
        import warnings

        warnings.filterwarnings("ignore", module="newspaper")
        import newspaper

        def newspaper_extract(html: bytes, url: Optional[str]) -> str:
            # fetch_images=False: by default it downloads images to size them.
            article = newspaper.Article(url or "https://example.com/", fetch_images=False)
            article.download(input_html=decode_html(html))
            article.parse()
            return article.text or ""

        return newspaper_extract

    if tool == "goose":
        from goose3 import Goose

        goose = Goose()
        return lambda html, url: goose.extract(raw_html=decode_html(html)).cleaned_text or ""

    raise SystemExit(f"peer_runner: unknown tool {tool!r} (known: {', '.join(DISTRIBUTIONS)})")


def tool_version(tool: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(DISTRIBUTIONS[tool])
    except (PackageNotFoundError, KeyError):
        return "?"


# ----------------------------------------------------------------- run


def load_bundle(bundle: Path) -> List[dict]:
    """The pages compare.py wrote: index entries with their bytes attached."""
    index = json.loads((bundle / "pages.json").read_text(encoding="utf-8"))
    with open(bundle / "pages.bin", "rb") as blob:  # page by page: one copy in memory
        for entry in index:
            blob.seek(entry["offset"])
            entry["html"] = blob.read(entry["length"])
    return index


_network_attempts = 0


def disable_network() -> None:
    """Extraction is offline: a tool that tries to reach the network (image
    sizes, suffix lists, ...) gets an OSError, and the attempt is counted."""
    import socket

    def refuse(*args, **kwargs):
        global _network_attempts
        _network_attempts += 1
        raise OSError("network disabled during the benchmark")

    socket.getaddrinfo = refuse
    socket.create_connection = refuse
    socket.socket.connect = refuse
    socket.socket.connect_ex = refuse


class _PageTimeout(BaseException):
    """BaseException, so a tool's own `except Exception` cannot swallow it."""


def _on_alarm(signum, frame):  # noqa: ARG001
    raise _PageTimeout()


def _rss_now_kb() -> int:
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024
    except OSError:
        return 0


def peak_rss_kb() -> int:
    """This process's peak RSS. VmHWM belongs to the address space made at
    exec; getrusage's ru_maxrss also keeps the high-water mark of the parent
    we were forked from (Linux carries it across execve), so it would report
    compare.py's own size for a small tool. getrusage is the fallback."""
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def pin_to_one_cpu(cpu: Optional[int]) -> Optional[int]:
    """Single core, like one worker of a crawl: pin this process to one CPU."""
    if not hasattr(os, "sched_setaffinity"):
        return None
    allowed = sorted(os.sched_getaffinity(0))
    chosen = cpu if cpu in allowed else allowed[-1]
    os.sched_setaffinity(0, {chosen})
    return chosen


def run(tool: str, bundle: Path, out_dir: Path, page_timeout: float, cpu: Optional[int]) -> int:
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    pinned = pin_to_one_cpu(cpu)
    pages = load_bundle(bundle)
    rss_pages_kb = _rss_now_kb()
    disable_network()
    extract = make_extractor(tool)
    if pages:  # warm-up, untimed: lazy imports, compiled patterns, caches
        try:
            extract(pages[0]["html"], pages[0].get("url"))
        except Exception:  # noqa: BLE001 - the timed run reports errors
            pass
    rss_before_kb = _rss_now_kb()
    signal.signal(signal.SIGALRM, _on_alarm)
    cpu_total = wall_total = 0.0
    errors = 0
    out_dir.mkdir(parents=True, exist_ok=True)
    with open(out_dir / f"{tool}.jsonl", "w", encoding="utf-8") as out:
        for page in pages:
            html, url = page["html"], page.get("url")
            error = None
            text = ""
            if page_timeout > 0:
                signal.setitimer(signal.ITIMER_REAL, page_timeout)
            c0, w0 = time.process_time(), time.perf_counter()
            try:
                try:
                    text = extract(html, url)
                finally:
                    if page_timeout > 0:
                        signal.setitimer(signal.ITIMER_REAL, 0)
            except _PageTimeout:
                error = f"timeout after {page_timeout:g} s"
            except Exception as e:  # noqa: BLE001 - a peer's failure is a data point
                error = f"{type(e).__name__}: {e}"[:300]
            c1, w1 = time.process_time(), time.perf_counter()
            cpu_total += c1 - c0
            wall_total += w1 - w0
            if error:
                errors += 1
            if not isinstance(text, str):
                text = "" if text is None else str(text)
            out.write(json.dumps({"id": page["id"], "text": text, "error": error,
                                  "cpu_s": round(c1 - c0, 6)}, ensure_ascii=False) + "\n")
    stats = {
        "tool": tool,
        "version": tool_version(tool),
        "python": sys.version.split()[0],
        "pages": len(pages),
        "bytes": sum(len(p["html"]) for p in pages),
        "errors": errors,
        "cpu_seconds": cpu_total,
        "wall_seconds": wall_total,
        "peak_rss_kb": peak_rss_kb(),
        "ru_maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        "rss_before_kb": rss_before_kb,  # pages loaded, tool imported and warmed up
        "rss_pages_kb": rss_pages_kb,    # pages loaded, tool not imported yet
        "network_attempts": _network_attempts,
        "cpu": pinned,
    }
    (out_dir / f"{tool}.stats.json").write_text(json.dumps(stats, indent=1), encoding="utf-8")
    return 0


# ----------------------------------------------------------------- chart


def chart(results_path: Path, png: Path) -> int:
    """Speed (pages/s, log scale) against mean F1, one dot per tool."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    results = json.loads(results_path.read_text(encoding="utf-8"))
    rows = [r for r in results["rows"] if r.get("pages_per_s")]
    fig, ax = plt.subplots(figsize=(7.5, 5), dpi=120)
    for r in rows:
        ours = r["tool"] == "thresher"
        ax.scatter(r["pages_per_s"], r["mean_f1"], s=90 if ours else 60,
                   color="#d62728" if ours else "#1f77b4", zorder=3)
        ax.annotate(f"{r['tool']} {r['version']}", (r["pages_per_s"], r["mean_f1"]),
                    textcoords="offset points", xytext=(6, 5), fontsize=9)
    ax.set_xscale("log")
    ax.set_xlabel("pages per second, one core (log scale)")
    ax.set_ylabel("mean word-level F1 vs gold")
    ax.grid(True, which="both", alpha=0.3)
    lo = min((r["mean_f1"] for r in rows), default=0.0)
    ax.set_ylim(max(0.0, lo - 0.1), 1.0)
    if rows:
        xs = [r["pages_per_s"] for r in rows]
        ax.set_xlim(min(xs) / 2, max(xs) * 3)
    ax.set_title(f"{results.get('corpus_name', '')}: {results.get('pages', '?')} pages, "
                 f"{results.get('date', '')}", fontsize=10)
    fig.tight_layout()
    png.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(png)
    return 0


# ----------------------------------------------------------------- main


def main(argv: Optional[List[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("run")
    r.add_argument("tool")
    r.add_argument("bundle", type=Path)
    r.add_argument("out_dir", type=Path)
    r.add_argument("--page-timeout", type=float, default=60.0)
    r.add_argument("--cpu", type=int, default=None)
    v = sub.add_parser("version")
    v.add_argument("tool")
    c = sub.add_parser("chart")
    c.add_argument("results", type=Path)
    c.add_argument("png", type=Path)
    args = ap.parse_args(argv)
    if args.cmd == "run":
        return run(args.tool, args.bundle, args.out_dir, args.page_timeout, args.cpu)
    if args.cmd == "version":
        make_extractor(args.tool)  # raises if the tool cannot be imported
        print(tool_version(args.tool))
        return 0
    return chart(args.results, args.png)


if __name__ == "__main__":
    sys.exit(main())
