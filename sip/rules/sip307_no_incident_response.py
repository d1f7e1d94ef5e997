"""Warning: a plan with a forced-labour finding has no incident-response improvement.

The source asks that "contingencies are in place to respond to issues where they
happen". A contingency on each response covers the response slipping; what covers the
problem coming back, at this site or another, is a standing procedure: who is told,
who protects the workers, in what time. An active, monitoring or closed plan with a
forced-labour finding (determination `substantiated` or `suspected`, written or derived)
has an improvement of element `incident-response`, open or completed (not cancelled).

New in format 1.1.

Reported at `improvements` when the list is there, else at the top of the plan
(path `improvements`, as SIP305).

Fails:

    findings:
      - id: F-1
        severity: critical
        ...
    improvements:
      - id: MS-1
        element: recruitment
        ...

Passes:

    improvements:
      - id: MS-2
        element: incident-response
        addresses: [RC-1]
        action: Written procedure - a worker found paying fees is repaid within 30 days
        ...
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from sip.diagnostic import WARNING
from sip.format.wording import label
from sip.rules.context import Context, Violation

if TYPE_CHECKING:
    from sip.model import Plan

CODE = "SIP307"
SEVERITY = WARNING
SUMMARY = "a plan with a forced-labour finding has no incident-response improvement"


def check(plan: Plan, context: Context) -> Iterator[Violation]:
    assert context.index is not None
    if any(i.element == "incident-response" for _, i in context.index.improvements):
        return
    forced = next((f for f in plan.findings if f.is_forced_labour), None)
    if forced is None:
        return
    yield Violation(
        ("improvements",),
        f"the plan has forced-labour finding {label(forced, 'findings')} but no "
        "standing procedure for when it happens again: add an improvements entry of "
        "element incident-response (who is alerted, who protects the workers, "
        "within what time)",
    )
