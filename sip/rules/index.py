"""The lookups the rules share, built once per plan in one pass over each list.

Rules read these maps instead of searching the plan, so checking stays linear in the
size of the plan however many rules there are. (Nothing here imports the models at module
level: `sip rules` lists the rules without loading pydantic.) A cancelled action counts for nothing:
it is left out of every map here (the rules never see it), except `kind_of`, where it
keeps its id known so that a waiver naming it is not an unknown reference.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, cast

from sip.format.lists import ACTION_LISTS, ID_LISTS

if TYPE_CHECKING:
    from sip.model import Plan
    from sip.model.actions import Improvement, Response
    from sip.model.plan import Finding, IdItem, RootCause


@dataclass
class PlanIndex:
    kind_of: dict[str, str] = field(default_factory=dict)  # id -> its list; the first use wins
    # (list, position, item, the list and position of the first item with its id) for every
    # later use of an id (SIP201), found in the same pass
    reused: list[tuple[str, int, IdItem, str, int]] = field(default_factory=list)
    findings: dict[str, Finding] = field(default_factory=dict)
    responses: list[tuple[int, Response]] = field(default_factory=list)  # not cancelled
    improvements: list[tuple[int, Improvement]] = field(default_factory=list)  # not cancelled
    responses_to: dict[str, list[Response]] = field(default_factory=dict)  # by finding id
    explained: set[str] = field(default_factory=set)  # finding ids some root cause lists
    improved: set[str] = field(default_factory=set)  # root cause and risk ids improvements address
    mapped: set[str] = field(default_factory=set)  # root cause ids some risk lists
    causes_of: dict[str, list[RootCause]] = field(default_factory=dict)  # by finding id
    improvements_of: dict[str, list[Improvement]] = field(default_factory=dict)  # by root cause or risk id

    texts: list | None = None  # sip/rules/free_text.py's walk, made once by free_texts()

    def free_texts(self, plan: Plan) -> list:
        """Every free-text value of the plan (sip/rules/free_text.py), walked once per plan."""
        if self.texts is None:
            from sip.rules.free_text import texts

            self.texts = texts(plan)
        return self.texts

    def actions(self) -> list[tuple[str, int, Response | Improvement]]:
        """Every live action with its list and position: responses, then improvements."""
        return [("responses", i, a) for i, a in self.responses] + [
            ("improvements", i, a) for i, a in self.improvements
        ]


def is_cancelled(item: object, list_name: str) -> bool:
    """Only actions (responses, improvements) have a status, so only they can be cancelled.
    (Asking other items for a `status` they lack is slow on pydantic models, too.)"""
    # An item of an action list is an action: the list name is the cheap test.
    return list_name in ACTION_LISTS and cast("Response | Improvement", item).status == "cancelled"


def index_plan(plan: Plan) -> PlanIndex:
    index = PlanIndex()
    first: dict[str, tuple[str, int]] = {}
    cancelled: dict[str, str] = {}
    for name in ID_LISTS:
        for position, item in enumerate(getattr(plan, name)):
            if is_cancelled(item, name):
                cancelled.setdefault(item.id, name)
                continue
            earlier = first.setdefault(item.id, (name, position))
            if earlier[1] != position or earlier[0] != name:
                index.reused.append((name, position, item, *earlier))
    index.kind_of = {item_id: name for item_id, (name, _) in first.items()}
    for item_id, name in cancelled.items():
        index.kind_of.setdefault(item_id, name)

    for finding in plan.findings:
        index.findings.setdefault(finding.id, finding)
    responses_to: defaultdict[str, list[Response]] = defaultdict(list)
    for position, response in enumerate(plan.responses):
        if response.status != "cancelled":
            index.responses.append((position, response))
            for finding_id in dict.fromkeys(response.addresses):
                responses_to[finding_id].append(response)
    index.responses_to = dict(responses_to)
    causes_of: defaultdict[str, list[RootCause]] = defaultdict(list)
    for root_cause in plan.root_causes:
        index.explained.update(root_cause.findings)
        for finding_id in dict.fromkeys(root_cause.findings):
            causes_of[finding_id].append(root_cause)
    index.causes_of = dict(causes_of)
    for risk in plan.risks:
        index.mapped.update(risk.root_causes)
    improvements_of: defaultdict[str, list[Improvement]] = defaultdict(list)
    for position, improvement in enumerate(plan.improvements):
        if improvement.status != "cancelled":
            index.improvements.append((position, improvement))
            index.improved.update(improvement.addresses)
            for item_id in dict.fromkeys(improvement.addresses):
                improvements_of[item_id].append(improvement)
    index.improvements_of = dict(improvements_of)
    return index
