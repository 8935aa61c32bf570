"""Plain-text tables of aggregates, for the terminal."""

from __future__ import annotations

from typing import Any, Mapping

from .fields import FIELDS

__all__ = ["format_aggregates", "format_fields", "fmt"]

_SHORT = {"sitename": "site", "language": "lang", "page_type": "type"}


def fmt(x: Any, digits: int = 3) -> str:
    if x is None:
        return "-"
    if isinstance(x, float):
        return f"{x:.{digits}f}"
    return str(x)


def _table(header: list[str], rows: list[list[str]], align_left: int = 1) -> str:
    widths = [max(len(r[i]) for r in [header] + rows) for i in range(len(header))]
    out = []
    for j, r in enumerate([header] + rows):
        cells = [c.ljust(widths[i]) if i < align_left else c.rjust(widths[i]) for i, c in enumerate(r)]
        out.append("  ".join(cells).rstrip())
        if j == 0:
            out.append("  ".join("-" * w for w in widths))
    return "\n".join(out)


def format_aggregates(groups: Mapping[str, Mapping[str, Any]], prefix: str, title: str) -> str:
    """One row per group whose key starts with ``prefix`` (plus ``all``)."""
    header = [title, "pages", "gold", "P", "R", "F1", "with", "w/o"] + [_SHORT.get(f, f) for f in FIELDS] + ["err"]
    rows = []
    keys = [k for k in groups if k.startswith(prefix)]
    for key in sorted(keys) + (["all"] if "all" in groups else []):
        a = groups[key]
        name = key[len(prefix) :] if key.startswith(prefix) else key
        rows.append(
            [
                name,
                str(a["pages"]),
                str(a["text_pages"]),
                fmt(a["precision"]),
                fmt(a["recall"]),
                fmt(a["f1"]),
                fmt(a["with"]),
                fmt(a["without"]),
                *[fmt(a[f]) for f in FIELDS],
                str(a.get("errors", 0)),
            ]
        )
    return _table(header, rows)


def format_fields(agg: Mapping[str, Any]) -> str:
    """Field accuracy of one group, split by gold present / gold null."""
    header = ["field", "pages", "accuracy", "gold present", "accuracy", "gold null", "accuracy"]
    rows = []
    for f in FIELDS:
        n = agg.get(f"{f}_n", 0)
        nn = agg.get(f"{f}_null_n", 0)
        rows.append([f, str(n), fmt(agg.get(f)), str(n - nn), fmt(agg.get(f"{f}_present")), str(nn), fmt(agg.get(f"{f}_null"))])
    return _table(header, rows)
