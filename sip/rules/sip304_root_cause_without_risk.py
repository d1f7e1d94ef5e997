"""A root cause leads to no risk in the risk map.

The source asks a plan to "map out the risks and their sources – the particular
business processes, operational functions, or structural gaps from which the risks
arise". A root cause is where a risk comes from; each one must be listed in the
`root_causes` of at least one entry of `risks`, so that the risk map covers what
went wrong.

Reported at the root cause.

Fails:

    root_causes:
      - id: RC-1
        findings: [F-1]
        category: policy
        cause: No employer-pays policy
    risks: []

Passes:

    root_causes:
      - id: RC-1
        findings: [F-1]
        category: policy
        cause: No employer-pays policy
    risks:
      - id: R-1
        risk: Workers charged fees by unlicensed sub-agents
        source: {kind: business-process, name: Recruitment through third-party agents}
        likelihood: high
        impact: high
        root_causes: [RC-1]
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from sip.diagnostic import ERROR
from sip.format.wording import label
from sip.rules.context import Context, Violation

if TYPE_CHECKING:
    from sip.model import Plan

CODE = "SIP304"
SEVERITY = ERROR
SUMMARY = "a root cause leads to no risk in the risk map"


def check(plan: Plan, context: Context) -> Iterator[Violation]:
    assert context.index is not None
    mapped = context.index.mapped
    for position, cause in enumerate(plan.root_causes):
        if cause.id not in mapped:
            yield Violation(
                ("root_causes", position),
                f"{label(cause, 'root_causes')} leads to no risk in the risk map: add a "
                f"risks entry whose root_causes list {cause.id}, with the business "
                "process, operational function or structural gap the risk arises from",
            )
