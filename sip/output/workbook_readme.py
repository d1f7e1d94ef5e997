"""The workbook's Read-me: which plan it is, what to fill in and what the values mean, in the
workbook's language, on one printed page."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sip.format import workbook as layout
from sip.format import workbook_words as vocabulary
from sip.format.workbook_words import Words
from sip.output import workbook_cells as cells

WIDTH = 100  # characters: one column, wrapped
TITLE, HEADING, TEXT = "title", "heading", "text"


def readme(sheet, plan: Any, plan_file: str, exported: dt.date, words: Words) -> None:
    from openpyxl.styles import Alignment, Font

    fonts = {
        TITLE: Font(name=cells.FONT, size=13, bold=True),
        HEADING: Font(name=cells.FONT, size=cells.FONT_SIZE, bold=True),
    }
    wrap = Alignment(wrap_text=True, vertical="top")
    sheet.column_dimensions["A"].width = WIDTH
    for n, (text, style) in enumerate(lines(plan, plan_file, exported, words), start=1):
        cells.append(sheet, [layout.cell_text(text)])
        cell = sheet.cell(n, 1)
        cell.alignment = wrap
        if style in fonts:
            cell.font = fonts[style]
        scale = 1.4 if style == TITLE else 1.0
        cells.fit(sheet, n, [(text, WIDTH / scale)], bold=style != TEXT)
    cells.print_setup(sheet, words, one_page=True)
    cells.protect(sheet)


def lines(plan: Any, plan_file: str, exported: dt.date, words: Words) -> list[tuple[str, str]]:
    _ = words.gettext
    editable = [
        _("{sheet}: {columns}").format(
            sheet=_(name), columns=", ".join(_(c.header) for c in columns if c.editable)
        )
        for name, columns in layout.COLUMNS.items()
        if any(c.editable for c in columns)
    ]
    return [
        (_("Plan {id}: {title}").format(id=plan.id, title=plan.title), TITLE),
        (
            _("Site: {site}. Plan opened on {opened}.").format(
                site=plan.site.name, opened=plan.opened.isoformat()
            ),
            TEXT,
        ),
        (
            _(
                "Exported from {file} on {date} by sip. When it is filled in, send this file back "
                "to the plan's owner."
            ).format(file=plan_file, date=exported.isoformat()),
            TEXT,
        ),
        ("", TEXT),
        (_("What to fill in"), HEADING),
        (
            _(
                "Fill in only the yellow cells; everything else is locked and stays as the plan says. "
                "Write dates as dates (YYYY-MM-DD). Do not add, delete, move or rename rows or "
                "columns: tell the plan's owner instead."
            ),
            TEXT,
        ),
        *((f"    {line}", TEXT) for line in editable),
        ("", TEXT),
        (_("Status of an action (choose it from the list)"), HEADING),
        *(
            (f"    {_(label)}: {_(vocabulary.STATUS_MEANING[token])}", TEXT)
            for token, label in vocabulary.STATUS.items()
        ),
        ("", TEXT),
        (_("When an action has been checked"), HEADING),
        (
            _(
                "Verified how: how it was checked (for example, records reviewed and workers "
                "interviewed in their own language). Verification evidence: where the evidence is "
                "kept. Verified on: the date. Verified by: who checked it, chosen from the list; "
                "if they are not on it, ask the plan's owner to add them. Independent verifier: Yes "
                "if the verifier is independent of the company and of the site. Workers "
                "interviewed: how many workers the verifier spoke to."
            ),
            TEXT,
        ),
        ("", TEXT),
        (_("Instalments"), HEADING),
        (
            _(
                "Paid on: the date an instalment was paid to the workers. Paid so far: the total "
                "paid so far, for a remedy paid without a schedule of instalments. Amounts are in "
                "the currency shown beside them."
            ),
            TEXT,
        ),
        ("", TEXT),
        (_("Kinds of action"), HEADING),
        *(
            (f"    {_(label)}: {_(vocabulary.KIND_MEANING[token])}", TEXT)
            for token, label in vocabulary.KIND.items()
        ),
        ("", TEXT),
        (_("Rows in red are past their due date and still open."), TEXT),
    ]
