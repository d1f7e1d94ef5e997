"""Warning: a finished money remedy left workers or money behind, and nobody holds what is still owed.

A repayment is rarely complete: workers have gone home, changed numbers, died. A money
remedy (`reimbursement`, `back-pay` or `compensation`) that is `done` or `verified`
but reached fewer workers than it covers (`workers_reached` below `workers_covered`),
or paid less than it committed (`amount.paid` below `amount.committed`), or covers
former workers (`former_workers` over 0) and does not record how many it reached (so
nobody knows whether the workers who left were paid), says in `unclaimed` who holds
what is still owed, until when the workers can claim it, and what happens after:

    unclaimed:
      held_by: SP-1             # a service provider or party
      claim_until: 2027-06-30
      then: Paid to the Nepal Foreign Employment Welfare Fund for returnee workers

Money "that goes to a fund" with no holder and no date reaches nobody: a text
`unclaimed` no longer satisfies the rule.

Only what is written is compared: an absent `workers_reached` or `amount.paid` is not
read as 0 here.

New in format 1.1. Changed in format 1.2: `unclaimed` satisfies it only as a mapping
(held_by, claim_until, then); a remedy covering former workers with no
`workers_reached` is reported too.

Reported at the response.

Fails:

    responses:
      - id: A-2
        kind: remedy
        remedy: reimbursement
        status: done
        workers_covered: 212
        workers_reached: 197
        unclaimed: Money owed to workers not traced goes to a fund   # who holds it? until when?
        ...

Passes:

    responses:
      - id: A-2
        kind: remedy
        remedy: reimbursement
        status: done
        workers_covered: 212
        workers_reached: 197
        unclaimed:
          held_by: SP-1
          claim_until: 2027-06-30
          then: Paid to the Nepal Foreign Employment Welfare Fund for returnee workers
        ...
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from sip.diagnostic import WARNING
from sip.format.wording import label, money
from sip.rules.context import Context, Violation

if TYPE_CHECKING:
    from sip.model import Plan

CODE = "SIP405"
SEVERITY = WARNING
SUMMARY = (
    "a finished money remedy left workers or money behind, with no unclaimed saying who holds it until when"
)
_MAPPING = (
    "unclaimed as a mapping: held_by (the service provider or party that holds the money), "
    "claim_until (until when workers can claim it) and then (what happens after)"
)


def check(plan: Plan, context: Context) -> Iterator[Violation]:
    from sip.format.vocab import COMPLETE_STATUSES, MONEY_REMEDIES

    assert context.index is not None
    for position, response in context.index.responses:
        unclaimed = response.unclaimed
        if (
            response.kind != "remedy"
            or response.remedy not in MONEY_REMEDIES
            or response.status not in COMPLETE_STATUSES
            or (unclaimed is not None and not isinstance(unclaimed, str))  # the mapping: all said
        ):
            continue
        short = []
        covered, reached = response.workers_covered, response.workers_reached
        if covered is not None and reached is not None and reached < covered:
            short.append(f"reached {reached:,} of the {covered:,} workers it covers")
        amount = response.amount
        if amount is not None and amount.paid is not None and amount.paid < amount.committed:
            short.append(
                f"paid {money(amount.currency, amount.paid)} of "
                f"{money(amount.currency, amount.committed)} committed"
            )
        former = response.former_workers
        if former and reached is None:
            short.append(
                f"covers {former:,} former workers and records no workers_reached (nobody "
                "knows whether the workers who left were paid)"
            )
        if not short:
            continue
        what = f"{label(response, 'responses')} is {response.status} but {' and '.join(short)}"
        if unclaimed is None:
            yield Violation(
                ("responses", position),
                f"{what}: add {_MAPPING}"
                + ("; and record workers_reached" if former and reached is None else ""),
            )
        else:
            yield Violation(
                ("responses", position),
                f"{what}, and its unclaimed is text: the money needs a holder and a claim "
                f"date (new in format 1.2): write {_MAPPING}",
            )
