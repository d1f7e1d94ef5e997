"""What templates receive about frameworks: a crosswalk of a plan against a framework's profile
(`sip crosswalk --format md|html`, and a plan report's crosswalk section with `sip render
--framework`), and an evidence dossier (`sip render --dossier`). Documented types, display-ready,
as context.py's are; docs/frameworks-pages.md documents every field (a test holds it to this
module).

For the public, a crosswalk shows each requirement's status and the plan's items, never the rules'
messages (a message may quote any field, as the public report leaves out diagnostics' words).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from sip.frameworks.crosswalk import STATUSES, Crosswalk, Line
from sip.output.render.context import Count, Label

# A status's value for CSS, and the words a reader sees.
STATUS_WORDS = {
    "met": ("met", "Met"),
    "not met": ("not-met", "Not met"),
    "waived": ("waived", "Waived (on the record)"),
    "not checked": ("not-checked", "Not checked"),
    "met by the format": ("format", "Met by the format"),
    "for you to show": ("listed", "For you to show"),
    "advisory": ("advisory", "Advisory (a summary by others)"),
}


@dataclass(frozen=True, slots=True)
class ItemView:
    ref: str  # an id (MS-2), an entry (submissions[1]) or a field (site.housing_provided)
    anchor: str | None  # where it is in a plan report; None in a crosswalk page of its own
    text: str


@dataclass(frozen=True, slots=True)
class GapView:
    """One diagnostic of a requirement's rules: what is missing, or what a waiver silenced."""

    line: int
    column: int
    code: str
    severity: str  # "error", "warning" or "waived"
    message: str
    reason: str | None  # the waiver's reason, when waived


@dataclass(frozen=True, slots=True)
class RequirementView:
    id: str  # FAR-H3-I
    section: str  # 52.222-50(h)(3)(i)
    title: str
    quote: str  # the framework's own words
    translation: str | None  # an English translation of a quote in another language
    translated_by: str | None
    source: str  # the document quoted
    source_address: str
    source_secondary: bool  # a summary by others: the requirement is advisory
    how: str  # how sip reads it
    status: Label  # value: met, not-met, waived, not-checked, format, listed, advisory
    codes: list[str]  # the rules that check it
    items: list[ItemView]  # what in the plan meets it, or offers evidence for it
    gaps: list[GapView]  # what is missing; empty for the public
    waived: list[GapView]  # what a waiver silenced; empty for the public
    gaps_count: int  # how many diagnostics say what is missing (the public sees the count)
    note: str | None


@dataclass(frozen=True, slots=True)
class CrosswalkView:
    framework: str  # far
    framework_title: str
    plan_id: str
    plan_title: str
    file: str | None  # None in a report (the report names its file)
    as_of: dt.date
    public: bool
    requirements: list[RequirementView]
    counts: list[Count]  # per status, those with at least one requirement
    anchor: str  # the section's fragment in a plan report: crosswalk-far


@dataclass(frozen=True, slots=True)
class CrosswalkPage:
    """The context of crosswalk.html.j2 and crosswalk.md.j2, as `page`."""

    as_of: dt.date
    crosswalks: list[CrosswalkView]


def crosswalk_page(crosswalks: list[Crosswalk], as_of: dt.date) -> CrosswalkPage:
    return CrosswalkPage(as_of, [crosswalk_view(cw) for cw in crosswalks])


def crosswalk_view(
    cw: Crosswalk,
    *,
    public: bool = False,
    in_report: bool = False,
    shown_id: Callable[[str], str] = lambda i: i,
    anchor_of: Callable[[str], str | None] = lambda i: None,
) -> CrosswalkView:
    """In a report, items link to their place in the page (`anchor_of`), and for the public ids
    are masked as the report masks them (`shown_id`) and the rules' messages are left out."""
    requirements = [_requirement(line, public, shown_id, anchor_of) for line in cw.lines]
    counts = [
        Count(Label(*STATUS_WORDS[status]), cw.counts[status]) for status in STATUSES if cw.counts.get(status)
    ]
    return CrosswalkView(
        cw.profile.name,
        cw.profile.title,
        shown_id(cw.plan_id),
        cw.title,
        None if in_report else cw.file,
        cw.as_of,
        public,
        requirements,
        counts,
        f"crosswalk-{cw.profile.name}",
    )


def _requirement(
    line: Line, public: bool, shown_id: Callable[[str], str], anchor_of: Callable[[str], str | None]
) -> RequirementView:
    r = line.requirement
    items = [ItemView(shown_id(i.ref), anchor_of(i.ref), i.text) for i in line.items]
    gaps = [] if public else [_gap(d) for d in line.gaps]
    waived = [] if public else [_gap(d) for d in line.waived]
    return RequirementView(
        r.id,
        r.section,
        r.title,
        r.quote,
        r.translation or None,
        r.translated_by or None,
        r.source.title,
        r.source.address,
        r.source.kind == "secondary",
        r.how,
        Label(*STATUS_WORDS[line.status]),
        list(r.codes),
        items,
        gaps,
        waived,
        len(line.gaps),
        line.note or None,
    )


def _gap(d) -> GapView:
    return GapView(d.line, d.column, d.code, d.severity, d.message, d.reason)
