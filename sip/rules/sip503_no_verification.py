"""A verified action has no verification.

"Facility audits have shown that social responsibility problems tend to persist when
remedial or corrective actions are either poorly maintained or are not implemented
at all." Verified means someone checked that the action worked: the plan records how
(`method`), on what evidence (`evidence`), and when (`date`).

Reported at the action, path `responses[i].verification`.

Fails:

    responses:
      - id: A-1
        status: verified
        completed: 2026-07-21
        ...

Passes:

    responses:
      - id: A-1
        status: verified
        completed: 2026-07-21
        verification:
          method: Worker interviews by SP-1
          evidence: Interview summary 2026-08-02
          date: 2026-08-02
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

CODE = "SIP503"
SEVERITY = ERROR
SUMMARY = "a verified action has no verification"


def check(plan: Plan, context: Context) -> Iterator[Violation]:
    assert context.index is not None
    for name, position, action in context.index.actions():
        if action.status == "verified" and action.verification is None:
            yield Violation(
                (name, position, "verification"),
                f"{label(action, name)} is verified but records no verification: add "
                "verification: with method, evidence and date, or set status to done",
                at=(name, position),
            )
