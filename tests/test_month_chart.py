"""The month-by-month chart's axis, at the edges of what a plan may hold (amounts up to 10^15)."""

from __future__ import annotations

import re

import pytest

from sip.output.render.charts import month_chart
from sip.output.render.index_context import MonthChart, Series


def axis_labels(values: list[float]) -> list[str]:
    chart = MonthChart("c", "Paid", "USD", ["2026-05", "2026-06"], [Series("Paid", "paid", values)])
    return re.findall(r'<text class="axis" x="35" [^>]*>([^<]*)</text>', str(month_chart(chart)))


@pytest.mark.parametrize(
    ("values", "labels"),
    [
        ([0.0, 0.0], ["0"]),  # all zero: one line at 0, no made-up scale
        ([0.0, 750.0], ["0", "500", "1k"]),
        ([0.0, 3_400_000.0], ["0", "2.5M", "5M"]),
        ([0.0, 4e9], ["0", "2.5B", "5B"]),
        ([0.0, 1e15], ["0", "500T", "1000T"]),  # the largest amount a plan may hold
    ],
)
def test_the_axis_reads_at_every_scale(values, labels):
    assert axis_labels(values) == labels
