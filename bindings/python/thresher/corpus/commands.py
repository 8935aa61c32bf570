"""The ``thresher corpus ...`` subcommands (argparse wiring + printing).

Every command takes the extractor and the metric from a :class:`Context`, so
tests can inject their own; by default they are ``thresher.bare_extraction`` and
``thresher._core.word_prf``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, TextIO

from .baseline import build_baseline, compare, format_check, load_baseline, outputs_path, page_record, write_baseline
from .fields import FIELDS
from .outputs import read_outputs, write_outputs, output_record
from .pages import CorpusError, Page, add_page, default_corpus_dir, filter_pages, find_page, load_corpus
from .runner import Extract, PageResult, run_pages
from .scoring import Metric, Output, group_scores, normalize_ws, score_page, snippet_in
from .tables import fmt, format_aggregates, format_fields

__all__ = ["Context", "register", "dispatch"]


@dataclass
class Context:
    """Injected dependencies: factories so that importing the C++ module is
    deferred until a command actually extracts or scores."""

    extract_factory: Callable[[], Extract] | None = None
    metric_factory: Callable[[], Metric] | None = None
    out: TextIO | None = None

    def extract(self) -> Extract:
        if self.extract_factory is not None:
            return self.extract_factory()
        from .runner import thresher_extract

        return thresher_extract()

    def metric(self) -> Metric:
        if self.metric_factory is not None:
            return self.metric_factory()
        from .runner import thresher_metric

        return thresher_metric()

    def print(self, *args: Any) -> None:
        print(*args, file=self.out or sys.stdout)


# --------------------------------------------------------------------------- argparse


def _corpus_opts(p: argparse.ArgumentParser, filters: bool = True) -> None:
    p.add_argument("--corpus", metavar="DIR", help="corpus folder (default: the checkout's corpus/); "
                   "also a WCXB split, readability test-pages, or trafilatura eval folder")
    if filters:
        p.add_argument("--type", dest="page_type", metavar="T", help="only pages of these types (comma-separated)")
        p.add_argument("--source", metavar="S", help="only pages from these sources (comma-separated)")
        p.add_argument("--limit", type=int, metavar="N", help="only the first N pages (after filtering)")
    p.add_argument("--workers", type=int, metavar="N", help="extraction threads (default: CPU count)")


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the ``corpus`` command group to a top-level subparsers object."""
    corpus = sub.add_parser("corpus", help="score, check and inspect the regression corpus",
                            description="Corpus regression harness: see thresher/corpus/README-scoring.md.")
    cs = corpus.add_subparsers(dest="corpus_cmd", metavar="COMMAND")
    cs.required = True

    p = cs.add_parser("run", help="extract every page and print a short view of each")
    _corpus_opts(p)
    p.add_argument("--lines", type=int, default=3, help="text lines to show per page (default 3)")
    p.set_defaults(func=cmd_run)

    p = cs.add_parser("score", help="score every page; per-source and per-type tables")
    _corpus_opts(p)
    p.add_argument("--json", metavar="OUT", help="write aggregates and page scores as JSON")
    p.add_argument("--save-outputs", metavar="FILE", help="write the outputs as JSONL (.gz ok), for score-outputs")
    p.set_defaults(func=cmd_score)

    p = cs.add_parser("score-outputs", help="score a JSONL of another tool's outputs ({id, text, title, ...})")
    p.add_argument("file", metavar="FILE.jsonl[.gz]")
    _corpus_opts(p)
    p.add_argument("--json", metavar="OUT", help="write aggregates and page scores as JSON")
    p.add_argument("--missing-as-empty", action="store_true", help="score pages without an output record as empty output")
    p.set_defaults(func=cmd_score_outputs)

    p = cs.add_parser("check", help="compare with corpus/baseline.json; exit 1 on regressions")
    _corpus_opts(p)
    p.add_argument("--baseline", metavar="FILE", help="baseline file (default: <corpus>/baseline.json)")
    p.add_argument("--diffs", type=int, default=25, metavar="N", help="show text diffs for at most N pages (default 25)")
    p.set_defaults(func=cmd_check)

    p = cs.add_parser("accept", help="rewrite the baseline from the current results")
    _corpus_opts(p)
    p.add_argument("--baseline", metavar="FILE", help="baseline file (default: <corpus>/baseline.json)")
    p.set_defaults(func=cmd_accept)

    p = cs.add_parser("show", help="one page: extracted fields and text next to the gold, diagnostics")
    p.add_argument("id")
    _corpus_opts(p, filters=False)
    p.add_argument("--lines", type=int, default=40, help="text lines to show per side (0 = all; default 40)")
    p.add_argument("--diff", action="store_true", help="also print a unified diff gold -> output")
    p.set_defaults(func=cmd_show)

    p = cs.add_parser("report", help="write a self-contained HTML report")
    p.add_argument("out", metavar="OUT.html")
    _corpus_opts(p)
    p.add_argument("--outputs", metavar="FILE", help="report on these outputs (JSONL) instead of running thresher")
    p.set_defaults(func=cmd_report)

    p = cs.add_parser("add", help="add your own page to the stored corpus")
    p.add_argument("file", metavar="FILE.html")
    p.add_argument("--url", required=True)
    p.add_argument("--gold", metavar="FILE.json", help="expected.json-style gold: text, with, without, fields")
    p.add_argument("--id", dest="page_id")
    p.add_argument("--type", dest="page_type", metavar="T")
    p.add_argument("--corpus", metavar="DIR", help="stored corpus folder (default: the checkout's corpus/)")
    p.add_argument("--license", default="user-supplied")
    p.add_argument("--attribution", default="")
    p.set_defaults(func=cmd_add)


