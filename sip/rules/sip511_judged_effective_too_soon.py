"""Warning: an improvement was judged effective too soon after it was completed.

Whether a change works shows only after it has run: a training judged "effective" the day
after it ended, or a new recruitment procedure before the next intake, proves nothing. The
source warns that "problems tend to persist when remedial or corrective actions are either
poorly maintained or are not implemented at all". An improvement (not cancelled) whose
`effectiveness.result` is `effective` or `partly-effective` is reviewed at least
`min-days` (default 90) days after its `completed` date; a review dated before the
improvement was completed is reported too.

An improvement with an `effectiveness` but no `completed` date is not judged (nothing says
when it started to run). A `not-effective` result is never too soon. `min-days` is set in
the configuration's `[effectiveness]` table (docs/configuration.md).

New in format 1.2.

Reported at `effectiveness.date`.

Fails:

    improvements:
      - id: I-1
        element: training
        status: done
        completed: 2026-05-14
        effectiveness:
          date: 2026-05-15           # the day after
          result: effective
          evidence: Attendance sheets
        ...

Passes:

    improvements:
      - id: I-1
        status: done
        completed: 2026-05-14
        effectiveness:
          date: 2026-11-20           # after the next intake of workers
          result: effective
          evidence: Interviews with 40 workers hired since May; none paid a fee
        ...
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from sip.diagnostic import WARNING
from sip.format.wording import label, plural
from sip.rules.context import Context, Violation

if TYPE_CHECKING:
    from sip.model import Plan

CODE = "SIP511"
SEVERITY = WARNING
SUMMARY = "an improvement was judged effective too soon after it was completed"


def check(plan: Plan, context: Context) -> Iterator[Violation]:
    assert context.index is not None
    least = context.min_days
    for position, improvement in context.index.improvements:
        review, completed = improvement.effectiveness, improvement.completed
        if review is None or completed is None or review.result == "not-effective":
            continue
        days = (review.date - completed).days
        if days >= least:
            continue
        when = (
            f"{plural(-days, 'day')} before it was completed ({completed})"
            if days < 0
            else f"{plural(days, 'day')} after it was completed ({completed})"
        )
        yield Violation(
            ("improvements", position, "effectiveness", "date"),
            f"{label(improvement, 'improvements')} was judged {review.result} on "
            f"{review.date}, {when}; whether a change works shows only after it has run, at "
            f"least {plural(least, 'day')} (min-days; new in format 1.2): review it again "
            "once it has run, and record that review's date, result and evidence",
        )
