"""Reading a returned workbook: untrusted input from outside the company.

Everything that can cost time or memory is bounded before openpyxl sees the file: its size,
the number of members of the zip and what each unpacks to (a zip reads no more than a
member's declared size, so the declared sizes bound the memory; no member may be larger
than a workbook of this plan could need, so an unreferenced 77 MB table of strings is
refused before openpyxl parses it), the compression ratio (a zip bomb), and macros. Every
member is unpacked once, in chunks, so a damaged one (a flipped byte, a size that lies) is
refused here, not met half-way through openpyxl. XML that declares a DTD or entities is
refused before it is parsed (whichever parser openpyxl uses); openpyxl also parses through
defusedxml (a dependency), which refuses entity expansion.

Rows are read as a stream, and only as far as the plan needs: the rows exported and some to
spare, the columns exported and some to spare (ROW_SLACK, COLUMN_SLACK). What lies beyond
is never read, so 20,000 rows with a cell in column XFD cost no more than an honest sheet.
A formula is never evaluated and an error value (#REF!) is never a value.
"""

from __future__ import annotations

import io
import json
import warnings
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from sip.format import workbook as layout
from sip.format.workbook_words import LANGUAGES, SOURCE_LANGUAGE, Words

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_UNPACKED_BYTES = 100 * 1024 * 1024
MAX_MEMBERS = 1000
MAX_RATIO = 200  # unpacked / packed, for members over 1 MB: sip's own XML packs 5-20 times
MAX_ROWS = 20_000  # per sheet; a plan of 1,500 lines has some 150 actions
# What one member may unpack to: a constant for the parts every workbook has (styles, theme),
# plus a multiple of the plan's size for the text (cells, shared strings, the state sheet).
# A plan of 50 KB exports sheets of some 60 KB; re-saved by LibreOffice, 85 KB of strings.
MEMBER_BASE = 1024 * 1024
MEMBER_PER_PLAN_BYTE = 16
ROW_SLACK = 200  # rows read past the exported ones: blank rows inserted, rows added (refused)
COLUMN_SLACK = 26  # columns read past the exported ones: a note typed beside them (refused)
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
    formula: str | None = None  # the formula's text, never evaluated
    error: bool = False  # an error value (#REF!, #N/A ...), whatever the column


@dataclass
class Returned:
    meta: dict[str, str]
    base: dict[tuple[str, str], dict[str, str]]  # (sheet, row key) -> field -> exported token (text)
    # (sheet, row key) -> field -> what the cell showed, where that was not the token ("In progress")
    shown: dict[tuple[str, str], dict[str, str]]
    language: str  # what the workbook was exported in
    names: dict[str, str] = field(default_factory=dict)  # sheet -> its name in the workbook
    # sheet -> row key -> field -> cell, in the order of the rows
    rows: dict[str, dict[str, dict[str, Cell]]] = field(default_factory=dict)
    row_numbers: dict[tuple[str, str], int] = field(default_factory=dict)  # (sheet, key) -> row
    # sheet -> the rows whose key cells name no exported row: (the first key cell, its text)
    unknown: dict[str, list[tuple[Cell, str]]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def was_shown(self, sheet: str, key: str, field: str) -> str:
        """What the cell showed when it was exported."""
        where = (sheet, key)
        return self.shown.get(where, {}).get(field, self.base.get(where, {}).get(field, ""))


def member_budget(plan_size: int) -> int:
    """The most one member of a returned workbook may unpack to, for a plan of this size."""
    return MEMBER_BASE + MEMBER_PER_PLAN_BYTE * plan_size


def read_workbook(path: Path, plan_size: int, words: Words | None = None) -> Returned:
    """The workbook at path, returned for a plan of plan_size bytes (which bounds it); the
    problems with its cells in the language of `words` (English by default)."""
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
    _check_archive(name, raw, member_budget(plan_size))
    with warnings.catch_warnings():  # openpyxl warns of what it skips; the problems say enough
        warnings.simplefilter("ignore")
        return _read(name, raw, words or Words(SOURCE_LANGUAGE))


def _check_archive(name: str, raw: bytes, budget: int) -> None:
    not_workbook = f"{name}: not a workbook (.xlsx)"
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
    except (zipfile.BadZipFile, ValueError, EOFError, OSError):
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
                        f"{name}: {_member(member)} unpacks {member.file_size:,} bytes "
                        f"from {member.compress_size:,}; a zip bomb?"
                    ]
                )
            if member.file_size > budget:
                raise Refused(
                    [
                        f"{name}: {_member(member)} unpacks to {member.file_size:,} bytes, more "
                        f"than a workbook of this plan needs (at most {budget:,}); sip does not read it"
                    ]
                )
        for member in members:
            if _unpack(name, archive, member):
                raise Refused(
                    [
                        f"{name}: its XML declares entities or a DTD ({_member(member)}); "
                        "sip does not expand them"
                    ]
                )
        if "[Content_Types].xml" in names:
            info = archive.getinfo("[Content_Types].xml")
            if any(t in archive.read(info) for t in _MACRO_TYPES):
                raise Refused([f"{name}: a macro-enabled workbook; sip reads only workbooks without macros"])


