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

import re
from collections.abc import Iterator

from sip.diagnostic import WARNING
from sip.format.personal_data import find
from sip.format.wording import ids, label
from sip.rules.context import Context, Violation
from sip.rules.index import is_cancelled

CODE = "SIP601"
SEVERITY = WARNING
SUMMARY = "free text holds what looks like personal data of a worker"

# The free-text fields of the format, by where they live; `owner` is left out on purpose.
# (tests/test_rules_completeness.py holds this table to the models.)
PLAN_FIELDS = ("title", "company", "site.name")
LIST_FIELDS = {
    "sources": ("reference",),
    "findings": ("title", "description", "evidence"),
    "service_providers": ("name", "role"),
    "responses": ("action", "contingency", "verification.method", "verification.evidence"),
    "root_causes": ("cause",),
    "risks": ("risk", "source.name"),
    "improvements": ("action", "measure", "verification.method", "verification.evidence"),
    "reviews": ("by", "summary"),
    "waivers": ("reason",),
}
_MAYBE = re.compile(r"[0-9@]")  # every pattern of sip.format.personal_data needs a digit or an '@'
_STEPS = {name: tuple(tuple(field.split(".")) for field in fields)
          for name, fields in LIST_FIELDS.items()}


def check(plan, context: Context) -> Iterator[Violation]:
    for dotted in PLAN_FIELDS:
        steps = tuple(dotted.split("."))
        violation = _violation(_value(plan, steps), (), steps, "the plan's", "")
        if violation:
            yield violation
    maybe = _MAYBE.search
    for name, fields in _STEPS.items():
        for position, item in enumerate(getattr(plan, name)):
            if is_cancelled(item, name):
                continue
            for steps in fields:
                value = _value(item, steps)
                # the common case stays cheap: most text has no digit and no '@'
                if value.__class__ is str and maybe(value):
                    violation = _violation(value, (name, position), steps, item, name)
                    if violation:
                        yield violation


def _value(item, steps: tuple[str, ...]):
    for step in steps:
        item = getattr(item, step, None)
    return item


def _violation(value, loc: tuple, steps: tuple[str, ...], whose, name: str) -> Violation | None:
    if not isinstance(value, str):
        return None
    kinds = list(dict.fromkeys(match.kind for match in find(value)))
    if not kinds:
        return None
    return Violation((*loc, *steps),
                     f"{_whose(whose, name)} {' '.join(steps)} holds what looks like {ids(kinds)}: "
                     "remove it, and refer to the worker by a case or interview number instead "
                     "(keep personal data where access is controlled)")


def _whose(item, name: str) -> str:
    if not name:
        return item  # already words: "the plan's"
    if name == "reviews":
        return f"the review of {item.date}:"
    if name == "waivers":
        return f"the waiver of {item.rule}:"
    return f"{label(item, name)}:"
