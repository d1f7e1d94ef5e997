"""What a supplier changed in a returned workbook, and whether the workbook is this plan's.

A change is a cell that no longer shows what it showed at export (the hidden sheet keeps
both the tokens and the labels). Only the cells sip/format/workbook.py makes editable may
change; their labels are read back to tokens ("In progress" is `in-progress`, in any
language sip ships). Every problem is reported at its cell, in the language asked for, and
the workbook is refused whole (Refused) if there is any.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from typing import Any

from sip.edit.workbook_read import Cell, Refused, Returned
from sip.format import workbook as layout
from sip.format import workbook_words as vocabulary
from sip.format.dates import DateError, parse_date
from sip.format.workbook import text_of
from sip.format.workbook_words import N_, Words

_NOUNS = {
    layout.ACTIONS: N_(
        "{ref}: {row} is not an action exported from this plan; rows cannot be added, and ids cannot change"
    ),
    layout.INSTALMENTS: N_(
        "{ref}: {row} is not a money remedy's row exported from this plan; rows cannot be added, "
        "and ids cannot change"
    ),
    layout.FINDINGS: N_(
        "{ref}: {row} is not a finding exported from this plan; rows cannot be added, and ids cannot change"
    ),
}
_ANOTHER = {
    layout.ACTIONS: N_(
        "{ref}: {row} is another action in {plan} ({value}), not the one this row shows; its "
        "changes are not applied"
    ),
    layout.INSTALMENTS: N_(
        "{ref}: {row} is another instalment in {plan} ({value}), not the one this row shows; its "
        "changes are not applied"
    ),
}
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")


@dataclass(frozen=True)
class Change:
    ref: str  # the cell, "Actions!G7"
    sheet: str
    key: str  # the row: "A-3", or "A-3#total"
    field: str
    base: str  # as exported (the token, as text)
    value: object  # as the supplier left it, read by the column's kind: a token


class _Problem(ValueError):
    """A cell that cannot be taken: a message (translated) with {ref} for the cell, and its
    other values. They are put in once, with the cell, so that no text from the workbook is
    ever read as a placeholder."""

    def __init__(self, message: str, **values: str) -> None:
        super().__init__(message)
        self.message = message
        self.values = values

    def at(self, ref: str) -> str:
        return self.message.format(ref=ref, **self.values)


def supplier_changes(returned: Returned, plan: Any, words: Words) -> list[Change]:
    """The supplier's changes; Refused with every problem, each at its cell, if any."""
    from openpyxl.utils import get_column_letter

    _ = words.gettext
    verifiers = {i.id for i in [*plan.service_providers, *plan.parties]}
    problems = list(returned.problems)
    found: list[Change] = []
    for sheet, columns in layout.COLUMNS.items():
        for first, text in returned.unknown.get(sheet, []):
            problems.append(_(_NOUNS[sheet]).format(ref=first.ref, row=layout.shown(text)))
        rows = returned.rows.get(sheet)
        for (name, key), base in returned.base.items():
            if name != sheet or rows is None:
                continue
            if key not in rows:
                row = " ".join(returned.was_shown(sheet, key, f) for f in layout.KEY_FIELDS[sheet])
                problems.append(
                    _("{sheet}: the row of {row} is missing; rows cannot be deleted").format(
                        sheet=returned.names[sheet], row=layout.escaped(row)
                    )
                )
                continue
            number = returned.row_numbers[(sheet, key)]
            for i, column in enumerate(columns):
                ref = f"{returned.names[sheet]}!{get_column_letter(i + 1)}{number}"
                cell = rows[key].get(column.field)
                try:
                    change = _changed(returned, sheet, key, column, cell, verifiers, words)
                except _Problem as problem:
                    problems.append(problem.at(ref))
                    continue
                if change is not None:
                    found.append(Change(ref, sheet, key, column.field, base.get(column.field, ""), change[0]))
    if problems:
        raise Refused(problems)
    return found


def _changed(
    returned: Returned,
    sheet: str,
    key: str,
    column: layout.Column,
    cell: Cell | None,
    verifiers: set[str],
    words: Words,
) -> tuple[object] | None:
    """(the new token,) when the supplier changed this cell, None when not; _Problem when the
    cell cannot be taken."""
    _ = words.gettext
    if cell is not None and cell.formula is not None:
        message = _(
            "{ref}: an array formula ({formula}); sip never evaluates formulas: type the value itself"
        )
        if not cell.formula.startswith("{"):
            message = _("{ref}: a formula ({formula}); sip never evaluates formulas: type the value itself")
        raise _Problem(message, formula=layout.escaped(cell.formula))
    if cell is not None and cell.error:
        raise _Problem(
            _("{ref}: an error value ({value}), not a value: type the value itself"),
            value=layout.escaped(cell.value),
        )
    value = None if cell is None else cell.value
    if isinstance(value, str):
        value = value.strip() or None
    if _same(text_of(value), returned.was_shown(sheet, key, column.field)):
        return None
    before = returned.base[(sheet, key)].get(column.field, "")
    if not layout.editable(sheet, key, column.field):
        was = returned.was_shown(sheet, key, column.field)
        raise _Problem(
            _(
                "{ref}: this cell ({header}) is locked; it was {was}. Change it in the plan, not in "
                "the workbook"
            ),
            header=_(column.header),
            was=layout.shown(was) if was else _("empty"),
        )
    token = read_value(value, column.kind, verifiers, words)
    return None if _same(text_of(token), before) else (token,)


