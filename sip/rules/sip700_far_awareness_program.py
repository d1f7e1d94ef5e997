"""FAR 52.222-50(h)(3)(i): the compliance plan has no awareness program.

A plan under the `far` framework (its `frameworks` names it, or the configuration or
`--framework` does) is a federal contractor's compliance plan, and the clause asks, at a
minimum, for "An awareness program to inform contractor employees about the Government’s
policy prohibiting trafficking-related activities described in paragraph (b) of this clause,
the activities prohibited, and the actions that will be taken against the employee for
violations." (docs/frameworks.md quotes the clause and says where it was read.)

The plan records it as an improvement of element `awareness` that is not cancelled. Training
on a procedure is not one: the awareness program tells every employee the policy, what is
prohibited and what happens to those who break it.

Runs only on a plan the `far` framework applies to. Reported at `improvements` when the list
is there, else at the top of the plan.

Fails:

    frameworks: [far]
    improvements:
      - id: MS-1
        element: training
        action: Train HR staff on the recruitment procedure
        ...

Passes:

    frameworks: [far]
    improvements:
      - id: MS-2
        element: awareness
        action: Tell every worker, in their language, the policy, what is prohibited and the sanctions
        ...
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from sip.diagnostic import ERROR
from sip.rules.context import Context, Violation

if TYPE_CHECKING:
    from sip.model import Plan

CODE = "SIP700"
SEVERITY = ERROR
SUMMARY = "FAR 52.222-50(h)(3)(i): the compliance plan has no awareness program"
FRAMEWORK = "far"


def check(plan: Plan, context: Context) -> Iterator[Violation]:
    assert context.index is not None
    if any(i.element == "awareness" for _, i in context.index.improvements):
        return
    present = "improvements" in plan.model_fields_set
    yield Violation(
        ("improvements",),
        "FAR 52.222-50(h)(3)(i) asks the compliance plan for an awareness program, and this plan has "
        "none: add an improvements entry of element awareness that tells every employee the "
        "Government's policy against trafficking, what is prohibited and the actions taken against "
        "those who break it",
        at=None if present else (),
    )
