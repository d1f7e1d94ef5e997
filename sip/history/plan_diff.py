"""What changed in one plan between two revisions, as a reviewer reads it.

Items are matched by id within their list (an id that changed reads as one item deleted
and another added); how a change to each field reads, and which changes are refused, is
declared on the field (sip/model/facts.py) and worded in sip/history/field_diff.py. What
`sip diff --check` refuses, because a reviewer must never accept it silently:
- a finding, response or improvement deleted (a plan deleted with them);
- an action's status moving backward (done -> in-progress);
- an action cancelled, or its due date moved later, without a new `reviews` entry in
  the same change (the decision belongs on the record);
- and, from format 1.1, without such a review: a finding's determination moved down
  (substantiated to anything else; suspected to indicators-only or not-substantiated), an
  instalment's `paid` date removed, a remedy's `workers_reached` lowered;
- from format 1.2, without such a review: a finding's `workers_affected` or the low end of its
  `fees_documented` lowered (or removed), a grievance channel deleted.
"""

from __future__ import annotations

import functools
from collections import Counter
from dataclasses import dataclass, field

from sip.diagnostic import Diagnostic
from sip.format.lists import ACTION_LISTS, NOUN
from sip.format.wording import plural
from sip.history.change import ADDED, CHANGED, REMOVED, WITHOUT_REVIEW, Change, short, shown
from sip.read.item_keys import stable_path

__all__ = ["ADDED", "CHANGED", "REMOVED", "WITHOUT_REVIEW", "Change", "PlanDiff", "compare"]


@functools.cache
def lists() -> dict[str, tuple[str, str]]:
    """The plan's lists compared item by item (`diff: ITEMS`, sip/model/facts.py), in the order a
    reviewer reads them: those whose items stay on the record (findings and what answers them)
    first, then the others in the format's order; each with its noun and what deleting an item
    does (REFUSED, NEEDS_REVIEW or "")."""
    from sip.model import Plan
    from sip.model.facts import ITEMS
    from sip.model.fields import declared

    compared = [d for d in declared(Plan).values() if d.facts.diff == ITEMS]
    ordered = [d for d in compared if d.facts.deletion] + [d for d in compared if not d.facts.deletion]
    return {d.name: (NOUN[d.name], d.facts.deletion) for d in ordered}


@dataclass
class PlanDiff:
    old_path: str | None
    new_path: str | None
    plan_id: str | None
    changes: list[Change] = field(default_factory=list)

    @property
    def path(self) -> str:
        return self.new_path or self.old_path or ""

    @property
    def refused(self) -> list[Change]:
        return [c for c in self.changes if c.refused]


def compare(old: dict, new: dict) -> list[Change]:
    """The changes from old to new plan data."""
    reviewed = _added_reviews(old, new)
    changes = _plan_fields(old, new, bool(reviewed))
    for name, (noun, deletion) in lists().items():
        changes += _list_changes(name, noun, deletion, old, new, bool(reviewed))
    changes += [Change("review-added", ADDED, f"review logged: {_review_text(r)}") for r in reviewed]
    changes += [
        Change("review-removed", REMOVED, f"review removed: {_review_text(r)}")
        for r in _added_reviews(new, old)
    ]
    changes += _waiver_changes(old, new)
    changes += _engagement_changes(old, new)
    changes += _submission_changes(old, new)
    return changes


def plan_added(new: dict | None) -> Change:
    """A plan file that the base does not have (None: it cannot be read as YAML)."""
    what = _counts(new) if new is not None else "it cannot be read as YAML"
    return Change("plan-added", ADDED, f"plan added: {what}")


def plan_removed(old: dict | None) -> Change:
    what = f" with its {_counts(old)}" if old is not None else ""
    return Change(
        "plan-removed",
        REMOVED,
        f"plan deleted{what}",
        refused="a plan stays on the record: set its status to closed instead",
    )


def unreadable(side: str) -> Change:
    return Change(
        "unreadable",
        CHANGED,
        f"the plan cannot be read as YAML at {side}, so its "
        "items cannot be compared; its diagnostics say why",
    )


# -- the plan and its items ---------------------------------------------------------------------


def _counts(data: dict) -> str:
    findings = len(_items(data, "findings"))
    actions = sum(len(_items(data, name)) for name in ACTION_LISTS)
    return f"{plural(findings, 'finding')}, {plural(actions, 'action')}"


