"""What sip must know about each field of the format beyond its type, declared once, on the field.

A field of the models in sip/model/plan.py says who may read it, what it points at, and how a
change to it reads, with `typing.Annotated` metadata beside its pydantic `Field`:

    evidence: Annotated[Text | None, PRIVATE] = Field(None, description="...")
    addresses: Annotated[list[Id], refers_to("findings", verb="addresses")] = Field(...)
    due: Annotated[Date, public(diff=LATER, workbook=SHOWN)] = Field(...)

pydantic keeps the object in the field's metadata and leaves the JSON Schema alone. Every table
the rest of sip reads (what the public report shows, the free text SIP601 and SIP602 read, the
references SIP202, `sip fix` and the language server follow, how `sip diff` words a change and
what `sip diff --check` refuses) is derived from these declarations in sip/model/fields.py. A
field with no declaration fails tests/test_field_facts.py; until it has one it is not public.

Whether a field is free text is said by its type: `Text` (sip/model/types.py) carries FREE_TEXT.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

# How `sip diff` reads a change to a field (sip/history/plan_diff.py words each way). The default,
# "", names the field in its item's "edited:" line with the old and new values ("completed
# 2026-07-20 -> (none)"; free text and personal data by name only).
LINE = "line"  # a line of its own: "finding F-2 severity: minor -> major"
STATUS = "status"  # an action's status: forward; backward (refused); cancelled (refused without a review)
LATER = "later"  # a deadline: moved later (refused without a review) or earlier, by how many days
LOWERED = "lowered"  # a count: lowered or removed is refused without a review
DOWN = "down"  # a finding's determination: moved down is refused without a review
SCHEDULE = "schedule"  # instalments by their place: a paid date removed is refused without a review
DISPUTE = "dispute"  # the site's objection, in words: disputed, no longer disputed, changed
RESULT = "result"  # a review read by its result: "effectiveness: (none) -> effective"
# format 1.2:
RANGE = "range"  # per worker, low to high: "USD 1,200-1,800"; low lowered or removed needs a review
UNCLAIMED = "unclaimed"  # money still owed, as text or who holds it until when
NOTED = "noted"  # a text whose being there is the news (an exception): written, rewritten, removed
ITEMS = "items"  # a list of items with ids, compared item by item
ENTRIES = "entries"  # a list of entries without ids (reviews, waivers), compared whole
DIFF_WAYS = (
    "",
    LINE,
    STATUS,
    LATER,
    LOWERED,
    DOWN,
    SCHEDULE,
    DISPUTE,
    RESULT,
    RANGE,
    UNCLAIMED,
    NOTED,
    ITEMS,
    ENTRIES,
)

# Deleting an item of a list (`deletion`, on a list field compared by ITEMS).
REFUSED = "refused"  # it stays on the record: `sip diff --check` refuses the deletion
NEEDS_REVIEW = "needs-review"  # refused without a review logged in the same change

# The supplier's workbook (`sip export`, `sip import`, sip/format/workbook.py's columns).
SHOWN = "shown"  # a locked column: the supplier reads it
SUPPLIER = "supplier"  # the supplier fills it in, and `sip import` applies it


@dataclass(frozen=True)  # no slots: a class with slots is built twice, and this one at every start
class Facts:
    """One field's facts. The defaults are the safe ones: not public, no reference."""

    # The public report may show it: free text masked, ids masked as file names are. A field that
    # does not say so is left out of the public report (None, or an empty list).
    public: bool = False
    # A named person's data (the owner's name and e-mail, a reviewer): never public, and
    # `sip diff` names a change to it without repeating the value.
    personal: bool = False
    # Names the plan's or an action's accountable owner, the company's own people, not a worker:
    # SIP601, which looks for workers' personal data, does not read it.
    owner: bool = False
    # The item's own id (masked in public like a file name).
    id: bool = False
    # A reference: the lists whose ids it may name (SIP202), and what the reference does, in the
    # words of SIP202's message ("F-1 ... addresses F-9, which is no finding").
    refers_to: tuple[str, ...] = ()
    verb: str = ""
    # How `sip diff` reads a change (one of DIFF_WAYS), the words that name the field there ("" :
    # its name, underscores read as spaces, after the name of the mapping that holds it), the
    # kind its own line has in `sip diff --format json` ("" : from its words), and, on a list of
    # items, what deleting one does (REFUSED, NEEDS_REVIEW or "").
    diff: str = ""
    words: str = ""
    kind: str = ""
    deletion: str = ""
    # An amount of money: `sip diff` shows it with its mapping's currency ("USD 250,000"); a count
    # that is a part of another field of its mapping, which `sip diff` shows beside it ("120 -> 250
    # of 300").
    money: bool = False
    of: str = ""
    # Its column in the supplier's workbook: SHOWN, SUPPLIER, or "" (not in the workbook).
    workbook: str = ""

    def __post_init__(self) -> None:
        if self.personal and self.public:
            raise ValueError("personal data is never public")
        if self.diff not in DIFF_WAYS:
            raise ValueError(f"unknown way for sip diff: {self.diff!r}")
        if self.verb and not self.refers_to:
            raise ValueError("a verb belongs to a reference")


PUBLIC = Facts(public=True)
PRIVATE = Facts()
PERSONAL = Facts(personal=True)
ITEM_ID = Facts(public=True, id=True)


def public(**facts: object) -> Facts:
    """Shown in the public report, with other facts: `public(diff=LATER)`."""
    return replace(PUBLIC, **facts)  # type: ignore[arg-type]  # the dataclass checks its fields


def private(**facts: object) -> Facts:
    """Left out of the public report, with other facts: `private(workbook=SUPPLIER)`."""
    return replace(PRIVATE, **facts)  # type: ignore[arg-type]


def refers_to(*lists: str, verb: str, public: bool = True, **facts: object) -> Facts:
    """A reference to an item of one of `lists`: `refers_to("findings", verb="addresses")`."""
    return replace(Facts(public=public, refers_to=lists, verb=verb), **facts)  # type: ignore[arg-type]


@dataclass(frozen=True)
class FreeText:
    """The mark the `Text` type carries: free text, which SIP601 and SIP602 read and the public
    report masks."""


FREE_TEXT = FreeText()
