"""`sip export`: a plan's actions, instalments and findings as a workbook a supplier can update
in Excel, LibreOffice or Google Sheets (the layout is sip/format/workbook.py), in the
language asked for.

Only the columns a supplier may change are unlocked; each sheet is protected without a
password, so nobody is locked out but nothing changes by accident. Cells show labels a
person reads; a very hidden sheet keeps what was exported (the plan's file, id, site and
sha256, and each row's tokens and what its cells showed, as JSON text), which is what
`sip import` compares the returned workbook with. Every row is as tall as its wrapped text,
and every sheet prints landscape, one page wide, its header row on every page.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
from dataclasses import dataclass
from typing import Any

from sip.format import workbook as layout
from sip.format import workbook_words as vocabulary
from sip.format.workbook import text_of
from sip.format.workbook_rows import rows_of
from sip.format.workbook_words import Words
from sip.model import Plan
from sip.output import workbook_cells as cells
from sip.output.workbook_readme import readme

_OVERDUE_FILL = "FFF4CCCC"
_LIST_COLUMNS = {layout.STATUS: "A", layout.YES_NO: "B", layout.VERIFIER: "C"}


@dataclass(frozen=True)
class Export:
    plan: Plan
    plan_file: str  # as the user named it
    plan_bytes: bytes
    exported: dt.date
    language: str = vocabulary.SOURCE_LANGUAGE
    # Items marked confidential go to the supplier only when asked (`--include-confidential`):
    # a finding kept from the public may be one a worker raised, and the site is who they fear.
    confidential: bool = False


def plan_sha256(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def workbook_bytes(export: Export) -> bytes:
    from openpyxl import Workbook

    words = Words(export.language)
    _ = words.gettext
    book = Workbook()
    cells.use_font(book)
    book.remove(book.active)
    labels = cells.Labels(export.plan, words, export.confidential)
    sheets = rows_of(export.plan, confidential=export.confidential)
    shown = {
        name: [
            {c.field: labels.shown(c.kind, values.get(c.field)) for c in layout.COLUMNS[name]}
            for values in rows
        ]
        for name, rows in sheets.items()
    }
    readme(book.create_sheet(_(layout.README)), export.plan, export.plan_file, export.exported, words)
    options = _options(labels, words)
    lists = {kind: _range(kind, values) for kind, values in options.items() if values}
    looks = cells.Looks(book)
    for name, rows in sheets.items():
        _data_sheet(book.create_sheet(_(name)), name, rows, shown[name], labels, lists, looks, words)
    book.active = 1
    _lists(book.create_sheet(layout.LISTS), options)
    _state(book.create_sheet(layout.STATE), export, sheets, shown)
    _properties(book, export)
    stream = io.BytesIO()
    book.save(stream)
    return stream.getvalue()


def _options(labels: cells.Labels, words: Words) -> dict[str, list[str]]:
    """What each drop-down offers, in the workbook's language."""
    _ = words.gettext
    return {
        layout.STATUS: [_(label) for label in vocabulary.STATUS.values()],
        layout.YES_NO: [_(vocabulary.YES), _(vocabulary.NO)],
        layout.VERIFIER: list(labels.verifiers.values()),
    }


def _range(kind: str, values: list[str]) -> str:
    column = _LIST_COLUMNS[kind]
    return f"{layout.LISTS}!${column}$1:${column}${len(values)}"


def _lists(sheet, options: dict[str, list[str]]) -> None:
    """The drop-downs' labels on a hidden sheet: a list typed into a validation itself may not
    hold a comma, and a verifier's name may."""
    for kind, values in options.items():
        column = _LIST_COLUMNS[kind]
        for n, value in enumerate(values, start=1):
            cell = sheet[f"{column}{n}"]
            cell.value = layout.cell_text(value)
            cell.data_type = "s"
    sheet.sheet_state = "hidden"
    cells.protect(sheet)


def _data_sheet(
    sheet,
    name: str,
    rows: list[dict[str, Any]],
    shown: list[dict[str, object]],
    labels: cells.Labels,
    lists: dict[str, str],
    looks: cells.Looks,
    words: Words,
) -> None:
    from openpyxl.utils import get_column_letter

    _ = words.gettext
    columns = layout.COLUMNS[name]
    headers = [_(c.header) for c in columns]
    sheet.append(headers)
    for cell in sheet[layout.HEADER_ROW]:
        cell.style = looks.header
    cells.fit(
        sheet, layout.HEADER_ROW, [(h, c.width) for h, c in zip(headers, columns, strict=True)], bold=True
    )
    for n, (values, row) in enumerate(zip(rows, shown, strict=True), start=layout.HEADER_ROW + 1):
        cells.append(sheet, [layout.cell_text(v) if isinstance(v, str) else v for v in row.values()])
        key = layout.row_key(name, values)
        for i, column in enumerate(columns):
            number_format = "General"
            if column.kind == layout.DATE:
                number_format = cells.DATE_FORMAT
            elif column.kind == layout.COUNT:
                number_format = cells.COUNT_FORMAT
            elif column.kind == layout.AMOUNT:
                currency = values.get("currency") or labels.currencies.get(str(values.get("response")))
                number_format = cells.amount_format(currency)
            sheet.cell(n, i + 1).style = looks.cell(number_format, layout.editable(name, key, column.field))
        texts = [(cells.cell_words(row[c.field]), c.width) for c in columns]
        cells.fit(sheet, n, texts)
    for i, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = column.width
    sheet.freeze_panes = "B2"
    _validations(sheet, name, len(rows), lists, words)
    cells.print_setup(sheet, words, one_page=False)
    cells.protect(sheet)


