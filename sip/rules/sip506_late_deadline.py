"""Warning: a response is due further from its finding than the deadline for its severity.

Workers wait while a response is pending. A response must be due within a deadline
counted from the day its finding was `identified`: by default 30 days for a critical
finding, 90 for a major one, 180 for a minor one (`deadlines` in the configuration
changes them). A response to several findings is held to the earliest of their
deadlines. Over means strictly more days; improvements are not held to deadlines.

When a longer time is right for the workers (instalments agreed with them, a course
of treatment), say so with a waiver of SIP506 for that response.

Reported at `due`.

Fails:

    findings:
      - id: F-1
        severity: critical
        identified: 2026-07-15
        ...
    responses:
      - id: A-2
        addresses: [F-1]
        due: 2026-10-31           # 108 days; the deadline is 30
        ...

Passes:

    responses:
      - id: A-2
        addresses: [F-1]
        due: 2026-08-14           # 30 days
        ...
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from sip.diagnostic import WARNING
from sip.format.wording import label
from sip.rules.context import Context, Violation

CODE = "SIP506"
SEVERITY = WARNING
SUMMARY = "a response is due further from its finding than the deadline for its severity"


def check(plan, context: Context) -> Iterator[Violation]:
    assert context.index is not None
    days_for = context.deadlines
    deadlines = {finding_id: finding.identified + dt.timedelta(days=days_for[finding.severity])
                 for finding_id, finding in context.index.findings.items()}
    for position, response in context.index.responses:
        earliest = None
        for finding_id in response.addresses:
            deadline = deadlines.get(finding_id)
            if deadline is not None and (earliest is None or deadline < earliest[0]):
                earliest = (deadline, finding_id)
        if earliest is None or response.due <= earliest[0]:
            continue
        deadline, finding_id = earliest
        finding = context.index.findings[finding_id]
        days = days_for[finding.severity]
        taken = (response.due - finding.identified).days
        yield Violation(("responses", position, "due"),
                        f"{label(response, 'responses')} is due {response.due}, {taken} days after "
                        f"{finding.severity} finding {finding.id} was identified; the deadline is "
                        f"{days} days ({deadline}): bring due forward, or add a waiver of SIP506 "
                        f"for {response.id} with the reason")
