"""One self-contained HTML report of a corpus run.

Everything is inline (CSS, a few lines of JS, SVG charts); the file references
no external URL, so it can be attached to a CI run or mailed. Contents:

- SVG bar charts of mean F1 per page type and per source;
- aggregate tables;
- a sortable table of pages (click a header; ``#sort=f1`` or ``#sort=-f1`` in the
  URL sorts on load);
- per page, a collapsible ``<details>`` with fields (gold vs output), snippets
  and a word diff of gold vs output text (missed words struck through in red,
  extra words in yellow).
"""

from __future__ import annotations

import difflib
import html
from typing import Any, Iterable, Mapping, Sequence

from .fields import FIELDS
from .runner import PageResult
from .scoring import group_scores, normalize_ws, snippet_in

__all__ = ["render_report", "word_diff_html"]

_CSS = """
body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#222;max-width:1400px}
h1{font-size:1.5em}h2{font-size:1.2em;margin-top:1.6em}
table{border-collapse:collapse;margin:.5em 0}
th,td{border:1px solid #ccc;padding:2px 6px;text-align:right;vertical-align:top}
th{background:#f0f0f0;cursor:pointer;user-select:none;white-space:nowrap}
th[data-dir=asc]::after{content:" \\25B2"}th[data-dir=desc]::after{content:" \\25BC"}
td.l,th.l{text-align:left}
.ok{color:#070}.bad{color:#b00;font-weight:bold}
.f1lo{background:#fdd}.f1mid{background:#ffe9c0}.f1hi{background:#dfd}
details{border:1px solid #ddd;margin:.3em 0;padding:.2em .6em}
summary{cursor:pointer}
.diff{white-space:pre-wrap;font:12px/1.5 ui-monospace,monospace;background:#fafafa;padding:.5em;border:1px solid #eee;max-height:40em;overflow:auto}
.diff del{background:#fcc;color:#800;text-decoration:line-through}
.diff ins{background:#ffeb99;text-decoration:none}
.diff .skip{color:#888;font-style:italic}
.legend del{background:#fcc;color:#800}.legend ins{background:#ffeb99;text-decoration:none}
svg text{font:12px system-ui,sans-serif}
"""

_JS = """
(function(){
  function val(td){var v=td.getAttribute('data-v');if(v===null)v=td.textContent;
    var n=parseFloat(v);return (v!==''&&!isNaN(n)&&isFinite(v))?n:v.toLowerCase();}
  function sortBy(table,idx,dir){
    var tb=table.tBodies[0],rows=Array.prototype.slice.call(tb.rows);
    rows.sort(function(a,b){var x=val(a.cells[idx]),y=val(b.cells[idx]);
      if(x===''||y===''){return (x==='')-(y==='');}  /* empty cells last */
      if(typeof x!==typeof y){x=String(x);y=String(y);}
      var c=x<y?-1:x>y?1:0;return dir==='asc'?c:-c;});
    rows.forEach(function(r){tb.appendChild(r);});
    Array.prototype.forEach.call(table.tHead.rows[0].cells,function(th){th.removeAttribute('data-dir');});
    table.tHead.rows[0].cells[idx].setAttribute('data-dir',dir);
  }
  var tables=document.querySelectorAll('table.sortable');
  Array.prototype.forEach.call(tables,function(table){
    Array.prototype.forEach.call(table.tHead.rows[0].cells,function(th,idx){
      th.addEventListener('click',function(){
        sortBy(table,idx,th.getAttribute('data-dir')==='asc'?'desc':'asc');});
    });
  });
  var m=/sort=(-?)([\\w]+)/.exec(location.hash);
  if(m){var t=document.getElementById('pages');
    var ths=t?t.tHead.rows[0].cells:[];
    for(var i=0;i<ths.length;i++){if(ths[i].getAttribute('data-key')===m[2])sortBy(t,i,m[1]?'desc':'asc');}}
  document.body.setAttribute('data-ready','1');
})();
"""


_CHECK, _CROSS = "\u2713", "\u2717"


