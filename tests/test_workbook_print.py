"""The workbook on screen and on paper (issue 21): every word of a long text visible, rows as
tall as their wrapped text; printed (or saved as PDF, as suppliers send it back) landscape,
one page wide with the header row on every page, the Read-me on one page. The PDF is made by
LibreOffice and read with poppler's pdftotext (.ci/run installs both)."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile

import openpyxl
import pytest

from sip.output.workbook_cells import LINE_HEIGHT, lines
from tests.workbooks import SOFFICE, exported, libreoffice, row_of, sheet_member

PDFTOTEXT = shutil.which("pdftotext")


def test_long_texts_wrap_and_every_row_is_as_tall_as_its_lines(sip, tmp_path):
    plan, book = exported(sip, tmp_path)
    workbook = openpyxl.load_workbook(book)
    for title in ("Actions", "Instalments", "Findings"):
        sheet = workbook[title]
        widths = [sheet.column_dimensions[c.column_letter].width for c in sheet[1]]
        for row in sheet.iter_rows():
            needed = max(
                lines(c.value, width) if isinstance(c.value, str) else 1
                for c, width in zip(row, widths, strict=True)
            )
            assert all(c.alignment.wrap_text and c.alignment.vertical == "top" for c in row)
            assert sheet.row_dimensions[row[0].row].height >= needed * LINE_HEIGHT, (title, row[0].row)
    a3 = row_of(workbook["Actions"], "A-3")
    assert workbook["Actions"].row_dimensions[a3].height >= 6 * LINE_HEIGHT  # its action takes six lines
    # The heights are written as fitted, not custom: a spreadsheet grows the row when a cell is edited.
    with zipfile.ZipFile(book) as archive:
        rows = re.findall(r"<row [^>]*>", archive.read(sheet_member(book, "Actions")).decode())
    assert rows and all(' ht="' in r and "customHeight" not in r for r in rows)


def test_the_page_setup(sip, tmp_path):
    plan, book = exported(sip, tmp_path)
    workbook = openpyxl.load_workbook(book)
    for title in ("Actions", "Instalments", "Findings"):
        sheet = workbook[title]
        assert sheet.page_setup.orientation == "landscape"
        assert str(sheet.page_setup.paperSize) == sheet.PAPERSIZE_A4
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert (sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight) == (1, 0)  # one page wide
        assert sheet.print_title_rows == "$1:$1"  # the header row on every page
        assert sheet.print_options.gridLines
    readme = workbook["Read me"]
    assert readme.page_setup.orientation == "portrait"
    assert (readme.page_setup.fitToWidth, readme.page_setup.fitToHeight) == (1, 1)  # one page
    # Arial, whose metrics LibreOffice has (Liberation Sans): the rows are sized for it.
    with zipfile.ZipFile(book) as archive:
        styles = archive.read("xl/styles.xml").decode()
    assert re.search(r'<fonts count="\d+"><font><name val="Arial"/>', styles)


@pytest.mark.skipif(
    SOFFICE is None or PDFTOTEXT is None, reason="needs LibreOffice and poppler-utils (.ci/run)"
)
def test_printed_by_libreoffice(sip, tmp_path):
    """The Read-me on page 1 alone; then the actions, all fifteen columns one page wide: the
    example's twelve actions (more than six) on one landscape page, the header row with them."""
    plan, book = exported(sip, tmp_path)
    pdf = libreoffice(book, tmp_path / "pdf", to="pdf")
    pages = [_text(pdf, n) for n in range(1, _pages(pdf) + 1)]
    assert "What to fill in" in pages[0] and "Rows in red are past their due date" in pages[0]
    assert "Planned:" not in pages[1]  # the Read-me did not spill over
    actions = pages[1]
    for header in ("Kind", "Addresses", "Verified how", "Verified by", "Workers", "Contingency"):
        assert header in actions
    for action in ("A-1", "A-2", "A-3", "A-4", "A-5", "A-6", "A-7", "MS-1", "MS-5"):
        assert re.search(rf"^\s*{action}\s", actions, re.M), action
    assert "Page 2 of" in actions
    # The long texts are whole on the page: the last words of A-3's action and contingency.
    assert "bank accounts." in actions and "invoices" in actions


def _pages(pdf) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def _text(pdf, page: int) -> str:
    done = subprocess.run(
        [PDFTOTEXT, "-layout", "-f", str(page), "-l", str(page), str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout
