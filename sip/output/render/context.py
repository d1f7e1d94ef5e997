"""What templates receive: documented, display-ready types, never raw dicts.

`report.html.j2` and `report.md.j2` get one `report` (a PlanReport); `index.html.j2` and
`index.md.j2` get one `index` (a SiteIndex). Every decision about the audience has already
been made here: for the public, the fields that must not leave the company are None and
every text has personal data masked, so a template cannot leak what it never receives.
Vocabulary values come as a Label (the value for CSS classes, the words for people).
docs/reports.md documents every field (a test holds it to this module).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

INTERNAL = "internal"
PUBLIC = "public"
AUDIENCES = (INTERNAL, PUBLIC)


@dataclass(frozen=True, slots=True)
class Label:
    value: str  # the plan's word: "critical", "in-progress"
    text: str  # the words people read: "Critical (zero tolerance)", "In progress"

    @property
    def short(self) -> str:
        """The words without their explanation in brackets: "Critical"."""
        return self.text.split(" (", 1)[0]

    @property
    def note(self) -> str:
        """The explanation in brackets, or "": "zero tolerance"."""
        short = self.short
        return self.text[len(short) + 2:-1] if len(self.text) > len(short) else ""


@dataclass(frozen=True, slots=True)
class Count:
    label: Label
    count: int


@dataclass(frozen=True, slots=True)
class Ref:
    """A reference from one item to another, as a link inside the page."""

    id: str
    anchor: str  # the fragment to link to (without '#')
    known: bool  # False when the id names no item of the plan


@dataclass(frozen=True, slots=True)
class Site:
    name: str
    country_code: str
    country_name: str
    supplier_id: str | None
    tier: int | None
    workers: int | None
    migrant_workers: int | None


@dataclass(frozen=True, slots=True)
class Owner:
    role: str
    name: str | None  # None for the public
    email: str | None  # None for the public


@dataclass(frozen=True, slots=True)
class MoneyLine:
    currency: str
    committed: float
    paid: float
    paid_percent: int  # paid as a whole percentage of committed (0 when nothing is committed)


@dataclass(frozen=True, slots=True)
class Glance:
    """Progress at a glance (from sip.output.figures, as of the report's date)."""

    findings_by_severity: list[Count]  # every severity, in the format's order
    forced_labour_findings: int
    # at least this many workers are affected: the most that any one finding names (findings
    # often concern the same workers, so a sum would count them twice)
    workers_affected: int
    actions_by_status: list[Count]  # responses and improvements together, every status
    actions: int
    open_actions: int
    overdue: list[Ref]  # open actions past their due date
    due_soon: list[Ref]  # open actions due within the next 30 days
    money: list[MoneyLine]  # remedy money by currency, cancelled remedies left out
    review_overdue: bool


@dataclass(frozen=True, slots=True)
class Source:
    id: str
    kind: Label
    reference: str
    date: dt.date


@dataclass(frozen=True, slots=True)
class Verification:
    method: str
    date: dt.date
    evidence: str | None  # None for the public


@dataclass(frozen=True, slots=True)
class Action:
    """A response (corrective) or an improvement (preventive): an owned, dated, tracked action."""

    id: str
    anchor: str
    type: str  # "response" or "improvement"
    kind: Label  # a response's kind; for an improvement, its management-system element
    remedy: Label | None  # remedies only
    action: str
    owner: str  # a role
    due: dt.date
    status: Label
    completed: dt.date | None
    open: bool
    overdue: bool
    days_overdue: int  # 0 unless overdue
    addresses: list[Ref]  # findings (responses); root causes and risks (improvements)
    providers: list[Ref]
    contingency: str | None
    verification: Verification | None
    voluntary: bool | None  # repatriation only
    workers_covered: int | None
    amount: MoneyLine | None
    basis: Label | None
    measure: str | None  # improvements only


@dataclass(frozen=True, slots=True)
class RootCause:
    id: str
    anchor: str
    category: Label
    cause: str
    method: Label | None
    findings: list[Ref]


@dataclass(frozen=True, slots=True)
class Risk:
    id: str
    anchor: str
    risk: str
    source_kind: Label
    source_name: str
    likelihood: Label
    impact: Label
    rating: Label  # likelihood x impact: low, medium or high
    root_causes: list[Ref]


@dataclass(frozen=True, slots=True)
class CauseChain:
    """One root cause of a finding, the risks it leads to, and the improvements that address it
    or those risks."""

    cause: RootCause
    risks: list[Risk]
    improvements: list[Action]


@dataclass(frozen=True, slots=True)
class Finding:
    id: str
    anchor: str
    title: str
    description: str | None
    severity: Label
    forced_labour: bool  # an ILO indicator, or critical
    indicators: list[Label]  # in the ILO's own wording
    worker_groups: list[Label]
    workers_affected: int | None
    source: Source | None
    identified: dt.date
    evidence: str | None  # None for the public
    responses: list[Action]  # every response that addresses it, cancelled ones included
    causes: list[CauseChain]


@dataclass(frozen=True, slots=True)
class RemedyGroup:
    remedy: Label
    restorative: bool  # rehabilitation, voluntary repatriation or reintegration
    responses: list[Action]


@dataclass(frozen=True, slots=True)
class Provider:
    id: str
    anchor: str
    name: str
    kind: Label
    role: str
    consulted: dt.date | None  # None: planned, not yet consulted
    consulted_by_as_of: bool


@dataclass(frozen=True, slots=True)
class RiskCell:
    likelihood: Label
    impact: Label
    rating: Label
    risks: list[Risk]


@dataclass(frozen=True, slots=True)
class RiskGroup:
    source_kind: Label
    risks: list[Risk]


@dataclass(frozen=True, slots=True)
class RiskMap:
    rows: list[list[RiskCell]]  # likelihood high to low; in each row impact low to high
    levels: list[Label]  # low, medium, high
    by_source: list[RiskGroup]  # the three source kinds, in the format's order, even when empty
    count: int


@dataclass(frozen=True, slots=True)
class Review:
    date: dt.date
    by: str | None  # None for the public
    summary: str


@dataclass(frozen=True, slots=True)
class Waiver:
    rule: str
    ids: list[Ref]  # empty: the whole plan
    reason: str
    until: dt.date | None
    lapsed: bool


@dataclass(frozen=True, slots=True)
class Problem:
    """One diagnostic of sip validate about this plan."""

    line: int
    column: int
    code: str
    severity: str  # "error", "warning" or "waived"
    message: str
    path: str
    reason: str | None  # the waiver's reason, when waived


@dataclass(frozen=True, slots=True)
class Validation:
    problems: list[Problem]  # sorted by line, column, code
    errors: int
    warnings: int
    waived: int
    forced: bool  # rendered with --force despite errors


@dataclass(frozen=True, slots=True)
class PlanReport:
    """The context of report.html.j2 and report.md.j2, as `report`."""

    as_of: dt.date
    audience: str  # "internal" or "public"
    public: bool
    source_file: str  # the plan file as it was named
    index_link: str | None  # a relative link to the index page, when the page is part of a site
    plan_id: str
    title: str
    status: Label
    company: str
    involvement: Label | None
    site: Site
    owner: Owner
    opened: dt.date
    next_review: dt.date | None
    closed: dt.date | None
    glance: Glance
    sources: list[Source]
    findings: list[Finding]
    root_causes: list[RootCause]
    protection: list[Action]  # responses of kind protection
    remedies: list[RemedyGroup]  # every type of remedy, in the format's order, even when empty
    corrective: list[Action]  # responses of kind corrective
    providers: list[Provider]
    risk_map: RiskMap
    improvements: list[Action]
    timeline: list[Action]  # every response and improvement, by due date
    reviews: list[Review]
    waivers: list[Waiver]
    validation: Validation


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
    open_actions: int
    overdue: int
    next_review: dt.date | None
    review_overdue: bool
    errors: int
    warnings: int


@dataclass(frozen=True, slots=True)
class Unrendered:
    """A plan file that could not be rendered: its format errors keep sip from reading it."""

    file: str
    problems: list[Problem]


@dataclass(frozen=True, slots=True)
class SiteIndex:
    """The context of index.html.j2 and index.md.j2, as `index`."""

    as_of: dt.date
    audience: str
    public: bool
    plans: list[PlanRow]  # in the order the files were found
    unrendered: list[Unrendered]
    plans_by_status: list[Count]
    findings_by_severity: list[Count]
    open_actions: int
    overdue: int
