"""What changed in one plan file between two revisions: its data compared, and what the checks
found on each side (`sip diff`; run in worker processes, one pair of versions each)."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from sip.check.config import Settings
from sip.history.git import Unreadable
from sip.history.plan_diff import (
    CHANGED,
    Change,
    PlanDiff,
    compare,
    diagnostic_changes,
    plan_added,
    plan_removed,
    unreadable,
)

if TYPE_CHECKING:
    from sip.check.cache import Cache


class Pair(NamedTuple):
    """One plan file at both revisions: paths for display, contents (None: absent)."""

    old_path: str | None
    new_path: str | None
    old: bytes | Unreadable | None  # Unreadable: why it was not read
    new: bytes | Unreadable | None


def diff_pair(pair: Pair, settings: Settings, cache: Cache | None = None) -> PlanDiff | None:
    """The diff of one file, or None when it is not a plan on either side (another YAML file:
    a CI workflow, a configuration). Each version is read once: loaded for the comparison, and
    checked through the result cache (a version checked before is not checked again)."""
    from sip.check.cache import check_cached
    from sip.diagnostic import Problem
    from sip.read.loader import Limits, Loaded, load

    limits = Limits(max_bytes=settings.max_file_size)
    sides = [
        None
        if raw is None
        else Loaded(problems=[Problem("SIP004", raw, "", 1, 1)])
        if isinstance(raw, Unreadable)
        else load(raw, limits)
        for raw in (pair.old, pair.new)
    ]
    if not any(
        side is not None and (not side.ok or (side.data is not None and "sip" in side.data)) for side in sides
    ):
        return None
    old_data, new_data = (s.data if s is not None and s.ok else None for s in sides)
    plan_id = next(
        (d.get("id") for d in (new_data, old_data) if isinstance(d, dict) and isinstance(d.get("id"), str)),
        None,
    )
    result = PlanDiff(pair.old_path, pair.new_path, plan_id)
    if pair.old is None:
        result.changes.append(plan_added(new_data))
    elif pair.new is None:
        result.changes.append(plan_removed(old_data))
        return result  # what it was found to lack no longer matters
    elif old_data is None or new_data is None:
        result.changes.append(unreadable("the base" if old_data is None else "the head"))
    else:
        result.changes += compare(old_data, new_data)
    if pair.old_path and pair.new_path and pair.old_path != pair.new_path:
        result.changes.insert(0, Change("plan-renamed", CHANGED, f"renamed from {pair.old_path}"))
    checked = [
        None
        if raw is None
        else check_cached(raw, name or "", settings, cache, loaded=side)
        if isinstance(raw, bytes)
        else check_cached(b"", name or "", settings, None, loaded=side)  # unreadable: not cached
        for raw, name, side in ((pair.old, pair.old_path, sides[0]), (pair.new, pair.new_path, sides[1]))
    ]
    old_found = checked[0].diagnostics if checked[0] else []
    new_found = checked[1].diagnostics if checked[1] else []
    result.changes += diagnostic_changes(
        old_found,
        checked[0].item_ids if checked[0] else {},
        new_found,
        checked[1].item_ids if checked[1] else {},
    )
    return result


def crashed(pair: Pair) -> PlanDiff:
    return PlanDiff(
        pair.old_path,
        pair.new_path,
        None,
        [Change("unreadable", CHANGED, "sip's YAML parser crashed on this file (please report this)")],
    )
