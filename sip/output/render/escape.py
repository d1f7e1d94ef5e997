"""Markdown escaping: plan text is data, never markup.

One function, safe in every place a Markdown template puts text: a paragraph, a list item,
a heading or a table cell (GitHub-flavoured). HTML becomes entities, so `<script>` stays
text; inline markers are backslash-escaped, `|` included, so a cell never splits; line
breaks become `<br>`, so a text never ends a table row or starts a new block.

`inert` serves both report formats: a control character or a bidirectional override in plan
text is shown as its escape (`\x1b`, `\u202e`), never passed on, so a report read in a
terminal (`cat report.md`) cannot be recoloured and a page cannot show words in another order
than the plan holds (a public page is one a lawyer signs).
"""

from __future__ import annotations

import re
from functools import lru_cache

from markupsafe import Markup

from sip.output.plain_text import printable

_ENTITIES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_INLINE = re.compile(r"([\\`*_\[\]|~])")
_LINE_BREAKS = re.compile(r"[ \t]*(?:\r\n|\r|\n)[ \t]*")
# What would open a block when it starts a line: a heading, a list item (`1.` or `1)` and a
# space, or alone), a setext underline.
_BLOCK_START = re.compile(r"([#+=-])|([0-9]+)([.)])(?=[ \t]|\Z)")
_BLOCK_CHARS = frozenset("#+=-0123456789")


def inert(text: str) -> str:
    """Plan text with its control characters shown as escapes; line breaks kept, tabs as spaces."""
    return printable(text.replace("\t", " "), keep_breaks=True)


@lru_cache(maxsize=8192)  # a report prints the same words (statuses, dates, actions) many times
def markdown_escape(text: str) -> Markup:
    out = inert(text.strip()).translate(_ENTITIES)
    if _INLINE.search(out):  # most text has nothing to escape: skip the substitutions
        out = _INLINE.sub(r"\\\1", out)
    if "\n" in out or "\r" in out:
        out = _LINE_BREAKS.sub("<br>", out)
    start = _BLOCK_START.match(out) if out[:1] in _BLOCK_CHARS else None
    if start:
        out = ("\\" + out) if start.group(1) else f"{start.group(2)}\\{out[start.end(2) :]}"
    return Markup(out)
