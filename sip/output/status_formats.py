"""`sip status` output: a table for a terminal, JSON for tools, CSV for spreadsheets.
Each writer takes a StatusReport (sip/output/status.py) and is named in sip/output/formats.py."""

from __future__ import annotations

import csv
import io
import json
from typing import Any, TextIO

from sip.diagnostic import readable
from sip.format.wording import plural
from sip.output.figures import DUE_SOON_DAYS, MoneyTotal
from sip.output.formats import Style
from sip.output.plain_text import printable
from sip.output.status import Row, StatusReport, Totals

# -- text ---------------------------------------------------------------------------------------


def write_table(report: StatusReport, stream: TextIO, style: Style) -> None:
    """A table as wide as its content: a terminal's width, or unbounded when piped."""
    rows, totals, as_of, color = report.rows, report.totals, report.as_of, style.color
    from rich import box
    from rich.console import Console
    from rich.table import Table

    bold = "bold" if color else None
    table = Table(box=box.SIMPLE, title=f"sip status as of {as_of}", title_justify="left",
                  title_style=bold, header_style=bold, footer_style=bold, show_footer=True)
    columns: tuple[tuple[str, dict[str, Any]], ...]
    columns = (("Plan", {}), ("Site", {"max_width": 40, "overflow": "ellipsis"}),
               ("Status", {}), ("Findings\ncrit/maj/min", {"justify": "right"}),
               ("Open", {"justify": "right"}), ("Overdue", {"justify": "right"}),
               (f"Due in\n{DUE_SOON_DAYS} days", {"justify": "right"}), ("Next review", {}),
               ("Remedy paid\nof committed", {"justify": "right"}),
               ("Workers reached\nof covered", {"justify": "right"}),
               ("Instalments\noverdue", {"justify": "right"}), ("Problems", {}),
               ("File", {}))
    for (header, options), footer in zip(columns, _total_cells(totals), strict=True):
        table.add_column(header, footer=footer, no_wrap=True, **options)
    for row in rows:
        table.add_row(*_cells(row))
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=color, no_color=not color,
                      highlight=False, width=None if stream.isatty() else 500)
    console.print(table)
    lines = [line.rstrip() for line in buffer.getvalue().splitlines()]
    while lines and not lines[-1]:
        lines.pop()
    stream.write("\n".join(lines) + "\n")


def _cells(row: Row) -> list:
    from rich.text import Text

    problems = Text(_problems(row.errors, row.warnings),
                    style="red" if row.errors else "yellow" if row.warnings else "")
    g = row.glance
    if g is None:
        return [_plain(row.plan_id or "-"), "-", Text("invalid", style="bold red"), "-", "-", "-",
                "-", "-", "-", "-", "-", problems, _plain(row.file)]
    p = g.progress
    severities = p.findings_by_severity
    findings = Text(f"{severities['critical']}/{severities['major']}/{severities['minor']}",
                    style="bold" if severities["critical"] else "")
    review: str | Text = "-" if g.next_review is None else str(g.next_review)
    if p.review_overdue:
        review = Text(f"{review} past", style="bold red")
    return [_plain(g.plan_id), _plain(f"{g.site} ({g.country})"), _plain(g.status), findings,
            str(p.open_actions), Text(str(len(p.overdue)), style="bold red" if p.overdue else ""),
            str(len(p.due_soon)), review, _money(p.money), _reach(p.workers_reached, p.workers_covered),
            Text(str(p.overdue_instalments), style="bold red" if p.overdue_instalments else ""),
            problems, _plain(row.file)]


def _plain(text: str):
    """Plan text in a cell: a rich Text is never read as markup (`Factory [/] 3`, `[link=...]`),
    and control characters are shown as escapes."""
    from rich.text import Text

    return Text(printable(readable(text)))


def _total_cells(totals: Totals) -> list[str]:
    s = totals.findings_by_severity
    plans = f"{totals.plans} plans" + (f", {totals.invalid} invalid" if totals.invalid else "")
    reviews = f"{totals.reviews_overdue} past" if totals.reviews_overdue else ""
    return ["Total", plans, "", f"{s['critical']}/{s['major']}/{s['minor']}",
            str(totals.open_actions), str(totals.overdue), str(totals.due_soon), reviews,
            _money(totals.money), _reach(totals.workers_reached, totals.workers_covered),
            str(totals.overdue_instalments), _problems(totals.errors, totals.warnings), ""]


