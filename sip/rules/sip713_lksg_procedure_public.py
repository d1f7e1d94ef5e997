"""LkSG § 8 Abs. 2: no complaints channel has public, written rules of procedure.

The Act says (§ 8 Abs. 2): "Das Unternehmen legt eine Verfahrensordnung in Textform fest, die
öffentlich zugänglich ist." (The company lays down rules of procedure in text form, which are
publicly accessible; sip's own translation.) And § 8 Abs. 4: "Das Unternehmen muss in geeigneter
Weise klare und verständliche Informationen zur Erreichbarkeit und Zuständigkeit und zur
Durchführung des Beschwerdeverfahrens öffentlich zugänglich machen. Das Beschwerdeverfahren muss
für potenzielle Beteiligte zugänglich sein, die Vertraulichkeit der Identität wahren und wirksamen
Schutz vor Benachteiligung oder Bestrafung aufgrund einer Beschwerde gewährleisten." (clear
information on how to reach the procedure, who is responsible and how it runs, made public; the
procedure accessible, confidential, and protecting those who complain. Whether workers can use a
channel safely is SIP411's to judge where there is forced labour.)

A plan under the `lksg` framework records, for at least one grievance channel open on the as-of
date, that its rules of procedure are written down and public, with how to reach it and who
handles complaints (`procedure_public: true`). A plan with no channel at all is SIP712's.

Runs only on a plan the `lksg` framework applies to. Reported at `grievance_channels`.

Fails:

    frameworks: [lksg]
    grievance_channels:
      - id: GC-1
        name: Complaints box in the canteen
        operated_by: company
        anonymous: true
        languages: [de]

Passes:

    grievance_channels:
      - id: GC-1
        name: Complaints procedure, rules published on the company website in five languages
        operated_by: company
        anonymous: true
        languages: [de, en]
        procedure_public: true
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from sip.diagnostic import ERROR
from sip.format.wording import ids
from sip.rules.context import Context, Violation

if TYPE_CHECKING:
    from sip.model import Plan

CODE = "SIP713"
SEVERITY = ERROR
SUMMARY = "LkSG § 8 Abs. 2: no complaints channel has public, written rules of procedure"
FRAMEWORK = "lksg"


def check(plan: Plan, context: Context) -> Iterator[Violation]:
    channels = [c for c in plan.grievance_channels if c.since is None or c.since <= context.as_of]
    if not channels or any(c.procedure_public for c in channels):
        return  # no channel at all is SIP712's
    yield Violation(
        ("grievance_channels",),
        f"no rules of procedure are recorded as written and public for {ids([c.id for c in channels])}, "
        "and LkSG § 8 Abs. 2 and 4 ask for public rules of procedure in text form, with how to reach "
        "the procedure and who is responsible: publish them and set procedure_public: true",
    )
