"""Warning: a closed plan has an improvement not shown to work.

ISO 9001 (10.2.1 d) asks to "review the effectiveness of the corrective action taken";
a plan is finished when its preventive measures are shown to work, not when they are
written. A `closed` plan has, on every improvement that is not cancelled, an
`effectiveness` review whose `result` is `effective` or `partly-effective`. An
improvement with no review, or one found `not-effective`, is reported: review it, or
keep the plan open (`monitoring`) until it works.

New in format 1.1.

Reported at the improvement (path `improvements[i].effectiveness`), or at its
`effectiveness.result` when that is `not-effective`.

Fails:

    status: closed
    improvements:
      - id: MS-1
        element: recruitment
        status: verified
        ...               # no effectiveness

Passes:

    improvements:
      - id: MS-1
        element: recruitment
        status: verified
        effectiveness:
          date: 2027-03-01
          result: effective
          evidence: Worker survey, 96% of new hires paid no fee
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

CODE = "SIP507"
SEVERITY = WARNING
SUMMARY = "a closed plan has an improvement with no effectiveness review, or one not effective"


def check(plan: Plan, context: Context) -> Iterator[Violation]:
    if plan.status != "closed":
        return
    assert context.index is not None
    for position, improvement in context.index.improvements:
        review = improvement.effectiveness
        if review is None:
            yield Violation(
                ("improvements", position, "effectiveness"),
                f"the plan is closed but {label(improvement, 'improvements')} was never "
                "shown to work: add effectiveness (date, result, evidence), or set the "
                "plan back to monitoring until it is reviewed",
                at=("improvements", position),
            )
        elif review.result == "not-effective":
            yield Violation(
                ("improvements", position, "effectiveness", "result"),
                f"the plan is closed but {label(improvement, 'improvements')} was found "
                f"not effective on {review.date}: add an improvement that works and "
                "set the plan back to active or monitoring",
            )
