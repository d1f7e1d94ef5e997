"""Helpers for the workbook tests: a plan exported into a folder, cells changed as a supplier
would (with openpyxl, as Excel would save them), zips rebuilt with a member replaced."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import openpyxl

from tests.conftest import EXAMPLES


def exported(sip, folder: Path, example: str = "electronics-penang.yaml") -> tuple[Path, Path]:
    """An example plan (with the examples' sip.toml) and the workbook sip exported from it."""
    plan = folder / example
    shutil.copy(EXAMPLES / example, plan)
    shutil.copy(EXAMPLES / "sip.toml", folder / "sip.toml")
    book = folder / "tracker.xlsx"
    out = sip("export", plan, "-o", book)
    assert out.exit_code == 0, out.stderr
    return plan, book


def row_of(sheet, key: str, column: int = 1) -> int:
    for row in range(2, sheet.max_row + 1):
        if sheet.cell(row, column).value == key:
            return row
    raise AssertionError(f"{key} not in {sheet.title}")


def edit(book: Path, changes: dict[str, object], target: Path | None = None) -> Path:
    """Set cells ("Actions!G3": value) and save, as a supplier's spreadsheet program would."""
    workbook = openpyxl.load_workbook(book)
    for ref, value in changes.items():
        sheet, cell = ref.split("!")
        workbook[sheet][cell] = value
    target = target or book
    workbook.save(target)
    return target


def with_member(
    book: Path,
    name: str,
    content: bytes,
    target: Path,
    compression: int = zipfile.ZIP_DEFLATED,
    compresslevel: int | None = None,
) -> Path:
    """The workbook's zip again, with one member replaced (or added)."""
    with (
        zipfile.ZipFile(book) as source,
        zipfile.ZipFile(target, "w", compression, compresslevel=compresslevel) as out,
    ):
        for info in source.infolist():
            if info.filename != name:
                out.writestr(info, source.read(info))
        out.writestr(name, content)
    return target


def sheet_member(book: Path, title: str) -> str:
    """The zip member that holds a sheet, found through the workbook's own relationships."""
    workbook = openpyxl.load_workbook(book, read_only=True)
    index = workbook.sheetnames.index(title) + 1
    workbook.close()
    return f"xl/worksheets/sheet{index}.xml"


def zip_of(members: dict[str, bytes]) -> bytes:
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as out:
        for name, content in members.items():
            out.writestr(name, content)
    return stream.getvalue()


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def libreoffice(book: Path, out: Path, to: str = "xlsx") -> Path:
    """The workbook opened by LibreOffice (headless) and saved as `to` (xlsx, pdf) in folder
    out, as a supplier's spreadsheet program would."""
    out.mkdir()
    env = os.environ | {"HOME": str(out.parent)}  # LibreOffice writes its profile there
    done = subprocess.run(
        [SOFFICE, "--headless", "--norestore", "--convert-to", to, "--outdir", str(out), str(book)],
        capture_output=True,
        env=env,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr
    return out / f"{book.stem}.{to}"
