"""What text is read as: the text the patterns search, and where each of its characters was
written, so that what is masked is the original text of the span.

- percent-encoding is decoded (`%2B` is `+`, `%40` is `@`, `%E0%A5%AF` is `९`), twice at
  most (`%252B`), as a browser opening the link would;
- Unicode compatibility forms are folded (NFKC: full-width digits and `＠`), digits of every
  script read as digits, invisible characters (soft hyphens, zero-width spaces) dropped, every
  space read as a space and every dash as `-`.
"""

from __future__ import annotations

import re
import unicodedata

# For each character of the read text, the span of the written text it comes from.
Spans = list[tuple[int, int]]

_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63"), "-")
_ENCODED = re.compile(r"(?:%[0-9A-Fa-f]{2})+")
_DECODE_ROUNDS = 2  # a link encoded twice (%252B) is still read; a third time is no one's habit


def normalise(text: str) -> tuple[str, Spans | None]:
    """The text the patterns read, and for each of its characters the span of `text` it comes
    from (None: the same text, index for index)."""
    if text.isascii() and "%" not in text:
        return text, None
    spans = [(i, i + 1) for i in range(len(text))]
    for _ in range(_DECODE_ROUNDS):
        if not _ENCODED.search(text):
            break
        text, spans = _decoded(text, spans)
    if not text.isascii():
        text, spans = _folded(text, spans)
    return text, spans


def _decoded(text: str, spans: Spans) -> tuple[str, Spans]:
    out: list[str] = []
    where: Spans = []
    last = 0
    for m in _ENCODED.finditer(text):
        out.extend(text[last : m.start()])
        where.extend(spans[last : m.start()])
        raw = bytes.fromhex(m.group().replace("%", ""))
        at = 0
        while at < len(raw):
            size = _utf8_size(raw[at])
            first, end = m.start() + 3 * at, m.start() + 3 * (at + size)
            try:
                char = raw[at : at + size].decode("utf-8")
            except UnicodeDecodeError:
                char = ""
            if len(char) == 1:
                out.append(char)
                where.append((spans[first][0], spans[end - 1][1]))
                at += size
            else:  # not UTF-8: the three characters stay as written
                out.extend(text[first : first + 3])
                where.extend(spans[first : first + 3])
                at += 1
        last = m.end()
    out.extend(text[last:])
    where.extend(spans[last:])
    return "".join(out), where


def _utf8_size(lead: int) -> int:
    if lead < 0xC0:
        return 1
    return 2 if lead < 0xE0 else 3 if lead < 0xF0 else 4


def _folded(text: str, spans: Spans) -> tuple[str, Spans]:
    out: list[str] = []
    where: Spans = []
    for ch, span in zip(text, spans, strict=True):
        if ch.isascii():
            out.append(ch)
            where.append(span)
            continue
        if unicodedata.category(ch) == "Cf":  # soft hyphen, zero-width spaces and joiners, BOM
            continue
        if ch.isdecimal():  # Devanagari, Bengali, Thai, Myanmar, Arabic-Indic, full-width...
            folded = str(unicodedata.decimal(ch))
        elif ch.isspace():
            folded = " "
        else:
            folded = unicodedata.normalize("NFKC", ch).translate(_DASHES)
        for part in folded:
            out.append(part)
            where.append(span)
    return "".join(out), where
