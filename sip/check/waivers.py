"""Waivers: a rule silenced on purpose, on the record (a plan's `waivers:` list).

A waiver with `ids` silences a diagnostic of its rule whose path starts in a
top-level list item with one of those ids; without `ids`, every diagnostic of its
rule in the plan. It applies up to and including `until`. A silenced diagnostic is
kept, with severity "waived" and the waiver's reason, so an auditor can see what was
silenced and why. A lapsed waiver silences nothing.

Which waivers SIP204 reports is the rule's own judgement, in its module
(sip/rules/sip204_waiver_unused.py): lapsed ones by its `check`, like any rule; and, from what
applying them came to here, those that silenced nothing (`check_waivers`).

Waivers are applied per plan after its rules (sip/check/file.py). A waiver of a run-level
rule (SIP203 and SIP205, which compare files; SIP202, whose `PLAN-ID/F-n` references are
checked across plans) that silenced nothing in its plan is handed to the run
(sip/check/run.py), which alone knows whether it silenced something.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from sip.diagnostic import WAIVED, Diagnostic, Problem
from sip.read.positions import Loc, Marks, format_path, locate, top_item
from sip.rules import BY_CODE, RUN_LEVEL_CODES
from sip.rules import sip204_waiver_unused as sip204

if TYPE_CHECKING:
    from sip.model import Plan


class ActiveWaiver(NamedTuple):
    """A waiver in force on the as-of date; small and picklable, for the run level."""

    rule: str
    ids: tuple[str, ...] | None
    reason: str
    path: str  # "waivers[0]"
    line: int
    column: int

    def covers(self, diagnostic: Diagnostic, item_of: Callable[[str], str | None]) -> bool:
        if diagnostic.code != self.rule:
            return False
        return self.ids is None or item_of(diagnostic.path) in self.ids


def apply_to_plan(
    diagnostics: list[Diagnostic],
    plan: Plan,
    marks: Marks,
    as_of: dt.date,
    ran: Callable[[str], bool],
) -> tuple[list[Diagnostic], list[Problem], list[ActiveWaiver]]:
    """The diagnostics with the waived ones marked, the SIP204 problems of waivers that
    silenced nothing, and the waivers of run-level rules left for the run to apply."""
    active: list[ActiveWaiver] = []
    for position, waiver in enumerate(plan.waivers):
        if sip204.lapsed(waiver, as_of):  # reported by SIP204's check, with the rules
            continue
        loc: Loc = ("waivers", position)
        active.append(
            ActiveWaiver(
                waiver.rule,
                tuple(waiver.ids) if waiver.ids else None,
                waiver.reason,
                format_path(loc),
                *locate(marks, loc),
            )
        )

    def item_of(path: str) -> str | None:
        """The id of the top-level list item a diagnostic's path starts in, if any."""
        item = top_item(path)
        if item is None:
            return None
        list_name, index, _ = item
        items = getattr(plan, list_name, None)
        if not isinstance(items, list) or index >= len(items):
            return None
        found = getattr(items[index], "id", None)
        return found if isinstance(found, str) else None

    marked, used = waive(diagnostics, active, item_of)
    # A waiver of a run-level rule that silenced nothing here goes to the run: only the run,
    # which compares the files, knows whether it silences something.
    left_for_run = [w for n, w in enumerate(active) if n not in used and w.rule in RUN_LEVEL_CODES]
    judged = [(w, n in used) for n, w in enumerate(active) if n in used or w.rule not in RUN_LEVEL_CODES]
    outcomes = [_outcome(w, silenced, ran(w.rule)) for w, silenced in judged]
    problems = [_placed(judged[n][0], message) for n, message in sip204.check_waivers(outcomes)]
    return marked, problems, left_for_run


def apply_to_run(
    diagnostics: list[Diagnostic],
    waivers: list[ActiveWaiver],
    file: str,
    item_of: Callable[[str], str | None] = lambda path: None,
) -> list[Diagnostic]:
    """A file's run-level diagnostics with the waived ones marked, plus SIP204 for the file's
    run-level waivers that silenced nothing (the run applies only waivers of rules it ran).
    `item_of`: the id of the item a path starts in (a finding, for SIP205), so that a waiver with
    `ids` can cover it."""
    marked, used = waive(diagnostics, waivers, item_of)
    outcomes = [_outcome(w, n in used, True) for n, w in enumerate(waivers)]
    for number, message in sip204.check_waivers(outcomes):
        waiver = waivers[number]
        marked.append(
            Diagnostic(file, waiver.line, waiver.column, sip204.CODE, sip204.SEVERITY, message, waiver.path)
        )
    return marked


def waive(
    diagnostics: list[Diagnostic], waivers: list[ActiveWaiver], item_of: Callable[[str], str | None]
) -> tuple[list[Diagnostic], set[int]]:
    """Mark what the waivers silence; return the diagnostics and the numbers of the waivers
    that silenced something (every waiver that covers a diagnostic counts as used)."""
    if not waivers:
        return list(diagnostics), set()
    used: set[int] = set()
    out = []
    for diagnostic in diagnostics:
        covering = [n for n, w in enumerate(waivers) if w.covers(diagnostic, item_of)]
        if covering:
            used.update(covering)
            diagnostic = diagnostic._replace(severity=WAIVED, reason=waivers[covering[0]].reason)
        out.append(diagnostic)
    return out, used


def _outcome(waiver: ActiveWaiver, silenced: bool, rule_ran: bool) -> sip204.WaiverOutcome:
    rule = BY_CODE.get(waiver.rule)
    # a waiver written for an earlier revision whose rule now reads less: the rule says why
    changed = "; ".join(
        text for revision in ("CHANGED_IN_1_1", "CHANGED_IN_1_2") if (text := getattr(rule, revision, None))
    )
    return sip204.WaiverOutcome(waiver.rule, waiver.ids, silenced, rule_ran, changed or None)


def _placed(waiver: ActiveWaiver, message: str) -> Problem:
    """SIP204 at the waiver."""
    return Problem(sip204.CODE, message, waiver.path, waiver.line, waiver.column)
