"""A closed plan has a remedy or protection that nobody verified with the workers.

A repayment marked `done` is the payer's word; whether the workers got the money, and
kept it, is found out by asking them. Before a plan is closed, every remedy response
(to any finding) and every protection response to a forced-labour finding that is
`done` is `verified`, with a `verification` saying how and by whom. Open ones are
SIP505's to report; cancelled ones count for nothing.

A verification that says `workers_interviewed: 0` is verified on paper only (a payment
ledger reconciled, nobody asked): on a closed plan it is reported too, at that count
(sip's decision; an absent count is not read as 0).

New in format 1.1.

Reported at the response's `status`.

Fails:

    status: closed
    responses:
      - id: A-2
        kind: remedy
        remedy: reimbursement
        status: done          # paid, but nobody asked the workers
        ...

Passes:

    responses:
      - id: A-2
        kind: remedy
        remedy: reimbursement
        status: verified
        verification:
          method: Interviews with 60 workers by SP-1, in their languages
          evidence: SP-1 verification report 2027-02
          date: 2027-02-20
          by: SP-1
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

CODE = "SIP508"
SEVERITY = ERROR
SUMMARY = (
    "a closed plan has a remedy, or a protection for forced labour, done but not verified with the workers"
)


def check(plan: Plan, context: Context) -> Iterator[Violation]:
    if plan.status != "closed":
        return
    assert context.index is not None
    findings = context.index.findings
    for position, response in context.index.responses:
        if response.status not in ("done", "verified"):
            continue
        if response.kind == "remedy":
            what = "remedy"
        elif response.kind == "protection" and any(
            f in findings and findings[f].is_forced_labour for f in response.addresses
        ):
            what = "protection of workers in forced labour"
        else:
            continue
        if response.status == "verified":
            check = response.verification
            if check is not None and check.workers_interviewed == 0:
                yield Violation(
                    ("responses", position, "verification", "workers_interviewed"),
                    f"the plan is closed but {label(response, 'responses')} ({what}) was "
                    "verified without asking a single worker (workers_interviewed: 0): "
                    "interview a sample of the workers, in their languages, away from "
                    "the site's managers, and record how many",
                )
            continue
        yield Violation(
            ("responses", position, "status"),
            f"the plan is closed but {label(response, 'responses')} ({what}) is done and "
            "not verified: check with the workers that it reached them (interviews by "
            "someone they trust), then set status: verified with a verification",
        )
