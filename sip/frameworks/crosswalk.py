"""A plan read against a framework's profile, requirement by requirement: what in the plan meets
each, and what is missing (`sip crosswalk`, and `sip render --framework`).

Whether a requirement is met is the rules' word, never a second judgement made here: a requirement
that rules check is met when its rules ran on the plan and reported nothing left unwaived. What the
crosswalk adds is the plan's own items for each requirement (the profile's `evidence`), so that a
reader sees what meets it, and the rules' messages, which say what is missing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sip.diagnostic import WAIVED, Diagnostic
from sip.format.lists import ACTION_LISTS, TITLE_FIELD
from sip.format.wording import shorten
from sip.frameworks.profile import ADVISORY, FORMAT, LISTED, RULE, Profile, Requirement, Select

if TYPE_CHECKING:
    from sip.model import Plan

# What the crosswalk says of each requirement.
MET = "met"
NOT_MET = "not met"
WAIVED_STATUS = "waived"
NOT_CHECKED = "not checked"
BY_FORMAT = "met by the format"
TO_SHOW = "for you to show"
ADVICE = "advisory"
STATUSES = (MET, NOT_MET, WAIVED_STATUS, NOT_CHECKED, BY_FORMAT, TO_SHOW, ADVICE)


@dataclass(frozen=True)
class Item:
    """One thing in the plan that a requirement reads: `ref` is an item's id (`MS-2`), or where
    an entry without an id is (`submissions[1]`), or a field (`site.housing_provided`)."""

    ref: str
    text: str


@dataclass(frozen=True)
class Line:
    requirement: Requirement
    status: str  # one of STATUSES
    items: list[Item]
    gaps: list[Diagnostic]  # the unwaived diagnostics of its rules: what is missing
    waived: list[Diagnostic]  # its rules' diagnostics that a waiver silenced, with the reason
    note: str = ""  # why it is not checked, or what the reader must do


@dataclass(frozen=True)
class Crosswalk:
    file: str
    plan_id: str
    title: str
    profile: Profile
    as_of: dt.date
    lines: list[Line]
    counts: dict[str, int] = field(default_factory=dict)  # status -> how many requirements


def crosswalk(
    plan: Plan,
    diagnostics: Iterable[Diagnostic],
    profile: Profile,
    *,
    file: str,
    as_of: dt.date,
    ran: Callable[[str], bool],
) -> Crosswalk:
    """`ran(code)`: whether the rule was checked on this plan (sip/check/file.py's rule_runs, with
    the run's settings and this profile's framework)."""
    by_code: dict[str, list[Diagnostic]] = {}
    for d in diagnostics:
        by_code.setdefault(d.code, []).append(d)
    lines = [_line(r, plan, by_code, ran) for r in profile.requirements]
    counts = {status: sum(1 for line in lines if line.status == status) for status in STATUSES}
    return Crosswalk(file, plan.id, plan.title, profile, as_of, lines, counts)


def _line(
    requirement: Requirement, plan: Plan, by_code: dict[str, list[Diagnostic]], ran: Callable[[str], bool]
) -> Line:
    items = [item for select in requirement.evidence for item in evidence(plan, select)]
    if requirement.check == FORMAT:
        return Line(requirement, BY_FORMAT, items, [], [])
    if requirement.check == ADVISORY:
        return Line(
            requirement,
            ADVICE,
            items,
            [],
            [],
            "Read only in a summary by others: a note, never an error or a warning.",
        )
    if requirement.check == LISTED:
        note = "" if items else "Nothing in the plan shows it yet."
        return Line(requirement, TO_SHOW, items, [], [], note)
    assert requirement.check == RULE
    found = [d for code in requirement.codes for d in by_code.get(code, ())]
    gaps = [d for d in found if d.severity != WAIVED]
    waived = [d for d in found if d.severity == WAIVED]
    skipped = [code for code in requirement.codes if not ran(code)]
    if gaps:
        return Line(requirement, NOT_MET, items, gaps, waived)
    if skipped:
        return Line(
            requirement,
            NOT_CHECKED,
            items,
            [],
            waived,
            f"{', '.join(skipped)} did not run on this plan (a draft, or turned off by the "
            "configuration's ignore).",
        )
    if waived:
        return Line(requirement, WAIVED_STATUS, items, [], waived)
    return Line(requirement, MET, items, [], [])


def evidence(plan: Plan, select: Select) -> list[Item]:
    """The plan's items that the selector names (a cancelled action shows nothing)."""
    holder = getattr(plan, select.list)
    if not isinstance(holder, list):  # a mapping of the plan: `site`
        value = _value(holder, select.field)
        if value is None or value == []:
            return []
        return [Item(f"{select.list}.{select.field}", _shown(value))]
    out = []
    for position, item in enumerate(holder):
        if select.list in ACTION_LISTS and item.status == "cancelled":
            continue
        if select.field:
            value = _value(item, select.field)
            matches = value in select.values if select.values else bool(value)
            if isinstance(value, list) and select.values:
                matches = any(v in select.values for v in value)
            if not matches:
                continue
        out.append(_item(select.list, position, item))
    return out


def _value(item: object, dotted: str) -> object:
    for step in dotted.split("."):
        item = getattr(item, step, None)
        if item is None:
            return None
    return item


def _item(list_name: str, position: int, item: object) -> Item:
    item_id = getattr(item, "id", None)
    if isinstance(item_id, str):
        title = getattr(item, TITLE_FIELD[list_name], "")
        return Item(item_id, shorten(" ".join(str(title).split())))
    # entries without ids: reviews, submissions
    date = getattr(item, "date", "")
    what = getattr(item, "kind", None) or shorten(" ".join(str(getattr(item, "summary", "")).split()))
    return Item(f"{list_name}[{position}]", f"{what}, {date}")


def _shown(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return shorten(" ".join(str(value).split()))
