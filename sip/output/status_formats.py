"""`sip status --format json` and `--format csv`: the figures for tools and spreadsheets (CSV
cells that a spreadsheet would read as a formula are neutralised; no control character of a
plan's text is written raw in either). Named in
sip/output/formats.py; the terminal table is sip/output/status_table.py."""

from __future__ import annotations

import csv
import json
from typing import TextIO

from sip.diagnostic import readable
from sip.output.formats import Style
from sip.output.plain_text import json_text, printable
from sip.output.portfolio import Totals, as_dict
from sip.output.status import FindingCoverage, Row, StatusReport, coverage_text


def coverage_dict(c: FindingCoverage) -> dict[str, object]:
    return {
        "finding": c.finding,
        "workers_affected": c.affected,
        "workers_covered": c.covered,
        "covered_is_a_floor": c.covered is not None and not c.complete,
        "money_remedies": c.money_remedies,
        "former_workers_affected": c.former_affected,
        "former_workers_covered": c.former_covered,
        "workers_reached": c.reached,
    }


def group_dict(t: Totals) -> dict[str, object]:
    return {"key": t.key, "name": t.label, **as_dict(t)}


def row_dict(row: Row) -> dict[str, object]:
    out: dict[str, object] = {
        "file": readable(row.file),
        "plan_id": row.plan_id,
        "format_valid": row.valid,
        "errors": row.errors,
        "warnings": row.warnings,
    }
    g = row.glance
    if g is None:
        return out
    p = g.progress
    out.update(
        {
            "site": g.site,
            "country": g.country,
            "status": g.status,
            "findings": p.findings_by_severity,
            "actions": {"open": p.open_actions, "overdue": len(p.overdue), "due_in_30_days": len(p.due_soon)},
            "overdue_actions": p.overdue,
            "next_review": None if g.next_review is None else str(g.next_review),
            "review_overdue": p.review_overdue,
            "remedy": {c: {"paid": m.paid, "committed": m.committed} for c, m in sorted(p.money.items())},
            "workers": {"covered": g.reach.covered or 0, "reached": g.reach.reached},
            "overdue_instalments": p.overdue_instalments,
            "forced_labour_coverage": [coverage_dict(c) for c in g.coverage],
            "late": {
                "planned_past_deadline": [late.id for late in p.planned_late],
                "finished_past_deadline": [late.id for late in p.past_deadline if late.finished],
            },
        }
    )
    return out


def write_json(report: StatusReport, stream: TextIO, style: Style) -> None:
    rows, totals, as_of = report.rows, report.totals, report.as_of
    document: dict[str, object] = {
        "as_of": str(as_of),
        "plans": [row_dict(row) for row in rows],
        "totals": {
            "plans": totals.plans,
            "invalid": totals.invalid,
            "errors": totals.errors,
            "warnings": totals.warnings,
            "findings": totals.findings_by_severity,
            "actions": {
                "open": totals.open_actions,
                "overdue": totals.overdue,
                "due_in_30_days": totals.due_soon,
            },
            "reviews_overdue": totals.reviews_overdue,
            "remedy": {
                c: {"paid": m.paid, "committed": m.committed} for c, m in sorted(totals.money.items())
            },
            "workers": {"covered": totals.workers_covered, "reached": totals.workers_reached},
            "overdue_instalments": totals.overdue_instalments,
        },
    }
    if totals.portfolio is not None:
        document["portfolio"] = {
            **as_dict(totals.portfolio.totals),
            "by_country": [group_dict(t) for t in totals.portfolio.by_country],
            "by_supplier": [group_dict(t) for t in totals.portfolio.by_supplier],
        }
    stream.write(json_text(json.dumps(document, ensure_ascii=False, indent=2)) + "\n")


CSV_COLUMNS = (
    "file",
    "plan_id",
    "site",
    "country",
    "status",
    "format_valid",
    "errors",
    "warnings",
    "critical",
    "major",
    "minor",
    "open_actions",
    "overdue",
    "due_in_30_days",
    "next_review",
    "review_overdue",
    "workers_covered",
    "workers_reached",
    "overdue_instalments",
    "forced_labour_covered_of_affected",
)


def write_csv(report: StatusReport, stream: TextIO, style: Style) -> None:
    """One line per plan, no totals line (a spreadsheet sums the columns itself); remedy money
    in a paid and a committed column per currency found."""
    rows = report.rows
    currencies = sorted({c for row in rows if row.glance for c in row.glance.progress.money})
    money_columns = [f"{kind}_{c}" for c in currencies for kind in ("paid", "committed")]
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow([*CSV_COLUMNS, *money_columns])
    for row in rows:
        writer.writerow(_csv_cells(row, currencies))


def _csv_cells(row: Row, currencies: list[str]) -> list[object]:
    return [_cell(cell) for cell in _csv_values(row, currencies)]


_FORMULA = ("=", "+", "-", "@", "\t", "\r", "\n")


def _cell(value: object) -> object:
    """Plan text with its control characters written as escapes (a raw ESC in a site name
    would reach whoever prints the file), and a text a spreadsheet would run as a formula
    (=HYPERLINK(...), @SUM, +1+cmd|...) with a leading apostrophe, as OWASP advises: it
    shows as typed."""
    if not isinstance(value, str):
        return value
    value = printable(value)
    return "'" + value if value.startswith(_FORMULA) else value


def _csv_values(row: Row, currencies: list[str]) -> list[object]:
    g = row.glance
    head: list[object] = [
        readable(row.file),
        row.plan_id or "",
        *(["", "", ""] if g is None else [g.site, g.country, g.status]),
        "yes" if row.valid else "no",
        row.errors,
        row.warnings,
    ]
    if g is None:
        return head + [""] * (len(CSV_COLUMNS) - len(head) + 2 * len(currencies))
    p = g.progress
    s = p.findings_by_severity
    cells: list[object] = [
        *head,
        s["critical"],
        s["major"],
        s["minor"],
        p.open_actions,
        len(p.overdue),
        len(p.due_soon),
        "" if g.next_review is None else str(g.next_review),
        "yes" if p.review_overdue else "no",
        g.reach.covered or 0,
        "" if g.reach.reached is None else g.reach.reached,
        p.overdue_instalments,
        coverage_text(g.coverage)[0],
    ]
    for currency in currencies:
        money = p.money.get(currency)
        cells += ["", ""] if money is None else [_number(money.paid), _number(money.committed)]
    return cells


def _number(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)
