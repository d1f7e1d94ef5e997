"""Warning: the workers' needs were assessed by someone with an interest in the answer.

What victims of forced labour need (medical care, counselling, a safe way home, a job
elsewhere) is theirs to say, and they say it to someone they trust. The site's HR
department, the company's own sourcing team, the labour agent that charged the fees: each
has an interest in hearing that little is needed. The source asks that "public and
non-governmental victim service providers ... be consulted". A forced-labour finding's
`needs_assessment` (determination `substantiated` or `suspected`, written or derived)
names in `by` a victim service provider or an independent party: not a party of kind
`employer`, `own-staff`, `labour-agent`, `recruitment-agency` or `other` (nothing shows
who that is), nor a service provider of kind `other`; and it names someone (`by` absent
is reported too).

A finding without a `needs_assessment` is SIP402's, not this rule's; a `by` naming no
party or provider is SIP202's.

New in format 1.2.

Reported at `needs_assessment.by`, or at the `needs_assessment` when `by` is absent.

Fails:

    parties:
      - id: P-1
        name: Site HR department
        kind: employer
        role: Runs the dormitories and the payroll
    findings:
      - id: F-1
        needs_assessment:
          date: 2026-08-04
          by: P-1
          summary: Workers said they need nothing
        ...

Passes:

    service_providers:
      - id: SP-1
        name: Example Migrant Workers' Centre
        kind: worker-organisation
        ...
    findings:
      - id: F-1
        needs_assessment:
          date: 2026-08-04
          by: SP-1
          summary: 212 workers interviewed in Nepali and Burmese; 9 asked for counselling
        ...
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from sip.diagnostic import WARNING
from sip.format.wording import label
from sip.rules.context import Context, Violation
from sip.rules.interested import interested

if TYPE_CHECKING:
    from sip.model import Plan

CODE = "SIP412"
SEVERITY = WARNING
SUMMARY = "the workers' needs were assessed by someone with an interest in the answer"
_FIX = (
    "have them assessed by a victim service provider or an independent party (an NGO, a "
    "worker organisation, legal aid), and name it in needs_assessment.by"
)


def check(plan: Plan, context: Context) -> Iterator[Violation]:
    for position, finding in enumerate(plan.findings):
        assessment = finding.needs_assessment
        if assessment is None or not finding.is_forced_labour:
            continue
        who = label(finding, "findings")
        if assessment.by is None:
            yield Violation(
                ("findings", position, "needs_assessment"),
                f"the needs assessment of {who} does not say who asked the workers what they need: {_FIX}",
            )
            continue
        kind = interested(plan, assessment.by)
        if kind is not None:
            yield Violation(
                ("findings", position, "needs_assessment", "by"),
                f"the workers' needs for {who} were assessed by {kind}: it has an interest "
                f"in the answer, or nothing shows it is independent: {_FIX}",
            )
