"""The supplier's workbook (`sip export`, `sip import`): its sheets, their columns, and which
cells a supplier may edit. Export writes this layout and import reads it back, so both
agree on it here; what import applies is decided by this module, never by the workbook.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sip.format.vocab import ACTION_STATUS

ACTIONS = "Actions"
INSTALMENTS = "Instalments"
FINDINGS = "Findings"
README = "Read me"
STATE = "sip"  # a very hidden sheet: what was exported, to know what the supplier changed
HEADER_ROW = 1
TOTAL = "total"  # the instalment column of a money remedy's row when it has no schedule

# Kinds of value, for writing cells and reading them back.
ID, TEXT, LIST, DATE, NUMBER, STATUS = "id", "text", "list", "date", "number", "status"

STATUSES = tuple(ACTION_STATUS)


@dataclass(frozen=True)
class Column:
    field: str  # where the value lives in the item: "status", "verification.method"
    header: str
    kind: str
    editable: bool = False
    width: int = 14  # the most a column grows to fit its text, in characters


ACTION_COLUMNS = (
    Column("id", "ID", ID, width=12),
    Column("kind", "Kind", TEXT, width=22),
    Column("addresses", "Addresses", LIST, width=18),
    Column("action", "Action", TEXT, width=60),
    Column("owner", "Owner", TEXT, width=28),
    Column("due", "Due", DATE, width=12),
    Column("status", "Status", STATUS, editable=True, width=13),
    Column("completed", "Completed", DATE, editable=True, width=12),
    Column("verification.method", "Verified how", TEXT, editable=True, width=40),
    Column("verification.evidence", "Verification evidence", TEXT, editable=True, width=40),
    Column("verification.date", "Verified on", DATE, editable=True, width=12),
    Column("contingency", "Contingency", TEXT, width=50),
)

INSTALMENT_COLUMNS = (
    Column("response", "Response", ID, width=12),
    Column("instalment", "Instalment", ID, width=11),
    Column("due", "Due", DATE, width=12),
    Column("amount", "Amount", NUMBER, width=14),
    Column("currency", "Currency", TEXT, width=9),
    Column("paid_on", "Paid on", DATE, editable=True, width=12),
    Column("paid", "Paid so far", NUMBER, editable=True, width=14),
)

FINDING_COLUMNS = (
    Column("id", "ID", ID, width=12),
    Column("title", "Finding", TEXT, width=70),
    Column("severity", "Severity", TEXT, width=10),
    Column("indicators", "ILO indicators", LIST, width=40),
    Column("workers_affected", "Workers affected", NUMBER, width=10),
    Column("identified", "Identified", DATE, width=12),
)

COLUMNS = {ACTIONS: ACTION_COLUMNS, INSTALMENTS: INSTALMENT_COLUMNS, FINDINGS: FINDING_COLUMNS}
# The columns that name a row: an item's id, or a remedy's id and the instalment's number.
KEY_FIELDS = {ACTIONS: ("id",), INSTALMENTS: ("response", "instalment"), FINDINGS: ("id",)}


# The columns that say what a row is about, beside its key: a changed row is applied only to
# an item of the plan that still has these values (a workbook of another plan with the same
# ids, or one exported before the action was rewritten, is refused at the cell).
IDENTITY_FIELDS = {ACTIONS: ("kind", "action"), INSTALMENTS: ("due", "amount", "currency"), FINDINGS: ()}


def row_key(sheet: str, values: dict[str, object]) -> str:
    return "#".join(str(values.get(f) or "") for f in KEY_FIELDS[sheet])


def editable(sheet: str, key: str, field: str) -> bool:
    """Whether the supplier may change this cell: an instalment's `paid` date on a schedule's
    row, the amount paid so far on the row of a remedy without a schedule."""
    column = next((c for c in COLUMNS.get(sheet, ()) if c.field == field), None)
    if column is None or not column.editable:
        return False
    if sheet == INSTALMENTS:
        total = key.endswith(f"#{TOTAL}")
        return total if field == "paid" else not total
    return True


# What the state sheet records about the export, by name (column A) with its value (column B).
META_FORMAT = "workbook format"
META_PLAN_FILE = "plan file"
META_PLAN_ID = "plan id"
META_PLAN_SHA256 = "plan sha256"
META_EXPORTED = "exported"
# Which plan it was: with the id, the site and the date the plan was opened (`sip new` gives
# every plan the id SIP-<year>-001; a plan's file may be moved or renamed in git).
META_SITE = "site"
META_OPENED = "opened"
WORKBOOK_FORMAT = "sip-workbook-1"
# The custom document property that marks a workbook as sip's (`sip export` replaces only those).
MARK_PROPERTY = "sip-workbook"


def text_of(value: object) -> str:
    """A value as the state sheet records it and as import compares it: dates ISO, whole
    numbers without a fraction, lists comma-separated, nothing as ''."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime):
        value = value.date() if value.time() == dt.time() else value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, list | tuple):
        return ", ".join(text_of(v) for v in value)
    return str(value)


def shown(value: object, limit: int = 60) -> str:
    """A value from a workbook as a message quotes it: in quotes, shortened, every line break
    and control character escaped (a workbook is the supplier's: a line break could start a
    line that GitHub Actions runs as a command, a bidirectional override reorder the line)."""
    if not isinstance(value, str):
        return text_of(value)  # a number, a date, true or false: nothing to escape
    text = value
    if len(text) > limit:
        text = text[: limit - 3] + "..."
    return repr(text)  # repr escapes what str.isprintable() does not accept: C0, C1, bidi, U+2028


def escaped(value: object, limit: int = 60) -> str:
    """shown() without its quotes: for an id or a formula that the message puts in brackets."""
    return shown(value, limit)[1:-1]
