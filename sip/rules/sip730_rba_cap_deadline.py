"""Warning: RBA: the corrective action plan was filed late after the audit, or not at all.

The corrective action plan (CAP) section of the RBA's Validated Audit Process Operations Manual
says: "It is the responsibility of the Auditee’s management to prepare a “Corrective Action Plan”
(CAP) to the Audit Report within 14 days of the Auditee’s receipt of the Final Validated Audit
Report (VAR). If Priority Nonconformances were found during the Audit, a CAP addressing those
issues must be completed and submitted within 7 calendar days of the discovery and confirmation
of the Priority Nonconformance." (an earlier revision, from when the RBA was the EICC;
docs/frameworks.md says where it was read.)

In a plan under the `rba` framework whose findings came from a social audit (a source of kind
`social-audit`), the plan records when its CAP was filed as a `submissions` entry of kind
`corrective-action-plan`. It is due 7 days after a critical finding of the audit was identified
(the RBA's Priority findings are sip's critical ones: forced labour, trafficking, child labour,
imminent danger), else 14 days after the audit report's date (the source's `date`). sip reads the
first CAP filed. Before the deadline, a plan with none filed yet is not reported.

A warning: the current manual's deadlines were not found. Runs only on a plan the `rba`
framework applies to. Reported at the first CAP's date, or at `submissions` (the top of the plan
when there is no such list) when none was filed.

Fails (as of 2026-08-10):

    frameworks: [rba]
    sources:
      - id: S-1
        kind: social-audit
        date: 2026-05-04
    findings:
      - id: F-1
        severity: critical
        source: S-1
        identified: 2026-05-04
    submissions:
      - kind: corrective-action-plan
        date: 2026-05-20          # due by 2026-05-11

Passes:

    submissions:
      - kind: corrective-action-plan
        date: 2026-05-08
        to: The RBA, as CAP manager for the Priority finding
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING

from sip.diagnostic import WARNING
from sip.rules.context import Context, Violation

if TYPE_CHECKING:
    from sip.model import Plan

CODE = "SIP730"
SEVERITY = WARNING
SUMMARY = (
    "RBA: the corrective action plan was not filed within 14 days of the audit, or 7 for a Priority finding"
)
FRAMEWORK = "rba"
PRIORITY_DAYS = 7
REPORT_DAYS = 14


def due(plan: Plan) -> tuple[dt.date, str] | None:
    """When the CAP was due, and why in words; None when no finding came from a social audit."""
    audits = {s.id: s for s in plan.sources if s.kind == "social-audit"}
    deadlines: list[tuple[dt.date, str]] = []
    for finding in plan.findings:
        from_audit = [audits[s] for s in finding.sources if s in audits]
        if not from_audit:
            continue
        if finding.severity == "critical":
            day = finding.identified + dt.timedelta(days=PRIORITY_DAYS)
            deadlines.append(
                (day, f"7 days after critical finding {finding.id} was identified on {finding.identified}")
            )
        report = min(from_audit, key=lambda s: s.date)
        day = report.date + dt.timedelta(days=REPORT_DAYS)
        deadlines.append((day, f"14 days after the audit report {report.id} of {report.date}"))
    return min(deadlines) if deadlines else None


def check(plan: Plan, context: Context) -> Iterator[Violation]:
    deadline = due(plan)
    if deadline is None:
        return
    day, why = deadline
    filed = [(n, s) for n, s in enumerate(plan.submissions) if s.kind == "corrective-action-plan"]
    if filed:
        position, first = min(filed, key=lambda f: f[1].date)
        if first.date <= day:
            return
        yield Violation(
            ("submissions", position, "date"),
            f"the corrective action plan was filed on {first.date}, {(first.date - day).days} days after "
            f"it was due on {day}, {why}; the RBA's VAP manual asks for it within 14 days of the audit "
            "report, or 7 days for a Priority finding: say why in a waiver, and file on time next time",
        )
        return
    if context.as_of <= day:
        return
    present = "submissions" in plan.model_fields_set
    yield Violation(
        ("submissions",),
        f"the plan records no corrective action plan filed, and it was due on {day}, {why}: file "
        "it with the CAP manager and add a submissions entry of kind corrective-action-plan with its date",
        at=None if present else (),
    )
