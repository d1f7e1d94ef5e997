"""How the supplier's workbook shows a plan's values: labels a person reads instead of tokens
(`in-progress` is "In progress", `SP-1` is "SP-1: Example Verification Ltd"), amounts with
their currency's decimals and thousands separators, and rows as tall as their wrapped text.

The tokens stay in the workbook's hidden sheet; `sip import` maps a label back to its token
(sip/format/workbook_words.py), or reads it from that sheet for the locked columns.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from sip.format import workbook as layout
from sip.format import workbook_words as vocabulary
from sip.format.currencies import minor_units
from sip.format.lists import TITLE_FIELD
from sip.format.wording import shorten
from sip.format.workbook_words import Words

DATE_FORMAT = "yyyy-mm-dd"
COUNT_FORMAT = "#,##0"
FONT = "Arial"  # Liberation Sans in LibreOffice has its widths: rows fit the same in both
FONT_SIZE = 10
LINE_HEIGHT = 12.75  # points: a line of Arial 10, as Excel spaces it (LibreOffice: less)
ROW_PADDING = 3.0  # points above and below the lines

# Arial's advance widths (per 1000 of the font size) of the printable ASCII characters, from
# its metrics (the same as Helvetica's and Liberation Sans'); other characters count as a
# wide letter, and East Asian wide ones as a full square.
_WIDTHS = {
    **dict.fromkeys("'", 191),
    **dict.fromkeys("ijl", 222),
    **dict.fromkeys("|", 260),
    **dict.fromkeys(" !,./:;I[\\]ft", 278),
    **dict.fromkeys("()-`r", 333),
    **dict.fromkeys("{}", 334),
    **dict.fromkeys('"', 355),
    **dict.fromkeys("*", 389),
    **dict.fromkeys("^", 469),
    **dict.fromkeys("Jcksvxyz", 500),
    **dict.fromkeys("#$0123456789?L_abdeghnopqu", 556),
    **dict.fromkeys("+<=>~", 584),
    **dict.fromkeys("FTZ", 611),
    **dict.fromkeys("&ABEKPSVXY", 667),
    **dict.fromkeys("CDHNRUw", 722),
    **dict.fromkeys("GOQ", 778),
    **dict.fromkeys("Mm", 833),
    **dict.fromkeys("%", 889),
    **dict.fromkeys("W", 944),
    **dict.fromkeys("@", 1015),
}
_OTHER, _WIDE = 667, 1000
# What measured text is widened by, so that a renderer's rounding never pushes a word to a
# line the row has no room for; bold is wider still.
_MARGIN, _BOLD = 1.05, 1.1


class Labels:
    """A plan's values as the workbook shows them, in one language."""

    def __init__(self, plan: Any, words: Words, confidential: bool = True) -> None:
        self._ = words.gettext
        # What an action addresses, by id: findings, and for an improvement root causes and risks;
        # a confidential item by its id alone unless the workbook holds confidential items.
        self.titles = {
            item.id: " ".join(str(getattr(item, field) or "").split())
            if confidential or not getattr(item, "confidential", False)
            else ""
            for name in ("findings", "root_causes", "risks")
            for item in getattr(plan, name, None) or []
            for field in (TITLE_FIELD[name],)
        }
        self.actions = {a.id: a.action for a in [*plan.responses, *plan.improvements]}
        self.verifiers = verifiers(plan)
        self.currencies = {
            r.id: r.amount.currency for r in plan.responses if getattr(r, "amount", None) is not None
        }

    def shown(self, kind: str, value: object) -> object:
        """The cell's value: a date or a number as itself, everything else as its text."""
        _ = self._
        if value is None or value == [] or kind in (layout.DATE, layout.AMOUNT, layout.COUNT):
            return value if value != [] else None
        if kind == layout.STATUS:
            return _(vocabulary.STATUS.get(str(value), str(value)))
        if kind == layout.YES_NO:
            return _(vocabulary.YES if value else vocabulary.NO)
        if kind == layout.VERIFIER:
            return self.verifiers.get(str(value), str(value))
        if kind == layout.KIND:
            return self._kind(str(value))
        if kind == layout.SEVERITY:
            return _(vocabulary.SEVERITY.get(str(value), str(value)))
        if kind == layout.INDICATORS:
            return "\n".join(_(vocabulary.INDICATOR.get(i, i)) for i in value)  # type: ignore[attr-defined]
        if kind == layout.ADDRESSED:
            return "\n".join(f"{i}: {shorten(self.titles.get(i, ''), 32)}".rstrip(": ") for i in value)  # type: ignore[attr-defined]
        if kind == layout.ACTION_ID:
            return f"{value}: {shorten(' '.join(self.actions.get(str(value), '').split()), 50)}"
        if kind == layout.INSTALMENT:
            return _(layout.TOTAL_LABEL) if value == layout.TOTAL else str(value)
        if isinstance(value, list):
            return ", ".join(map(str, value))
        return value

    def _kind(self, token: str) -> str:
        _ = self._
        kind, _colon, detail = token.partition(": ")
        label = _(vocabulary.KIND.get(kind, kind))
        if kind == "remedy" and detail:
            return f"{label}: {_(vocabulary.REMEDY.get(detail, detail))}"
        if kind == "improvement" and detail:
            return f"{label}: {_(vocabulary.ELEMENT.get(detail, detail))}"
        return label


