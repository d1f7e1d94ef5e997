"""`sip import` refuses, at the cell, what a supplier may not change; and refuses hostile
workbooks (built here) in bounded time and memory. Nothing is ever written."""

from __future__ import annotations

import datetime as dt
import time
import zipfile

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.utils.exceptions import IllegalCharacterError

from tests.workbooks import edit, exported, row_of, sheet_member, with_member, zip_of

STATUSES = "planned, in-progress, done, verified, cancelled"


def _refused(sip, book, plan, *messages: str) -> str:
    before = plan.read_bytes()
    started = time.monotonic()
    out = sip("import", book, plan)
    elapsed = time.monotonic() - started
    assert out.exit_code == 2, out.stdout + out.stderr
    for message in messages:
        assert message in out.stderr, out.stderr
    assert "nothing was written" in out.stderr.splitlines()[-1]
    assert out.stdout == ""
    assert plan.read_bytes() == before
    assert elapsed < 5, elapsed
    return out.stderr


@pytest.fixture
def exported_plan(sip, tmp_path):
    plan, book = exported(sip, tmp_path)
    workbook = openpyxl.load_workbook(book)
    rows = {key: row_of(workbook["Actions"], key) for key in ("A-1", "A-3", "MS-1")}
    # A money remedy's row of totals (without a schedule), whatever the example's remedies.
    rows["total"] = row_of(workbook["Instalments"], "total", column=2)
    rows["amount"] = workbook["Instalments"]["D2"].value
    return plan, book, rows


def test_a_value_outside_the_vocabulary(sip, exported_plan):
    plan, book, rows = exported_plan
    edit(book, {f"Actions!G{rows['A-3']}": "finished"})
    stderr = _refused(sip, book, plan)
    assert stderr.startswith(
        f"Actions!G{rows['A-3']}: 'finished' is not a status; expected one of: {STATUSES}\n"
    )


def test_a_date_that_is_not_a_date(sip, exported_plan):
    plan, book, rows = exported_plan
    edit(
        book,
        {
            f"Actions!H{rows['A-3']}": "next Tuesday",
            f"Actions!K{rows['MS-1']}": "2026-02-30",
            f"Actions!H{rows['A-1']}": dt.datetime(2026, 8, 1, 14, 30),
        },
    )
    _refused(
        sip,
        book,
        plan,
        f"Actions!H{rows['A-3']}: 'next Tuesday' is not a date; enter it as a date (YYYY-MM-DD)",
        f"Actions!K{rows['MS-1']}: '2026-02-30' is not a date",
        f"Actions!H{rows['A-1']}: 2026-08-01 14:30:00 is a date and a time; enter the date only",
    )


def test_a_locked_cell_changed(sip, exported_plan):
    plan, book, rows = exported_plan
    edit(
        book,
        {
            f"Actions!D{rows['A-3']}": "Repay what we think is fair",
            "Findings!C2": "minor",
            "Instalments!D2": 1,
        },
    )
    amount = rows["amount"]
    _refused(
        sip,
        book,
        plan,
        f"Actions!D{rows['A-3']}: this cell (Action) is locked; it was 'Reimburse recruitment fees and related costs to every cur...'. Change it in the plan",
        "Findings!C2: this cell (Severity) is locked; it was 'critical'. Change it in the plan, not in the workbook",
        f"Instalments!D2: this cell (Amount) is locked; it was '{amount}'",
    )


def test_a_changed_id(sip, exported_plan):
    plan, book, rows = exported_plan
    edit(book, {f"Actions!A{rows['A-3']}": "A-33"})
    _refused(
        sip,
        book,
        plan,
        f"Actions!A{rows['A-3']}: 'A-33' is not an action exported from this plan; rows cannot be "
        "added, and ids cannot change",
        "Actions: the row of A-3 is missing; rows cannot be deleted",
    )


def test_an_unknown_id_on_a_new_row(sip, exported_plan):
    plan, book, _ = exported_plan
    workbook = openpyxl.load_workbook(book)
    row = workbook["Actions"].max_row + 1
    workbook["Actions"][f"A{row}"] = "A-99"
    workbook["Actions"][f"G{row}"] = "done"
    workbook.save(book)
    _refused(sip, book, plan, f"Actions!A{row}: 'A-99' is not an action exported from this plan")


