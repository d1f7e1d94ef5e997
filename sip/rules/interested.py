"""Whether the party or service provider a `by` names has an interest in the answer (format 1.2).

SIP509 (a verification marked independent) and SIP412 (who assessed the workers' needs) share
this one reading, and agree with SIP404: a party of kind `employer`, `own-staff`,
`labour-agent`, `recruitment-agency` or `other`, or a service provider of kind `other`,
proves nothing by its kind; a service provider of any other kind, and a party of any other
kind, counts as independent.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sip.format.wording import label

if TYPE_CHECKING:
    from sip.model import Plan


def interested(plan: Plan, item_id: str) -> str | None:
    """`P-2 “Site HR department”, a party of kind employer` when `item_id` names such a party
    or provider, else None (an unknown id is SIP202's, not a judgement of independence)."""
    from sip.format.vocab import INTERESTED_PARTY_KINDS

    for party in plan.parties:
        if party.id == item_id:
            if party.kind not in INTERESTED_PARTY_KINDS:
                return None
            return f"{label(party, 'parties')}, a party of kind {party.kind}"
    for provider in plan.service_providers:
        if provider.id == item_id:
            if provider.kind != "other":
                return None
            return f"{label(provider, 'service_providers')}, a service provider of kind other"
    return None