class Looks:
    """The few looks a cell has (the header; text, a date or an amount; to fill in or locked),
    each a named cell style: set once, each cell names its look (a spreadsheet shows the
    names, "sip: to fill in"), and a workbook of a thousand rows sets no style twice."""

    HEADER_FILL = "FFDDE4EE"
    EDITABLE_FILL = "FFFFF8DC"  # a light yellow: the cells to fill in

    def __init__(self, book) -> None:
        self.book = book
        self.header = self._add("sip: header", bold=True, fill=self.HEADER_FILL)

    def cell(self, number_format: str, editable: bool) -> str:
        name = "sip: to fill in" if editable else "sip: locked"
        if number_format != "General":
            name = f"{name} ({number_format})"
        if name not in self.book.named_styles:
            self._add(
                name,
                number_format=number_format,
                fill=self.EDITABLE_FILL if editable else None,
                locked=not editable,
            )
        return name

    def _add(
        self,
        name: str,
        bold: bool = False,
        fill: str | None = None,
        number_format: str = "General",
        locked: bool = True,
    ) -> str:
        from openpyxl.styles import Alignment, Font, NamedStyle, PatternFill, Protection

        style = NamedStyle(name=name)
        style.font = Font(name=FONT, size=FONT_SIZE, bold=bold)
        style.alignment = Alignment(wrap_text=True, vertical="top")
        style.protection = Protection(locked=locked)
        style.number_format = number_format
        if fill:
            style.fill = PatternFill("solid", fgColor=fill)
        self.book.add_named_style(style)
        return name


def verifiers(plan: Any) -> dict[str, str]:
    """Who may have verified an action, by id, with the label the drop-down offers: the plan's
    service providers and parties. A confidential one is shown by its id alone: the workbook
    goes to the supplier, whom a shelter's or a lawyer's involvement may have to be kept from."""
    found = {}
    for item in [*plan.service_providers, *plan.parties]:
        name = "" if getattr(item, "confidential", False) else shorten(" ".join(item.name.split()), 50)
        found[item.id] = f"{item.id}: {name}" if name else item.id
    return found


def amount_format(currency: str | None) -> str:
    """Thousands separators and the currency's own decimals: 1,735,000.00 MYR, 250,000 JPY."""
    units = minor_units(currency or "")
    if units is None:
        return "#,##0.####"
    return "#,##0" + ("." + "0" * units if units else "")


def text_points(text: str, bold: bool = False) -> float:
    """How wide `text` is in points, in Arial 10 (a little wider, to be safe)."""
    import unicodedata

    total = 0
    for ch in text:
        width = _WIDTHS.get(ch)
        if width is None:
            width = _WIDE if unicodedata.east_asian_width(ch) in "WF" else _OTHER
        total += width
    return total * FONT_SIZE / 1000 * _MARGIN * (_BOLD if bold else 1)


