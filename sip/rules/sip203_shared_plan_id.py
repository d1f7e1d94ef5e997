"""Two plans in the files checked together share a plan `id`.

A plan id is how a plan is named in reports, in reviews and in `git log`; in one
repository of plans each must be unique. When plans are checked together (several
files, or folders), every later file whose `id` an earlier plan already has is
reported at its `id`, naming the first file. Files are taken in command-line order,
folders sorted. Only plans that were rule-checked (no SIP0xx/SIP1xx error) are compared.

A waiver of SIP203 without `ids`, in the later plan, silences it (a plan kept in two
places on purpose, for example during a move).

Fails (two files):

    # plans/gloves-klang.yaml
    sip: 1
    id: SIP-2026-007
    ...

    # plans/gloves-penang.yaml
    sip: 1
    id: SIP-2026-007
    ...

Passes:

    # plans/gloves-klang.yaml
    sip: 1
    id: SIP-2026-007
    ...

    # plans/gloves-penang.yaml
    sip: 1
    id: SIP-2026-008
    ...
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from sip.diagnostic import ERROR
from sip.rules.context import PlacedViolation, PlanIdentity

CODE = "SIP203"
SEVERITY = ERROR
SUMMARY = "two plans in the files checked together share a plan id"
# Not a rule of one plan: it compares the files of a run, so the run calls `check_run` once every
# file is checked (sip/check/run.py), with what it knows of each file.
check = None


def check_run(plans: Iterable[PlanIdentity]) -> Iterator[PlacedViolation]:
    """Every later file whose plan id an earlier rule-checked plan already has."""
    first: dict[str, str] = {}
    for plan in plans:
        if not plan.rules_ran or plan.plan_id is None:
            continue
        earlier = first.setdefault(plan.plan_id, plan.file)
        if earlier == plan.file:
            continue
        line, column = plan.plan_id_position
        yield PlacedViolation(
            plan.file,
            line,
            column,
            f"plan id {plan.plan_id} is already used by {earlier}: give this plan an id of its own",
            "id",
        )
