"""A finding has no response.

The source asks a systems improvement plan to "detail the company's specific
responses to the issues" and to include "corrective and preventive measures": every
finding needs at least one response (of kind protection, remedy or corrective) whose
`addresses` lists it. Open and completed responses count; cancelled ones do not.

Reported at the finding.

Fails:

    findings:
      - id: F-1
        title: Passports held by the employer
        ...
    responses: []

Passes:

    findings:
      - id: F-1
        title: Passports held by the employer
        ...
    responses:
      - id: A-1
        kind: protection
        addresses: [F-1]
        action: Return every passport to its holder
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

CODE = "SIP301"
SEVERITY = ERROR
SUMMARY = "a finding has no response"


def check(plan: Plan, context: Context) -> Iterator[Violation]:
    assert context.index is not None
    responses_to = context.index.responses_to
    for position, finding in enumerate(plan.findings):
        if finding.id not in responses_to:
            yield Violation(
                ("findings", position),
                f"{label(finding, 'findings')} has no response: add a responses entry "
                f"(protection, remedy or corrective) whose addresses list {finding.id}",
            )
