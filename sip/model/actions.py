"""The actions of a plan as pydantic models: a response to a finding (protection, corrective,
remedy: its money, schedule and unclaimed money) and an improvement to the management system,
with their verification and effectiveness. (No `from __future__ import annotations`:
sip/model/plan.py says why.)
"""

import datetime as dt
import math
from typing import Annotated, Any

from pydantic import (
    Discriminator,
    Field,
    Tag,
    model_validator,
)

from sip.format import vocab
from sip.format.wording import number
from sip.model.base import (
    ActionStatus,
    Confidential,
    CostItem,
    EffectivenessResult,
    Escalation,
    Extent,
    ImprovementElement,
    Indicator,
    Payer,
    RemedyBasis,
    RemedyKind,
    ResponseKind,
    Strict,
    cross_error,
    optional_list,
)
from sip.model.facts import (
    LATER,
    LINE,
    LOWERED,
    PRIVATE,
    PUBLIC,
    RESULT,
    SCHEDULE,
    SHOWN,
    STATUS,
    SUPPLIER,
    UNCLAIMED,
    private,
    public,
    refers_to,
)
from sip.model.types import Amount, Count, Currency, Date, Id, Text


class Verification(Strict):
    method: Annotated[Text, public(words="verified how", workbook=SUPPLIER)] = Field(
        description="How completion was verified, and by whom."
    )
    evidence: Annotated[Text, private(words="verification evidence", workbook=SUPPLIER)] = Field(
        description="Where the evidence is; never shown to the public."
    )
    date: Annotated[Date, public(words="verified on", workbook=SUPPLIER)] = Field(
        description="When it was verified."
    )
    by: Annotated[
        Id | None,
        refers_to(
            "parties", "service_providers", verb="was verified by", words="verified by", workbook=SUPPLIER
        ),
    ] = Field(None, description="The party or service provider that verified it.")
    independent: Annotated[bool | None, public(words="verified independently", workbook=SUPPLIER)] = Field(
        None, description="Whether the verifier is independent of the company and the site."
    )
    workers_interviewed: Annotated[Count | None, public(words="workers interviewed", workbook=SUPPLIER)] = (
        Field(None, description="How many workers the verifier interviewed.")
    )
    announced: Annotated[bool | None, public(words="verification announced")] = Field(
        None,
        description="Whether the site knew of the verification beforehand (format 1.3): CBP asks "
        "for unannounced third-party audits (SIP721).",
    )


class Effectiveness(Strict):
    date: Annotated[Date, PUBLIC] = Field(description="When effectiveness was reviewed.")
    result: Annotated[EffectivenessResult, PUBLIC] = Field(description="What the review found.")
    evidence: Annotated[Text, PRIVATE] = Field(description="What shows it.")


class Instalment(Strict):
    due: Annotated[Date, public(workbook=SHOWN)] = Field(description="When the instalment is due.")
    amount: Annotated[Amount, public(money=True, workbook=SHOWN)] = Field(
        description="How much, in the remedy's currency."
    )
    paid: Annotated[Date | None, public(workbook=SUPPLIER)] = Field(
        None, description="When it was paid; absent: not paid yet."
    )


class Unclaimed(Strict):
    """What happens to money owed to workers the remedy has not reached (format 1.2)."""

    held_by: Annotated[
        Id, refers_to("service_providers", "parties", verb="has the money still owed held by")
    ] = Field(description="The service provider or party that holds the money.")
    claim_until: Annotated[Date, PUBLIC] = Field(description="Until when workers can still claim it.")
    then: Annotated[Text, PUBLIC] = Field(description="What happens to what is left after that date.")


def _text_or_mapping(value: Any) -> str:
    return "<mapping>" if isinstance(value, dict) else "<text>"


# `unclaimed` as text (format 1.1) or as a mapping (1.2): the branch is chosen by the value's
# shape, so a wrong value gets one message, not one per branch. The tags are written `<...>`,
# which no key of a plan is, so that positions can drop them from an error's path.
UnclaimedMoney = Annotated[
    Annotated[Text, Tag("<text>")] | Annotated[Unclaimed, Tag("<mapping>")],
    Discriminator(_text_or_mapping),
]


