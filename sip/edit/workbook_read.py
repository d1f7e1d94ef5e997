"""Reading a returned workbook: untrusted input from outside the company.

Everything that can cost time or memory is bounded before openpyxl sees the file: its size,
the number of members of the zip and what they unpack to (a zip reads no more than a
member's declared size, so the declared sizes bound the memory), the compression ratio
(a zip bomb), and macros. XML that declares a DTD or entities is refused before it is
parsed (whichever parser openpyxl uses); openpyxl also parses through defusedxml (a
dependency), which refuses entity expansion. Rows are read as a stream and a sheet longer than any export is
refused after MAX_ROWS rows. A formula is never evaluated, and is not a value.
"""

from __future__ import annotations

import io
import json
import warnings
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from sip.format import workbook as layout

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_UNPACKED_BYTES = 100 * 1024 * 1024
MAX_MEMBERS = 1000
MAX_RATIO = 200  # unpacked / packed, for members over 1 MB: sip's own XML packs 5-20 times
MAX_ROWS = 20_000  # per sheet; a plan of 1,500 lines has some 150 actions
_MACRO_TYPES = (b"macroEnabled", b"vbaProject")


class Refused(Exception):
    """The workbook is refused; each problem is one line ("Actions!F7: ...")."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Cell:
    ref: str  # "Actions!G7"
    value: object
    formula: bool = False


@dataclass
class Returned:
    meta: dict[str, str]
    base: dict[tuple[str, str], dict[str, str]]  # (sheet, row key) -> field -> exported text
    # sheet -> row key -> field -> cell, in the order of the rows
    rows: dict[str, dict[str, dict[str, Cell]]] = field(default_factory=dict)
    row_numbers: dict[tuple[str, str], int] = field(default_factory=dict)  # (sheet, key) -> row
    problems: list[str] = field(default_factory=list)


def read_workbook(path: Path) -> Returned:
    name = path.name
    if path.suffix.lower() in (".xlsm", ".xltm", ".xlam"):
        raise Refused([f"{name}: a macro-enabled workbook; sip reads only .xlsx files without macros"])
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise Refused(
                [f"{name}: {size:,} bytes is larger than any workbook sip exports (limit {MAX_FILE_BYTES:,})"]
            )
        raw = path.read_bytes()
    except OSError as error:
        raise Refused([f"{name}: cannot be read: {error.strerror or error}"]) from None
    _check_archive(name, raw)
    with warnings.catch_warnings():  # openpyxl warns of what it skips; the problems say enough
        warnings.simplefilter("ignore")
        return _read(name, raw)


def _check_archive(name: str, raw: bytes) -> None:
    not_workbook = f"{name}: not a workbook (.xlsx)"
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
    except (zipfile.BadZipFile, ValueError):
        raise Refused([f"{not_workbook}: not a zip archive"]) from None
    with archive:
        members = archive.infolist()
        if len(members) > MAX_MEMBERS:
            raise Refused([f"{not_workbook}: {len(members):,} files inside"])
        names = {m.filename for m in members}
        if "xl/workbook.xml" not in names:
            raise Refused([f"{not_workbook}: it has no xl/workbook.xml"])
        if any(n.lower().endswith("vbaproject.bin") for n in names):
            raise Refused([f"{name}: holds macros (vbaProject.bin); sip reads only workbooks without macros"])
        unpacked = sum(m.file_size for m in members)
        if unpacked > MAX_UNPACKED_BYTES:
            raise Refused(
                [
                    f"{name}: unpacks to {unpacked:,} bytes, more than any workbook sip "
                    f"exports (limit {MAX_UNPACKED_BYTES:,}); a zip bomb?"
                ]
            )
        for member in members:
            if member.file_size > 1024 * 1024 and member.file_size > MAX_RATIO * max(member.compress_size, 1):
                raise Refused(
                    [
                        f"{name}: {member.filename} unpacks {member.file_size:,} bytes "
                        f"from {member.compress_size:,}; a zip bomb?"
                    ]
                )
        for member in members:
            if _declares_dtd(archive, member):
                raise Refused(
                    [
                        f"{name}: its XML declares entities or a DTD ({member.filename}); "
                        "sip does not expand them"
                    ]
                )
        if "[Content_Types].xml" in names:
            info = archive.getinfo("[Content_Types].xml")
            if info.file_size < 1024 * 1024 and any(t in archive.read(info) for t in _MACRO_TYPES):
                raise Refused([f"{name}: a macro-enabled workbook; sip reads only workbooks without macros"])


_DTD_MARKS = tuple(
    mark.encode(encoding)
    for mark in ("<!DOCTYPE", "<!ENTITY")
    for encoding in ("ascii", "utf-16-le", "utf-16-be")
)


def _declares_dtd(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> bool:
    """Whether an XML member declares a DTD or entities: a spreadsheet program never writes
    one, and whether openpyxl parses with defusedxml or lxml (when installed) must not
    matter. Read in chunks, the sizes already bounded."""
    if not member.filename.endswith((".xml", ".rels", ".vml")):
        return False
    tail = b""
    with archive.open(member) as stream:
        while chunk := stream.read(1 << 20):
            window = tail + chunk
            if any(mark in window for mark in _DTD_MARKS):
                return True
            tail = window[-32:]
    return False


def _read(name: str, raw: bytes) -> Returned:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(raw), read_only=True, data_only=False, keep_links=False)
    except Exception as error:  # openpyxl raises many kinds on a malformed file
        cause = _defused(error)
        if cause is not None:
            raise Refused(
                [
                    f"{name}: its XML declares entities or a DTD "
                    f"({type(cause).__name__}); sip does not expand them"
                ]
            ) from None
        reason = str(error).splitlines()[0][:200] if str(error) else ""
        raise Refused([f"{name}: not a workbook sip can read ({type(error).__name__}: {reason})"]) from None
    try:
        if layout.STATE not in book.sheetnames:
            raise Refused(
                [f"{name}: not a workbook written by `sip export` (it has no '{layout.STATE}' sheet)"]
            )
        meta, base = _state(book[layout.STATE])
        if meta.get(layout.META_FORMAT) != layout.WORKBOOK_FORMAT:
            raise Refused(
                [
                    f"{name}: written by another version of sip export "
                    f"({meta.get(layout.META_FORMAT)!r}); export the plan again"
                ]
            )
        returned = Returned(meta, base)
        for sheet in layout.COLUMNS:
            if sheet not in book.sheetnames:
                returned.problems.append(f"{name}: the sheet {sheet!r} is missing")
                continue
            returned.rows[sheet], numbers = _rows(book[sheet], sheet, returned.problems)
            returned.row_numbers |= {(sheet, key): n for key, n in numbers.items()}
        return returned
    except Refused:
        raise
    except Exception as error:
        cause = _defused(error)
        if cause is None:
            raise Refused(
                [f"{name}: not a workbook sip can read ({type(error).__name__}: {str(error)[:200]})"]
            ) from None
        raise Refused(
            [f"{name}: its XML declares entities or a DTD ({type(cause).__name__}); sip does not expand them"]
        ) from None
    finally:
        book.close()


def _defused(error: BaseException | None) -> BaseException | None:
    """defusedxml's refusal, wherever openpyxl wrapped it."""
    from defusedxml import DefusedXmlException

    seen = 0
    while error is not None and seen < 10:
        if isinstance(error, DefusedXmlException):
            return error
        error = error.__cause__ or error.__context__
        seen += 1
    return None


