"""Warning: the reimbursements of a finding commit less per worker than the documented fees.

A repayment of USD 500 per worker against documented fees of USD 1,200 to 1,800 repays
less than half of what the workers paid, and a plan that calls it `extent: full` says
something its own figures contradict. When a finding records `fees_documented` (what each
affected worker paid, as documented) and the reimbursements that address it (remedies of
type `reimbursement`, not cancelled, addressing it directly) all record `amount.committed`
in the currency of the fees and `workers_covered` over 0, they together commit at least
`fees_documented.low` times N, where N is the sum of their `workers_covered`, at most the
finding's `workers_affected` when it is recorded (two payers sharing one group of workers
cover them once).

Any finding is read, forced labour or not (fees charged to workers are owed back either
way), and a reimbursement that addresses two such findings counts in full for each. A
reimbursement without either figure, or in another currency, makes the comparison
unknown: not reported (sip does not convert currencies).

New in format 1.2.

Reported at the first such reimbursement's `amount.committed`.

Fails:

    findings:
      - id: F-1
        workers_affected: 300
        fees_documented: {low: 1200, high: 1800, currency: USD}
        ...
    responses:
      - id: A-2
        kind: remedy
        remedy: reimbursement
        addresses: [F-1]
        workers_covered: 300
        extent: full
        amount: {committed: 150000, currency: USD}    # USD 500 per worker
        ...

Passes:

    responses:
      - id: A-2
        kind: remedy
        remedy: reimbursement
        addresses: [F-1]
        workers_covered: 300
        amount: {committed: 450000, currency: USD}    # USD 1,500 per worker
        ...
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from sip.diagnostic import WARNING
from sip.format.wording import ids, label, money
from sip.rules.context import Context, Violation

if TYPE_CHECKING:
    from sip.model import Plan

CODE = "SIP410"
SEVERITY = WARNING
SUMMARY = "the reimbursements of a finding commit less per worker than the documented fees"


def check(plan: Plan, context: Context) -> Iterator[Violation]:
    assert context.index is not None
    responses, responses_to = context.index.responses, context.index.responses_to
    for finding in plan.findings:
        fees = finding.fees_documented
        if fees is None:
            continue
        repaid = [
            r for r in responses_to.get(finding.id, ()) if r.kind == "remedy" and r.remedy == "reimbursement"
        ]
        if not repaid or not all(
            r.amount is not None and r.amount.currency == fees.currency and r.workers_covered for r in repaid
        ):
            continue
        workers = sum(r.workers_covered or 0 for r in repaid)
        if finding.workers_affected is not None:
            workers = min(workers, finding.workers_affected)
        committed = sum(r.amount.committed for r in repaid if r.amount is not None)
        owed = fees.low * workers
        if workers == 0 or committed >= owed or _same(committed, owed):
            continue
        currency = fees.currency
        documented = money(currency, fees.low)
        if fees.high is not None and fees.high > fees.low:
            documented += f" to {money(currency, fees.high).split(' ', 1)[1]}"
        full = [r.id for r in repaid if r.extent == "full"]
        contradicted = (
            f"; {ids(full)} {'says' if len(full) == 1 else 'say'} extent: full, which the "
            "plan's own figures contradict"
            if full
            else ""
        )
        what = (
            f"the reimbursement {repaid[0].id} commits"
            if len(repaid) == 1
            else f"the reimbursements {ids([r.id for r in repaid])} commit"
        )
        yield Violation(
            ("responses", next(p for p, r in responses if r is repaid[0]), "amount", "committed"),
            f"{what} {money(currency, committed)} for {workers:,} workers of "
            f"{label(finding, 'findings')}: {money(currency, round(committed / workers, 2))} per "
            f"worker against documented fees of {documented}{contradicted}: commit at least "
            f"the documented fees ({money(currency, owed)} for {workers:,} workers), or "
            "correct fees_documented if it overstates what the workers paid",
        )


def _same(a: float, b: float) -> bool:
    import math

    return math.isclose(a, b, rel_tol=1e-9, abs_tol=0.005)
