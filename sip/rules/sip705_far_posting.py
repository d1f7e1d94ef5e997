"""FAR 52.222-50(h)(4): the compliance plan is not recorded as posted for the workers.

The clause says: "The Contractor shall post the relevant contents of the compliance plan, no
later than the initiation of contract performance, at the workplace (unless the work is to be
performed in the field or not in a fixed location) and on the Contractor's Web site (if one is
maintained). If posting at the workplace or on the Web site is impracticable, the Contractor
shall provide the relevant contents of the compliance plan to each worker in writing."

A plan under the `far` framework records the posting as a `submissions` entry of kind
`posting`, dated on or before the as-of date, saying where (`to`: the notice boards, the
website, or the letters handed to each worker). sip does not know when contract performance
began: the date is for the contracting officer to read.

Runs only on a plan the `far` framework applies to. Reported at `submissions` when the list is
there, else at the top of the plan.

Fails:

    frameworks: [far]
    submissions: []

Passes:

    frameworks: [far]
    submissions:
      - kind: posting
        date: 2026-03-02
        to: Notice boards of every dormitory and production floor, in Nepali and Malay; the company website
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from sip.diagnostic import ERROR
from sip.rules.context import Context, Violation

if TYPE_CHECKING:
    from sip.model import Plan

CODE = "SIP705"
SEVERITY = ERROR
SUMMARY = "FAR 52.222-50(h)(4): the compliance plan is not recorded as posted for the workers"
FRAMEWORK = "far"


def check(plan: Plan, context: Context) -> Iterator[Violation]:
    if any(s.kind == "posting" and s.date <= context.as_of for s in plan.submissions):
        return
    present = "submissions" in plan.model_fields_set
    yield Violation(
        ("submissions",),
        "FAR 52.222-50(h)(4) asks the contractor to post the relevant contents of the compliance "
        "plan at the workplace and on its website (or give them to each worker in writing), and the "
        "plan records no posting: add a submissions entry of kind posting with its date and where "
        "it was posted",
        at=None if present else (),
    )
