"""Warning: a finding shows a harm that calls for a specific remedy, and has none.

Some indicators name a loss the workers can be repaid for. Debt bondage (recruitment
fees and loans) calls for the money back: a remedy of type `reimbursement` or
`compensation`. Withholding of wages calls for the wages: a remedy of type `back-pay`.
Stopping the practice (a corrective response) does not give the workers their money.

Read on every finding whose determination is not `not-substantiated`; cancelled
remedies do not count. A finding with both harms and neither remedy gets two warnings.

New in format 1.1.

Reported at the finding's `indicators`.

Fails:

    findings:
      - id: F-1
        indicators: [debt-bondage]
        ...
    responses:
      - id: A-1
        kind: corrective          # stops new fees; repays nobody
        addresses: [F-1]
        ...

Passes:

    responses:
      - id: A-2
        kind: remedy
        remedy: reimbursement
        addresses: [F-1]
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

CODE = "SIP406"
SEVERITY = WARNING
SUMMARY = "a finding shows debt bondage or withheld wages and has no remedy that repays it"

# indicator -> (the remedies that repay it, the harm and the remedies in words)
_REPAYS = {
    "debt-bondage": (
        frozenset(("reimbursement", "compensation")),
        "debt bondage",
        "reimbursement or compensation",
        "remedy: reimbursement of the fees and related costs, or compensation",
    ),
    "withholding-of-wages": (
        frozenset(("back-pay",)),
        "withholding of wages",
        "back-pay",
        "remedy: back-pay, paying the workers what was withheld",
    ),
}


def check(plan: Plan, context: Context) -> Iterator[Violation]:
    assert context.index is not None
    responses_to = context.index.responses_to
    for position, finding in enumerate(plan.findings):
        if not finding.indicators or finding.determination == "not-substantiated":
            continue
        for indicator, (remedies, harm, named, hint) in _REPAYS.items():
            if indicator not in finding.indicators:
                continue
            if any(r.kind == "remedy" and r.remedy in remedies for r in responses_to.get(finding.id, ())):
                continue
            yield Violation(
                ("findings", position, "indicators"),
                f"{label(finding, 'findings')} shows {harm}, and no {named} remedy "
                f"addresses it: add a responses entry of kind remedy ({hint}) whose "
                f"addresses list {finding.id}",
            )
