"""A root cause is addressed by no improvement.

A root cause found and left alone will produce the next finding. The source asks
for "preventive measures" and to "feed results into a management systems improvement
plan": every root cause must be listed in the `addresses` of at least one improvement
that is not cancelled. (An improvement addressing a risk that arises from the root
cause does not count: name the root cause itself, so that the link is explicit.)

Reported at the root cause.

Fails:

    root_causes:
      - id: RC-1
        findings: [F-1]
        category: policy
        cause: No employer-pays policy
    improvements: []

Passes:

    root_causes:
      - id: RC-1
        findings: [F-1]
        category: policy
        cause: No employer-pays policy
    improvements:
      - id: MS-1
        element: policy
        addresses: [RC-1]
        action: Adopt the Employer Pays Principle in the supplier code
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

CODE = "SIP303"
SEVERITY = ERROR
SUMMARY = "a root cause is addressed by no improvement"


def check(plan: Plan, context: Context) -> Iterator[Violation]:
    assert context.index is not None
    improved = context.index.improved
    for position, cause in enumerate(plan.root_causes):
        if cause.id not in improved:
            yield Violation(
                ("root_causes", position),
                f"{label(cause, 'root_causes')} is addressed by no improvement: add an "
                f"improvements entry (a preventive measure) whose addresses list {cause.id}",
            )