def _items(data: dict, name: str) -> dict[str, dict]:
    items = data.get(name)
    out: dict[str, dict] = {}
    if isinstance(items, list):
        for item in items:
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                out.setdefault(item["id"], item)
    return out


def _plan_fields(old: dict, new: dict, reviewed: bool) -> list[Change]:
    from sip.history.field_diff import changes
    from sip.model import Plan

    lines, edited = changes(Plan, old, new, "", "", reviewed)
    if edited:
        lines.append(Change("plan-edited", CHANGED, f"plan edited: {'; '.join(edited)}"))
    return lines


def _list_changes(name: str, noun: str, deletion: str, old: dict, new: dict, reviewed: bool) -> list[Change]:
    from sip.model.facts import NEEDS_REVIEW, REFUSED

    before, after = _items(old, name), _items(new, name)
    changes = []
    for item_id, item in before.items():
        if item_id not in after:
            refused = ""
            if deletion == REFUSED:
                refused = f"a {noun} stays on the record" + (
                    ": set its status to cancelled instead" if name in ACTION_LISTS else ""
                )
            elif deletion == NEEDS_REVIEW and not reviewed:
                refused = f"a {noun} deleted with {WITHOUT_REVIEW}"
            changes.append(
                Change(
                    f"{_kind(name)}-removed",
                    REMOVED,
                    f"{noun} {item_id} deleted{_title(name, item)}",
                    item_id,
                    refused,
                )
            )
    for item_id, item in after.items():
        if item_id not in before:
            changes.append(
                Change(f"{_kind(name)}-added", ADDED, f"{noun} {item_id} added{_title(name, item)}", item_id)
            )
        else:
            changes += _item_changes(name, noun, item_id, before[item_id], item, reviewed)
    return changes


def _kind(name: str) -> str:
    return {"findings": "finding", "responses": "action", "improvements": "action"}.get(name, "item")


def _title(name: str, item: dict) -> str:
    if name == "findings":
        return f" ({shown(item.get('severity'))}): {short(item.get('title'))}"
    if name in ACTION_LISTS:
        return f" (due {shown(item.get('due'))}, {shown(item.get('status'))}): {short(item.get('action'))}"
    if name == "grievance_channels":  # what SIP411 reads of it
        written = item.get("anonymous")
        anonymous = (
            "anonymous" if written is True else "not anonymous" if written is False else "anonymous (none)"
        )
        return (
            f" (run by {shown(item.get('operated_by'))}, {anonymous}, in {_codes(item.get('languages'))}): "
            f"{short(item.get('name'))}"
        )
    if name in ("parties", "service_providers"):  # the kind is what SIP404, SIP412 and SIP509 read
        return f" ({shown(item.get('kind'))}): {short(item.get('name'))}"
    return ""


def _codes(values: object) -> str:
    return ", ".join(str(v) for v in values) if isinstance(values, list) and values else "(none)"


def _item_changes(name: str, noun: str, item_id: str, old: dict, new: dict, reviewed: bool) -> list[Change]:
    """Each field that changed, as its declaration says it reads (sip/history/field_diff.py)."""
    from sip.history.field_diff import changes
    from sip.model.fields import items

    label = f"{noun} {item_id}"
    lines, edited = changes(items()[name], old, new, label, item_id, reviewed)
    if edited:
        lines.append(Change("item-edited", CHANGED, f"{label} edited: {'; '.join(edited)}", item_id))
    return lines


def _engagement_changes(old: dict, new: dict) -> list[Change]:
    before = Counter(_frozen_entry(e) for e in _entries(old, "worker_engagement"))
    after = Counter(_frozen_entry(e) for e in _entries(new, "worker_engagement"))
    changes = [
        Change("engagement-added", ADDED, f"worker engagement logged: {_engagement_text(dict(k))}")
        for k in (after - before).elements()
    ]
    changes += [
        Change("engagement-removed", REMOVED, f"worker engagement removed: {_engagement_text(dict(k))}")
        for k in (before - after).elements()
    ]
    return changes


def _engagement_text(entry: dict) -> str:
    return f"{shown(entry.get('date'))} with {shown(entry.get('with'))}"


def _submission_changes(old: dict, new: dict) -> list[Change]:
    """A posting, certification or submission logged or removed (format 1.3), as entries."""
    before = Counter(_frozen_entry(e) for e in _entries(old, "submissions"))
    after = Counter(_frozen_entry(e) for e in _entries(new, "submissions"))
    changes = [
        Change("submission-added", ADDED, f"submission logged: {_submission_text(dict(k))}")
        for k in (after - before).elements()
    ]
    changes += [
        Change("submission-removed", REMOVED, f"submission removed: {_submission_text(dict(k))}")
        for k in (before - after).elements()
    ]
    return changes


