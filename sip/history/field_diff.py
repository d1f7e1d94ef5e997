"""How `sip diff` reads a change to the fields of one item (or of the plan itself), from what each
field declares (sip/model/facts.py): the words that name it, and its way (`diff`).

A field with no way of its own is named in its item's one "edited:" line with its old and new
values, as a reviewer needs them: numbers with thousands separators (amounts with their
currency; a count with the whole it is part of), dates, vocabulary words, yes and no, lists of ids
(`response A-2 edited: amount paid (none) -> USD 250,000; verified by (none) -> P-1`). Free text
and personal data are named without their values: the text may be long, and the line diff shows
it. A mapping (`amount`, `verification`) is read field by field, each with its own words and way.

The ways, and what `sip diff --check` refuses of each (a review means a new `reviews` entry in
the same change): LINE, a line of its own; STATUS, an action's status (backward is refused,
cancelled is refused without a review); LATER, a date moved later (refused without a review);
LOWERED, a count lowered or removed (refused without a review); DOWN, a finding's determination
moved down (refused without a review; sip/format/determination.py derives a missing one);
SCHEDULE, instalments by their place (a paid date removed, or a paid instalment, refused without
a review); DISPUTE, the site's objection in words; RESULT, a review read by its result. From
format 1.2: RANGE, an amount per worker from low to high (its low end lowered, or the range
removed, refused without a review); UNCLAIMED, money still owed, as text or as who holds it until
when; NOTED, a text whose being written is the news (an exception that answers a rule).
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel

from sip.format.dates import date_or_none
from sip.format.wording import money, plural
from sip.history.change import ADDED, CHANGED, REMOVED, Change, shown, unless_reviewed
from sip.model import facts as f
from sip.model.fields import Declared, declared

STATUS_ORDER = {"planned": 0, "in-progress": 1, "done": 2, "verified": 3}
CANCELLED = "cancelled"
# How strong a finding's determination is (format 1.1): moving down needs a review.
DETERMINATION_ORDER = {"not-substantiated": 0, "indicators-only": 1, "suspected": 2, "substantiated": 3}


@dataclass(frozen=True)
class At:
    """A field that changed, in the item (or mapping) that holds it at both sides."""

    label: str  # "response A-2"; "" for the plan itself
    item: str  # the item's id, "" for the plan
    key: str
    field: Declared
    words: str
    old: dict
    new: dict
    reviewed: bool  # the change logs a review

    @property
    def was(self) -> object:
        return self.old.get(self.key)

    @property
    def now(self) -> object:
        return self.new.get(self.key)

    def line(self, kind: str, text: str, refused: str = "", sign: str = CHANGED) -> Change:
        return Change(kind, sign, f"{self.label} {text}" if self.label else text, self.item, refused)

    @property
    def stem(self) -> str:
        """The start of the kinds of its changes in JSON: `due` for due-later, due-earlier."""
        return self.field.facts.kind or "-".join(self.words.split())

    def values(self) -> str:
        return f"{value(self.was, self.field, self.old)} -> {value(self.now, self.field, self.new)}"


def changes(
    model: type[BaseModel], old: dict, new: dict, label: str, item: str, reviewed: bool
) -> tuple[list[Change], list[str]]:
    """The lines of their own, and the pieces of the "edited:" line, for an item (or the plan)
    whose data was `old` and is `new`."""
    return _walk(model, old, new, label, item, reviewed, "")


def _walk(
    model: type[BaseModel], old: dict, new: dict, label: str, item: str, reviewed: bool, prefix: str
) -> tuple[list[Change], list[str]]:
    fields = declared(model)
    lines: list[Change] = []
    pieces: list[str] = []
    keys = [*fields, *(k for k in [*old, *new] if k not in fields)]
    for key in dict.fromkeys(keys):
        was, now = old.get(key), new.get(key)
        field = fields.get(key)
        if was == now:
            continue  # an item's id among them: items are matched by it
        name = words(field, key, prefix)
        if field is not None and field.facts.diff in (f.ITEMS, f.ENTRIES):
            continue  # the plan's lists: compared item by item, or entry by entry
        if field is not None and field.facts.diff:
            lines += WAYS[field.facts.diff](At(label, item, key, field, name, old, new, reviewed))
        elif field is None or field.text or field.facts.personal:
            pieces.append(name)  # named, not repeated
        elif field.model is not None and not field.many and _mapping(was) and _mapping(now):
            inner = _walk(field.model, was or {}, now or {}, label, item, reviewed, name)
            lines += inner[0]
            pieces += inner[1]
        elif field.model is not None:
            pieces.append(name)
        else:
            pieces.append(f"{name} {value(was, field, old)} -> {value(now, field, new)}{_of(field, new)}")
    return lines, pieces


def _of(field: Declared, mapping: dict) -> str:
    """ " of 300": the whole a count is part of (`of`), as the new side records it."""
    whole = mapping.get(field.facts.of) if field.facts.of else None
    return f" of {value(whole)}" if _number(whole) else ""


def _number(v: object) -> bool:
    return isinstance(v, int | float) and not isinstance(v, bool)


def _mapping(value: object) -> bool:
    return value is None or isinstance(value, dict)


def words(field: Declared | None, key: str, prefix: str = "") -> str:
    """How a field is named: its declared words, or its key after the words of its mapping."""
    if field is not None and field.facts.words:
        return field.facts.words
    own = str(key).replace("_", " ")
    return f"{prefix} {own}" if prefix else own


def value(v: object, field: Declared | None = None, mapping: dict | None = None) -> str:
    """A value as a reviewer reads it: USD 250,000, 2026-07-20, yes, F-1, F-2, (none)."""
    if v is None:
        return "(none)"
    if isinstance(v, bool):
        return "yes" if v else "no"
    if isinstance(v, int | float):
        currency = (mapping or {}).get("currency") if field is not None and field.facts.money else None
        if isinstance(currency, str):
            return money(currency, v)  # as rule messages and reports write it
        return f"{int(v):,}" if isinstance(v, int) or v.is_integer() else f"{v:,}"
    if isinstance(v, list):
        return ", ".join(value(x) for x in v) or "(none)"
    if isinstance(v, dict):
        return "{...}"
    text = " ".join(str(v).split())
    return text if len(text) <= 40 else text[:37] + "..."


# -- the ways ------------------------------------------------------------------------------------


def _line(at: At) -> list[Change]:
    return [at.line(at.field.facts.kind or f"{at.stem}-changed", f"{at.words}: {at.values()}")]


def _status(at: At) -> list[Change]:
    old, new = at.was, at.now
    text = f"{at.words}: {shown(old)} -> {shown(new)}"
    if new == CANCELLED:
        return [at.line("cancelled", text + " (cancelled)", unless_reviewed(at.reviewed, "cancelled"))]
    if old == CANCELLED:
        return [at.line("reopened", text + " (reopened)")]
    if isinstance(old, str) and isinstance(new, str) and old in STATUS_ORDER and new in STATUS_ORDER:
        if STATUS_ORDER[new] > STATUS_ORDER[old]:
            return [at.line("status-forward", text + " (forward)")]
        return [at.line("status-backward", text + " (backward)", "a status moved backward")]
    return [at.line("status-changed", text)]


def _later(at: At) -> list[Change]:
    before, after = date_or_none(at.was), date_or_none(at.now)
    text = f"{at.words}: {at.values()}"
    if before is None or after is None:
        return [at.line(f"{at.stem}-changed", text)]
    days = (after - before).days
    if days > 0:
        refused = unless_reviewed(at.reviewed, f"{at.words} date moved later")
        return [at.line(f"{at.stem}-later", f"{text} ({plural(days, 'day')} later)", refused)]
    return [at.line(f"{at.stem}-earlier", f"{text} ({plural(-days, 'day')} earlier)")]


def _lowered(at: At) -> list[Change]:
    was, now = at.was, at.now
    text = f"{at.words}: {at.values()}{_of(at.field, at.new)}"
    number = (int, float)
    lowered = (
        isinstance(was, number)
        and not isinstance(was, bool)
        and (now is None or (isinstance(now, number) and now < was))
    )
    if lowered:
        refused = unless_reviewed(at.reviewed, f"{at.words} lowered")
        return [at.line(f"{at.stem}-lowered", text + " (lowered)", refused)]
    return [at.line(f"{at.stem}-changed", text)]


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


def _down(at: At) -> list[Change]:
    before, after = determination(at.old), determination(at.new)
    # A plan that writes no determination on either side changes it only through severity and
    # indicators, which are shown as such; a written one is compared with what the other side
    # says or derives.
    if before == after:
        return []
    text = f"{at.words}: {shown(before)} -> {shown(after)}"
    if before in ("substantiated", "suspected") and _rank(after) < _rank(before):
        refused = unless_reviewed(at.reviewed, f"{at.words} moved down")
        return [at.line(f"{at.stem}-down", text + " (down)", refused)]
    return [at.line(f"{at.stem}-changed", text)]


def _rank(determination: object) -> int:
    return DETERMINATION_ORDER.get(determination, 0) if isinstance(determination, str) else 0


def _dispute(at: At) -> list[Change]:
    was, now = at.was, at.now
    what = (
        "disputed by the site"
        if was is None
        else "no longer disputed"
        if now is None
        else "the site's objection changed"
    )
    return [at.line(f"{at.stem}-changed", what)]


def _result(at: At) -> list[Change]:
    def result(review: object) -> object:
        return review.get("result") if isinstance(review, dict) else review

    return [at.line(f"{at.stem}-changed", f"{at.words}: {shown(result(at.was))} -> {shown(result(at.now))}")]


def _schedule(at: At) -> list[Change]:
    """Instalments are matched by their place in the schedule (1st, 2nd...)."""
    old, new = at.was, at.now
    before = [i for i in old if isinstance(i, dict)] if isinstance(old, list) else []
    after = [i for i in new if isinstance(i, dict)] if isinstance(new, list) else []
    model = at.field.model
    amount = declared(model)["amount"] if model is not None else None
    money = at.new.get("amount")  # the remedy's amount: the instalments are in its currency
    money = money if isinstance(money, dict) else {}

    def what(n: int, instalment: dict) -> str:
        due, sum_ = shown(instalment.get("due")), value(instalment.get("amount"), amount, money)
        return f"instalment {n} (due {due}, {sum_})"

    changes = []
    for n, instalment in enumerate(after, 1):
        if n > len(before):
            changes.append(at.line("instalment-added", f"{what(n, instalment)} added", sign=ADDED))
            continue
        was, now = before[n - 1].get("paid"), instalment.get("paid")
        if was == now:
            if before[n - 1] != instalment:
                changes.append(at.line("instalment-edited", f"{what(n, instalment)} edited"))
        elif now is None:
            refused = unless_reviewed(at.reviewed, "a paid date removed")
            changes.append(
                at.line("instalment-unpaid", f"{what(n, instalment)}: paid date {was} removed", refused)
            )
        elif was is None:
            changes.append(at.line("instalment-paid", f"{what(n, instalment)} paid {now}"))
        else:
            changes.append(at.line("instalment-edited", f"{what(n, instalment)} paid: {was} -> {now}"))
    for n, instalment in enumerate(before[len(after) :], len(after) + 1):
        paid = instalment.get("paid") is not None
        refused = unless_reviewed(at.reviewed, "a paid instalment removed") if paid else ""
        changes.append(at.line("instalment-removed", f"{what(n, instalment)} removed", refused, REMOVED))
    return changes


def _range(at: At) -> list[Change]:
    """Fees per worker, low to high, in one currency (format 1.2): "USD 1,200-1,800". Lowering
    the low end, or removing the range, lowers what a reimbursement is measured against
    (SIP410); in another currency the two cannot be compared, and the change is only shown."""
    was, now = at.was, at.now
    text = f"{at.words}: {_per_worker(was)} -> {_per_worker(now)}"
    before, after = _low(was), _low(now)
    lowered = before is not None and (
        now is None or (after is not None and after[1] == before[1] and after[0] < before[0])
    )
    if lowered:
        refused = unless_reviewed(at.reviewed, f"{at.words} lowered")
        return [at.line(f"{at.stem}-lowered", text + " (lowered)", refused)]
    return [at.line(f"{at.stem}-changed", text)]


def _low(fees: object) -> tuple[float, object] | None:
    """(low, currency) of a fees mapping, None when there is no number to compare."""
    if isinstance(fees, dict) and _number(fees.get("low")):
        return fees["low"], fees.get("currency")
    return None


def _per_worker(fees: object) -> str:
    if not isinstance(fees, dict):
        return value(fees)
    currency = fees.get("currency")
    low, high = fees.get("low"), fees.get("high")
    if isinstance(currency, str) and isinstance(low, int | float) and not isinstance(low, bool):
        text = money(currency, low)
    else:
        text = value(low)
    if isinstance(high, int | float) and not isinstance(high, bool) and high != low:
        text += "-" + money("", high).lstrip()  # as the low end is written: 1,150.50
    return text


def _unclaimed(at: At) -> list[Change]:
    """Money still owed to workers not reached: text (format 1.1), or who holds it until when
    (1.2's mapping, what SIP405 asks for)."""
    was, now = at.was, at.now
    before, after = _holder(was), _holder(now)
    text = f"{at.words}: {before} -> {after}"
    if before == after:  # the same holder and date: what happens after, or the text, was rewritten
        text = f"{at.words}: {after}, " + (
            "what happens then rewritten" if isinstance(now, dict) else "rewritten"
        )
    elif isinstance(was, dict) and isinstance(now, dict):
        first, last = date_or_none(was.get("claim_until")), date_or_none(now.get("claim_until"))
        if first is not None and last is not None and first != last:
            days = (last - first).days  # workers have that much more, or less, time to claim
            text += f" (claim date {plural(abs(days), 'day')} {'later' if days > 0 else 'earlier'})"
    return [at.line(f"{at.stem}-changed", text)]


def _holder(unclaimed: object) -> str:
    if isinstance(unclaimed, dict):
        return f"held by {shown(unclaimed.get('held_by'))} until {shown(unclaimed.get('claim_until'))}"
    if unclaimed is None:
        return "(none)"
    return "text only, no holder or claim date"


def _noted(at: At) -> list[Change]:
    """A text whose being there is the news (format 1.2's `not_covered`, which answers SIP409):
    written, rewritten or removed; the line diff shows the text."""
    what = "written" if at.was is None else "removed" if at.now is None else "rewritten"
    return [at.line(f"{at.stem}-changed", f"{at.words}: {what}")]


WAYS = {
    f.LINE: _line,
    f.STATUS: _status,
    f.LATER: _later,
    f.LOWERED: _lowered,
    f.DOWN: _down,
    f.SCHEDULE: _schedule,
    f.DISPUTE: _dispute,
    f.RESULT: _result,
    f.RANGE: _range,
    f.UNCLAIMED: _unclaimed,
    f.NOTED: _noted,
}
