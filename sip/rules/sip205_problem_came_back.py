"""Warning: forced labour found again at the site of a closed plan: the problem came back.

The source: "social responsibility problems tend to persist when remedial or corrective
actions are either poorly maintained or are not implemented at all". When plans are checked
together (several files, or folders), a forced-labour finding (determination
`substantiated` or `suspected`, written or derived) of plan B is reported when another plan
A of the run

- is closed, and the finding was `identified` after A's `closed` date;
- is about the same site: when both plans record `site.supplier_id`, the ids alone decide;
  otherwise `site.name` is the same, ignoring case, spaces at either end and the length of
  runs of spaces ("Factory  3" is "factory 3"; "Factory3" is not), and `site.country` is
  the same;
- has a finding (any) that shares at least one ILO indicator with it.

Record the link with `repeats: A-ID/F-n` on B's finding (a finding of another plan, written
with that plan's id), and review A's improvements: they did not hold. Nothing is reported
once the finding's `repeats` names a finding of such a plan A. Plan B may be a draft (A is
closed); only plans that validated (no SIP0xx/SIP1xx error) are compared. One warning per
finding of B, naming every such plan A.

A rule over the files of a run, like SIP203: one file checked alone never reports it, nor
does `sip lsp`. A waiver of SIP205 in plan B, with or without the finding's id, silences it.

New in format 1.2.

Reported at B's finding.

Fails (two files):

    # plans/2025-klang.yaml
    id: SIP-2025-003
    status: closed
    closed: 2025-12-01
    site: {name: Example Gloves Sdn Bhd, country: MY, supplier_id: SUP-0042}
    findings:
      - id: F-1
        indicators: [debt-bondage, deception]
        ...

    # plans/2026-klang.yaml
    id: SIP-2026-011
    site: {name: Example Gloves Sdn Bhd, country: MY, supplier_id: SUP-0042}
    findings:
      - id: F-1
        indicators: [debt-bondage]
        identified: 2026-06-20
        ...

Passes:

    # plans/2026-klang.yaml
    findings:
      - id: F-1
        indicators: [debt-bondage]
        identified: 2026-06-20
        repeats: SIP-2025-003/F-1
        ...
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import NamedTuple

from sip.diagnostic import WARNING
from sip.format.vocab import INDICATOR
from sip.format.wording import quoted
from sip.rules.context import FindingFacts, PlacedViolation, PlanFacts, PlanIdentity

CODE = "SIP205"
SEVERITY = WARNING
SUMMARY = "forced labour found again at the site of a closed plan: the problem came back"
check = None  # not a rule of one plan: the run calls check_run (sip/check/run.py)


def site_name(name: str) -> str:
    """A site's name as SIP205 compares it: case folded, no spaces at either end, each run of
    spaces one space."""
    return " ".join(part for part in name.casefold().strip(" ").split(" ") if part)


class CameBack(NamedTuple):
    """A forced-labour finding of plan B found at the site of closed plan A after A closed,
    sharing ILO indicators with A's findings."""

    plan: PlanIdentity  # A
    facts: PlanFacts  # A's
    shared: list[str]  # the indicators shared, in B's finding's terms, each once
    first: str  # A's first finding that shares one


def came_back(plans: Iterable[PlanIdentity]) -> Iterator[tuple[PlanIdentity, FindingFacts, list[CameBack]]]:
    """Each forced-labour finding of the run at the site of a closed plan of the run, found after
    it closed, that its `repeats` does not already link to one of those plans (plan B, its
    finding, and every such plan A): what this rule reports, and what a site links both ways."""
    checked = [p for p in plans if p.rules_ran and p.facts is not None]
    by_supplier: dict[str, list[PlanIdentity]] = {}
    by_name: dict[tuple[str, str], list[PlanIdentity]] = {}
    for plan in checked:
        facts = plan.facts
        assert facts is not None
        if facts.status == "closed" and facts.closed is not None:
            if facts.supplier_id is not None:
                by_supplier.setdefault(facts.supplier_id, []).append(plan)
            by_name.setdefault((site_name(facts.site_name), facts.country), []).append(plan)
    if not by_name:
        return
    for plan in checked:
        earlier = [a for a in _same_site(plan, by_supplier, by_name) if a.file != plan.file]
        if not earlier:
            continue
        assert plan.facts is not None
        for finding in plan.facts.findings:
            if finding.forced_labour:
                matches = _matches(finding, earlier)
                if matches:
                    yield plan, finding, matches


def check_run(plans: Iterable[PlanIdentity]) -> Iterator[PlacedViolation]:
    """Every forced-labour finding at the site of a closed plan of the run, found after it closed."""
    for plan, finding, matches in came_back(plans):
        yield _violation(plan.file, finding, matches)


def _same_site(
    plan: PlanIdentity,
    by_supplier: dict[str, list[PlanIdentity]],
    by_name: dict[tuple[str, str], list[PlanIdentity]],
) -> list[PlanIdentity]:
    """Closed plans about plan's site: by supplier id when both record one, else by name and country."""
    facts = plan.facts
    assert facts is not None
    named = by_name.get((site_name(facts.site_name), facts.country), [])
    if facts.supplier_id is None:
        return named
    return by_supplier.get(facts.supplier_id, []) + [
        a for a in named if a.facts is not None and a.facts.supplier_id is None
    ]


def _matches(finding: FindingFacts, earlier: list[PlanIdentity]) -> list[CameBack]:
    matches: list[CameBack] = []
    for plan in earlier:
        facts = plan.facts
        assert facts is not None and facts.closed is not None
        if finding.identified <= facts.closed:
            continue
        mine = set(finding.indicators)
        shared = [i for f in facts.findings for i in f.indicators if i in mine]
        if not shared:
            continue
        first = next(f.id for f in facts.findings if mine & set(f.indicators))
        matches.append(CameBack(plan, facts, list(dict.fromkeys(shared)), first))
    if finding.repeats is not None and any(
        finding.repeats == f"{m.plan.plan_id}/{i}" for m in matches for i in m.facts.finding_ids
    ):
        return []
    return matches


def _violation(file: str, finding: FindingFacts, matches: list[CameBack]) -> PlacedViolation:
    named = "; ".join(
        f"plan {m.plan.plan_id} ({m.plan.file}), closed {m.facts.closed}, shares "
        f"{', '.join(INDICATOR[i].lower() for i in m.shared)}"
        for m in matches
    )
    latest = max(matches, key=lambda m: m.facts.closed or m.facts.status)
    return PlacedViolation(
        file,
        *finding.position,
        f"{finding.id} {quoted(finding.title)} is forced labour at the site of a closed "
        f"plan, found after it closed: {named}: the problem came back; record it with "
        f"repeats: {latest.plan.plan_id}/{latest.first}, and review the improvements of that plan, which "
        "did not hold",
        f"findings[{finding.list_index}]",
    )