def _e(s: Any) -> str:
    return html.escape("" if s is None else str(s), quote=True)


def _f(x: float | None) -> str:
    return "" if x is None else f"{x:.3f}"


def _bar_chart(title: str, items: Sequence[tuple[str, float | None, int]], chart_id: str) -> str:
    """Horizontal SVG bars: (label, value in 0..1, pages)."""
    bar_w, label_w, row_h = 420, 150, 22
    h = row_h * len(items) + 30
    parts = [
        f'<svg id="{chart_id}" xmlns="http://www.w3.org/2000/svg" width="{label_w + bar_w + 110}" height="{h}" '
        f'role="img" aria-label="{_e(title)}">',
        f'<text x="0" y="14" font-weight="bold">{_e(title)}</text>',
    ]
    for i, (label, v, n) in enumerate(items):
        y = 24 + i * row_h
        w = 0 if v is None else max(0.0, min(1.0, v)) * bar_w
        color = "#4a8" if (v or 0) >= 0.8 else "#db4" if (v or 0) >= 0.6 else "#d65"
        parts.append(f'<text x="{label_w - 6}" y="{y + 14}" text-anchor="end">{_e(label)}</text>')
        parts.append(f'<rect x="{label_w}" y="{y + 2}" width="{bar_w}" height="{row_h - 6}" fill="#eee"/>')
        parts.append(f'<rect class="bar" x="{label_w}" y="{y + 2}" width="{w:.1f}" height="{row_h - 6}" fill="{color}"><title>{_e(label)}: {_f(v)}</title></rect>')
        parts.append(f'<text x="{label_w + bar_w + 6}" y="{y + 14}">{_f(v) or "n/a"} ({n})</text>')
    parts.append("</svg>")
    return "".join(parts)


def word_diff_html(gold: str, out: str, max_words: int = 4000, max_chars: int = 60000) -> str:
    """Gold vs output as HTML: <del> = in gold only (missed), <ins> = output only (extra).
    Paragraph-level first; differing paragraph runs are word-diffed."""
    g_lines = [normalize_ws(x) for x in gold.splitlines() if x.strip()]
    o_lines = [normalize_ws(x) for x in out.splitlines() if x.strip()]
    sm = difflib.SequenceMatcher(None, g_lines, o_lines, autojunk=False)
    chunks: list[str] = []
    size = 0
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            block = g_lines[i1:i2]
            if len(block) > 4:
                chunks.append(_e("\n".join(block[:2])) + "\n")
                chunks.append(f'<span class="skip">\u2026 {len(block) - 4} identical paragraphs \u2026</span>\n')
                chunks.append(_e("\n".join(block[-2:])) + "\n")
            else:
                chunks.append(_e("\n".join(block)) + "\n")
        else:
            gw = _tokens(g_lines[i1:i2])
            ow = _tokens(o_lines[j1:j2])
            if tag == "replace" and len(gw) + len(ow) <= max_words:
                chunks.append(_words(gw, ow) + "\n")
            else:
                if i2 > i1:
                    chunks.append("<del>" + _e("\n".join(g_lines[i1:i2])) + "</del>\n")
                if j2 > j1:
                    chunks.append("<ins>" + _e("\n".join(o_lines[j1:j2])) + "</ins>\n")
        size += len(chunks[-1])
        if size > max_chars:
            chunks.append('<span class="skip">\u2026 diff truncated \u2026</span>')
            break
    return "".join(chunks)


def _tokens(lines: list[str]) -> list[str]:
    """Words of the lines, with "\n" tokens between lines."""
    toks: list[str] = []
    for i, line in enumerate(lines):
        if i:
            toks.append("\n")
        toks.extend(line.split(" "))
    return toks


def _join(toks: list[str]) -> str:
    return " ".join(toks).replace(" \n ", "\n").replace("\n ", "\n").replace(" \n", "\n")


def _words(gw: list[str], ow: list[str]) -> str:
    sm = difflib.SequenceMatcher(None, gw, ow, autojunk=False)
    out = []
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            out.append(_e(_join(gw[i1:i2])))
        else:
            if i2 > i1:
                out.append("<del>" + _e(_join(gw[i1:i2])) + "</del>")
            if j2 > j1:
                out.append("<ins>" + _e(_join(ow[j1:j2])) + "</ins>")
    return _join(out)


