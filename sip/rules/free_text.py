"""The free text of a plan, walked once: every field typed `Text` in the models, found by
sip/model/fields.py from the models' declarations.

SIP601 (personal data) and SIP602 (placeholders) read these fields. The table is read when the
first plan is checked, not when this module is imported, so that `sip rules` does not load the
models.
"""

from __future__ import annotations

import functools


def steps(fields: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(field.split(".")) for field in fields)


def value_at(item, path: tuple[str, ...]):
    for step in path:
        item = getattr(item, step, None)
    return item


_ACTIONS = frozenset(("responses", "improvements"))

# (loc, the field's dotted name, the text, the item that holds it or None, its list or "")
Text = tuple[tuple, str, str, object, str]


def texts(plan) -> list[Text]:
    """Every free-text value written in the plan, in the format's order; cancelled actions'
    left out (a cancelled action counts for nothing)."""
    out: list[Text] = []
    plan_paths, split = _table()
    for path in plan_paths:
        value = value_at(plan, path)
        if value.__class__ is str:
            out.append((path, ".".join(path), value, None, ""))
    for name, single, nested in split:
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


@functools.cache
def _table() -> tuple[tuple[tuple[str, ...], ...], tuple]:
    """The plan's own free-text paths; and per list its one-step fields, and its two-step ones
    (verification.method) as (first, second, dotted name): no free text lies deeper."""
    from sip.model.fields import free_text

    plan_fields, list_fields = free_text()
    list_paths = {name: steps(fields) for name, fields in list_fields.items()}
    assert all(len(p) <= 2 for paths in list_paths.values() for p in paths)
    split = tuple(
        (
            name,
            tuple(p[0] for p in paths if len(p) == 1),
            tuple((p[0], p[1], ".".join(p)) for p in paths if len(p) == 2),
        )
        for name, paths in list_paths.items()
    )
    return steps(plan_fields), split
