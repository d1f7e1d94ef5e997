"""The check two FAR rules share: the plan's improvements must include an entry of each element
a framework names (SIP702 recruitment and wages, SIP704 agents and subcontractors)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from sip.format.wording import ids
from sip.rules.context import Context, Violation

if TYPE_CHECKING:
    from sip.model import Plan


def missing_elements(plan: Plan, context: Context, wanted: dict[str, str], asks: str) -> Iterator[Violation]:
    """One violation naming every element of `wanted` (element -> how the message names it) that
    no improvement has, after `asks`, what the framework asks for; on the improvements list, or
    on the plan when it has none."""
    assert context.index is not None
    elements = {i.element for _, i in context.index.improvements}
    missing = [wanted[e] for e in wanted if e not in elements]
    if not missing:
        return
    present = "improvements" in plan.model_fields_set
    yield Violation(
        ("improvements",),
        f"{asks}; add an improvements entry of element {ids(missing)}",
        at=None if present else (),
    )
