"""Warning: a free-text field holds only a placeholder, not content.

A plan that says "TBD" passes every check of its shape and tells the reader nothing:
a contingency of "none", an improvement "to be decided", a verification "n/a" are the
marks of a hollow plan. Every free-text field is read: titles, descriptions, names,
roles, owners, actions, causes, contingencies, evidence, summaries, reasons... (not
ids, references, vocabulary words, codes, dates or e-mails). After trimming whitespace
and the characters `.-_?!*/` from both ends, and ignoring case, a value that is empty or
one of `tbd`, `tbc`, `todo`, `n/a`, `na`, `none`, `nil`, `null`, `pending`, `xxx`,
`to be decided`, `to be confirmed`, `to be determined`, `see above` is a placeholder.

Write what is known, or leave an optional field out. Cancelled actions are not read.

New in format 1.1.

Reported at the value, one per field.

Fails:

    responses:
      - id: A-1
        contingency: TBD
        ...

Passes:

    responses:
      - id: A-1
        contingency: Brand staff hand passports over in person if the supplier delays
        ...
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from sip.diagnostic import WARNING
from sip.format.wording import label
from sip.rules.context import Context, Violation

if TYPE_CHECKING:
    from sip.model import Plan

CODE = "SIP602"
SEVERITY = WARNING
SUMMARY = "a free-text field holds only a placeholder such as TBD"

PLACEHOLDERS = frozenset(
    (
        "",
        "tbd",
        "tbc",
        "todo",
        "n/a",
        "na",
        "none",
        "nil",
        "null",
        "pending",
        "xxx",
        "to be decided",
        "to be confirmed",
        "to be determined",
        "see above",
    )
)
_TRIM = " \t\r\n\f\v.-_?!*/"
_LONGEST = max(len(p) for p in PLACEHOLDERS)
_UNNAMED = {
    "reviews": ("review of", "date"),
    "waivers": ("waiver of", "rule"),
    "worker_engagement": ("worker engagement of", "date"),
    "submissions": ("submission of", "date"),
}


def is_placeholder(text: str) -> bool:
    core = text.strip(_TRIM)
    if len(core) > _LONGEST + 8:  # real text is longer than any placeholder
        return False
    return " ".join(core.lower().split()) in PLACEHOLDERS


def check(plan: Plan, context: Context) -> Iterator[Violation]:
    assert context.index is not None
    trim = _TRIM
    for loc, field, value, item, name in context.index.free_texts(plan):
        # the common case stays cheap: long text that does not start or end with what is trimmed
        if len(value) > 40 and value[4] not in trim and value[-5] not in trim:
            continue
        if is_placeholder(value):
            yield _violation(value, loc, _whose(item, name) if name else "the plan's", field)


def _whose(item, name: str) -> str:
    if name in _UNNAMED:
        words, field = _UNNAMED[name]
        return f"the {words} {getattr(item, field)}:"
    return f"{label(item, name)}:"


def _violation(value: str, loc: tuple, whose: str, field: str) -> Violation:
    shown = " ".join(value.split())
    return Violation(
        loc,
        f'{whose} {field} says only "{shown}", a placeholder: write what is '
        "known (who, what, by when), or leave the field out if it is optional",
    )
