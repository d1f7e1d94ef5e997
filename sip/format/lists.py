"""The plan's top-level lists whose items carry ids: their names in the format's order, the noun
for one item, and the field that serves as an item's title. Models, rules, messages, reports and
`sip diff` all read them here."""

from __future__ import annotations

ID_LISTS = (
    "sources",
    "findings",
    "service_providers",
    "parties",
    "grievance_channels",
    "responses",
    "root_causes",
    "risks",
    "improvements",
)
# Lists of actions: items with an owner, a due date and a status.
ACTION_LISTS = ("responses", "improvements")

NOUN = {
    "sources": "source",
    "findings": "finding",
    "service_providers": "service provider",
    "parties": "party",
    "responses": "response",
    "root_causes": "root cause",
    "risks": "risk",
    "improvements": "improvement",
    "grievance_channels": "grievance channel",
}
TITLE_FIELD = {
    "sources": "reference",
    "findings": "title",
    "service_providers": "name",
    "parties": "name",
    "responses": "action",
    "root_causes": "cause",
    "risks": "risk",
    "improvements": "action",
    "grievance_channels": "name",
}