def dispatch(args: argparse.Namespace, ctx: Context | None = None) -> int:
    ctx = ctx or Context()
    try:
        return int(args.func(args, ctx) or 0)
    except CorpusError as e:
        print(f"thresher corpus: {e}", file=sys.stderr)
        return 2


# --------------------------------------------------------------------------- helpers


def _corpus_dir(args: argparse.Namespace) -> Path:
    return Path(args.corpus) if getattr(args, "corpus", None) else default_corpus_dir()


def _load(args: argparse.Namespace) -> tuple[Path, str, list[Page], list[Page]]:
    """(corpus dir, layout, all pages, selected pages)."""
    root = _corpus_dir(args)
    layout, pages = load_corpus(root)
    selected = filter_pages(
        pages,
        source=getattr(args, "source", None),
        page_type=getattr(args, "page_type", None),
        limit=getattr(args, "limit", None),
    )
    return root, layout, pages, selected


def _is_partial(args: argparse.Namespace) -> bool:
    return bool(getattr(args, "source", None) or getattr(args, "page_type", None) or getattr(args, "limit", None) is not None)


def _print_tables(ctx: Context, groups: dict[str, dict[str, Any]]) -> None:
    ctx.print(format_aggregates(groups, "source:", "source"))
    ctx.print()
    ctx.print(format_aggregates(groups, "type:", "page type"))
    ctx.print()
    ctx.print("fields (all pages; accuracy over pages whose gold has the field):")
    ctx.print(format_fields(groups["all"]))