class Money(Strict):
    committed: Annotated[Amount, public(money=True)] = Field(
        description="The amount the company has committed to pay."
    )
    paid: Annotated[Amount | None, public(money=True, workbook=SUPPLIER)] = Field(
        None, description="The amount paid so far; not more than committed; absent: nothing recorded as paid."
    )
    currency: Annotated[Currency, public(workbook=SHOWN)] = Field(
        description="ISO 4217 currency code of both amounts."
    )

    @model_validator(mode="after")
    def _paid_within_committed(self) -> "Money":
        if self.paid is not None and self.paid > self.committed:
            raise cross_error(
                "paid", f"paid ({number(self.paid)}) is more than committed ({number(self.committed)})"
            )
        return self


class Action(Strict):
    """What responses and improvements share: an owned, dated, tracked action."""

    id: Annotated[Id, public(id=True, workbook=SHOWN)]
    action: Annotated[Text, public(workbook=SHOWN)] = Field(description="What will be done.")
    owner: Annotated[Text, public(owner=True, workbook=SHOWN)] = Field(description="The role responsible.")
    due: Annotated[Date, public(diff=LATER, workbook=SHOWN)] = Field(description="When it is due.")
    status: Annotated[ActionStatus, public(diff=STATUS, workbook=SUPPLIER)] = Field(
        description="planned, in-progress (open); done, verified; or cancelled."
    )
    completed: Annotated[Date | None, public(workbook=SUPPLIER)] = Field(
        None, description="Required when done or verified."
    )
    verification: Annotated[Verification | None, PUBLIC] = Field(None, description="Required when verified.")

    @property
    def is_open(self) -> bool:
        return self.status in vocab.OPEN_STATUSES

    def is_overdue(self, as_of: dt.date) -> bool:
        """Open and past its due date: the one definition rules, reports and status share."""
        return self.is_open and self.due < as_of


