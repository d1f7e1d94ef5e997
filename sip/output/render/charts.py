"""Inline SVG charts for the HTML reports: no script, no network, a text alternative for each.

Colours are CSS classes (fill-*) styled by report.css, so a chart and the table beside it
share one legend. Every number printed is fixed-point, so the same plan draws the same bytes.
"""

from __future__ import annotations

import math
from html import escape

from markupsafe import Markup

from sip.output.render.context import Count, MoneyLine, RiskMap
from sip.output.render.index_context import MonthChart

_ABBREVIATIONS = {"business-process": "BP", "operational-function": "OF", "structural-gap": "SG"}
MAX_IDS_IN_CELL = 5


def _svg(chart_id: str, width: int, height: int, title: str, description: str, body: list[str]) -> Markup:
    return Markup(
        f'<svg class="chart" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" '
        f'xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{chart_id}-title">{escape(title)}</title>'
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>' + "".join(body) + "</svg>"
    )


def status_bar(chart_id: str, title: str, counts: list[Count]) -> Markup:
    """One bar split by status (or severity): each part as wide as its share."""
    width, height = 600, 28
    total = sum(c.count for c in counts)
    description = "; ".join(f"{c.label.text}: {c.count}" for c in counts)
    body = [f'<rect class="fill-empty" x="0" y="0" width="{width}" height="{height}" rx="4"/>']
    x = 0.0
    for c in counts:
        if not c.count:
            continue
        part = width * c.count / total
        body.append(
            f'<rect class="fill-{escape(c.label.value)}" x="{x:.1f}" y="0" width="{part:.1f}" '
            f'height="{height}"/>'
        )
        if part >= 28:
            body.append(
                f'<text class="on-fill" x="{x + part / 2:.1f}" y="19" text-anchor="middle">{c.count}</text>'
            )
        x += part
    return _svg(chart_id, width, height, title, description or "nothing to show", body)


def money_bar(chart_id: str, line: MoneyLine) -> Markup:
    """Remedy money paid against money committed, in one currency; an empty bar, said in words,
    when no payment is on record (not a bar at 0 %)."""
    width, height = 600, 28
    share = min(1.0, line.paid / line.committed) if line.committed and line.reported else 0.0
    said = f"{line.share} paid" if line.share else "payment not reported"
    if not line.reported:
        description = f"{line.committed:,.2f} {line.currency} committed; payment not reported"
    else:
        description = f"{line.paid:,.2f} of {line.committed:,.2f} {line.currency} paid" + (
            f" ({line.share})" if line.share else ""
        )
    body = [
        f'<rect class="fill-committed" x="0" y="0" width="{width}" height="{height}" rx="4"/>',
        f'<rect class="fill-paid" x="0" y="0" width="{width * share:.1f}" height="{height}" rx="4"/>',
        f'<text class="on-light" x="{width - 8}" y="19" text-anchor="end">{escape(said)}</text>',
    ]
    return _svg(chart_id, width, height, f"Remedy paid in {line.currency}", description, body)


def risk_matrix(chart_id: str, risk_map: RiskMap) -> Markup:
    """The risk map as a likelihood x impact grid; each risk by its id and its source kind."""
    left, top, cell_w, line_h = 110, 10, 150, 17
    most = max((len(cell.risks) for row in risk_map.rows for cell in row), default=0)
    cell_h = 16 + line_h * max(2, min(most, MAX_IDS_IN_CELL + 1))
    width, height = left + 3 * cell_w + 10, top + 3 * cell_h + 50
    body, said = [], []
    for r, row in enumerate(risk_map.rows):
        y = top + r * cell_h
        body.append(
            f'<text class="axis" x="{left - 8}" y="{y + cell_h / 2 + 5:.1f}" text-anchor="end">'
            f"{escape(row[0].likelihood.text)}</text>"
        )
        for col, cell in enumerate(row):
            x = left + col * cell_w
            body.append(
                f'<rect class="fill-rating-{cell.rating.value}" x="{x}" y="{y}" width="{cell_w}" '
                f'height="{cell_h}" stroke="#fff" stroke-width="2"/>'
            )
            shown = cell.risks if len(cell.risks) <= MAX_IDS_IN_CELL + 1 else cell.risks[:MAX_IDS_IN_CELL]
            for i, risk in enumerate(shown):
                kind = _ABBREVIATIONS.get(risk.source_kind.value, "")
                body.append(
                    f'<a href="#{escape(risk.anchor)}"><text class="on-light" x="{x + 10}" '
                    f'y="{y + 20 + i * line_h}">{escape(risk.id)} · {kind}</text></a>'
                )
            if len(shown) < len(cell.risks):
                body.append(
                    f'<text class="on-light" x="{x + 10}" y="{y + 20 + len(shown) * line_h}">'
                    f"+{len(cell.risks) - len(shown)} more</text>"
                )
            if cell.risks:
                said.append(
                    f"{cell.likelihood.text} likelihood, {cell.impact.text.lower()} impact: "
                    + ", ".join(r.id for r in cell.risks)
                )
    bottom = top + 3 * cell_h
    for col, level in enumerate(risk_map.levels):
        body.append(
            f'<text class="axis" x="{left + col * cell_w + cell_w / 2:.1f}" y="{bottom + 18}" '
            f'text-anchor="middle">{escape(level.text)}</text>'
        )
    body.append(
        f'<text class="axis-title" x="{left + 1.5 * cell_w:.1f}" y="{bottom + 40}" '
        f'text-anchor="middle">Impact</text>'
    )
    body.append(
        f'<text class="axis-title" x="12" y="{top + 1.5 * cell_h:.1f}" text-anchor="middle" '
        f'transform="rotate(-90 12 {top + 1.5 * cell_h:.1f})">Likelihood</text>'
    )
    description = "; ".join(said) if said else "No risks are mapped."
    return _svg(chart_id, width, height, "Risk map: likelihood by impact", description, body)


