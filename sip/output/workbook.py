"""`sip export`: a plan's actions, instalments and findings as a workbook a supplier can update
in Excel, LibreOffice or Google Sheets (the layout is sip/format/workbook.py).

Only the columns a supplier may change are unlocked; each sheet is protected without a
password, so nobody is locked out but nothing changes by accident. A very hidden sheet keeps
what was exported (the plan's file, id and sha256, and each row's values as JSON text), which is
what `sip import` compares the returned workbook with.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
from dataclasses import dataclass
from typing import Any

from sip.format import workbook as layout
from sip.format.vocab import ACTION_STATUS, RESPONSE_KIND
from sip.format.workbook import text_of
from sip.format.workbook_rows import rows_of
from sip.model import Plan

_DATE_FORMAT = "yyyy-mm-dd"
_HEADER_FILL = "FFDDE4EE"
_EDITABLE_FILL = "FFFFF8DC"  # a light yellow: the cells to fill in
_OVERDUE_FILL = "FFF4CCCC"


@dataclass(frozen=True)
class Export:
    plan: Plan
    plan_file: str  # as the user named it
    plan_bytes: bytes
    exported: dt.date


def plan_sha256(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def workbook_bytes(export: Export) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    sheets = rows_of(export.plan)
    _readme(book.create_sheet(layout.README), export)
    for name, rows in sheets.items():
        _data_sheet(book.create_sheet(name), name, rows)
    book.active = 1
    _state(book.create_sheet(layout.STATE), export, sheets)
    _properties(book, export)
    stream = io.BytesIO()
    book.save(stream)
    return stream.getvalue()


def _data_sheet(sheet, name: str, rows: list[dict[str, Any]]) -> None:
    from openpyxl.formatting.rule import FormulaRule
    from openpyxl.styles import Alignment, Font, PatternFill, Protection
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    columns = layout.COLUMNS[name]
    header_fill = PatternFill("solid", fgColor=_HEADER_FILL)
    editable_fill = PatternFill("solid", fgColor=_EDITABLE_FILL)
    unlocked = Protection(locked=False)
    wrap = Alignment(wrap_text=True, vertical="top")
    top = Alignment(vertical="top")
    sheet.append([c.header for c in columns])
    for cell in sheet[layout.HEADER_ROW]:
        cell.font = Font(bold=True)
        cell.fill = header_fill
    widths = [len(c.header) + 2 for c in columns]
    for n, values in enumerate(rows, start=layout.HEADER_ROW + 1):
        _append(sheet, [_cell_value(values.get(c.field), c.kind) for c in columns])
        key = layout.row_key(name, values)
        for i, column in enumerate(columns):
            cell = sheet.cell(n, i + 1)
            if column.kind == layout.DATE:
                cell.number_format = _DATE_FORMAT
            text = text_of(values.get(column.field))
            widths[i] = max(widths[i], min(len(text) + 2, column.width))
            cell.alignment = wrap if len(text) > column.width else top
            if layout.editable(name, key, column.field):
                cell.protection = unlocked
                cell.fill = editable_fill
    for i, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = width
    sheet.freeze_panes = "B2"
    last = max(layout.HEADER_ROW + len(rows), 2)
    fields = [c.field for c in columns]
    if name == layout.ACTIONS:
        status = get_column_letter(fields.index("status") + 1)
        due = get_column_letter(fields.index("due") + 1)
        allowed = ",".join(ACTION_STATUS)
        validation = DataValidation(
            type="list",
            formula1=f'"{allowed}"',
            allow_blank=False,
            showErrorMessage=True,
            errorTitle="Status",
            error=f"A status is one of: {', '.join(ACTION_STATUS)}",
        )
        validation.add(f"{status}2:{status}{last}")
        sheet.add_data_validation(validation)
        open_statuses = ",".join(f'${status}2="{s}"' for s in ("planned", "in-progress"))
        sheet.conditional_formatting.add(
            f"A2:{get_column_letter(len(columns))}{last}",
            FormulaRule(
                formula=[f"AND(OR({open_statuses}),${due}2<TODAY())"],
                fill=PatternFill("solid", fgColor=_OVERDUE_FILL, bgColor=_OVERDUE_FILL),
            ),
        )
    for column in columns:
        letter = get_column_letter(fields.index(column.field) + 1)
        if column.editable and column.kind == layout.DATE:
            validation = DataValidation(
                type="date",
                operator="greaterThan",
                formula1="DATE(1990,1,1)",
                allow_blank=True,
                showErrorMessage=True,
                errorTitle="Date",
                error="Enter a date (YYYY-MM-DD)",
            )
        elif column.editable and column.kind == layout.NUMBER:
            validation = DataValidation(
                type="decimal",
                operator="greaterThanOrEqual",
                formula1="0",
                allow_blank=True,
                showErrorMessage=True,
                errorTitle="Amount",
                error="Enter a number, 0 or more",
            )
        else:
            continue
        validation.add(f"{letter}2:{letter}{last}")
        sheet.add_data_validation(validation)
    _protect(sheet)


def _cell_value(value: object, kind: str) -> object:
    if isinstance(value, list):
        return cell_text(", ".join(value))
    if kind == layout.NUMBER and isinstance(value, float) and value.is_integer():
        return int(value)
    return cell_text(value) if isinstance(value, str) else value


def cell_text(text: str) -> str:
    """Text a cell can hold: characters XML forbids become U+FFFD (import compares the same)."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return ILLEGAL_CHARACTERS_RE.sub("\ufffd", text)


