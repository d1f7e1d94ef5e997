"""A closed or monitoring plan still has open actions.

`monitoring` means all actions are done and their effectiveness is being watched;
`closed` means the plan is finished. Either, with an action still `planned` or
`in-progress`, tells readers the work is over when it is not. Each open action is
reported (one diagnostic per action), at its `status`.

Fails:

    status: monitoring
    ...
    improvements:
      - id: MS-2
        status: in-progress
        ...

Passes:

    status: monitoring
    ...
    improvements:
      - id: MS-2
        status: done
        completed: 2026-11-20
        ...
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from sip.diagnostic import ERROR
from sip.format.wording import label
from sip.rules.context import Context, Violation

if TYPE_CHECKING:
    from sip.model import Plan

CODE = "SIP505"
SEVERITY = ERROR
SUMMARY = "a closed or monitoring plan still has open actions"


def check(plan: Plan, context: Context) -> Iterator[Violation]:
    assert context.index is not None
    if plan.status not in ("closed", "monitoring"):
        return
    for name, position, action in context.index.actions():
        if action.is_open:
            yield Violation(
                (name, position, "status"),
                f"{label(action, name)} is still {action.status} but the plan is "
                f"{plan.status}: complete or cancel it, or set the plan's status back "
                "to active",
            )