def test_a_formula_is_not_a_value(sip, exported_plan):
    plan, book, rows = exported_plan
    edit(book, {f"Actions!H{rows['A-3']}": "=TODAY()", f"Instalments!G{rows['total']}": "=1735000*0.5"})
    _refused(
        sip,
        book,
        plan,
        f"Actions!H{rows['A-3']}: a formula (=TODAY()); sip never evaluates formulas: type the value itself",
        f"Instalments!G{rows['total']}: a formula (=1735000*0.5)",
    )


def test_an_amount_that_is_not_a_number(sip, exported_plan):
    plan, book, rows = exported_plan
    edit(book, {f"Instalments!G{rows['total']}": "about half"})
    _refused(
        sip,
        book,
        plan,
        f"Instalments!G{rows['total']}: 'about half' is not an amount; enter a number, 0 or more",
    )
    edit(book, {f"Instalments!G{rows['total']}": -5})
    _refused(sip, book, plan, f"Instalments!G{rows['total']}: -5 is not an amount")


def test_a_moved_column_and_a_cell_outside_the_columns(sip, exported_plan):
    plan, book, rows = exported_plan
    edit(book, {"Actions!G1": "State", f"Actions!N{rows['A-3']}": "paid late"})
    _refused(
        sip,
        book,
        plan,
        "Actions!G1: 'State' where the column 'Status' was; columns cannot be moved or renamed",
        f"Actions!N{rows['A-3']}: outside the exported columns; sip imports only columns A to L",
    )


def test_a_workbook_of_another_plan(sip, exported_plan, tmp_path):
    plan, book, _ = exported_plan
    other = tmp_path / "other.yaml"
    other.write_text(
        plan.read_text(encoding="utf-8").replace("id: SIP-2026-011", "id: SIP-2026-099"), encoding="utf-8"
    )
    _refused(
        sip,
        book,
        other,
        f"{book}: exported from plan 'SIP-2026-011' ({plan}); {other} is plan 'SIP-2026-099'",
    )


# Hostile workbooks: each is built here, refused in seconds, and nothing is written.


def test_not_a_workbook_at_all(sip, exported_plan, tmp_path):
    plan, _, _ = exported_plan
    fake = tmp_path / "fake.xlsx"
    fake.write_text("ID,Status\nA-1,done\n")
    _refused(sip, fake, plan, "fake.xlsx: not a workbook (.xlsx): not a zip archive")
    other_zip = tmp_path / "photos.xlsx"
    other_zip.write_bytes(zip_of({"photo.jpg": b"\xff\xd8"}))
    _refused(sip, other_zip, plan, "photos.xlsx: not a workbook (.xlsx): it has no xl/workbook.xml")
    plain = tmp_path / "plain.xlsx"
    workbook = openpyxl.Workbook()
    workbook.active["A1"] = "ID"
    workbook.save(plain)
    _refused(sip, plain, plan, "plain.xlsx: not a workbook written by `sip export` (it has no 'sip' sheet)")
    missing = tmp_path / "missing.xlsx"
    _refused(sip, missing, plan, "missing.xlsx: cannot be read: No such file or directory")


def test_a_zip_bomb(sip, exported_plan, tmp_path):
    plan, book, _ = exported_plan
    bomb = with_member(
        book, sheet_member(book, "Actions"), b"<" + b" " * 60_000_000 + b">", tmp_path / "bomb.xlsx"
    )
    assert bomb.stat().st_size < 1_000_000
    _refused(sip, bomb, plan, "a zip bomb?")
    # Many members that each pack well but together unpack to more than any export.
    with (
        zipfile.ZipFile(book) as source,
        zipfile.ZipFile(tmp_path / "wide.xlsx", "w", zipfile.ZIP_DEFLATED) as out,
    ):
        for info in source.infolist():
            out.writestr(info, source.read(info))
        for n in range(120):
            out.writestr(f"xl/media/padding{n}.bin", bytes(range(256)) * 4096 * 1)  # 1 MB each
    _refused(sip, tmp_path / "wide.xlsx", plan, "unpacks to")


