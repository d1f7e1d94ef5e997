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


# Format 1.2's defaults: a verification hears at least the smaller of 30 workers and 10 % of
# the workers concerned (SIP510); an improvement is judged effective no sooner than 90 days
# after it was completed (SIP511). `[verification]` and `[effectiveness]` change them.
MIN_WORKERS_HEARD = 30
SHARE_OF_WORKERS_HEARD = 0.10
MIN_EFFECTIVE_DAYS = 90


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
    min_workers: int = MIN_WORKERS_HEARD  # SIP510
    min_share: float = SHARE_OF_WORKERS_HEARD  # SIP510
    min_days: int = MIN_EFFECTIVE_DAYS  # SIP511
    # (line, column, path) of the first line in each block or multi-line quoted scalar that
    # reads as a comment (the loader finds them; SIP603 reports them)
    comment_lines: tuple[tuple[int, int, str], ...] = ()


class Violation(NamedTuple):
    """One breach of a rule: the path it is about, and the words for it.

    `at` is where it points when that is not `loc` itself (a missing `contingency`
    points at its response). `anchor` is "value" or "key" (see sip/read/positions.py).
    `position` (line, column), when given, is where it points inside a scalar of several lines.
    """

    loc: Loc
    message: str
    at: Loc | None = None
    anchor: str = "value"
    position: tuple[int, int] | None = None  # a line inside a text (SIP603): no node starts there


class FindingFacts(NamedTuple):
    """What rules over a whole run (SIP202's `PLAN-ID/F-n`, SIP205) see of one finding."""

    list_index: int  # its position in the plan's findings
    id: str
    title: str
    identified: dt.date
    indicators: tuple[str, ...]
    forced_labour: bool
    repeats: str | None
    position: tuple[int, int]  # the finding's
    repeats_position: tuple[int, int]  # its `repeats` value's (the finding's when absent)


class PlanFacts:
    """What rules over a whole run see of a plan that validated, beyond its id: small and
    picklable, made in the worker that checked the plan (sip/check/plan_facts.py).

    A long run keeps one for every plan until the rules over the run have read them all, so the
    findings can be packed (`pack()`): compressed, read back where a rule reads them. What
    decides whether a rule reads them at all (the site, the status, whether a finding repeats
    another plan's) stays at hand."""

    __slots__ = ("status", "closed", "supplier_id", "site_name", "country", "repeats_elsewhere", "_lists")

    def __init__(
        self,
        status: str,
        closed: dt.date | None,
        supplier_id: str | None,
        site_name: str,
        country: str,
        finding_ids: tuple[str, ...],  # every finding's, in order
        # the findings a run-level rule may read: every finding of a closed plan (SIP205's plan
        # A); else the forced-labour ones (its plan B) and those that repeat another plan's (SIP202)
        findings: tuple[FindingFacts, ...],
    ) -> None:
        self.status = status
        self.closed = closed
        self.supplier_id = supplier_id
        self.site_name = site_name
        self.country = country
        self.repeats_elsewhere = any(f.repeats is not None and "/" in f.repeats for f in findings)
        self._lists: tuple[tuple[str, ...], tuple[FindingFacts, ...]] | bytes = (finding_ids, findings)

    @property
    def finding_ids(self) -> tuple[str, ...]:
        return self._unpacked()[0]

    @property
    def findings(self) -> tuple[FindingFacts, ...]:
        return self._unpacked()[1]

    def pack(self) -> PlanFacts:
        if isinstance(self._lists, tuple):
            import pickle
            import zlib

            self._lists = zlib.compress(pickle.dumps(self._lists, pickle.HIGHEST_PROTOCOL), 1)
        return self

    def spill(self, put: Callable[[bytes], object]) -> None:
        """Hand the packed findings to `put`, keeping what it returns: an object whose `read()`
        gives them back (sip.check.result.Spill), or the bytes themselves."""
        if isinstance(self._lists, bytes):
            self._lists = put(self._lists)  # type: ignore[assignment]  # bytes or a Spilled

    def _unpacked(self) -> tuple[tuple[str, ...], tuple[FindingFacts, ...]]:
        if isinstance(self._lists, tuple):
            return self._lists
        import pickle
        import zlib

        packed = self._lists if isinstance(self._lists, bytes) else self._lists.read()
        return pickle.loads(zlib.decompress(packed))

    def _values(self) -> tuple[object, ...]:
        header = (self.status, self.closed, self.supplier_id, self.site_name, self.country)
        return (*header, self.finding_ids, self.findings)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PlanFacts) and self._values() == other._values()

    __hash__ = None  # type: ignore[assignment]  # compared by value, never a key

    def __repr__(self) -> str:
        return f"PlanFacts{self._values()!r}"


class PlanIdentity(NamedTuple):
    """What a rule over a whole run (SIP203, SIP205, SIP202 across plans) sees of each file:
    its name and plan id, and the facts of a plan that validated."""

    file: str
    plan_id: str | None
    plan_id_position: tuple[int, int]
    rules_ran: bool
    facts: PlanFacts | None = None


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
    """A rule over the files of a whole run (SIP203, SIP205; SIP202 across plans)."""

    @property
    def check_run(self) -> Callable[[Iterable[PlanIdentity]], Iterator[PlacedViolation]]: ...
