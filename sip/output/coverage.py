"""Which affected workers the money remedies cover and have reached: the one reading the
reports, `sip status` and the portfolio share (format 1.2, section 5: "covers X of Y affected
workers", or "coverage not recorded").

As SIP409 reads it (format 1.2, section 7): money remedies (reimbursement, back pay,
compensation) that are not cancelled, counted per type of remedy, because two remedies of one
type may cover different workers (current and former ones) while remedies of different types
cover the same workers twice (a repayment and back pay). What the remedies cover is what their
best-covering type covers. A remedy that does not record a count makes its type's sum a floor
("at least"), never a count of 0, and is named.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sip.format.vocab import MONEY_REMEDIES, REMEDY
from sip.model import Plan
from sip.model.actions import Response
from sip.model.plan import Finding


@dataclass(frozen=True)
class TypeCoverage:
    """The money remedies of one type: how many workers they cover, how many of them are
    former workers, how many they have reached (each a sum; None when none records it)."""

    remedy: str
    responses: tuple[str, ...]
    covered: int | None
    former: int | None
    reached: int | None
    covered_unrecorded: tuple[str, ...]  # remedies that do not record workers_covered
    former_unrecorded: tuple[str, ...]
    reached_unrecorded: tuple[str, ...]  # among those not planned: a planned one has reached none yet


@dataclass(frozen=True)
class Coverage:
    affected: int | None  # workers affected (a finding's, or the most any finding records)
    former_affected: int | None
    types: tuple[TypeCoverage, ...]  # in the format's order of remedies

    @property
    def best(self) -> TypeCoverage | None:
        """The type that covers the most workers: what the remedies cover together."""
        known = [t for t in self.types if t.covered is not None]
        return max(known, key=lambda t: t.covered or 0, default=None)

    @property
    def covered(self) -> int | None:
        best = self.best
        return None if best is None else best.covered

    @property
    def complete(self) -> bool:
        """The count covered is a count, not a floor: its type's remedies all record it."""
        best = self.best
        return best is not None and not best.covered_unrecorded

    @property
    def reached(self) -> int | None:
        """Workers reached: the most any type records (each type reaches the same workers)."""
        return max((t.reached for t in self.types if t.reached is not None), default=None)

    @property
    def former_covered(self) -> int | None:
        return max((t.former for t in self.types if t.former is not None), default=None)


def money_remedies(responses: Iterable[Response]) -> list[Response]:
    return [r for r in responses if r.remedy in MONEY_REMEDIES and r.status != "cancelled"]


def _sum(values: list[int | None]) -> int | None:
    known = [v for v in values if v is not None]
    return sum(known) if known else None


def coverage(affected: int | None, former_affected: int | None, responses: Iterable[Response]) -> Coverage:
    remedies = money_remedies(responses)
    types = []
    for remedy in REMEDY:
        these = [r for r in remedies if r.remedy == remedy]
        if not these:
            continue
        started = [r for r in these if r.status != "planned"]
        types.append(
            TypeCoverage(
                remedy,
                tuple(r.id for r in these),
                _sum([r.workers_covered for r in these]),
                _sum([r.former_workers for r in these]),
                _sum([r.workers_reached if r.status != "planned" else r.workers_reached or 0 for r in these]),
                tuple(r.id for r in these if r.workers_covered is None),
                tuple(r.id for r in these if r.former_workers is None),
                tuple(r.id for r in started if r.workers_reached is None),
            )
        )
    return Coverage(affected, former_affected, tuple(types))


def by_finding(plan: Plan) -> dict[str, list[Response]]:
    """The money remedies that address each finding, built once: a plan of thousands of findings
    costs time in proportion to its size."""
    out: dict[str, list[Response]] = {}
    for response in money_remedies(plan.responses):
        for finding in dict.fromkeys(response.addresses):
            out.setdefault(finding, []).append(response)
    return out


def of_finding(finding: Finding, remedies: dict[str, list[Response]]) -> Coverage:
    """The coverage of one finding by the money remedies that address it directly
    (`remedies`: by_finding's)."""
    return coverage(finding.workers_affected, finding.former_workers, remedies.get(finding.id, ()))


def of_plan(plan: Plan) -> Coverage:
    """The coverage of a whole plan: its money remedies against the most workers any finding they
    address records as affected (findings often concern the same workers, so a sum would count
    them twice; a finding no money remedy answers, such as held passports, is not theirs to
    cover), and the most former workers any such finding records."""
    remedies = money_remedies(plan.responses)
    addressed = {f for r in remedies for f in r.addresses}
    findings = [f for f in plan.findings if f.id in addressed]
    affected = max((f.workers_affected for f in findings if f.workers_affected is not None), default=None)
    former = max((f.former_workers for f in findings if f.former_workers is not None), default=None)
    return coverage(affected, former, remedies)


def of_forced_labour(plan: Plan) -> list[tuple[Finding, Coverage]]:
    """Each forced-labour finding and its coverage (sip status, the summary)."""
    remedies = by_finding(plan)
    return [(f, of_finding(f, remedies)) for f in plan.findings if f.is_forced_labour]
