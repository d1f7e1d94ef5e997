"""The rows of the supplier's workbook, made from a plan: what `sip export` writes, and what
`sip import` compares a returned row with to know it is still about the same item of the plan.
One function for both, so the two can never disagree.

The plan is the validated model (sip/model), read here by its attributes only: this module
sits below the models, as sip/format/wording.py does.
"""

from __future__ import annotations

from typing import Any

from sip.format import workbook as layout


def rows_of(plan: Any, *, confidential: bool = True) -> dict[str, list[dict[str, Any]]]:
    """Each data sheet's rows, in the plan's order: field -> value (a date, a number, text,
    a list of ids). confidential False: without the items marked confidential, as a workbook
    sent to the supplier is by default (`sip export`)."""
    return {
        layout.ACTIONS: action_rows(plan, confidential),
        layout.INSTALMENTS: instalment_rows(plan, confidential),
        layout.FINDINGS: finding_rows(plan, confidential),
    }


def left_out(plan: Any) -> int:
    """How many findings and actions a workbook without confidential items leaves out."""
    lists = (plan.findings, plan.responses, plan.improvements)
    return sum(1 for items in lists for item in items if getattr(item, "confidential", False))


def _shown(items: Any, confidential: bool) -> list[Any]:
    return [i for i in items if confidential or not getattr(i, "confidential", False)]


def action_rows(plan: Any, confidential: bool = True) -> list[dict[str, Any]]:
    rows = []
    for item in _shown([*plan.responses, *plan.improvements], confidential):
        verification = item.verification
        if hasattr(item, "element"):
            kind = f"improvement: {item.element}"
        else:
            kind = f"remedy: {item.remedy}" if item.remedy else item.kind
        rows.append(
            {
                "id": item.id,
                "kind": kind,
                "addresses": list(item.addresses),
                "action": item.action,
                "owner": item.owner,
                "due": item.due,
                "status": item.status,
                "completed": item.completed,
                "verification.method": verification.method if verification else None,
                "verification.evidence": verification.evidence if verification else None,
                "verification.date": verification.date if verification else None,
                "verification.by": getattr(verification, "by", None),
                "verification.independent": getattr(verification, "independent", None),
                "verification.workers_interviewed": getattr(verification, "workers_interviewed", None),
                "contingency": getattr(item, "contingency", None),
            }
        )
    return rows


def instalment_rows(plan: Any, confidential: bool = True) -> list[dict[str, Any]]:
    """A row per instalment of a money remedy's schedule (format 1.1), or one row of totals
    for a money remedy without one."""
    rows = []
    for response in _shown(plan.responses, confidential):
        amount = getattr(response, "amount", None)
        if amount is None:
            continue
        schedule = getattr(response, "schedule", None) or []
        for n, instalment in enumerate(schedule, start=1):
            rows.append(
                {
                    "response": response.id,
                    "instalment": str(n),
                    "due": instalment.due,
                    "amount": instalment.amount,
                    "currency": amount.currency,
                    "paid_on": instalment.paid,
                    "paid": None,
                }
            )
        if not schedule:
            rows.append(
                {
                    "response": response.id,
                    "instalment": layout.TOTAL,
                    "due": response.due,
                    "amount": amount.committed,
                    "currency": amount.currency,
                    "paid_on": None,
                    "paid": amount.paid,
                }
            )
    return rows


def finding_rows(plan: Any, confidential: bool = True) -> list[dict[str, Any]]:
    return [
        {
            "id": f.id,
            "title": f.title,
            "severity": f.severity,
            "indicators": list(f.indicators),
            "workers_affected": f.workers_affected,
            "identified": f.identified,
        }
        for f in _shown(plan.findings, confidential)
    ]