def test_xml_entity_expansion(sip, exported_plan, tmp_path):
    plan, book, _ = exported_plan
    with zipfile.ZipFile(book) as source:
        workbook_xml = source.read("xl/workbook.xml").decode()
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        + "".join(
            f'<!ENTITY lol{n} "{("&lol" + (str(n - 1) if n > 1 else "") + ";") * 10}">' for n in range(1, 10)
        )
        + "]>"
    )
    hostile = workbook_xml.replace("<workbook ", '<workbook title="&lol9;" ', 1)
    bomb = with_member(book, "xl/workbook.xml", (laughs + hostile).encode(), tmp_path / "lol.xlsx")
    _refused(
        sip,
        bomb,
        plan,
        "lol.xlsx: its XML declares entities or a DTD (xl/workbook.xml)",
        "sip does not expand them",
    )
    # An external entity (a local file read into a cell), in a sheet, in UTF-16.
    member = sheet_member(book, "Actions")
    with zipfile.ZipFile(book) as source:
        sheet = source.read(member).decode()
    xxe = (
        '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE w [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
        + sheet.split("?>", 1)[-1].replace("<t>A-1</t>", "<t>&e;</t>", 1)
    )
    stolen = with_member(book, member, xxe.encode("utf-16-le"), tmp_path / "xxe.xlsx")
    _refused(sip, stolen, plan, f"xxe.xlsx: its XML declares entities or a DTD ({member})")


def test_a_million_rows(sip, exported_plan, tmp_path):
    plan, book, _ = exported_plan
    member = sheet_member(book, "Findings")
    with zipfile.ZipFile(book) as source:
        original = source.read(member).decode()
    head, _, _ = original.partition("<sheetData>")
    rows = "".join(
        f'<row r="{n}"><c r="A{n}" t="inlineStr"><is><t>F</t></is></c></row>' for n in range(2, 1_000_002)
    )
    sheet = f'{head}<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>ID</t></is></c></row>{rows}</sheetData></worksheet>'
    long = with_member(book, member, sheet.encode(), tmp_path / "long.xlsx")
    _refused(sip, long, plan, "Findings: more than 20,000 rows; this is not a workbook sip exported")


def test_macros(sip, exported_plan, tmp_path):
    plan, book, _ = exported_plan
    xlsm = tmp_path / "tracker.xlsm"
    xlsm.write_bytes(book.read_bytes())
    _refused(
        sip, xlsm, plan, "tracker.xlsm: a macro-enabled workbook; sip reads only .xlsx files without macros"
    )
    hidden = with_member(
        book, "xl/vbaProject.bin", b"\xd0\xcf\x11\xe0" + bytes(100), tmp_path / "hidden.xlsx"
    )
    _refused(sip, hidden, plan, "hidden.xlsx: holds macros (vbaProject.bin)")


def test_the_hidden_sheet_cannot_open_a_locked_column(sip, exported_plan):
    """The state sheet is in the supplier's hands too: what it says was exported decides what
    changed, never what may change."""
    plan, book, rows = exported_plan
    before = plan.read_bytes()
    workbook = openpyxl.load_workbook(book)
    state = workbook["sip"]
    for row in state.iter_rows():
        if row[0].value == "Actions" and row[1].value == "A-3":
            row[2].value = row[2].value.replace(
                '"action": "Reimburse', '"action": "Pay what we like. Reimburse'
            )
    workbook["Actions"][f"D{rows['A-3']}"] = workbook["Actions"][f"D{rows['A-3']}"].value.replace(
        "Reimburse", "Pay what we like. Reimburse", 1
    )
    workbook.save(book)
    out = sip("import", book, plan)
    assert out.exit_code == 0 and out.stdout == ""
    assert "applied 0 changes" in out.stderr
    assert plan.read_bytes() == before
    state_row = next(r[2] for r in openpyxl.load_workbook(book)["sip"].iter_rows() if r[1].value == "A-3")
    edit(book, {f"sip!{state_row.coordinate}": "{not json"})
    _refused(sip, book, plan, f"sip!{state_row.coordinate}: not what sip export wrote; export the plan again")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    values=st.lists(
        st.one_of(
            st.none(),
            st.text(max_size=30),
            st.integers(-(10**12), 10**12),
            st.floats(allow_nan=True),
            st.booleans(),
            st.dates(),
            st.datetimes(),
        ),
        min_size=6,
        max_size=6,
    )
)
def test_any_value_in_the_editable_cells_is_answered_never_a_traceback(sip, exported_plan, tmp_path, values):
    plan, book, rows = exported_plan
    before = plan.read_bytes()
    cells = [f"Actions!{c}{rows['A-3']}" for c in "GHIJK"] + [f"Instalments!G{rows['total']}"]
    target = tmp_path / "any.xlsx"
    try:
        edit(book, dict(zip(cells, values, strict=True)), target)
    except (ValueError, TypeError, IllegalCharacterError):  # openpyxl will not store it: nobody could send it
        return
    out = sip("import", target, plan)
    assert out.exit_code in (0, 1, 2), out.stderr
    assert "internal error" not in out.stderr
    if out.exit_code:
        assert plan.read_bytes() == before
    plan.write_bytes(before)
