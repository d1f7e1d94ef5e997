"""What a page of a site shows of other plans' findings (format 1.2): the finding of another plan
a finding repeats (`repeats: PLAN-ID/F-n`), the later findings that repeat it, and (internal
sites) the closed plans at the same site that a forced-labour finding came back after (SIP205's
pairs). Only the run knows them, once every plan is checked: sip/commands/tasks/site_links.py
makes them, and a page that has any is made with them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sip.output.render.context import OtherFinding


@dataclass(frozen=True)
class PageLinks:
    """By the real id of a finding of the page's plan."""

    repeats: dict[str, OtherFinding] = field(default_factory=dict)
    came_back_after: dict[str, list[OtherFinding]] = field(default_factory=dict)
    found_again: dict[str, list[OtherFinding]] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.repeats or self.came_back_after or self.found_again)


NO_LINKS = PageLinks()
