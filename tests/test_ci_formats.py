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
    text = only_rules_referenced(out.stdout) if format == "sarif" else out.stdout
    assert_golden(f"validate/{name}.{format}.{suffix}", text)


def only_rules_referenced(sarif: str) -> str:
    """The SARIF document with `tool.driver.rules` cut to the rules its results reference (and
    each ruleIndex pointed into that list): the golden file then changes with what the examples
    say, not with every rule added to sip. The full list is held to the registry by
    test_sarif_is_valid_sarif_2_1_0."""
    document = json.loads(sarif)
    run = document["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    used = sorted({result["ruleIndex"] for result in run["results"]})
    run["tool"]["driver"]["rules"] = [rules[index] for index in used]
    for result in run["results"]:
        result["ruleIndex"] = used.index(result["ruleIndex"])
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


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


def _sarif_result(sip, plan) -> dict:
    document = json.loads(sip("validate", "--as-of", AS_OF, "-f", "sarif", plan).stdout)
    jsonschema.validate(document, SARIF_SCHEMA)
    [result] = document["runs"][0]["results"]
    return result


def _line_and_hash(result: dict) -> tuple[int, str]:
    line = result["locations"][0]["physicalLocation"]["region"]["startLine"]
    return line, result["partialFingerprints"]["primaryLocationLineHash"]


def test_sarif_fingerprint_follows_the_item_not_the_line(sip, write, at_root):
    def fingerprint(text: str) -> tuple[int, str]:
        return _line_and_hash(_sarif_result(sip, write("plan.yaml", text)))

    line, before = fingerprint(BROKEN)
    new_finding = (
        "findings:\n  - id: F-0\n    title: Wages paid late\n    severity: minor\n"
        "    source: S-1\n    identified: 2026-06-28\n"
    )
    moved_line, after = fingerprint(BROKEN.replace("findings:\n", new_finding))
    assert moved_line == line + 5
    assert after == before
    other_line, other = fingerprint(BROKEN.replace("id: F-1", "id: F-9"))
    assert other_line == line and other != before  # another finding is another alert


def test_sarif_fingerprint_survives_a_reworded_line_and_a_renamed_file(sip, write, at_root):
    """GitHub hashes the line's text when primaryLocationLineHash is missing: rewording the
    title a warning is about would open a new alert and lose the old one's history."""
    title = "    title: Overtime above the legal limit in peak season"
    first = _sarif_result(
        sip,
        write("plan.yaml", MINIMAL.replace(title, "    title: Overtime reported by jane.doe@example.com")),
    )
    reworded = _sarif_result(
        sip,
        write(
            "plan.yaml",
            MINIMAL.replace(title, "    title: Excess overtime, as jane.doe@example.com reported it"),
        ),
    )
    assert first["ruleId"] == reworded["ruleId"] == "SIP601"
    assert first["message"] != reworded["message"]  # the message quotes the title
    assert _line_and_hash(first) == _line_and_hash(reworded)
    other_item = _sarif_result(
        sip,
        write(
            "plan.yaml",
            MINIMAL.replace(
                "    action: Cap weekly hours and record them electronically",
                "    action: Ask jane.doe@example.com to cap weekly hours",
            ),
        ),
    )
    assert other_item["ruleId"] == "SIP601"
    assert _line_and_hash(other_item)[1] != _line_and_hash(first)[1]


def test_sarif_regions_end_where_the_token_ends_and_rules_link_their_docs(sip, write, at_root):
    plan = write(
        "plan.yaml",
        BROKEN.replace("  name: Example Textiles, Unit 2", "  name: Example Textiles, Unit 2\n  nmae: typo"),
    )
    document = json.loads(sip("validate", "-f", "sarif", plan).stdout)
    jsonschema.validate(document, SARIF_SCHEMA)
    driver = document["runs"][0]["tool"]["driver"]
    assert driver["informationUri"] == "https://github.com/sip-remediation/sip"
    rules = {rule["id"]: rule for rule in driver["rules"]}
    assert (
        rules["SIP102"]["helpUri"] == "https://github.com/sip-remediation/sip/blob/main/docs/rules.md#sip102"
    )
    regions = {
        r["ruleId"]: r["locations"][0]["physicalLocation"]["region"] for r in document["runs"][0]["results"]
    }
    assert regions["SIP102"] == {"startLine": 21, "startColumn": 15, "endLine": 21, "endColumn": 21}  # severe
    assert regions["SIP103"] == {"startLine": 8, "startColumn": 3, "endLine": 8, "endColumn": 7}  # nmae


def test_absolute_paths_give_relative_uris(sip, write, tmp_path, monkeypatch):
    plan = write("repo/plans/plan.yaml", BROKEN)
    monkeypatch.chdir(tmp_path / "repo")
    for format in ("sarif", "gitlab"):
        out = sip("validate", "-f", format, plan.resolve())  # absolute, as $GITHUB_WORKSPACE/... gives
        document = json.loads(out.stdout)
        if format == "sarif":
            jsonschema.validate(document, SARIF_SCHEMA)
            location = document["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
            assert location["artifactLocation"] == {"uri": "plans/plan.yaml", "uriBaseId": "%SRCROOT%"}
        else:
            assert document[0]["location"]["path"] == "plans/plan.yaml"
    monkeypatch.chdir(tmp_path / "repo/plans")
    document = json.loads(sip("validate", "-f", "sarif", tmp_path / "repo/plans/../plans/plan.yaml").stdout)
    assert (
        document["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        == "plan.yaml"
    )
    elsewhere = write("elsewhere/plan.yaml", BROKEN)
    document = json.loads(sip("validate", "-f", "sarif", elsewhere).stdout)
    uri = document["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "../../elsewhere/plan.yaml"  # outside %SRCROOT%: still a relative reference, never file:///


def _run_with_every_severity() -> Run:
    found = [
        Diagnostic("plans/a,b:c.yaml", 3, 5, "SIP102", ERROR, "100% wrong\nsecond line", "title"),
        Diagnostic("plans/a,b:c.yaml", 9, 1, "SIP504", WARNING, "A-1 is overdue", "responses[0].due"),
        Diagnostic(
            "plans/a,b:c.yaml",
            12,
            1,
            "SIP301",
            WAIVED,
            "F-2 has no response",
            "findings[1]",
            "agreed with the workers' representatives",
        ),
    ]
    return Run(["plans/a,b:c.yaml", "plans/clean.yaml"], [], found)


def _render(format: str, run: Run) -> str:
    stream = io.StringIO()
    writer("validate", format)(run, stream, Style())
    return stream.getvalue()


def test_github_annotations_escape_as_github_requires():
    lines = _render("github", _run_with_every_severity()).splitlines()
    assert lines[0] == (
        "::error file=plans/a%2Cb%3Ac.yaml,line=3,col=5,title=SIP102::100%25 wrong%0Asecond line"
    )
    assert lines[1] == "::warning file=plans/a%2Cb%3Ac.yaml,line=9,col=1,title=SIP504::A-1 is overdue"
    assert len(lines) == 3  # the waived diagnostic is not annotated; the summary line ends it
    assert lines[2].startswith("2 files checked: 1 error, 1 warning (1 waived)")


def test_waived_diagnostics_are_left_out_of_sarif_unless_asked_for():
    """GitHub code scanning ignores `suppressions`: a waived result would be an open alert."""
    document = json.loads(_render("sarif", _run_with_every_severity()))
    jsonschema.validate(document, SARIF_SCHEMA)
    assert [r["ruleId"] for r in document["runs"][0]["results"]] == ["SIP102", "SIP504"]
    stream = io.StringIO()
    writer("validate", "sarif")(_run_with_every_severity(), stream, Style(suppressed=True))
    document = json.loads(stream.getvalue())
    jsonschema.validate(document, SARIF_SCHEMA)
    results = document["runs"][0]["results"]
    assert [r["level"] for r in results] == ["error", "warning", "error"]  # a waived SIP301 keeps its level
    assert "suppressions" not in results[0]
    assert results[2]["suppressions"] == [
        {
            "kind": "inSource",
            "status": "accepted",
            "justification": "agreed with the workers' representatives",
        }
    ]
    assert results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "plans/a%2Cb%3Ac.yaml"


def test_sarif_suppressed_option_reaches_report_files(sip, at_root, tmp_path):
    target = tmp_path / "sip.sarif"
    sip("validate", "--as-of", AS_OF, "-o", f"sarif={target}", "examples")
    assert json.loads(target.read_text())["runs"][0]["results"] == []  # waived ones only: none open
    sip("validate", "--as-of", AS_OF, "--sarif-suppressed", "-o", f"sarif={target}", "examples")
    results = json.loads(target.read_text())["runs"][0]["results"]
    document = json.loads(sip("validate", "--as-of", AS_OF, "-f", "json", "examples").stdout)
    waived = sum(1 for d in document["diagnostics"] if d["severity"] == "waived")
    assert waived >= 1 and len(results) == waived
    assert all(r["suppressions"][0]["status"] == "accepted" for r in results)


JUNIT_XSD = DATA / "junit" / "junit-10.xsd"


def _assert_valid_junit(text: str) -> None:
    """Against the Jenkins xUnit plugin's junit-10.xsd."""
    etree = pytest.importorskip("lxml.etree", reason="lxml (in the test extra) validates XML Schema")
    schema = etree.XMLSchema(etree.parse(str(JUNIT_XSD)))
    document = etree.fromstring(text.encode("utf-8"))
    assert schema.validate(document), schema.error_log


def _from_xml(element: ET.Element) -> object:
    """What Rails' Hash.from_xml makes of an element: attributes and children as keys, a
    repeated child as a list, text alone as a string, text with attributes as __content__."""
    out: dict[str, object] = dict(element.attrib)
    for child in element:
        value = _from_xml(child)
        key = child.tag.replace("-", "_")
        if key in out:
            out[key] = (out[key] if isinstance(out[key], list) else [out[key]]) + [value]
        else:
            out[key] = value
    text = (element.text or "").strip()
    if not out:
        return text or None
    if text:
        out["__content__"] = text
    return out


def _gitlab_cases(text: str) -> list[dict]:
    """GitLab's JUnit parser (lib/gitlab/ci/parsers/test/junit.rb), as it reads a report:
    testsuites > testsuite(s) > testcase(s), the status from the first of failure, error,
    skipped that the case has, and that element's value as the case's system output."""
    root = ET.fromstring(text)
    tree = {root.tag: _from_xml(root)}
    cases = []

    def listed(value):
        return value if isinstance(value, list) else [value] if value else []

    def suites(node, parent):
        for item in listed(node):
            if not isinstance(item, dict):
                continue
            if parent is None:
                suites(item.get("testsuites"), item)
            else:
                for case in listed(item.get("testcase")):
                    case = dict(case) if isinstance(case, dict) else {}
                    for key, status in (("failure", "failed"), ("error", "error"), ("skipped", "skipped")):
                        if key in case:
                            cases.append(
                                {
                                    "suite_name": item.get("name"),
                                    "classname": case.get("classname"),
                                    "name": case.get("name"),
                                    "status": status,
                                    "system_output": case[key],
                                }
                            )
                            break
                    else:
                        cases.append(
                            {
                                "suite_name": item.get("name"),
                                "classname": case.get("classname"),
                                "name": case.get("name"),
                                "status": "success",
                                "system_output": None,
                            }
                        )
            suites(item.get("testsuite"), item)

    suites(tree, None)
    return cases


def test_junit_has_one_testcase_per_diagnostic_valid_for_jenkins():
    text = _render("junit", _run_with_every_severity())
    _assert_valid_junit(text)
    root = ET.fromstring(text)
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("4", "1", "0")
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["plans/a,b:c.yaml", "plans/clean.yaml"]
    assert [(s.get("tests"), s.get("failures"), s.get("skipped")) for s in suites] == [
        ("3", "1", "1"),
        ("1", "0", "0"),
    ]
    cases = suites[0].findall("testcase")
    assert [c.get("name") for c in cases] == ["SIP102 title", "SIP504 responses[0].due", "SIP301 findings[1]"]
    assert [len(c.findall("failure")) for c in cases] == [1, 0, 0]
    assert cases[0].find("failure").get("type") == "SIP102"
    assert "SIP504 warning A-1 is overdue" in cases[1].find("system-out").text
    assert cases[2].find("skipped").get("message") == "waived: agreed with the workers' representatives"
    assert suites[1].find("testcase").get("name") == "valid"


def test_junit_reads_fully_in_a_parser_that_behaves_like_gitlabs(sip, at_root):
    out = sip("validate", "--as-of", AS_OF, "-f", "junit", "examples/invalid")
    _assert_valid_junit(out.stdout)
    document = json.loads(sip("validate", "--as-of", AS_OF, "-f", "json", "examples/invalid").stdout)
    cases = _gitlab_cases(out.stdout)
    failed = [c for c in cases if c["status"] == "failed"]
    assert len(failed) == document["errors"] >= 10
    for case in failed:  # one failure each: a mapping with its text, never a list of several
        assert isinstance(case["system_output"], dict) and case["system_output"]["type"] in case["name"]
        assert case["system_output"]["__content__"].startswith(case["suite_name"] + ":")
    names = [(c["suite_name"], c["name"]) for c in cases]
    assert len(names) == len(set(names))  # GitLab keys cases by suite, class and name
    assert ("examples/invalid/typos.yaml", "SIP102 site.country") in names


def test_junit_names_follow_the_item_not_the_line(sip, write):
    plan = write("plan.yaml", BROKEN)
    before = _gitlab_cases(sip("validate", "-f", "junit", plan).stdout)
    new_finding = (
        "findings:\n  - id: F-0\n    title: Wages paid late\n    severity: minor\n"
        "    source: S-1\n    identified: 2026-06-28\n"
    )
    plan.write_text(BROKEN.replace("findings:\n", new_finding))
    after = _gitlab_cases(sip("validate", "-f", "junit", plan).stdout)
    assert [c["name"] for c in before] == [c["name"] for c in after] == ["SIP102 findings[F-1].severity"]


def test_junit_survives_characters_xml_cannot_carry(sip, write):
    plan = write(
        "plan.yaml",
        BROKEN.replace("title: Overtime", 'title: "\\x07Overtime"').replace(
            "severity: severe", 'severity: "\\x01"'
        ),
    )
    out = sip("validate", "-f", "junit", plan).stdout
    _assert_valid_junit(out)
    assert ET.fromstring(out).find("testsuite/testcase/failure") is not None


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
    out = sip(
        "validate",
        "--output",
        f"sarif={stale}",
        "-o",
        f"junit={tmp_path}/reports/junit.xml",
        "-o",
        f"json={tmp_path}/new/sip.json",
        plan,
    )
    assert out.exit_code == 1
    assert out.stdout.startswith(f"{plan}:20:15: SIP102")  # standard output keeps --format
    jsonschema.validate(json.loads(stale.read_text()), SARIF_SCHEMA)
    assert ET.parse(tmp_path / "reports/junit.xml").getroot().tag == "testsuites"
    assert json.loads((tmp_path / "new/sip.json").read_text())["errors"] == 1


@pytest.mark.parametrize(
    "value,reason",
    [
        ("sarif", "write it as FORMAT=PATH"),
        ("xml=out.xml", "'xml' is not a format"),
        ("sarif=PLAN", "is a plan this run checks"),
    ],
)
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


def _many(errors: int, warnings: int) -> Run:
    found = [
        Diagnostic(f"plans/p{i % 3}.yaml", 10 + i, 3, "SIP102", ERROR, f"error number {i}", "title")
        for i in range(errors)
    ]
    found += [
        Diagnostic("plans/p0.yaml", 100 + i, 1, "SIP504", WARNING, f"warning number {i}", "due")
        for i in range(warnings)
    ]
    found += [Diagnostic("plans/p0.yaml", 200, 1, "SIP301", WAIVED, "waived", "findings[0]", "agreed")]
    return Run(["plans/p0.yaml", "plans/p1.yaml", "plans/p2.yaml"], [], found)


def test_github_annotations_stay_within_githubs_limits_most_important_first():
    lines = _render("github", _many(25, 12)).splitlines()
    errors = [line for line in lines if line.startswith("::error ")]
    warnings = [line for line in lines if line.startswith("::warning ")]
    assert len(errors) == 10 and len(warnings) == 10  # per step; a job allows 50
    assert lines[:10] == errors  # errors before warnings
    # every failing plan gets an annotation before any plan gets its second
    assert [line.split(",")[0] for line in errors[:3]] == [
        "::error file=plans/p0.yaml",
        "::error file=plans/p1.yaml",
        "::error file=plans/p2.yaml",
    ]
    plain = [line for line in lines if line.startswith("plans/")]
    assert len(plain) == 15 + 2  # the rest, still in the log
    assert not any("waived" in line for line in lines[:-2])
    assert lines[-1].startswith("17 not annotated: GitHub shows at most 10 error and 10 warning")
    shown = {line.split("::")[-1] for line in errors + warnings} | {line.split(" ", 2)[2] for line in plain}
    assert len(shown) == 37  # each diagnostic once, annotated or not


def test_github_step_summary_lists_all_25_errors_and_says_how_many_were_not_annotated(
    sip, write, monkeypatch, tmp_path
):
    sections = "".join(
        f"  - id: F-{i}\n    title: Finding {i}\n    severity: severe\n    source: S-1\n"
        f"    identified: 2026-06-28\n"
        for i in range(2, 26)
    )
    plan = write("plan.yaml", BROKEN.replace("responses:\n", sections + "responses:\n"))
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    out = sip("validate", plan)
    assert out.exit_code == 1
    assert out.stdout.count("::error ") == 10 and "::warning" not in out.stdout
    assert out.stdout.count(": SIP102 ") == 15  # the other errors, as plain lines
    assert out.stdout.endswith(
        "15 not annotated: GitHub shows at most 10 error and 10 warning "
        "annotations per step; the lines above and the step summary have them all\n"
    )
    text = summary.read_text()
    assert "25 errors" in text
    assert "10 of 25 are annotated on the changed files; 15 are not" in text
    assert text.count("| SIP102 | error |") == 25
