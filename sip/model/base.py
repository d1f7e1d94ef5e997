"""What every model of the plan format shares: the vocabularies as Literal types, `Strict` (closed
mappings, no coercion), the `sip_cross` errors of cross-field checks, and optional lists.
(No `from __future__ import annotations`: sip/model/plan.py says why.)
"""

import functools
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    model_validator,
)
from pydantic_core import PydanticCustomError

from sip.format import vocab
from sip.model.facts import (
    PUBLIC,
)


def _choice(values: dict[str, str]) -> Any:
    return Literal[tuple(values)]


# Each vocabulary's values as a Literal, built from the dict that lists them (one place). A
# type checker cannot read a Literal built at run time: to it each is the str it holds.
if TYPE_CHECKING:
    SourceKind = str
    Severity = str
    Indicator = str
    WorkerGroup = str
    Determination = str
    ProviderKind = str
    PartyKind = str
    EngagedWith = str
    EffectivenessResult = str
    ActionStatus = str
    ResponseKind = str
    RemedyKind = str
    RemedyBasis = str
    Payer = str
    CostItem = str
    Extent = str
    Escalation = str
    RootCauseCategory = str
    RootCauseMethod = str
    RiskSourceKind = str
    Level = str
    ImprovementElement = str
    PlanStatus = str
    Involvement = str
    GrievanceOperator = str
    FrameworkName = str
    SubmissionKind = str
else:
    SourceKind = _choice(vocab.SOURCE_KIND)
    Severity = _choice(vocab.SEVERITY)
    Indicator = _choice(vocab.INDICATOR)
    WorkerGroup = _choice(vocab.WORKER_GROUP)
    Determination = _choice(vocab.DETERMINATION)
    ProviderKind = _choice(vocab.PROVIDER_KIND)
    PartyKind = _choice(vocab.PARTY_KIND)
    EngagedWith = _choice(vocab.ENGAGED_WITH)
    EffectivenessResult = _choice(vocab.EFFECTIVENESS)
    ActionStatus = _choice(vocab.ACTION_STATUS)
    ResponseKind = _choice(vocab.RESPONSE_KIND)
    RemedyKind = _choice(vocab.REMEDY)
    RemedyBasis = _choice(vocab.REMEDY_BASIS)
    Payer = _choice(vocab.PAYER)
    CostItem = _choice(vocab.COST_ITEM)
    Extent = _choice(vocab.EXTENT)
    Escalation = _choice(vocab.ESCALATION)
    RootCauseCategory = _choice(vocab.ROOT_CAUSE_CATEGORY)
    RootCauseMethod = _choice(vocab.ROOT_CAUSE_METHOD)
    RiskSourceKind = _choice(vocab.RISK_SOURCE_KIND)
    Level = _choice(vocab.LEVEL)
    ImprovementElement = _choice(vocab.IMPROVEMENT_ELEMENT)
    PlanStatus = _choice(vocab.PLAN_STATUS)
    Involvement = _choice(vocab.INVOLVEMENT)
    GrievanceOperator = _choice(vocab.GRIEVANCE_OPERATOR)
    FrameworkName = _choice(vocab.FRAMEWORK)
    SubmissionKind = _choice(vocab.SUBMISSION_KIND)


def cross_error(
    field: str, message: str, *, missing: bool = False, at: tuple[str | int, ...] = ()
) -> PydanticCustomError:
    """`at`: the steps below `field` to the value checked (`schedule`, 2, `amount`)."""
    return PydanticCustomError("sip_cross", message, {"field": field, "missing": missing, "at": at})


def optional_list(description: str) -> Any:
    """A list that may be left out: a fresh [] per item (pydantic deep-copies a `[]` default for
    every item, which costs more), exported to the JSON Schema with `"default": []` as before."""
    return Field(default_factory=list, json_schema_extra={"default": []}, description=description)


Confidential = Annotated[
    bool,
    Field(description="true: left out of every public report (format 1.1); false is the same as absent."),
    PUBLIC,  # the flag itself tells nothing: a public report leaves out the items that set it
]


class Strict(BaseModel):
    """Closed mappings, no coercion, and `key:` with no value read as absent."""

    model_config = ConfigDict(
        strict=True,
        extra="forbid",
        hide_input_in_errors=True,  # printing an alias bomb's input is what costs (stack facts)
        allow_inf_nan=False,
        frozen=True,
        # Built on first use, and then only Plan's validator (the others are compiled into
        # it): building every model's at import was a third of `sip validate`'s own start-up.
        defer_build=True,
    )

    @model_validator(mode="before")
    @classmethod
    def _absent_when_null(cls, data: Any) -> Any:
        if isinstance(data, dict) and None in data.values():
            fields = _written_names(cls)
            return {k: v for k, v in data.items() if v is not None or k not in fields}
        return data


@functools.cache
def _written_names(model: type[BaseModel]) -> frozenset[str]:
    """The keys a plan writes for a model's fields: a field's alias where it has one (`with`)."""
    return frozenset(f.alias or name for name, f in model.model_fields.items())
