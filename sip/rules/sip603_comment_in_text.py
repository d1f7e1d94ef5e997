"""Warning: a note written inside a text reads as a comment, but every report prints it.

In YAML, `#` starts a comment only outside a value. Inside a block scalar (`|` or `>`) or a
quoted text that runs over several lines, a line such as `# INFERRED from the audit, check
with SJ` or `... # [SJ]` is part of the text: it is not hidden, and every report, the
public one included, prints it. A line inside such a scalar whose first non-blank
character is `#`, or that holds a space followed by `#` and a space or `[`, is reported;
one warning per scalar, at its first such line.

Comments, plain one-line values and keys are not read; a `#` inside a one-line quoted value
is plainly text. Cancelled actions are not read.

New in format 1.2: notes written inside the text of a plan written before it are reported.

Reported at that line, at its `#`.

Fails:

    findings:
      - id: F-1
        description: |
          Workers paid fees of USD 1,200 to 1,800 to agents in Kathmandu.
          # INFERRED from two interviews, confirm with SP-1 before publishing

Passes:

    findings:
      - id: F-1
        # INFERRED from two interviews, confirm with SP-1 before publishing
        description: |
          Workers paid fees of USD 1,200 to 1,800 to agents in Kathmandu.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from sip.diagnostic import WARNING
from sip.format.wording import label
from sip.read.positions import parse_path, top_item
from sip.rules.context import Context, Violation
from sip.rules.index import is_cancelled

if TYPE_CHECKING:
    from sip.model import Plan

CODE = "SIP603"
SEVERITY = WARNING
SUMMARY = "a note written inside a text reads as a comment, but reports print it"


def check(plan: Plan, context: Context) -> Iterator[Violation]:
    for line, column, path in context.comment_lines:
        whose, field = "the plan's", path
        item = top_item(path)
        if item is not None:
            name, position, rest = item
            items = getattr(plan, name, None)
            if isinstance(items, list) and position < len(items):
                if is_cancelled(items[position], name):
                    continue
                if hasattr(items[position], "id"):
                    whose, field = f"{label(items[position], name)}: its", rest.lstrip(".")
        yield Violation(
            parse_path(path),
            f"{whose} {field} holds on line {line} a note that reads as a comment, but it is "
            "text inside the value and every report prints it (new in format 1.2): move the "
            "note onto a comment line of its own, outside the value, or remove it",
            position=(line, column),
        )
