"""`sip status --format text`: a table for a terminal, as wide as the terminal allows.

On a narrow terminal whole columns are left out by priority (the plan, its status and its open
and overdue actions always stay; money is never cut mid-number), and a line says which.
Named in sip/output/formats.py."""

from __future__ import annotations

import io
from typing import Any, TextIO

from sip.diagnostic import readable
from sip.format.wording import plural
from sip.output.figures import DUE_SOON_DAYS, MoneyTotal
from sip.output.formats import Style
from sip.output.plain_text import printable
from sip.output.status import FindingCoverage, Row, StatusReport, Totals, coverage_text

# (header, options, priority): on a narrow terminal the columns of the highest priority numbers
# go first, so that every plan's id, status, open and overdue actions stay whole; a column of
# figures is shown whole or not at all (money is never cut mid-number), and so is the file (a
# path cut short opens nothing); only the site is shortened to what room is left.
_COLUMNS: tuple[tuple[str, dict[str, Any], int], ...] = (
    ("Plan", {}, 1),
    ("Site", {"max_width": 40, "overflow": "ellipsis"}, 14),
    ("Status", {}, 2),
    ("Findings\ncrit/maj/min", {"justify": "right"}, 6),
    ("Open", {"justify": "right"}, 3),
    ("Overdue", {"justify": "right"}, 4),
    (f"Due in\n{DUE_SOON_DAYS} days", {"justify": "right"}, 10),
    ("Next review", {}, 7),
    ("Remedy paid\nof committed", {"justify": "right"}, 8),
    ("Workers reached\nof covered", {"justify": "right"}, 11),
    ("Forced labour:\ncovered of affected", {"justify": "right"}, 10),
    ("Instalments\noverdue", {"justify": "right"}, 9),
    ("Problems", {}, 5),
    ("File", {}, 13),
)
_SHORTENED = ("Site",)  # may be cut (with an ellipsis) to fit; never to below:
_SHORTEST = 12


def write_table(report: StatusReport, stream: TextIO, style: Style) -> None:
    """A table as wide as its content when piped; on a terminal, as many columns as fit its width
    whole, in the order of _COLUMNS' priorities, and a line naming the columns left out."""
    rows, totals, as_of, color = report.rows, report.totals, report.as_of, style.color
    from rich import box
    from rich.console import Console
    from rich.table import Table

    cells = [_cells(row) for row in rows]
    footers = _total_cells(totals)
    width = _terminal_width(stream)
    shown = _fit(cells, footers, width)
    bold = "bold" if color else None
    table = Table(
        box=box.SIMPLE,
        title=f"sip status as of {as_of}",
        title_justify="left",
        title_style=bold,
        header_style=bold,
        footer_style=bold,
        show_footer=True,
    )
    for index, width_of in shown.items():
        header, options, _ = _COLUMNS[index]
        if width_of is not None:
            options = {**options, "max_width": width_of}
        table.add_column(header, footer=footers[index], no_wrap=True, **options)
    for row in cells:
        table.add_row(*(row[i] for i in shown))
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        force_terminal=color,
        no_color=not color,
        highlight=False,
        width=500 if width is None else max(width, _width([_natural(cells, footers, i) for i in shown])),
    )
    console.print(table)
    lines = [line.rstrip() for line in buffer.getvalue().splitlines()]
    while lines and not lines[-1]:
        lines.pop()
    left_out = [_COLUMNS[i][0].replace("\n", " ") for i in range(len(_COLUMNS)) if i not in shown]
    if left_out and width is not None:
        import textwrap

        count = "" if 1 in shown else f"{footers[1]}. "  # the site's footer counts the plans
        lines += textwrap.wrap(
            f"{count}Not shown at this width: {', '.join(left_out)} (a wider "
            "terminal, or --format csv, shows them).",
            width - 1,
            initial_indent=" ",
            subsequent_indent=" ",
            break_on_hyphens=False,
        )
    stream.write("\n".join(lines) + "\n")


def _terminal_width(stream: TextIO) -> int | None:
    """The width to fit on a terminal (COLUMNS first, as rich and the shell do), or None when
    the table is piped: then it is as wide as its content."""
    import os

    if not stream.isatty():
        return None
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    try:
        return os.get_terminal_size(stream.fileno()).columns
    except (OSError, ValueError):
        return 80


def _natural(cells: list[list], footers: list[str], index: int) -> int:
    """The width column `index` takes with nothing cut."""
    from rich.cells import cell_len

    texts = [_COLUMNS[index][0], footers[index], *(row[index] for row in cells)]
    widest = max(
        cell_len(line) for text in texts for line in (getattr(text, "plain", text) or "").split("\n")
    )
    return min(widest, _COLUMNS[index][1].get("max_width", widest))


def _width(column_widths: list[int]) -> int:
    """What a rich box.SIMPLE table of these columns takes: a space each side of a column and
    between columns, and the edge."""
    return sum(column_widths) + 3 * len(column_widths) + 1