def room(width: float) -> float:
    """Points of text a column `width` wide holds on a line: Excel makes a column 7 pixels a
    unit (the digit 0 of Arial 10 at 96 dpi) plus 5, and keeps 2 pixels each side clear."""
    return (7 * width + 5 - 6) * 0.75


def lines(text: str, width: float, bold: bool = False) -> int:
    """The lines `text` takes wrapped at spaces in a column `width` wide (a word too long for
    a line breaks across lines), as a spreadsheet wraps it, or one more."""
    space = text_points(" ", bold)
    available = room(width)
    count = 0
    for paragraph in text.split("\n"):
        count += 1
        used = 0.0
        for word in paragraph.split():
            size = text_points(word, bold)
            if used and used + space + size <= available:
                used += space + size
                continue
            if used:
                count += 1
            while size > available:  # broken across lines
                count += 1
                size -= available
            used = size
    return count


def row_height(cells: list[tuple[str, float]], bold: bool = False) -> float:
    """Points for a row whose cells hold these texts in columns of these widths."""
    most = max((lines(text, width, bold) for text, width in cells), default=1)
    return most * LINE_HEIGHT + ROW_PADDING


def use_font(book) -> None:
    """Arial 10 for the whole workbook (the Normal style): column widths count its digit 0, and
    LibreOffice has its metrics (Liberation Sans), where Calibri is replaced by a wider font
    on most Linux machines, and rows sized for Calibri would cut the text. openpyxl has no
    public way to set it: the font list is replaced before the style takes the font, so the
    style's font is the list's first."""
    from openpyxl.styles import Font
    from openpyxl.utils.indexed_list import IndexedList

    font = Font(name=FONT, size=FONT_SIZE, family=2)
    book._fonts = IndexedList([font])
    book._named_styles["Normal"].font = font


def cell_words(value: object) -> str:
    """What a cell shows, to size its row: a date or a number takes one line."""
    return value if isinstance(value, str) else "0"


def fit(sheet, row: int, texts: list[tuple[str, float]], bold: bool = False) -> None:
    """The row as tall as its wrapped text. The height is written as the row's fitted height,
    not a custom one: Excel and LibreOffice show it as it is (LibreOffice, told nothing,
    shows one line and saves that), and both still grow the row when a cell is edited."""
    sheet.row_dimensions[row] = _fitted_row()(sheet, index=row, ht=row_height(texts, bold))


@cache
def _fitted_row() -> type:
    from openpyxl.worksheet.dimensions import RowDimension

    class FittedRow(RowDimension):
        @property
        def customHeight(self) -> bool:  # openpyxl writes customHeight="1" with every height
            return False

    return FittedRow


def print_setup(sheet, words: Words, one_page: bool) -> None:
    """Printed (or saved as PDF, as suppliers often send it back): A4, one page wide, the
    header row on every page; the Read-me portrait on one page, the tables landscape."""
    _ = words.gettext
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "portrait" if one_page else "landscape"
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 1 if one_page else 0
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    sheet.page_margins.top = sheet.page_margins.bottom = 0.6
    sheet.page_margins.header = sheet.page_margins.footer = 0.3
    sheet.oddFooter.center.text = _("Page &P of &N")
    sheet.oddFooter.center.size = 8
    if not one_page:
        sheet.print_title_rows = "1:1"
        sheet.print_options.gridLines = True
        sheet.oddHeader.left.text = "&A"
        sheet.oddHeader.left.size = 8


def append(sheet, values: list[object]) -> None:
    """A row of values; text that reads as a formula (=...) or an error value (#REF!) stays
    text, never evaluated, never an error."""
    from openpyxl.cell.cell import ERROR_CODES

    sheet.append(
        [
            _text_cell(sheet, v) if isinstance(v, str) and (v.startswith("=") or v in ERROR_CODES) else v
            for v in values
        ]
    )


def _text_cell(sheet, text: str):
    from openpyxl.cell.cell import Cell

    cell = Cell(sheet, value=text)
    cell.data_type = "s"
    return cell


def protect(sheet) -> None:
    """No password: protection keeps ids and text from changing by accident, and anybody who
    must can lift it (import still ignores locked columns)."""
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False
    sheet.protection.formatRows = False
    sheet.protection.autoFilter = False
