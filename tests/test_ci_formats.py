"""The CI formats of `sip validate`: GitHub annotations, SARIF, JUnit, GitLab code quality;
several reports in one run; what fails the run."""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET

import jsonschema
import pytest

from sip.check.run import Run
from sip.diagnostic import ERROR, WAIVED, WARNING, Diagnostic
from sip.output.formats import Style, writer
from sip.rules import REGISTRY
from tests.conftest import AS_OF, DATA, ROOT
from tests.goldens import assert_golden, formats_of

MINIMAL = (DATA / "minimal.yaml").read_text(encoding="utf-8")
BROKEN = MINIMAL.replace("severity: major", "severity: severe")
SARIF_SCHEMA = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
FOLDERS = {"examples": "examples", "invalid": "examples/invalid"}


@pytest.fixture
def at_root(monkeypatch):
    """Run from the project's top folder, so reports name files as a repository does."""
    monkeypatch.chdir(ROOT)


@pytest.mark.parametrize("format,suffix", formats_of("validate"))
@pytest.mark.parametrize("name", FOLDERS)
def test_golden_outputs_on_the_examples(sip, at_root, name, format, suffix):
    out = sip("validate", "--as-of", AS_OF, "--format", format, FOLDERS[name])
    assert out.exit_code in (0, 1)
    assert_golden(f"validate/{name}.{format}.{suffix}", out.stdout)


@pytest.mark.parametrize("name", FOLDERS)
def test_sarif_is_valid_sarif_2_1_0(sip, at_root, name):
    document = json.loads(sip("validate", "--as-of", AS_OF, "-f", "sarif", FOLDERS[name]).stdout)
    jsonschema.validate(document, SARIF_SCHEMA)
    driver = document["runs"][0]["tool"]["driver"]
    assert [rule["id"] for rule in driver["rules"]] == [rule.CODE for rule in REGISTRY]
    for result in document["runs"][0]["results"]:
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
        uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        assert uri.startswith(FOLDERS[name] + "/")  # relative to the repository


def test_sarif_rule_help_is_the_rule_documentation(sip, at_root):
    document = json.loads(sip("validate", "-f", "sarif", DATA / "minimal.yaml").stdout)
    rules = {r["id"]: r for r in document["runs"][0]["tool"]["driver"]["rules"]}
    help_text = rules["SIP102"]["help"]["text"]
    assert help_text.startswith("A field has the wrong type")
    assert "Fails:" in help_text and "Passes:" in help_text
    assert rules["SIP102"]["defaultConfiguration"]["level"] == "error"


def test_sarif_fingerprint_follows_the_item_not_the_line(sip, write, at_root):
    def fingerprint(text: str) -> tuple[int, str]:
        plan = write("plan.yaml", text)
        result = json.loads(sip("validate", "-f", "sarif", plan).stdout)["runs"][0]["results"][0]
        line = result["locations"][0]["physicalLocation"]["region"]["startLine"]
        return line, result["partialFingerprints"]["sipItem/v1"]

    line, before = fingerprint(BROKEN)
    new_finding = ("findings:\n  - id: F-0\n    title: Wages paid late\n    severity: minor\n"
                   "    source: S-1\n    identified: 2026-06-28\n")
    moved_line, after = fingerprint(BROKEN.replace("findings:\n", new_finding))
    assert moved_line == line + 5
    assert after == before
    other_line, other = fingerprint(BROKEN.replace("id: F-1", "id: F-9"))
    assert other_line == line and other != before  # another finding is another alert


def _run_with_every_severity() -> Run:
    found = [
        Diagnostic("plans/a,b:c.yaml", 3, 5, "SIP102", ERROR, "100% wrong\nsecond line", "title"),
        Diagnostic("plans/a,b:c.yaml", 9, 1, "SIP504", WARNING, "A-1 is overdue", "responses[0].due"),
        Diagnostic("plans/a,b:c.yaml", 12, 1, "SIP301", WAIVED, "F-2 has no response", "findings[1]",
                   "agreed with the workers' representatives"),
    ]
    return Run(["plans/a,b:c.yaml", "plans/clean.yaml"], [], found)


def _render(format: str, run: Run) -> str:
    stream = io.StringIO()
    writer("validate", format)(run, stream, Style())
    return stream.getvalue()


def test_github_annotations_escape_as_github_requires():
    lines = _render("github", _run_with_every_severity()).splitlines()
    assert lines[0] == ("::error file=plans/a%2Cb%3Ac.yaml,line=3,col=5,title=SIP102::"
                        "100%25 wrong%0Asecond line")
    assert lines[1] == "::warning file=plans/a%2Cb%3Ac.yaml,line=9,col=1,title=SIP504::A-1 is overdue"
    assert len(lines) == 3  # the waived diagnostic is not annotated; the summary line ends it
    assert lines[2].startswith("2 files checked: 1 error, 1 warning (1 waived)")


def test_waived_diagnostics_are_sarif_suppressions_with_the_reason():
    document = json.loads(_render("sarif", _run_with_every_severity()))
    jsonschema.validate(document, SARIF_SCHEMA)
    results = document["runs"][0]["results"]
    assert [r["level"] for r in results] == ["error", "warning", "error"]  # a waived SIP301 keeps its level
    assert "suppressions" not in results[0]
    assert results[2]["suppressions"] == [{"kind": "inSource", "status": "accepted",
                                           "justification": "agreed with the workers' representatives"}]
    assert results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "plans/a%2Cb%3Ac.yaml"


