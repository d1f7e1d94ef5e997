"""What the index of a site receives (`index.html.j2`, `index.md.j2`, as `index`): its plans, the
portfolio's totals (issue 19, item 3) and, when the plans are in a git repository, the portfolio
month by month. Documented, display-ready types, as for a plan's report (context.py);
docs/reports.md documents every field (a test holds it to this module).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sip.output.render.context import Count, Label, MoneyLine, ProblemRow, Words


@dataclass(frozen=True, slots=True)
class PlanRow:
    """One plan in the index."""

    plan_id: str
    title: str
    link: str  # relative link to its page
    site_name: str
    country_code: str
    country_name: str
    status: Label
    findings_by_severity: list[Count]
    forced_labour: int  # forced-labour findings
    open_actions: int
    overdue: int
    late_items: int  # overdue actions, overdue instalments, open responses planned past their deadline
    next_review: dt.date | None
    review_overdue: bool
    errors: int
    warnings: int


@dataclass(frozen=True, slots=True)
class Unrendered:
    """A plan file that could not be rendered: its format errors keep sip from reading it."""

    file: str
    problems: list[ProblemRow]  # empty for the public: a message may quote any field
    errors: int


@dataclass(frozen=True, slots=True)
class Tally:
    """A count added up over plans, and how many plans do not record it (never counted as 0)."""

    total: int
    unrecorded: int  # plans that do not record it


@dataclass(frozen=True, slots=True)
class GroupRow:
    """The plans of one country, or of one supplier (its id, else its site's name and country)."""

    key: str  # the country code, or the supplier's key
    label: str  # the country's name, or the site's name
    plans: int
    forced_labour: int  # forced-labour findings
    affected: Tally
    owed: Tally  # affected by the findings money remedies address
    covered: Tally
    reached: Tally
    open_actions: int
    late_items: int


@dataclass(frozen=True, slots=True)
class PortfolioView:
    """The totals across the plans of the site (sip/output/portfolio.py; `sip status --format
    json` writes the same)."""

    plans: int
    closed: int
    verified: int  # plans whose every protection and remedy response is verified with the workers
    findings_by_determination: list[Count]  # every determination, and "none"
    forced_labour: int
    affected: Tally  # each plan's most workers affected by any finding, added up
    owed: Tally  # the same, of the findings money remedies address: whom they could cover
    covered: Tally  # what each plan's money remedies cover, added up
    reached: Tally
    money: list[MoneyLine]  # by currency
    money_by_payer: list[MoneyLine]  # by currency and payer
    open_actions: int
    overdue: int  # open actions past due
    overdue_instalments: int
    past_deadline: int  # open responses planned past their deadline
    late_items: int  # the three above
    by_country: list[GroupRow]
    by_supplier: list[GroupRow]


@dataclass(frozen=True, slots=True)
class Series:
    """One line of a chart: its name, its class (its colour in report.css) and a value a month."""

    label: str
    css: str
    values: list[float]


@dataclass(frozen=True, slots=True)
class MonthChart:
    """A chart of the portfolio month by month: SVG in HTML, a table in Markdown."""

    id: str
    title: str
    unit: str  # what the values count: "actions", "workers", a currency code
    months: list[str]  # "2026-03", oldest first
    series: list[Series]


@dataclass(frozen=True, slots=True)
class HistoryView:
    """The portfolio month by month, read from the plans' git history."""

    since: dt.date | None  # --since, when given
    months: list[str]  # "2026-03", oldest first; the last is the report's month, as of its date
    plans: list[int]  # plans the repository held each month
    charts: list[MonthChart]
    # the months whose figures leave out files that were no plan sip could read then, in a
    # sentence, or None: a chart must not show a dip that is only a broken commit unexplained
    unread: str | None


@dataclass(frozen=True, slots=True)
class SiteIndex:
    """The context of index.html.j2 and index.md.j2, as `index`."""

    as_of: dt.date
    audience: str
    public: bool
    left_out: str | None  # for the public: one line saying what kinds of things were left out
    words: Words  # the sentences reports share (sip/output/render/words.py)
    plans: list[PlanRow]  # in the order the files were found
    unrendered: list[Unrendered]
    plans_by_status: list[Count]
    findings_by_severity: list[Count]
    open_actions: int
    overdue: int
    portfolio: PortfolioView
    history: HistoryView | None  # None: not in a git repository, --no-history, or no earlier month
    history_note: str | None  # why there is no history, in a sentence; None when there is one
