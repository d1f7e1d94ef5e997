"""Which findings are forced labour (format 1.1, section 1): the one definition every rule and
report uses, written without pydantic so that any layer can call it.

A finding's `determination` is what was established. When it is absent it is derived: a
critical finding, or one with two or more ILO indicators, is `suspected`; one indicator on a
finding that is not critical is `indicators-only` (the ILO: one indicator alone may or may not
point to forced labour); a finding with neither is not about forced labour at all (None).
"""

from __future__ import annotations

from collections.abc import Sequence

FORCED_LABOUR = frozenset(("substantiated", "suspected"))


def determination_of(given: str | None, severity: str, indicators: Sequence[str]) -> str | None:
    """The finding's determination: the one written, else the one its facts imply."""
    if given is not None:
        return given
    if severity == "critical" or len(set(indicators)) >= 2:
        return "suspected"
    if indicators:
        return "indicators-only"
    return None


def is_forced_labour(given: str | None, severity: str, indicators: Sequence[str]) -> bool:
    return determination_of(given, severity, indicators) in FORCED_LABOUR
