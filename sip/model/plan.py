"""The plan format, version 1, as pydantic models: the single source of its schema.

Cross-field checks raise `sip_cross` errors naming the field they are about (and
whether it is missing, SIP101, or wrong, SIP102), so that every check of the
format's shape runs in one validation and is located at the right node.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator
from pydantic_core import PydanticCustomError

from sip.format import vocab
from sip.format.lists import ID_LISTS
from sip.format.version import FormatVersion
from sip.model.types import Amount, Count, Country, Currency, Date, Email, Id, Text


def _choice(values: dict[str, str]) -> Any:
    return Literal[tuple(values)]  # type: ignore[valid-type]


def cross_error(field: str, message: str, *, missing: bool = False) -> PydanticCustomError:
    return PydanticCustomError("sip_cross", message, {"field": field, "missing": missing})


class Strict(BaseModel):
    """Closed mappings, no coercion, and `key:` with no value read as absent."""

    model_config = ConfigDict(
        strict=True,
        extra="forbid",
        hide_input_in_errors=True,  # printing an alias bomb's input is what costs (stack facts)
        allow_inf_nan=False,
        frozen=True,
        use_attribute_docstrings=True,
    )

    @model_validator(mode="before")
    @classmethod
    def _absent_when_null(cls, data: Any) -> Any:
        if isinstance(data, dict) and None in data.values():
            fields = cls.model_fields
            return {k: v for k, v in data.items() if v is not None or k not in fields}
        return data


class Site(Strict):
    name: Text = Field(description="The site's name: a supplier's facility, a labour agent, a farm, a ship.")
    country: Country = Field(description="ISO 3166-1 alpha-2 code of the site's country.")
    supplier_id: Id | None = Field(None, description="The company's own id for the supplier.")
    tier: Count | None = Field(
        None, description="Supply-chain tier: 0 is own operations, 1 a direct supplier.")
    workers: Count | None = Field(None, description="Head count at the site.")
    migrant_workers: Count | None = Field(None, description="Migrant workers among them.")

    @model_validator(mode="after")
    def _migrants_within_workers(self) -> Site:
        workers, migrants = self.workers, self.migrant_workers
        if workers is not None and migrants is not None and migrants > workers:
            raise cross_error("migrant_workers", f"migrant_workers ({migrants}) is more than "
                              f"workers ({workers})")
        return self


class Owner(Strict):
    role: Text = Field(description="The accountable role, e.g. Head of Responsible Sourcing.")
    name: Text | None = Field(None, description="The person in the role (not shown to the public).")
    email: Email | None = Field(None, description="Contact e-mail (not shown to the public).")


class Source(Strict):
    id: Id
    kind: _choice(vocab.SOURCE_KIND) = Field(description="How the problems surfaced.")
    reference: Text = Field(description="The report, case or document this source is.")
    date: Date = Field(description="When the source reported the problems.")


class Finding(Strict):
    id: Id
    title: Text = Field(description="The problem in one line.")
    description: Text | None = Field(None, description="More detail, as free text.")
    severity: _choice(vocab.SEVERITY) = Field(
        description="critical: forced labour, trafficking, child labour or imminent danger.")
    indicators: list[_choice(vocab.INDICATOR)] = Field(
        [], description="ILO indicators of forced labour found.")
    workers_affected: Count | None = Field(None, description="How many workers it affects.")
    worker_groups: list[_choice(vocab.WORKER_GROUP)] = Field(
        [], description="The groups of workers it affects.")
    source: Id = Field(description="The id of the source that surfaced it.")
    identified: Date = Field(description="When it was identified; response deadlines run from it.")
    evidence: Text | None = Field(None, description="Where the evidence is; never shown to the public.")

    @property
    def is_forced_labour(self) -> bool:
        return bool(self.indicators) or self.severity == "critical"


class ServiceProvider(Strict):
    id: Id
    name: Text = Field(description="The organisation's name.")
    kind: _choice(vocab.PROVIDER_KIND) = Field(description="What kind of organisation it is.")
    role: Text = Field(description="What the provider does in this plan.")
    consulted: Date | None = Field(None, description="When it was consulted; absent: planned.")


class Verification(Strict):
    method: Text = Field(description="How completion was verified, and by whom.")
    evidence: Text = Field(description="Where the evidence is; never shown to the public.")
    date: Date = Field(description="When it was verified.")


class Money(Strict):
    committed: Amount = Field(description="The amount the company has committed to pay.")
    paid: Amount = Field(description="The amount paid so far; not more than committed.")
    currency: Currency = Field(description="ISO 4217 currency code of both amounts.")

    @model_validator(mode="after")
    def _paid_within_committed(self) -> Money:
        if self.paid > self.committed:
            raise cross_error("paid", f"paid ({self.paid:,g}) is more than committed "
                              f"({self.committed:,g})")
        return self


class Action(Strict):
    """What responses and improvements share: an owned, dated, tracked action."""

    id: Id
    action: Text = Field(description="What will be done.")
    owner: Text = Field(description="The role responsible.")
    due: Date = Field(description="When it is due.")
    status: _choice(vocab.ACTION_STATUS) = Field(
        description="planned, in-progress (open); done, verified; or cancelled.")
    completed: Date | None = Field(None, description="Required when done or verified.")
    verification: Verification | None = Field(None, description="Required when verified.")

    @property
    def is_open(self) -> bool:
        return self.status in vocab.OPEN_STATUSES

    def is_overdue(self, as_of: dt.date) -> bool:
        """Open and past its due date: the one definition rules, reports and status share."""
        return self.is_open and self.due < as_of


class Response(Action):
    kind: _choice(vocab.RESPONSE_KIND) = Field(
        description="protection keeps workers safe now; remedy repairs the harm; corrective "
        "stops the practice.")
    remedy: _choice(vocab.REMEDY) | None = Field(None, description="Required on a remedy only.")
    voluntary: bool | None = Field(None, description="Repatriation only, and there it must be true.")
    addresses: list[Id] = Field(min_length=1, description="Ids of the findings it responds to.")
    providers: list[Id] = Field([], description="Ids of service providers involved.")
    contingency: Text | None = Field(None, description="What happens if the action slips.")
    workers_covered: Count | None = Field(None, description="Remedies only: workers reached.")
    amount: Money | None = Field(None, description="Remedies only: money committed and paid.")
    basis: _choice(vocab.REMEDY_BASIS) | None = Field(
        None, description="Remedies only: how a money remedy was calculated.")

    @model_validator(mode="after")
    def _remedy_fields(self) -> Response:
        if self.kind == "remedy" and self.remedy is None:
            raise cross_error("remedy", "a remedy response needs 'remedy:' saying which remedy "
                              f"({', '.join(vocab.REMEDY)})", missing=True)
        if self.kind != "remedy":
            for name in ("remedy", "voluntary", "workers_covered", "amount", "basis"):
                if getattr(self, name) is not None:
                    raise cross_error(name, f"'{name}' belongs on a remedy response only; this "
                                      f"response is of kind {self.kind}")
        elif self.voluntary is not None and self.remedy != "repatriation":
            raise cross_error("voluntary", "'voluntary' belongs on a repatriation remedy only")
        return self


class RootCause(Strict):
    id: Id
    findings: list[Id] = Field(min_length=1, description="Ids of the findings it explains.")
    category: _choice(vocab.ROOT_CAUSE_CATEGORY) = Field(description="What kind of cause it is.")
    cause: Text = Field(description="The cause, including the policies and practices behind it.")
    method: _choice(vocab.ROOT_CAUSE_METHOD) | None = Field(
        None, description="How the cause was found.")


class RiskSource(Strict):
    kind: _choice(vocab.RISK_SOURCE_KIND) = Field(
        description="Where the risk arises: a business process, an operational function or a "
        "structural gap.")
    name: Text = Field(description="Which process, function or gap.")


class Risk(Strict):
    id: Id
    risk: Text = Field(description="The risk in one line.")
    source: RiskSource = Field(description="Where the risk comes from.")
    likelihood: _choice(vocab.LEVEL) = Field(description="How likely it is: low, medium, high.")
    impact: _choice(vocab.LEVEL) = Field(description="How severe for workers: low, medium, high.")
    root_causes: list[Id] = Field([], description="Ids of the root causes the risk arises from.")


class Improvement(Action):
    element: _choice(vocab.IMPROVEMENT_ELEMENT) = Field(
        description="The management-system element it changes.")
    addresses: list[Id] = Field(min_length=1, description="Ids of root causes and/or risks.")
    measure: Text | None = Field(None, description="How its effectiveness is measured.")


class Review(Strict):
    date: Date = Field(description="When the plan was reviewed.")
    by: Text = Field(description="Who reviewed it (not shown to the public).")
    summary: Text = Field(description="What the review found and decided.")


class Waiver(Strict):
    rule: str = Field(pattern=r"^SIP[0-9]{3}$", description="The code of the rule silenced.")
    ids: list[Id] | None = Field(None, description="The items it covers; absent: the whole plan.")
    reason: Text = Field(description="Why the rule is silenced; shown to auditors.")
    until: Date | None = Field(None, description="The last day it applies.")

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
    sip: FormatVersion = Field(description="The format version.")
    id: Id = Field(description="The plan id, unique in a repository.")
    title: Text = Field(description="The plan in one line.")
    status: _choice(vocab.PLAN_STATUS) = Field(
        description="draft (checked for form only), active, monitoring, closed.")
    company: Text = Field(description="The company that owns the plan.")
    involvement: _choice(vocab.INVOLVEMENT) | None = Field(
        None, description="UN Guiding Principles 19 and 22.")
    site: Site = Field(description="The one site the plan covers.")
    owner: Owner = Field(description="Who is accountable for the plan.")
    opened: Date = Field(description="When the plan was opened.")
    next_review: Date | None = Field(None, description="Not before `opened`.")
    closed: Date | None = Field(None, validate_default=True,
                                description="Required when status is closed, forbidden otherwise.")
    sources: list[Source] = Field(min_length=1, description="How the problems surfaced.")
    findings: list[Finding] = Field(min_length=1, description="The problems found.")
    service_providers: list[ServiceProvider] = Field(
        [], description="Victim service providers consulted.")
    responses: list[Response] = Field(
        [], description="The company's specific responses to the findings (corrective).")
    root_causes: list[RootCause] = Field([], description="Why the problems happened.")
    risks: list[Risk] = Field([], description="The risk map: risks and their sources.")
    improvements: list[Improvement] = Field(
        [], description="The management systems improvement plan (preventive).")
    reviews: list[Review] = Field([], description="A log of plan reviews.")
    waivers: list[Waiver] = Field([], description="Rules silenced on purpose, on the record.")

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
            raise cross_error("closed", "a closed plan needs 'closed:' with the date it closed",
                              missing=True)
        if status is not None and status != "closed" and value is not None:
            raise cross_error("closed", f"'closed' is for closed plans; this plan is {status}")
        if value is not None and opened is not None and value < opened:
            raise cross_error("closed", f"closed ({value}) is before opened ({opened})")
        return value

    def items(self) -> dict[str, object]:
        """Every list item with an id, by id (the first of duplicates wins)."""
        out: dict[str, object] = {}
        for name in ID_LISTS:
            for item in getattr(self, name):
                out.setdefault(item.id, item)
        return out


