"""LkSG § 8 Abs. 3: every complaints channel is run by the site the complaints are about.

The Act says (§ 8 Abs. 3): "Die von dem Unternehmen mit der Durchführung des Verfahrens betrauten
Personen müssen Gewähr für unparteiisches Handeln bieten, insbesondere müssen sie unabhängig und
an Weisungen nicht gebunden sein. Sie sind zur Verschwiegenheit verpflichtet." (The people the
company entrusts with running the procedure must guarantee impartial conduct; in particular they
must be independent and not bound by instructions. They are bound to secrecy; sip's own
translation.)

A plan under the `lksg` framework records at least one grievance channel, open on the as-of
date, that the site does not run (`operated_by` other than `site`): the site's management cannot
be impartial about complaints against itself. A channel run by the company can be impartial when
the people who run it are independent of the purchasing that profits from the site; sip cannot
see that, and takes the company's word. A plan with no channel at all is SIP712's.

Runs only on a plan the `lksg` framework applies to. Reported at `grievance_channels`.

Fails:

    frameworks: [lksg]
    grievance_channels:
      - id: GC-1
        name: The supplier's HR hotline
        operated_by: site
        anonymous: true
        languages: [ne, ms]

Passes:

    grievance_channels:
      - id: GC-2
        name: Ombudsperson appointed by the company, bound by no instructions
        operated_by: third-party
        anonymous: true
        languages: [ne, ms]
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from sip.diagnostic import ERROR
from sip.format.wording import ids
from sip.rules.context import Context, Violation

if TYPE_CHECKING:
    from sip.model import Plan

CODE = "SIP714"
SEVERITY = ERROR
SUMMARY = "LkSG § 8 Abs. 3: every complaints channel is run by the site the complaints are about"
FRAMEWORK = "lksg"


def check(plan: Plan, context: Context) -> Iterator[Violation]:
    channels = [c for c in plan.grievance_channels if c.since is None or c.since <= context.as_of]
    if not channels or any(c.operated_by != "site" for c in channels):
        return  # no channel at all is SIP712's
    yield Violation(
        ("grievance_channels",),
        f"{ids([c.id for c in channels])} {'is' if len(channels) == 1 else 'are'} run by the site, and "
        "LkSG § 8 Abs. 3 asks that the people who run the complaints procedure be impartial, "
        "independent and bound by no instructions: add a channel run by the company's independent "
        "office, a third party or a worker organisation",
    )
