"""Where the format's free text lives: every field typed `Text` in the models, by the list that
holds it (tests/test_rules_completeness.py holds this table to the models).

SIP601 (personal data) and SIP602 (placeholders) read these fields; the table is pydantic-free so
that `sip rules` does not load the models.
"""

from __future__ import annotations

PLAN_FIELDS = ("title", "company", "site.name", "owner.role", "owner.name")
LIST_FIELDS = {
    "sources": ("reference",),
    "findings": ("title", "description", "evidence", "disputed", "needs_assessment.summary", "not_covered"),
    "service_providers": ("name", "role"),
    "parties": ("name", "role"),
    "grievance_channels": ("name",),
    "responses": (
        "action",
        "owner",
        "contingency",
        "unclaimed",  # text (format 1.1), or a mapping whose `then` is text (1.2)
        "unclaimed.then",
        "verification.method",
        "verification.evidence",
    ),
    "root_causes": ("cause",),
    "risks": ("risk", "source.name"),
    "improvements": (
        "action",
        "owner",
        "measure",
        "verification.method",
        "verification.evidence",
        "effectiveness.evidence",
    ),
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


# One walk per plan, shared by every rule that reads free text (PlanIndex.free_texts).
_PLAN_PATHS = steps(PLAN_FIELDS)
_LIST_PATHS = {name: steps(fields) for name, fields in LIST_FIELDS.items()}
_ACTIONS = frozenset(("responses", "improvements"))

# (loc, the field's dotted name, the text, the item that holds it or None, its list or "")
Text = tuple[tuple, str, str, object, str]


def texts(plan) -> list[Text]:
    """Every free-text value written in the plan, in the format's order; cancelled actions'
    left out (a cancelled action counts for nothing)."""
    out: list[Text] = []
    for path in _PLAN_PATHS:
        value = value_at(plan, path)
        if value.__class__ is str:
            out.append((path, ".".join(path), value, None, ""))
    for name, single, nested in _SPLIT:
        actions = name in _ACTIONS
        for position, item in enumerate(getattr(plan, name)):
            if actions and item.status == "cancelled":
                continue
            for field in single:
                value = getattr(item, field)
                if value.__class__ is str:
                    out.append(((name, position, field), field, value, item, name))
            for first, rest, dotted in nested:
                inner = getattr(item, first)
                if inner is None or inner.__class__ is str:  # `unclaimed` written as text
                    continue
                value = getattr(inner, rest)
                if value.__class__ is str:
                    out.append(((name, position, first, rest), dotted, value, item, name))
    return out


# Per list: its one-step fields, and its two-step ones (verification.method) as (first, second,
# dotted name); no free text lies deeper.
_SPLIT = tuple(
    (
        name,
        tuple(p[0] for p in paths if len(p) == 1),
        tuple((p[0], p[1], ".".join(p)) for p in paths if len(p) == 2),
    )
    for name, paths in _LIST_PATHS.items()
)
assert all(len(p) <= 2 for paths in _LIST_PATHS.values() for p in paths)