def test_junit_counts_plans_and_lists_each_error():
    root = ET.fromstring(_render("junit", _run_with_every_severity()))
    suite = root.find("testsuite")
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("2", "1", "0")
    cases = suite.findall("testcase")
    assert [c.get("name") for c in cases] == ["plans/a,b:c.yaml", "plans/clean.yaml"]
    failures = cases[0].findall("failure")
    assert [f.get("type") for f in failures] == ["SIP102"]
    out = cases[0].find("system-out").text
    assert "SIP504 warning A-1 is overdue" in out
    assert "SIP301 waived (agreed with the workers' representatives)" in out
    assert cases[1].find("failure") is None


def test_junit_of_the_invalid_examples_parses_with_the_right_counts(sip, at_root):
    out = sip("validate", "--as-of", AS_OF, "-f", "junit", "examples/invalid")
    document = json.loads(sip("validate", "--as-of", AS_OF, "-f", "json", "examples/invalid").stdout)
    suite = ET.fromstring(out.stdout).find("testsuite")
    failing_files = {d["file"] for d in document["diagnostics"] if d["severity"] == "error"}
    assert int(suite.get("tests")) == document["files"] == len(suite.findall("testcase"))
    assert int(suite.get("failures")) == len(failing_files)
    assert len(suite.findall("testcase/failure")) == document["errors"]


def test_junit_survives_characters_xml_cannot_carry(sip, write):
    plan = write("plan.yaml", BROKEN.replace("title: Overtime", 'title: "\\x07Overtime"')
                 .replace("severity: severe", "severity: \"\\x01\""))
    root = ET.fromstring(sip("validate", "-f", "junit", plan).stdout)
    assert root.find("testsuite/testcase/failure") is not None


def test_github_format_is_the_default_in_github_actions(sip, write, monkeypatch, tmp_path):
    plan = write("plan.yaml", BROKEN)
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n")
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    out = sip("validate", plan)
    assert out.stdout.startswith(f"::error file={plan},line=20,col=15,title=SIP102::")
    assert out.exit_code == 1
    text = summary.read_text()
    assert text.startswith("earlier step\n## sip validate\n")  # appended, not replaced
    assert f"| `{plan}:20:15` | SIP102 | error | 'severe' is not a severity" in text
    assert sip("validate", "--format", "text", plan).stdout.startswith(f"{plan}:20:15: SIP102")


def test_output_writes_several_formats_in_one_run(sip, write, tmp_path):
    plan = write("plans/plan.yaml", BROKEN)
    stale = write("reports/sip.sarif", "an older report")
    out = sip("validate", "--output", f"sarif={stale}", "-o", f"junit={tmp_path}/reports/junit.xml",
              "-o", f"json={tmp_path}/new/sip.json", plan)
    assert out.exit_code == 1
    assert out.stdout.startswith(f"{plan}:20:15: SIP102")  # standard output keeps --format
    jsonschema.validate(json.loads(stale.read_text()), SARIF_SCHEMA)
    assert ET.parse(tmp_path / "reports/junit.xml").getroot().tag == "testsuites"
    assert json.loads((tmp_path / "new/sip.json").read_text())["errors"] == 1


@pytest.mark.parametrize("value,reason", [
    ("sarif", "write it as FORMAT=PATH"),
    ("xml=out.xml", "'xml' is not a format"),
    ("sarif=PLAN", "is a plan this run checks"),
])
def test_bad_output_exits_2_before_checking(sip, write, value, reason):
    plan = write("plan.yaml", BROKEN)
    out = sip("validate", "--output", value.replace("PLAN", str(plan)), plan)
    assert out.exit_code == 2
    assert out.stdout == ""
    assert reason in out.stderr
    assert plan.read_text() == BROKEN


def test_fail_on_decides_the_exit_status(sip, write):
    plan = write("plan.yaml", BROKEN)
    assert sip("validate", "--fail-on", "never", plan).exit_code == 0
    assert sip("validate", "--fail-on", "error", plan).exit_code == 1
    assert sip("validate", "--fail-on", "warning", plan).exit_code == 1
    clean = write("clean.yaml", MINIMAL)
    assert sip("validate", "--as-of", AS_OF, "--fail-on", "warning", clean).exit_code == 0
    conflict = sip("validate", "--strict", "--fail-on", "never", plan)
    assert conflict.exit_code == 2 and "--strict means --fail-on warning" in conflict.stderr
    assert sip("validate", "--fail-on", "sometimes", plan).exit_code == 2


@pytest.mark.skipif("SIP504" not in {r.CODE for r in REGISTRY}, reason="SIP504 arrives with the rules")
def test_fail_on_warning_fails_a_plan_with_only_warnings(sip, write):
    overdue = write("plan.yaml", MINIMAL.replace("due: 2026-09-15", "due: 2026-08-01"))
    assert sip("validate", "--as-of", AS_OF, overdue).exit_code == 0
    assert sip("validate", "--as-of", AS_OF, "--fail-on", "warning", overdue).exit_code == 1
    assert sip("validate", "--as-of", AS_OF, "--strict", overdue).exit_code == 1
