"""Warning: a finished money remedy left workers or money behind and says nothing about it.

A repayment is rarely complete: workers have gone home, changed numbers, died. A money
remedy (`reimbursement`, `back-pay` or `compensation`) that is `done` or `verified`
but reached fewer workers than it covers (`workers_reached` below `workers_covered`),
or paid less than it committed (`amount.paid` below `amount.committed`), says in
`unclaimed` what happens to what is still owed: a search that goes on, a fund, a
deadline, a donation the workers agreed to.

Only what is written is compared: an absent `workers_reached` or `amount.paid` is not
read as 0 here.

New in format 1.1.

Reported at the response.

Fails:

    responses:
      - id: A-2
        kind: remedy
        remedy: reimbursement
        status: done
        workers_covered: 212
        workers_reached: 197
        ...

Passes:

    responses:
      - id: A-2
        kind: remedy
        remedy: reimbursement
        status: done
        workers_covered: 212
        workers_reached: 197
        unclaimed: SP-1 keeps tracing the 15 workers until 2027-06-30; their share is held in escrow
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

CODE = "SIP405"
SEVERITY = WARNING
SUMMARY = "a finished money remedy reached fewer workers or paid less than committed, with no unclaimed"


def check(plan: Plan, context: Context) -> Iterator[Violation]:
    from sip.format.vocab import COMPLETE_STATUSES, MONEY_REMEDIES

    assert context.index is not None
    for position, response in context.index.responses:
        if (
            response.kind != "remedy"
            or response.remedy not in MONEY_REMEDIES
            or response.status not in COMPLETE_STATUSES
            or response.unclaimed is not None
        ):
            continue
        short = []
        covered, reached = response.workers_covered, response.workers_reached
        if covered is not None and reached is not None and reached < covered:
            short.append(f"reached {reached:,} of the {covered:,} workers it covers")
        amount = response.amount
        if amount is not None and amount.paid is not None and amount.paid < amount.committed:
            short.append(f"paid {amount.currency} {amount.paid:,g} of {amount.committed:,g} committed")
        if short:
            yield Violation(
                ("responses", position),
                f"{label(response, 'responses')} is {response.status} but "
                f"{' and '.join(short)}: add unclaimed, saying what happens to what is "
                "still owed (who keeps tracing the workers, until when, where the "
                "money is held)",
            )
