"""A brand's plans as one portfolio (issue 19, item 3): each plan's figures, made where the plan
was read (a worker process), and their totals, by country and by supplier. The site's index and
`sip status --format json` show the same totals.

Every figure is the plan's own (sip/output/figures.py, sip/output/coverage.py), added up; what a
plan does not record is counted apart ("not recorded in 2 plans"), never as 0.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from typing import Any

from sip.check.cache_entry import as_bool, as_int, as_number, as_str
from sip.format.vocab import DETERMINATION
from sip.model import Plan
from sip.output.coverage import of_plan
from sip.output.figures import MoneyTotal, Progress, progress
from sip.rules.sip205_problem_came_back import site_name

NONE = "none"  # the determination of a finding that is not about forced labour
DETERMINATIONS = (*DETERMINATION, NONE)


@dataclass(frozen=True)
class PlanFigures:
    """One plan's share of the portfolio: small and picklable."""

    plan_id: str
    status: str
    country: str
    site: str  # the site's name
    supplier: str  # the key a supplier is grouped by: its id, else its name and country
    determinations: dict[str, int]
    affected: int | None  # the most workers any finding records as affected (None: none does)
    # the most workers affected by a finding that money remedies address: whom they could cover
    # (a finding of held passports is not theirs to repay)
    owed: int | None
    covered: int | None  # what the money remedies cover (their best-covering type)
    covered_complete: bool  # covered is a count, not a floor
    reached: int | None
    money: dict[tuple[str, str], MoneyTotal]  # by currency and payer
    open_actions: int
    overdue: int
    overdue_instalments: int
    past_deadline: int
    verified: bool  # every protection and remedy response is verified with the workers
    closed: bool

    @property
    def forced_labour(self) -> int:
        return self.determinations["substantiated"] + self.determinations["suspected"]

    @property
    def late_items(self) -> int:
        return self.overdue + self.overdue_instalments + self.past_deadline


def figures_as_json(f: PlanFigures) -> dict[str, Any]:
    """The figures as JSON values, for the result cache (sip/check/cache.py): never a pickle."""
    out = {name.name: getattr(f, name.name) for name in fields(f)}
    out["money"] = [[c, payer, m.committed, m.paid, m.unreported] for (c, payer), m in f.money.items()]
    return out


def figures_from_json(value: Any) -> PlanFigures:
    """figures_as_json's figures back, every value checked for its type; TypeError or ValueError
    for anything else (a corrupt cache entry is a miss)."""
    if not isinstance(value, dict) or set(value) != {name.name for name in fields(PlanFigures)}:
        raise ValueError("not a plan's figures")
    checked = dict(value)
    for name in ("plan_id", "status", "country", "site", "supplier"):
        checked[name] = as_str(value[name])
    for name in ("open_actions", "overdue", "overdue_instalments", "past_deadline"):
        checked[name] = as_int(value[name])
    for name in ("affected", "owed", "covered", "reached"):
        checked[name] = None if value[name] is None else as_int(value[name])
    for name in ("covered_complete", "verified", "closed"):
        checked[name] = as_bool(value[name])
    determinations = value["determinations"]
    if not isinstance(determinations, dict) or set(determinations) != set(DETERMINATIONS):
        raise ValueError("not a plan's determinations")
    checked["determinations"] = {name: as_int(count) for name, count in determinations.items()}
    checked["money"] = {
        (as_str(currency), as_str(payer)): MoneyTotal(
            as_number(committed), as_number(paid), as_number(unreported)
        )
        for currency, payer, committed, paid, unreported in value["money"]
    }
    return PlanFigures(**checked)


def figures_of(plan: Plan, p: Progress) -> PlanFigures:
    """A plan's figures as of the progress's date (for the public: of the public copy)."""
    determinations = dict.fromkeys(DETERMINATIONS, 0)
    for finding in plan.findings:
        determinations[finding.determined or NONE] += 1
    c = of_plan(plan)
    site = plan.site
    w = p.for_workers
    return PlanFigures(
        plan_id=plan.id,
        status=plan.status,
        country=site.country,
        site=site.name,
        supplier=site.supplier_id or f"{site_name(site.name)} ({site.country})",
        determinations=determinations,
        affected=max(
            (f.workers_affected for f in plan.findings if f.workers_affected is not None), default=None
        ),
        # no money remedy covers no one (a fact); money remedies that record no count: unknown
        owed=c.affected if c.types else 0,
        covered=c.covered if c.types else 0,
        covered_complete=c.complete or not c.types,
        reached=c.reached if c.types else 0,
        money=dict(p.money_by_payer),
        open_actions=p.open_actions,
        overdue=len(p.overdue),
        overdue_instalments=p.overdue_instalments,
        past_deadline=len(p.planned_late),
        verified=w.total > 0 and w.verified_with_workers == w.total,
        closed=plan.status == "closed",
    )


