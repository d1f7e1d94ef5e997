"""The plan format, version 1, as pydantic models: the single source of its schema. The plan and
its lists live here; the actions (responses, improvements, their money and verification) in
sip/model/actions.py; what every model shares (the vocabularies as types, `Strict`, cross-field
errors) in sip/model/base.py.

Cross-field checks raise `sip_cross` errors naming the field they are about (and
whether it is missing, SIP101, or wrong, SIP102), so that every check of the
format's shape runs in one validation and is located at the right node.

Each field declares its facts (sip/model/facts.py) in `Annotated` beside its `Field`. These modules
do not use `from __future__ import annotations`: pydantic would then compile and evaluate every
annotation from its text at import, which with the declarations took a fifth of the import; a
method's annotation naming its own class is written in quotes instead.
"""

from typing import Annotated, Any

from pydantic import (
    ConfigDict,
    Discriminator,
    Field,
    Tag,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from sip.format.determination import determination_of, is_forced_labour
from sip.format.lists import ID_LISTS
from sip.format.version import FormatVersion
from sip.format.wording import number
from sip.model.actions import (
    Improvement,
    Response,
)
from sip.model.base import (
    Confidential,
    Determination,
    EngagedWith,
    FrameworkName,
    GrievanceOperator,
    Indicator,
    Involvement,
    Level,
    PartyKind,
    PlanStatus,
    ProviderKind,
    RiskSourceKind,
    RootCauseCategory,
    RootCauseMethod,
    Severity,
    SourceKind,
    Strict,
    SubmissionKind,
    WorkerGroup,
    cross_error,
    optional_list,
)
from sip.model.facts import (
    DISPUTE,
    DOWN,
    ENTRIES,
    ITEM_ID,
    ITEMS,
    LINE,
    LOWERED,
    NEEDS_REVIEW,
    NOTED,
    PERSONAL,
    PRIVATE,
    PUBLIC,
    RANGE,
    REFUSED,
    SHOWN,
    private,
    public,
    refers_to,
)
from sip.model.types import Amount, Count, Country, Currency, Date, Email, FindingRef, Id, Language, Text


class Site(Strict):
    name: Annotated[Text, PUBLIC] = Field(
        description="The site's name: a supplier's facility, a labour agent, a farm, a ship."
    )
    country: Annotated[Country, PUBLIC] = Field(description="ISO 3166-1 alpha-2 code of the site's country.")
    supplier_id: Annotated[Id | None, PRIVATE] = Field(
        None, description="The company's own id for the supplier."
    )
    tier: Annotated[Count | None, PUBLIC] = Field(
        None, description="Supply-chain tier: 0 is own operations, 1 a direct supplier."
    )
    workers: Annotated[Count | None, PUBLIC] = Field(None, description="Head count at the site.")
    migrant_workers: Annotated[Count | None, PUBLIC] = Field(None, description="Migrant workers among them.")
    facilities: Annotated[Annotated[int, Field(ge=1)] | None, PUBLIC] = Field(
        None, description="How many facilities the plan covers (a group's estates and mills)."
    )
    languages: Annotated[Annotated[list[Language], Field(min_length=1)] | None, PUBLIC] = Field(
        None,
        description="The languages the site's workers read, ISO 639-1 codes (format 1.2): what a "
        "grievance channel must be offered in (SIP411).",
    )
    housing_provided: Annotated[bool | None, PUBLIC] = Field(
        None,
        description="Whether the site, or the company, provides or arranges the workers' housing "
        "(format 1.3): FAR 52.222-50(h)(3)(iv) then asks for a housing plan (SIP703).",
    )

    @model_validator(mode="after")
    def _migrants_within_workers(self) -> "Site":
        workers, migrants = self.workers, self.migrant_workers
        if workers is not None and migrants is not None and migrants > workers:
            raise cross_error(
                "migrant_workers", f"migrant_workers ({migrants}) is more than workers ({workers})"
            )
        return self


class Owner(Strict):
    role: Annotated[Text, public(owner=True)] = Field(
        description="The accountable role, e.g. Head of Responsible Sourcing."
    )
    name: Annotated[Text | None, private(personal=True, owner=True)] = Field(
        None, description="The person in the role (not shown to the public)."
    )
    email: Annotated[Email | None, PERSONAL] = Field(
        None, description="Contact e-mail (not shown to the public)."
    )


class Source(Strict):
    id: Annotated[Id, ITEM_ID]
    kind: Annotated[SourceKind, PUBLIC] = Field(description="How the problems surfaced.")
    reference: Annotated[Text, PRIVATE] = Field(description="The report, case or document this source is.")
    date: Annotated[Date, PUBLIC] = Field(description="When the source reported the problems.")
    confidential: Confidential = False


def _one_or_many(value: Any) -> str:
    return "many" if isinstance(value, list) else "one"


# One source id, or a list of them (format 1.1): the branch is chosen by the value's shape, so a
# wrong value gets one message, not one per branch.
SourceRefs = Annotated[
    Annotated[Id, Tag("one")] | Annotated[list[Id], Field(min_length=1), Tag("many")],
    Discriminator(_one_or_many),
]


class NeedsAssessment(Strict):
    date: Annotated[Date, PUBLIC] = Field(description="When the affected workers' needs were assessed.")
    by: Annotated[
        Id | None, refers_to("service_providers", "parties", verb="had its workers' needs assessed by")
    ] = Field(None, description="The service provider or party that assessed them.")
    summary: Annotated[Text, PRIVATE] = Field(
        description="What the workers said they need; not shown to the public."
    )


class Fees(Strict):
    """What each affected worker paid, as documented (format 1.2)."""

    low: Annotated[Amount, public(money=True)] = Field(
        description="The fees per worker, or the lowest documented."
    )
    high: Annotated[Amount | None, public(money=True)] = Field(
        None, description="The highest documented fees per worker; not below low."
    )
    currency: Annotated[Currency, PUBLIC] = Field(description="ISO 4217 currency code of both amounts.")

    @model_validator(mode="after")
    def _high_not_below_low(self) -> "Fees":
        if self.high is not None and self.high < self.low:
            raise cross_error("high", f"high ({number(self.high)}) is below low ({number(self.low)})")
        return self


class Finding(Strict):
    id: Annotated[Id, public(id=True, workbook=SHOWN)]
    title: Annotated[Text, public(workbook=SHOWN)] = Field(description="The problem in one line.")
    description: Annotated[Text | None, PUBLIC] = Field(None, description="More detail, as free text.")
    severity: Annotated[Severity, public(diff=LINE, workbook=SHOWN)] = Field(
        description="critical: forced labour, trafficking, child labour or imminent danger."
    )
    indicators: Annotated[list[Indicator], public(workbook=SHOWN)] = optional_list(
        "ILO indicators of forced labour found."
    )
    workers_affected: Annotated[Count | None, public(diff=LOWERED, kind="affected", workbook=SHOWN)] = Field(
        None, description="How many workers it affects."
    )
    former_workers: Annotated[Count | None, public(of="workers_affected")] = Field(
        None,
        description="Of workers_affected, those who have left the site (format 1.2): a remedy "
        "that reaches only current workers leaves them out (SIP409).",
    )
    worker_groups: Annotated[list[WorkerGroup], PUBLIC] = optional_list("The groups of workers it affects.")
    source: Annotated[SourceRefs, refers_to("sources", verb="names the source")] = Field(
        description="The id of the source that surfaced it, or a list of ids."
    )
    identified: Annotated[Date, public(workbook=SHOWN)] = Field(
        description="When it was identified; response deadlines run from it."
    )
    evidence: Annotated[Text | None, PRIVATE] = Field(
        None, description="Where the evidence is; never shown to the public."
    )
    determination: Annotated[Determination | None, public(diff=DOWN)] = Field(
        None, description="What was established; absent: derived from severity and indicators."
    )
    disputed: Annotated[Text | None, public(diff=DISPUTE, kind="dispute")] = Field(
        None,
        description="The site's objection to the finding; public pages show it beside the finding "
        "(since format 1.2: an allegation published without the response is what a lawyer refuses).",
    )
    repeats: Annotated[FindingRef | None, refers_to("findings", verb="repeats", diff=LINE)] = Field(
        None,
        description="The id of an earlier finding this one repeats; PLAN-ID/F-n names a finding "
        "of another plan.",
    )
    needs_assessment: Annotated[NeedsAssessment | None, PUBLIC] = Field(
        None, description="The record that the affected workers' needs were assessed."
    )
    fees_documented: Annotated[
        Fees | None, public(diff=RANGE, words="fees documented per worker", kind="fees")
    ] = Field(
        None,
        description="What each affected worker paid, per worker, as documented (format 1.2): what a "
        "reimbursement is measured against (SIP410).",
    )
    not_covered: Annotated[
        Text | None, public(diff=NOTED, words="why some workers get no money remedy", kind="not-covered")
    ] = Field(
        None,
        description="Why some affected workers get no money remedy (format 1.2; SIP409).",
    )
    confidential: Confidential = False

    @model_validator(mode="after")
    def _former_within_affected(self) -> "Finding":
        affected, former = self.workers_affected, self.former_workers
        if affected is not None and former is not None and former > affected:
            raise cross_error(
                "former_workers", f"former_workers ({former}) is more than workers_affected ({affected})"
            )
        return self

    @property
    def sources(self) -> list[str]:
        """The source ids, whether one was written or a list."""
        return [self.source] if isinstance(self.source, str) else list(self.source)

    @property
    def determined(self) -> str | None:
        """The determination, written or derived (sip/format/determination.py); None: not about
        forced labour at all."""
        return determination_of(self.determination, self.severity, self.indicators)

    @property
    def is_forced_labour(self) -> bool:
        """Substantiated or suspected, written or derived: the one definition for every rule
        and report."""
        return is_forced_labour(self.determination, self.severity, self.indicators)


class ServiceProvider(Strict):
    id: Annotated[Id, ITEM_ID]
    name: Annotated[Text, PUBLIC] = Field(description="The organisation's name.")
    kind: Annotated[ProviderKind, PUBLIC] = Field(description="What kind of organisation it is.")
    role: Annotated[Text, PUBLIC] = Field(description="What the provider does in this plan.")
    consulted: Annotated[Date | None, PUBLIC] = Field(
        None, description="When it was consulted; absent: planned."
    )
    confidential: Confidential = False


class Party(Strict):
    """An organisation involved that is not a victim service provider (format 1.1)."""

    id: Annotated[Id, ITEM_ID]
    name: Annotated[Text, PUBLIC] = Field(description="The organisation's name.")
    kind: Annotated[PartyKind, PUBLIC] = Field(description="What kind of organisation it is.")
    role: Annotated[Text, PUBLIC] = Field(description="What it does in this plan.")
    confidential: Confidential = False


class WorkerEngagement(Strict):
    """How the affected workers or their representatives took part in the plan (format 1.1)."""

    model_config = ConfigDict(populate_by_name=False)

    date: Annotated[Date, PUBLIC] = Field(description="When the workers took part.")
    with_: Annotated[EngagedWith, PUBLIC] = Field(alias="with", description="Who took part.")
    method: Annotated[Text, PUBLIC] = Field(description="How: a meeting, a survey, in which languages.")
    summary: Annotated[Text, PRIVATE] = Field(
        description="What the workers said and what was agreed; not shown to the public."
    )
    confidential: Confidential = False


class GrievanceChannel(Strict):
    """A channel through which workers can raise a problem (format 1.2)."""

    id: Annotated[Id, ITEM_ID]
    name: Annotated[Text, PUBLIC] = Field(
        description="The channel, in a few words: a helpline, a worker committee..."
    )
    operated_by: Annotated[GrievanceOperator, PUBLIC] = Field(
        description="Who runs it: the site, the company, a third party..."
    )
    anonymous: Annotated[bool, PUBLIC] = Field(
        description="Whether a worker can use it without giving their name."
    )
    languages: Annotated[list[Language], PUBLIC] = Field(
        min_length=1, description="The languages it can be used in, ISO 639-1 codes."
    )
    since: Annotated[Date | None, PUBLIC] = Field(None, description="When it opened; absent: open already.")
    publishes_hotline: Annotated[bool | None, PUBLIC] = Field(
        None,
        description="Whether what the channel publishes for workers gives them the Global Human "
        "Trafficking Hotline, 1-844-888-FREE and help@befree.org (format 1.3; FAR "
        "52.222-50(h)(3)(ii), SIP701).",
    )
    procedure_public: Annotated[bool | None, PUBLIC] = Field(
        None,
        description="Whether the channel's rules of procedure are written down and public, with how "
        "to reach it and who handles complaints (format 1.3; LkSG section 8(2) and (4), SIP713).",
    )
    reviewed: Annotated[Date | None, PUBLIC] = Field(
        None,
        description="When the channel's effectiveness was last reviewed (format 1.3; LkSG section "
        "8(5) asks for once a year, SIP715).",
    )
    confidential: Confidential = False

    @model_validator(mode="after")
    def _reviewed_after_opening(self) -> "GrievanceChannel":
        if self.reviewed is not None and self.since is not None and self.reviewed < self.since:
            raise cross_error("reviewed", f"reviewed ({self.reviewed}) is before since ({self.since})")
        return self


class RootCause(Strict):
    id: Annotated[Id, ITEM_ID]
    findings: Annotated[list[Id], refers_to("findings", verb="explains")] = Field(
        min_length=1, description="Ids of the findings it explains."
    )
    category: Annotated[RootCauseCategory, PUBLIC] = Field(description="What kind of cause it is.")
    cause: Annotated[Text, PUBLIC] = Field(
        description="The cause, including the policies and practices behind it."
    )
    method: Annotated[RootCauseMethod | None, PUBLIC] = Field(None, description="How the cause was found.")
    confidential: Confidential = False


class RiskSource(Strict):
    kind: Annotated[RiskSourceKind, PUBLIC] = Field(
        description="Where the risk arises: a business process, an operational function or a structural gap."
    )
    name: Annotated[Text, PUBLIC] = Field(description="Which process, function or gap.")


class Risk(Strict):
    id: Annotated[Id, ITEM_ID]
    risk: Annotated[Text, PUBLIC] = Field(description="The risk in one line.")
    source: Annotated[RiskSource, PUBLIC] = Field(description="Where the risk comes from.")
    likelihood: Annotated[Level, PUBLIC] = Field(description="How likely it is: low, medium, high.")
    impact: Annotated[Level, PUBLIC] = Field(description="How severe for workers: low, medium, high.")
    root_causes: Annotated[list[Id], refers_to("root_causes", verb="arises from")] = optional_list(
        "Ids of the root causes the risk arises from."
    )
    confidential: Confidential = False


class Review(Strict):
    date: Annotated[Date, PUBLIC] = Field(description="When the plan was reviewed.")
    by: Annotated[Text, PERSONAL] = Field(description="Who reviewed it (not shown to the public).")
    summary: Annotated[Text, PUBLIC] = Field(description="What the review found and decided.")


class Submission(Strict):
    """The plan, or a part of it, posted for the workers or sent to someone, and when (format 1.3):
    what FAR 52.222-50(h)(4) and (h)(5) and the RBA's corrective action plan deadline ask to show."""

    kind: Annotated[SubmissionKind, PUBLIC] = Field(description="What it was: a posting, a certification...")
    date: Annotated[Date, PUBLIC] = Field(description="When it was posted or sent.")
    to: Annotated[Text, PUBLIC] = Field(
        description="Where it was posted, or to whom it was sent: the notice boards and website, "
        "a contracting officer, an audit programme, an authority."
    )
    reference: Annotated[Text | None, PRIVATE] = Field(
        None, description="The file, case or contract number it was sent under; not shown to the public."
    )


class Waiver(Strict):
    rule: Annotated[str, PRIVATE] = Field(
        pattern=r"^SIP[0-9]{3}$", description="The code of the rule silenced."
    )
    ids: Annotated[list[Id] | None, refers_to(*ID_LISTS, verb="waives", public=False)] = Field(
        None, description="The items it covers; absent: the whole plan."
    )
    reason: Annotated[Text, PRIVATE] = Field(description="Why the rule is silenced; shown to auditors.")
    until: Annotated[Date | None, PRIVATE] = Field(None, description="The last day it applies.")

    @field_validator("rule")
    @classmethod
    def _waivable(cls, code: str, info: ValidationInfo) -> str:
        # Which codes may be waived is the rules' fact (sip.rules.WAIVABLE_CODES): the checker
        # passes it in the validation context, so the model never imports the rules.
        waivable = (info.context or {}).get("waivable")
        if waivable is not None and code not in waivable:
            raise PydanticCustomError("sip_not_waivable", "not waivable", {"code": code})
        return code


class Plan(Strict):
    sip: Annotated[FormatVersion, PUBLIC] = Field(description="The format version.")
    id: Annotated[Id, ITEM_ID] = Field(description="The plan id, unique in a repository.")
    title: Annotated[Text, PUBLIC] = Field(description="The plan in one line.")
    status: Annotated[PlanStatus, public(diff=LINE, words="plan status", kind="plan-status")] = Field(
        description="draft (checked for form only), active, monitoring, closed."
    )
    company: Annotated[Text, PUBLIC] = Field(description="The company that owns the plan.")
    involvement: Annotated[Involvement | None, PUBLIC] = Field(
        None, description="UN Guiding Principles 19 and 22."
    )
    frameworks: Annotated[list[FrameworkName], public(diff=LINE)] = optional_list(
        "The frameworks the plan must satisfy (format 1.3): far, lksg, cbp, rba; their requirements "
        "are checked as rules SIP7xx (docs/frameworks.md)."
    )
    site: Annotated[Site, PUBLIC] = Field(description="The one site the plan covers.")
    owner: Annotated[Owner, PUBLIC] = Field(description="Who is accountable for the plan.")
    opened: Annotated[Date, PUBLIC] = Field(description="When the plan was opened.")
    next_review: Annotated[Date | None, public(diff=LINE, kind="next-review")] = Field(
        None, description="Not before `opened`."
    )
    closed: Annotated[Date | None, PUBLIC] = Field(
        None, validate_default=True, description="Required when status is closed, forbidden otherwise."
    )
    sources: Annotated[list[Source], public(diff=ITEMS)] = Field(
        min_length=1, description="How the problems surfaced."
    )
    findings: Annotated[list[Finding], public(diff=ITEMS, deletion=REFUSED)] = Field(
        min_length=1, description="The problems found."
    )
    service_providers: Annotated[list[ServiceProvider], public(diff=ITEMS)] = optional_list(
        "Victim service providers consulted."
    )
    parties: Annotated[list[Party], public(diff=ITEMS)] = optional_list(
        "Other organisations involved: auditors, law firms, labour agents..."
    )
    worker_engagement: Annotated[list[WorkerEngagement], public(diff=ENTRIES)] = optional_list(
        "How the affected workers or their representatives took part."
    )
    grievance_channels: Annotated[list[GrievanceChannel], public(diff=ITEMS, deletion=NEEDS_REVIEW)] = (
        optional_list("The channels through which workers can raise a problem (format 1.2).")
    )
    responses: Annotated[list[Response], public(diff=ITEMS, deletion=REFUSED)] = optional_list(
        "The company's specific responses to the findings (corrective)."
    )
    root_causes: Annotated[list[RootCause], public(diff=ITEMS)] = optional_list("Why the problems happened.")
    risks: Annotated[list[Risk], public(diff=ITEMS)] = optional_list("The risk map: risks and their sources.")
    improvements: Annotated[list[Improvement], public(diff=ITEMS, deletion=REFUSED)] = optional_list(
        "The management systems improvement plan (preventive)."
    )
    reviews: Annotated[list[Review], public(diff=ENTRIES)] = optional_list("A log of plan reviews.")
    submissions: Annotated[list[Submission], public(diff=ENTRIES)] = optional_list(
        "When the plan, or a part of it, was posted for the workers or sent to someone (format 1.3)."
    )
    waivers: Annotated[list[Waiver], private(diff=ENTRIES)] = optional_list(
        "Rules silenced on purpose, on the record."
    )

    @field_validator("next_review")
    @classmethod
    def _review_after_opening(cls, value: Any, info: ValidationInfo) -> Any:
        opened = info.data.get("opened")
        if value is not None and opened is not None and value < opened:
            raise cross_error("next_review", f"next_review ({value}) is before opened ({opened})")
        return value

    @field_validator("closed")
    @classmethod
    def _closed_when_closed(cls, value: Any, info: ValidationInfo) -> Any:
        status, opened = info.data.get("status"), info.data.get("opened")
        if status == "closed" and value is None:
            raise cross_error("closed", "a closed plan needs 'closed:' with the date it closed", missing=True)
        if status is not None and status != "closed" and value is not None:
            raise cross_error("closed", f"'closed' is for closed plans; this plan is {status}")
        if value is not None and opened is not None and value < opened:
            raise cross_error("closed", f"closed ({value}) is before opened ({opened})")
        return value

    def items(self) -> "dict[str, IdItem]":
        """Every list item with an id, by id (the first of duplicates wins)."""
        out: dict[str, IdItem] = {}
        for name in ID_LISTS:
            for item in getattr(self, name):
                out.setdefault(item.id, item)
        return out


# An item of one of the lists whose items carry ids (ID_LISTS).
IdItem = (
    Source | Finding | ServiceProvider | Party | GrievanceChannel | Response | RootCause | Risk | Improvement
)
