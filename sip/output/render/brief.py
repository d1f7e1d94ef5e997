"""The one-minute summary at the top of a plan report: what was found, what was done for the
workers, what is late, what it costs, and what happens next.

Built only from the plan's own figures (counts, dates, ids, amounts), the site's name and the
format's words: no other text of the plan is quoted and nothing is invented. For the public it
counts only what the public report shows (its context never holds confidential items).
"""

from __future__ import annotations

import datetime as dt

from sip.model import Plan
from sip.output.render import context as c

MOST_IDS = 4  # ids named in one sentence before "and N more"


def _n(value: float) -> str:
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.2f}"
    return f"{int(value):,}"


def _count(count: int, noun: str, plural: str | None = None) -> str:
    return f"{_n(count)} {noun if count == 1 else plural or noun + 's'}"


def _and(parts: list[str]) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def _ids(ids: list[str]) -> str:
    shown = ids[:MOST_IDS]
    if len(ids) > MOST_IDS:
        return ", ".join(shown) + f" and {len(ids) - MOST_IDS} more"
    return _and(shown)


def _found(findings: list[c.FindingView], glance: c.AtAGlance, site: c.SiteView) -> str:
    severities = [
        f"{count.count} {count.label.short.lower()}" for count in glance.findings_by_severity if count.count
    ]
    text = f"Found: {_count(len(findings), 'finding')} ({', '.join(severities)}) at {site.name}"
    forced = [f for f in findings if f.forced_labour]
    if forced:
        by_kind: dict[str, int] = {}
        for f in forced:
            if f.determination is not None:
                by_kind[f.determination.short.lower()] = by_kind.get(f.determination.short.lower(), 0) + 1
        kinds = _and([f"{count} {kind}" for kind, count in by_kind.items()])
        if len(findings) == 1:
            which = "it is"
        else:
            which = f"{len(forced)} of them {'is' if len(forced) == 1 else 'are'}"
        text += f"; {which} forced labour ({kinds})"
    else:
        text += "; none is forced labour" if len(findings) > 1 else "; it is not forced labour"
    if glance.workers_affected:
        text += f"; at least {_n(glance.workers_affected)} workers are affected"
    repeats = sum(1 for f in findings if f.repeats is not None)
    if repeats:
        text += f"; {_count(repeats, 'finding')} {'repeats' if repeats == 1 else 'repeat'} an earlier one"
    return text + "."


def _done_for_workers(timeline: list[c.ActionView], glance: c.AtAGlance) -> str:
    for_workers = [
        a
        for a in timeline
        if a.type == "response" and a.kind.value in ("protection", "remedy") and a.status.value != "cancelled"
    ]
    if not for_workers:
        return "For the workers: no protection or remedy is recorded yet."
    done = sum(1 for a in for_workers if not a.open)
    protection = sum(1 for a in for_workers if a.kind.value == "protection")
    remedy = len(for_workers) - protection
    text = (
        f"For the workers: {_count(protection, 'protection response')} and "
        f"{_count(remedy, 'remedy', 'remedies')}, {_n(done)} of them done or verified"
    )
    if glance.money:
        paid = _and(
            [
                f"{line.currency} {_n(line.paid)} of {_n(line.committed)} ({line.paid_percent} %)"
                for line in glance.money
            ]
        )
        text += f"; paid so far {paid}"
    if glance.reach is not None:
        text += (
            f"; money remedies have reached {_n(glance.reach.reached)} of the "
            f"{_n(glance.reach.covered)} workers they cover, counted per remedy "
            f"({glance.reach.percent} %)"
        )
    return text + "."


def _late(
    glance: c.AtAGlance, timeline: list[c.ActionView], next_review: dt.date | None, as_of: dt.date
) -> str:
    parts = []
    days = {a.anchor: a.days_overdue for a in timeline if a.overdue}  # anchors: masked ids may repeat
    if glance.overdue:
        ids = [
            f"{r.id} ({_count(days.get(r.anchor, 0), 'day')})" if not r.withheld else r.id
            for r in glance.overdue
        ]
        parts.append(f"{_count(len(ids), 'action')} past due: {_ids(ids)}")
    if glance.overdue_instalments:
        parts.append(f"unpaid instalments past due on {_ids([r.id for r in glance.overdue_instalments])}")
    if glance.review_overdue and next_review is not None:
        parts.append(f"the review due on {next_review} has not been logged")
    if not parts:
        return f"Late: nothing, as of {as_of}."
    return "Late: " + "; ".join(parts) + "."


def _costs(glance: c.AtAGlance) -> str:
    if not glance.money:
        return "Costs: no remedy money is recorded."
    return (
        "Costs: remedy money committed, "
        + _and([f"{line.currency} {_n(line.committed)}" for line in glance.money])
        + "."
    )


def _next(plan: Plan, timeline: list[c.ActionView]) -> str:
    if plan.closed is not None:
        return f"Next: nothing; the plan closed on {plan.closed}."
    upcoming = [a for a in timeline if a.open and not a.overdue][:MOST_IDS]
    parts = [f"{a.id} due {a.due}" for a in upcoming]
    text = "Next: " + ("; ".join(parts) if parts else "no open action is scheduled")
    if plan.next_review is not None:
        text += f"; the plan's next review on {plan.next_review}"
    return text + "."


def one_minute(
    plan: Plan,
    as_of: dt.date,
    findings: list[c.FindingView],
    glance: c.AtAGlance,
    timeline: list[c.ActionView],
    site: c.SiteView,
) -> list[str]:
    """Five sentences: found, done for the workers, late, costs, next."""
    return [
        _found(findings, glance, site),
        _done_for_workers(timeline, glance),
        _late(glance, timeline, plan.next_review, as_of),
        _costs(glance),
        _next(plan, timeline),
    ]
