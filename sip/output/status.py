"""The data of `sip status`: one row per plan file, sorted by urgency, and the totals.

Urgency, most urgent first:
1. invalid plans (format errors, SIP0xx/SIP1xx: none of their figures can be counted),
   most errors first;
2. plans that are not closed before closed ones;
3. more overdue actions (open, due before the as-of date);
4. more critical findings;
5. a review that is past due, then the earliest next review (none: last);
6. more actions due within 30 days;
7. the file name.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sip.check.result import Run
from sip.diagnostic import ERROR, WARNING
from sip.format.countries import COUNTRIES
from sip.format.vocab import SEVERITY
from sip.model import Plan
from sip.output.coverage import Coverage, of_forced_labour, of_plan
from sip.output.figures import MoneyTotal, Progress, progress
from sip.output.portfolio import PlanFigures, Portfolio, figures_of, portfolio


@dataclass(frozen=True)
class FindingCoverage:
    """A forced-labour finding's workers against the money remedies that address it (format 1.2:
    `sip status` shows per plan the coverage of its forced-labour findings)."""

    finding: str
    affected: int | None
    covered: int | None  # None: no money remedy, or none records how many it covers
    complete: bool  # covered is a count, not a floor
    money_remedies: bool  # any money remedy addresses it
    former_affected: int | None
    former_covered: int | None
    reached: int | None

    @property
    def share(self) -> float:
        """How much of it is covered, to sort by: unknown and no remedy first."""
        if self.covered is None or not self.affected:
            return -1.0
        return self.covered / self.affected


def finding_coverage(finding_id: str, c: Coverage) -> FindingCoverage:
    return FindingCoverage(
        finding_id,
        c.affected,
        c.covered,
        c.complete,
        bool(c.types),
        c.former_affected,
        c.former_covered,
        c.reached,
    )


def coverage_text(findings: list[FindingCoverage]) -> tuple[str, bool]:
    """The least covered forced-labour finding that money remedies address, and whether it leaves
    workers out or unknown: "300 / 420" (its id when there are several), ">=300 / 420" when a money
    remedy does not record how many it covers, "? / 420" when none does; "no money remedy" when
    none addresses any (a finding of held passports may rightly have none: SIP406 says when one is
    owed); "-" with no forced-labour finding."""
    if not findings:
        return "-", False
    paid = [c for c in findings if c.money_remedies]
    if not paid:
        return "no money remedy", False
    worst = min(paid, key=lambda c: c.share)
    covered = "?" if worst.covered is None else f"{'>=' if not worst.complete else ''}{worst.covered:,}"
    text = f"{covered} / {'?' if worst.affected is None else f'{worst.affected:,}'}"
    if len(paid) > 1:
        text += f" ({worst.finding})"
    return text, worst.covered is None or worst.affected is None or worst.covered < worst.affected


@dataclass(frozen=True)
class PlanSummary:
    """What status needs from a plan that validated: small enough to send between processes."""

    plan_id: str
    site: str
    country: str
    status: str
    next_review: dt.date | None
    progress: Progress
    figures: PlanFigures  # its share of the portfolio (sip/output/portfolio.py)
    coverage: list[FindingCoverage]  # its forced-labour findings'
    reach: FindingCoverage  # the plan's money remedies: workers reached of covered


def glance(plan: Plan, as_of: dt.date, deadlines: dict[str, dict[str, int]] | None = None) -> PlanSummary:
    p = progress(plan, as_of, deadlines)
    return PlanSummary(
        plan.id,
        plan.site.name,
        plan.site.country,
        plan.status,
        plan.next_review,
        p,
        figures_of(plan, p),
        [finding_coverage(f.id, c) for f, c in of_forced_labour(plan)],
        finding_coverage("", of_plan(plan)),
    )


@dataclass(frozen=True)
class Row:
    file: str
    errors: int
    warnings: int
    plan_id: str | None = None
    glance: PlanSummary | None = None  # None: not a valid plan (SIP0xx/SIP1xx errors), no figures

    @property
    def valid(self) -> bool:
        return self.glance is not None

    def urgency(self) -> tuple:
        g = self.glance
        if g is None:
            return (0, -self.errors, self.file)
        p = g.progress
        return (
            1,
            g.status == "closed",
            -len(p.overdue),
            -p.findings_by_severity["critical"],
            not p.review_overdue,
            g.next_review or dt.date.max,
            -len(p.due_soon),
            self.file,
        )


@dataclass
class Totals:
    plans: int = 0
    invalid: int = 0
    errors: int = 0
    warnings: int = 0
    findings_by_severity: dict[str, int] = field(default_factory=lambda: dict.fromkeys(SEVERITY, 0))
    open_actions: int = 0
    overdue: int = 0
    due_soon: int = 0
    reviews_overdue: int = 0
    money: dict[str, MoneyTotal] = field(default_factory=dict)
    workers_covered: int = 0  # by money remedies
    workers_reached: int | None = None  # None when no plan records any
    overdue_instalments: int = 0
    portfolio: Portfolio | None = None  # the totals a site's index opens with


def rows_for(run: Run, glances: dict[str, PlanSummary]) -> list[Row]:
    """Every file of the run, readable or not, most urgent first. `glances` by file."""
    counts: dict[str, dict[str, int]] = {name: {ERROR: 0, WARNING: 0} for name in run.files}
    for d in run.diagnostics:
        if d.severity in (ERROR, WARNING):
            counts.setdefault(d.file, {ERROR: 0, WARNING: 0})[d.severity] += 1
    rows = []
    for result in run.results:
        found = counts[result.file]
        rows.append(Row(result.file, found[ERROR], found[WARNING], result.plan_id, glances.get(result.file)))
    rows.sort(key=Row.urgency)
    return rows


def totals_of(rows: list[Row]) -> Totals:
    totals = Totals(plans=len(rows))
    totals.portfolio = portfolio((r.glance.figures for r in rows if r.glance is not None), COUNTRIES)
    for row in rows:
        totals.errors += row.errors
        totals.warnings += row.warnings
        if row.glance is None:
            totals.invalid += 1
            continue
        p = row.glance.progress
        for severity, count in p.findings_by_severity.items():
            totals.findings_by_severity[severity] += count
        totals.open_actions += p.open_actions
        totals.overdue += len(p.overdue)
        totals.due_soon += len(p.due_soon)
        totals.reviews_overdue += p.review_overdue
        reach = row.glance.reach
        totals.workers_covered += reach.covered or 0
        if reach.reached is not None:
            totals.workers_reached = (totals.workers_reached or 0) + reach.reached
        totals.overdue_instalments += p.overdue_instalments
        for currency, money in p.money.items():
            total = totals.money.get(currency, MoneyTotal())
            totals.money[currency] = MoneyTotal(total.committed + money.committed, total.paid + money.paid)
    return totals


@dataclass(frozen=True)
class StatusReport:
    """What `sip status` writes, in any format."""

    rows: list[Row]
    totals: Totals
    as_of: dt.date