def _member(member: zipfile.ZipInfo) -> str:
    """A member's name as messages show it: it is the sender's text."""
    return layout.shown(member.filename, limit=100)


_DTD_MARKS = tuple(
    mark.encode(encoding)
    for mark in ("<!DOCTYPE", "<!ENTITY")
    for encoding in ("ascii", "utf-16-le", "utf-16-be")
)


def _unpack(name: str, archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> bool:
    """Unpack a member once, in chunks (the sizes are already bounded), which checks its
    CRC: a damaged member is Refused here. True when it is XML that declares a DTD or
    entities: a spreadsheet program never writes one, and whether openpyxl parses with
    defusedxml or lxml (when installed) must not matter."""
    xml = member.filename.endswith((".xml", ".rels", ".vml"))
    tail = b""
    try:
        with archive.open(member) as stream:
            while chunk := stream.read(1 << 20):
                window = tail + chunk
                if xml and any(mark in window for mark in _DTD_MARKS):
                    return True
                tail = window[-32:]
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError) as error:
        raise Refused(
            [
                f"{name}: damaged: {_member(member)} cannot be unpacked ({type(error).__name__}: "
                f"{layout.shown(str(error), limit=80)}); ask for the file again"
            ]
        ) from None
    return False


def _read(name: str, raw: bytes, words: Words) -> Returned:
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
        raise Refused([_unreadable(name, error)]) from None
    try:
        if layout.STATE not in book.sheetnames:
            raise Refused(
                [f"{name}: not a workbook written by `sip export` (it has no '{layout.STATE}' sheet)"]
            )
        meta, base, shown = _state(book[layout.STATE])
        if meta.get(layout.META_FORMAT) != layout.WORKBOOK_FORMAT:
            raise Refused(
                [
                    f"{name}: written by another version of sip export "
                    f"({layout.shown(meta.get(layout.META_FORMAT, ''))}); export the plan again"
                ]
            )
        language = meta.get(layout.META_LANGUAGE, "")
        if language not in LANGUAGES:
            raise Refused(
                [
                    f"{name}: exported in a language this sip does not ship ({layout.shown(language)}); "
                    f"it ships {', '.join(LANGUAGES)}"
                ]
            )
        returned = Returned(meta, base, shown, language)
        exported_in = Words(language)
        for sheet in layout.COLUMNS:
            title = exported_in.gettext(sheet)
            returned.names[sheet] = title
            if title not in book.sheetnames:
                returned.problems.append(
                    words.gettext("{file}: the sheet {sheet} is missing").format(file=name, sheet=repr(title))
                )
                continue
            exported = sum(1 for (named, _) in base if named == sheet)
            last = layout.HEADER_ROW + exported + ROW_SLACK
            _rows(book[title], sheet, returned, last, exported_in, words)
        return returned
    except Refused:
        raise
    except Exception as error:
        cause = _defused(error)
        if cause is None:
            raise Refused([_unreadable(name, error)]) from None
        raise Refused(
            [f"{name}: its XML declares entities or a DTD ({type(cause).__name__}); sip does not expand them"]
        ) from None
    finally:
        book.close()


def _unreadable(name: str, error: Exception) -> str:
    reason = str(error).splitlines()[0] if str(error) else ""
    return f"{name}: not a workbook sip can read ({type(error).__name__}: {layout.shown(reason, limit=200)})"


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


