"""Warning: the root causes of a forced-labour finding name no policy or practice.

The source asks a plan to "address the root causes of the issues, including the policies
and practices that contributed to the problem". A cause that is only what the workers knew
("workers' lack of awareness", category `capacity`) or only the law and the labour market
(`structural`) names nothing the company or the site can change, and puts the problem on
the workers. A forced-labour finding (determination `substantiated` or `suspected`,
written or derived) has among the root causes that list it at least one of category
`policy`, `practice` or `commercial` (prices, lead times, purchasing): who charged the fees,
who allowed it, what made it pay.

A finding that no root cause lists is SIP302's, not this rule's.

New in format 1.2.

Reported at the finding.

Fails:

    findings:
      - id: F-1
        severity: critical
        ...
    root_causes:
      - id: RC-1
        findings: [F-1]
        category: capacity
        cause: Workers' lack of awareness of their rights

Passes:

    root_causes:
      - id: RC-1
        findings: [F-1]
        category: practice
        cause: The site hired through agents in Nepal without checking what they charged workers
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from sip.diagnostic import WARNING
from sip.format.wording import ids, label
from sip.rules.context import Context, Violation

if TYPE_CHECKING:
    from sip.model import Plan

CODE = "SIP309"
SEVERITY = WARNING
SUMMARY = "the root causes of a forced-labour finding name no policy or practice"


def check(plan: Plan, context: Context) -> Iterator[Violation]:
    from sip.format.vocab import CHANGEABLE_CAUSES

    assert context.index is not None
    causes_of = context.index.causes_of
    for position, finding in enumerate(plan.findings):
        causes = causes_of.get(finding.id)
        if not causes or not finding.is_forced_labour:
            continue
        if any(cause.category in CHANGEABLE_CAUSES for cause in causes):
            continue
        named = ids([f"{cause.id} ({cause.category})" for cause in causes])
        yield Violation(
            ("findings", position),
            f"{label(finding, 'findings')} is a forced-labour finding, but its root "
            f"{'cause' if len(causes) == 1 else 'causes'} {named} "
            f"{'names' if len(causes) == 1 else 'name'} no policy or "
            "practice (new in format 1.2): the source asks for “the policies and practices "
            "that contributed to the problem”; add a root cause of category policy, practice "
            "or commercial that names what the company or the site did or failed to do",
        )
