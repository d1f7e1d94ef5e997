"""Warning: a forced-labour finding has neither a restorative remedy nor a needs assessment.

The source: a corrective action plan for forced labour "should include measures to
support their rehabilitation, repatriation (if desired) or reintegration into the
labor market and community". "Should", not "must": what the workers need is theirs to
say. A forced-labour finding (determination `substantiated` or `suspected`, written or
derived) passes when either

- a response of kind `remedy` with `remedy:` `rehabilitation`, `repatriation` or
  `reintegration`, not cancelled, lists it in `addresses`; or
- it has a `needs_assessment` dated on or before the as-of date: the workers were asked
  what they need (and a repayment, a job, or nothing more may be the answer).

Changed in format 1.1: a warning (was an error); a needs assessment satisfies it; a
finding with one indicator that is not critical is not a forced-labour finding.

Reported at the finding.

Fails:

    findings:
      - id: F-1
        severity: critical
        indicators: [debt-bondage]
        ...
    responses:
      - id: A-2
        kind: remedy
        remedy: reimbursement     # repays the fees; nobody asked what else workers need
        addresses: [F-1]
        ...

Passes:

    findings:
      - id: F-1
        severity: critical
        indicators: [debt-bondage]
        needs_assessment:
          date: 2026-08-04
          by: SP-1
          summary: 212 workers interviewed; 9 asked for counselling, 3 to go home
        ...
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from sip.diagnostic import WARNING
from sip.format.wording import label, why_forced_labour
from sip.rules.context import Context, Violation

if TYPE_CHECKING:
    from sip.model import Plan

CODE = "SIP402"
SEVERITY = WARNING
SUMMARY = (
    "a forced-labour finding has no rehabilitation, repatriation or reintegration remedy "
    "and no needs assessment"
)
# Why a waiver written for format 1 may silence nothing now (SIP204 says so).
CHANGED_IN_1_1 = (
    "since format 1.1, SIP402 is a warning, is answered by a needs_assessment, and reads "
    "only forced-labour findings (determination substantiated or suspected; one indicator"
    " on a finding that is not critical is not one)"
)


def check(plan: Plan, context: Context) -> Iterator[Violation]:
    from sip.format.vocab import RESTORATIVE_REMEDIES

    assert context.index is not None
    responses_to = context.index.responses_to
    for position, finding in enumerate(plan.findings):
        if not finding.is_forced_labour:
            continue
        assessed = finding.needs_assessment
        if assessed is not None and assessed.date <= context.as_of:
            continue
        if any(
            r.kind == "remedy" and r.remedy in RESTORATIVE_REMEDIES for r in responses_to.get(finding.id, ())
        ):
            continue
        assessment = (
            f"its needs_assessment is dated {assessed.date}, after the as-of date {context.as_of}"
            if assessed is not None
            else "it has no needs assessment"
        )
        yield Violation(
            ("findings", position),
            f"{label(finding, 'findings')} is a forced-labour finding "
            f"({why_forced_labour(finding)}), and nothing shows the workers were asked "
            "what they need to recover: no rehabilitation, repatriation or "
            f"reintegration measure addresses it, and {assessment}: once the affected "
            f"workers' needs are assessed, add needs_assessment (date, summary) to "
            f"{finding.id}, and a remedy of the kind they ask for",
        )