class Response(Action):
    kind: Annotated[ResponseKind, public(workbook=SHOWN)] = Field(
        description="protection keeps workers safe now; remedy repairs the harm; corrective "
        "stops the practice."
    )
    remedy: Annotated[RemedyKind | None, public(workbook=SHOWN)] = Field(
        None, description="Required on a remedy only."
    )
    voluntary: Annotated[bool | None, PUBLIC] = Field(
        None, description="Repatriation only, and there it must be true."
    )
    addresses: Annotated[list[Id], refers_to("findings", verb="addresses", workbook=SHOWN)] = Field(
        min_length=1, description="Ids of the findings it responds to."
    )
    indicators: Annotated[list[Indicator], PUBLIC] = optional_list(
        "The ILO indicators of forced labour, shown by the findings it addresses, that this response "
        "remedies (format 1.3): the evidence per indicator CBP asks for (SIP720, SIP721)."
    )
    providers: Annotated[list[Id], refers_to("service_providers", verb="names the provider")] = optional_list(
        "Ids of service providers involved."
    )
    contingency: Annotated[Text | None, public(workbook=SHOWN)] = Field(
        None, description="What happens if the action slips."
    )
    workers_covered: Annotated[Count | None, PUBLIC] = Field(
        None, description="Remedies only: how many workers it is for, current and former."
    )
    amount: Annotated[Money | None, PUBLIC] = Field(
        None, description="Remedies only: money committed and paid."
    )
    basis: Annotated[RemedyBasis | None, PUBLIC] = Field(
        None, description="Remedies only: how a money remedy was calculated."
    )
    former_workers: Annotated[Count | None, public(of="workers_covered")] = Field(
        None, description="Remedies only: of the workers covered, those who have left the site."
    )
    workers_reached: Annotated[Count | None, public(diff=LOWERED, kind="reached", of="workers_covered")] = (
        Field(None, description="Remedies only: workers who have received it so far.")
    )
    payer: Annotated[Payer | None, PUBLIC] = Field(None, description="Remedies only: who pays.")
    cost_items: Annotated[list[CostItem] | None, PUBLIC] = Field(
        None, description="Remedies only: the recruitment fees and related costs repaid."
    )
    extent: Annotated[Extent | None, PUBLIC] = Field(
        None, description="Remedies only: whether it repays in full or in part what workers paid."
    )
    unclaimed: Annotated[
        UnclaimedMoney | None, public(diff=UNCLAIMED, words="unclaimed money", kind="unclaimed")
    ] = Field(
        None,
        description="Remedies only: what happens to money owed to workers not reached; since format "
        "1.2 a mapping: held_by, claim_until, then.",
    )
    schedule: Annotated[list[Instalment] | None, public(diff=SCHEDULE)] = Field(
        None, description="Remedies only: the instalments; needs amount."
    )
    parties: Annotated[list[Id], refers_to("parties", verb="names the party")] = optional_list(
        "Ids of parties involved."
    )
    escalation: Annotated[Escalation | None, public(diff=LINE)] = Field(
        None, description="Corrective only: the step taken in the company's relationship with the site."
    )
    confidential: Confidential = False

    @model_validator(mode="after")
    def _remedy_fields(self) -> "Response":
        if self.kind == "remedy" and self.remedy is None:
            raise cross_error(
                "remedy",
                f"a remedy response needs 'remedy:' saying which remedy ({', '.join(vocab.REMEDY)})",
                missing=True,
            )
        if self.kind != "remedy":
            for name in _REMEDY_ONLY:
                if getattr(self, name) is not None:
                    raise cross_error(
                        name,
                        f"'{name}' belongs on a remedy response only; this response is of kind {self.kind}",
                    )
        elif self.voluntary is not None and self.remedy != "repatriation":
            raise cross_error("voluntary", "'voluntary' belongs on a repatriation remedy only")
        if self.escalation is not None and self.kind != "corrective":
            raise cross_error(
                "escalation",
                "'escalation' belongs on a corrective response only "
                f"(a step in the relationship with the site); this response is of "
                f"kind {self.kind}",
            )
        if self.kind == "remedy":
            self._check_counts()
            self._check_schedule()
        return self

    def overdue_instalments(self, as_of: dt.date) -> list[tuple[int, Instalment]]:
        """Instalments past their `due` with no `paid` date, on an open or done remedy (with
        their positions): the one definition SIP504 reports and SIP506 defers to."""
        if not self.schedule or not (self.is_open or self.status == "done"):
            return []
        return [(k, i) for k, i in enumerate(self.schedule) if i.paid is None and i.due < as_of]

    def _check_counts(self) -> None:
        covered = self.workers_covered
        for name in ("former_workers", "workers_reached"):
            count = getattr(self, name)
            if count is not None and covered is not None and count > covered:
                raise cross_error(name, f"{name} ({count}) is more than workers_covered ({covered})")

    def _check_schedule(self) -> None:
        schedule, amount = self.schedule, self.amount
        if schedule is None:
            return
        if amount is None:
            raise cross_error(
                "schedule", "a schedule needs amount (committed and currency) on the same remedy: add amount"
            )
        total = 0.0
        for i, instalment in enumerate(schedule):
            if i and instalment.due < schedule[i - 1].due:
                raise cross_error(
                    "schedule",
                    f"instalment {i + 1} is due {instalment.due}, "
                    f"before instalment {i} ({schedule[i - 1].due}): list the "
                    "instalments in the order they fall due",
                    at=(i, "due"),
                )
            total += instalment.amount
            if total > amount.committed and not _same_money(total, amount.committed):
                raise cross_error(
                    "schedule",
                    f"the instalments up to this one add up to "
                    f"{number(total)}, more than amount.committed ({number(amount.committed)})",
                    at=(i, "amount"),
                )
        if amount.paid is not None:
            paid = sum(i.amount for i in schedule if i.paid is not None)
            if not _same_money(paid, amount.paid):
                raise cross_error(
                    "amount",
                    f"amount.paid ({number(amount.paid)}) is not the sum of the "
                    f"instalments with a paid date ({number(paid)}): correct paid, or the "
                    "instalments' paid dates",
                    at=("paid",),
                )


def _same_money(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=0.005)


# Fields that belong on a remedy response only (SIP102 on any other kind).
_REMEDY_ONLY = (
    "remedy",
    "voluntary",
    "workers_covered",
    "amount",
    "basis",
    "former_workers",
    "workers_reached",
    "payer",
    "cost_items",
    "extent",
    "unclaimed",
    "schedule",
)


class Improvement(Action):
    element: Annotated[ImprovementElement, public(workbook=SHOWN)] = Field(
        description="The management-system element it changes."
    )
    addresses: Annotated[list[Id], refers_to("root_causes", "risks", verb="addresses", workbook=SHOWN)] = (
        Field(min_length=1, description="Ids of root causes and/or risks.")
    )
    measure: Annotated[Text | None, PUBLIC] = Field(None, description="How its effectiveness is measured.")
    effectiveness: Annotated[Effectiveness | None, public(diff=RESULT)] = Field(
        None, description="The review of whether it works."
    )
    confidential: Confidential = False
