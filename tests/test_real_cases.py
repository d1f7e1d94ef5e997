"""Published remediation cases written as plans (tests/data/cases): sip says what an experienced
remediation auditor says about each, and nothing else.

Each plan's leading comments cite its public sources, give the auditor's view in words, and list
it as data:

    # expect: SIP404 service_providers        one line per diagnostic: code and path
    # expect: SIP506 responses[1].due waived  a diagnostic the plan's own waiver silences
    # as-of: 2023-02-03                        the day the case is judged on

Where sip and the auditor disagree, the rule is what changes, not the expectation.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from sip.rules import SEVERITIES
from tests.conftest import DATA

CASES = sorted((DATA / "cases").glob("*.yaml"))
_HEADER = re.compile(r"#\s*(expect|as-of):\s*(.*?)\s*\Z")


def header(case: Path) -> tuple[str, list[tuple[str, str, bool]]]:
    as_of, expected = "", []
    for line in case.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        match = _HEADER.match(line)
        if match and match[1] == "as-of":
            as_of = match[2]
        elif match:
            code, path, *rest = match[2].split()
            expected.append((code, path, rest == ["waived"]))
    return as_of, sorted(expected)


def test_there_are_the_three_cases_of_the_issue_and_one_more():
    assert len(CASES) >= 4


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_sip_judges_the_case_as_an_auditor_does(sip, case):
    as_of, expected = header(case)
    assert as_of and expected, f"{case.name}: no '# as-of:' or '# expect:' lines"
    outcome = sip("validate", "--as-of", as_of, "--format", "json", case)
    diagnostics = json.loads(outcome.stdout)["diagnostics"]
    found = sorted((d["code"], d["path"], d["severity"] == "waived") for d in diagnostics)
    assert found == expected, "\n".join(f"{d['code']} {d['path']}: {d['message']}" for d in diagnostics)
    errors = any(SEVERITIES[code] == "error" and not waived for code, _, waived in expected)
    assert outcome.exit_code == (1 if errors else 0)


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_no_case_is_told_what_the_auditor_called_wrong(sip, case):
    """The walls the issue names: a contingency demanded of finished work, a repayment called
    "no remedy", a single indicator treated as forced labour, a law firm accepted as a victim
    service provider."""
    as_of, _ = header(case)
    outcome = sip("validate", "--as-of", as_of, "--format", "json", case)
    diagnostics = json.loads(outcome.stdout)["diagnostics"]
    assert not [d for d in diagnostics if d["code"] == "SIP306"]
    assert not [d for d in diagnostics if "no remedy" in d["message"]]
    assert not [
        d for d in diagnostics if d["code"] in ("SIP401", "SIP402") and d["path"] != "findings[0]"
    ]  # the one-indicator findings are not forced labour
