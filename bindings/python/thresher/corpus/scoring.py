"""Scoring one output against one page's gold, and aggregating page scores.

Pure functions: the word metric is passed in (the CLI passes
``thresher._core.word_prf``, the one C++ definition, so C++ tests and this
harness agree to the last digit). Nothing here extracts anything.

Per page:
- ``precision``/``recall``/``f1``: ``metric(output_text, gold_text)``, only when the
  gold has a text (``None`` otherwise).
- snippets: ``with`` found / total, ``without`` found / total (see :func:`snippet_in`).
- fields: ``{name: correct}`` for each scored field the gold annotates.

Aggregates (per group of pages, e.g. all, one source, one page type):
- ``precision``, ``recall``, ``f1``: mean over the group's pages with gold text;
- ``with``: found / total over all ``with`` snippets of the group (higher is better);
- ``without``: found / total over all ``without`` snippets (leaked boilerplate,
  lower is better);
- ``<field>``: correct / pages whose gold has the key (``<field>_n`` pages);
  ``<field>_present`` / ``<field>_null``: the same split by whether the gold has a value.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Mapping, Sequence

from .fields import FIELDS, field_correct, is_absent
from .pages import Page

__all__ = [
    "Metric",
    "Output",
    "PageScore",
    "normalize_ws",
    "snippet_in",
    "count_snippets",
    "score_page",
    "aggregate",
    "group_scores",
    "AGG_KEYS",
    "OUTPUT_FIELDS",
    "output_fields",
]

Metric = Callable[[str, str], Sequence[float]]

# Fields kept from each output (scored ones first); hashed and stored in the baseline.
OUTPUT_FIELDS: tuple[str, ...] = FIELDS + ("description", "categories", "tags")


@dataclass
class Output:
    """What one tool produced for one page."""

    text: str = ""
    fields: dict[str, Any] = field(default_factory=dict)
    diagnostics: dict[str, Any] | None = None
    seconds: float = 0.0
    error: str | None = None


def normalize_ws(s: str) -> str:
    """Collapse every whitespace run to one space and strip the ends."""
    return " ".join(s.split())


def snippet_in(snippet: str, normalized_text: str) -> bool:
    """THE snippet test: the whitespace-normalised snippet is a (case-sensitive)
    substring of the already whitespace-normalised text."""
    s = normalize_ws(snippet)
    return bool(s) and s in normalized_text


def count_snippets(snippets: Iterable[str], normalized_text: str) -> tuple[int, int, list[str]]:
    """(found, total, snippets found) for snippets tested against one text."""
    found: list[str] = []
    total = 0
    for s in snippets:
        total += 1
        if snippet_in(s, normalized_text):
            found.append(s)
    return len(found), total, found


@dataclass
class PageScore:
    id: str
    source: str
    page_type: str
    precision: float | None = None
    recall: float | None = None
    f1: float | None = None
    with_found: int = 0
    with_total: int = 0
    without_found: int = 0
    without_total: int = 0
    fields: dict[str, bool] = field(default_factory=dict)
    # Which scored gold fields are null ("must be absent"), for the present/null split.
    null_fields: tuple[str, ...] = ()
    error: str | None = None

    @property
    def with_rate(self) -> float | None:
        return self.with_found / self.with_total if self.with_total else None

    @property
    def without_rate(self) -> float | None:
        return self.without_found / self.without_total if self.without_total else None


def score_page(page: Page, out: Output, metric: Metric) -> PageScore:
    gold = page.gold
    text = out.text or ""
    ps = PageScore(id=page.id, source=page.source, page_type=page.page_type, error=out.error)
    if gold.text is not None:
        p, r, f = metric(text, gold.text)
        ps.precision, ps.recall, ps.f1 = float(p), float(r), float(f)
    if gold.with_ or gold.without:
        norm = normalize_ws(text)
        ps.with_found, ps.with_total, _ = count_snippets(gold.with_, norm)
        ps.without_found, ps.without_total, _ = count_snippets(gold.without, norm)
    nulls = []
    for name in FIELDS:
        if name in gold.fields:
            ps.fields[name] = field_correct(name, gold.fields[name], out.fields.get(name))
            if is_absent(gold.fields[name]):
                nulls.append(name)
    ps.null_fields = tuple(nulls)
    return ps


# Aggregate keys compared by the baseline check, with the direction of "better".
AGG_KEYS: dict[str, int] = {"f1": +1, "with": +1, "without": -1, **{f: +1 for f in FIELDS}}


def _mean(xs: list[float]) -> float | None:
    return sum(xs) / len(xs) if xs else None


def aggregate(scores: Iterable[PageScore]) -> dict[str, Any]:
    """Aggregate scores of one group (see module doc). ``None`` = no data."""
    scores = list(scores)
    text = [s for s in scores if s.f1 is not None]
    wf = sum(s.with_found for s in scores)
    wt = sum(s.with_total for s in scores)
    of = sum(s.without_found for s in scores)
    ot = sum(s.without_total for s in scores)
    agg: dict[str, Any] = {
        "pages": len(scores),
        "text_pages": len(text),
        "precision": _mean([s.precision for s in text]),  # type: ignore[misc]
        "recall": _mean([s.recall for s in text]),  # type: ignore[misc]
        "f1": _mean([s.f1 for s in text]),  # type: ignore[misc]
        "with": wf / wt if wt else None,
        "with_n": wt,
        "without": of / ot if ot else None,
        "without_n": ot,
        "errors": sum(1 for s in scores if s.error),
    }
    for name in FIELDS:
        have = [s for s in scores if name in s.fields]
        present = [s for s in have if name not in s.null_fields]
        null = [s for s in have if name in s.null_fields]
        agg[name] = _mean([1.0 if s.fields[name] else 0.0 for s in have])
        agg[f"{name}_n"] = len(have)
        agg[f"{name}_present"] = _mean([1.0 if s.fields[name] else 0.0 for s in present])
        agg[f"{name}_null"] = _mean([1.0 if s.fields[name] else 0.0 for s in null])
        agg[f"{name}_null_n"] = len(null)
    return agg


def group_scores(scores: Iterable[PageScore]) -> dict[str, dict[str, Any]]:
    """Aggregates keyed ``all``, ``source:<name>`` and ``type:<page type>``."""
    scores = list(scores)
    groups: dict[str, list[PageScore]] = {"all": scores}
    for s in scores:
        groups.setdefault(f"source:{s.source}", []).append(s)
    for s in scores:
        groups.setdefault(f"type:{s.page_type}", []).append(s)
    return {k: aggregate(v) for k, v in groups.items()}


def output_fields(raw: Mapping[str, Any]) -> dict[str, Any]:
    """Keep the fields we score/store, under our names (accepts common peer aliases)."""
    aliases = {
        "author": ("author", "authors", "byline"),
        "date": ("date", "publishedTime", "publish_date", "date_published"),
        "sitename": ("sitename", "siteName", "site_name"),
        "language": ("language", "lang"),
        "description": ("description", "excerpt"),
    }
    out: dict[str, Any] = {}
    for name in OUTPUT_FIELDS:
        for key in aliases.get(name, (name,)):
            if key in raw and not is_absent(raw[key]):
                out[name] = raw[key]
                break
        else:
            out[name] = None
    return out
