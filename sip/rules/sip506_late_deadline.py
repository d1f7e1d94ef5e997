"""Warning: an open response is due further from its finding than the deadline for its kind and severity.

Workers wait while a response is pending. A response must be due within a deadline
counted from the day its finding was `identified`; the deadline depends on the kind of
response as well as the finding's severity (format 1.1), because protecting workers
cannot wait while repaying workers who have gone home to several countries takes longer
than stopping a practice. The defaults, in days:

| kind | critical | major | minor |
|---|---|---|---|
| protection | 14 | 30 | 90 |
| corrective | 30 | 90 | 180 |
| remedy | 90 | 180 | 365 |

`[deadlines]` in the configuration changes them: a severity key sets it for every kind,
`[deadlines.protection]` (and so on) for one kind. A response to several findings is
held to the earliest of their deadlines. For a remedy with a `schedule`, the first
instalment's `due` is what must meet the deadline (the first money must reach the
workers in time; the rest may follow as agreed). Over means strictly more days.

Only open responses (planned, in-progress) are checked: a finished response is history,
and SIP504 watches what is late. Nor is a response that SIP504 reports overdue (its own
`due`, or an unpaid instalment's, is past), waived or not: once a response is overdue,
that it was planned late is no longer the news. Improvements are not held to deadlines.

Changed in format 1.1: deadlines per kind; open responses only; a schedule's first
instalment. Changed in format 1.2: silent on a response SIP504 reports.

Reported at `due` (the first instalment's `due` for a scheduled remedy).

Fails:

    findings:
      - id: F-1
        severity: critical
        identified: 2026-07-15
        ...
    responses:
      - id: A-1
        kind: protection
        addresses: [F-1]
        due: 2026-08-31           # 47 days; the deadline for protection is 14
        status: planned
        ...

Passes:

    responses:
      - id: A-2
        kind: remedy
        addresses: [F-1]
        due: 2027-03-31
        status: in-progress
        schedule:
          - {due: 2026-10-10, amount: 250000}    # 87 days: within 90
          - {due: 2027-03-31, amount: 600000}
        ...
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING

from sip.diagnostic import WARNING
from sip.format.wording import label
from sip.read.positions import Loc
from sip.rules.context import Context, Violation

if TYPE_CHECKING:
    from sip.model import Plan

CODE = "SIP506"
SEVERITY = WARNING
SUMMARY = "an open response is due further from its finding than the deadline for its kind"
# Why a waiver written for format 1 may silence nothing now (SIP204 says so).
CHANGED_IN_1_1 = (
    "since format 1.1, SIP506 reads only open responses, with deadlines per kind of "
    "response (protection 14/30/90 days, corrective 30/90/180, remedy 90/180/365), and a "
    "scheduled remedy's first instalment"
)
CHANGED_IN_1_2 = "since format 1.2, SIP506 is silent on a response SIP504 reports overdue"


def check(plan: Plan, context: Context) -> Iterator[Violation]:
    assert context.index is not None
    findings = context.index.findings
    deadlines = context.deadlines
    for position, response in context.index.responses:
        if not response.is_open or response.is_overdue(context.as_of):
            continue
        if response.overdue_instalments(context.as_of):
            continue  # SIP504's: an overdue instalment is the news
        days_for = deadlines[response.kind]
        earliest = None
        for finding_id in response.addresses:
            finding = findings.get(finding_id)
            if finding is None:
                continue
            deadline = finding.identified + dt.timedelta(days=days_for[finding.severity])
            if earliest is None or deadline < earliest[0]:
                earliest = (deadline, finding)
        if earliest is None:
            continue
        deadline, finding = earliest
        loc: Loc
        if response.schedule:
            due, loc, what = (
                response.schedule[0].due,
                ("responses", position, "schedule", 0, "due"),
                "has its first instalment due",
            )
        else:
            due, loc, what = response.due, ("responses", position, "due"), "is due"
        if due <= deadline:
            continue
        days = days_for[finding.severity]
        taken = (due - finding.identified).days
        yield Violation(
            loc,
            f"{label(response, 'responses')} {what} {due}, {taken} days after "
            f"{finding.severity} finding {finding.id} was identified; the deadline for "
            f"a {response.kind} response to a {finding.severity} finding is {days} days "
            f"({deadline}; since format 1.1 it depends on the kind of response, see "
            "[deadlines] in the configuration): bring the date forward, or add a "
            f"waiver of SIP506 for {response.id} with the reason",
        )
