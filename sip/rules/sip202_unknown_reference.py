"""A reference names no id of the kind it must point to.

Each reference must name an item of the right kind in the same plan:

| field | must name |
|---|---|
| `findings[].source` | a source (or each of a list of sources) |
| `findings[].repeats` | another finding (not the finding itself) |
| `findings[].needs_assessment.by` | a service provider or a party |
| `responses[].addresses` | findings |
| `responses[].providers` | service providers |
| `responses[].parties` | parties |
| `responses[].verification.by`, `improvements[].verification.by` | a party or a service provider |
| `root_causes[].findings` | findings |
| `risks[].root_causes` | root causes |
| `improvements[].addresses` | root causes or risks |
| `waivers[].ids` | any item |

A dangling reference breaks the chain the source text asks for (a response to an
issue, a root cause behind it, a preventive measure for the root cause), so every
other rule would be checking the wrong thing. Reported at the reference; a reference
to an item of the wrong kind says what it points at instead. A cancelled action's
references are not checked (it counts for nothing).

Fails:

    responses:
      - id: A-1
        kind: corrective
        addresses: [F-9]   # there is no finding F-9
        ...

Passes:

    responses:
      - id: A-1
        kind: corrective
        addresses: [F-1]
        ...
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from sip.diagnostic import ERROR
from sip.format.wording import NOUN, Identified, a, label
from sip.read.positions import Loc
from sip.rules.context import Context, Violation
from sip.rules.index import is_cancelled

if TYPE_CHECKING:
    from sip.model import Plan

CODE = "SIP202"
SEVERITY = ERROR
SUMMARY = "a reference names no id of the kind it must point to"


def check(plan: Plan, context: Context) -> Iterator[Violation]:
    # The references are the fields that declare `refers_to` (sip/model/facts.py); `sip fix` and
    # the language server read the same table (sip/model/fields.py).
    from sip.model.fields import references

    assert context.index is not None
    kind_of = context.index.kind_of
    for ref in references():
        if ref.list == "waivers":
            continue  # a waiver may name any item: below, in its own words
        for position, item in enumerate(getattr(plan, ref.list)):
            value: Any = item
            for step in ref.path:
                value = getattr(value, step) if value is not None else None
            if value is None or is_cancelled(item, ref.list):
                continue
            loc: Loc = (ref.list, position, *ref.path)
            if isinstance(value, str):
                if kind_of.get(value) not in ref.targets:
                    yield _wrong(item, ref.list, loc, value, ref.targets, ref.verb, kind_of)
                continue
            for i, target in enumerate(value):
                if kind_of.get(target) not in ref.targets:
                    yield _wrong(item, ref.list, (*loc, i), target, ref.targets, ref.verb, kind_of)
    for position, finding in enumerate(plan.findings):
        if finding.repeats == finding.id:
            yield Violation(
                ("findings", position, "repeats"),
                f"{label(finding, 'findings')} repeats itself: name the earlier "
                "finding whose problem came back, or remove repeats",
            )
    for position, waiver in enumerate(plan.waivers):
        for i, item_id in enumerate(waiver.ids or ()):
            if item_id not in kind_of:
                yield Violation(
                    ("waivers", position, "ids", i),
                    f"the waiver of {waiver.rule} names {item_id}, which is no item in "
                    "this plan: correct the id, or remove it from ids",
                )


def _wrong(
    item: Identified,
    name: str,
    loc: Loc,
    ref: str,
    targets: tuple[str, ...],
    verb: str,
    kind_of: dict[str, str],
) -> Violation:
    wanted = " or ".join(NOUN[t] for t in targets)
    where = f"{label(item, name)} {verb} {ref}"
    found = kind_of.get(ref)
    if found is None:
        return Violation(
            loc,
            f"{where}, which is no {wanted} in this plan: correct the id, or "
            f"add {ref} to {' or '.join(targets)}",
        )
    return Violation(loc, f"{where}, which is {a(NOUN[found])}, not {a(wanted)}: name {a(wanted)} here")
