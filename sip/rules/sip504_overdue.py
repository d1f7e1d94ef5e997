"""Warning: an open action, or an unpaid instalment, is past its due date on the as-of date.

"Social responsibility problems tend to persist when remedial or corrective actions
are either poorly maintained or are not implemented at all." An action that is still
`planned` or `in-progress` after its `due` date needs attention: finish it, or agree a
new date and record why in `reviews`. Past due means `due` before the as-of date.

The instalments of a remedy's `schedule` (format 1.1) are read too: on a remedy that
is open or done (not yet verified), each instalment past its `due` with no `paid` date
is one more warning (an open remedy past its own `due` is another: they are different
facts). Pay it and record the date in `paid`, or agree a new date with the workers and
record why in `reviews`.

Reported at `due` (the instalment's, for an instalment).

Fails (as of 2026-08-10):

    responses:
      - id: A-5
        due: 2026-08-01
        status: in-progress
        ...

Passes (as of 2026-08-10):

    responses:
      - id: A-5
        due: 2026-08-01
        status: done
        completed: 2026-07-30
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

CODE = "SIP504"
SEVERITY = WARNING
SUMMARY = "an open action, or an unpaid instalment of a remedy, is past its due date"


def check(plan: Plan, context: Context) -> Iterator[Violation]:
    assert context.index is not None
    as_of = context.as_of
    for position, response in context.index.responses:
        for k, instalment in response.overdue_instalments(as_of):
            late = plural((as_of - instalment.due).days, "day")
            yield Violation(
                ("responses", position, "schedule", k, "due"),
                f"instalment {k + 1} of {label(response, 'responses')} was "
                f"due {instalment.due} and has no paid date ({late} late): "
                "pay it and record the date in paid, or agree a new date "
                "with the workers and record why in reviews",
            )
    for name, position, action in context.index.actions():
        if action.is_overdue(context.as_of):  # the one definition, shared with reports
            late = plural((context.as_of - action.due).days, "day")
            yield Violation(
                (name, position, "due"),
                f"{label(action, name)} was due {action.due} and is still "
                f"{action.status} ({late} late): complete it, or set a new due date "
                "and record why in reviews",
            )
