"""Counts of workers are bounded as amounts are: what a plan can say and every total, ratio and
chart made of it stay exact (docs/plan-format.md, "Decisions sip made")."""

from __future__ import annotations

import json

import yaml

from tests.conftest import DATA

COMPLETE = DATA / "frameworks" / "complete.yaml"


def test_a_count_of_workers_past_any_workforce_is_refused(sip, write):
    """A head count of 10^20 was accepted: SIP410 then printed float noise as an amount
    ("USD 110,000,000,000,000,008,392,..."), the portfolio's chart axis read
    "99999999999999997748809823456034029568B" and JSON totals lost digits past 2^53."""
    data = yaml.safe_load(COMPLETE.read_text(encoding="utf-8"))
    data["findings"][0]["workers_affected"] = 10**20
    data["responses"][0]["verification"]["workers_interviewed"] = 1_000_000_000
    path = write("plan.yaml", yaml.safe_dump(data, sort_keys=False))
    out = sip("validate", "--as-of", "2026-08-10", "--format", "json", path)
    assert out.exit_code == 1
    (found,) = json.loads(out.stdout)["diagnostics"]
    assert (found["code"], found["path"]) == ("SIP102", "findings[0].workers_affected")
    assert found["message"] == "workers affected must be at most 1,000,000,000, found 100000000000000000000"
