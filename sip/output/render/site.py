"""A site's index: a row for each plan, the portfolio's totals (issue 19, item 3), and the
portfolio month by month when its history is known (sip/output/history_figures.py).

A plan's row and figures are made where its plan was checked, from the plan the page shows (for
the public: the public copy, so confidential items count for nothing); the index adds them up.
"""

from __future__ import annotations

import datetime as dt

from sip.diagnostic import ERROR, WARNING, Diagnostic
from sip.format import vocab
from sip.format.countries import COUNTRIES
from sip.format.personal_data import keep
from sip.model import Plan
from sip.output.figures import Progress, progress
from sip.output.portfolio import Known, PlanFigures, Totals, figures_of, portfolio
from sip.output.render import context as c
from sip.output.render import index_context as ic
from sip.output.render.audience import LEFT_OUT, public_plan, shown_file
from sip.output.render.shown import DETERMINATIONS, counts, money_line, vocab_label
from sip.output.render.words import WORDS


def shown_plan(plan: Plan, public: bool, public_identifiers: tuple[str, ...] = ()) -> Plan:
    """The plan as the site shows it: for the public, its public copy."""
    return public_plan(plan, keep(public_identifiers))[0] if public else plan


def plan_row(
    plan: Plan,
    diagnostics: list[Diagnostic],
    *,
    p: Progress,
    figures: PlanFigures,
    public: bool,
    link: str,
    public_identifiers: tuple[str, ...] = (),
) -> ic.PlanRow:
    """`plan` as shown (shown_plan), and its progress and figures."""
    return ic.PlanRow(
        plan_id=shown_file(plan.id, public, public_identifiers),
        title=plan.title,
        link=link,
        site_name=plan.site.name,
        country_code=plan.site.country,
        country_name=COUNTRIES[plan.site.country],
        status=vocab_label(vocab.PLAN_STATUS, plan.status),
        findings_by_severity=counts(vocab.SEVERITY, p.findings_by_severity),
        forced_labour=figures.forced_labour,
        open_actions=p.open_actions,
        overdue=len(p.overdue),
        late_items=p.late_items,
        next_review=plan.next_review,
        review_overdue=p.review_overdue,
        errors=sum(1 for d in diagnostics if d.severity == ERROR),
        warnings=sum(1 for d in diagnostics if d.severity == WARNING),
    )


def row_and_figures(
    plan: Plan,
    diagnostics: list[Diagnostic],
    *,
    as_of: dt.date,
    public: bool,
    public_identifiers: tuple[str, ...] = (),
    deadlines: dict[str, dict[str, int]] | None = None,
) -> tuple[ic.PlanRow, PlanFigures]:
    """A plan's row in the index (its link set once the page has its name) and its figures."""
    shown = shown_plan(plan, public, public_identifiers)
    p = progress(shown, as_of, deadlines)
    figures = figures_of(shown, p)
    row = plan_row(
        shown,
        diagnostics,
        p=p,
        figures=figures,
        public=public,
        link="",
        public_identifiers=public_identifiers,
    )
    return row, figures


def _tally(known: Known) -> ic.Tally:
    return ic.Tally(known.total, known.unrecorded)


def _group(t: Totals) -> ic.GroupRow:
    return ic.GroupRow(
        t.key,
        t.label,
        t.plans,
        t.forced_labour,
        _tally(t.affected),
        _tally(t.owed),
        _tally(t.covered),
        _tally(t.reached),
        t.open_actions,
        t.late_items,
    )


def portfolio_view(figures: list[PlanFigures]) -> ic.PortfolioView:
    whole = portfolio(figures, {code: name for code, name in COUNTRIES.items()})
    t = whole.totals
    return ic.PortfolioView(
        plans=t.plans,
        closed=t.closed,
        verified=t.verified,
        findings_by_determination=counts(DETERMINATIONS, t.determinations),
        forced_labour=t.forced_labour,
        affected=_tally(t.affected),
        owed=_tally(t.owed),
        covered=_tally(t.covered),
        reached=_tally(t.reached),
        money=[money_line(currency, m) for currency, m in t.money_by_currency().items()],
        money_by_payer=[
            money_line(currency, m, None, payer) for (currency, payer), m in sorted(t.money.items())
        ],
        open_actions=t.open_actions,
        overdue=t.overdue,
        overdue_instalments=t.overdue_instalments,
        past_deadline=t.past_deadline,
        late_items=t.late_items,
        by_country=[_group(g) for g in whole.by_country],
        by_supplier=[_group(g) for g in whole.by_supplier],
    )


def site_index(
    rows: list[ic.PlanRow],
    figures: list[PlanFigures],
    unrendered: list[ic.Unrendered],
    *,
    as_of: dt.date,
    public: bool,
    history: ic.HistoryView | None = None,
    history_note: str | None = None,
) -> ic.SiteIndex:
    statuses = {s: sum(1 for r in rows if r.status.value == s) for s in vocab.PLAN_STATUS}
    severities = {
        s: sum(n.count for r in rows for n in r.findings_by_severity if n.label.value == s)
        for s in vocab.SEVERITY
    }
    return ic.SiteIndex(
        as_of=as_of,
        audience=c.PUBLIC if public else c.INTERNAL,
        public=public,
        left_out=LEFT_OUT if public else None,
        words=WORDS,
        plans=rows,
        # a public index does not list files it could not read: a count of errors invites "which?"
        unrendered=[] if public else unrendered,
        plans_by_status=counts(vocab.PLAN_STATUS, statuses),
        findings_by_severity=counts(vocab.SEVERITY, severities),
        open_actions=sum(r.open_actions for r in rows),
        overdue=sum(r.overdue for r in rows),
        portfolio=portfolio_view(figures),
        history=history,
        history_note=history_note,
    )
