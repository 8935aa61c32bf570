"""HTML fragment -> plain text, the one converter used for gold text.

Used wherever a gold answer is stored as HTML (Mozilla Readability's
``expected.html``): block elements go on their own lines, paragraph-like blocks
are separated by one blank line, inline whitespace is collapsed, and the
contents of script/style/template/svg/head are dropped. The output follows the
same text convention as ``Document.text`` (paragraphs separated by a blank line,
headings and list items on their own lines), so line-level diffs line up.

    >>> html_to_text("<h1>Hi</h1><p>One <b>two</b></p><ul><li>a</li><li>b</li></ul>")
    'Hi\\n\\nOne two\\n\\na\\nb'
"""

from __future__ import annotations

from html.parser import HTMLParser
from typing import List, Optional, Tuple

__all__ = ["html_to_text"]

# Blocks separated from their neighbours by a blank line.
_PARAGRAPH = frozenset(
    "p h1 h2 h3 h4 h5 h6 blockquote pre table ul ol dl figure hr address "
    "details fieldset form".split()
)
# Blocks that only start a new line.
_LINE = frozenset(
    "div section article main header footer nav aside li dt dd tr caption "
    "figcaption summary legend center body html br option".split()
)
# Cells: separated by a space inside their row.
_CELL = frozenset(("td", "th"))
# Elements whose contents are never text.
_SKIP = frozenset("script style template svg head title noscript iframe object canvas select".split())
_VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.items: list[object] = []  # str fragments and int break levels (1 line, 2 paragraph)
        self.skip_stack: list[str] = []
        self.pre = 0

    # Break levels are ints in the item stream; text is str.
    def _brk(self, level: int) -> None:
        self.items.append(level)

    def handle_starttag(self, tag: str, attrs: List[Tuple[str, Optional[str]]]) -> None:
        if self.skip_stack:
            if tag == self.skip_stack[-1] and tag not in _VOID:
                self.skip_stack.append(tag)
            return
        if tag in _SKIP:
            self.skip_stack.append(tag)
            return
        if tag in _PARAGRAPH:
            self._brk(2)
            if tag == "pre":
                self.pre += 1
        elif tag in _LINE:
            self._brk(1)
        elif tag in _CELL:
            self.items.append(" ")
        elif tag == "img":
            pass

    def handle_startendtag(self, tag: str, attrs: List[Tuple[str, Optional[str]]]) -> None:
        if self.skip_stack:
            return
        if tag == "br":
            self._brk(1)
        elif tag == "hr":
            self._brk(2)

    def handle_endtag(self, tag: str) -> None:
        if self.skip_stack:
            if tag == self.skip_stack[-1]:
                self.skip_stack.pop()
            return
        if tag in _PARAGRAPH:
            self._brk(2)
            if tag == "pre" and self.pre:
                self.pre -= 1
        elif tag in _LINE:
            self._brk(1)
        elif tag in _CELL:
            self.items.append(" ")

    def handle_data(self, data: str) -> None:
        if self.skip_stack or not data:
            return
        if self.pre:
            lines = data.split("\n")
            for i, line in enumerate(lines):
                if i:
                    self._brk(1)
                self.items.append(line)
        else:
            self.items.append(data)

    def text(self) -> str:
        out: list[str] = []
        line: list[str] = []
        pending = 0

        def flush() -> None:
            nonlocal pending
            s = " ".join("".join(line).split())
            line.clear()
            if not s:
                return
            if out:
                out.append("\n\n" if pending >= 2 else "\n")
            out.append(s)
            pending = 0

        for item in self.items:
            if isinstance(item, int):
                flush()
                pending = max(pending, item)
            else:
                line.append(item)  # type: ignore[arg-type]
        flush()
        return "".join(out)


def html_to_text(html: str) -> str:
    """Render an HTML document or fragment as plain text (see module doc)."""
    builder = _Builder()
    builder.feed(html)
    builder.close()
    return builder.text()
