"""FAR 52.222-50(h)(3)(v): no procedures to keep agents and subcontractors from trafficking, or to end it.

The clause asks the compliance plan for "Procedures to prevent agents and subcontractors at any
tier and at any dollar value from engaging in trafficking in persons (including activities in
paragraph (b) of this clause) and to monitor, detect, and terminate any agents, subcontracts, or
subcontractor employees that have engaged in such activities."

A plan under the `far` framework has an improvement of element `supplier-contracts` (what binds
agents and subcontractors, at every tier) and one of element `monitoring` (how they are watched,
and what ends the relationship), neither cancelled. The message says which is missing.

Runs only on a plan the `far` framework applies to. Reported at `improvements` when the list is
there, else at the top of the plan.

Fails:

    frameworks: [far]
    improvements:
      - id: MS-5
        element: monitoring
        action: Interview a sample of each agent's recruits every quarter
        ...

Passes:

    frameworks: [far]
    improvements:
      - id: MS-5
        element: monitoring
        ...
      - id: MS-6
        element: supplier-contracts
        action: Every agent and subcontractor contract carries the clause, with termination for breach
        ...
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from sip.diagnostic import ERROR
from sip.rules.context import Context, Violation
from sip.rules.wanted_elements import missing_elements

if TYPE_CHECKING:
    from sip.model import Plan

CODE = "SIP704"
SEVERITY = ERROR
SUMMARY = (
    "FAR 52.222-50(h)(3)(v): no procedures to prevent, and to detect and end, trafficking by agents "
    "and subcontractors"
)
FRAMEWORK = "far"
_ASKS = (
    "FAR 52.222-50(h)(3)(v) asks for procedures to prevent agents and subcontractors from "
    "trafficking and to monitor, detect and terminate those who do"
)
_WANTED = {
    "supplier-contracts": "supplier-contracts (what binds agents and subcontractors at every tier)",
    "monitoring": "monitoring (how they are watched, and what ends the relationship)",
}


def check(plan: Plan, context: Context) -> Iterator[Violation]:
    return missing_elements(plan, context, _WANTED, _ASKS)
