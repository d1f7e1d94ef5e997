"""An id is used twice in one plan.

Every item of `sources`, `findings`, `service_providers`, `responses`,
`root_causes`, `risks` and `improvements` has an id, and ids are unique across all
these lists: references (`addresses: [F-1]`) and waivers (`ids: [A-2]`) must name
exactly one item, or a response could be counted against the wrong finding.

Reported at the later `id` (the first keeps it), with a free id to use instead.
(The plan index, sip/rules/index.py, finds reused ids in its one pass over the lists.) A
cancelled action counts for nothing: it is never reported, and its id does not block
another item's.

Fails:

    findings:
      - id: F-1
        title: Recruitment fees paid to agents
        ...
      - id: F-1
        title: Passports held by the employer
        ...

Passes:

    findings:
      - id: F-1
        title: Recruitment fees paid to agents
        ...
      - id: F-2
        title: Passports held by the employer
        ...
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from typing import TYPE_CHECKING

from sip.diagnostic import ERROR
from sip.format.wording import label
from sip.rules.context import Context, Violation

if TYPE_CHECKING:
    from sip.model import Plan

CODE = "SIP201"
SEVERITY = ERROR
SUMMARY = "an id is used twice in one plan"

_NUMBERED = re.compile(r"(.*?)([0-9]+)\Z")


def check(plan: Plan, context: Context) -> Iterator[Violation]:
    assert context.index is not None
    for name, position, item, earlier_name, earlier_position in context.index.reused:
        earlier_item = getattr(plan, earlier_name)[earlier_position]
        yield Violation(
            (name, position, "id"),
            f"{name}[{position}] {label(item, name)} reuses the id of {earlier_name}"
            f"[{earlier_position}] {label(earlier_item, earlier_name)}: give it an id of its "
            f"own, such as {_free_id(item.id, context.index.kind_of)}",
        )


def _free_id(taken: str, used: Collection[str]) -> str:
    """The next free id in the same series: A-3 -> A-8 when A-1..A-7 exist."""
    match = _NUMBERED.match(taken)
    stem, width = (match[1], len(match[2])) if match else (taken + "-", 1)
    numbers = [int(m[2]) for other in used if (m := _NUMBERED.match(other)) and m[1] == stem]
    number = max(numbers, default=0) + 1
    while f"{stem}{number:0{width}d}" in used:
        number += 1
    return f"{stem}{number:0{width}d}"
