"""A plan with a forced-labour finding lists no victim service provider that was consulted.

The source: "Public and non-governmental victim service providers with expertise in
supporting migrant workers should be consulted as valuable resources to better
understand the issue and address its root cause." A plan with a forced-labour finding
(determination `substantiated` or `suspected`, written or derived) lists in
`service_providers` at least one provider that

- is a victim service provider: of kind `ngo`, `government`,
  `international-organisation`, `trade-union`, `legal-aid` or `worker-organisation`
  (not `other`: a law firm that disburses payments or an accountancy firm is a party,
  listed under `parties`); and
- was consulted: its `consulted` date is on or before the as-of date. A provider without
  `consulted` is planned, not consulted; a date after the as-of date has not happened yet.

Changed in format 1.1: providers of kind `other` no longer count.

Reported once per plan, at `service_providers` when the list is there, else at the
top of the plan.

Fails:

    service_providers:
      - id: SP-1
        name: Example Law Chambers
        kind: other               # not a victim service provider
        role: Pays workers their refunds
        consulted: 2026-07-25

Passes:

    service_providers:
      - id: SP-1
        name: Example Migrant Rights Centre
        kind: ngo
        role: Worker interviews and case management
        consulted: 2026-07-25
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from sip.diagnostic import ERROR
from sip.format.wording import ids, label
from sip.rules.context import Context, Violation

if TYPE_CHECKING:
    from sip.model import Plan

CODE = "SIP404"
SEVERITY = ERROR
SUMMARY = "a plan with a forced-labour finding lists no victim service provider that was consulted"
# Why a waiver written for format 1 may silence nothing now (SIP204 says so).
CHANGED_IN_1_1 = (
    "since format 1.1, a forced-labour finding is one whose determination is "
    "substantiated or suspected (one indicator on a finding that is not critical is not "
    "one)"
)


def check(plan: Plan, context: Context) -> Iterator[Violation]:
    from sip.format.vocab import VICTIM_SERVICE_PROVIDER_KINDS as KINDS

    forced = [f for f in plan.findings if f.is_forced_labour]
    if not forced:
        return
    providers = plan.service_providers
    if any(p.kind in KINDS and p.consulted is not None and p.consulted <= context.as_of for p in providers):
        return
    first = label(forced[0], "findings")
    more = f" and {len(forced) - 1} more" if len(forced) > 1 else ""
    if not providers:
        state = "lists no service provider"
        if plan.parties:
            party_ids = ids([p.id for p in plan.parties])
            state += (
                f" (its parties, {party_ids}, are not victim service providers)"
                if len(plan.parties) > 1
                else f" (its party {party_ids} is not a victim service provider)"
            )
    else:
        others = [p.id for p in providers if p.kind not in KINDS]
        counted = [p for p in providers if p.kind in KINDS]
        planned = [p.id for p in counted if p.consulted is None]
        later = [p.id for p in counted if p.consulted is not None]
        parts = (
            [
                f"{ids(others)} {'is' if len(others) == 1 else 'are'} of kind other, which is "
                "not a victim service provider; a law firm or an auditor belongs in parties"
            ]
            if others
            else []
        )
        parts += (
            [f"{ids(planned)} {'has' if len(planned) == 1 else 'have'} no consulted date"] if planned else []
        )
        parts += (
            [f"{ids(later)} {'is' if len(later) == 1 else 'are'} dated after {context.as_of}"]
            if later
            else []
        )
        state = f"has no victim service provider consulted by {context.as_of} ({'; '.join(parts)})"
    present = "service_providers" in plan.model_fields_set
    yield Violation(
        ("service_providers",),
        f"the plan has forced-labour finding {first}{more} but {state}: consult a "
        "public or non-governmental victim service provider (an NGO, a government "
        "agency, an international organisation, a trade union, legal aid or a worker "
        "organisation) and record the date in consulted",
        at=None if present else (),
    )
