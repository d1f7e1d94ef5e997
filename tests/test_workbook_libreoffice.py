"""A workbook opened and saved by a real spreadsheet program imports the same: LibreOffice
(Debian's libreoffice-calc, installed by .ci/run) re-saves it headless."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess

import openpyxl
import pytest

from tests.workbooks import edit, exported, row_of

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(
    SOFFICE is None, reason="LibreOffice is not installed (.ci/run installs Debian's libreoffice-calc)"
)


def _resaved(book, out):
    """The workbook after LibreOffice opened it and saved it as .xlsx again, in folder out."""
    out.mkdir()
    folder = out.parent
    env = os.environ | {"HOME": str(folder)}  # LibreOffice writes its profile there
    done = subprocess.run(
        [SOFFICE, "--headless", "--norestore", "--convert-to", "xlsx", "--outdir", str(out), str(book)],
        capture_output=True,
        env=env,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr
    return out / book.name


def test_a_workbook_saved_by_libreoffice_imports_the_same(sip, tmp_path):
    plan, book = exported(sip, tmp_path)
    original = plan.read_text(encoding="utf-8")
    # Untouched and re-saved: nothing to import.
    out = sip("import", _resaved(book, tmp_path / "untouched"), plan)
    assert out.exit_code == 0, out.stderr
    assert out.stdout == "" and plan.read_text(encoding="utf-8") == original
    # Edited, then re-saved: the same diff as the workbook straight from openpyxl.
    workbook = openpyxl.load_workbook(book)
    row = row_of(workbook["Actions"], "A-3")
    total = row_of(workbook["Instalments"], "Total", column=2)
    paid = workbook["Instalments"][f"D{total}"].value  # paid in full
    edit(
        book,
        {f"Actions!G{row}": "done", f"Actions!H{row}": dt.date(2026, 8, 9), f"Instalments!G{total}": paid},
    )
    direct = sip("import", "--dry-run", book, plan)
    assert direct.exit_code == 0 and direct.stdout
    resaved = sip("import", "--dry-run", _resaved(book, tmp_path / "edited"), plan)
    assert resaved.exit_code == 0, resaved.stderr
    assert resaved.stdout == direct.stdout
