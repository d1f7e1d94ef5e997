"""What changed in one plan between two revisions, as a reviewer reads it.

Items are matched by id within their list (an id that changed reads as one item deleted
and another added). What `sip diff --check` refuses, because a reviewer must never
accept it silently:
- a finding, response or improvement deleted (a plan deleted with them);
- an action's status moving backward (done -> in-progress);
- an action cancelled, or its due date moved later, without a new `reviews` entry in
  the same change (the decision belongs on the record);
- and, from format 1.1, without such a review: a finding's determination moved down
  (substantiated to anything else; suspected to indicators-only or not-substantiated), an
  instalment's `paid` date removed, a remedy's `workers_reached` lowered.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from sip.diagnostic import Diagnostic
from sip.format.dates import date_or_none
from sip.format.lists import ACTION_LISTS, NOUN
from sip.format.wording import plural
from sip.read.item_keys import stable_path

# The order a reviewer reads changes in: the findings and what answers them first.
LISTS = {
    name: NOUN[name]
    for name in (
        "findings",
        "responses",
        "improvements",
        "sources",
        "service_providers",
        "root_causes",
        "risks",
    )
}
LISTS["parties"] = NOUN.get("parties", "party")  # format 1.1
KEPT_ON_RECORD = ("findings", "responses", "improvements")
STATUS_ORDER = {"planned": 0, "in-progress": 1, "done": 2, "verified": 3}
CANCELLED = "cancelled"
WITHOUT_REVIEW = "no review logged in this change"
# How strong a finding's determination is (format 1.1): moving down needs a review.
DETERMINATION_ORDER = {"not-substantiated": 0, "indicators-only": 1, "suspected": 2, "substantiated": 3}

ADDED, REMOVED, CHANGED = "+", "-", "~"


@dataclass(frozen=True)
class Change:
    kind: str  # e.g. "finding-added", "status-backward", "due-later", "diagnostic-appeared"
    sign: str  # ADDED, REMOVED or CHANGED
    text: str  # what a reviewer reads
    item: str = ""  # the item's id, "" for the plan itself
    refused: str = ""  # why --check refuses it; "" when it may be accepted

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {"kind": self.kind, "item": self.item, "text": self.text}
        if self.refused:
            out["refused"] = self.refused
        return out


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
    changes = _plan_fields(old, new)
    for name, noun in LISTS.items():
        changes += _list_changes(name, noun, old, new, bool(reviewed))
    changes += [Change("review-added", ADDED, f"review logged: {_review_text(r)}") for r in reviewed]
    changes += [
        Change("review-removed", REMOVED, f"review removed: {_review_text(r)}")
        for r in _added_reviews(new, old)
    ]
    changes += _waiver_changes(old, new)
    changes += _engagement_changes(old, new)
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


def _plan_fields(old: dict, new: dict) -> list[Change]:
    changes = []
    if old.get("status") != new.get("status"):
        changes.append(
            Change(
                "plan-status",
                CHANGED,
                f"plan status: {_shown(old.get('status'))} -> {_shown(new.get('status'))}",
            )
        )
    if old.get("next_review") != new.get("next_review"):
        changes.append(
            Change(
                "next-review",
                CHANGED,
                f"next review: {_shown(old.get('next_review'))} -> {_shown(new.get('next_review'))}",
            )
        )
    skipped = {"status", "next_review", "reviews", "waivers", "worker_engagement", *LISTS}
    edited = [key for key in _keys(old, new) if key not in skipped and old.get(key) != new.get(key)]
    if edited:
        changes.append(Change("plan-edited", CHANGED, f"plan edited: {', '.join(edited)}"))
    return changes


def _list_changes(name: str, noun: str, old: dict, new: dict, reviewed: bool) -> list[Change]:
    before, after = _items(old, name), _items(new, name)
    changes = []
    for item_id, item in before.items():
        if item_id not in after:
            refused = (
                f"a {noun} stays on the record"
                + (": set its status to cancelled instead" if name in ACTION_LISTS else "")
                if name in KEPT_ON_RECORD
                else ""
            )
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
        return f" ({_shown(item.get('severity'))}): {_short(item.get('title'))}"
    if name in ACTION_LISTS:
        return f" (due {_shown(item.get('due'))}, {_shown(item.get('status'))}): {_short(item.get('action'))}"
    return ""


def _item_changes(name: str, noun: str, item_id: str, old: dict, new: dict, reviewed: bool) -> list[Change]:
    label = f"{noun} {item_id}"
    changes: list[Change] = []
    handled = {"id"}
    if name == "findings" and old.get("severity") != new.get("severity"):
        handled.add("severity")
        changes.append(
            Change(
                "severity-changed",
                CHANGED,
                f"{label} severity: {_shown(old.get('severity'))} -> {_shown(new.get('severity'))}",
                item_id,
            )
        )
    if name == "findings":
        handled |= {"determination", "disputed", "repeats"}
        changes += _finding_changes(label, item_id, old, new, reviewed)
    if name in ACTION_LISTS:
        handled |= {"status", "due"}
        changes += _status_change(label, item_id, old.get("status"), new.get("status"), reviewed)
        changes += _due_change(label, item_id, old.get("due"), new.get("due"), reviewed)
    if name == "responses":
        handled |= {"workers_reached", "schedule", "escalation"}
        changes += _remedy_changes(label, item_id, old, new, reviewed)
    if name == "improvements":
        handled.add("effectiveness")
        changes += _effectiveness_change(label, item_id, old.get("effectiveness"), new.get("effectiveness"))
    edited = [key for key in _keys(old, new) if key not in handled and old.get(key) != new.get(key)]
    if edited:
        changes.append(Change("item-edited", CHANGED, f"{label} edited: {', '.join(edited)}", item_id))
    return changes


def _status_change(label: str, item_id: str, old: object, new: object, reviewed: bool) -> list[Change]:
    if old == new:
        return []
    text = f"{label} status: {_shown(old)} -> {_shown(new)}"
    if new == CANCELLED:
        return [
            Change(
                "cancelled",
                CHANGED,
                text + " (cancelled)",
                item_id,
                "" if reviewed else f"cancelled with {WITHOUT_REVIEW}",
            )
        ]
    if old == CANCELLED:
        return [Change("reopened", CHANGED, text + " (reopened)", item_id)]
    if isinstance(old, str) and isinstance(new, str) and old in STATUS_ORDER and new in STATUS_ORDER:
        if STATUS_ORDER[new] > STATUS_ORDER[old]:
            return [Change("status-forward", CHANGED, text + " (forward)", item_id)]
        return [Change("status-backward", CHANGED, text + " (backward)", item_id, "a status moved backward")]
    return [Change("status-changed", CHANGED, text, item_id)]


def _due_change(label: str, item_id: str, old: object, new: object, reviewed: bool) -> list[Change]:
    if old == new:
        return []
    before, after = _date(old), _date(new)
    text = f"{label} due: {_shown(old)} -> {_shown(new)}"
    if before is None or after is None:
        return [Change("due-changed", CHANGED, text, item_id)]
    days = (after - before).days
    if days > 0:
        return [
            Change(
                "due-later",
                CHANGED,
                f"{text} ({_days(days)} later)",
                item_id,
                "" if reviewed else f"due date moved later with {WITHOUT_REVIEW}",
            )
        ]
    return [Change("due-earlier", CHANGED, f"{text} ({_days(-days)} earlier)", item_id)]


# -- format 1.1: determinations, money paid, workers reached, effectiveness ---------------------


def determination(finding: dict) -> object:
    """A finding's determination as written, else as the format derives it (the one definition,
    sip/format/determination.py; the data here may not have validated)."""
    from sip.format.determination import determination_of

    indicators = finding.get("indicators")
    indicators = [i for i in indicators if isinstance(i, str)] if isinstance(indicators, list) else []
    given, severity = finding.get("determination"), finding.get("severity")
    if given is not None:
        return given  # as written, whatever it is: the data may not have validated
    return determination_of(None, severity if isinstance(severity, str) else "", indicators)


def _moved_down(old: object, new: object) -> bool:
    if old not in ("substantiated", "suspected") or old == new:
        return False
    rank = DETERMINATION_ORDER.get(new, 0) if isinstance(new, str) else 0
    return rank < DETERMINATION_ORDER[str(old)]


def _finding_changes(label: str, item_id: str, old: dict, new: dict, reviewed: bool) -> list[Change]:
    changes = []
    before, after = determination(old), determination(new)
    # A plan that writes no determination on either side changes it only through severity and
    # indicators, which are shown as such; a written one is compared with what the other side
    # says or derives.
    if old.get("determination") != new.get("determination") and before != after:
        text = f"{label} determination: {_shown(before)} -> {_shown(after)}"
        if _moved_down(before, after):
            changes.append(
                Change(
                    "determination-down",
                    CHANGED,
                    text + " (down)",
                    item_id,
                    "" if reviewed else f"determination moved down with {WITHOUT_REVIEW}",
                )
            )
        else:
            changes.append(Change("determination-changed", CHANGED, text, item_id))
    was, now = old.get("disputed"), new.get("disputed")
    if was != now:
        what = (
            "disputed by the site"
            if was is None
            else "no longer disputed"
            if now is None
            else "the site's objection changed"
        )
        changes.append(Change("dispute-changed", CHANGED, f"{label} {what}", item_id))
    if old.get("repeats") != new.get("repeats"):
        changes.append(
            Change(
                "repeats-changed",
                CHANGED,
                f"{label} repeats: {_shown(old.get('repeats'))} -> {_shown(new.get('repeats'))}",
                item_id,
            )
        )
    return changes


def _remedy_changes(label: str, item_id: str, old: dict, new: dict, reviewed: bool) -> list[Change]:
    changes = []
    was, now = old.get("workers_reached"), new.get("workers_reached")
    if was != now:
        text = f"{label} workers reached: {_shown(was)} -> {_shown(now)}"
        of = new.get("workers_covered")
        if isinstance(of, int):
            text += f" of {of:,}"
        lowered = isinstance(was, int) and (now is None or (isinstance(now, int) and now < was))
        if lowered:
            changes.append(
                Change(
                    "reached-lowered",
                    CHANGED,
                    text + " (lowered)",
                    item_id,
                    "" if reviewed else f"workers reached lowered with {WITHOUT_REVIEW}",
                )
            )
        else:
            changes.append(Change("reached-changed", CHANGED, text, item_id))
    changes += _schedule_changes(label, item_id, old.get("schedule"), new.get("schedule"), reviewed)
    if old.get("escalation") != new.get("escalation"):
        changes.append(
            Change(
                "escalation-changed",
                CHANGED,
                f"{label} escalation: {_shown(old.get('escalation'))} -> {_shown(new.get('escalation'))}",
                item_id,
            )
        )
    return changes


def _schedule_changes(label: str, item_id: str, old: object, new: object, reviewed: bool) -> list[Change]:
    """Instalments are matched by their place in the schedule (1st, 2nd...)."""
    before = [i for i in old if isinstance(i, dict)] if isinstance(old, list) else []
    after = [i for i in new if isinstance(i, dict)] if isinstance(new, list) else []
    changes = []
    for n, instalment in enumerate(after, 1):
        what = f"{label} instalment {n} (due {_shown(instalment.get('due'))}, {_amount(instalment)})"
        if n > len(before):
            changes.append(Change("instalment-added", ADDED, f"{what} added", item_id))
            continue
        was, now = before[n - 1].get("paid"), instalment.get("paid")
        if was == now:
            if before[n - 1] != instalment:
                changes.append(Change("instalment-edited", CHANGED, f"{what} edited", item_id))
        elif now is None:
            changes.append(
                Change(
                    "instalment-unpaid",
                    CHANGED,
                    f"{what}: paid date {was} removed",
                    item_id,
                    "" if reviewed else f"a paid date removed with {WITHOUT_REVIEW}",
                )
            )
        elif was is None:
            changes.append(Change("instalment-paid", CHANGED, f"{what} paid {now}", item_id))
        else:
            changes.append(Change("instalment-edited", CHANGED, f"{what} paid: {was} -> {now}", item_id))
    for n, instalment in enumerate(before[len(after) :], len(after) + 1):
        changes.append(
            Change(
                "instalment-removed",
                REMOVED,
                f"{label} instalment {n} (due "
                f"{_shown(instalment.get('due'))}, {_amount(instalment)}) removed",
                item_id,
                ""
                if reviewed or instalment.get("paid") is None
                else f"a paid instalment removed with {WITHOUT_REVIEW}",
            )
        )
    return changes


def _amount(instalment: dict) -> str:
    amount = instalment.get("amount")
    return f"{amount:,}" if isinstance(amount, (int, float)) else _shown(amount)


def _effectiveness_change(label: str, item_id: str, old: object, new: object) -> list[Change]:
    if old == new:
        return []

    def result(value: object) -> object:
        return value.get("result") if isinstance(value, dict) else value

    return [
        Change(
            "effectiveness-changed",
            CHANGED,
            f"{label} effectiveness: {_shown(result(old))} -> {_shown(result(new))}",
            item_id,
        )
    ]


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
    return f"{_shown(entry.get('date'))} with {_shown(entry.get('with'))}"


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
    return f"{_shown(review.get('date'))} by {_shown(review.get('by'))}"


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
    return f"{_shown(waiver.get('rule'))}{scope}{until}: {_short(waiver.get('reason'))}"


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


# -- words --------------------------------------------------------------------------------------


def _keys(old: dict, new: dict) -> list[str]:
    return [*old, *(k for k in new if k not in old)]


_date = date_or_none


def _days(count: int) -> str:
    return plural(count, "day")


def _shown(value: object) -> str:
    return "(none)" if value is None else str(value)


def _short(value: object, limit: int = 70) -> str:
    text = " ".join(str(value).split()) if value is not None else "(none)"
    return text if len(text) <= limit else text[: limit - 3] + "..."
