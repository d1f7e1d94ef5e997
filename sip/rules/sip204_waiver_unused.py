"""Warning: a waiver has lapsed (`until` is before the as-of date), or silences nothing.

A waiver is a rule silenced on purpose, on the record: it names the rule, optionally
the items it covers (`ids`), a reason, and optionally the last day it applies
(`until`). Once that day has passed the waiver stops silencing anything and gets one
SIP204 at its `until`: renew it with a new reason, or fix what it covered. A waiver
that silences nothing (the problem was fixed, or `ids` name the wrong items) gets
SIP204 at the waiver, so that the plan does not keep an exception it no longer needs.

A waiver of a rule that did not run is not judged (a draft plan is checked for
SIP0xx-SIP2xx only; a rule turned off with `ignore`). SIP204 itself cannot be waived.

Fails (as of 2027-01-10):

    waivers:
      - rule: SIP506
        ids: [A-2]
        reason: Three instalments agreed with the workers' representatives
        until: 2026-12-31

Passes (as of 2026-08-10, and A-2 is due more than 30 days after its critical finding):

    waivers:
      - rule: SIP506
        ids: [A-2]
        reason: Three instalments agreed with the workers' representatives
        until: 2026-12-31
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, NamedTuple

from sip.diagnostic import WARNING
from sip.rules.context import Context, Violation

if TYPE_CHECKING:
    from sip.model import Plan
    from sip.model.plan import Waiver

CODE = "SIP204"
SEVERITY = WARNING
SUMMARY = "a waiver has lapsed, or silences nothing"


def lapsed(waiver: Waiver, as_of: dt.date) -> bool:
    """A waiver past its `until`: it silences nothing (sip/check/waivers.py skips it) and is
    reported by `check`."""
    return waiver.until is not None and waiver.until < as_of


def check(plan: Plan, context: Context) -> Iterator[Violation]:
    """Every lapsed waiver, at its `until`."""
    for position, waiver in enumerate(plan.waivers):
        if lapsed(waiver, context.as_of):
            yield Violation(
                ("waivers", position, "until"),
                f"{_name(waiver.rule, waiver.ids)} lapsed after {waiver.until}: fix what it covered, "
                "or renew it with a new until and the reason it still applies",
            )


class WaiverOutcome(NamedTuple):
    """What applying one waiver in force came to (the engine knows: it applies them)."""

    rule: str
    ids: Sequence[str] | None
    silenced: bool  # it covered at least one diagnostic
    rule_ran: bool  # its rule was checked (not a draft's SIP3xx-SIP6xx, not one the settings ignore)
    changed: str | None = None  # why its rule reads less since format 1.1 or 1.2 (CHANGED_IN_1_1, _1_2)


def check_waivers(outcomes: Iterable[WaiverOutcome]) -> Iterator[tuple[int, str]]:
    """(number, message) for each waiver in force that silenced nothing although its rule ran:
    a rule that did not run proves nothing. Called by the engine once it has applied a plan's
    waivers (sip/check/waivers.py), and again by the run for waivers of SIP203."""
    for number, outcome in enumerate(outcomes):
        if outcome.silenced or not outcome.rule_ran:
            continue
        if outcome.ids:
            ids = _ids(outcome.ids)
            rest = f"no {outcome.rule} is reported for {ids}; remove the waiver, or correct its ids"
        else:
            rest = f"no {outcome.rule} is reported for this plan; remove the waiver"
        if outcome.changed:  # a waiver written for format 1 whose rule now reads less: say why
            rest += f"; {outcome.changed}"
        yield number, f"{_name(outcome.rule, outcome.ids)} silences nothing: {rest}"


def _name(rule: str, ids: Sequence[str] | None) -> str:
    return f"the waiver of {rule} for {_ids(ids)}" if ids else f"the waiver of {rule}"


def _ids(ids: Iterable[str]) -> str:
    return ", ".join(ids)