def _state(
    sheet,
) -> tuple[dict[str, str], dict[tuple[str, str], dict[str, str]], dict[tuple[str, str], dict[str, str]]]:
    meta: dict[str, str] = {}
    base: dict[tuple[str, str], dict[str, str]] = {}
    shown: dict[tuple[str, str], dict[str, str]] = {}
    table = False
    sheet.reset_dimensions()
    for n, row in enumerate(sheet.iter_rows(values_only=True, max_col=4), start=1):
        if n > MAX_ROWS * 3:
            raise Refused([f"{layout.STATE}: more rows than any export"])
        cells = ["" if v is None else str(v) for v in (*row, None, None, None, None)[:4]]
        if not any(cells):
            continue
        if cells[:2] == ["sheet", "row"]:
            table = True
        elif table:
            where = (cells[0], cells[1])
            for column, text, into in (("C", cells[2], base), ("D", cells[3] or "{}", shown)):
                try:
                    values = json.loads(text)
                except ValueError:
                    values = None
                if not isinstance(values, dict):
                    raise Refused(
                        [f"{layout.STATE}!{column}{n}: not what sip export wrote; export the plan again"]
                    )
                into[where] = {str(k): str(v) for k, v in values.items()}
        else:
            meta[cells[0]] = cells[1]
    return meta, base, shown


def _rows(sheet, name: str, returned: Returned, last: int, exported_in: Words, words: Words) -> None:
    """The sheet's rows up to row `last` and COLUMN_SLACK columns past the exported ones:
    openpyxl stops parsing there, whatever the sheet declares or holds beyond. A row is
    known by what its key cells showed at export (an id, or "A-2: Reimburse ..." and "Total")."""
    from openpyxl.utils import get_column_letter

    _ = words.gettext
    columns = layout.COLUMNS[name]
    title = returned.names[name]
    keys = layout.KEY_FIELDS[name]
    exported = {
        tuple(_norm(returned.was_shown(name, key, f)) for f in keys): key
        for (sheet_name, key) in returned.base
        if sheet_name == name
    }
    rows: dict[str, dict[str, Cell]] = {}
    returned.rows[name] = rows
    unknown = returned.unknown.setdefault(name, [])
    for n, row in enumerate(sheet.iter_rows(max_row=last, max_col=len(columns) + COLUMN_SLACK), start=1):
        cells = {}
        for i, cell in enumerate(row):
            value = getattr(cell, "value", None)
            if value is None or value == "":
                continue
            ref = f"{title}!{get_column_letter(i + 1)}{n}"
            if i >= len(columns):
                returned.problems.append(
                    _("{ref}: outside the exported columns; sip imports only columns A to {last}").format(
                        ref=ref, last=get_column_letter(len(columns))
                    )
                )
                continue
            error = getattr(cell, "data_type", None) == "e"
            cells[columns[i].field] = Cell(ref, value, _formula(cell, value), error)
        if n == layout.HEADER_ROW:
            for i, column in enumerate(columns):
                found = cells.get(column.field)
                header = exported_in.gettext(column.header)
                if found is None or str(found.value) != header:
                    returned.problems.append(
                        _(
                            "{ref}: {found} where the column {header} was; columns cannot be moved or renamed"
                        ).format(
                            ref=f"{title}!{get_column_letter(i + 1)}{n}",
                            found=_("nothing") if found is None else layout.shown(found.value),
                            header=repr(header),
                        )
                    )
            continue
        if not cells:
            continue
        texts = tuple(_norm(layout.text_of(cells[f].value)) if f in cells else "" for f in keys)
        key = exported.get(texts)
        if key is None:
            first = cells.get(keys[0]) or next(iter(cells.values()))
            unknown.append((first, " ".join(t for t in texts if t)))
            continue
        if key in rows:
            first = cells.get(keys[0]) or next(iter(cells.values()))
            returned.problems.append(
                _("{ref}: {row} is on row {number} too; each row once").format(
                    ref=first.ref, row=layout.shown(" ".join(texts)), number=returned.row_numbers[(name, key)]
                )
            )
            continue
        rows[key] = cells
        returned.row_numbers[(name, key)] = n


def _formula(cell, value: object) -> str | None:
    """A formula's text as the spreadsheet shows it (an array formula in braces), or None."""
    kind = type(value).__name__
    if kind == "ArrayFormula":
        return "{" + str(getattr(value, "text", "") or "") + "}"
    if kind == "DataTableFormula":
        return "{=TABLE()}"
    if getattr(cell, "data_type", None) == "f":
        return str(value)
    return None


def _norm(text: str) -> str:
    """Text as a spreadsheet keeps it: Windows line ends and spaces around are no change."""
    return text.replace("\r\n", "\n").strip()
