"""What templates receive: documented, display-ready types, never raw dicts.

`report.html.j2` and `report.md.j2` get one `report` (a PlanReport); `index.html.j2` and
`index.md.j2` get one `index` (a SiteIndex, sip/output/render/index_context.py). Every decision
about the audience has already been made here: for the public, the fields that must not leave
the company are None and every text has personal data masked, so a template cannot leak what it
never receives.
Vocabulary values come as a Label (the value for CSS classes, the words for people).
docs/reports.md documents every field (a test holds it to this module).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # documented in docs/frameworks-pages.md, with the dossier's
    from sip.output.render.framework_views import CrosswalkView

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
        return self.text[len(short) + 2 : -1] if len(self.text) > len(short) else ""


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
    withheld: bool = False  # a confidential item left out of a public report: shown as such


@dataclass(frozen=True, slots=True)
class SiteView:
    name: str
    country_code: str
    country_name: str
    supplier_id: str | None
    tier: int | None
    workers: int | None
    migrant_workers: int | None
    facilities: int | None  # how many facilities the plan covers (shown when over 1)
    languages: list[Label]  # the languages the site's workers read (format 1.2): code and name
    housing_provided: bool | None = None  # the site provides or arranges housing (format 1.3)


@dataclass(frozen=True, slots=True)
class Owner:
    role: str
    name: str | None  # None for the public
    email: str | None  # None for the public


@dataclass(frozen=True, slots=True)
class MoneyLine:
    currency: str
    committed: float
    paid: float  # on record: `amount.paid`, or a schedule's paid instalments
    unreported: float  # committed by remedies that record no payment at all
    share: str  # paid of committed, rounded honestly ("16.7 %"); "" when no payment is on record
    # committed / workers covered, over the money remedies in this currency that name both (an
    # action's own figure on an action); None when none does
    per_worker: float | None = None
    payer: Label | None = None  # on a line by payer: who pays (None: the plan does not say)

    @property
    def reported(self) -> bool:
        """Some payment (0 included) is on record."""
        return self.unreported < self.committed or self.committed == 0


@dataclass(frozen=True, slots=True)
class TypeCoverageView:
    """The money remedies of one type and the workers they cover (sip/output/coverage.py)."""

    remedy: Label
    responses: list[Ref]
    covered: int | None  # their workers_covered added up; None when none records it
    former: int | None  # their former_workers added up
    reached: int | None  # their workers_reached added up
    covered_unrecorded: list[Ref]  # those that do not record workers_covered
    reached_unrecorded: list[Ref]  # started ones that do not record workers_reached


@dataclass(frozen=True, slots=True)
class CoverageView:
    """Which affected workers the money remedies cover (format 1.2): what the best-covering type
    of money remedy covers, against the workers affected."""

    affected: int | None  # None: not recorded
    former_affected: int | None
    covered: int | None  # None: no money remedy records how many workers it covers
    complete: bool  # covered is a count; False: a floor (a remedy of its type does not record it)
    share: str  # covered of affected, rounded honestly; "" when either is unknown
    former_covered: int | None
    reached: int | None
    reached_share: str  # reached of affected (of covered when affected is unknown), or ""
    covered_unrecorded: list[Ref]  # remedies of the best-covering type that do not record workers_covered
    reached_unrecorded: list[Ref]  # started remedies that do not record workers_reached
    types: list[TypeCoverageView]


@dataclass(frozen=True, slots=True)
class LateView:
    """A response past its deadline (format 1.1's deadlines, as SIP506 reads them): open and
    planned after it, or finished after it."""

    action: Ref
    due: dt.date  # open: its due date, or its first instalment's; finished: its completed date
    deadline: dt.date
    days: int  # this many days after the deadline
    kind: str  # protection, corrective or remedy: the deadline's kind
    finished: bool  # done or verified (completed after the deadline)


@dataclass(frozen=True, slots=True)
class ForWorkers:
    """Protection and remedy responses (cancelled ones left out) by where they stand."""

    protection: int
    remedy: int
    open: int
    done: int  # done, not verified
    verified_with_workers: int  # verified, with workers interviewed on record (over 0)
    verified_without_workers: int


@dataclass(frozen=True, slots=True)
class AtAGlance:
    """Progress at a glance (from sip.output.figures, as of the report's date)."""

    findings_by_severity: list[Count]  # every severity, in the format's order
    # every determination the plan's findings have, written or derived, in the format's order;
    # "none" for findings not about forced labour
    findings_by_determination: list[Count]
    forced_labour_findings: int
    # at least this many workers are affected: the most that any one finding names (findings
    # often concern the same workers, so a sum would count them twice); None: none records it
    workers_affected: int | None
    actions_by_status: list[Count]  # responses and improvements together, every status
    actions: int
    open_actions: int
    overdue: list[Ref]  # open actions past their due date
    due_soon: list[Ref]  # open actions due within the next 30 days
    money: list[MoneyLine]  # remedy money by currency, cancelled remedies left out
    money_by_payer: list[MoneyLine]  # the same by currency and payer
    coverage: CoverageView | None  # the plan's money remedies against the workers affected; None: none
    for_workers: ForWorkers
    overdue_instalments: list[Ref]  # remedies with an instalment past due and unpaid (one each)
    past_deadline: list[LateView]  # responses past their deadline (open ones not already overdue)
    review_overdue: bool


@dataclass(frozen=True, slots=True)
class SourceView:
    id: str
    anchor: str  # the fragment it is linked by (for the public, `redacted-N` when its id is masked)
    kind: Label
    reference: str | None  # None for the public
    date: dt.date


@dataclass(frozen=True, slots=True)
class VerificationView:
    method: str
    date: dt.date
    evidence: str | None  # None for the public
    by: Ref | None  # the party or service provider who verified
    independent: bool | None
    workers_interviewed: int | None
    announced: bool | None = None  # whether the site knew beforehand (format 1.3); None: not said


@dataclass(frozen=True, slots=True)
class Instalment:
    """One instalment of a money remedy's schedule."""

    due: dt.date
    amount: float
    currency: str
    paid: dt.date | None  # None: not paid yet
    overdue: bool  # past due and not paid, as of the report's date
    days_overdue: int


@dataclass(frozen=True, slots=True)
class Effectiveness:
    date: dt.date
    result: Label
    evidence: str | None  # None for the public


@dataclass(frozen=True, slots=True)
class ActionView:
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
    verification: VerificationView | None
    voluntary: bool | None  # repatriation only
    workers_covered: int | None
    amount: MoneyLine | None
    basis: Label | None
    measure: str | None  # improvements only
    money_remedy: bool  # reimbursement, back-pay or compensation
    former_workers: int | None  # of the workers covered, those who have left the site
    current_workers: int | None  # workers_covered less former_workers, when both are given
    workers_reached: int | None
    reached_share: str  # workers_reached of workers_covered, rounded honestly; "" when unknown
    # money remedies: the most workers, and former workers, any finding it addresses records
    affected: int | None
    former_affected: int | None
    covered_share: str  # workers_covered of affected, rounded honestly; "" when either is unknown
    per_worker: float | None  # amount committed / workers covered
    fees: list[FeesView]  # reimbursements: the documented fees of the findings it addresses
    payer: Label | None
    cost_items: list[Label]
    extent: Label | None
    unclaimed: UnclaimedView | None
    past_deadline: LateView | None  # planned, or finished, past its deadline
    schedule: list[Instalment]
    overdue_instalments: int
    escalation: Label | None  # corrective responses only
    parties: list[Ref]
    effectiveness: Effectiveness | None  # improvements only
    indicators: list[Label] = field(default_factory=list)  # ILO indicators a response remedies (1.3)


@dataclass(frozen=True, slots=True)
class FeesView:
    """What each affected worker paid, per worker, as documented (format 1.2)."""

    finding: Ref  # the finding that records them
    low: float
    high: float | None
    currency: str


@dataclass(frozen=True, slots=True)
class UnclaimedView:
    """What happens to money owed to workers a remedy has not reached: text (format 1.1), or who
    holds it, until when workers can claim it and what happens after (the mapping, 1.2)."""

    text: str | None  # the text form
    held_by: Ref | None  # the mapping form: these three
    claim_until: dt.date | None
    then: str | None


@dataclass(frozen=True, slots=True)
class OtherFinding:
    """A finding of another plan: one a finding repeats, or that repeats it (format 1.2)."""

    plan_id: str
    finding_id: str
    page: str | None  # its plan's page on the same site; None: not on the site
    anchor: str  # the finding's anchor on that page ("" when it is not shown there)
    date: dt.date | None  # when the other plan closed (came back after), or the finding was identified


@dataclass(frozen=True, slots=True)
class RootCauseView:
    """A root cause with its chain: the risks that list it and the improvements that address
    it or those risks. A report shows it once and refers to it from each finding."""

    id: str
    anchor: str
    category: Label
    cause: str
    method: Label | None
    findings: list[Ref]
    risks: list[RiskView]
    improvements: list[ActionView]


@dataclass(frozen=True, slots=True)
class RiskView:
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
class NeedsAssessment:
    date: dt.date
    by: Ref | None
    summary: str | None  # None for the public


@dataclass(frozen=True, slots=True)
class FindingView:
    id: str
    anchor: str
    title: str
    description: str | None
    severity: Label
    determination: Label | None  # given or derived; None: not about forced labour at all
    determination_given: bool  # written in the plan (else derived from severity and indicators)
    forced_labour: bool  # determination substantiated or suspected (format 1.1)
    # the label a finding wears, by its determination: "Forced labour" only when substantiated
    badge: Label | None
    disputed: str | None  # the site's objection, shown beside the finding (public since 1.2)
    not_covered: str | None  # why some affected workers get no money remedy (format 1.2)
    repeats: Ref | None  # the finding of this plan it repeats
    repeats_plan: OtherFinding | None  # the finding of another plan it repeats (PLAN-ID/F-n)
    came_back_after: list[OtherFinding]  # internal site: closed plans at the site it came back after (SIP205)
    found_again: list[OtherFinding]  # on a site: later findings that repeat this one
    indicators: list[Label]  # in the ILO's own wording
    worker_groups: list[Label]
    workers_affected: int | None
    former_workers: int | None  # of those affected, workers who have left the site (format 1.2)
    fees: FeesView | None  # what each affected worker paid, as documented (format 1.2)
    coverage: CoverageView | None  # its money remedies against its workers; None: no money remedy
    sources: list[SourceView]  # the sources it came from that the report shows
    sources_withheld: int  # for the public: how many of its sources are confidential
    identified: dt.date
    evidence: str | None  # None for the public
    needs_assessment: NeedsAssessment | None
    responses: list[ActionView]  # every response that addresses it, cancelled ones included
    root_causes: list[Ref]  # the root causes that explain it, each shown once in root_causes


@dataclass(frozen=True, slots=True)
class RemedyGroup:
    remedy: Label
    restorative: bool  # rehabilitation, voluntary repatriation or reintegration
    responses: list[ActionView]


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
class GrievanceChannelView:
    """A channel through which workers can raise a problem (format 1.2); public."""

    id: str
    anchor: str
    name: str
    operated_by: Label
    anonymous: bool
    languages: list[Label]  # ISO 639-1 code and the language's English name
    since: dt.date | None
    open: bool  # since is absent or on or before the report's date
    missing_languages: list[Label]  # the site's languages it is not offered in
    publishes_hotline: bool | None = None  # gives the Global Human Trafficking Hotline (1.3)
    procedure_public: bool | None = None  # written, public rules of procedure (1.3)
    reviewed: dt.date | None = None  # when its effectiveness was last reviewed (1.3)


@dataclass(frozen=True, slots=True)
class SubmissionView:
    """The plan, or a part of it, posted for the workers or sent to someone (format 1.3)."""

    kind: Label
    date: dt.date
    to: str
    reference: str | None  # None for the public


@dataclass(frozen=True, slots=True)
class Party:
    """An organisation involved that is not a victim service provider."""

    id: str
    anchor: str
    name: str | None  # None for the public when a law firm, labour agent or recruitment agency
    kind: Label
    role: str


@dataclass(frozen=True, slots=True)
class Engagement:
    """How the affected workers or their representatives took part in the plan."""

    date: dt.date
    with_whom: Label
    method: str
    summary: str | None  # None for the public


@dataclass(frozen=True, slots=True)
class RiskCell:
    likelihood: Label
    impact: Label
    rating: Label
    risks: list[RiskView]


@dataclass(frozen=True, slots=True)
class RiskGroup:
    source_kind: Label
    risks: list[RiskView]


@dataclass(frozen=True, slots=True)
class RiskMap:
    rows: list[list[RiskCell]]  # likelihood high to low; in each row impact low to high
    levels: list[Label]  # low, medium, high
    by_source: list[RiskGroup]  # the three source kinds, in the format's order, even when empty
    count: int


@dataclass(frozen=True, slots=True)
class ReviewView:
    date: dt.date
    by: str | None  # None for the public
    summary: str


@dataclass(frozen=True, slots=True)
class WaiverView:
    rule: str
    ids: list[Ref]  # empty: the whole plan
    reason: str
    until: dt.date | None
    lapsed: bool


@dataclass(frozen=True, slots=True)
class ProblemRow:
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
    problems: list[ProblemRow]  # sorted by line, column, code
    errors: int
    warnings: int
    waived: int
    forced: bool  # rendered with --force despite errors


@dataclass(frozen=True, slots=True)
class Section:
    """A part of the report: its anchor, its heading, and its name in the table of contents."""

    id: str
    title: str
    short: str


@dataclass(frozen=True, slots=True)
class Sections:
    """Every section of a plan report by name (sip/output/render/words.py), so that both templates
    take their headings and anchors from one place."""

    summary: Section
    glance: Section
    findings: Section
    root_causes: Section
    victims: Section
    engagement: Section
    corrective: Section
    risks: Section
    improvements: Section
    timeline: Section
    reviews: Section
    maintainers: Section
    waivers: Section
    validation: Section


@dataclass(frozen=True, slots=True)
class Words:
    """What a report says when a part is empty, and other sentences both formats print."""

    no_response: str
    no_root_cause_for_finding: str
    no_risk_for_cause: str
    no_improvement_for_cause: str
    no_root_cause: str
    no_protection: str
    no_remedy: str
    no_provider: str
    no_party: str
    no_engagement: str
    no_corrective: str
    no_risk: str
    none_mapped: str
    no_improvement: str
    no_actions: str
    no_review: str
    no_waiver: str
    no_money: str
    nothing_overdue: str
    due_soon: str
    not_given: str
    no_effectiveness: str
    not_verified_independently: str
    confidential_item: str
    maintainers_note: str
    subtitle: str
    sources_caption: str
    derived: str
    derived_short: str  # in a table cell
    not_forced_labour: str
    came_back: str
    no_assessment: str
    voluntary_offered: str
    voluntary_asked: str
    not_voluntary: str
    not_in_plan: str
    name_not_published: str
    whole_plan: str
    no_problems: str
    verifier_not_named: str
    disputed: str  # the heading of the site's response, beside the finding
    no_money_remedy: str
    coverage_not_recorded: str
    payment_not_reported: str
    not_reported: str
    languages_not_recorded: str
    found_again: str


@dataclass(frozen=True, slots=True)
class Withheld:
    """For the public: per section, how many confidential items are not shown (a sentence such
    as "1 confidential finding is not shown"), or None when nothing was withheld there."""

    sources: str | None
    findings: str | None
    responses: str | None
    root_causes: str | None
    risks: str | None
    improvements: str | None
    service_providers: str | None
    parties: str | None
    worker_engagement: str | None
    grievance_channels: str | None


@dataclass(frozen=True, slots=True)
class PlanReport:
    """The context of report.html.j2 and report.md.j2, as `report`."""

    as_of: dt.date
    audience: str  # "internal" or "public"
    public: bool
    source_file: str | None  # the plan file as it was named; None for the public
    index_link: str | None  # a relative link to the index page, when the page is part of a site
    sections: Sections
    contents: list[Section]  # the table of contents: the sections this audience sees, in order
    maintenance: list[Section]  # the sections for the plan's maintainers (none for the public)
    words: Words
    summary: list[str]  # the one-minute summary: sentences built from the plan's figures
    left_out: str | None  # for the public: one line saying what kinds of things were left out
    withheld: Withheld
    plan_id: str
    title: str
    status: Label
    company: str
    involvement: Label | None
    site: SiteView
    owner: Owner
    opened: dt.date
    next_review: dt.date | None
    closed: dt.date | None
    glance: AtAGlance
    sources: list[SourceView]
    findings: list[FindingView]
    root_causes: list[RootCauseView]
    protection: list[ActionView]  # responses of kind protection
    remedies: list[RemedyGroup]  # the types of remedy the plan has, in the format's order
    remedies_not_planned: list[Label]  # restorative remedies the plan has none of
    remedy_gap: bool  # a forced-labour finding, and no remedy at all (cancelled ones aside)
    corrective: list[ActionView]  # responses of kind corrective
    providers: list[Provider]
    parties: list[Party]
    grievance_channels: list[GrievanceChannelView]
    engagement: list[Engagement]
    risk_map: RiskMap
    improvements: list[ActionView]
    timeline: list[ActionView]  # every response and improvement, by due date
    reviews: list[ReviewView]
    waivers: list[WaiverView]  # empty for the public
    validation: Validation
    # format 1.3: the frameworks the plan names; what it was posted as or sent as; and, with
    # `sip render --framework`, the plan read against each framework named (framework_views.py)
    frameworks: list[Label] = field(default_factory=list)
    submissions: list[SubmissionView] = field(default_factory=list)
    crosswalks: list[CrosswalkView] = field(default_factory=list)
