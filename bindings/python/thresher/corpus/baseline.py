"""The accepted baseline: writing it, verifying it, and checking a run against it.

Files (next to each other, both rewritten by ``thresher corpus accept``):

``baseline.json``
    ``{"format": 1, "aggregates": {group: {...}}, "pages": {id: {...}}}`` with one
    line per group and per page, keys sorted, floats rounded to 4 places, so a
    review diff shows exactly the pages whose result changed. A page record holds
    its scores (precision, recall, f1, ``with``/``without`` as [found, total],
    ``fields`` as {name: correct}) plus ``text_sha``/``fields_sha`` (hash of the
    output) and ``gold_sha`` (hash of the gold it was scored against).
``baseline-outputs.jsonl.gz``
    every page's output (text and fields), see :mod:`thresher.corpus.outputs`;
    gzip written with mtime 0, so identical outputs give identical bytes.

The check (:func:`compare`) fails when

- a page's F1 drops by more than ``PAGE_F1_TOLERANCE`` (0.05);
- a must-have field (annotated in the gold, not listed in its ``optional``) was
  right in the baseline and is wrong now;
- an aggregate (``all``, per source, per page type: F1, with-rate, without-rate,
  each field's accuracy) gets worse by more than ``AGGREGATE_TOLERANCE`` (0.005;
  for the without-rate, "worse" means higher). Aggregates are compared over the
  pages present in both the baseline and the run, each side computed from the
  rounded page records the same way;
- the baseline is not what it claims: a stored page score differs from the score
  of the page's stored output against the same gold, a stored hash does not match
  the stored output, or a stored aggregate differs from the one recomputed from
  the stored pages (so a hand-edited baseline claiming better scores fails);
- (full check only) a corpus page has no baseline record, or a baseline page is
  no longer in the corpus: the baseline is out of date, run accept.

Improvements (F1 up by more than the page tolerance, a field newly right, an
aggregate better by more than its tolerance) are reported and suggest
``thresher corpus accept``.
"""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping

from .fields import FIELDS
from .outputs import fields_digest, output_record, read_outputs, text_digest, write_outputs
from .pages import Page
from .runner import PageResult
from .scoring import AGG_KEYS, Metric, Output, PageScore, group_scores, score_page

__all__ = [
    "AGGREGATE_TOLERANCE",
    "PAGE_F1_TOLERANCE",
    "FORMAT",
    "outputs_path",
    "page_record",
    "build_baseline",
    "write_baseline",
    "load_baseline",
    "baseline_aggregates",
    "verify_baseline",
    "compare",
    "CheckReport",
    "PageChange",
    "format_check",
    "text_diff",
]

FORMAT = 1
AGGREGATE_TOLERANCE: dict[str, float] = {key: 0.005 for key in AGG_KEYS}
PAGE_F1_TOLERANCE = 0.05
# Records are rounded to 4 places: anything closer than this is "the same".
_EPS = 1.5e-4
_AGG_STORED = ("pages", "text_pages", "precision", "recall", "f1", "with", "with_n", "without", "without_n") + tuple(
    k for f in FIELDS for k in (f, f"{f}_n")
)


def outputs_path(baseline_path: Path | str) -> Path:
    p = Path(baseline_path)
    stem = p.name[:-5] if p.name.endswith(".json") else p.name
    return p.with_name(f"{stem}-outputs.jsonl.gz")


def _r4(x: float | None) -> float | None:
    return None if x is None else round(float(x), 4)


def page_record(page: Page, out: Output, score: PageScore) -> dict[str, Any]:
    rec: dict[str, Any] = {
        "source": page.source,
        "page_type": page.page_type,
        "precision": _r4(score.precision),
        "recall": _r4(score.recall),
        "f1": _r4(score.f1),
        "with": [score.with_found, score.with_total],
        "without": [score.without_found, score.without_total],
        "fields": dict(sorted(score.fields.items())),
        "null_fields": sorted(score.null_fields),
        "text_sha": text_digest(out),
        "fields_sha": fields_digest(out),
        "gold_sha": page.gold.digest(),
    }
    if out.error:
        rec["error"] = out.error
    return rec


