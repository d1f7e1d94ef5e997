"""The cheap look before the patterns: which kinds of shape a text could hold at all.

Every pattern needs a character that a plain scan finds at C speed: a number needs a digit, an
address or a handle an `@`, an address written out an ` at ` (any case) or `[at]`, a
messenger's account a `:` or `=` after the messenger's name, a link a `/`. Most free text has
none of them, and is passed over without running a pattern; the patterns a text could match
are the only ones run. The answers are the same with and without this look
(tests/test_personal_data_screen.py compares them on real plans and random text).
"""

from __future__ import annotations

import re
from typing import NamedTuple

_ANY = re.compile(r"[0-9@:=/]")
_DIGIT = re.compile(r"[0-9]")
# ` at `, `(at)`, `[ at ]`: what sip.format.personal_data.addresses reads as an address's `@`
_SPELLED_AT = re.compile(r"(?i)[\s\[({<]at[\s\])}>]")


class Cues(NamedTuple):
    digit: bool  # documents, phone and account numbers
    at_sign: bool  # e-mail addresses, handles
    spelled_at: bool  # e-mail addresses written out
    assignment: bool  # `WeChat: name`
    slash: bool  # links


EVERY_CUE = Cues(True, True, True, True, True)


def cues(text: str) -> Cues | None:
    """The kinds of shape `text` (as read: normalised) could hold; None when it can hold none."""
    # `at` in any case, looked for in the lower-case text first (only `a`, `A`, `t` and `T`
    # match `(?i)a` and `(?i)t`, so this misses nothing the pattern would find)
    spelled = "at" in text.lower() and bool(_SPELLED_AT.search(text))
    if not spelled and not _ANY.search(text):
        return None
    return Cues(
        digit=bool(_DIGIT.search(text)),
        at_sign="@" in text,
        spelled_at=spelled,
        assignment=":" in text or "=" in text,
        slash="/" in text,
    )
