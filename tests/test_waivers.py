"""Waivers as a user sees them: the JSON record, the text summary, the exit status."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import AS_OF
from tests.test_rule_cases import CASES, only

WAIVED = CASES / "SIP601-waived.yaml"
ONE_ITEM = CASES / "waiver-ids-one-item.yaml"
# The rule cases run with their own rules (tests/test_rule_cases.py): so do these, so that a new
# rule does not change what they count.
RULES = only(["SIP204", "SIP506", "SIP601"])


def test_waived_diagnostics_keep_their_message_and_carry_the_reason_in_json(sip):
    outcome = sip("validate", "--as-of", AS_OF, *RULES, "--format", "json", WAIVED)
    document = json.loads(outcome.stdout)
    assert (document["errors"], document["warnings"]) == (0, 0)
    assert len(document["diagnostics"]) == 4
    first = document["diagnostics"][0]
    assert first == {
        "file": str(WAIVED),
        "line": first["line"],
        "column": first["column"],
        "code": "SIP601",
        "severity": "waived",
        "path": "findings[0].description",
        "message": first["message"],
        "reason": "Internal copy for the case worker; the public report is rendered masked",
    }
    assert "passport or ID number" in first["message"]


def test_the_text_summary_counts_waived_diagnostics_and_does_not_show_them(sip):
    outcome = sip("validate", "--as-of", AS_OF, *RULES, ONE_ITEM)
    lines = outcome.stdout.splitlines()
    assert lines[-1] == "1 file checked: 0 errors, 1 warning (1 waived)"
    shown = [line for line in lines if line.startswith(f"{ONE_ITEM}:")]  # each with its source line and caret
    assert len(shown) == 1 and "A-2" in shown[0] and "SIP506 warning" in shown[0]


def test_waived_diagnostics_do_not_fail_a_strict_run(sip):
    assert sip("validate", "--as-of", AS_OF, *RULES, "--strict", WAIVED).exit_code == 0
    assert sip("validate", "--as-of", AS_OF, *RULES, "--strict", ONE_ITEM).exit_code == 1


def test_a_waiver_lapses_after_its_until(sip):
    """SIP601-waived has until: 2026-09-30: on 2026-10-01 its warnings are back, and SIP204."""
    outcome = sip("validate", "--as-of", "2026-10-01", *RULES, "--format", "json", WAIVED)
    codes = [(d["code"], d["severity"]) for d in json.loads(outcome.stdout)["diagnostics"]]
    assert codes.count(("SIP601", "warning")) == 4
    assert ("SIP204", "warning") in codes and not any(s == "waived" for _, s in codes)


def test_sip204_cannot_be_waived(sip, write):
    plan = write("plan.yaml", WAIVED.read_text("utf-8").replace("rule: SIP601", "rule: SIP204"))
    outcome = sip("validate", "--as-of", AS_OF, "--format", "json", plan)
    [diagnostic] = json.loads(outcome.stdout)["diagnostics"]
    assert (diagnostic["code"], diagnostic["path"]) == ("SIP102", "waivers[0].rule")
    assert outcome.exit_code == 1


def test_sip203_waivers_work_across_worker_processes(sip, tmp_path):
    """Enough files for the worker pool: each plan's waivers travel back with its result."""
    from sip.check.parallel import MIN_FILES_FOR_WORKERS

    plan = (CASES / "SIP203-waived" / "a.yaml").read_text("utf-8")
    waived = (CASES / "SIP203-waived" / "b.yaml").read_text("utf-8")
    count = MIN_FILES_FOR_WORKERS + 2
    for number in range(count):
        (tmp_path / f"plan-{number:02d}.yaml").write_text(waived if number % 2 else plan)
    outcome = sip("validate", "--as-of", AS_OF, *only(["SIP203"]), "--format", "json", tmp_path)
    document = json.loads(outcome.stdout)
    found = [(Path(d["file"]).name, d["code"], d["severity"]) for d in document["diagnostics"]]
    expected = [(f"plan-{n:02d}.yaml", "SIP203", "waived" if n % 2 else "error") for n in range(1, count)]
    assert found == expected
    assert outcome.exit_code == 1