def _state(sheet) -> tuple[dict[str, str], dict[tuple[str, str], dict[str, str]]]:
    meta: dict[str, str] = {}
    base: dict[tuple[str, str], dict[str, str]] = {}
    table = False
    sheet.reset_dimensions()
    for n, row in enumerate(sheet.iter_rows(values_only=True, max_col=3), start=1):
        if n > MAX_ROWS * 3:
            raise Refused([f"{layout.STATE}: more rows than any export"])
        cells = ["" if v is None else str(v) for v in (*row, None, None, None)[:3]]
        if not any(cells):
            continue
        if cells[:2] == ["sheet", "row"]:
            table = True
        elif table:
            try:
                values = json.loads(cells[2])
            except ValueError:
                values = None
            if not isinstance(values, dict):
                raise Refused([f"{layout.STATE}!C{n}: not what sip export wrote; export the plan again"])
            base[(cells[0], cells[1])] = {str(k): str(v) for k, v in values.items()}
        else:
            meta[cells[0]] = cells[1]
    return meta, base


def _rows(sheet, name: str, problems: list[str]) -> tuple[dict[str, dict[str, Cell]], dict[str, int]]:
    from openpyxl.utils import get_column_letter

    columns = layout.COLUMNS[name]
    sheet.reset_dimensions()  # read every row there is, not only those the file declares
    rows: dict[str, dict[str, Cell]] = {}
    where: dict[str, int] = {}
    for n, row in enumerate(sheet.iter_rows(), start=1):
        if n > MAX_ROWS:
            raise Refused([f"{name}: more than {MAX_ROWS:,} rows; this is not a workbook sip exported"])
        cells = {}
        for i, cell in enumerate(row):
            value = getattr(cell, "value", None)
            if value is None or value == "":
                continue
            ref = f"{name}!{get_column_letter(i + 1)}{n}"
            formula = getattr(cell, "data_type", None) == "f" or type(value).__name__ in (
                "ArrayFormula",
                "DataTableFormula",
            )
            if i >= len(columns):
                problems.append(
                    f"{ref}: outside the exported columns; sip imports only "
                    f"columns A to {get_column_letter(len(columns))}"
                )
                continue
            cells[columns[i].field] = Cell(ref, value, formula)
        if n == layout.HEADER_ROW:
            for i, column in enumerate(columns):
                found = cells.get(column.field)
                if found is None or str(found.value) != column.header:
                    shown = "nothing" if found is None else repr(found.value)
                    problems.append(
                        f"{name}!{get_column_letter(i + 1)}{n}: {shown} where the "
                        f"column {column.header!r} was; columns cannot be moved "
                        "or renamed"
                    )
            continue
        if not cells:
            continue
        key = layout.row_key(
            name, {f: _text(c.value) for f, c in cells.items() if f in layout.KEY_FIELDS[name]}
        )
        if key in rows:
            first = layout.KEY_FIELDS[name][0]
            ref = cells[first].ref if first in cells else f"{name}!A{n}"
            problems.append(f"{ref}: {key!r} is on row {where[key]} too; each row once")
            continue
        rows[key] = cells
        where[key] = n
    return rows, where


def _text(value: object) -> str:
    return str(value).strip()