def _agg_table(groups: Mapping[str, Mapping[str, Any]], prefix: str, title: str) -> str:
    cols = ["pages", "text_pages", "precision", "recall", "f1", "with", "without", *FIELDS]
    heads = ["pages", "with gold text", "P", "R", "F1", "with", "without", *FIELDS]
    rows = []
    keys = sorted(k for k in groups if k.startswith(prefix)) + ["all"]
    for k in keys:
        a = groups[k]
        name = k[len(prefix) :] if k.startswith(prefix) else k
        cells = "".join(_agg_cell(a.get(c)) for c in cols)
        rows.append(f'<tr><td class="l">{_e(name)}</td>{cells}</tr>')
    head = f'<th class="l">{_e(title)}</th>' + "".join(f"<th>{_e(h)}</th>" for h in heads)
    return f'<table class="sortable agg"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def _agg_cell(v: Any) -> str:
    if v is None:
        return '<td data-v=""></td>'
    shown = _f(v) if isinstance(v, float) else _e(v)
    return f'<td data-v="{_e(v)}">{shown}</td>'


def _f1_class(v: float | None) -> str:
    if v is None:
        return ""
    return "f1hi" if v >= 0.9 else "f1mid" if v >= 0.6 else "f1lo"


def _pid(pid: str) -> str:
    return "p-" + "".join(c if c.isalnum() or c in "-_" else f"_{ord(c):x}" for c in pid)


def _page_row(r: PageResult) -> str:
    s = r.score
    cells = [
        f'<td class="l"><a href="#{_pid(s.id)}">{_e(s.id)}</a></td>',
        f'<td class="l">{_e(s.source)}</td>',
        f'<td class="l">{_e(s.page_type)}</td>',
        f'<td data-v="{_f(s.precision)}">{_f(s.precision)}</td>',
        f'<td data-v="{_f(s.recall)}">{_f(s.recall)}</td>',
        f'<td data-v="{_f(s.f1)}" class="{_f1_class(s.f1)}">{_f(s.f1)}</td>',
        f'<td data-v="{_f(s.with_rate)}">{f"{s.with_found}/{s.with_total}" if s.with_total else ""}</td>',
        f'<td data-v="{_f(s.without_rate)}">{f"{s.without_found}/{s.without_total}" if s.without_total else ""}</td>',
    ]
    for f in FIELDS:
        if f in s.fields:
            ok = s.fields[f]
            mark = _CHECK if ok else _CROSS
            cells.append(f'<td data-v="{1 if ok else 0}" class="{"ok" if ok else "bad"}">{mark}</td>')
        else:
            cells.append('<td data-v="">\u00b7</td>')
    ms = r.output.seconds * 1000
    cells.append(f'<td data-v="{ms:.2f}">{ms:.1f}</td>')
    return "<tr>" + "".join(cells) + "</tr>"


