"""What the detector finds: a span of text and its kind, in the words SIP601 uses."""

from __future__ import annotations

from typing import NamedTuple

MASK = "[redacted]"
EMAIL = "an e-mail address"
DOCUMENT = "a passport or ID number"
PHONE = "a phone number"
NUMBER = "an ID number"
ACCOUNT = "a bank account number"
HANDLE = "a messaging account"
PROFILE = "a social media profile"


class Match(NamedTuple):
    start: int
    end: int
    kind: str


# (start, end, kind) in the text the patterns read; Match is the same in the text as written
Found = list[tuple[int, int, str]]
