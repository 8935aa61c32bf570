"""Lists each leaked ("without" found) and missed ("with" not found) snippet of a
corpus, one JSON record per line, with what helps to group them by cause:

- leaks: page, page type, position in our text (0-1) and whether it sits before
  the gold text ("head"), after it ("tail") or among it ("middle"); whether
  trafilatura's stored output leaks it too ("traf");
- misses: whether the snippet is in the gold text, whether our text is empty,
  whether it is found once punctuation and spacing are ignored ("loose": a
  formatting difference such as ' for ’, not lost content), whether it is found
  once typographic quotes are folded to ASCII ("quotes"), the share of its words
  in our text ("wshare"), and whether trafilatura finds it;
- with --locate, the rough DOM ancestry (tag.class#id) of the snippet's start.

Usage (after `pip install .`):
  python scripts/snippet_report.py --corpus ../shared/corpus-src/wcxb-dev --out build/snips.jsonl --locate
Compare two runs' files to see which snippets a change fixed or broke.
"""
import argparse, gzip, json, re, sys
from html.parser import HTMLParser
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import thresher
from thresher.corpus.pages import load_corpus
from thresher.corpus.scoring import normalize_ws, snippet_in

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param"}


class Tree(HTMLParser):
    """Rough DOM: a stack of (tag, cls, id) with text pieces and their ancestry."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []
        self.pieces = []  # (text, ancestry tuple)
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        a = dict(attrs)
        self.stack.append((tag, (a.get("class") or "")[:60], (a.get("id") or "")[:40],
                           "hidden" if ("hidden" in a or "display:none" in (a.get("style") or "").replace(" ", "")) else ""))
        if tag in ("script", "style", "noscript", "template"):
            self.skip += 1

    def handle_endtag(self, tag):
        for k in range(len(self.stack) - 1, -1, -1):
            if self.stack[k][0] == tag:
                for t in self.stack[k:]:
                    if t[0] in ("script", "style", "noscript", "template"):
                        self.skip -= 1
                del self.stack[k:]
                return

    def handle_data(self, data):
        if self.skip or not data.strip():
            return
        self.pieces.append((data, tuple(self.stack)))


def locate(html: str, snippet: str):
    """Ancestry of the element whose text starts the snippet (rough)."""
    t = Tree()
    try:
        t.feed(html)
    except Exception:
        return None
    norm = normalize_ws(snippet)
    head = norm[:25]
    # join text with ancestry offsets
    full = []
    offs = []
    pos = 0
    for text, anc in t.pieces:
        s = normalize_ws(text)
        offs.append((pos, anc))
        full.append(s + " ")
        pos += len(s) + 1
    joined = "".join(full)
    k = joined.find(head)
    if k < 0:
        k = joined.lower().find(head.lower())
    if k < 0:
        return None
    anc = None
    for p, a in offs:
        if p <= k:
            anc = a
        else:
            break
    return [f"{tg}{'.' + c.replace(' ', '.') if c else ''}{'#' + i if i else ''}{'!H' if h else ''}" for tg, c, i, h in (anc or ())]


QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})


def fold_quotes(s: str) -> str:
    return s.translate(QUOTES)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", required=True, help="corpus folder (WCXB, readability, trafilatura)")
    ap.add_argument("--anchor", default=None,
                    help="trafilatura's stored WCXB outputs (JSONL.gz with id and text)")
    ap.add_argument("--out", default="build/snips.jsonl")
    ap.add_argument("--locate", action="store_true")
    args = ap.parse_args()
    _, pages = load_corpus(Path(args.corpus))
    traf = {}
    tp = Path(args.anchor) if args.anchor else None
    if tp is not None and tp.exists():
        for line in gzip.open(tp, "rt"):
            r = json.loads(line)
            traf["wcxb-"+r["id"]] = normalize_ws(r.get("text") or "")
    ex = thresher.Extractor()

    def one(p):
        html = p.read_html()
        doc = ex.extract(html, p.url)
        text = doc.text or ""
        norm = normalize_ws(text)
        gold = normalize_ws(p.gold.text or "")
        out = []
        L = max(1, len(norm))
        for kind, snips in (("leak", p.gold.without), ("miss", p.gold.with_)):
            for s in snips:
                found = snippet_in(s, norm)
                if (kind == "leak") != found:
                    continue
                rec = {"id": p.id, "type": p.page_type, "kind": kind, "snippet": s[:120],
                       "container": doc.diagnostics.get("container", "")[-120:],
                       "ptype": doc.page_type}
                ns = normalize_ws(s)
                if kind == "leak":
                    at = norm.find(ns)
                    rec["pos"] = round(at / L, 2)
                    # relative to gold's content: first/last 40 chars of gold in our text
                    g_first = norm.find(gold[:40]) if gold else -1
                    g_last = norm.find(gold[-40:]) if gold else -1
                    if g_last >= 0 and at > g_last:
                        rec["where"] = "tail"
                    elif g_first >= 0 and at < g_first:
                        rec["where"] = "head"
                    elif g_first >= 0 and g_last >= 0:
                        rec["where"] = "middle"
                    else:
                        rec["where"] = "?"
                    rec["traf"] = snippet_in(s, traf[p.id]) if p.id in traf else None
                else:
                    rec["in_gold"] = ns in gold
                    rec["traf"] = snippet_in(s, traf[p.id]) if p.id in traf else None
                    rec["empty"] = not text
                    sq = lambda x: re.sub(r"[\W_]+", "", x.lower())
                    rec["loose"] = sq(ns) in sq(norm)
                    rec["quotes"] = snippet_in(fold_quotes(s), fold_quotes(norm))
                    words = re.findall(r"\w+", ns.lower())
                    tw = set(re.findall(r"\w+", norm.lower()))
                    rec["wshare"] = round(sum(w in tw for w in words) / max(1, len(words)), 2)
                if args.locate:
                    hs = html.decode("utf-8", "replace") if isinstance(html, bytes) else html
                    rec["dom"] = locate(hs, s)
                out.append(rec)
        return out

    recs = []
    with ThreadPoolExecutor(2) as pool:
        for r in pool.map(one, pages):
            recs.extend(r)
    with open(args.out, "w") as f:
        for r in recs:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    from collections import Counter
    print(Counter((r["kind"]) for r in recs))
    print(Counter((r["kind"], r.get("where")) for r in recs if r["kind"] == "leak"))
    print(Counter((r["kind"], r["type"]) for r in recs))
    print("misses found once quotes are folded:", sum(1 for r in recs if r.get("quotes")))


if __name__ == "__main__":
    main()
