"""A returned workbook costs what its plan needs, whatever it declares or holds beyond: the
work is counted here (cells made, tables parsed), not timed, so the tests hold on a busy
machine and fail at once if a bound goes."""

from __future__ import annotations

import zipfile

import pytest

from tests.workbooks import exported, sheet_member, with_member


@pytest.fixture
def counted(monkeypatch):
    """The cells openpyxl makes while reading sheets, and the shared-string tables it parses."""
    from openpyxl.reader import excel
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

    work = {"cells": 0, "tables": 0}
    get_row = ReadOnlyWorksheet._get_row
    read_table = excel.read_string_table

    def row(self, *args, **kwargs):
        made = get_row(self, *args, **kwargs)
        work["cells"] += len(made)
        if work["cells"] > 1_000_000:  # a bound has gone: stop rather than run for a minute
            raise AssertionError("more than a million cells made")
        return made

    def table(*args, **kwargs):
        work["tables"] += 1
        return read_table(*args, **kwargs)

    monkeypatch.setattr(ReadOnlyWorksheet, "_get_row", row)
    monkeypatch.setattr(excel, "read_string_table", table)
    return work


def test_sparse_rows_reaching_column_xfd_are_not_expanded(sip, tmp_path, counted):
    """20,000 rows each with one cell in the last column (XFD, 16,384): 116 KB packed, which
    openpyxl would pad to 327 million cells (40 s of CPU) if told to read every column."""
    plan, book = exported(sip, tmp_path)
    member = sheet_member(book, "Actions")
    with zipfile.ZipFile(book) as source:
        sheet = source.read(member).decode()
    head, rows = sheet.split("<sheetData>", 1)
    rows, tail = rows.split("</sheetData>", 1)
    last = rows.count("<row ")
    sparse = "".join(f'<row r="{n}"><c r="XFD{n}"><v>1</v></c></row>' for n in range(last + 1, last + 20_001))
    declared = head[head.index("<dimension ") :].split("/>", 1)[0] + "/>"
    head = head.replace(declared, '<dimension ref="A1:XFD20100"/>')
    hostile = with_member(
        book, member, f"{head}<sheetData>{rows}{sparse}</sheetData>{tail}".encode(), tmp_path / "xfd.xlsx"
    )
    assert hostile.stat().st_size < 200_000
    out = sip("import", hostile, plan)
    assert out.exit_code == 0, out.stderr  # nothing sip reads changed; the far cells are never read
    assert "applied 0 changes" in out.stderr
    assert 0 < counted["cells"] < 50_000, counted


def test_an_unreferenced_table_of_strings_is_refused_before_it_is_parsed(sip, tmp_path, counted):
    """77 MB of shared strings no cell uses (62 s and 622 MB in openpyxl): more than a
    workbook of this plan could need, so refused from its declared size alone."""
    plan, book = exported(sip, tmp_path)
    start = b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0">'
    table = start + b"".join(b"<si><t>%d</t></si>" % n for n in range(4_000_000)) + b"</sst>"
    assert len(table) > 77_000_000
    with zipfile.ZipFile(book) as source:
        types = source.read("[Content_Types].xml").decode()
        rels = source.read("xl/_rels/workbook.xml.rels").decode()
    types = types.replace(
        "</Types>",
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    )
    rels = rels.replace(
        "</Relationships>",
        '<Relationship Id="rIdStrings" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
    )
    staged = with_member(book, "[Content_Types].xml", types.encode(), tmp_path / "staged.xlsx")
    staged = with_member(staged, "xl/_rels/workbook.xml.rels", rels.encode(), tmp_path / "staged2.xlsx")
    hostile = with_member(staged, "xl/sharedStrings.xml", table, tmp_path / "strings.xlsx", compresslevel=1)
    assert hostile.stat().st_size < 20_000_000
    before = plan.read_bytes()
    out = sip("import", hostile, plan)
    assert out.exit_code == 2, out.stderr
    assert (
        f"strings.xlsx: 'xl/sharedStrings.xml' unpacks to {len(table):,} bytes, more than a "
        "workbook of this plan needs (at most " in out.stderr
    )
    assert counted["tables"] == 0 and counted["cells"] == 0
    assert plan.read_bytes() == before
    # The same table at an honest size is read as any other.
    small = with_member(
        staged, "xl/sharedStrings.xml", start + b"<si><t>1</t></si></sst>", tmp_path / "small.xlsx"
    )
    assert sip("import", small, plan).exit_code in (0, 2)
    assert counted["tables"] == 1
