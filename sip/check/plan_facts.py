"""What the rules over a whole run need of one plan, made where the plan and its positions are
(the worker that checked it): the site, the status, and each finding's dates, indicators and
`repeats` (SIP205, SIP202 across plans). Small and picklable: whole plans are costly to send."""

from __future__ import annotations

from sip.model import Plan
from sip.read.positions import Marks, locate
from sip.rules.context import FindingFacts, PlanFacts


def plan_facts(plan: Plan, marks: Marks) -> PlanFacts:
    closed = plan.status == "closed"
    findings = []
    for position, finding in enumerate(plan.findings):
        repeats = finding.repeats
        forced = finding.is_forced_labour
        if not (closed or forced or (repeats is not None and "/" in repeats)):
            continue  # no rule over the run reads it: keep what is sent back small
        where = locate(marks, ("findings", position))
        findings.append(
            FindingFacts(
                position,
                finding.id,
                finding.title,
                finding.identified,
                tuple(finding.indicators),
                forced,
                repeats,
                where,
                locate(marks, ("findings", position, "repeats")) if repeats else where,
            )
        )
    site = plan.site
    return PlanFacts(
        plan.status,
        plan.closed,
        site.supplier_id,
        site.name,
        site.country,
        tuple(f.id for f in plan.findings),
        tuple(findings),
    )
