"""A forced-labour finding has no response of kind protection.

"A corrective action plan to address the trafficking or forced labor of a migrant
worker must provide for the full protection of victim(s)." A forced-labour finding
(determination `substantiated` or `suspected`, written or derived: critical, or two or
more ILO indicators) needs a response of kind `protection`, one that keeps the workers
safe now, that is not cancelled and whose `addresses` lists it. Corrective actions at
the site and money remedies do not replace it.

Changed in format 1.1: a finding with one indicator that is not critical is
`indicators-only`, not forced labour (the ILO: one indicator alone may or may not point
to it), unless its `determination` says otherwise.

Reported at the finding.

Fails:

    findings:
      - id: F-2
        title: Passports held in the HR office safe
        severity: critical
        indicators: [retention-of-identity-documents]
        ...
    responses:
      - id: A-1
        kind: corrective
        addresses: [F-2]
        ...

Passes:

    responses:
      - id: A-1
        kind: protection
        addresses: [F-2]
        action: Return every passport; lockers with keys held by the workers
        ...
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from sip.diagnostic import ERROR
from sip.format.wording import label, why_forced_labour
from sip.rules.context import Context, Violation

if TYPE_CHECKING:
    from sip.model import Plan

CODE = "SIP401"
SEVERITY = ERROR
SUMMARY = "a forced-labour finding has no response of kind protection"
# Why a waiver written for format 1 may silence nothing now (SIP204 says so).
CHANGED_IN_1_1 = (
    "since format 1.1, a forced-labour finding is one whose determination is "
    "substantiated or suspected (one indicator on a finding that is not critical is not "
    "one)"
)


def check(plan: Plan, context: Context) -> Iterator[Violation]:
    assert context.index is not None
    responses_to = context.index.responses_to
    for position, finding in enumerate(plan.findings):
        if not finding.is_forced_labour:
            continue
        if any(r.kind == "protection" for r in responses_to.get(finding.id, ())):
            continue
        yield Violation(
            ("findings", position),
            f"{label(finding, 'findings')} is a forced-labour finding "
            f"({why_forced_labour(finding)}) with no protection for the workers: add "
            f"a responses entry of kind protection whose addresses list {finding.id}",
        )
