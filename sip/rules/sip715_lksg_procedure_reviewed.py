"""LkSG § 8 Abs. 5: a complaints channel's effectiveness was not reviewed in the last year.

The Act says (§ 8 Abs. 5 Satz 1): "Die Wirksamkeit des Beschwerdeverfahrens ist mindestens einmal
im Jahr sowie anlassbezogen zu überprüfen, wenn das Unternehmen mit einer wesentlich veränderten
oder wesentlich erweiterten Risikolage im eigenen Geschäftsbereich oder beim unmittelbaren
Zulieferer rechnen muss, etwa durch die Einführung neuer Produkte, Projekte oder eines neuen
Geschäftsfeldes." (The effectiveness of the complaints procedure is to be reviewed at least once
a year, and when a changed risk situation is expected; sip's own translation.)

In an active or monitoring plan under the `lksg` framework, every grievance channel that has
been open for more than 365 days before the as-of date records a review of its effectiveness
within those 365 days (`reviewed`). A channel is known to be open since its `since`, or, with
none, since the plan was opened (it may be older; sip counts only what the plan shows). A channel
opened within the year is not yet due.

Runs only on a plan the `lksg` framework applies to. Reported at the channel's `reviewed` when it
has one, else at the channel.

Fails (as of 2026-08-10):

    frameworks: [lksg]
    grievance_channels:
      - id: GC-1
        name: Ombudsperson appointed by the company
        operated_by: third-party
        anonymous: true
        languages: [de]
        since: 2024-01-01
        reviewed: 2025-02-01

Passes:

    grievance_channels:
      - id: GC-1
        ...
        since: 2024-01-01
        reviewed: 2026-02-01       # complaints counted, times to answer and outcomes looked at
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING

from sip.diagnostic import ERROR
from sip.format.wording import label
from sip.rules.context import Context, Violation

if TYPE_CHECKING:
    from sip.model import Plan

CODE = "SIP715"
SEVERITY = ERROR
SUMMARY = "LkSG § 8 Abs. 5: a complaints channel's effectiveness was not reviewed in the last year"
FRAMEWORK = "lksg"
YEAR = dt.timedelta(days=365)


def check(plan: Plan, context: Context) -> Iterator[Violation]:
    if plan.status not in ("active", "monitoring"):
        return
    for position, channel in enumerate(plan.grievance_channels):
        opened = channel.since or plan.opened  # the plan shows it open since then, at least
        if context.as_of - opened <= YEAR:
            continue  # open for less than a year, as far as the plan shows: not yet due
        if channel.reviewed is not None and context.as_of - channel.reviewed <= YEAR:
            continue
        when = (
            f"was last reviewed on {channel.reviewed}"
            if channel.reviewed is not None
            else "records no review of its effectiveness"
        )
        yield Violation(
            ("grievance_channels", position, "reviewed")
            if channel.reviewed
            else ("grievance_channels", position),
            f"{label(channel, 'grievance_channels')} {when}, and LkSG § 8 Abs. 5 asks for the "
            "complaints procedure's effectiveness to be reviewed at least once a year: review it "
            "(how many complaints, how long they took, how they ended) and record the date in reviewed",
        )
