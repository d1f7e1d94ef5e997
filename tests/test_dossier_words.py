"""The evidence dossier read as the authority that receives it and the lawyer who sends it would:
every line says what the plan shows and no more (docs/frameworks-pages.md, "What a dossier says")."""

from __future__ import annotations

import yaml

from tests.conftest import DATA, EXAMPLES

AS_OF = "2026-08-10"
COMPLETE = DATA / "frameworks" / "complete.yaml"
PALM_OIL = DATA / "cases" / "palm-oil-group-malaysia.yaml"


def _dossier(sip, path, as_of=AS_OF):
    out = sip("render", "--as-of", as_of, "--force", "-f", "md", "--dossier", "cbp", path)
    assert out.exit_code == 0, out.stderr
    return out.stdout


def _row(page: str, indicator: str) -> str:
    return next(line for line in page.splitlines() if line.startswith(f"| [{indicator}]"))


def _plan_with(write, **changes):
    data = yaml.safe_load(COMPLETE.read_text(encoding="utf-8"))
    data.update(changes)
    return write("plan.yaml", yaml.safe_dump(data, sort_keys=False)), data


def test_an_indicator_is_not_remedied_while_one_of_its_remedies_is_open(sip, write):
    """One repayment verified unannounced by an independent verifier does not remedy debt bondage
    while the former workers' repayment is still being paid: the indicator stands where its least
    advanced remedy stands, and the open one is named."""
    data = yaml.safe_load(COMPLETE.read_text(encoding="utf-8"))
    data["responses"].append(
        {
            "id": "A-4",
            "kind": "remedy",
            "remedy": "reimbursement",
            "addresses": ["F-1"],
            "indicators": ["debt-bondage"],
            "action": "Repay the former workers through an NGO in Nepal",
            "owner": "Supplier Managing Director",
            "due": "2026-10-31",
            "status": "in-progress",
        }
    )
    path = write("plan.yaml", yaml.safe_dump(data, sort_keys=False))
    page = _dossier(sip, path)
    row = _row(page, "Debt bondage")
    assert "Remedied" not in row
    assert row.endswith("| Addressed, partly verified: a remedy is not verified yet |")
    assert "- A-4 is in-progress, not verified." in page
    # all verified, one of them announced: verified, "not every remedy" unannounced
    data["responses"][-1].update(
        status="verified",
        completed="2026-08-01",
        verification={
            "method": "Visit",
            "evidence": "Report",
            "date": "2026-08-05",
            "by": "P-1",
            "independent": True,
            "announced": True,
        },
    )
    path = write("plan.yaml", yaml.safe_dump(data, sort_keys=False))
    row = _row(_dossier(sip, path), "Debt bondage")
    assert row.endswith("| Verified, but not every remedy by an unannounced, independent verifier |")


def test_the_import_ban_case_is_partly_verified_for_debt_bondage(sip):
    """The real case: current workers repaid and verified, the former workers' fund still paying
    out (A-2 in progress). Before, the dossier read "Verified" for debt bondage."""
    page = _dossier(sip, PALM_OIL, "2023-02-03")
    assert _row(page, "Debt bondage").endswith("| Addressed, partly verified: a remedy is not verified yet |")
    assert "- A-1 is not recorded as unannounced.\n- A-2 is in-progress, not verified." in page


def test_the_dossier_counts_workers_covered_as_the_report_does(sip):
    """Two money remedies of different types (a repayment and back pay) cover the same 370 workers:
    the dossier read "Workers covered: 740" of 520 affected. It now says the summary's sentence:
    against the workers affected, and what is not recorded."""
    page = _dossier(sip, EXAMPLES / "invalid" / "hollow.yaml")
    assert "Workers covered: 740" not in page
    assert (
        "- Coverage: for F-1, money remedies cover 370 of 520 affected workers (71.2 %), none of its 150 "
        "former workers; 340 reached so far (65.4 % of the affected); workers reached not reported for A-3.\n"
    ) in page


def test_the_dossier_says_whose_workers_reached_are_not_reported(sip):
    """The former workers' fund reports no workers reached: "reached so far: 15,078" hid it."""
    page = _dossier(sip, PALM_OIL, "2023-02-03")
    assert "reached so far: 15,078\n" not in page
    assert "15,078 reached so far (43.5 % of the affected); workers reached not reported for A-2." in page
