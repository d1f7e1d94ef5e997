"""Links between the findings of a site's plans (format 1.2, section 5): a finding that repeats
another plan's (`repeats: PLAN-ID/F-n`) links to it, and that finding links back ("found again
later"); on an internal site, a forced-labour finding at the site of a closed plan, found after
it closed (SIP205's pair), links to that plan's finding and back, until `repeats` records it.

A public site links only what the plans record (`repeats`), never SIP205's inference, and
neither way through a finding the public does not see: a page shows an id only as the other
page shows it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import NamedTuple

from sip.check.result import FileResult
from sip.output.render.context import OtherFinding
from sip.output.render.links import PageLinks
from sip.output.render.words import WORDS
from sip.rules.context import PlanIdentity
from sip.rules.sip205_problem_came_back import came_back


class Shown(NamedTuple):
    """A page's plan id and findings as it shows them (for the public, masked; confidential
    findings left out): real finding id -> (id as shown, anchor, identified)."""

    plan_id: str
    findings: dict[str, tuple[str, str, dt.date]]


class _Target(NamedTuple):
    file: str
    page: str
    shown: Shown
    closed: dt.date | None


def _other(target: _Target, finding_id: str, date: dt.date | None) -> OtherFinding:
    found = target.shown.findings.get(finding_id)
    if found is None:  # not on its page (confidential, for the public): say so, link the page
        return OtherFinding(target.shown.plan_id, WORDS.confidential_item, target.page, "", date)
    return OtherFinding(target.shown.plan_id, found[0], target.page, found[1], date)


def links_of(results: Sequence[FileResult], names: Sequence[str], public: bool) -> dict[str, PageLinks]:
    """PageLinks by file, for the pages that have any. `results` are the plans with a page (their
    summary the MadePage), `names` their pages' names."""
    targets: dict[str, _Target] = {}
    by_file: dict[str, _Target] = {}
    for result, name in zip(results, names, strict=True):
        shown = getattr(result.summary, "shown", None)
        if shown is None or result.plan_id is None or result.facts is None:
            continue
        target = _Target(result.file, name, shown, result.facts.closed)
        targets.setdefault(result.plan_id, target)  # two plans with one id (SIP203): the first
        by_file[result.file] = target
    out: dict[str, PageLinks] = {}

    def links(file: str) -> PageLinks:
        return out.setdefault(file, PageLinks({}, {}, {}))

    for result in results:
        b = by_file.get(result.file)
        if b is None or result.facts is None:
            continue
        for finding in result.facts.findings:
            if finding.repeats is None or "/" not in finding.repeats:
                continue
            plan_id, other = finding.repeats.split("/", 1)
            a = targets.get(plan_id)
            if a is None or a.file == b.file:
                continue
            links(b.file).repeats[finding.id] = _other(a, other, None)
            if finding.id in b.shown.findings and other in a.shown.findings:
                links(a.file).found_again.setdefault(other, []).append(
                    _other(b, finding.id, finding.identified)
                )
    if public:
        return out
    identities = [PlanIdentity(r.file, r.plan_id, r.plan_id_position, r.rules_ran, r.facts) for r in results]
    for plan, finding, matches in came_back(identities):
        b = by_file.get(plan.file)
        if b is None:
            continue
        for match in matches:
            a = by_file.get(match.plan.file)
            if a is None:
                continue
            links(b.file).came_back_after.setdefault(finding.id, []).append(_other(a, match.first, a.closed))
            links(a.file).found_again.setdefault(match.first, []).append(
                _other(b, finding.id, finding.identified)
            )
    return out
