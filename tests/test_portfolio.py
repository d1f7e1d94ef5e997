"""A brand's plans as one portfolio (issue 19, item 3): the site's index opens with totals across
plans and tables by country and by supplier, and `sip status --format json` carries the same
totals; per plan, `sip status` shows the coverage of its forced-labour findings (format 1.2)."""

from __future__ import annotations

import csv
import io
import json

from tests.conftest import AS_OF, DATA, EXAMPLES

PLANS = sorted(p for p in EXAMPLES.glob("*.yaml"))


def index(sip, tmp_path, *options: str) -> str:
    out = sip(
        "render", "--as-of", AS_OF, "-f", "md", "--no-history", *options, "--out", tmp_path / "site", *PLANS
    )
    assert out.exit_code == 0, out.stderr
    return (tmp_path / "site" / "README.md").read_text("utf-8")


def test_the_index_opens_with_the_portfolio(sip, tmp_path):
    """Before: the index listed plans, but not the money, the workers reached, what is late across
    the portfolio, or which plans were verified and closed."""
    text = index(sip, tmp_path)
    assert (
        text.index("## The portfolio")
        < text.index("## By country")
        < text.index("## By supplier")
        < text.index("## Plans")
    )
    assert (
        "- Plans: 3 active, 1 monitoring, 1 closed; 1 with every protection and remedy verified with the workers"
        in text
    )
    assert (
        "- Findings: 4 substantiated, 4 suspected, 5 indicators only "
        "(**8** of forced labour established or suspected)"
    ) in text
    assert (
        "- Workers: 2,160 affected; money remedies cover 1,680 of the 1,680 affected by the findings they address, "
        "and have reached 1,440 (not recorded in 1 plan)"
    ) in text
    assert (
        "- Late as of 2026-08-10: **2** (2 open responses planned past their deadline)\n- Open actions: 21\n"
        in text
    )
    # money by currency and by payer, with what is not recorded said
    assert "| THB | not given | 480,000 | 95,000 | 19.8 % |" in text
    assert "| USD | Shared | 1,520,000 | 1,520,000 | 100 % |" in text
    # by country, by supplier
    assert "| Malaysia | 2 | 3 | 1,332 | 852 of 852 | 612 (not recorded in 1 plan) | 12 | 1 |" in text
    assert (
        "| Example Gloves Sdn Bhd, Factory 3 | 1 | 1 | 212 | 212 of 212 | 0 (not recorded in 1 plan) | 4 | 1 |"
        in text
    )


def test_status_json_carries_the_same_totals(sip, tmp_path):
    out = sip("status", "--as-of", AS_OF, "--format", "json", *PLANS)
    document = json.loads(out.stdout)
    portfolio = document["portfolio"]
    assert portfolio["plans"] == 5 and portfolio["closed"] == 1 and portfolio["verified_with_workers"] == 1
    assert portfolio["findings_by_determination"] == {
        "substantiated": 4,
        "suspected": 4,
        "indicators-only": 5,
        "not-substantiated": 0,
        "none": 0,
    }
    assert portfolio["workers"] == {
        "affected": 2160,
        "affected_not_recorded_in": 0,
        "affected_by_findings_money_remedies_address": 1680,
        "covered": 1680,
        "covered_not_recorded_in": 0,
        "reached": 1440,
        "reached_not_recorded_in": 1,
    }
    assert portfolio["late"] == {
        "overdue_actions": 0,
        "overdue_instalments": 0,
        "planned_past_deadline": 2,
        "total": 2,
    }
    assert {
        "currency": "THB",
        "payer": None,
        "committed": 480000.0,
        "paid": 95000.0,
        "payment_not_reported": 0.0,
    } in (portfolio["money"])
    assert [(c["key"], c["plans"]) for c in portfolio["by_country"]] == [
        ("IN", 1),
        ("MU", 1),
        ("MY", 2),
        ("TH", 1),
    ]
    assert len(portfolio["by_supplier"]) == 5
    # the index says the same
    text = index(sip, tmp_path)
    assert f"**{portfolio['forced_labour_findings']}** of forced labour" in text


def test_status_shows_the_coverage_of_forced_labour_findings(sip, write):
    plan = (
        (DATA / "minimal.yaml")
        .read_text("utf-8")
        .replace(
            "    severity: major\n",
            "    severity: critical\n    workers_affected: 420\n    former_workers: 120\n",
            1,
        )
    )
    plan = plan.replace(
        "responses:\n",
        "responses:\n  - {id: A-2, kind: remedy, remedy: reimbursement, addresses: [F-1], action: Repay,"
        " owner: HR, due: 2026-09-15, status: in-progress, workers_covered: 300, former_workers: 0}\n",
        1,
    )
    path = write("plan.yaml", plan)
    document = json.loads(sip("status", "--as-of", AS_OF, "--format", "json", path).stdout)
    assert document["plans"][0]["forced_labour_coverage"] == [
        {
            "finding": "F-1",
            "workers_affected": 420,
            "workers_covered": 300,
            "covered_is_a_floor": False,
            "money_remedies": True,
            "former_workers_affected": 120,
            "former_workers_covered": 0,
            "workers_reached": None,  # in progress and not recorded: unknown, not 0
        }
    ]
    text = sip("status", "--as-of", AS_OF, path).stdout
    assert "Forced labour:" in text and "300 / 420" in text
    rows = list(csv.DictReader(io.StringIO(sip("status", "--as-of", AS_OF, "--format", "csv", path).stdout)))
    assert rows[0]["forced_labour_covered_of_affected"] == "300 / 420"


def test_the_public_index_counts_only_what_the_public_sees(sip, write, tmp_path):
    text = (DATA / "format11-report.yaml").read_text("utf-8")
    out = sip(
        "render",
        "--as-of",
        AS_OF,
        "-f",
        "md",
        "--audience",
        "public",
        "--out",
        tmp_path / "site",
        DATA / "format11-report.yaml",
        DATA / "minimal.yaml",
    )
    assert out.exit_code == 0, out.stderr
    index_text = (tmp_path / "site" / "README.md").read_text("utf-8")
    assert "SUP-SECRET-77" not in index_text  # the supplier is grouped by its site, not its id
    assert "- Findings: 1 substantiated, 1 indicators only, 1 not about forced labour" in index_text
    assert "confidential" in text  # the plan has a confidential finding, not counted above
