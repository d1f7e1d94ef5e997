"""A plan's progress at a glance, as of a date: the figures the reports and `sip status` share."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sip.format.vocab import ACTION_STATUS, MONEY_REMEDIES, SEVERITY
from sip.model import Plan
from sip.model.plan import Action

DUE_SOON_DAYS = 30


@dataclass(frozen=True)
class MoneyTotal:
    committed: float = 0.0
    paid: float = 0.0


@dataclass(frozen=True)
class Progress:
    as_of: dt.date
    findings_by_severity: dict[str, int]
    actions_by_status: dict[str, int]  # responses and improvements together
    open_actions: int
    overdue: list[str]  # ids of open actions past their due date
    due_soon: list[str]  # ids of open actions due within DUE_SOON_DAYS
    money: dict[str, MoneyTotal] = field(default_factory=dict)  # remedy amounts, by currency
    review_overdue: bool = False
    # Money remedies (reimbursement, back pay, compensation; cancelled ones left out): the workers
    # they cover, and how many they have reached (None when none records workers_reached).
    workers_covered: int = 0
    workers_reached: int | None = None
    # Instalments past due with no paid date, on open or done remedies (as SIP504 counts them).
    overdue_instalments: int = 0

    @property
    def actions(self) -> int:
        return sum(self.actions_by_status.values())


def actions(plan: Plan) -> list[Action]:
    return [*plan.responses, *plan.improvements]


def progress(plan: Plan, as_of: dt.date) -> Progress:
    all_actions = actions(plan)
    by_status = {status: 0 for status in ACTION_STATUS}
    for action in all_actions:
        by_status[action.status] += 1
    by_severity = {severity: 0 for severity in SEVERITY}
    for finding in plan.findings:
        by_severity[finding.severity] += 1
    soon = as_of + dt.timedelta(days=DUE_SOON_DAYS)
    money: dict[str, MoneyTotal] = {}
    for response in plan.responses:
        if response.amount is not None and response.status != "cancelled":
            total = money.get(response.amount.currency, MoneyTotal())
            money[response.amount.currency] = MoneyTotal(
                total.committed + response.amount.committed, total.paid + (response.amount.paid or 0)
            )
    covered, reached, late = 0, None, 0
    for response in plan.responses:
        if response.remedy in MONEY_REMEDIES and response.status != "cancelled":
            covered += response.workers_covered or 0
            if response.workers_reached is not None:
                reached = (reached or 0) + response.workers_reached
        if response.kind == "remedy" and response.status in ("planned", "in-progress", "done"):
            late += sum(1 for i in response.schedule or () if i.paid is None and i.due < as_of)
    return Progress(
        as_of=as_of,
        findings_by_severity=by_severity,
        actions_by_status=by_status,
        open_actions=sum(1 for a in all_actions if a.is_open),
        overdue=[a.id for a in all_actions if a.is_overdue(as_of)],
        due_soon=[a.id for a in all_actions if a.is_open and as_of <= a.due <= soon],
        money=money,
        review_overdue=plan.next_review is not None and plan.next_review < as_of and plan.status != "closed",
        workers_covered=covered,
        workers_reached=reached,
        overdue_instalments=late,
    )
