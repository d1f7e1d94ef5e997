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
import yaml

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


# -- a case's evidence dossier (format 1.3) ---------------------------------------------------------

_DOSSIER = re.compile(r"#\s*(dossier|dossier-indicator|dossier-money):\s*(.*?)\s*\Z")
WITH_DOSSIER = [
    case
    for case in CASES
    if any(_DOSSIER.match(line) for line in case.read_text(encoding="utf-8").splitlines())
]


def _dossier_header(case: Path) -> tuple[str, dict[str, str], list[str]]:
    framework, indicators, money = "", {}, []
    for line in case.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        match = _DOSSIER.match(line)
        if match and match[1] == "dossier":
            framework = match[2]
        elif match and match[1] == "dossier-indicator":
            indicator, status = match[2].split()
            indicators[indicator] = status
        elif match:
            money.append(match[2])
    return framework, indicators, money


def test_the_import_ban_case_has_its_dossier_judged():
    assert [c.name for c in WITH_DOSSIER] == ["palm-oil-group-malaysia.yaml"]


@pytest.mark.parametrize("case", WITH_DOSSIER, ids=lambda p: p.stem)
def test_the_dossier_says_what_the_auditor_says_and_nothing_private(sip, case):
    """The case's `# dossier-indicator:` lines: where each ILO indicator stands; `# dossier-money:`
    the money line; and none of the plan's private text (evidence, source references, the names of
    firms that pay workers) leaves in it."""
    as_of, _ = header(case)
    framework, indicators, money = _dossier_header(case)
    out = sip("render", "--as-of", as_of, "--force", "-f", "md", "--dossier", framework, case)
    assert out.exit_code == 0, out.stderr
    page = out.stdout
    table = re.findall(r"^\| \[[^\]]+\]\(#([a-z-]+)\) \| [^|]* \| [^|]* \| ([^|]+) \|$", page, re.MULTILINE)
    words = {
        "open": "Addressed, ",
        "verified": "Verified, but not by an unannounced",
        "proven": "Remedied, verified unannounced",
        "not-addressed": "Not addressed",
    }
    assert {i: s.strip() for i, s in table}.keys() == indicators.keys()
    for indicator, status in table:
        assert status.startswith(words[indicators[indicator]]), (indicator, status)
    for line in money:
        assert line in page
    plan = yaml.safe_load(case.read_text(encoding="utf-8"))
    private = [plan["findings"][0].get("evidence"), *(s["reference"] for s in plan["sources"])]
    private += [r["verification"]["evidence"] for r in plan["responses"] if r.get("verification")]
    private += [p["name"] for p in plan.get("parties", []) if p["kind"] in ("law-firm", "labour-agent")]
    assert [text for text in private if text and text in page] == []
