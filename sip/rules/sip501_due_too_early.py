"""An action is due before the finding it addresses was identified, or before the plan was opened.

A due date earlier than the problem it answers is a typo (a year or a month off), and
it hides the action from the overdue check (SIP504) and the deadline check (SIP506).
A response must not be due before any finding it addresses was `identified`, nor
before the plan was `opened`; an improvement not before the plan was `opened`.

Reported at `due`.

Fails:

    opened: 2026-07-20
    ...
    improvements:
      - id: MS-1
        due: 2025-12-31           # 2026-12-31 was meant
        ...

Passes:

    opened: 2026-07-20
    ...
    improvements:
      - id: MS-1
        due: 2026-12-31
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

CODE = "SIP501"
SEVERITY = ERROR
SUMMARY = "an action is due before its finding was identified, or before the plan was opened"


def check(plan: Plan, context: Context) -> Iterator[Violation]:
    assert context.index is not None
    findings = context.index.findings
    for name, position, action in context.index.actions():
        # the latest date the action may not be due before: the plan's opening, or the latest
        # `identified` of the findings a response addresses
        bound, latest = plan.opened, None
        if name == "responses":
            for finding_id in action.addresses:
                finding = findings.get(finding_id)
                if finding is not None and finding.identified > bound:
                    bound, latest = finding.identified, finding
        if action.due < bound:
            what = (
                f"{latest.id} was identified ({bound})"
                if latest is not None
                else f"the plan was opened ({bound})"
            )
            yield Violation(
                (name, position, "due"),
                f"{label(action, name)} is due {action.due}, before {what}: correct "
                f"due to a date on or after {bound}",
            )