def _same(cell: str, exported: str) -> bool:
    """Equal as a spreadsheet keeps text: a block scalar's final newline, spaces around it and
    Windows line ends are not changes."""
    return cell.replace("\r\n", "\n").strip() == exported.replace("\r\n", "\n").strip()


def read_value(value: object, kind: str, verifiers: set[str], words: Words) -> object:
    """A cell's value as the plan's token for a column of this kind; _Problem if it is none."""
    _ = words.gettext
    if value is None:
        return None
    shown = layout.shown(value)
    if isinstance(value, str) and (bidi := _BIDI.search(value)):
        raise _Problem(
            _(
                "{ref}: holds a bidirectional control character ({code}), which reorders how text "
                "is shown; delete it"
            ),
            code=f"U+{ord(bidi.group()):04X}",
        )
    if kind == layout.STATUS:
        token = vocabulary.status_token(str(value))
        if token is None:
            allowed = ", ".join(_(label) for label in vocabulary.STATUS.values())
            raise _Problem(
                _("{ref}: {value} is not a status; choose one of: {allowed}"), value=shown, allowed=allowed
            )
        return token
    if kind == layout.YES_NO:
        answer = value if isinstance(value, bool) else vocabulary.yes_no(str(value))
        if answer is None:
            raise _Problem(
                _("{ref}: {value} is neither {yes} nor {no}"),
                value=shown,
                yes=_(vocabulary.YES),
                no=_(vocabulary.NO),
            )
        return answer
    if kind == layout.VERIFIER:
        verifier = str(value).split(":", 1)[0].strip()
        if verifier not in verifiers:
            raise _Problem(
                _(
                    "{ref}: {value} is not one of the plan's parties or service providers; choose "
                    "one from the list (the plan's owner adds a new verifier to the plan first)"
                ),
                value=shown,
            )
        return verifier
    if kind == layout.DATE:
        if isinstance(value, dt.datetime):
            if value.time() != dt.time():
                raise _Problem(
                    _("{ref}: {value} is a date and a time; enter the date only (YYYY-MM-DD)"),
                    value=value.isoformat(" "),
                )
            return value.date()
        try:
            return parse_date(value.strip() if isinstance(value, str) else value)
        except DateError:
            raise _Problem(
                _("{ref}: {value} is not a date; enter it as a date (YYYY-MM-DD)"), value=shown
            ) from None
    if kind in (layout.AMOUNT, layout.COUNT):
        whole = kind == layout.COUNT
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not math.isfinite(value)
            or value < 0
            or (whole and not float(value).is_integer())
        ):
            message = N_("{ref}: {value} is not a whole number; enter a number of workers, 0 or more")
            if not whole:
                message = N_("{ref}: {value} is not an amount; enter a number, 0 or more")
            raise _Problem(_(message), value=shown)
        return int(value) if float(value).is_integer() else value
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise _Problem(_("{ref}: {value} is not text"), value=shown)
    return text_of(value)


def check_plan(returned: Returned, plan: Any, workbook: str, plan_name: str) -> None:
    """Refused unless the workbook was exported from this plan: its id, its site and the date
    it was opened. The file's name is not compared: plans are moved and renamed in git."""
    meta = returned.meta
    exported_from = layout.shown(meta.get(layout.META_PLAN_FILE, ""), limit=200)
    if meta.get(layout.META_PLAN_ID) != plan.id:
        raise Refused(
            [
                f"{workbook}: exported from plan {layout.shown(meta.get(layout.META_PLAN_ID, ''))} "
                f"({exported_from}); {plan_name} is plan {plan.id!r}"
            ]
        )
    for key, ours, noun in (
        (layout.META_SITE, layout.cell_text(plan.site.name), "site"),
        (layout.META_OPENED, text_of(plan.opened), "opened date"),
    ):
        theirs = meta.get(key, "")
        if theirs != ours:
            raise Refused(
                [
                    f"{workbook}: exported from another plan: its {noun} is {layout.shown(theirs, 100)} "
                    f"({exported_from}); {plan_name}'s is {ours!r}"
                ]
            )


def check_rows(returned: Returned, found: list[Change], plan: Any, plan_name: str, words: Words) -> None:
    """Refused, at the cell, where a row the supplier changed shows an item that the plan's
    item of that id no longer is (another plan's action with the same id, or an action
    rewritten since the export): what the supplier reported was about what they saw."""
    from openpyxl.utils import get_column_letter

    from sip.format.workbook_rows import rows_of

    _ = words.gettext
    current = {
        (sheet, layout.row_key(sheet, values)): values
        for sheet, rows in rows_of(plan).items()
        for values in rows
    }
    problems = []
    for sheet, key in dict.fromkeys((c.sheet, c.key) for c in found):
        ours = current.get((sheet, key))
        if ours is None:
            continue  # no longer in the plan: merge() reports it as a conflict
        base = returned.base[(sheet, key)]
        fields = [c.field for c in layout.COLUMNS[sheet]]
        for name in layout.IDENTITY_FIELDS[sheet]:
            if _same(layout.cell_text(text_of(ours.get(name))), base.get(name, "")):
                continue
            column = get_column_letter(fields.index(name) + 1)
            problems.append(
                _(_ANOTHER[sheet]).format(
                    ref=f"{returned.names[sheet]}!{column}{returned.row_numbers[(sheet, key)]}",
                    row=layout.escaped(key.replace("#", " ")),
                    plan=plan_name,
                    value=layout.shown(text_of(ours.get(name))),
                )
            )
            break
    if problems:
        raise Refused(problems)
