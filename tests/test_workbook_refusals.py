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

STATUSES = "Planned, In progress, Done, Verified, Cancelled"


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
    rows["total"] = row_of(workbook["Instalments"], "Total", column=2)
    rows["amount"] = workbook["Instalments"]["D2"].value
    return plan, book, rows


def test_a_value_outside_the_vocabulary(sip, exported_plan):
    plan, book, rows = exported_plan
    edit(book, {f"Actions!G{rows['A-3']}": "finished"})
    stderr = _refused(sip, book, plan)
    assert stderr.startswith(
        f"Actions!G{rows['A-3']}: 'finished' is not a status; choose one of: {STATUSES}\n"
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
        "Findings!C2: this cell (Severity) is locked; it was 'Critical (zero tolerance)'. Change it in the plan, not in the workbook",
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
    edit(book, {"Actions!G1": "State", f"Actions!P{rows['A-3']}": "paid late"})
    _refused(
        sip,
        book,
        plan,
        "Actions!G1: 'State' where the column 'Status' was; columns cannot be moved or renamed",
        f"Actions!P{rows['A-3']}: outside the exported columns; sip imports only columns A to O",
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
        f"{book}: exported from plan 'SIP-2026-011' ('{plan}'); {other} is plan 'SIP-2026-099'",
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
        "lol.xlsx: its XML declares entities or a DTD ('xl/workbook.xml')",
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
    _refused(sip, stolen, plan, f"xxe.xlsx: its XML declares entities or a DTD ('{member}')")


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
    size = len(sheet.encode())
    _refused(
        sip,
        long,
        plan,
        f"long.xlsx: '{member}' unpacks to {size:,} bytes, more than a workbook of this plan needs",
    )


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
        min_size=9,
        max_size=9,
    )
)
def test_any_value_in_the_editable_cells_is_answered_never_a_traceback(sip, exported_plan, tmp_path, values):
    plan, book, rows = exported_plan
    before = plan.read_bytes()
    cells = [f"Actions!{c}{rows['A-3']}" for c in "GHIJKLMN"] + [f"Instalments!G{rows['total']}"]
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


# Issue 20: what an attacker (or a busy compliance officer) found.


def test_a_workbook_of_another_plan_file_with_the_same_id(sip, tmp_path):
    """`sip new` gives every plan SIP-<year>-001: the id alone does not say which plan."""
    for name, site in (("a.yaml", "Example Gloves Sdn Bhd, Factory 3"), ("b.yaml", "Example Rubber Sdn Bhd")):
        out = sip("new", tmp_path / name, "--yes", "--id", "SIP-2026-001", "--site", site, "--title", "Fees")
        assert out.exit_code == 0, out.stderr
    book = tmp_path / "a.xlsx"
    assert sip("export", tmp_path / "a.yaml", "-o", book).exit_code == 0
    row = row_of(openpyxl.load_workbook(book)["Actions"], "A-1")
    edit(book, {f"Actions!G{row}": "in-progress"})
    _refused(
        sip,
        book,
        tmp_path / "b.yaml",
        f"{book}: exported from another plan: its site is 'Example Gloves Sdn Bhd, Factory 3' "
        f"('{tmp_path / 'a.yaml'}'); {tmp_path / 'b.yaml'}'s is 'Example Rubber Sdn Bhd'",
    )


def test_a_changed_row_whose_action_is_another_in_the_plan(sip, exported_plan):
    """The supplier reported on the action the workbook shows: if the plan's action of that id
    now says something else, the report is not applied to it."""
    plan, book, rows = exported_plan
    text = plan.read_text(encoding="utf-8")
    at = text.index("    action: ", text.index("- id: A-3"))
    end = text.index("    owner: ", at)
    plan.write_text(
        text[:at] + "    action: Pay for the workers' flights home\n" + text[end:], encoding="utf-8"
    )
    edit(book, {f"Actions!G{rows['A-1']}": "done", f"Actions!H{rows['A-1']}": dt.date(2026, 8, 9)})
    out = sip("import", "--dry-run", book, plan)  # a row the supplier did not change: no matter
    assert out.exit_code == 0, out.stderr
    edit(book, {f"Actions!G{rows['A-3']}": "done", f"Actions!H{rows['A-3']}": dt.date(2026, 8, 9)})
    _refused(
        sip,
        book,
        plan,
        f'Actions!D{rows["A-3"]}: A-3 is another action in {plan} ("Pay for the workers\' flights home"), '
        "not the one this row shows; its changes are not applied",
    )


