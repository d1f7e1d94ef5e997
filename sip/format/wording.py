"""How rule messages name things: an item by its id and title, lists of ids, counts.

Titles pass through the personal-data mask, so that no message repeats what SIP601 warns
about (a passport number in a finding's title stays out of every message).
"""

from __future__ import annotations

from typing import Protocol

from sip.format.lists import NOUN, TITLE_FIELD

__all__ = ["NOUN", "TITLE_FIELD"]  # messages name lists with these nouns

TITLE_LENGTH = 60


# What these helpers read of the models, which are a layer above this module.


class Identified(Protocol):
    """Any item of a plan's lists."""

    @property
    def id(self) -> str: ...


class Titled(Identified, Protocol):
    """A plan."""

    @property
    def title(self) -> str: ...


def label(item: Identified, list_name: str) -> str:
    """`F-3 “Grievance channel offered only in Malay and English”`."""
    title = getattr(item, TITLE_FIELD[list_name], "")
    return f"{item.id} {quoted(str(title))}"


def quoted(title: str) -> str:
    """A title as messages quote it: on one line, shortened, masked, in typographic quotes.

    Titles hold straight quotes of their own (`kept workers' passports "for safekeeping"`),
    so straight quotes around them would nest; typographic ones cannot be confused with
    them, and a typographic double quote inside a title becomes a straight one, so that the
    outer pair is always the only one."""
    # here, not at import: the detector's patterns are compiled when a message first quotes a
    # title, so a plan whose format errors stop every rule never compiles them
    from sip.format.personal_data import mask

    text = shorten(mask(" ".join(title.split())))
    return "\u201c" + text.replace("\u201c", '"').replace("\u201d", '"') + "\u201d"


def shorten(text: str, limit: int = TITLE_LENGTH) -> str:
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:.")
    return cut + "..."


def a(noun: str) -> str:
    return f"an {noun}" if noun[:1] in "aeiou" else f"a {noun}"


def ids(values: list[str]) -> str:
    """'F-1', 'F-1 and F-2', 'F-1, F-2 and F-3'."""
    if len(values) <= 1:
        return "".join(values)
    return f"{', '.join(values[:-1])} and {values[-1]}"


def plural(count: int, noun: str, plural_noun: str | None = None) -> str:
    """'1 finding', '3 findings', '1,200 workers': the one way sip counts things in words."""
    return f"{count:,} {noun if count == 1 else plural_noun or noun + 's'}"


def money(currency: str, amount: float) -> str:
    """'USD 1,200', 'MYR 38,550,000', 'USD 512.50': an amount as messages write it."""
    return f"{currency} {number(amount)}"


def number(amount: float) -> str:
    """'1,200', '20,160,000', '512.50': a number as messages write it, never '2.016e+07'
    (amounts in BDT, IDR or VND run to tens of millions)."""
    return f"{amount:,.0f}" if amount == int(amount) else f"{amount:,.2f}"


def why_forced_labour(finding) -> str:
    """What makes a finding a forced-labour one: 'determination: substantiated', or, derived,
    'critical; debt bondage' or 'suspected from 2 indicators: debt bondage, deception'."""
    from sip.format.vocab import INDICATOR

    if finding.determination is not None:
        return f"determination: {finding.determination}"
    indicators = ", ".join(INDICATOR[i].lower() for i in dict.fromkeys(finding.indicators))
    if finding.severity == "critical":
        return f"critical; {indicators}" if indicators else "critical"
    return f"{len(set(finding.indicators))} indicators: {indicators}"


def plan_label(plan: Titled) -> str:
    return f"{plan.id} {quoted(plan.title)}"
