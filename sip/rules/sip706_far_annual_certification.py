"""FAR 52.222-50(h)(5): no certification to the contracting officer within the last year.

The clause says: "Annually after receiving an award, the Contractor shall submit a certification
to the Contracting Officer that— (i) It has implemented a compliance plan to prevent any
prohibited activities identified at paragraph (b) of this clause and to monitor, detect, and
terminate any agent, subcontract or subcontractor employee engaging in prohibited activities;
and (ii) After having conducted due diligence, either— (A) To the best of the Contractor's
knowledge and belief, neither it nor any of its agents, subcontractors, or their agents is
engaged in any such activities; or (B) If abuses relating to any of the prohibited activities
identified in paragraph (b) of this clause have been found, the Contractor or subcontractor has
taken the appropriate remedial and referral actions."

An active or monitoring plan under the `far` framework records the latest certification as a
`submissions` entry of kind `certification`, dated within the 365 days before the as-of date. A
closed plan is not judged: the contract's certifications go on without it.

Runs only on a plan the `far` framework applies to. Reported at the latest certification's date
when there is one, else at `submissions` when the list is there, else at the top of the plan.

Fails (as of 2026-08-10):

    frameworks: [far]
    submissions:
      - kind: certification
        date: 2025-06-30
        to: The contracting officer

Passes:

    frameworks: [far]
    submissions:
      - kind: certification
        date: 2026-06-30
        to: The contracting officer
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING

from sip.diagnostic import ERROR
from sip.rules.context import Context, Violation

if TYPE_CHECKING:
    from sip.model import Plan

CODE = "SIP706"
SEVERITY = ERROR
SUMMARY = "FAR 52.222-50(h)(5): no certification to the contracting officer within the last year"
FRAMEWORK = "far"
YEAR = dt.timedelta(days=365)


def check(plan: Plan, context: Context) -> Iterator[Violation]:
    if plan.status not in ("active", "monitoring"):
        return
    made = [
        (n, s)
        for n, s in enumerate(plan.submissions)
        if s.kind == "certification" and s.date <= context.as_of
    ]
    if not made:
        present = "submissions" in plan.model_fields_set
        yield Violation(
            ("submissions",),
            "FAR 52.222-50(h)(5) asks the contractor to certify to the contracting officer every "
            "year that it has implemented its compliance plan, and the plan records no "
            "certification: add a submissions entry of kind certification with its date",
            at=None if present else (),
        )
        return
    position, latest = max(made, key=lambda m: m[1].date)
    if context.as_of - latest.date <= YEAR:
        return
    yield Violation(
        ("submissions", position, "date"),
        f"the latest certification ({latest.date}) is {(context.as_of - latest.date).days} days old, "
        "and FAR 52.222-50(h)(5) asks for one every year: certify again and add a submissions entry "
        "of kind certification with its date",
    )