def _score_from_record(pid: str, rec: Mapping[str, Any]) -> PageScore:
    w = rec.get("with") or [0, 0]
    wo = rec.get("without") or [0, 0]
    return PageScore(
        id=pid,
        source=rec.get("source", "unknown"),
        page_type=rec.get("page_type", "unknown"),
        precision=rec.get("precision"),
        recall=rec.get("recall"),
        f1=rec.get("f1"),
        with_found=int(w[0]),
        with_total=int(w[1]),
        without_found=int(wo[0]),
        without_total=int(wo[1]),
        fields={k: bool(v) for k, v in (rec.get("fields") or {}).items()},
        null_fields=tuple(rec.get("null_fields") or ()),
        error=rec.get("error"),
    )


def baseline_aggregates(records: Mapping[str, Mapping[str, Any]]) -> dict[str, dict[str, Any]]:
    """Aggregates (rounded) recomputed from page records."""
    groups = group_scores(_score_from_record(pid, records[pid]) for pid in sorted(records))
    return {g: {k: (_r4(v) if isinstance(v, float) else v) for k, v in agg.items() if k in _AGG_STORED} for g, agg in groups.items()}


def build_baseline(
    results: Iterable[PageResult],
    previous: Mapping[str, Any] | None = None,
    previous_outputs: Mapping[str, Output] | None = None,
    keep_ids: Iterable[str] | None = None,
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """New baseline and output records from ``results``. Pages of ``previous``
    that were not run but are still in the corpus (``keep_ids``) are kept."""
    records: dict[str, Any] = {}
    outs: dict[str, dict[str, Any]] = {}
    keep = set(keep_ids or ())
    if previous:
        for pid, rec in (previous.get("pages") or {}).items():
            if pid in keep and previous_outputs and pid in previous_outputs:
                records[pid] = rec
                outs[pid] = output_record(pid, previous_outputs[pid])
    for r in results:
        records[r.page.id] = page_record(r.page, r.output, r.score)
        outs[r.page.id] = output_record(r.page.id, r.output)
    baseline = {"format": FORMAT, "aggregates": baseline_aggregates(records), "pages": records}
    return baseline, [outs[k] for k in sorted(outs)]


def _dumps(obj: Any) -> str:
    return json.dumps(obj, sort_keys=True, ensure_ascii=False, separators=(", ", ": "))


def format_baseline(baseline: Mapping[str, Any]) -> str:
    """JSON with one line per aggregate group and per page (review-friendly)."""
    lines = ["{"]
    lines.append(' "aggregates": {')
    aggs = baseline.get("aggregates", {})
    keys = sorted(aggs)
    for i, g in enumerate(keys):
        lines.append(f"  {_dumps(g)}: {_dumps(aggs[g])}" + ("," if i < len(keys) - 1 else ""))
    lines.append(" },")
    lines.append(f' "format": {_dumps(baseline.get("format", FORMAT))},')
    lines.append(' "pages": {')
    pages = baseline.get("pages", {})
    keys = sorted(pages)
    for i, pid in enumerate(keys):
        lines.append(f"  {_dumps(pid)}: {_dumps(pages[pid])}" + ("," if i < len(keys) - 1 else ""))
    lines.append(" }")
    lines.append("}")
    return "\n".join(lines) + "\n"


def write_baseline(path: Path | str, baseline: Mapping[str, Any], output_records: Iterable[Mapping[str, Any]]) -> None:
    path = Path(path)
    write_outputs(outputs_path(path), output_records)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(format_baseline(baseline), encoding="utf-8")
    tmp.replace(path)


def load_baseline(path: Path | str) -> tuple[dict[str, Any], dict[str, Output] | None]:
    """(baseline, stored outputs or None if the outputs file is missing)."""
    path = Path(path)
    with open(path, encoding="utf-8") as f:
        baseline = json.load(f)
    if baseline.get("format") != FORMAT:
        raise ValueError(f"{path}: unknown baseline format {baseline.get('format')!r}")
    op = outputs_path(path)
    return baseline, (read_outputs(op) if op.exists() else None)


# --------------------------------------------------------------------------- check


@dataclass
class PageChange:
    id: str
    source: str
    page_type: str
    kind: str  # "fail", "improved", "changed", "new", "missing"
    notes: list[str] = field(default_factory=list)
    old_f1: float | None = None
    new_f1: float | None = None
    diff: list[str] = field(default_factory=list)


@dataclass
class AggChange:
    group: str
    key: str
    old: float
    new: float
    failing: bool


@dataclass
class CheckReport:
    pages_checked: int = 0
    partial: bool = False
    pages: list[PageChange] = field(default_factory=list)
    aggregates: list[AggChange] = field(default_factory=list)
    inconsistencies: list[str] = field(default_factory=list)
    out_of_date: list[str] = field(default_factory=list)

    @property
    def failing_pages(self) -> list[PageChange]:
        return [p for p in self.pages if p.kind == "fail"]

    @property
    def failing_aggregates(self) -> list[AggChange]:
        return [a for a in self.aggregates if a.failing]

    @property
    def improved(self) -> bool:
        return any(p.kind == "improved" for p in self.pages) or any(not a.failing for a in self.aggregates)

    @property
    def ok(self) -> bool:
        return not (self.failing_pages or self.failing_aggregates or self.inconsistencies or self.out_of_date)


def text_diff(old: str, new: str, max_lines: int = 15, width: int = 160) -> list[str]:
    """The first ``max_lines`` lines of a unified diff of two texts (by line)."""
    lines = list(difflib.unified_diff(old.splitlines(), new.splitlines(), "baseline", "now", n=1, lineterm=""))
    out = []
    for line in lines[:max_lines]:
        out.append(line if len(line) <= width else line[: width - 1] + "\u2026")
    if len(lines) > max_lines:
        out.append(f"... ({len(lines) - max_lines} more diff lines)")
    return out


def _same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= _EPS


def _record_mismatch(claimed: Mapping[str, Any], actual: Mapping[str, Any]) -> list[str]:
    problems = []
    for k in ("precision", "recall", "f1"):
        if not _same(claimed.get(k), actual.get(k)):
            problems.append(f"{k} {claimed.get(k)} (stored output scores {actual.get(k)})")
    for k in ("with", "without"):
        if list(claimed.get(k) or [0, 0]) != list(actual.get(k) or [0, 0]):
            problems.append(f"{k} {claimed.get(k)} (stored output gives {actual.get(k)})")
    if dict(claimed.get("fields") or {}) != dict(actual.get("fields") or {}):
        problems.append(f"fields {claimed.get('fields')} (stored output gives {actual.get('fields')})")
    return problems


def verify_baseline(
    baseline: Mapping[str, Any],
    outputs: Mapping[str, Output] | None,
    pages: Iterable[Page],
    metric: Metric,
) -> list[str]:
    """Problems showing the baseline does not match its own stored outputs."""
    problems: list[str] = []
    records = baseline.get("pages") or {}
    # Stored aggregates must be those of the stored pages.
    recomputed = baseline_aggregates(records)
    stored = baseline.get("aggregates") or {}
    for g in sorted(set(stored) | set(recomputed)):
        a, b = stored.get(g), recomputed.get(g)
        if a is None or b is None:
            problems.append(f"aggregate group {g!r}: stored {'missing' if a is None else 'extra'}")
            continue
        for k in _AGG_STORED:
            va, vb = a.get(k), b.get(k)
            if isinstance(va, (int, float)) and isinstance(vb, (int, float)) and not isinstance(va, bool):
                if abs(va - vb) > _EPS:
                    problems.append(f"aggregate {g} {k}: stored {va}, its pages give {vb}")
            elif va != vb:
                problems.append(f"aggregate {g} {k}: stored {va}, its pages give {vb}")
    if outputs is None:
        problems.append("the stored outputs file is missing")
        return problems
    for page in pages:
        rec = records.get(page.id)
        if rec is None:
            continue
        out = outputs.get(page.id)
        if out is None:
            problems.append(f"page {page.id}: no stored output")
            continue
        if text_digest(out) != rec.get("text_sha") or fields_digest(out) != rec.get("fields_sha"):
            problems.append(f"page {page.id}: stored output does not match the stored hashes")
            continue
        if rec.get("gold_sha") != page.gold.digest():
            continue  # gold edited since: the stored score is for the old gold
        actual = page_record(page, out, score_page(page, out, metric))
        for p in _record_mismatch(rec, actual):
            problems.append(f"page {page.id}: baseline claims {p}")
    return problems


def _fmt(x: float | None) -> str:
    return "-" if x is None else f"{x:.3f}"


def _short(v: Any, n: int = 60) -> str:
    s = repr(v)
    return s if len(s) <= n else s[: n - 1] + "\u2026"


def compare(
    baseline: Mapping[str, Any],
    outputs: Mapping[str, Output] | None,
    results: Iterable[PageResult],
    metric: Metric,
    *,
    partial: bool = False,
    all_page_ids: Iterable[str] | None = None,
) -> CheckReport:
    """Check a run against the baseline (see module doc for the rules)."""
    results = list(results)
    report = CheckReport(pages_checked=len(results), partial=partial)
    records = baseline.get("pages") or {}
    report.inconsistencies = verify_baseline(baseline, outputs, [r.page for r in results], metric)
    outputs = outputs or {}

    new_records: dict[str, dict[str, Any]] = {}
    common_old: dict[str, Any] = {}
    for r in results:
        pid = r.page.id
        new = page_record(r.page, r.output, r.score)
        new_records[pid] = new
        old = records.get(pid)
        if old is None:
            report.pages.append(
                PageChange(pid, r.page.source, r.page.page_type, "new", ["not in the baseline"], None, new["f1"])
            )
            if not partial:
                report.out_of_date.append(f"page {pid} is not in the baseline")
            continue
        common_old[pid] = old
        change = _page_change(r, old, new, outputs.get(pid))
        if change is not None:
            report.pages.append(change)
    if not partial:
        run_ids = set(new_records)
        corpus_ids = set(all_page_ids) if all_page_ids is not None else run_ids
        for pid in sorted(set(records) - run_ids):
            old = records[pid]
            if pid in corpus_ids:
                continue
            report.pages.append(
                PageChange(pid, old.get("source", "?"), old.get("page_type", "?"), "missing", ["no longer in the corpus"], old.get("f1"))
            )
            report.out_of_date.append(f"baseline page {pid} is no longer in the corpus")

    old_aggs = baseline_aggregates(common_old)
    new_aggs = baseline_aggregates({k: new_records[k] for k in common_old})
    for g in sorted(new_aggs):
        for key, direction in AGG_KEYS.items():
            a, b = (old_aggs.get(g) or {}).get(key), new_aggs[g].get(key)
            if a is None or b is None:
                continue
            delta = (b - a) * direction
            tol = AGGREGATE_TOLERANCE[key]
            if delta < -tol - 1e-12:
                report.aggregates.append(AggChange(g, key, a, b, True))
            elif delta > tol + 1e-12:
                report.aggregates.append(AggChange(g, key, a, b, False))
    return report


def _page_change(r: PageResult, old: Mapping[str, Any], new: Mapping[str, Any], old_out: Output | None) -> PageChange | None:
    page, out = r.page, r.output
    fails: list[str] = []  # reasons the page fails, listed first
    notes: list[str] = []
    improved = False
    of1, nf1 = old.get("f1"), new.get("f1")
    if of1 is not None and nf1 is not None:
        d = nf1 - of1
        if d < -PAGE_F1_TOLERANCE:
            fails.append(f"F1 {of1:.3f} -> {nf1:.3f} ({d:+.3f}, tolerance {PAGE_F1_TOLERANCE})")
        elif d > PAGE_F1_TOLERANCE:
            improved = True
            notes.append(f"F1 {of1:.3f} -> {nf1:.3f} ({d:+.3f})")
        elif abs(d) > _EPS:
            notes.append(f"F1 {of1:.3f} -> {nf1:.3f} ({d:+.3f})")
    elif of1 != nf1:
        notes.append(f"F1 {_fmt(of1)} -> {_fmt(nf1)}")
    must = set(page.gold.must_have())
    of, nf = old.get("fields") or {}, new.get("fields") or {}
    for name in sorted(set(of) | set(nf)):
        was, now = of.get(name), nf.get(name)
        if was and now is False:
            gold_v = page.gold.fields.get(name)
            old_v = old_out.fields.get(name) if old_out else None
            msg = f"{name} now wrong: {_short(out.fields.get(name))} (was {_short(old_v)}, gold {_short(gold_v)})"
            if name in must:
                fails.append(msg)
            else:
                notes.append(msg + " [optional]")
        elif was is False and now:
            improved = True
            notes.append(f"{name} now right: {_short(out.fields.get(name))}")
    for key, label in (("with", "with-snippets found"), ("without", "without-snippets leaked")):
        a, b = old.get(key) or [0, 0], new.get(key) or [0, 0]
        if list(a) != list(b):
            notes.append(f"{label} {a[0]}/{a[1]} -> {b[0]}/{b[1]}")
    if old.get("gold_sha") != new.get("gold_sha"):
        notes.append("gold changed since the baseline")
    if r.output.error and r.output.error != old.get("error"):
        fails.append(f"extraction error: {r.output.error}")
    text_changed = old.get("text_sha") != new.get("text_sha")
    fields_changed = old.get("fields_sha") != new.get("fields_sha")
    if not (fails or notes or text_changed or fields_changed):
        return None
    diff: list[str] = []
    if fields_changed and old_out is not None:
        for name in sorted(set(old_out.fields) | set(out.fields)):
            a, b = old_out.fields.get(name), out.fields.get(name)
            if a != b:
                diff.append(f"{name}: {_short(a)} -> {_short(b)}")
    if text_changed:
        if old_out is not None:
            diff.extend(text_diff(old_out.text, out.text))
        else:
            diff.append("(text changed; old output not stored)")
    kind = "fail" if fails else "improved" if improved else "changed"
    return PageChange(page.id, page.source, page.page_type, kind, fails + notes, of1, nf1, diff)


def format_check(report: CheckReport, *, max_diffs: int = 25, baseline_name: str = "baseline") -> str:
    """Human-readable check result: failing pages first, with diffs."""
    lines: list[str] = []
    order = {"fail": 0, "missing": 1, "new": 2, "improved": 3, "changed": 4}
    pages = sorted(report.pages, key=lambda c: (order.get(c.kind, 9), c.id))
    shown = 0
    label = {"fail": "FAIL", "missing": "MISSING", "new": "NEW", "improved": "IMPROVED", "changed": "changed"}
    for c in pages:
        lines.append(f"{label[c.kind]:8} {c.id} ({c.source}/{c.page_type})" + (": " + c.notes[0] if c.notes else ""))
        for n in c.notes[1:]:
            lines.append(f"{'':8}   {n}")
        if c.diff and shown < max_diffs:
            shown += 1
            lines.extend(f"{'':8}   | {d}" for d in c.diff)
    if report.aggregates:
        lines.append("")
        lines.append("aggregates:")
        for a in report.aggregates:
            tag = "FAIL" if a.failing else "IMPROVED"
            worse = " (lower is better)" if AGG_KEYS[a.key] < 0 else ""
            lines.append(
                f"  {tag:8} {a.group:28} {a.key:9} {a.old:.4f} -> {a.new:.4f} ({a.new - a.old:+.4f}, tolerance {AGGREGATE_TOLERANCE[a.key]}){worse}"
            )
    if report.inconsistencies:
        lines.append("")
        lines.append(
            f"{baseline_name} does not match its own stored outputs (hand-edited? or the metric/field rules "
            "changed since it was accepted: then re-run accept and review the diff):"
        )
        for p in report.inconsistencies[:50]:
            lines.append(f"  INCONSISTENT {p}")
        if len(report.inconsistencies) > 50:
            lines.append(f"  ... and {len(report.inconsistencies) - 50} more")
    if report.out_of_date:
        lines.append("")
        lines.append(f"{baseline_name} is out of date: {len(report.out_of_date)} page(s) added or removed")
    n_fail = len(report.failing_pages)
    n_changed = sum(1 for c in report.pages if c.kind in ("changed", "improved", "fail"))
    n_impr = sum(1 for c in report.pages if c.kind == "improved")
    lines.append("")
    lines.append(
        f"{report.pages_checked} pages checked{' (partial run)' if report.partial else ''}: "
        f"{n_changed} changed, {n_fail} failing, {n_impr} improved; "
        f"{len(report.failing_aggregates)} aggregate(s) worse beyond tolerance, "
        f"{sum(1 for a in report.aggregates if not a.failing)} better."
    )
    if report.ok:
        lines.append("OK")
        if report.improved or n_changed:
            lines.append("Results changed without regressions: run `thresher corpus accept` and commit the baseline diff.")
    else:
        lines.append("FAILED")
        if report.out_of_date and not (report.failing_pages or report.failing_aggregates or report.inconsistencies):
            lines.append("Run `thresher corpus accept` to record the corpus change.")
    return "\n".join(lines)
