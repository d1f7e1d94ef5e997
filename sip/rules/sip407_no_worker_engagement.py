"""Warning: a plan with a forced-labour finding records no engagement with the workers.

A remedy decided without the people it is for misses what they need: the instalments
they can live with, the channel they trust, the language they read. Fair-recruitment and
remediation guidance (the Leadership Group for Responsible Recruitment, the UN Guiding
Principles on remedy) puts the affected workers, or people they chose, in the process.
An active or monitoring plan with a forced-labour finding (determination
`substantiated` or `suspected`, written or derived) records at least one
`worker_engagement` entry dated on or before the as-of date.

New in format 1.1.

Reported at `worker_engagement` when the list is there (empty too: `worker_engagement:`
with its entries commented out), else at the top of the plan (path `worker_engagement`,
as SIP305).

Fails:

    status: active
    findings:
      - id: F-1
        severity: critical
        ...
    # no worker_engagement

Passes:

    worker_engagement:
      - date: 2026-08-05
        with: worker-representatives
        method: Meeting in Nepali and Bahasa Indonesia, with SP-1 interpreting
        summary: Workers agreed to the instalments; asked for a hotline outside the company
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from sip.diagnostic import WARNING
from sip.format.wording import label
from sip.rules.context import Context, Violation

if TYPE_CHECKING:
    from sip.model import Plan

CODE = "SIP407"
SEVERITY = WARNING
SUMMARY = "an active or monitoring plan with a forced-labour finding records no worker engagement"


def check(plan: Plan, context: Context) -> Iterator[Violation]:
    if plan.status not in ("active", "monitoring"):
        return
    engaged = plan.worker_engagement
    if any(entry.date <= context.as_of for entry in engaged):
        return
    forced = next((f for f in plan.findings if f.is_forced_labour), None)
    if forced is None:
        return
    why = f" (the earliest entry is dated after {context.as_of})" if engaged else ""
    yield Violation(
        ("worker_engagement",),
        f"the plan has forced-labour finding {label(forced, 'findings')} but records "
        f"no engagement with the affected workers{why}: add a worker_engagement entry "
        "(date, with, method, summary) for each time the workers or their "
        "representatives took part in the plan",
    )
