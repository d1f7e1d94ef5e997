"""What every part of a report is built with: vocabulary words as Labels, and ids as the page shows
them (for the public: masked like file names, anchors `redacted-N`, confidential items "a
confidential item"); the money remedies' figures on a line."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from sip.format import vocab
from sip.format.personal_data import Keep, keep
from sip.model import Plan
from sip.output.figures import MoneyTotal, percent
from sip.output.render import context as c
from sip.output.render.audience import masking
from sip.output.render.links import NO_LINKS, PageLinks
from sip.output.render.words import WORDS


def vocab_label(words: dict[str, str], value: str) -> c.Label:
    return c.Label(value, words[value])


def labels(words: dict[str, str], values: Iterable[str]) -> list[c.Label]:
    return [vocab_label(words, v) for v in values]


def counts(words: dict[str, str], found: dict[str, int]) -> list[c.Count]:
    """A Count for every word of a vocabulary, in its order."""
    return [c.Count(vocab_label(words, value), found.get(value, 0)) for value in words]


# Every determination a finding can have, and "none" for a finding not about forced labour.
DETERMINATIONS = {**vocab.DETERMINATION, "none": "Not about forced labour"}


def money_line(
    currency: str, money: MoneyTotal, per_worker: float | None = None, payer: str | None = None
) -> c.MoneyLine:
    share = percent(money.paid, money.committed) if money.reported else ""
    return c.MoneyLine(
        currency,
        money.committed,
        money.paid,
        money.unreported,
        share,
        per_worker,
        vocab_label(vocab.PAYER, payer) if payer else None,
    )


class Shown:
    """A plan as a page shows it: its ids, anchors and references."""

    def __init__(
        self,
        plan: Plan,
        as_of: dt.date,
        public: bool,
        withheld: set[str],
        kept: Keep | None = None,
        deadlines: dict[str, dict[str, int]] | None = None,
        links: PageLinks = NO_LINKS,
    ) -> None:
        self.plan = plan
        self.as_of = as_of
        self.public = public
        self.withheld = withheld
        self.deadlines = deadlines
        self.links = links
        self.findings = {f.id: f for f in plan.findings}
        # ids as file names are masked; text was masked in the public plan (audience.public_plan)
        self.name: Callable[[str], str] = masking(public, kept or keep(), name=True)
        self.known = set(plan.items())
        self.anchors: dict[str, str] = {}

    def id(self, i: str) -> str:
        """An id as the page shows it: for the public, masked like a file name."""
        return self.name(i)

    def anchor(self, i: str) -> str:
        """The fragment an item is linked by: for the public an id that looks like personal
        data would show in the page's links, so it becomes `redacted-N`, the same N for every
        reference to the item (links still resolve)."""
        if not self.public or self.name(i) == i:
            return i
        return self.anchors.setdefault(i, f"redacted-{len(self.anchors) + 1}")

    def ref(self, item_id: str) -> c.Ref:
        if item_id in self.withheld:
            return c.Ref(WORDS.confidential_item, "", False, withheld=True)
        return c.Ref(self.id(item_id), self.anchor(item_id), item_id in self.known)

    def refs(self, ids: Iterable[str]) -> list[c.Ref]:
        return [self.ref(i) for i in ids]