def _corrupt_member(book, target, name: str, how: str):
    """The workbook with one member's bytes flipped, or its declared size a lie."""
    raw = bytearray(book.read_bytes())
    with zipfile.ZipFile(book) as archive:
        info = archive.getinfo(name)
    if how == "flip":
        start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
        raw[start + info.compress_size // 2] ^= 0xFF
    else:  # the uncompressed size, halved, in the local header and the central directory
        at = raw.rindex(b"PK\x01\x02", 0, raw.rindex(info.filename.encode()))  # its central entry
        half = (info.file_size // 2).to_bytes(4, "little")
        raw[at + 24 : at + 28] = half
        raw[info.header_offset + 22 : info.header_offset + 26] = half
    target.write_bytes(bytes(raw))
    return target


@pytest.mark.parametrize("how", ["flip", "size"])
@pytest.mark.parametrize("title", ["Actions", "sip"])
def test_a_corrupt_zip_member(sip, exported_plan, tmp_path, how, title):
    plan, book, _ = exported_plan
    member = sheet_member(book, title)
    corrupt = _corrupt_member(book, tmp_path / "corrupt.xlsx", member, how)
    _refused(sip, corrupt, plan, "corrupt.xlsx: ", "damaged")


def test_an_error_value_is_not_a_value(sip, exported_plan):
    plan, book, rows = exported_plan
    edit(book, {f"Actions!I{rows['A-3']}": "#REF!", f"Instalments!G{rows['total']}": "#N/A"})
    _refused(
        sip,
        book,
        plan,
        f"Actions!I{rows['A-3']}: an error value (#REF!), not a value: type the value itself",
        f"Instalments!G{rows['total']}: an error value (#N/A)",
    )


def test_an_array_formula_is_named_as_one(sip, exported_plan):
    from openpyxl.worksheet.formula import ArrayFormula

    plan, book, rows = exported_plan
    ref = f"H{rows['A-3']}"
    stderr = _refused(sip, edit(book, {f"Actions!{ref}": ArrayFormula(ref, "=TODAY()")}), plan)
    assert f"Actions!{ref}: an array formula ({{=TODAY()}}); sip never evaluates formulas" in stderr
    assert "object at 0x" not in stderr


def test_workbook_text_in_messages_is_quoted(sip, exported_plan, tmp_path):
    """A line break from the workbook must not start a line of its own: in GitHub Actions a
    line `::error ...` is a command."""
    plan, book, rows = exported_plan
    forged = "plan.yaml\n::error file=README.md,line=1::forged"
    workbook = openpyxl.load_workbook(book)
    state = workbook["sip"]
    for row in state.iter_rows(max_row=8):
        if row[0].value == "plan file":
            row[1].value = forged
        if row[0].value == "plan id":
            row[1].value = "SIP-2026-099\n::warning::forged"
    workbook["Actions"][f"H{rows['A-3']}"] = '="x\n::error::forged"'
    workbook.save(book)
    stderr = _refused(sip, book, plan)
    assert not [line for line in stderr.splitlines() if line.startswith("::")], stderr
    assert "\\n::error file=README.md" in stderr


@pytest.mark.parametrize("control", ["\u202e", "\u2066", "\u202a"])
def test_bidirectional_controls_are_refused_at_the_cell(sip, exported_plan, control):
    plan, book, rows = exported_plan
    edit(book, {f"Actions!I{rows['A-3']}": f"Checked by SP-1{control}kcab denif"})
    _refused(
        sip,
        book,
        plan,
        f"Actions!I{rows['A-3']}: holds a bidirectional control character (U+{ord(control):04X}), "
        "which reorders how text is shown; delete it",
    )


def test_import_refuses_a_read_only_plan_without_force(sip, exported_plan):
    plan, book, rows = exported_plan
    edit(book, {f"Actions!G{rows['A-3']}": "done", f"Actions!H{rows['A-3']}": dt.date(2026, 8, 9)})
    before = plan.read_bytes()
    plan.chmod(0o444)
    try:
        out = sip("import", book, plan)
        assert out.exit_code == 2, out.stderr
        assert f"{plan}: not imported: the file is read-only; use --force to rewrite it anyway" in out.stderr
        assert plan.read_bytes() == before
        assert sip("import", "--dry-run", book, plan).exit_code == 0  # reading is fine
        out = sip("import", "--force", book, plan)
        assert out.exit_code == 0, out.stderr
        assert plan.read_bytes() != before
    finally:
        plan.chmod(0o644)


def test_a_workbook_of_the_earlier_layout_is_refused(sip, exported_plan):
    plan, book, _ = exported_plan
    edit(book, {"sip!B1": "sip-workbook-1"})
    _refused(
        sip,
        book,
        plan,
        "tracker.xlsx: written by another version of sip export ('sip-workbook-1'); export the plan again",
    )