def _submission_text(entry: dict) -> str:
    return f"{shown(entry.get('kind'))} of {shown(entry.get('date'))}"


# -- reviews and waivers ------------------------------------------------------------------------


def _added_reviews(old: dict, new: dict) -> list[dict]:
    """Entries of new's reviews that old does not have (as many times as they are new)."""
    before = Counter(_frozen(r) for r in _entries(old, "reviews"))
    added = []
    for review in _entries(new, "reviews"):
        key = _frozen(review)
        if before[key]:
            before[key] -= 1
        else:
            added.append(review)
    return added


def _review_text(review: dict) -> str:
    return f"{shown(review.get('date'))} by {shown(review.get('by'))}"


def _waiver_changes(old: dict, new: dict) -> list[Change]:
    before = Counter(_frozen_entry(w) for w in _entries(old, "waivers"))
    after = Counter(_frozen_entry(w) for w in _entries(new, "waivers"))
    changes = [
        Change("waiver-added", ADDED, f"waiver added: {_waiver_text(dict(key))}")
        for key in (after - before).elements()
    ]
    changes += [
        Change("waiver-removed", REMOVED, f"waiver removed: {_waiver_text(dict(key))}")
        for key in (before - after).elements()
    ]
    return changes


def _waiver_text(waiver: dict) -> str:
    ids = waiver.get("ids")
    scope = (
        f" for {', '.join(str(i) for i in ids)}" if isinstance(ids, tuple) and ids else " for the whole plan"
    )
    until = f" until {waiver['until']}" if waiver.get("until") else ""
    return f"{shown(waiver.get('rule'))}{scope}{until}: {short(waiver.get('reason'))}"


def _entries(data: dict, name: str) -> list[dict]:
    items = data.get(name)
    return [i for i in items if isinstance(i, dict)] if isinstance(items, list) else []


def _frozen(value: object) -> object:
    """A hashable copy of plain YAML data, for counting equal entries."""
    if isinstance(value, dict):
        return _frozen_entry(value)
    if isinstance(value, list):
        return tuple(_frozen(v) for v in value)
    return value


def _frozen_entry(entry: dict) -> tuple[tuple[str, object], ...]:
    """A hashable copy of a mapping; dict() of it gives the mapping back, keys as text."""
    return tuple(sorted((str(k), _frozen(v)) for k, v in entry.items()))


# -- diagnostics --------------------------------------------------------------------------------


def diagnostic_changes(
    old: list[Diagnostic], old_ids: dict[str, str], new: list[Diagnostic], new_ids: dict[str, str]
) -> list[Change]:
    """Diagnostics that appeared, went away, or changed severity (waived, unwaived), matched
    by code and item-id path (sip.read.item_keys), never by line."""

    def keyed(found: list[Diagnostic], ids: dict[str, str]) -> dict[tuple, list[Diagnostic]]:
        out: dict[tuple, list[Diagnostic]] = {}
        for d in found:
            out.setdefault((d.code, stable_path(d.path, ids)), []).append(d)
        return out

    before, after = keyed(old, old_ids), keyed(new, new_ids)
    changes = []
    for key in [*after, *(k for k in before if k not in after)]:
        was, now = before.get(key, []), after.get(key, [])
        for d in now[len(was) :]:
            changes.append(
                Change("diagnostic-appeared", ADDED, f"{_diagnostic(d, key[1])} appeared: {d.message}")
            )
        for d in was[len(now) :]:
            changes.append(
                Change("diagnostic-resolved", REMOVED, f"{_diagnostic(d, key[1])} resolved: {d.message}")
            )
        for d_was, d_now in zip(was, now, strict=False):
            if d_was.severity != d_now.severity:
                changes.append(
                    Change(
                        "diagnostic-severity",
                        CHANGED,
                        f"{d_now.code} at {key[1] or 'the file'}: {d_was.severity} "
                        f"-> {d_now.severity}: {d_now.message}",
                    )
                )
    return changes


def _diagnostic(d: Diagnostic, path: str) -> str:
    where = f"line {d.line}" + (f", {path}" if path else "")
    return f"{d.code} {d.severity} ({where})"
