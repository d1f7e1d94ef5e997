"""The worst open problem a plan's facts show, for the internal summary: the first found, in an
order an auditor would raise them:

1. a forced-labour finding with no protection or remedy (responses not cancelled);
2. the most overdue protection or remedy for a forced-labour finding;
3. the oldest unpaid instalment past due;
4. the most affected workers the money remedies leave out (a forced-labour finding whose
   remedies all record `workers_covered`, below its `workers_affected`, without `not_covered`);
5. the open response planned furthest past its deadline;
6. the most overdue other action;
7. a review past due.
"""

from __future__ import annotations

import datetime as dt

from sip.model.actions import Response
from sip.model.plan import Finding
from sip.output.coverage import Coverage, of_forced_labour
from sip.output.render.brief_words import DETERMINED, Facts, count, n


def worst(f: Facts) -> str | None:
    for find in (
        _unanswered,
        _overdue_for_workers,
        _oldest_instalment,
        _left_out,
        _furthest_past_deadline,
        _most_overdue,
        _review,
    ):
        said = find(f)
        if said:
            return f"Worst open problem: {said}."
    return None


def _unanswered(f: Facts) -> str | None:
    answered = {
        finding
        for r in f.plan.responses
        if r.kind in ("protection", "remedy") and r.status != "cancelled"
        for finding in r.addresses
    }
    for finding in f.plan.findings:
        if finding.is_forced_labour and finding.id not in answered:
            return f"{f.name(finding.id)} ({DETERMINED[finding.determined]}) has no protection or remedy"
    return None


def _overdue_for_workers(f: Facts) -> str | None:
    forced = {finding.id for finding in f.plan.findings if finding.is_forced_labour}
    late = [
        r
        for r in f.plan.responses
        if r.kind in ("protection", "remedy") and r.is_overdue(f.as_of) and forced & set(r.addresses)
    ]
    if not late:
        return None
    first = min(late, key=lambda r: r.due)
    return (
        f"{f.titled(first.id)}, for workers in forced labour, is {count(f.days_late(first), 'day')} past due"
    )


def _oldest_instalment(f: Facts) -> str | None:
    oldest: tuple[dt.date, Response] | None = None
    for r in f.plan.responses:
        for _, instalment in r.overdue_instalments(f.as_of):
            if oldest is None or instalment.due < oldest[0]:
                oldest = (instalment.due, r)
    if oldest is None:
        return None
    due, r = oldest
    late = count((f.as_of - due).days, "day")
    return f"an instalment of {f.titled(r.id)} due {due} is unpaid, {late} late"


def _left_out(f: Facts) -> str | None:
    found: tuple[int, Finding, Coverage] | None = None
    for finding, c in of_forced_labour(f.plan):
        if finding.not_covered or c.affected is None or not c.complete or not c.types:
            continue
        gap = c.affected - (c.covered or 0)
        if gap > 0 and (found is None or gap > found[0]):
            found = (gap, finding, c)
    if found is None:
        return None
    gap, finding, c = found
    return (
        f"{count(gap, 'worker')} affected by {f.name(finding.id)} are covered by no money remedy "
        f"({n(c.covered or 0)} of {n(c.affected or 0)} covered)"
    )


def _furthest_past_deadline(f: Facts) -> str | None:
    if not f.p.planned_late:
        return None
    late = max(f.p.planned_late, key=lambda late: late.days)
    return (
        f"{f.titled(late.id)} is due {count(late.days, 'day')} after its {late.kind} deadline "
        f"({late.deadline})"
    )


def _most_overdue(f: Facts) -> str | None:
    late = [a for a in f.all if a.is_overdue(f.as_of)]
    if not late:
        return None
    first = min(late, key=lambda a: a.due)
    return f"{f.titled(first.id)} is {count(f.days_late(first), 'day')} past due"


def _review(f: Facts) -> str | None:
    if f.p.review_overdue and f.plan.next_review is not None:
        return f"the plan's review due on {f.plan.next_review} has not been logged"
    return None
