"""LkSG § 7 Abs. 4: the plan's effectiveness was not reviewed in the last year.

The Act says (§ 7 Abs. 4 Satz 1): "Die Wirksamkeit der Abhilfemaßnahmen ist einmal im Jahr sowie
anlassbezogen zu überprüfen, wenn das Unternehmen mit einer wesentlich veränderten oder
wesentlich erweiterten Risikolage im eigenen Geschäftsbereich oder beim unmittelbaren Zulieferer
rechnen muss, etwa durch die Einführung neuer Produkte, Projekte oder eines neuen
Geschäftsfeldes." (The effectiveness of the remedial measures is to be reviewed once a year, and
when the company must expect a substantially changed or extended risk situation; sip's own
translation.)

An active or monitoring plan under the `lksg` framework has a `reviews` entry dated within the
365 days before the as-of date, or was opened within them. The review says what it found of the
measures' effect (its summary). A review prompted by a changed risk situation is logged the same
way; sip cannot know when one was due.

Runs only on a plan the `lksg` framework applies to. Reported at the latest review's date, or,
with no review, at `opened`.

Fails (as of 2026-08-10):

    frameworks: [lksg]
    opened: 2025-03-01
    reviews:
      - date: 2025-07-01
        by: Head of Human Rights
        summary: Repayments on track; recruitment audit planned

Passes:

    reviews:
      - date: 2026-06-30
        by: Head of Human Rights
        summary: Agents audited; two fee cases found and repaid; no new passport retention
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING

from sip.diagnostic import ERROR
from sip.rules.context import Context, Violation

if TYPE_CHECKING:
    from sip.model import Plan

CODE = "SIP711"
SEVERITY = ERROR
SUMMARY = "LkSG § 7 Abs. 4: the plan's effectiveness was not reviewed in the last year"
FRAMEWORK = "lksg"
YEAR = dt.timedelta(days=365)


def check(plan: Plan, context: Context) -> Iterator[Violation]:
    if plan.status not in ("active", "monitoring"):
        return
    reviews = [(n, r) for n, r in enumerate(plan.reviews) if r.date <= context.as_of]
    latest = max(reviews, key=lambda r: r[1].date) if reviews else None
    last = latest[1].date if latest else plan.opened
    if context.as_of - last <= YEAR:
        return
    since = (
        f"the latest review was on {last}" if latest else f"the plan was opened on {last} and has no review"
    )
    yield Violation(
        ("reviews", latest[0], "date") if latest else ("opened",),
        f"{since}, {(context.as_of - last).days} days ago, and LkSG § 7 Abs. 4 asks for the "
        "effectiveness of remedial measures to be reviewed once a year: review it, and add a reviews "
        "entry with what the review found",
    )
