"""An active, monitoring or closed plan has no improvements.

The source asks companies to "feed results into a management systems improvement
plan", because "social responsibility problems tend to persist when remedial or
corrective actions are either poorly maintained or are not implemented at all".
Corrective responses alone are a reactive plan; `improvements` is the preventive
half. Once a plan leaves draft it needs at least one improvement that is not cancelled.

Reported at `improvements` when the list is there (empty, or all cancelled), else at
the top of the plan.

Fails:

    status: active
    ...
    responses:
      - id: A-1
        ...

Passes:

    status: active
    ...
    improvements:
      - id: MS-1
        element: recruitment
        addresses: [RC-1]
        action: Audit every labour agent yearly
        ...
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from sip.diagnostic import ERROR
from sip.format.wording import plan_label
from sip.rules.context import Context, Violation

if TYPE_CHECKING:
    from sip.model import Plan

CODE = "SIP305"
SEVERITY = ERROR
SUMMARY = "an active, monitoring or closed plan has no improvements"


def check(plan: Plan, context: Context) -> Iterator[Violation]:
    assert context.index is not None
    if context.index.improvements:
        return
    count = len(plan.improvements)
    why = (
        "it lists none"
        if not count
        else "its only improvement is cancelled"
        if count == 1
        else f"all {count} of its improvements are cancelled"
    )
    yield Violation(
        ("improvements",),
        f"the plan {plan_label(plan)} is {plan.status} but has no improvements ({why}): add "
        "improvements, the preventive measures that address its root causes and risks",
    )