def _reach(reached: int | None, covered: int) -> str:
    """Workers reached of workers covered by money remedies: "-" when no money remedy names
    the workers it covers, "? / 300" when none records how many it has reached."""
    if not covered:
        return "-"
    return f"{'?' if reached is None else f'{reached:,}'} / {covered:,}"


def _problems(errors: int, warnings: int) -> str:
    parts = []
    if errors:
        parts.append(plural(errors, "error"))
    if warnings:
        parts.append(plural(warnings, "warning"))
    return ", ".join(parts)


def _money(money: dict[str, MoneyTotal]) -> str:
    return "\n".join(f"{currency} {_amount(m.paid)} / {_amount(m.committed)}"
                     for currency, m in sorted(money.items())) or "-"


def _amount(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"


# -- json and csv -------------------------------------------------------------------------------


def row_dict(row: Row) -> dict[str, object]:
    out: dict[str, object] = {"file": readable(row.file), "plan_id": row.plan_id, "format_valid": row.valid,
                              "errors": row.errors, "warnings": row.warnings}
    g = row.glance
    if g is None:
        return out
    p = g.progress
    out.update({
        "site": g.site, "country": g.country, "status": g.status,
        "findings": p.findings_by_severity,
        "actions": {"open": p.open_actions, "overdue": len(p.overdue),
                    "due_in_30_days": len(p.due_soon)},
        "overdue_actions": p.overdue,
        "next_review": None if g.next_review is None else str(g.next_review),
        "review_overdue": p.review_overdue,
        "remedy": {c: {"paid": m.paid, "committed": m.committed}
                   for c, m in sorted(p.money.items())},
        "workers": {"covered": p.workers_covered, "reached": p.workers_reached},
        "overdue_instalments": p.overdue_instalments,
    })
    return out


def write_json(report: StatusReport, stream: TextIO, style: Style) -> None:
    rows, totals, as_of = report.rows, report.totals, report.as_of
    document = {
        "as_of": str(as_of),
        "plans": [row_dict(row) for row in rows],
        "totals": {
            "plans": totals.plans, "invalid": totals.invalid, "errors": totals.errors,
            "warnings": totals.warnings, "findings": totals.findings_by_severity,
            "actions": {"open": totals.open_actions, "overdue": totals.overdue,
                        "due_in_30_days": totals.due_soon},
            "reviews_overdue": totals.reviews_overdue,
            "remedy": {c: {"paid": m.paid, "committed": m.committed}
                       for c, m in sorted(totals.money.items())},
            "workers": {"covered": totals.workers_covered, "reached": totals.workers_reached},
            "overdue_instalments": totals.overdue_instalments,
        },
    }
    json.dump(document, stream, ensure_ascii=False, indent=2)
    stream.write("\n")


CSV_COLUMNS = ("file", "plan_id", "site", "country", "status", "format_valid", "errors", "warnings",
               "critical", "major", "minor", "open_actions", "overdue", "due_in_30_days",
               "next_review", "review_overdue", "workers_covered", "workers_reached",
               "overdue_instalments")


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
    """A text a spreadsheet would run as a formula (=HYPERLINK(...), @SUM, +1+cmd|...) gets a
    leading apostrophe, as OWASP advises: it shows as typed."""
    if isinstance(value, str) and value.startswith(_FORMULA):
        return "'" + value
    return value


def _csv_values(row: Row, currencies: list[str]) -> list[object]:
    g = row.glance
    head: list[object] = [readable(row.file), row.plan_id or "", *(["", "", ""] if g is None else
                                           [g.site, g.country, g.status]),
            "yes" if row.valid else "no", row.errors, row.warnings]
    if g is None:
        return head + [""] * (len(CSV_COLUMNS) - len(head) + 2 * len(currencies))
    p = g.progress
    s = p.findings_by_severity
    cells: list[object] = [*head, s["critical"], s["major"], s["minor"], p.open_actions, len(p.overdue),
             len(p.due_soon), "" if g.next_review is None else str(g.next_review),
             "yes" if p.review_overdue else "no", p.workers_covered,
             "" if p.workers_reached is None else p.workers_reached, p.overdue_instalments]
    for currency in currencies:
        money = p.money.get(currency)
        cells += ["", ""] if money is None else [_number(money.paid), _number(money.committed)]
    return cells


def _number(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)
