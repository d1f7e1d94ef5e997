"""Warning: the relationship with the site is ended while the workers still wait for protection or remedy.

Cutting and running abandons the workers: once the company stops buying, it loses the
leverage that gets them protected and repaid. The UN Guiding Principles and the EU due
diligence directive treat termination as a last resort, after considering whether it
would make things worse for the people affected. A response with `escalation:
termination` (not cancelled) that addresses a finding whose protection or remedy
responses are still open (planned or in-progress) is reported: finish those first, or
say in them who protects and repays the workers once the relationship has ended.

New in format 1.1.

Reported at the `escalation`.

Fails:

    responses:
      - id: A-2
        kind: remedy
        remedy: reimbursement
        addresses: [F-1]
        status: in-progress       # workers not yet repaid
        ...
      - id: A-5
        kind: corrective
        addresses: [F-1]
        escalation: termination
        ...

Passes:

    responses:
      - id: A-2
        kind: remedy
        remedy: reimbursement
        addresses: [F-1]
        status: verified
        ...
      - id: A-5
        kind: corrective
        addresses: [F-1]
        escalation: termination
        ...
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from sip.diagnostic import WARNING
from sip.format.wording import ids, label
from sip.rules.context import Context, Violation

if TYPE_CHECKING:
    from sip.model import Plan

CODE = "SIP308"
SEVERITY = WARNING
SUMMARY = "a termination addresses a finding whose protection or remedy responses are still open"


def check(plan: Plan, context: Context) -> Iterator[Violation]:
    assert context.index is not None
    responses_to = context.index.responses_to
    for position, response in context.index.responses:
        if response.escalation != "termination":
            continue
        waiting = [
            r.id
            for f in dict.fromkeys(response.addresses)
            for r in responses_to.get(f, ())
            if r.kind in ("protection", "remedy") and r.is_open
        ]
        if waiting:
            waiting = list(dict.fromkeys(waiting))
            yield Violation(
                ("responses", position, "escalation"),
                f"{label(response, 'responses')} ends the relationship with the site "
                f"while {ids(waiting)} (protection or remedy for the same workers) "
                f"{'is' if len(waiting) == 1 else 'are'} still open: ending it "
                "before the workers are protected and repaid abandons them; finish "
                "those first, or say in them who protects and repays the workers "
                "after the relationship ends",
            )
