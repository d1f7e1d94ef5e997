"""A forced-labour finding has no remedy of type rehabilitation, repatriation or reintegration.

The source: a corrective action plan for forced labour "should include measures to
support their rehabilitation, repatriation (if desired) or reintegration into the
labor market and community". Paying back fees repairs a loss; it does not restore a
person. A forced-labour finding (one with an ILO indicator, or critical) needs a
response of kind `remedy` with `remedy:` `rehabilitation`, `repatriation` or
`reintegration`, not cancelled, whose `addresses` lists it.

Reported at the finding.

Fails:

    responses:
      - id: A-2
        kind: remedy
        remedy: reimbursement
        addresses: [F-1]          # F-1 has indicators: [debt-bondage]
        ...

Passes:

    responses:
      - id: A-2
        kind: remedy
        remedy: reimbursement
        addresses: [F-1]
        ...
      - id: A-3
        kind: remedy
        remedy: reintegration
        addresses: [F-1]
        action: Job guaranteed on corrected terms, or a release letter and help to move
        ...
"""

from __future__ import annotations

from collections.abc import Iterator

from sip.diagnostic import ERROR
from sip.format.wording import label, why_forced_labour
from sip.rules.context import Context, Violation

CODE = "SIP402"
SEVERITY = ERROR
SUMMARY = "a forced-labour finding has no rehabilitation, repatriation or reintegration remedy"


def check(plan, context: Context) -> Iterator[Violation]:
    from sip.format.vocab import RESTORATIVE_REMEDIES

    assert context.index is not None
    responses_to = context.index.responses_to
    for position, finding in enumerate(plan.findings):
        if not finding.is_forced_labour:
            continue
        if any(r.kind == "remedy" and r.remedy in RESTORATIVE_REMEDIES
               for r in responses_to.get(finding.id, ())):
            continue
        yield Violation(("findings", position),
                        f"{label(finding, 'findings')} is a forced-labour finding "
                        f"({why_forced_labour(finding)}) with no remedy that restores the workers: "
                        "add a responses entry of kind remedy, with remedy: rehabilitation, "
                        f"repatriation or reintegration, whose addresses list {finding.id}")
