"""`sip crosswalk`'s formats: text for a terminal, JSON for tools (schemas/sip-crosswalk-1.schema.json),
Markdown and HTML for people (templates crosswalk.md.j2 and crosswalk.html.j2). Named in
sip/output/formats.py; the result is a CrosswalkReport."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import TextIO

from sip.diagnostic import readable
from sip.frameworks.crosswalk import STATUSES, Crosswalk, Line
from sip.frameworks.profile import Source
from sip.output.formats import Style
from sip.output.plain_text import json_text, printable

SCHEMA_ID = "https://raw.githubusercontent.com/sip-remediation/sip/main/schemas/sip-crosswalk-1.schema.json"


@dataclass(frozen=True)
class CrosswalkReport:
    as_of: dt.date
    crosswalks: list[Crosswalk]


# -- text -----------------------------------------------------------------------------------------

_MARK = {
    "met": "ok",
    "not met": "NOT MET",
    "waived": "waived",
    "not checked": "not checked",
    "met by the format": "ok",
    "for you to show": "to show",
    "advisory": "advisory",
}


def write_text(report: CrosswalkReport, stream: TextIO, style: Style) -> None:
    for number, cw in enumerate(report.crosswalks):
        if number:
            stream.write("\n")
        stream.write(
            f"{printable(readable(cw.file))}: {printable(cw.plan_id)} under {cw.profile.name} "
            f"({printable(cw.profile.title)}), as of {cw.as_of}\n"
        )
        for line in cw.lines:
            r = line.requirement
            stream.write(f"  {_MARK[line.status]:<11} {r.id} {r.section}: {r.title}\n")
            if line.items:
                shown = "; ".join(f"{printable(i.ref)} {printable(i.text)}" for i in line.items)
                stream.write(f"              in the plan: {shown}\n")
            for d in line.gaps:
                stream.write(f"              missing: {d.line}:{d.column} {d.code} {printable(d.message)}\n")
            for d in line.waived:
                stream.write(f"              waived: {d.code} ({printable(d.reason or '')})\n")
            if line.note:
                stream.write(f"              {printable(line.note)}\n")
        stream.write(f"  {summary(cw)}\n")


def summary(cw: Crosswalk) -> str:
    """'5 met, 2 not met, 1 advisory': the counts that are not zero, in the statuses' order."""
    parts = [f"{cw.counts[s]} {s}" for s in STATUSES if cw.counts.get(s)]
    return ", ".join(parts) + f" of {len(cw.lines)} requirements"


# -- JSON -----------------------------------------------------------------------------------------


def write_json(report: CrosswalkReport, stream: TextIO, style: Style) -> None:
    document = {
        "$schema": SCHEMA_ID,
        "version": 1,
        "as_of": str(report.as_of),
        "crosswalks": [crosswalk_dict(cw) for cw in report.crosswalks],
    }
    stream.write(json_text(json.dumps(document, ensure_ascii=False, indent=2)) + "\n")


def crosswalk_dict(cw: Crosswalk) -> dict[str, object]:
    return {
        "file": readable(cw.file),
        "plan_id": cw.plan_id,
        "title": cw.title,
        "framework": cw.profile.name,
        "framework_title": cw.profile.title,
        "counts": {s: cw.counts.get(s, 0) for s in STATUSES},
        "requirements": [_line_dict(line) for line in cw.lines],
    }


def _line_dict(line: Line) -> dict[str, object]:
    r = line.requirement
    out: dict[str, object] = {
        "id": r.id,
        "section": r.section,
        "title": r.title,
        "check": r.check,
        "status": line.status,
        "codes": list(r.codes),
        "quote": r.quote,
    }
    if r.translation:
        out["translation"] = {"text": r.translation, "by": r.translated_by}
    out["source"] = _source_dict(r.source)
    out["items"] = [{"ref": i.ref, "text": i.text} for i in line.items]
    out["missing"] = [d.to_dict() for d in line.gaps]
    out["waived"] = [d.to_dict() for d in line.waived]
    if line.note:
        out["note"] = line.note
    return out


def _source_dict(source: Source) -> dict[str, object]:
    out: dict[str, object] = {
        "title": source.title,
        "publisher": source.publisher,
        "address": source.address,
        "kind": source.kind,
    }
    if source.read_at:
        out["read_at"] = source.read_at
    return out


# -- Markdown and HTML, through the templates -------------------------------------------------------


def write_markdown(report: CrosswalkReport, stream: TextIO, style: Style) -> None:
    _write_page(report, stream, "md")


def write_html(report: CrosswalkReport, stream: TextIO, style: Style) -> None:
    _write_page(report, stream, "html")


def _write_page(report: CrosswalkReport, stream: TextIO, format: str) -> None:
    from sip.output.render.environment import Templates
    from sip.output.render.framework_views import crosswalk_page
    from sip.output.render.pages import marked

    page = crosswalk_page(report.crosswalks, report.as_of)
    stream.write(marked(Templates().render(f"crosswalk.{format}.j2", page=page)))
