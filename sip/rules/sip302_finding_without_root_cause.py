"""A finding has no root cause.

The source asks a plan to "address the root causes of the issues, including the
policies and practices that contributed to the problem": fixing the symptom at one
site leaves the cause to produce the next case. Every finding must be listed in the
`findings` of at least one `root_causes` entry.

Reported at the finding.

Fails:

    findings:
      - id: F-3
        title: Grievance channel offered only in Malay and English
        ...
    root_causes: []

Passes:

    findings:
      - id: F-3
        title: Grievance channel offered only in Malay and English
        ...
    root_causes:
      - id: RC-2
        findings: [F-3]
        category: practice
        cause: The hotline was bought off the shelf; no one asked which languages the workers read
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from sip.diagnostic import ERROR
from sip.format.wording import label
from sip.rules.context import Context, Violation

if TYPE_CHECKING:
    from sip.model import Plan

CODE = "SIP302"
SEVERITY = ERROR
SUMMARY = "a finding has no root cause"


def check(plan: Plan, context: Context) -> Iterator[Violation]:
    assert context.index is not None
    explained = context.index.explained
    for position, finding in enumerate(plan.findings):
        if finding.id not in explained:
            yield Violation(
                ("findings", position),
                f"{label(finding, 'findings')} has no root cause: add a root_causes "
                f"entry whose findings list {finding.id}",
            )
