"""What a rule receives besides the plan, and what it yields."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from sip.read.positions import Loc

if TYPE_CHECKING:
    from sip.rules.index import PlanIndex

DEFAULT_DEADLINES = {"critical": 30, "major": 90, "minor": 180}


@dataclass(frozen=True)
class Context:
    as_of: dt.date
    deadlines: dict[str, int] = field(default_factory=lambda: dict(DEFAULT_DEADLINES))
    # The plan's lookups, built once per plan by the engine (sip/check/file.py) so that no rule
    # searches the plan per item.
    index: PlanIndex | None = None


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
