"""What looks like a worker's personal data in free text: the one detector behind SIP601
and the masking of public reports. docs/personal-data.md lists what it finds and keeps.

It errs towards flagging: a false alarm costs a waiver (or an entry in the configuration's
`public-identifiers`), a leak costs a worker. Text is read as a person, or a browser, would
read it (`reading`): percent-encoding decoded, compatibility forms folded, digits of every
script read as digits, invisible characters dropped.

Order matters, and each step claims or sets aside what it found, so that later steps do not read
it again: the public identifiers a user listed (`listed`) are set aside first; e-mail addresses
(`addresses`), then messaging accounts and links (`accounts`) are claimed; then shapes that look
like numbers but are not a person's (dates, document numbers, tariff codes, ids, a public web
address's numbers, amounts of money: `public`) are set aside; then what is left is searched for
identity documents, phone and account numbers (`numbers`). A cheap look first (`screen`) skips
the steps a text could not match.
"""

from __future__ import annotations

import re
from functools import lru_cache

from sip.format.personal_data import accounts, addresses, numbers, public
from sip.format.personal_data.kinds import (
    ACCOUNT,
    DOCUMENT,
    EMAIL,
    HANDLE,
    MASK,
    NUMBER,
    PHONE,
    PROFILE,
    Found,
    Match,
)
from sip.format.personal_data.listed import NOTHING_KEPT, Keep, keep
from sip.format.personal_data.reading import normalise
from sip.format.personal_data.screen import EVERY_CUE, Cues, cues

__all__ = [
    "ACCOUNT",
    "DOCUMENT",
    "EMAIL",
    "HANDLE",
    "MASK",
    "NOTHING_KEPT",
    "NUMBER",
    "PHONE",
    "PROFILE",
    "Keep",
    "Match",
    "find",
    "find_in_name",
    "keep",
    "mask",
    "not_an_identifier",
]


def find(text: str, kept: Keep = NOTHING_KEPT, screen: bool = True) -> list[Match]:
    """Spans of text that look like personal data, first to last, not overlapping. `screen`:
    skip what the text cannot hold (False only to compare, in tests: the answers are the same)."""
    if not screen:
        return _find_uncached(text, kept, screen)
    if text.isascii() and "%" not in text and cues(text) is None:
        return []  # the common case stays cheap
    if len(text) <= 500:  # plans repeat their short texts (owners, roles, ids): remember them
        return list(_find_cached(text, kept))  # a copy: a caller may add to its list
    return _find_uncached(text, kept, screen)


@lru_cache(maxsize=8192)
def _find_cached(text: str, kept: Keep) -> tuple[Match, ...]:
    return tuple(_find_uncached(text, kept, True))


def _find_uncached(text: str, kept: Keep, screen: bool) -> list[Match]:
    norm, spans = normalise(text)
    shapes = cues(norm) if screen else EVERY_CUE
    if shapes is None:
        return []
    found = _search(norm, kept, shapes)
    if spans is None:
        return [Match(*span) for span in found]
    return [Match(spans[start][0], spans[end - 1][1], kind) for start, end, kind in found]


class _Claims:
    """The text as it is searched: what a step claims or sets aside becomes NUL, which no pattern
    reads, so that later steps do not read it again."""

    def __init__(self, text: str) -> None:
        self.work = list(text)
        self.found: Found = []

    def text(self) -> str:
        return "".join(self.work)

    def set_aside(self, start: int, end: int, kind: str | None = None) -> None:
        self.work[start:end] = "\0" * (end - start)
        if kind:
            self.found.append((start, end, kind))