def plan_figures(
    plan: Plan, as_of: dt.date, deadlines: dict[str, dict[str, int]] | None = None
) -> PlanFigures:
    return figures_of(plan, progress(plan, as_of, deadlines))


@dataclass
class Known:
    """A count added up over plans, and how many plans did not record it."""

    total: int = 0
    unrecorded: int = 0

    def add(self, value: int | None) -> None:
        if value is None:
            self.unrecorded += 1
        else:
            self.total += value


@dataclass
class Totals:
    """Figures added up over plans: the whole portfolio, or one country's or supplier's plans."""

    key: str = ""
    label: str = ""
    plans: int = 0
    closed: int = 0
    verified: int = 0
    determinations: dict[str, int] = field(default_factory=lambda: dict.fromkeys(DETERMINATIONS, 0))
    affected: Known = field(default_factory=Known)
    owed: Known = field(default_factory=Known)
    covered: Known = field(default_factory=Known)
    reached: Known = field(default_factory=Known)
    money: dict[tuple[str, str], MoneyTotal] = field(default_factory=dict)
    open_actions: int = 0
    overdue: int = 0
    overdue_instalments: int = 0
    past_deadline: int = 0

    @property
    def forced_labour(self) -> int:
        return self.determinations["substantiated"] + self.determinations["suspected"]

    @property
    def late_items(self) -> int:
        return self.overdue + self.overdue_instalments + self.past_deadline

    def add(self, f: PlanFigures) -> None:
        self.plans += 1
        self.closed += f.closed
        self.verified += f.verified
        for determination, count in f.determinations.items():
            self.determinations[determination] += count
        self.affected.add(f.affected)
        self.owed.add(f.owed)
        self.covered.add(f.covered)
        self.reached.add(f.reached)
        for key, money in f.money.items():
            self.money[key] = self.money.get(key, MoneyTotal()) + money
        self.open_actions += f.open_actions
        self.overdue += f.overdue
        self.overdue_instalments += f.overdue_instalments
        self.past_deadline += f.past_deadline

    def money_by_currency(self) -> dict[str, MoneyTotal]:
        out: dict[str, MoneyTotal] = {}
        for (currency, _), money in sorted(self.money.items()):
            out[currency] = out.get(currency, MoneyTotal()) + money
        return out


@dataclass
class Portfolio:
    totals: Totals
    by_country: list[Totals]  # by country code, in code order
    by_supplier: list[Totals]  # by supplier, most late items first, then most plans, then name


def portfolio(figures: Iterable[PlanFigures], country_names: dict[str, str] | None = None) -> Portfolio:
    totals = Totals(label="All plans")
    countries: dict[str, Totals] = {}
    suppliers: dict[str, Totals] = {}
    for f in figures:
        totals.add(f)
        country = countries.setdefault(
            f.country, Totals(f.country, (country_names or {}).get(f.country, f.country))
        )
        country.add(f)
        supplier = suppliers.setdefault(f.supplier, Totals(f.supplier, f.site))
        supplier.add(f)
    by_supplier = sorted(
        suppliers.values(), key=lambda t: (-t.late_items, -t.plans, t.label.casefold(), t.key)
    )
    return Portfolio(totals, [countries[k] for k in sorted(countries)], by_supplier)


def as_dict(t: Totals) -> dict[str, object]:
    """The totals as `sip status --format json` writes them."""
    return {
        "plans": t.plans,
        "closed": t.closed,
        "verified_with_workers": t.verified,
        "findings_by_determination": t.determinations,
        "forced_labour_findings": t.forced_labour,
        "workers": {
            "affected": t.affected.total,
            "affected_not_recorded_in": t.affected.unrecorded,
            "affected_by_findings_money_remedies_address": t.owed.total,
            "covered": t.covered.total,
            "covered_not_recorded_in": t.covered.unrecorded,
            "reached": t.reached.total,
            "reached_not_recorded_in": t.reached.unrecorded,
        },
        "money": [
            {
                "currency": currency,
                "payer": payer or None,
                "committed": m.committed,
                "paid": m.paid,
                "payment_not_reported": m.unreported,
            }
            for (currency, payer), m in sorted(t.money.items())
        ],
        "late": {
            "overdue_actions": t.overdue,
            "overdue_instalments": t.overdue_instalments,
            "planned_past_deadline": t.past_deadline,
            "total": t.late_items,
        },
        "open_actions": t.open_actions,
    }
