"""FAR 52.222-50(h)(3)(ii): no grievance channel gives workers the Global Human Trafficking Hotline.

The clause asks the compliance plan for "A process for employees to report, without fear of
retaliation, activity inconsistent with the policy prohibiting trafficking in persons,
including a means to make available to all employees the hotline phone number of the Global
Human Trafficking Hotline at 1-844-888-FREE and its email address at help@befree.org."

A plan under the `far` framework records at least one grievance channel, open on the as-of date
(`since` absent or not later), whose published information gives workers the hotline
(`publishes_hotline: true`). Whether workers can use a channel without fear of retaliation
(anonymous, not run by the site, in their languages) is SIP411's to say.

Runs only on a plan the `far` framework applies to. Reported at `grievance_channels` when the
list is there, else at the top of the plan.

Fails:

    frameworks: [far]
    grievance_channels:
      - id: GC-1
        name: Worker helpline run by an NGO
        operated_by: third-party
        anonymous: true
        languages: [ne, ms]

Passes:

    frameworks: [far]
    grievance_channels:
      - id: GC-1
        name: Worker helpline run by an NGO; its posters give the Global Human Trafficking Hotline
        operated_by: third-party
        anonymous: true
        languages: [ne, ms]
        publishes_hotline: true
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from sip.diagnostic import ERROR
from sip.rules.context import Context, Violation

if TYPE_CHECKING:
    from sip.model import Plan

CODE = "SIP701"
SEVERITY = ERROR
SUMMARY = "FAR 52.222-50(h)(3)(ii): no grievance channel gives workers the Global Human Trafficking Hotline"
FRAMEWORK = "far"


def check(plan: Plan, context: Context) -> Iterator[Violation]:
    channels = [c for c in plan.grievance_channels if c.since is None or c.since <= context.as_of]
    if any(c.publishes_hotline for c in channels):
        return
    why = (
        "records no grievance channel open on the as-of date"
        if not channels
        else "records no grievance channel whose information gives workers the hotline"
    )
    present = "grievance_channels" in plan.model_fields_set
    yield Violation(
        ("grievance_channels",),
        "FAR 52.222-50(h)(3)(ii) asks for a process for employees to report without fear of "
        f"retaliation, making the Global Human Trafficking Hotline (1-844-888-FREE, help@befree.org) "
        f"available to all of them; the plan {why}: record the channel and set publishes_hotline: "
        "true once its posters and notices give the hotline",
        at=None if present else (),
    )