def _search(text: str, kept: Keep, shapes: Cues) -> Found:
    claims = _Claims(text)
    if kept.pattern is not None:
        for m in kept.pattern.finditer(text):
            claims.set_aside(m.start(), m.end())
    if shapes.at_sign:
        for m in addresses.EMAIL.finditer(claims.text()):
            claims.set_aside(m.start(), m.end(), EMAIL)
    if shapes.spelled_at:
        for m in addresses.SPELLED_EMAIL.finditer(claims.text()):
            claims.set_aside(m.start(), m.end(), EMAIL)
    if shapes.slash:
        for m in accounts.LINK.finditer(claims.text()):
            group, kind = accounts.link_kind(m)
            claims.set_aside(m.start(group), m.end(group), kind)
    if shapes.at_sign or shapes.assignment:
        for m in accounts.HANDLE_PATTERN.finditer(claims.text()):
            group = accounts.handle_group(m)
            claims.set_aside(m.start(group), m.end(group), HANDLE)
    if shapes.digit:
        _numbers(claims)
    return sorted(claims.found)


def _numbers(claims: _Claims) -> None:
    now = claims.text()
    for m in public.URL.finditer(now):
        for start, end in public.public_in_url(m.group()):
            claims.set_aside(m.start() + start, m.start() + end)
    for m in public.SHAPES.finditer(claims.text()):
        claims.set_aside(m.start(), m.end())
    for m in public.ID.finditer(claims.text()):
        if public.is_id(m.group()):
            claims.set_aside(m.start(), m.end())
    for kind, pattern in numbers.DOCUMENTS:
        for m in pattern.finditer(claims.text()):
            if kind == DOCUMENT and m.groupdict().get("prefix") is not None and numbers.not_a_document(m):
                continue
            claims.set_aside(m.start(), m.end(), kind)
    for m in numbers.AFTER_KEYWORD.finditer(claims.text()):
        keyword_kind = numbers.keyword_kind(m.group("value"))
        if keyword_kind:
            claims.set_aside(m.start("value"), m.end("value"), keyword_kind)
    now = claims.text()
    for m in numbers.RUN.finditer(now):
        run_kind = numbers.number_kind(
            m.group(), now[max(0, m.start() - 6) : m.start()], now[m.end() : m.end() + 12]
        )
        if run_kind:
            claims.set_aside(m.start(), m.end(), run_kind)


def not_an_identifier(entry: str) -> str | None:
    """Why a `public-identifiers` entry is refused, or None. An entry is kept wherever it is
    written, so it must be a whole identifier that needs listing: something the detector finds
    (a hotline's number, an address, a profile link), or a number of five digits or more. One
    or two characters, a word or a short number would keep every text that holds them."""
    if find(entry) or sum(c.isdigit() for c in normalise(entry)[0]) >= 5:
        return None
    return (
        "is not a whole identifier that sip would mask: list a public number, address or link "
        'whole, as it is written (a hotline\'s "+60 3-8000 8000", "hotline@example.org"); a part '
        "of one, a word or a short number would keep every text that holds it"
    )


_NAME_PARTS = re.compile(r"[^-_./\\]+")


def find_in_name(name: str, kept: Keep = NOTHING_KEPT) -> list[Match]:
    """In an id or a file name, where `-`, `_`, `.` and `/` join words: the whole name, and each
    of its parts on its own (`worker-A1234567.yaml`), so that `ACME-2026-00123` stays an id."""
    spans = find(name, kept)
    for part in _NAME_PARTS.finditer(name):
        spans += [
            Match(m.start + part.start(), m.end + part.start(), m.kind) for m in find(part.group(), kept)
        ]
    merged: list[Match] = []
    for m in sorted(spans):
        if merged and m.start < merged[-1].end:
            last = merged.pop()
            m = Match(last.start, max(last.end, m.end), last.kind)
        merged.append(m)
    return merged


def mask(text: str, kept: Keep = NOTHING_KEPT, replacement: str = MASK, name: bool = False) -> str:
    """`text` with what looks like personal data replaced; `name`: text is an id or a file name."""
    out, last = [], 0
    for m in (find_in_name if name else find)(text, kept):
        out.append(text[last : m.start])
        out.append(replacement)
        last = m.end
    out.append(text[last:])
    return "".join(out)
