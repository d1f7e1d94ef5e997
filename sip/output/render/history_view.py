"""The portfolio month by month, as the index shows it: each month's plans' figures added up
(sip/output/portfolio.py's, as of the month's last day) and drawn as charts.

What a chart counts: open actions and actions past due (open, due before the month's end); money
paid by currency (what the remedies recorded as paid then; nothing for a remedy that recorded no
payment); workers reached (each plan's money remedies, their best-reaching type).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sip.format.wording import ids, plural
from sip.output.portfolio import PlanFigures
from sip.output.render.index_context import HistoryView, MonthChart, Series


def month_label(day: dt.date) -> str:
    return f"{day.year:04}-{day.month:02}"


def history_view(
    months: Sequence[dt.date],
    figures: Sequence[Sequence[PlanFigures]],
    since: dt.date | None,
    unread: Sequence[int] | None = None,
) -> HistoryView:
    """`figures`: for each month, the figures of the plans it held (the last month's as of the
    report's date); `unread`: for each month, the files left out because they were no plan sip
    could read then."""
    labels = [month_label(day) for day in months]
    open_actions = [float(sum(f.open_actions for f in month)) for month in figures]
    overdue = [float(sum(f.overdue for f in month)) for month in figures]
    reached = [float(sum(f.reached or 0 for f in month)) for month in figures]
    paid: dict[str, list[float]] = {}
    for i, month in enumerate(figures):
        for f in month:
            for (currency, _), money in f.money.items():
                paid.setdefault(currency, [0.0] * len(figures))[i] += money.paid
    charts = [
        MonthChart(
            "chart-actions",
            "Open actions, and those past due",
            "actions",
            labels,
            [Series("Open", "open", open_actions), Series("Past due", "late", overdue)],
        ),
        *(
            MonthChart(
                f"chart-paid-{currency}",
                f"Remedy money paid, {currency}",
                currency,
                labels,
                [Series("Paid", "paid", values)],
            )
            for currency, values in sorted(paid.items())
        ),
        MonthChart(
            "chart-reached",
            "Workers reached by money remedies",
            "workers",
            labels,
            [Series("Reached", "reached", reached)],
        ),
    ]
    plans = [len(month) for month in figures]
    return HistoryView(since, labels, plans, charts, _unread_note(labels, unread or []))


def _unread_note(labels: Sequence[str], unread: Sequence[int]) -> str | None:
    pairs = zip(labels, unread, strict=False)
    months = [f"{plural(count, 'file')} in {label}" for label, count in pairs if count]
    if not months:
        return None
    return (
        f"Left out of those months' figures, as no plan sip could read then (a format error, or "
        f"not a plan): {ids(months)}."
    )
