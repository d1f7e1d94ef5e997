"""Warning: free text holds what looks like personal data of a worker.

Plans travel: they are kept in git, shared with suppliers and auditors, and rendered
for the public. A worker's passport or ID number, phone number or e-mail address in a
plan can reach the people the worker needs protecting from. Refer to workers by case
or interview number, and keep their details where access is controlled.

Every free-text field is read: titles, descriptions, evidence, actions,
contingencies, causes, risks, measures, reviews, reasons, names and roles. Ids,
vocabulary values and `owner` (the plan's accountable owner, and each action's
owner role) are not. One warning per field, at its value; the message says what
kind of data it saw but never repeats it. Cancelled actions are not read.

Fails:

    findings:
      - id: F-1
        title: Passports held by the employer
        evidence: Interview with the worker holding passport A12345678, phone +60 12-345 6789
        ...

Passes:

    findings:
      - id: F-1
        title: Passports held by the employer
        evidence: Interview notes, case W-017, kept by SP-1
        ...
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from sip.diagnostic import WARNING
from sip.format.wording import ids, label
from sip.read.positions import Loc
from sip.rules.context import Context, Violation

if TYPE_CHECKING:
    from sip.model import Plan

CODE = "SIP601"
SEVERITY = WARNING
SUMMARY = "free text holds what looks like personal data of a worker"


def not_read() -> frozenset[tuple[str, str]]:
    """(list or "", dotted field) of the free text SIP601 leaves alone: what names the plan's or
    an action's accountable owner (`owner` declares it, sip/model/facts.py), whose name and role
    are the company's own people, not a worker's."""
    from sip.model.fields import owner_text

    return owner_text()


def check(plan: Plan, context: Context) -> Iterator[Violation]:
    assert context.index is not None
    from sip.format.personal_data import find, keep  # its patterns, compiled when a plan is read

    kept = keep(context.public_identifiers)
    owner = not_read()
    for loc, field, value, item, name in context.index.free_texts(plan):
        # find() looks first for what a shape needs: most text has none, and costs a scan
        if (name, field) in owner or not isinstance(value, str):
            continue
        kinds = list(dict.fromkeys(match.kind for match in find(value, kept)))
        if kinds:
            steps = tuple(field.split("."))
            yield _violation(kinds, loc[: -len(steps)], steps, item if name else "the plan's", name)


def _violation(kinds: list[str], loc: Loc, steps: tuple[str, ...], whose: Any, name: str) -> Violation:
    return Violation(
        (*loc, *steps),
        f"{_whose(whose, name)} {' '.join(steps)} holds what looks like {ids(kinds)}: "
        "remove it, and refer to the worker by a case or interview number instead "
        "(keep personal data where access is controlled)",
    )


def _whose(item: Any, name: str) -> str:
    """item: an item of the plan's list `name` (of whichever model that list holds), or, with no
    name, the words for the plan itself."""
    if not name:
        return item  # already words: "the plan's"
    if name == "reviews":
        return f"the review of {item.date}:"
    if name == "waivers":
        return f"the waiver of {item.rule}:"
    if name == "worker_engagement":
        return f"the worker engagement of {item.date}:"
    if name == "submissions":
        return f"the {item.kind} of {item.date}:"
    return f"{label(item, name)}:"