def _fit(cells: list[list], footers: list[str], width: int | None) -> dict[int, int | None]:
    """The columns shown, in their order, each with the width it is cut to (None: its own)."""
    everything = range(len(_COLUMNS))
    if width is None:
        return dict.fromkeys(everything)
    natural = [_natural(cells, footers, i) for i in everything]
    empty = {
        i
        for i in everything
        if not any(getattr(row[i], "plain", row[i]) not in ("", "-") for row in cells)
        and footers[i] in ("", "-")
    }

    def priority(i: int) -> tuple[bool, int]:
        return (i in empty, _COLUMNS[i][2])

    kept: list[int] = []
    for i in sorted(everything, key=priority):
        if _COLUMNS[i][0] in _SHORTENED:
            continue
        if not kept or _width([natural[k] for k in kept] + [natural[i]]) <= width:
            kept.append(i)
    cut: dict[int, int | None] = {}
    for i in sorted((i for i in everything if _COLUMNS[i][0] in _SHORTENED), key=priority):
        room = width - _width([natural[k] for k in kept] + [0])
        if room >= min(natural[i], _SHORTEST):
            kept.append(i)
            cut[i] = min(room, natural[i]) if room < natural[i] else None
    return {i: cut.get(i) for i in sorted(kept)}


def _cells(row: Row) -> list:
    from rich.text import Text

    problems = Text(
        _problems(row.errors, row.warnings), style="red" if row.errors else "yellow" if row.warnings else ""
    )
    g = row.glance
    if g is None:
        return [
            _plain(row.plan_id or "-"),
            "-",
            Text("invalid", style="bold red"),
            "-",
            "-",
            "-",
            "-",
            "-",
            "-",
            "-",
            "-",
            "-",
            problems,
            _plain(row.file),
        ]
    p = g.progress
    severities = p.findings_by_severity
    findings = Text(
        f"{severities['critical']}/{severities['major']}/{severities['minor']}",
        style="bold" if severities["critical"] else "",
    )
    review: str | Text = "-" if g.next_review is None else str(g.next_review)
    if p.review_overdue:
        review = Text(f"{review} past", style="bold red")
    return [
        _plain(g.plan_id),
        _plain(f"{g.site} ({g.country})"),
        _plain(g.status),
        findings,
        str(p.open_actions),
        Text(str(len(p.overdue)), style="bold red" if p.overdue else ""),
        str(len(p.due_soon)),
        review,
        _money(p.money),
        _reach(g.reach.reached, g.reach.covered or 0),
        _coverage(g.coverage),
        Text(str(p.overdue_instalments), style="bold red" if p.overdue_instalments else ""),
        problems,
        _plain(row.file),
    ]


def _plain(text: str):
    """Plan text in a cell: a rich Text is never read as markup (`Factory [/] 3`, `[link=...]`),
    and control characters are shown as escapes."""
    from rich.text import Text

    return Text(printable(readable(text)))


def _total_cells(totals: Totals) -> list[str]:
    s = totals.findings_by_severity
    plans = plural(totals.plans, "plan") + (f", {totals.invalid} invalid" if totals.invalid else "")
    reviews = f"{totals.reviews_overdue} past" if totals.reviews_overdue else ""
    return [
        "Total",
        plans,
        "",
        f"{s['critical']}/{s['major']}/{s['minor']}",
        str(totals.open_actions),
        str(totals.overdue),
        str(totals.due_soon),
        reviews,
        _money(totals.money),
        _reach(totals.workers_reached, totals.workers_covered),
        "",
        str(totals.overdue_instalments),
        _problems(totals.errors, totals.warnings),
        "",
    ]


def _reach(reached: int | None, covered: int) -> str:
    """Workers reached of workers covered by money remedies: "-" when no money remedy names
    the workers it covers, "? / 300" when none records how many it has reached."""
    if not covered:
        return "-"
    return f"{'?' if reached is None else f'{reached:,}'} / {covered:,}"


def _coverage(findings: list[FindingCoverage]):
    from rich.text import Text

    text, short = coverage_text(findings)
    return Text(printable(text), style="bold red" if short else "")


def _problems(errors: int, warnings: int) -> str:
    parts = []
    if errors:
        parts.append(plural(errors, "error"))
    if warnings:
        parts.append(plural(warnings, "warning"))
    return ", ".join(parts)


def _money(money: dict[str, MoneyTotal]) -> str:
    """Paid of committed by currency: "?" where no payment is on record, "+?" after what is
    paid when some remedies record none (an absent payment is unknown, never 0)."""
    return (
        "\n".join(f"{currency} {_paid(m)} / {_amount(m.committed)}" for currency, m in sorted(money.items()))
        or "-"
    )


def _paid(m: MoneyTotal) -> str:
    if not m.reported:
        return "?"
    return _amount(m.paid) + ("+?" if m.unreported else "")


def _amount(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"
