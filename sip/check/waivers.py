"""Waivers: a rule silenced on purpose, on the record (a plan's `waivers:` list).

A waiver with `ids` silences a diagnostic of its rule whose path starts in a
top-level list item with one of those ids; without `ids`, every diagnostic of its
rule in the plan. It applies up to and including `until`. A silenced diagnostic is
kept, with severity "waived" and the waiver's reason, so an auditor can see what was
silenced and why. SIP204 reports a lapsed waiver (at its `until`) and one that
silences nothing (at the waiver); it cannot itself be waived.

Waivers are applied per plan after its rules (sip/check/file.py). A waiver of a run-level
rule (SIP203 and SIP205, which compare files; SIP202, whose `PLAN-ID/F-n` references are
checked across plans) that silenced nothing in its plan is handed to the run
(sip/check/run.py), which alone knows whether it silenced something.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, NamedTuple

from sip.diagnostic import WAIVED, Diagnostic, Problem
from sip.read.positions import Loc, Marks, format_path, locate, top_item
from sip.rules import BY_CODE, RUN_LEVEL_CODES, SEVERITIES

if TYPE_CHECKING:
    from sip.model import Plan

CODE = "SIP204"


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
    """The diagnostics with the waived ones marked, the SIP204 problems, and the waivers of
    run-level rules left for the run to apply."""
    problems: list[Problem] = []
    active: list[ActiveWaiver] = []
    for position, waiver in enumerate(plan.waivers):
        loc: Loc
        if waiver.until is not None and waiver.until < as_of:
            loc = ("waivers", position, "until")
            problems.append(
                Problem(
                    CODE,
                    f"{_name(waiver.rule, waiver.ids)} lapsed after "
                    f"{waiver.until}: fix what it covered, or renew it with a new "
                    "until and the reason it still applies",
                    format_path(loc),
                    *locate(marks, loc),
                )
            )
            continue
        loc = ("waivers", position)
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
    left_for_run = []
    for number, in_force in enumerate(active):
        if number in used:
            continue
        if in_force.rule in RUN_LEVEL_CODES:
            left_for_run.append(in_force)
        elif ran(in_force.rule):  # a rule that did not run (a draft, `ignore`) proves nothing
            problems.append(unused(in_force))
    return marked, problems, left_for_run


def apply_to_run(
    diagnostics: list[Diagnostic],
    waivers: list[ActiveWaiver],
    file: str,
    item_of: Callable[[str], str | None] = lambda path: None,
) -> list[Diagnostic]:
    """A file's run-level diagnostics with the waived ones marked, plus SIP204 for the file's
    run-level waivers that silenced nothing. `item_of`: the id of the item a path starts in
    (a finding, for SIP205), so that a waiver with `ids` can cover it."""
    marked, used = waive(diagnostics, waivers, item_of)
    for number, waiver in enumerate(waivers):
        if number not in used:
            problem = unused(waiver)
            marked.append(
                Diagnostic(
                    file, problem.line, problem.column, CODE, SEVERITIES[CODE], problem.message, problem.path
                )
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


def unused(waiver: ActiveWaiver) -> Problem:
    if waiver.ids:
        rest = f"no {waiver.rule} is reported for {_ids(waiver.ids)}; remove the waiver, or correct its ids"
    else:
        rest = f"no {waiver.rule} is reported for this plan; remove the waiver"
    rule = BY_CODE.get(waiver.rule)
    for revision in ("CHANGED_IN_1_1", "CHANGED_IN_1_2"):
        changed = getattr(rule, revision, None)
        if changed:  # a waiver written for an earlier revision whose rule now reads less: say why
            rest += f"; {changed}"
    return Problem(
        CODE,
        f"{_name(waiver.rule, waiver.ids)} silences nothing: {rest}",
        waiver.path,
        waiver.line,
        waiver.column,
    )


def _name(rule: str, ids: Sequence[str] | None) -> str:
    return f"the waiver of {rule} for {_ids(ids)}" if ids else f"the waiver of {rule}"


def _ids(ids: Iterable[str]) -> str:
    return ", ".join(ids)
