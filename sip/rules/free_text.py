"""Where the format's free text lives: every field typed `Text` in the models, by the list that
holds it (tests/test_rules_completeness.py holds this table to the models).

SIP601 (personal data) and SIP602 (placeholders) read these fields; the table is pydantic-free so
that `sip rules` does not load the models.
"""

from __future__ import annotations

PLAN_FIELDS = ("title", "company", "site.name", "owner.role", "owner.name")
LIST_FIELDS = {
    "sources": ("reference",),
    "findings": ("title", "description", "evidence", "disputed", "needs_assessment.summary"),
    "service_providers": ("name", "role"),
    "parties": ("name", "role"),
    "responses": ("action", "owner", "contingency", "unclaimed", "verification.method",
                  "verification.evidence"),
    "root_causes": ("cause",),
    "risks": ("risk", "source.name"),
    "improvements": ("action", "owner", "measure", "verification.method",
                     "verification.evidence", "effectiveness.evidence"),
    "worker_engagement": ("method", "summary"),
    "reviews": ("by", "summary"),
    "waivers": ("reason",),
}


def steps(fields: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(field.split(".")) for field in fields)


def value_at(item, path: tuple[str, ...]):
    for step in path:
        item = getattr(item, step, None)
    return item