def _validations(sheet, name: str, count: int, lists: dict[str, str], words: Words) -> None:
    from openpyxl.formatting.rule import FormulaRule
    from openpyxl.styles import PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    _ = words.gettext
    columns = layout.COLUMNS[name]
    last = max(layout.HEADER_ROW + count, 2)
    letters = {c.field: get_column_letter(i) for i, c in enumerate(columns, start=1)}
    for column in columns:
        if not column.editable:
            continue
        header = _(column.header)
        if column.kind in layout.DROP_DOWNS:
            if column.kind not in lists:
                continue  # nothing to offer (a plan with no parties): import refuses any entry
            validation = DataValidation(
                type="list", formula1=lists[column.kind], error=_("Choose a value from the list")
            )
        elif column.kind == layout.DATE:
            validation = DataValidation(
                type="date",
                operator="greaterThan",
                formula1="DATE(1990,1,1)",
                error=_("Enter a date (YYYY-MM-DD)"),
            )
        elif column.kind == layout.AMOUNT:
            validation = DataValidation(
                type="decimal",
                operator="greaterThanOrEqual",
                formula1="0",
                error=_("Enter a number, 0 or more"),
            )
        elif column.kind == layout.COUNT:
            validation = DataValidation(
                type="whole",
                operator="greaterThanOrEqual",
                formula1="0",
                error=_("Enter a whole number, 0 or more"),
            )
        else:
            continue
        validation.allow_blank = True
        validation.showErrorMessage = True
        validation.errorTitle = layout.cell_text(header)[:32]  # Excel allows 32 characters
        letter = letters[column.field]
        validation.add(f"{letter}2:{letter}{last}")
        sheet.add_data_validation(validation)
    if name == layout.ACTIONS:
        status, due = letters["status"], letters["due"]
        opened = ",".join(f'${status}2="{_(vocabulary.STATUS[s])}"' for s in ("planned", "in-progress"))
        sheet.conditional_formatting.add(
            f"A2:{get_column_letter(len(columns))}{last}",
            FormulaRule(
                formula=[f"AND(OR({opened}),${due}2<TODAY())"],
                fill=PatternFill("solid", fgColor=_OVERDUE_FILL, bgColor=_OVERDUE_FILL),
            ),
        )


def _state(
    sheet, export: Export, sheets: dict[str, list[dict[str, Any]]], shown: dict[str, list[dict[str, object]]]
) -> None:
    plan = export.plan
    sheet.append([layout.META_FORMAT, layout.WORKBOOK_FORMAT])
    cells.append(sheet, [layout.META_PLAN_FILE, layout.cell_text(export.plan_file)])
    sheet.append([layout.META_PLAN_ID, plan.id])
    sheet.append([layout.META_PLAN_SHA256, plan_sha256(export.plan_bytes)])
    cells.append(sheet, [layout.META_SITE, layout.cell_text(plan.site.name)])
    sheet.append([layout.META_OPENED, text_of(plan.opened)])
    sheet.append([layout.META_LANGUAGE, export.language])
    sheet.append([layout.META_EXPORTED, export.exported.isoformat()])
    sheet.append([])
    sheet.append(["sheet", "row", "values", "shown"])
    for name, rows in sheets.items():
        for values, row in zip(rows, shown[name], strict=True):
            tokens = {c.field: layout.cell_text(text_of(values.get(c.field))) for c in layout.COLUMNS[name]}
            labels = {
                f: layout.cell_text(text_of(v))
                for f, v in row.items()
                if layout.cell_text(text_of(v)) != tokens[f]
            }
            cells.append(
                sheet,
                [
                    name,
                    layout.cell_text(layout.row_key(name, values)),
                    json.dumps(tokens, ensure_ascii=False),
                    json.dumps(labels, ensure_ascii=False),
                ],
            )
    sheet.sheet_state = "veryHidden"
    cells.protect(sheet)


def _properties(book, export: Export) -> None:
    from openpyxl.packaging.custom import StringProperty

    book.properties.title = f"{export.plan.id}: actions and instalments"
    book.properties.creator = "sip"
    book.properties.language = export.language
    book.custom_doc_props.append(
        StringProperty(name=layout.MARK_PROPERTY, value=plan_sha256(export.plan_bytes))
    )
