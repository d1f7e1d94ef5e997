"""A reference names no id of the kind it must point to.

Each reference must name an item of the right kind in the same plan:

| field | must name |
|---|---|
| `findings[].source` | a source (or each of a list of sources) |
| `findings[].repeats` | another finding (not itself); `PLAN-ID/F-n`: a finding of plan `PLAN-ID` |
| `findings[].needs_assessment.by` | a service provider or a party |
| `responses[].addresses` | findings |
| `responses[].providers` | service providers |
| `responses[].parties` | parties |
| `responses[].verification.by`, `improvements[].verification.by` | a party or a service provider |
| `responses[].unclaimed.held_by` | a service provider or a party |
| `root_causes[].findings` | findings |
| `risks[].root_causes` | root causes |
| `improvements[].addresses` | root causes or risks |
| `waivers[].ids` | any item |

A dangling reference breaks the chain the source text asks for (a response to an
issue, a root cause behind it, a preventive measure for the root cause), so every
other rule would be checking the wrong thing. Reported at the reference; a reference
to an item of the wrong kind says what it points at instead. A cancelled action's
references are not checked (it counts for nothing).

A `repeats` that names a finding of another plan, `PLAN-ID/F-n` (format 1.2), is not
checked within one file: when plans are checked together and the run holds plan
`PLAN-ID`, a `PLAN-ID/F-n` naming no finding of it is reported at the reference (a check
over the run, like SIP203's; `sip lsp` does not make it).

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

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from sip.diagnostic import ERROR
from sip.format.wording import NOUN, Identified, a, label, quoted, shorten
from sip.read.positions import Loc
from sip.rules.context import Context, PlacedViolation, PlanIdentity, Violation
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
                value = getattr(value, step, None)  # None: absent, or `unclaimed` written as text
            if value is None or is_cancelled(item, ref.list):
                continue
            loc: Loc = (ref.list, position, *ref.path)
            if isinstance(value, str):
                # PLAN-ID/F-n (an id holds no '/') names another plan's finding: checked over the run
                if "/" not in value and kind_of.get(value) not in ref.targets:
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


def check_run(plans: Iterable[PlanIdentity]) -> Iterator[PlacedViolation]:
    """Every `repeats: PLAN-ID/F-n` naming no finding of plan PLAN-ID, when the run holds it."""
    checked = [p for p in plans if p.rules_ran and p.facts is not None]
    repeating = [p for p in checked if p.facts is not None and p.facts.repeats_elsewhere]
    named = {
        f.repeats.split("/", 1)[0]
        for p in repeating
        if p.facts is not None
        for f in p.facts.findings
        if f.repeats is not None and "/" in f.repeats
    }
    findings_of: dict[str, set[str]] = {}
    for plan in checked:  # only the plans named: a run's other plans' findings stay packed
        if plan.plan_id in named and plan.facts is not None:
            findings_of.setdefault(plan.plan_id, set()).update(plan.facts.finding_ids)
    for plan in repeating:
        assert plan.facts is not None
        for finding in plan.facts.findings:
            if finding.repeats is None or "/" not in finding.repeats:
                continue
            plan_id, finding_id = finding.repeats.split("/", 1)
            known = findings_of.get(plan_id)
            if known is None or finding_id in known:
                continue  # a plan the run does not hold is not checked
            yield PlacedViolation(
                plan.file,
                *finding.repeats_position,
                f"{finding.id} {quoted(finding.title)} repeats {finding.repeats}, but plan "
                f"{plan_id} has no finding {finding_id} (its findings: "
                f"{shorten(', '.join(sorted(known)), 80)}): correct the id",
                f"findings[{finding.list_index}].repeats",
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
