"""How the one-minute summary names things: numbers, counts, lists, and an action by its id and
its words (sip/output/render/brief.py, worst.py)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from sip.format.wording import shorten
from sip.model import Plan
from sip.model.actions import Action
from sip.output.figures import Progress

MOST = 4  # items named in one sentence before "and N more"
TITLE = 60  # characters of an action's words kept after its id

# A finding's determination in words: what the plan establishes, suspects or only indicates.
DETERMINED = {
    "substantiated": "forced labour established",
    "suspected": "forced labour suspected",
    "indicators-only": "it shows indicators of forced labour",
    "not-substantiated": "forced labour investigated and not found",
    None: "it is not about forced labour",
}


def n(value: float) -> str:
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.2f}"
    return f"{int(value):,}"


def count(number: int, noun: str, plural: str | None = None) -> str:
    return f"{n(number)} {noun if number == 1 else plural or noun + 's'}"


def joined(parts: Sequence[str]) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def some(parts: Sequence[str]) -> str:
    """The first MOST parts, and how many more."""
    if len(parts) > MOST:
        return ", ".join(parts[:MOST]) + f" and {len(parts) - MOST} more"
    return joined(parts)


def they(ids: Sequence[str], singular: str, plural: str) -> str:
    return singular if len(ids) == 1 else plural


class Facts:
    """A plan and its figures as the summary reads them, with ids named as the page shows them."""

    def __init__(
        self,
        plan: Plan,
        progress: Progress,
        name: Callable[[str], str],
        public: bool,
        other: Callable[[str, str], str],
    ) -> None:
        self.plan = plan
        # a finding of another plan that a finding repeats (its id, its `repeats`), as the page
        # names it: "F-1 of plan SIP-2025-003", or "a confidential item of plan ..."
        self.other = other
        self.p = progress
        self.as_of = progress.as_of
        self.name = name  # an id as the page shows it ("a confidential item" when withheld)
        self.public = public
        self.all: list[Action] = [*plan.responses, *plan.improvements]
        self.actions: dict[str, Action] = {}
        for a in self.all:
            self.actions.setdefault(a.id, a)  # a duplicate id (SIP201): the first

    def titled(self, action_id: str) -> str:
        """`A-3 “Repay the recruitment fees”`: an id with its action's words, shortened."""
        action = self.actions.get(action_id)
        shown = self.name(action_id)
        if action is None:  # withheld from the public: the words say so
            return shown
        return f"{shown} \u201c{shorten(' '.join(action.action.split()), TITLE)}\u201d"

    def ids(self, ids: Sequence[str]) -> str:
        return some([self.name(i) for i in ids])

    def days_late(self, action: Action) -> int:
        return (self.as_of - action.due).days
