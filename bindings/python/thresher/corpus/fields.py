"""How an extracted metadata field is compared with the gold one.

Scored fields: ``title``, ``author``, ``date``, ``sitename``, ``language``,
``page_type``.
A field counts only on pages whose gold has the key; a gold value of ``None``
means "the page has no such field", and then the field is correct iff we output
nothing (``None``, ``""`` or an empty list). Otherwise:

- **title**: :func:`normalize_text` of both sides equal: NFKC, case-folded,
  typographic quotes and dashes mapped to ASCII (’ → ', “ → ", – → -),
  whitespace collapsed, surrounding quotes and trailing punctuation stripped.
- **author**: the *sets* of names equal, after splitting both sides on ``,``,
  ``;``, ``&``, `` and `` (the word between spaces, any case) and ``, and `` (the
  serial comma: "A, B, and C" is three names), and normalising
  each name like a title. A list of names is accepted on either side.
- **date**: the same calendar day, comparing the leading ``YYYY-MM-DD`` of both
  (so ``2024-05-01T23:00:00+02:00`` matches ``2024-05-01``; time zones are not
  converted; ``/`` and ``.`` separators are accepted). When the gold is less
  precise (``YYYY-MM`` or ``YYYY``), only that much is compared.
- **sitename**: normalised like a title, equal.
- **language**: the primary subtag (before ``-`` or ``_``) equal, case-insensitive
  (``en-GB`` matches ``en``).
- **page_type**: equal, case-insensitive; scored only on pages whose source
  labels page types by hand (WCXB: article, forum, product, collection,
  listing, documentation, service).

This docstring is mirrored in ``README-scoring.md``; change both together.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any, Callable, Iterable

__all__ = [
    "FIELDS",
    "is_absent",
    "normalize_text",
    "author_names",
    "date_key",
    "language_key",
    "field_correct",
]

FIELDS: tuple[str, ...] = ("title", "author", "date", "sitename", "language", "page_type")

# Quote characters stripped from both ends of a title/name.
_QUOTES = "\"'`\u00ab\u00bb\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u2039\u203a\u300c\u300d\u300e\u300f"
# Typographic quotes and dashes compare equal to their ASCII forms: pages and
# gold files differ in that only by who typed them.
_TYPOGRAPHIC = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'",
                              "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"',
                              "\u2013": "-", "\u2014": "-", "\u2212": "-"})
# ", and " (the serial comma) is one separator: "A, B, and C" is three names.
_AUTHOR_SPLIT = re.compile(r"\s*(?:,\s*and\s+|,|;|&|\s+and\s+)\s*", re.IGNORECASE)
_DATE = re.compile(r"^\s*(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?(?!\d)")


def is_absent(value: Any) -> bool:
    """None, empty/blank string or empty list: the tool output nothing."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, (list, tuple)):
        return all(is_absent(v) for v in value)
    return False


def _is_trailing_punct(ch: str) -> bool:
    return ch in _QUOTES or unicodedata.category(ch).startswith("P")


def normalize_text(value: Any) -> str:
    """Title/site-name normal form (see module doc)."""
    if value is None:
        return ""
    s = unicodedata.normalize("NFKC", str(value)).casefold().translate(_TYPOGRAPHIC)
    s = " ".join(s.split())
    while True:
        before = s
        s = s.strip()
        # Surrounding quotes: strip a quote character at either end.
        while s and s[0] in _QUOTES:
            s = s[1:].lstrip()
        while s and _is_trailing_punct(s[-1]):
            s = s[:-1].rstrip()
        if s == before:
            return s


def author_names(value: Any) -> frozenset[str]:
    """The set of normalised names in an author string or list."""
    if is_absent(value):
        return frozenset()
    parts: Iterable[Any] = value if isinstance(value, (list, tuple)) else [value]
    names = set()
    for part in parts:
        if part is None:
            continue
        for name in _AUTHOR_SPLIT.split(str(part)):
            n = normalize_text(name)
            if n:
                names.add(n)
    return frozenset(names)


def date_key(value: Any) -> tuple[int, ...] | None:
    """(year, month, day) - as much as the value gives - or None."""
    if is_absent(value):
        return None
    m = _DATE.match(str(value))
    if not m:
        return None
    return tuple(int(g) for g in m.groups() if g is not None)


def language_key(value: Any) -> str:
    if is_absent(value):
        return ""
    return re.split(r"[-_]", str(value).strip(), maxsplit=1)[0].casefold()


def _title_eq(gold: Any, out: Any) -> bool:
    return normalize_text(gold) == normalize_text(out)


def _author_eq(gold: Any, out: Any) -> bool:
    return author_names(gold) == author_names(out)


def _date_eq(gold: Any, out: Any) -> bool:
    g, o = date_key(gold), date_key(out)
    if g is None:
        # Unparseable gold: compare the raw strings.
        return " ".join(str(gold).split()) == " ".join(str(out).split())
    if o is None:
        return False
    return o[: len(g)] == g


def _language_eq(gold: Any, out: Any) -> bool:
    return language_key(gold) == language_key(out)


_COMPARE: dict[str, Callable[[Any, Any], bool]] = {
    "title": _title_eq,
    "author": _author_eq,
    "date": _date_eq,
    "sitename": _title_eq,
    "language": _language_eq,
    "page_type": lambda gold, out: str(gold).strip().lower() == str(out).strip().lower(),
}


def field_correct(name: str, gold: Any, out: Any) -> bool:
    """Is the extracted value ``out`` right for gold ``gold`` (which exists)?"""
    if is_absent(gold):
        return is_absent(out)
    if is_absent(out):
        return False
    return _COMPARE[name](gold, out)