def _append(sheet, values: list[object]) -> None:
    """A row of values; text that starts with '=' stays text, never a formula."""
    sheet.append([_text_cell(sheet, v) if isinstance(v, str) and v.startswith("=") else v for v in values])


def _text_cell(sheet, text: str):
    from openpyxl.cell.cell import Cell

    cell = Cell(sheet, value=text)
    cell.data_type = "s"
    return cell


def _protect(sheet) -> None:
    """No password: protection keeps ids and text from changing by accident, and anybody who
    must can lift it (import still ignores locked columns)."""
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False
    sheet.protection.formatRows = False
    sheet.protection.autoFilter = False


def _readme(sheet, export: Export) -> None:
    from openpyxl.styles import Alignment, Font

    plan = export.plan
    editable = [
        f"{name}: {', '.join(c.header for c in columns if c.editable)}"
        for name, columns in layout.COLUMNS.items()
        if any(c.editable for c in columns)
    ]
    lines = [
        (f"Plan {plan.id}: {plan.title}", True),
        (f"Exported from {export.plan_file} on {export.exported.isoformat()} by sip.", False),
        ("", False),
        ("What to fill in", True),
        (
            "Only the yellow cells can change; everything else is locked and is kept as the plan "
            "says. Write dates as dates (YYYY-MM-DD). Do not add, remove or rename rows: tell the "
            "plan's owner instead.",
            False,
        ),
        *((f"  {line}", False) for line in editable),
        ("", False),
        ("Status of an action", True),
        *((f"  {value}: {label}", False) for value, label in ACTION_STATUS.items()),
        (
            "  done and verified need a Completed date; verified also needs Verified how, "
            "Verification evidence and Verified on.",
            False,
        ),
        ("", False),
        ("Instalments", True),
        (
            "  Paid on: the date an instalment was paid. Paid so far: the total paid, for a remedy "
            "paid without a schedule.",
            False,
        ),
        ("", False),
        ("Kinds of action", True),
        *((f"  {value}: {label}", False) for value, label in RESPONSE_KIND.items()),
        ("  improvement: a change to the management system that keeps the problem from coming back", False),
        ("", False),
        ("Rows in red are past their due date and still open.", False),
    ]
    for text, bold in lines:
        _append(sheet, [cell_text(text)])
        if bold:
            sheet.cell(sheet.max_row, 1).font = Font(bold=True)
    sheet.column_dimensions["A"].width = 110
    for row in sheet.iter_rows():
        row[0].alignment = Alignment(wrap_text=True, vertical="top")
    _protect(sheet)


def _state(sheet, export: Export, sheets: dict[str, list[dict[str, Any]]]) -> None:
    sheet.append([layout.META_FORMAT, layout.WORKBOOK_FORMAT])
    _append(sheet, [layout.META_PLAN_FILE, cell_text(export.plan_file)])
    sheet.append([layout.META_PLAN_ID, export.plan.id])
    sheet.append([layout.META_PLAN_SHA256, plan_sha256(export.plan_bytes)])
    _append(sheet, [layout.META_SITE, cell_text(export.plan.site.name)])
    sheet.append([layout.META_OPENED, text_of(export.plan.opened)])
    sheet.append([layout.META_EXPORTED, export.exported.isoformat()])
    sheet.append([])
    sheet.append(["sheet", "row", "values"])
    for name, rows in sheets.items():
        for values in rows:
            exported = {c.field: cell_text(text_of(values.get(c.field))) for c in layout.COLUMNS[name]}
            _append(
                sheet,
                [name, cell_text(layout.row_key(name, values)), json.dumps(exported, ensure_ascii=False)],
            )
    sheet.sheet_state = "veryHidden"
    _protect(sheet)


def _properties(book, export: Export) -> None:
    from openpyxl.packaging.custom import StringProperty

    book.properties.title = f"{export.plan.id}: actions and instalments"
    book.properties.creator = "sip"
    book.custom_doc_props.append(
        StringProperty(name=layout.MARK_PROPERTY, value=plan_sha256(export.plan_bytes))
    )
