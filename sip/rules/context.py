"""What a rule receives besides the plan, and what it yields."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple, Protocol

from sip.read.positions import Loc

if TYPE_CHECKING:
    from sip.model import Plan
    from sip.rules.index import PlanIndex

SEVERITIES = ("critical", "major", "minor")
DEADLINE_KINDS = ("protection", "corrective", "remedy")
# Days from a finding's `identified` date by which a response of each kind to it is due (SIP506),
# by kind and severity (format 1.1, section 7): protecting workers cannot wait; repaying workers
# in several countries takes longer than stopping a practice.
DEFAULT_DEADLINES: dict[str, dict[str, int]] = {
    "protection": {"critical": 14, "major": 30, "minor": 90},
    "corrective": {"critical": 30, "major": 90, "minor": 180},
    "remedy": {"critical": 90, "major": 180, "minor": 365},
}


def default_deadlines() -> dict[str, dict[str, int]]:
    return {kind: dict(days) for kind, days in DEFAULT_DEADLINES.items()}


@dataclass(frozen=True)
class Context:
    as_of: dt.date
    deadlines: dict[str, dict[str, int]] = field(default_factory=default_deadlines)  # kind, severity
    # The plan's lookups, built once per plan by the engine (sip/check/file.py) so that no rule
    # searches the plan per item.
    index: PlanIndex | None = None
    public_identifiers: tuple[str, ...] = ()  # kept by SIP601 (the configuration's list)


class Violation(NamedTuple):
    """One breach of a rule: the path it is about, and the words for it.

    `at` is where it points when that is not `loc` itself (a missing `contingency`
    points at its response). `anchor` is "value" or "key" (see sip/read/positions.py).
    """

    loc: Loc
    message: str
    at: Loc | None = None
    anchor: str = "value"


class PlanIdentity(NamedTuple):
    """What a rule over a whole run (SIP203) sees of each file: its name and plan id."""

    file: str
    plan_id: str | None
    plan_id_position: tuple[int, int]
    rules_ran: bool


class PlacedViolation(NamedTuple):
    """A run-level rule's finding, already placed in a file (it compares files, so it knows
    which); the engine adds the code and severity."""

    file: str
    line: int
    column: int
    message: str
    path: str


class Rule(Protocol):
    """What a rule module declares (the registry in sip/rules/__init__.py holds modules)."""

    @property
    def CODE(self) -> str: ...  # a module constant, read-only here

    @property
    def SEVERITY(self) -> str: ...

    @property
    def SUMMARY(self) -> str: ...

    @property
    def check(self) -> Callable[[Plan, Context], Iterator[Violation]] | None:
        """None for a code found while reading or validating the format (SIP0xx, SIP1xx), and
        for a rule over a whole run (SIP203, `check_run`)."""


class RunRule(Rule, Protocol):
    """A rule over the files of a whole run (SIP203)."""

    @property
    def check_run(self) -> Callable[[Iterable[PlanIdentity]], Iterator[PlacedViolation]]: ...
