"""Inline SVG charts for the HTML reports: no script, no network, a text alternative for each.

Colours are CSS classes (fill-*) styled by report.css, so a chart and the table beside it
share one legend. Every number printed is fixed-point, so the same plan draws the same bytes.
"""

from __future__ import annotations

from html import escape

from markupsafe import Markup

from sip.output.render.context import Count, MoneyLine, RiskMap

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
    """Remedy money paid against money committed, in one currency."""
    width, height = 600, 28
    share = min(1.0, line.paid / line.committed) if line.committed else 0.0
    description = f"{line.paid:,.2f} of {line.committed:,.2f} {line.currency} paid ({line.paid_percent} %)"
    body = [
        f'<rect class="fill-committed" x="0" y="0" width="{width}" height="{height}" rx="4"/>',
        f'<rect class="fill-paid" x="0" y="0" width="{width * share:.1f}" height="{height}" rx="4"/>',
        f'<text class="on-light" x="{width - 8}" y="19" text-anchor="end">{line.paid_percent} % paid</text>',
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


CHARTS = {"status_bar": status_bar, "money_bar": money_bar, "risk_matrix": risk_matrix}
