"""An open response to a critical finding has no contingency.

The source asks that "contingencies are in place to respond to issues where they
happen". For a critical finding (forced labour, trafficking, child labour or
imminent danger) a slipped action leaves workers exposed, so every response to one
says what happens if it slips: who steps in, with what.

Only open responses (planned, in-progress) need one (format 1.1): a finished action
cannot grow a contingency after the fact, and a done or verified response that has one
keeps it on the record. Cancelled ones need none.

Reported at the response, path `responses[i].contingency`.

Fails:

    responses:
      - id: A-1
        kind: protection
        addresses: [F-1]          # F-1 is critical
        action: Return every passport to its holder
        ...

Passes:

    responses:
      - id: A-1
        kind: protection
        addresses: [F-1]
        action: Return every passport to its holder
        contingency: Brand staff hand passports over in person if the supplier delays
        ...
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from sip.diagnostic import ERROR
from sip.format.wording import ids, label
from sip.rules.context import Context, Violation

if TYPE_CHECKING:
    from sip.model import Plan

CODE = "SIP306"
SEVERITY = ERROR
SUMMARY = "an open response to a critical finding has no contingency"
# Why a waiver written for format 1 may silence nothing now (SIP204 says so).
CHANGED_IN_1_1 = "since format 1.1, SIP306 asks only open responses (planned, in-progress) for a contingency"


def check(plan: Plan, context: Context) -> Iterator[Violation]:
    assert context.index is not None
    findings = context.index.findings
    for position, response in context.index.responses:
        if response.contingency is not None or not response.is_open:
            continue
        critical = [
            f
            for f in dict.fromkeys(response.addresses)
            if f in findings and findings[f].severity == "critical"
        ]
        if critical:
            noun = "finding" if len(critical) == 1 else "findings"
            yield Violation(
                ("responses", position, "contingency"),
                f"{label(response, 'responses')} responds to critical {noun} "
                f"{ids(critical)} and is still {response.status}, with no "
                "contingency: add contingency: what happens, and who acts, if this "
                "response slips",
                at=("responses", position),
            )