def _compact(value: float) -> str:
    """An axis label: 0.5, 950, 12k, 3.4M, 2T (amounts go up to 10^15: 1000T at the most)."""
    for size, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k")):
        if value >= size:
            shown = f"{value / size:.1f}".removesuffix(".0")
            return shown + suffix
    return f"{value:,.1f}".removesuffix(".0")


def _ceiling(value: float) -> float:
    """The top of an axis: 1, 2 or 5 times a power of ten, at or above value."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        if value <= step * power:
            return float(step * power)
    return float(10 * power)


def month_chart(chart: MonthChart) -> Markup:
    """A line a series, month by month, drawn at the width of a phone (340 units: on a 390 px
    screen its words stay at their size); the values of the last month written at its end. The
    table beside it in the page holds every figure."""
    width, height, left, right, top, bottom = 340, 190, 40, 12, 14, 30
    plot_w, plot_h = width - left - right, height - top - bottom
    count = len(chart.months)
    highest = _ceiling(max((v for s in chart.series for v in s.values), default=0))

    def x(i: int) -> float:
        return left + (plot_w * i / (count - 1) if count > 1 else plot_w / 2)

    def y(value: float) -> float:
        return top + plot_h - plot_h * value / highest

    body = []
    # all zero: one line at 0, not an axis up to a made-up 1
    for fraction in (0, 0.5, 1) if any(v for s in chart.series for v in s.values) else (0,):
        level = highest * fraction
        at = y(level)
        body.append(
            f'<line class="grid" x1="{left}" y1="{at:.1f}" x2="{width - right}" y2="{at:.1f}"/>'
            f'<text class="axis" x="{left - 5}" y="{at + 4:.1f}" text-anchor="end">{_compact(level)}</text>'
        )
    shown = sorted({0, count - 1, (count - 1) // 2}) if count > 2 else list(range(count))
    for i in shown:
        anchor = "start" if i == 0 and count > 1 else "end" if i == count - 1 and count > 1 else "middle"
        body.append(
            f'<text class="axis" x="{x(i):.1f}" y="{height - 10}" text-anchor="{anchor}">'
            f"{escape(chart.months[i])}</text>"
        )
    said = []
    for series in chart.series:
        points = " ".join(f"{x(i):.1f},{y(v):.1f}" for i, v in enumerate(series.values))
        body.append(f'<polyline class="line line-{escape(series.css)}" points="{points}"/>')
        last = len(series.values) - 1
        body.append(
            f'<circle class="dot line-{escape(series.css)}" cx="{x(last):.1f}" '
            f'cy="{y(series.values[last]):.1f}" r="3"/>'
        )
        said.append(
            f"{series.label}: "
            + ", ".join(f"{m} {v:,.0f}" for m, v in zip(chart.months, series.values, strict=True))
        )
    return _svg(chart.id, width, height, chart.title, "; ".join(said), body)


CHARTS = {
    "status_bar": status_bar,
    "money_bar": money_bar,
    "risk_matrix": risk_matrix,
    "month_chart": month_chart,
}
