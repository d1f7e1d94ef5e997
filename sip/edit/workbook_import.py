"""`sip import`: the supplier's changes (sip/edit/workbook_changes.py) applied to the plan with
ruamel.yaml's round trip, so comments and layout stay.

A change is the returned cell against the value the workbook recorded at export (its base);
the plan may have changed in git since, so each field is merged three ways: changed in the
workbook only, it is applied; in the plan only, it stays; on both sides to different
values, it is a conflict, reported and left as the plan has it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sip.edit.fix import RoundTripError, dumped, round_trip
from sip.edit.workbook_changes import Change
from sip.format import workbook as layout
from sip.format.workbook import text_of


@dataclass
class Merge:
    text: str  # the plan's new text (unchanged when nothing applies)
    applied: list[Change] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    already: int = 0  # changes the plan has already
    derived: list[str] = field(default_factory=list)  # what followed from them (amount.paid)


def merge(text: str, found: list[Change]) -> Merge:
    """The changes applied to the plan's text where the plan still has the exported value.
    What applies is decided on the fast loader's data. Then only the changed items' lines go
    through ruamel's round trip (a whole plan takes it most of a second), each checked to
    come back unchanged before it is edited; otherwise the whole plan does (RoundTripError
    when ruamel cannot read it)."""
    from sip.read.loader import load

    out = Merge(text)
    loaded = load(text.encode("utf-8"))
    applying = _decide(_items(loaded.data) if loaded.ok else {}, found, out)
    if not applying:
        return out
    by_item: dict[str, list[Change]] = {}
    for change in applying:
        by_item.setdefault(change.key.split("#")[0], []).append(change)

    def edit(item) -> None:
        for change in by_item[item.get("id")]:
            _apply(item, change)
        if any(c.field == "paid_on" for c in by_item[item.get("id")]):
            out.derived.extend(_paid_total(item))

    spans = _spans(text, loaded, list(by_item)) if loaded.ok else None
    out.text = _edit_spans(text, spans, edit) if spans else None  # type: ignore[assignment]
    if out.text is None:
        out.derived.clear()
        yaml, document = round_trip(text)
        items = _items(document)
        for item_id in by_item:
            edit(items[item_id])
        out.text = dumped(yaml, document, text)
    out.applied = applying
    return out


def _apply(item, change: Change) -> None:
    holder, name, after = _slot(item, change)
    if change.field.startswith("verification.") and "verification" not in item:
        _put(item, "verification", holder, ("status", "completed"))
    _put(holder, name, change.value, after)
    if change.field.startswith("verification.") and not item.get("verification"):
        item.pop("verification", None)


def _spans(text: str, loaded, ids: list[str]) -> dict[str, tuple[str, int, int]] | None:
    """Each item's list and its lines (0-based, end excluded): from its own line to the next
    item's or the next top-level key's. None when an item does not start on its `- ` line."""
    lines = text.splitlines(keepends=True)
    marks = loaded.marks
    tops = sorted(line for line, _ in marks.keys.values())
    spans: dict[str, tuple[str, int, int]] = {}
    for name in ("responses", "improvements"):
        listed = marks.child(name)
        items = loaded.data.get(name) if isinstance(loaded.data, dict) else None
        if not isinstance(items, list) or listed is None or not hasattr(listed, "children"):
            continue
        starts = [child.start if hasattr(child, "start") else child for child in listed.children]
        for n, item in enumerate(items):
            item_id = item.get("id") if isinstance(item, dict) else None
            if item_id not in ids:
                continue
            line, column = starts[n]
            if not re.fullmatch(r" *- ", lines[line - 1][: column - 1]):
                return None
            end = (
                starts[n + 1][0]
                if n + 1 < len(starts)
                else next((top for top in tops if top > line), len(lines) + 1)
            )
            spans[item_id] = (name, line - 1, end - 1)
    return spans if len(spans) == len(ids) else None


def _edit_spans(text: str, spans: dict[str, tuple[str, int, int]], edit) -> str | None:
    """Each item's lines, under their list's key, through ruamel's round trip and `edit`;
    None if any does not come back unchanged before the edit."""
    lines = text.splitlines(keepends=True)
    for name, start, end in sorted(spans.values(), key=lambda span: -span[1]):
        newline = "\r\n" if "\r\n" in text else "\n"
        block = f"{name}:{newline}" + "".join(lines[start:end])
        if not block.endswith("\n"):
            block += newline
        try:
            yaml, document = round_trip(block)
        except RoundTripError:
            return None
        if dumped(yaml, document, block) != block:
            return None
        edit(document[name][0])
        edited = dumped(yaml, document, block).split("\n", 1)[1]
        if not "".join(lines[start:end]).endswith("\n"):
            edited = edited[: -len(newline)]
        lines[start:end] = [edited]
    return "".join(lines)


def _items(document) -> dict:
    """The plan's actions by id."""
    if not hasattr(document, "get"):
        return {}
    return {
        item.get("id"): item
        for name in ("responses", "improvements")
        for item in (document.get(name) or [])
        if hasattr(item, "get")
    }


