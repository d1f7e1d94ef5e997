"""A done or verified action has no `completed` date, or a `completed` date after the as-of date;
or an instalment was paid after the as-of date; or a review is dated after the as-of date.

A plan is a record: when an action is marked `done` or `verified`, the date it was
completed is what shows it was timely, and what reviewers and auditors check
against. An action cannot have been completed in the future either: a `completed`
date after the as-of date is a typo or a plan written ahead of events. A review is
the same kind of record, of something that happened: a review dated after the as-of date
is held to the same rule (a review that is planned belongs in `next_review`).

The same holds for the instalments of a remedy's `schedule` (format 1.1): an
instalment's `paid` date after the as-of date records a payment that has not been made.
Every response that is not cancelled is read.

Reported at the action when `completed` is missing (path `responses[i].completed`),
at `completed` when it is in the future, at the instalment's `paid` for a future payment, and
at a review's `date` when it is in the future.

Fails:

    responses:
      - id: A-1
        status: done
        ...

Fails too (as of 2026-08-10):

    reviews:
      - date: 2026-09-01
        by: Head of Responsible Sourcing
        summary: ...

Passes:

    responses:
      - id: A-1
        status: done
        completed: 2026-07-21
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

CODE = "SIP502"
SEVERITY = ERROR
SUMMARY = (
    "a done or verified action has no completed date, or one after the as-of date; or an "
    "instalment is paid, or a review dated, after the as-of date"
)


def check(plan: Plan, context: Context) -> Iterator[Violation]:
    from sip.format.vocab import COMPLETE_STATUSES

    assert context.index is not None
    for position, response in context.index.responses:
        for k, instalment in enumerate(response.schedule or ()):
            if instalment.paid is not None and instalment.paid > context.as_of:
                yield Violation(
                    ("responses", position, "schedule", k, "paid"),
                    f"instalment {k + 1} of {label(response, 'responses')} was paid "
                    f"{instalment.paid}, after the as-of date {context.as_of}: "
                    "correct the date, or remove paid until the money has reached "
                    "the workers",
                )
    for name, position, action in context.index.actions():
        if action.status not in COMPLETE_STATUSES:
            continue
        loc = (name, position, "completed")
        if action.completed is None:
            yield Violation(
                loc,
                f"{label(action, name)} is {action.status} but has no completed "
                "date: add completed: the date it was done",
                at=(name, position),
            )
        elif action.completed > context.as_of:
            yield Violation(
                loc,
                f"{label(action, name)} was completed {action.completed}, after "
                f"the as-of date {context.as_of}: correct the date, or set status back "
                "to in-progress until it is done",
            )
    for position, review in enumerate(plan.reviews):
        if review.date > context.as_of:
            yield Violation(
                ("reviews", position, "date"),
                f"the review dated {review.date} is after the as-of date "
                f"{context.as_of}: a review records one that took place; correct the "
                "date, or put a review still to come in next_review",
            )