def _page_details(r: PageResult) -> str:
    p, s, out = r.page, r.score, r.output
    head = f"{_e(p.id)} \u2014 {_e(p.source)}/{_e(p.page_type)} \u2014 F1 {_f(s.f1) or 'n/a'}"
    parts = [f'<details id="{_pid(p.id)}"><summary>{head}</summary>']
    if p.url:
        parts.append(f"<p>URL: <code>{_e(p.url)}</code></p>")
    if out.error:
        parts.append(f'<p class="bad">extraction error: {_e(out.error)}</p>')
    rows = []
    for f in FIELDS:
        if f not in p.gold.fields:
            gold = "(not annotated)"
        elif p.gold.fields[f] is None:
            gold = "(none: must be absent)"
        else:
            gold = p.gold.fields[f]
        ok = s.fields.get(f)
        mark = "" if ok is None else ('<span class="ok">\u2713</span>' if ok else '<span class="bad">\u2717</span>')
        rows.append(f'<tr><td class="l">{f}</td><td class="l">{_e(gold)}</td><td class="l">{_e(out.fields.get(f))}</td><td>{mark}</td></tr>')
    parts.append('<table><thead><tr><th class="l">field</th><th class="l">gold</th><th class="l">output</th><th></th></tr></thead><tbody>' + "".join(rows) + "</tbody></table>")
    if p.gold.with_ or p.gold.without:
        norm = normalize_ws(out.text or "")
        items = []
        for sn in p.gold.with_:
            ok = snippet_in(sn, norm)
            items.append(f'<li class="{"ok" if ok else "bad"}">with {"found" if ok else "MISSING"}: {_e(sn)}</li>')
        for sn in p.gold.without:
            leaked = snippet_in(sn, norm)
            items.append(f'<li class="{"bad" if leaked else "ok"}">without {"LEAKED" if leaked else "absent"}: {_e(sn)}</li>')
        parts.append("<ul>" + "".join(items) + "</ul>")
    if p.gold.text is not None:
        parts.append('<div class="diff">' + word_diff_html(p.gold.text, out.text or "") + "</div>")
    else:
        text = out.text or ""
        if len(text) > 20000:
            text = text[:20000] + "\n\u2026"
        parts.append('<p>No gold text; output:</p><div class="diff">' + _e(text) + "</div>")
    parts.append("</details>")
    return "".join(parts)


def render_report(results: Iterable[PageResult], *, title: str = "thresher corpus report", subtitle: str = "") -> str:
    results = list(results)
    groups = group_scores(r.score for r in results)
    types = sorted((k[5:], v["f1"], v["text_pages"]) for k, v in groups.items() if k.startswith("type:"))
    sources = sorted((k[7:], v["f1"], v["text_pages"]) for k, v in groups.items() if k.startswith("source:"))
    a = groups["all"]
    page_heads = [("id", "id", "l"), ("source", "source", "l"), ("type", "page_type", "l"), ("P", "precision", ""), ("R", "recall", ""), ("F1", "f1", ""), ("with", "with", ""), ("w/o", "without", "")]
    page_heads += [(f, f, "") for f in FIELDS] + [("ms", "ms", "")]
    thead = "".join(f'<th data-key="{k}" class="{c}">{_e(h)}</th>' for h, k, c in page_heads)
    total_s = sum(r.output.seconds for r in results)
    body = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{_e(title)}</title>",
        f"<style>{_CSS}</style></head><body>",
        f"<h1>{_e(title)}</h1>",
        f"<p>{_e(subtitle)}</p>" if subtitle else "",
        f'<p id="summary">{a["pages"]} pages; mean F1 <b>{_f(a["f1"]) or "n/a"}</b> over {a["text_pages"]} pages with gold text; '
        f'with-snippets found {_f(a["with"]) or "n/a"}; without-snippets leaked {_f(a["without"]) or "n/a"} (lower is better); '
        f'{a["errors"]} errors; extraction time {total_s:.2f} s (sum over pages).</p>',
        '<h2>F1 per page type and per source</h2>',
        _bar_chart("F1 per page type", types, "chart-types"),
        _bar_chart("F1 per source", sources, "chart-sources"),
        "<h2>Per source</h2>",
        _agg_table(groups, "source:", "source"),
        "<h2>Per page type</h2>",
        _agg_table(groups, "type:", "page type"),
        "<h2>Pages</h2>",
        "<p>Click a column header to sort. Field columns: \u2713 right, \u2717 wrong, \u00b7 not annotated.</p>",
        f'<table id="pages" class="sortable"><thead><tr>{thead}</tr></thead><tbody>',
        "".join(_page_row(r) for r in results),
        "</tbody></table>",
        '<h2>Page details</h2><p class="legend">In the diffs, <del>struck red</del> = in the gold but not extracted (missed); '
        "<ins>yellow</ins> = extracted but not in the gold (extra).</p>",
        "".join(_page_details(r) for r in results),
        f"<script>{_JS}</script>",
        "</body></html>",
    ]
    return "\n".join(x for x in body if x)