def _decide(items: dict, found: list[Change], out: Merge) -> list[Change]:
    """The changes to apply: those whose field the plan still has as exported. The others
    are already in the plan, or conflicts (recorded in out)."""
    applying = []
    for change in found:
        item_id = change.key.split("#")[0]
        item = items.get(item_id)
        if item is None:
            out.conflicts.append(
                f"{change.ref}: {layout.escaped(item_id)} is no longer in the plan; the change is not applied"
            )
            continue
        holder, name, _ = _slot(item, change)
        if holder is None:
            out.conflicts.append(
                f"{change.ref}: {item_id} no longer has what this cell was about; the change is not applied"
            )
            continue
        ours = text_of(holder.get(name))
        theirs = text_of(change.value)
        if ours == theirs:
            out.already += 1
        elif ours != change.base:
            out.conflicts.append(
                f"{change.ref}: {item_id} {change.field} was changed in the plan "
                f"({layout.shown(change.base or 'empty')} to {layout.shown(ours or 'empty')}) and in the "
                f"workbook (to {layout.shown(theirs or 'empty')}); the plan's value is kept"
            )
        else:
            applying.append(change)
    return applying


def _slot(item, change: Change):
    """The mapping that holds the field, the key in it, and the keys it goes after when added
    (after the last of them present)."""
    from ruamel.yaml.comments import CommentedMap

    if change.field.startswith("verification."):
        verification = item.get("verification")
        if verification is None:
            verification = CommentedMap()  # attached when the change is applied
        elif not hasattr(verification, "get"):
            return None, None, None
        name = change.field.split(".", 1)[1]
        order = layout.VERIFICATION_FIELDS
        return verification, name, order[: order.index(name)] if name in order else order
    if change.sheet == layout.INSTALMENTS:
        amount = item.get("amount")
        if change.field == "paid":
            return (amount, "paid", ("committed",)) if hasattr(amount, "get") else (None, None, None)
        schedule = item.get("schedule") or []
        number = change.key.split("#")[1]
        n = int(number) - 1 if number.isdigit() else -1
        if not 0 <= n < len(schedule) or not hasattr(schedule[n], "get"):
            return None, None, None
        return schedule[n], "paid", ("due", "amount")
    return item, change.field, ("status",) if change.field == "completed" else None


def _put(holder, name: str, value: object, after: tuple[str, ...] | None) -> None:
    if value is None:
        holder.pop(name, None)
    elif name in holder or after is None:
        holder[name] = value
    else:
        keys = list(holder)
        anchor = next((k for k in reversed(after) if k in holder), None)  # the last present
        holder.insert(keys.index(anchor) + 1 if anchor else len(keys), name, value)


def _paid_total(item) -> list[str]:
    """A schedule's paid instalments and `amount.paid` agree (format 1.1): when the amount
    records what was paid, it follows the instalments."""
    amount = item.get("amount")
    if not hasattr(amount, "get") or "paid" not in amount:
        return []
    total = sum(i.get("amount") or 0 for i in item.get("schedule") or [] if i.get("paid"))
    total = int(total) if float(total).is_integer() else total
    if text_of(amount["paid"]) == text_of(total):
        return []
    old = amount["paid"]
    amount["paid"] = total
    return [
        f"{item.get('id')} amount.paid: {text_of(old)} -> {text_of(total)} (the sum of the paid instalments)"
    ]
