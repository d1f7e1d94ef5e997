"""Warning: a protection or money remedy was verified with too few of its workers.

"Verified" with 5 of 300 workers asked is the payer's word checked against five people: a
repayment or a protection is verified with the workers, and with enough of them to be
believed. A `verified` protection, or money remedy (`reimbursement`, `back-pay`,
`compensation`), that addresses a forced-labour finding (determination `substantiated` or
`suspected`, written or derived) records in `verification.workers_interviewed` at least
the smaller of

- `min-workers` (default 30), and
- `min-share` (default 10 %) of the workers concerned, rounded up: the remedy's
  `workers_covered`, else the largest `workers_affected` among the forced-labour findings
  it addresses. The share is computed exactly: 300 workers need 30, 40 need 4, 70 need 7.

When neither count is recorded, only `min-workers` applies. An absent
`workers_interviewed` is reported too: nobody knows how many were heard. Both limits are
set in the configuration's `[verification]` table (docs/configuration.md).

A response that SIP508 reports (a closed plan's response verified with
`workers_interviewed: 0`) is SIP508's, not this rule's. A `verified` response with no
`verification` is SIP503's.

New in format 1.2: a plan written before it, whose verifications do not record
`workers_interviewed`, gets this warning until they do.

Reported at `verification.workers_interviewed`, or at the `verification` when it is absent.

Fails:

    responses:
      - id: A-2
        kind: remedy
        remedy: reimbursement
        status: verified
        workers_covered: 300
        verification:
          method: Interviews by SP-1
          workers_interviewed: 5          # 30 needed
          ...

Passes:

    responses:
      - id: A-2
        kind: remedy
        remedy: reimbursement
        status: verified
        workers_covered: 300
        verification:
          method: Interviews by SP-1, in Nepali and Burmese, away from the site
          workers_interviewed: 42
          ...
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterator
from fractions import Fraction
from typing import TYPE_CHECKING

from sip.diagnostic import WARNING
from sip.format.wording import label
from sip.rules.context import Context, Violation

if TYPE_CHECKING:
    from sip.model import Plan

CODE = "SIP510"
SEVERITY = WARNING
SUMMARY = "a protection or money remedy was verified with too few of its workers"


def needed(concerned: int | None, min_workers: int, min_share: float) -> int:
    """Workers a verification must hear: the smaller of min_workers and min_share of those
    concerned, rounded up, computed exactly (0.10 of 70 is 7, not 7.000000000000001)."""
    if concerned is None:
        return min_workers
    return min(min_workers, math.ceil(_exact(min_share) * concerned))


@functools.cache
def _exact(share: float) -> Fraction:
    """The share as the decimal written in the configuration (0.07 is 7/100, not the float's
    7.0000000000000007e-02): made once per setting, not per response."""
    return Fraction(repr(share))


def check(plan: Plan, context: Context) -> Iterator[Violation]:
    from sip.format.vocab import MONEY_REMEDIES

    assert context.index is not None
    findings = context.index.findings
    for position, response in context.index.responses:
        check = response.verification
        if response.status != "verified" or check is None:
            continue
        if response.kind != "protection" and not (
            response.kind == "remedy" and response.remedy in MONEY_REMEDIES
        ):
            continue
        forced = [findings[f] for f in response.addresses if f in findings and findings[f].is_forced_labour]
        if not forced:
            continue
        heard = check.workers_interviewed
        if plan.status == "closed" and heard == 0:
            continue  # SIP508 reports it, and SIP508 wins
        concerned, whose = response.workers_covered, "covered"
        if concerned is None:
            affected = [f.workers_affected for f in forced if f.workers_affected is not None]
            concerned, whose = (max(affected), "affected") if affected else (None, "")
        least = needed(concerned, context.min_workers, context.min_share)
        if heard is not None and heard >= least:
            continue
        share = f"{context.min_share * 100:g} %"
        why = (
            f"min-workers, {context.min_workers}, and {share} of the {concerned:,} workers "
            f"{whose}, rounded up"
            if concerned is not None
            else "min-workers; the plan records no count of the workers concerned"
        )
        what = f"{label(response, 'responses')} ({response.kind}) is verified"
        if heard is None:
            found = f"{what} without recording how many workers were interviewed"
            loc: tuple = ("responses", position, "verification")
        else:
            of = f" of {concerned:,}" if concerned is not None else ""
            found = f"{what} with {heard:,}{of} workers interviewed"
            loc = ("responses", position, "verification", "workers_interviewed")
        yield Violation(
            loc,
            f"{found}; at least {least:,} are needed ({'the smaller of ' if concerned is not None else ''}"
            f"{why}; new in format 1.2): interview more of the workers, in their languages, "
            "away from the site's managers, and record how many in workers_interviewed",
        )
