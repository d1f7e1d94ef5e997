"""Public identifiers a user listed (the configuration's `public-identifiers`): found as written,
whatever the spacing or letter case, and only whole (never inside a longer number, address or
word), then never masked nor warned about."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from sip.format.personal_data.reading import normalise


class Keep(NamedTuple):
    pattern: re.Pattern[str] | None


@lru_cache(maxsize=32)
def keep(identifiers: tuple[str, ...] = ()) -> Keep:
    parts = []
    for identifier in sorted(identifiers, key=len, reverse=True):
        text = "".join(normalise(identifier)[0].split())
        if text:
            parts.append(_whole(text))
    return Keep(re.compile("|".join(parts), re.IGNORECASE) if parts else None)


def _whole(text: str) -> str:
    """A pattern for `text` with any spacing, that does not match inside a longer identifier: not
    after or before a letter, digit, `@` or `+`; an address not after `name.`; a number not
    after or before another group of digits (`+60 12345678` does not hold `12345678`)."""
    before = [r"(?<![\w@+])"]
    after = [r"(?![\w@])"]
    if "@" in text:
        before.append(r"(?<!\w[.+-])")
    if text[0].isdigit():
        before.append(r"(?<![0-9][\s./-])")
    if text[-1].isdigit():
        after.append(r"(?![\s./-][0-9])")
    body = r"\s*".join(re.escape(ch) for ch in text)
    return f"(?:{''.join(before)}{body}{''.join(after)})"


NOTHING_KEPT = keep()
