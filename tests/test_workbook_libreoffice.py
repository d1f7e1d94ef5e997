"""A workbook opened and saved by a real spreadsheet program imports the same: LibreOffice
(Debian's libreoffice-calc, installed by .ci/run) re-saves it headless."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from tests.workbooks import SOFFICE, edit, exported, libreoffice, row_of

pytestmark = pytest.mark.skipif(
    SOFFICE is None, reason="LibreOffice is not installed (.ci/run installs Debian's libreoffice-calc)"
)
DAY = dt.date(2026, 8, 9)


def test_a_workbook_saved_by_libreoffice_imports_the_same(sip, tmp_path):
    plan, book = exported(sip, tmp_path)
    original = plan.read_text(encoding="utf-8")
    # Untouched and re-saved: nothing to import.
    out = sip("import", libreoffice(book, tmp_path / "untouched"), plan)
    assert out.exit_code == 0, out.stderr
    assert out.stdout == "" and plan.read_text(encoding="utf-8") == original
    # Edited, then re-saved: the same diff as the workbook straight from openpyxl.
    workbook = openpyxl.load_workbook(book)
    row = row_of(workbook["Actions"], "A-3")
    total = row_of(workbook["Instalments"], "Total", column=2)
    paid = workbook["Instalments"][f"D{total}"].value  # paid in full
    edit(
        book,
        {f"Actions!G{row}": "Done", f"Actions!H{row}": DAY, f"Instalments!G{total}": paid},
    )
    direct = sip("import", "--dry-run", book, plan)
    assert direct.exit_code == 0 and direct.stdout
    resaved = sip("import", "--dry-run", libreoffice(book, tmp_path / "edited"), plan)
    assert resaved.exit_code == 0, resaved.stderr
    assert resaved.stdout == direct.stdout


@pytest.mark.parametrize("language", ["en", "ms"])
def test_a_suppliers_round_trip(sip, tmp_path, language):
    """Issue 21's acceptance: export; the supplier marks an action done, verifies one (who,
    whether independent, how many workers they heard, all from the drop-downs) and records a
    paid instalment, in their language; LibreOffice saves it; import applies exactly that."""
    plan, _ = exported(sip, tmp_path)
    book = tmp_path / f"{language}.xlsx"
    assert sip("export", plan, "-o", book, "--language", language).exit_code == 0
    workbook = openpyxl.load_workbook(book)
    actions, instalments, lists = (workbook[n] for n in workbook.sheetnames[1:3] + ["lists"])
    a2, a3 = row_of(actions, "A-2"), row_of(actions, "A-3")
    total = next(r for r in range(2, instalments.max_row + 1) if instalments[f"A{r}"].value.startswith("A-7"))
    statuses = [c.value for c in lists["A"]]  # planned, in progress, done, verified, cancelled
    yes = lists["B1"].value
    verifier = next(c.value for c in lists["C"] if c.value.startswith("SP-1: "))
    sheet, money = actions.title, instalments.title
    edit(
        book,
        {
            f"{sheet}!G{a3}": statuses[2],
            f"{sheet}!H{a3}": DAY,
            f"{sheet}!G{a2}": statuses[3],
            f"{sheet}!I{a2}": "Interviews with 40 workers in Nepali and Bengali, away from the site",
            f"{sheet}!J{a2}": "SP-1 interview notes, 9 August",
            f"{sheet}!K{a2}": DAY,
            f"{sheet}!L{a2}": verifier,
            f"{sheet}!M{a2}": yes,
            f"{sheet}!N{a2}": 40,
            f"{money}!G{total}": 350000,
        },
    )
    resaved = libreoffice(book, tmp_path / "resaved")
    out = sip("import", resaved, plan)
    assert out.exit_code == 0, out.stderr
    assert "applied 10 changes" in out.stderr
    assert "-    status: done\n+    status: verified\n" in out.stdout
    assert (
        "+    verification:\n"
        "+      method: Interviews with 40 workers in Nepali and Bengali, away from the site\n"
        "+      evidence: SP-1 interview notes, 9 August\n"
        "+      date: 2026-08-09\n"
        "+      by: SP-1\n"
        "+      independent: true\n"
        "+      workers_interviewed: 40\n"
    ) in out.stdout
    assert "-    status: in-progress\n+    status: done\n+    completed: 2026-08-09\n" in out.stdout
    assert "paid: 350000" in out.stdout
    assert sip("validate", plan).exit_code in (0, 1)  # warnings of its own are the plan's business
    again = sip("import", resaved, plan)
    assert again.exit_code == 0 and again.stdout == "" and "applied 0 changes" in again.stderr


def test_every_row_stays_as_tall_as_its_text_after_libreoffice_saves_it(sip, tmp_path):
    """Issue 21: long texts were cut to one line once LibreOffice had saved the workbook (it
    sizes rows only when told to). sip writes each row's fitted height; LibreOffice keeps it,
    still free to grow the row when a cell is edited."""
    plan, book = exported(sip, tmp_path)
    exported_heights = _heights(book, "Actions")
    resaved = libreoffice(book, tmp_path / "resaved")
    heights = _heights(resaved, "Actions")
    assert heights == pytest.approx(exported_heights, abs=0.1)
    a3 = row_of(openpyxl.load_workbook(book)["Actions"], "A-3")
    assert heights[a3] >= 6 * 12.75  # six lines of action text in its 30-wide column
    sheet = openpyxl.load_workbook(resaved)["Actions"]
    assert all(c.alignment.wrap_text for row in sheet.iter_rows(max_row=sheet.max_row) for c in row)


def _heights(book, title: str) -> dict[int, float]:
    sheet = openpyxl.load_workbook(book)[title]
    return {n: sheet.row_dimensions[n].height for n in range(1, sheet.max_row + 1)}
