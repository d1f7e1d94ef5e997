"""What looks like a worker's personal data in free text: the one detector behind SIP601
and the masking of public reports.

It errs towards flagging: a false alarm costs a waiver, a leak costs a worker.
"""

from __future__ import annotations

import re
from typing import NamedTuple

_PATTERNS = (
    ("an e-mail address", re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")),
    # Passport and most national ID numbers: one or two capitals then 6-9 digits (A12345678),
    # or the Malaysian/Singaporean style 850101-14-5678.
    ("a passport or ID number", re.compile(r"\b[A-Z]{1,2}[0-9]{6,9}\b|\b[0-9]{6}-[0-9]{2}-[0-9]{4}\b")),
    # Phone numbers: 8 to 15 digits in groups, optionally after '+' or in brackets.
    ("a phone number", re.compile(r"(?<![\w-])\+?\(?[0-9]{2,4}\)?(?:[ .-]?[0-9]{2,4}){2,4}(?![\w-])")),
    ("an ID number", re.compile(r"\b[0-9]{9,}\b")),
)
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")
MASK = "[redacted]"


class Match(NamedTuple):
    start: int
    end: int
    kind: str


def find(text: str) -> list[Match]:
    """Spans of text that look like personal data, first to last, not overlapping."""
    found: list[Match] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if kind == "a phone number" and not _is_phone(m.group()):
                continue
            if not any(m.start() < f.end and f.start < m.end() for f in found):
                found.append(Match(m.start(), m.end(), kind))
    return sorted(found)


def _is_phone(candidate: str) -> bool:
    digits = sum(c.isdigit() for c in candidate)
    # A date is no phone, in brackets too: "(2026-08-15)" is caught with its opening bracket.
    if not 8 <= digits <= 15 or _DATE.match(candidate.lstrip("(")):
        return False
    # A run of digits with no '+', bracket or separator is a number, not a phone.
    return candidate.startswith(("+", "(")) or any(c in candidate for c in " .-")


def mask(text: str) -> str:
    out, last = [], 0
    for m in find(text):
        out.append(text[last:m.start])
        out.append(MASK)
        last = m.end
    out.append(text[last:])
    return "".join(out)
