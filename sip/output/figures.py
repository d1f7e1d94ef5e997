"""A plan's progress at a glance, as of a date: the figures the reports, `sip status` and the
portfolio share, each decided here once.

An absent figure is unknown, never 0: money a remedy records no payment for is "unreported", not
paid nothing; a count no remedy records stays None (sip/output/coverage.py for workers).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sip.format.vocab import ACTION_STATUS, MONEY_REMEDIES, SEVERITY
from sip.model import Plan
from sip.model.actions import Action, Response
from sip.rules.context import default_deadlines

DUE_SOON_DAYS = 30
NO_PAYER = ""  # a remedy that does not say who pays


@dataclass(frozen=True)
class MoneyTotal:
    committed: float = 0.0
    paid: float = 0.0  # what the remedies that record a payment say was paid
    unreported: float = 0.0  # committed by remedies that record no payment at all

    def __add__(self, other: MoneyTotal) -> MoneyTotal:
        return MoneyTotal(
            self.committed + other.committed, self.paid + other.paid, self.unreported + other.unreported
        )

    @property
    def reported(self) -> bool:
        """Some payment (0 included) is on record."""
        return self.unreported < self.committed or self.committed == 0


@dataclass(frozen=True)
class Late:
    """A response past its deadline (format 1.1's deadlines, as SIP506 reads them: days from its
    finding's `identified`, by its kind and the finding's severity): an open one due (its first
    instalment, when scheduled) after it, or a finished one completed after it."""

    id: str
    due: dt.date  # when it is due (open), or was completed (finished)
    deadline: dt.date
    kind: str  # protection, corrective, remedy
    finished: bool  # done or verified: history, not a late item now

    @property
    def days(self) -> int:
        return (self.due - self.deadline).days


@dataclass(frozen=True)
class ForWorkers:
    """Protection and remedy responses (cancelled ones left out), by where they stand. Verified
    with the workers: verified, and the verification records workers interviewed (over 0)."""

    protection: int = 0
    remedy: int = 0
    open: int = 0
    done: int = 0  # done, not verified
    verified_with_workers: int = 0
    verified_without_workers: int = 0  # verified, with no worker interviewed on record

    @property
    def total(self) -> int:
        return self.protection + self.remedy


@dataclass(frozen=True)
class Progress:
    as_of: dt.date
    findings_by_severity: dict[str, int]
    actions_by_status: dict[str, int]  # responses and improvements together
    open_actions: int
    overdue: list[str]  # ids of open actions past their due date
    due_soon: list[str]  # ids of open actions due within DUE_SOON_DAYS
    money: dict[str, MoneyTotal] = field(default_factory=dict)  # remedy amounts, by currency
    # the same by currency and payer (NO_PAYER when a remedy does not say)
    money_by_payer: dict[tuple[str, str], MoneyTotal] = field(default_factory=dict)
    review_overdue: bool = False
    # Money remedies (reimbursement, back pay, compensation; cancelled ones left out): the workers
    # they cover, and how many they have reached (None when none records workers_reached).
    workers_covered: int = 0
    workers_reached: int | None = None
    # Instalments past due with no paid date, on open or done remedies (as SIP504 counts them),
    # and the responses that have them.
    overdue_instalments: int = 0
    instalments_overdue_on: list[str] = field(default_factory=list)
    # Responses past their deadline (open ones not counted as overdue already; finished ones).
    past_deadline: list[Late] = field(default_factory=list)
    for_workers: ForWorkers = field(default_factory=ForWorkers)

    @property
    def actions(self) -> int:
        return sum(self.actions_by_status.values())

    @property
    def planned_late(self) -> list[Late]:
        """Open responses planned past their deadline."""
        return [late for late in self.past_deadline if not late.finished]

    @property
    def late_items(self) -> int:
        """Everything late now, each counted once: overdue actions, overdue instalments, open
        responses planned past their deadline."""
        return len(self.overdue) + self.overdue_instalments + len(self.planned_late)


def actions(plan: Plan) -> list[Action]:
    return [*plan.responses, *plan.improvements]


def paid_on_record(response: Response) -> float | None:
    """What a remedy records as paid: `amount.paid`, else the instalments with a paid date
    when it has a schedule (each says whether it was paid); None when nothing is on record."""
    amount = response.amount
    if amount is None:
        return None
    if amount.paid is not None:
        return amount.paid
    if response.schedule:
        return sum(i.amount for i in response.schedule if i.paid is not None)
    return None


def money_of(response: Response) -> MoneyTotal:
    assert response.amount is not None
    paid = paid_on_record(response)
    committed = response.amount.committed
    return MoneyTotal(committed, paid or 0.0, committed if paid is None else 0.0)


def past_deadline(plan: Plan, deadlines: dict[str, dict[str, int]], as_of: dt.date) -> list[Late]:
    """Responses past their deadline: open ones due after it, but for those already overdue
    (past due, or with an instalment past due: for them, being overdue is the news); finished
    ones completed after it."""
    findings = {f.id: f for f in plan.findings}
    out = []
    for response in plan.responses:
        if (
            response.status == "cancelled"
            or response.is_overdue(as_of)
            or response.overdue_instalments(as_of)
        ):
            continue
        days = deadlines[response.kind]
        dates = [
            findings[f].identified + dt.timedelta(days=days[findings[f].severity])
            for f in response.addresses
            if f in findings
        ]
        if not dates:
            continue
        deadline = min(dates)
        if response.is_open:
            due = response.schedule[0].due if response.schedule else response.due
        elif response.completed is not None:
            due = response.completed
        else:
            continue
        if due > deadline:
            out.append(Late(response.id, due, deadline, response.kind, not response.is_open))
    return out


def for_workers(plan: Plan) -> ForWorkers:
    counts = dict.fromkeys(("protection", "remedy", "open", "done", "with", "without"), 0)
    for response in plan.responses:
        if response.kind not in ("protection", "remedy") or response.status == "cancelled":
            continue
        counts[response.kind] += 1
        if response.is_open:
            counts["open"] += 1
        elif response.status == "done":
            counts["done"] += 1
        else:
            heard = response.verification is not None and (response.verification.workers_interviewed or 0) > 0
            counts["with" if heard else "without"] += 1
    return ForWorkers(
        counts["protection"],
        counts["remedy"],
        counts["open"],
        counts["done"],
        counts["with"],
        counts["without"],
    )


def progress(plan: Plan, as_of: dt.date, deadlines: dict[str, dict[str, int]] | None = None) -> Progress:
    all_actions = actions(plan)
    by_status = {status: 0 for status in ACTION_STATUS}
    for action in all_actions:
        by_status[action.status] += 1
    by_severity = {severity: 0 for severity in SEVERITY}
    for finding in plan.findings:
        by_severity[finding.severity] += 1
    soon = as_of + dt.timedelta(days=DUE_SOON_DAYS)
    money: dict[str, MoneyTotal] = {}
    by_payer: dict[tuple[str, str], MoneyTotal] = {}
    for response in plan.responses:
        if response.amount is not None and response.status != "cancelled":
            this = money_of(response)
            currency = response.amount.currency
            money[currency] = money.get(currency, MoneyTotal()) + this
            key = (currency, response.payer or NO_PAYER)
            by_payer[key] = by_payer.get(key, MoneyTotal()) + this
    covered, reached, late = 0, None, 0
    late_on = []
    for response in plan.responses:
        if response.remedy in MONEY_REMEDIES and response.status != "cancelled":
            covered += response.workers_covered or 0
            if response.workers_reached is not None:
                reached = (reached or 0) + response.workers_reached
        overdue = response.overdue_instalments(as_of) if response.kind == "remedy" else []
        if overdue:
            late += len(overdue)
            late_on.append(response.id)
    return Progress(
        as_of=as_of,
        findings_by_severity=by_severity,
        actions_by_status=by_status,
        open_actions=sum(1 for a in all_actions if a.is_open),
        overdue=[a.id for a in all_actions if a.is_overdue(as_of)],
        due_soon=[a.id for a in all_actions if a.is_open and as_of <= a.due <= soon],
        money=money,
        money_by_payer=dict(sorted(by_payer.items())),
        review_overdue=plan.next_review is not None and plan.next_review < as_of and plan.status != "closed",
        workers_covered=covered,
        workers_reached=reached,
        overdue_instalments=late,
        instalments_overdue_on=late_on,
        past_deadline=past_deadline(plan, deadlines or default_deadlines(), as_of),
        for_workers=for_workers(plan),
    )


def percent(part: float, whole: float) -> str:
    """A share as a reader may repeat it: to one decimal, the decimal dropped when it is 0
    ("16.7 %", "40 %"); never rounded up to 100 % nor down to 0 % when it is neither
    ("over 99.9 %", "under 0.1 %"). "" when there is no whole to be a share of."""
    if whole <= 0:
        return ""
    share = min(part / whole, 1e6) * 100  # bounded: no overflow at 1e308
    if 0 < share < 0.05:
        return "under 0.1 %"
    if 99.95 <= share < 100:
        return "over 99.9 %"
    text = f"{share:,.1f}"
    return (text[:-2] if text.endswith(".0") else text) + " %"