def _scores_json(results: list[PageResult], groups: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    pages = {}
    for r in results:
        rec = page_record(r.page, r.output, r.score)
        rec["seconds"] = round(r.output.seconds, 5)
        pages[r.page.id] = rec
    return {**extra, "aggregates": groups, "pages": pages}


def _write_json(path: str, obj: Any) -> None:
    Path(path).write_text(json.dumps(obj, indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")


def _trunc(s: str, n: int = 100) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "\u2026"


def _summary_line(results: list[PageResult], wall: float) -> str:
    a = group_scores(r.score for r in results)["all"]
    n = len(results)
    rate = n / wall if wall > 0 else float("inf")
    parts = [f"{n} pages"]
    parts.append(f"mean F1 {fmt(a['f1'])} over {a['text_pages']} with gold text")
    parts.append(f"with {fmt(a['with'])} ({a['with_n']} snippets)")
    parts.append(f"without {fmt(a['without'])} ({a['without_n']}, lower is better)")
    if a["errors"]:
        parts.append(f"{a['errors']} errors")
    parts.append(f"{wall:.2f} s")
    parts.append(f"{rate:.1f} pages/s")
    return " | ".join(parts)


# --------------------------------------------------------------------------- commands


def cmd_run(args: argparse.Namespace, ctx: Context) -> int:
    root, layout, _, pages = _load(args)
    extract, metric = ctx.extract(), ctx.metric()
    ctx.print(f"# {len(pages)} pages from {root} ({layout})")

    def show(r: PageResult) -> None:
        p, o, s = r.page, r.output, r.score
        f1 = f"  F1 {s.f1:.3f}" if s.f1 is not None else ""
        ctx.print(f"{p.id}  [{p.source}/{p.page_type}]  {o.seconds * 1000:.1f} ms{f1}")
        if o.error:
            ctx.print(f"  ERROR {o.error}")
        ctx.print(f"  title:  {_trunc(str(o.fields.get('title') or '-'), 100)}")
        ctx.print(f"  date:   {o.fields.get('date') or '-'}   author: {_trunc(str(o.fields.get('author') or '-'), 70)}")
        lines = [ln for ln in (o.text or "").splitlines() if ln.strip()]
        for ln in lines[: args.lines]:
            ctx.print(f"  | {_trunc(ln, 100)}")
        if not lines:
            ctx.print("  | (no text)")

    t0 = time.perf_counter()
    results = run_pages(pages, extract, metric, workers=args.workers, on_result=show)
    wall = time.perf_counter() - t0
    ctx.print("")
    ctx.print(_summary_line(results, wall))
    return 0


def cmd_score(args: argparse.Namespace, ctx: Context) -> int:
    root, layout, _, pages = _load(args)
    extract, metric = ctx.extract(), ctx.metric()
    t0 = time.perf_counter()
    results = run_pages(pages, extract, metric, workers=args.workers)
    wall = time.perf_counter() - t0
    groups = group_scores(r.score for r in results)
    ctx.print(f"# thresher on {root} ({layout})")
    _print_tables(ctx, groups)
    ctx.print()
    ctx.print(_summary_line(results, wall))
    if args.json:
        _write_json(args.json, _scores_json(results, groups, {"corpus": str(root), "layout": layout, "tool": "thresher"}))
    if args.save_outputs:
        write_outputs(args.save_outputs, [output_record(r.page.id, r.output) for r in results])
    return 0


def _match_outputs(pages: list[Page], outputs: dict[str, Output]) -> tuple[list[tuple[Page, Output | None]], set[str]]:
    used: set[str] = set()
    pairs = []
    for p in pages:
        hit = None
        for key in [p.id, *(sorted(p.keys() - {p.id}))]:
            if key in outputs:
                hit = key
                break
        if hit is not None:
            used.add(hit)
        pairs.append((p, outputs[hit] if hit is not None else None))
    return pairs, set(outputs) - used


def cmd_score_outputs(args: argparse.Namespace, ctx: Context) -> int:
    root, layout, all_pages, pages = _load(args)
    outputs = read_outputs(args.file)
    metric = ctx.metric()
    pairs, unmatched = _match_outputs(pages, outputs)
    if _is_partial(args):
        _, unmatched = _match_outputs(all_pages, outputs)
    results = []
    missing = 0
    for p, o in pairs:
        if o is None:
            missing += 1
            if not args.missing_as_empty:
                continue
            o = Output(error="no output record")
        results.append(PageResult(p, o, score_page(p, o, metric)))
    ctx.print(f"# {args.file} on {root} ({layout}): {len(results)} pages scored")
    if missing:
        ctx.print(f"# {missing} selected pages have no output record" + (" (scored as empty)" if args.missing_as_empty else " (not scored)"))
    if unmatched:
        ctx.print(f"# {len(unmatched)} output records match no corpus page, e.g. {sorted(unmatched)[:3]}")
    if not results:
        ctx.print("nothing to score")
        return 1
    groups = group_scores(r.score for r in results)
    _print_tables(ctx, groups)
    if args.json:
        _write_json(args.json, _scores_json(results, groups, {"corpus": str(root), "layout": layout, "tool": str(args.file)}))
    return 0


def _baseline_path(args: argparse.Namespace, root: Path, layout: str) -> Path:
    if args.baseline:
        return Path(args.baseline)
    if layout != "stored":
        raise CorpusError(f"{root} is a {layout!r} folder, not a stored corpus: pass --baseline FILE")
    return root / "baseline.json"


def cmd_check(args: argparse.Namespace, ctx: Context) -> int:
    root, layout, all_pages, pages = _load(args)
    bpath = _baseline_path(args, root, layout)
    if not bpath.exists():
        ctx.print(f"no baseline at {bpath}: run `thresher corpus accept` first")
        return 2
    baseline, stored = load_baseline(bpath)
    extract, metric = ctx.extract(), ctx.metric()
    t0 = time.perf_counter()
    results = run_pages(pages, extract, metric, workers=args.workers)
    wall = time.perf_counter() - t0
    report = compare(baseline, stored, results, metric, partial=_is_partial(args), all_page_ids=[p.id for p in all_pages])
    ctx.print(f"# corpus check: {len(results)} pages of {root} against {bpath} ({wall:.1f} s)")
    ctx.print(format_check(report, max_diffs=args.diffs, baseline_name=bpath.name))
    return 0 if report.ok else 1


def cmd_accept(args: argparse.Namespace, ctx: Context) -> int:
    root, layout, all_pages, pages = _load(args)
    bpath = _baseline_path(args, root, layout)
    previous, prev_out = (load_baseline(bpath) if bpath.exists() else (None, None))
    extract, metric = ctx.extract(), ctx.metric()
    results = run_pages(pages, extract, metric, workers=args.workers)
    baseline, records = build_baseline(results, previous, prev_out, keep_ids=[p.id for p in all_pages])
    changed = 0
    if previous:
        old = previous.get("pages") or {}
        changed = sum(1 for pid, rec in baseline["pages"].items() if old.get(pid) != rec)
        changed += sum(1 for pid in old if pid not in baseline["pages"])
    write_baseline(bpath, baseline, records)
    a = baseline["aggregates"].get("all", {})
    ctx.print(
        f"wrote {bpath} and {outputs_path(bpath).name}: {len(baseline['pages'])} pages"
        + (f", {changed} records changed" if previous else "")
        + f"; mean F1 {fmt(a.get('f1'))}, with {fmt(a.get('with'))}, without {fmt(a.get('without'))}"
    )
    ctx.print("review with `git diff " + str(bpath) + "` and commit both files")
    return 0


def cmd_show(args: argparse.Namespace, ctx: Context) -> int:
    root, layout, pages, _ = _load(args)
    page = find_page(pages, args.id)
    extract, metric = ctx.extract(), ctx.metric()
    r = run_pages([page], extract, metric, workers=1)[0]
    o, s, g = r.output, r.score, page.gold
    ctx.print(f"{page.id}  [{page.source}/{page.page_type}]  {page.url or ''}")
    ctx.print(f"corpus {root} ({layout}); extraction {o.seconds * 1000:.1f} ms" + (f"; ERROR {o.error}" if o.error else ""))
    ctx.print("")
    rows = [("field", "gold", "extracted", "")]
    for name in FIELDS + ("description", "categories", "tags"):
        if name not in g.fields:
            gv = "(not annotated)"
        elif g.fields[name] is None:
            gv = "(none: must be absent)"
        else:
            gv = g.fields[name]
        ok = s.fields.get(name)
        rows.append((name, _trunc(str(gv), 60), _trunc(str(o.fields.get(name)), 60), "" if ok is None else ("ok" if ok else "WRONG")))
    w = [max(len(r_[i]) for r_ in rows) for i in range(4)]
    for row in rows:
        ctx.print("  ".join(c.ljust(w[i]) for i, c in enumerate(row)).rstrip())
    ctx.print("")
    if s.f1 is not None:
        ctx.print(f"text: P {s.precision:.3f}  R {s.recall:.3f}  F1 {s.f1:.3f}")
    else:
        ctx.print("text: no gold text")
    norm = normalize_ws(o.text or "")
    for sn in g.with_:
        ctx.print(f"  with    {'found  ' if snippet_in(sn, norm) else 'MISSING'}  {_trunc(sn, 90)}")
    for sn in g.without:
        ctx.print(f"  without {'LEAKED ' if snippet_in(sn, norm) else 'absent '}  {_trunc(sn, 90)}")

    def block(title: str, text: str | None) -> None:
        ctx.print("")
        lines = (text or "").splitlines()
        n = len(lines) if args.lines <= 0 else args.lines
        ctx.print(f"--- {title} ({len(lines)} lines, {len((text or '').split())} words)")
        for ln in lines[:n]:
            ctx.print(ln)
        if len(lines) > n:
            ctx.print(f"... {len(lines) - n} more lines (--lines 0 for all)")

    block("extracted text", o.text)
    block("gold text", g.text if g.text is not None else "(none)")
    if args.diff and g.text is not None:
        import difflib

        ctx.print("")
        ctx.print("--- diff gold -> extracted")
        for ln in difflib.unified_diff(g.text.splitlines(), (o.text or "").splitlines(), "gold", "extracted", n=1, lineterm=""):
            ctx.print(ln)
    ctx.print("")
    ctx.print("--- diagnostics")
    ctx.print(json.dumps(o.diagnostics or {}, indent=1, sort_keys=True, ensure_ascii=False, default=str))
    return 0


def cmd_report(args: argparse.Namespace, ctx: Context) -> int:
    from .report import render_report

    root, layout, _, pages = _load(args)
    metric = ctx.metric()
    t0 = time.perf_counter()
    if args.outputs:
        outputs = read_outputs(args.outputs)
        pairs, _ = _match_outputs(pages, outputs)
        results = [PageResult(p, o, score_page(p, o, metric)) for p, o in pairs if o is not None]
        tool = args.outputs
    else:
        results = run_pages(pages, ctx.extract(), metric, workers=args.workers)
        tool = "thresher"
    html = render_report(results, title="thresher corpus report", subtitle=f"{tool} on {root} ({layout}), {len(results)} pages")
    Path(args.out).write_text(html, encoding="utf-8")
    ctx.print(f"wrote {args.out} ({len(html) / 1e6:.1f} MB, {len(results)} pages, {time.perf_counter() - t0:.1f} s)")
    return 0


def cmd_add(args: argparse.Namespace, ctx: Context) -> int:
    root = Path(args.corpus) if args.corpus else default_corpus_dir()
    html = Path(args.file).read_bytes()
    gold = None
    if args.gold:
        gold = json.loads(Path(args.gold).read_text(encoding="utf-8"))
        if not isinstance(gold, dict):
            raise CorpusError(f"{args.gold}: expected a JSON object")
    root.mkdir(parents=True, exist_ok=True)
    page = add_page(
        root, html, args.url, gold=gold, page_id=args.page_id, page_type=args.page_type,
        origin=Path(args.file).name, license=args.license, attribution=args.attribution,
    )
    ctx.print(f"added {page.id} to {root} (type {page.page_type}); "
              f"gold: {'text, ' if page.gold.text is not None else ''}{len(page.gold.with_)} with, "
              f"{len(page.gold.without)} without, fields {sorted(page.gold.fields)}")
    ctx.print("run `thresher corpus accept` to add it to the baseline")
    return 0
