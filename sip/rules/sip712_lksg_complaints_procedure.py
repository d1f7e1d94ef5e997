"""LkSG § 8 Abs. 1: the plan records no complaints procedure.

The Act says (§ 8 Abs. 1 Sätze 1-2): "Das Unternehmen hat dafür zu sorgen, dass ein angemessenes
unternehmensinternes Beschwerdeverfahren nach den Absätzen 2 bis 4 eingerichtet ist. Das
Beschwerdeverfahren ermöglicht Personen, auf menschenrechtliche und umweltbezogene Risiken sowie
auf Verletzungen menschenrechtsbezogener oder umweltbezogener Pflichten hinzuweisen, die durch das
wirtschaftliche Handeln eines Unternehmens im eigenen Geschäftsbereich oder eines unmittelbaren
Zulieferers entstanden sind." (The company must see to it that an appropriate internal complaints
procedure is set up, which lets people point out risks and violations; sip's own translation.)

A plan under the `lksg` framework records at least one grievance channel open on the as-of date
(`since` absent or not later). What the channel must be is said by SIP713 (public rules of
procedure), SIP714 (impartial people run it), SIP715 (reviewed every year) and, where there is
forced labour, SIP411 (safe to use). A complaints procedure of an industry initiative that the
company takes part in counts: record it as a channel run by a third party.

Runs only on a plan the `lksg` framework applies to. Reported at `grievance_channels` when the
list is there, else at the top of the plan.

Fails:

    frameworks: [lksg]
    grievance_channels: []

Passes:

    frameworks: [lksg]
    grievance_channels:
      - id: GC-1
        name: The company's complaints procedure, run by an external ombudsperson
        operated_by: third-party
        anonymous: true
        languages: [de, en, tr]
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from sip.diagnostic import ERROR
from sip.rules.context import Context, Violation

if TYPE_CHECKING:
    from sip.model import Plan

CODE = "SIP712"
SEVERITY = ERROR
SUMMARY = "LkSG § 8 Abs. 1: the plan records no complaints procedure"
FRAMEWORK = "lksg"


def check(plan: Plan, context: Context) -> Iterator[Violation]:
    if any(c.since is None or c.since <= context.as_of for c in plan.grievance_channels):
        return
    present = "grievance_channels" in plan.model_fields_set
    later = " open on the as-of date" if plan.grievance_channels else ""
    yield Violation(
        ("grievance_channels",),
        f"the plan records no grievance channel{later}, and LkSG § 8 Abs. 1 asks for a complaints "
        "procedure through which people can point out risks and violations: record the company's "
        "complaints procedure (or the external one it takes part in) in grievance_channels",
        at=None if present else (),
    )
