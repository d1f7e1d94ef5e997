"""The supplier's workbook (`sip export`, `sip import`): its sheets, their columns, and which
cells a supplier may edit. Export writes this layout and import reads it back, so both
agree on it here; what import applies is decided by this module, never by the workbook.

This is the one place the workbook's layout is decided: each column names the field of the
plan it shows (`verification.by`), how its value is shown and read back (its kind), whether
a supplier may change it, and its width. Headers and sheet names are English message ids,
shown in the workbook's language (sip/format/workbook_words.py).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sip.format.vocab import ACTION_STATUS
from sip.format.workbook_words import N_

# The sheets, by their English names (shown translated).
ACTIONS = N_("Actions")
INSTALMENTS = N_("Instalments")
FINDINGS = N_("Findings")
README = N_("Read me")
STATE = "sip"  # a very hidden sheet: what was exported, to know what the supplier changed
LISTS = "lists"  # a hidden sheet: the drop-down lists' labels, in the workbook's language
HEADER_ROW = 1
TOTAL = "total"  # the instalment column of a money remedy's row when it has no schedule
TOTAL_LABEL = N_("Total")

# Kinds of value: how a cell is written, shown and read back.
ID = "id"  # an item's id, as it is
TEXT = "text"
DATE = "date"  # a real date, shown YYYY-MM-DD
AMOUNT = "amount"  # money, shown with the currency's minor units and thousands separators
COUNT = "count"  # a whole number, 0 or more
STATUS = "status"  # an action's status: its label, a drop-down; the token in the plan
YES_NO = "yes-no"  # true or false: Yes or No, a drop-down
VERIFIER = "verifier"  # a party's or service provider's id: "SP-1: its name", a drop-down
KIND = "kind"  # what kind of action: "Remedy: Back pay"
SEVERITY = "severity"  # a finding's severity, by its label
INDICATORS = "indicators"  # ILO indicators, by their labels, one a line
ADDRESSED = "addressed"  # what an action addresses (findings; root causes, risks): ids with titles
ACTION_ID = "action-id"  # an action's id with its text shortened: "A-2: Reimburse ..."
INSTALMENT = "instalment"  # an instalment's number, or the label of a remedy's total
DROP_DOWNS = (STATUS, YES_NO, VERIFIER)

STATUSES = tuple(ACTION_STATUS)


@dataclass(frozen=True)
class Column:
    field: str  # where the value lives in the item: "status", "verification.method"
    header: str  # English; shown in the workbook's language
    kind: str
    editable: bool = False
    width: float = 12  # in characters (of the digit 0 in the workbook's font); long text wraps


# Widths add up to what fits one landscape A4 page wide at a readable size (six actions on a
# page, tests/test_workbook_print.py).
ACTION_COLUMNS = (
    Column("id", N_("ID"), ID, width=7),
    Column("kind", N_("Kind"), KIND, width=16),
    Column("addresses", N_("Addresses"), ADDRESSED, width=20),
    Column("action", N_("Action"), TEXT, width=30),
    Column("owner", N_("Owner"), TEXT, width=15),
    Column("due", N_("Due"), DATE, width=12),
    Column("status", N_("Status"), STATUS, editable=True, width=12),
    Column("completed", N_("Completed"), DATE, editable=True, width=12),
    Column("verification.method", N_("Verified how"), TEXT, editable=True, width=18),
    Column("verification.evidence", N_("Verification evidence"), TEXT, editable=True, width=16),
    Column("verification.date", N_("Verified on"), DATE, editable=True, width=12),
    Column("verification.by", N_("Verified by"), VERIFIER, editable=True, width=15),
    Column("verification.independent", N_("Independent verifier"), YES_NO, editable=True, width=12),
    Column("verification.workers_interviewed", N_("Workers interviewed"), COUNT, editable=True, width=12),
    Column("contingency", N_("Contingency"), TEXT, width=22),
)

INSTALMENT_COLUMNS = (
    Column("response", N_("Remedy"), ACTION_ID, width=40),
    Column("instalment", N_("Instalment"), INSTALMENT, width=11),
    Column("due", N_("Due"), DATE, width=11),
    Column("amount", N_("Amount"), AMOUNT, width=15),
    Column("currency", N_("Currency"), TEXT, width=9),
    Column("paid_on", N_("Paid on"), DATE, editable=True, width=11),
    Column("paid", N_("Paid so far"), AMOUNT, editable=True, width=15),
)

FINDING_COLUMNS = (
    Column("id", N_("ID"), ID, width=7),
    Column("title", N_("Finding"), TEXT, width=50),
    Column("severity", N_("Severity"), SEVERITY, width=13),
    Column("indicators", N_("ILO indicators"), INDICATORS, width=30),
    Column("workers_affected", N_("Workers affected"), COUNT, width=10),
    Column("identified", N_("Identified"), DATE, width=11),
)

COLUMNS = {ACTIONS: ACTION_COLUMNS, INSTALMENTS: INSTALMENT_COLUMNS, FINDINGS: FINDING_COLUMNS}
# The columns that name a row: an item's id, or a remedy's id and the instalment's number.
KEY_FIELDS = {ACTIONS: ("id",), INSTALMENTS: ("response", "instalment"), FINDINGS: ("id",)}
# The fields of a verification, in the order the format lists them (a new one is written
# after those before it).
VERIFICATION_FIELDS = ("method", "evidence", "date", "by", "independent", "workers_interviewed")
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
META_LANGUAGE = "language"
# 2: labels instead of tokens, the verifier's columns, the language (1 had tokens and 12 columns).
WORKBOOK_FORMAT = "sip-workbook-2"
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


# What XML 1.0 cannot hold, so no cell can (openpyxl's ILLEGAL_CHARACTERS_RE).
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def cell_text(text: str) -> str:
    """Text as a cell holds it: characters XML forbids become U+FFFD. Export writes cells so,
    and import compares the plan's text so."""
    return _ILLEGAL.sub("\ufffd", text)


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
