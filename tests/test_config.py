"""Configuration: sip.toml or [tool.sip], found from the checked paths upward, then options."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import AS_OF, DATA, ROOT

MINIMAL = (DATA / "minimal.yaml").read_text(encoding="utf-8")  # A-1 due 2026-09-15, 79 days
BROKEN = MINIMAL.replace("severity: major", "severity: severe")
OVERDUE_ON = "2026-09-20"  # A-1 is past due: SIP504, a warning


def codes(outcome) -> list[str]:
    return [d["code"] for d in json.loads(outcome.stdout)["diagnostics"]]


def test_the_nearest_configuration_wins(sip, write):
    write("sip.toml", f"as-of = {OVERDUE_ON}\n")
    write("plans/sip.toml", "as-of = 2026-08-10\n")
    plan = write("plans/plan.yaml", MINIMAL)
    other = write("other.yaml", MINIMAL)
    assert codes(sip("validate", "--format", "json", plan)) == []  # plans/sip.toml
    assert codes(sip("validate", "--format", "json", other)) == ["SIP504"]  # ./sip.toml


def test_pyproject_tool_sip_is_read_and_a_pyproject_without_it_is_passed_over(sip, write):
    write("sip.toml", f"as-of = {OVERDUE_ON}\n")
    write("a/pyproject.toml", "[project]\nname = 'x'\n")
    plan = write("a/plan.yaml", MINIMAL)
    assert codes(sip("validate", "--format", "json", plan)) == ["SIP504"]  # from ../sip.toml
    write("a/pyproject.toml", "[project]\nname = 'x'\n\n[tool.sip]\nas-of = 2026-08-10\n")
    assert codes(sip("validate", "--format", "json", plan)) == []


def test_config_option_replaces_the_search_and_options_override_the_file(sip, write):
    write("sip.toml", "as-of = 2026-08-10\n")
    other = write("elsewhere/settings.toml", f"as-of = {OVERDUE_ON}\nstrict = true\n")
    plan = write("plan.yaml", MINIMAL)
    outcome = sip("validate", "--config", other, plan)
    assert "SIP504" in outcome.stdout and outcome.exit_code == 1  # strict: warnings fail
    assert sip("validate", "--config", other, "--no-strict", plan).exit_code == 0
    assert sip("validate", "--config", other, "--as-of", "2026-08-10", plan).stdout == (
        "1 file checked: no problems\n"
    )


def test_ignore_from_the_file_and_the_options_add_up(sip, write):
    plan = write("plan.yaml", MINIMAL.replace("due: 2026-09-15", "due: 2026-10-15"))
    write("sip.toml", f"as-of = {OVERDUE_ON}\n")
    assert codes(sip("validate", "--format", "json", plan)) == ["SIP506"]
    write("sip.toml", 'as-of = 2026-10-20\nignore = ["SIP506"]\n')
    assert codes(sip("validate", "--format", "json", plan)) == ["SIP504"]
    assert codes(sip("validate", "--format", "json", "--ignore", "SIP50", plan)) == []
    write("sip.toml", "as-of = 2026-10-20\n")
    assert codes(sip("validate", "--format", "json", "--ignore", "SIP504,SIP506", plan)) == []
    assert codes(sip("validate", "--format", "json", "--ignore", "SIP5", plan)) == []


@pytest.mark.parametrize("value", ["SIP1", "SIP101", "SIP0", "SIP", "SIP999", "E501"])
def test_ignore_refuses_format_codes_and_unknown_codes(sip, write, value):
    plan = write("plan.yaml", MINIMAL)
    outcome = sip("validate", "--ignore", value, plan)
    assert outcome.exit_code == 2 and outcome.stdout == ""
    assert outcome.stderr.startswith("sip: --ignore:")


def test_deadlines_left_out_keep_their_defaults(sip, write):
    plan = write("plan.yaml", MINIMAL)
    write("sip.toml", "as-of = 2026-08-10\n[deadlines]\ncritical = 10\n")
    assert codes(sip("validate", "--format", "json", plan)) == []  # major stays 90
    write("sip.toml", "as-of = 2026-08-10\ndeadlines = {major = 78}\n")
    assert codes(sip("validate", "--format", "json", plan)) == ["SIP506"]


def test_deadlines_per_kind_override_the_severity_keys_for_every_kind(sip, write):
    """Format 1.1: A-1 is a corrective response to a major finding, due 79 days after it."""
    plan = write("plan.yaml", MINIMAL)
    write("sip.toml", "as-of = 2026-08-10\n[deadlines.corrective]\nmajor = 78\n")
    assert codes(sip("validate", "--format", "json", plan)) == ["SIP506"]
    write("sip.toml", "as-of = 2026-08-10\n[deadlines.protection]\nmajor = 10\n")
    assert codes(sip("validate", "--format", "json", plan)) == []  # another kind
    write("sip.toml", "as-of = 2026-08-10\n[deadlines]\nmajor = 78\n[deadlines.corrective]\nmajor = 80\n")
    assert codes(sip("validate", "--format", "json", plan)) == []  # the kind's table wins
    write("sip.toml", "as-of = 2026-08-10\ndeadlines = {corrective = {major = 80}, major = 78}\n")
    assert codes(sip("validate", "--format", "json", plan)) == []  # whatever the order
    write("sip.toml", "as-of = 2026-08-10\ndeadlines = {remedy = {major = 80}, major = 78}\n")
    outcome = sip("validate", "--format", "json", plan)
    assert codes(outcome) == ["SIP506"] and "corrective response to a major finding is 78 days" in (
        outcome.stdout
    )


def test_max_file_size(sip, write):
    plan = write("plan.yaml", MINIMAL)
    write("sip.toml", 'as-of = 2026-08-10\nmax-file-size = "1KB"\n')
    outcome = sip("validate", "--format", "json", plan)
    assert codes(outcome) == ["SIP004"] and "max-file-size" in outcome.stdout


def test_exclude_applies_to_folder_searches_only(sip, write, tmp_path):
    write("sip.toml", 'as-of = 2026-08-10\nexclude = ["drafts/**", "*.old.yaml"]\n')
    write("plans/a.yaml", MINIMAL)
    write("drafts/b.yaml", "not: [a plan")
    write("plans/c.old.yaml", "not: [a plan")
    outcome = sip("validate", tmp_path)
    assert outcome.stdout == "1 file checked: no problems\n"
    named = sip("validate", tmp_path / "drafts" / "b.yaml")  # named explicitly: checked
    assert named.exit_code == 1 and "SIP001" in named.stdout


@pytest.mark.parametrize(
    ("text", "where", "says"),
    [
        ("as-of = 2026-08-10\nstrcit = true\n", ":2: strcit:", "did you mean 'strict'?"),
        ('as-of = 2026-08-10\nignore = ["SIP5"\n', ":2:", "not valid TOML"),
        ("as-of = 2026-08-10\nstrict = true true\n", ":2:15:", "not valid TOML"),
        ("as-of = 10\n", ":1: as-of:", "not a date"),
        ("strict = 'yes'\n", ":1: strict:", "true or false"),
        ('ignore = "SIP101"\n', ":1: ignore:", "cannot be ignored"),
        ("\n[deadlines]\nmajor = 30\nsevere = 5\n", ":4: deadlines:", "not a severity"),
        ("[deadlines]\nminor = -1\n", ":2: deadlines:", "0 or more"),
        ("[deadlines.protection]\nsevere = 3\n", ":2: deadlines:", "'severe' is not a severity"),
        ("[deadlines]\nremedy = 5\n", ":2: deadlines:", "remedy must be a table"),
        ("[deadlines.remedy]\nmajor = 1.5\n", ":2: deadlines:", "remedy.major must be a whole number"),
        ('max-file-size = "big"\n', ":1: max-file-size:", "not a size"),
        ('exclude = "drafts"\n', ":1: exclude:", "list of globs"),
    ],
)
def test_a_bad_configuration_is_a_clear_error_naming_file_and_line(sip, write, text, where, says):
    config = write("sip.toml", text)
    plan = write("plan.yaml", MINIMAL)
    outcome = sip("validate", plan)
    assert outcome.exit_code == 2 and outcome.stdout == ""
    assert outcome.stderr.startswith(f"sip: {config}{where}"), outcome.stderr
    assert says in outcome.stderr


def test_a_bad_tool_sip_in_pyproject_names_its_line(sip, write):
    config = write("pyproject.toml", "[project]\nname = 'x'\n\n[tool.sip]\nas-of = 'soon'\n")
    outcome = sip("validate", write("plan.yaml", MINIMAL))
    assert outcome.exit_code == 2 and outcome.stderr.startswith(f"sip: {config}:5: as-of:")


def test_a_missing_config_file_or_one_without_tool_sip_exits_2(sip, write, tmp_path):
    plan = write("plan.yaml", MINIMAL)
    assert sip("validate", "--config", tmp_path / "none.toml", plan).exit_code == 2
    pyproject = write("other/pyproject.toml", "[project]\nname = 'x'\n")
    outcome = sip("validate", "--config", pyproject, plan)
    assert outcome.exit_code == 2 and "no [tool.sip] table" in outcome.stderr


def test_without_as_of_the_dates_are_judged_as_of_today(sip, write):
    import datetime as dt

    today = dt.date.today()
    plan = write(
        "plan.yaml",
        MINIMAL.replace("due: 2026-09-15", f"due: {today}")
        .replace("identified: 2026-06-28", f"identified: {today}")
        .replace("date: 2026-06-28", f"date: {today}")
        .replace("opened: 2026-07-01", f"opened: {today}"),
    )
    write("sip.toml", "# nothing set: as-of is today\n")
    assert codes(sip("validate", "--format", "json", plan)) == []  # due today is not past due
    yesterday = today - dt.timedelta(days=1)
    write(
        "plan.yaml",
        plan.read_text()
        .replace(f"due: {today}", f"due: {yesterday}")
        .replace(f"identified: {today}", f"identified: {yesterday}")
        .replace(f"date: {today}", f"date: {yesterday}")
        .replace(f"opened: {today}", f"opened: {yesterday}"),
    )
    assert codes(sip("validate", "--format", "json", plan)) == ["SIP504"]


def _codes(out) -> list[tuple[str, str]]:
    """(file name, code) of each diagnostic line of text output."""
    found = []
    for line in out.stdout.splitlines():
        parts = line.split(": ", 2)
        if len(parts) >= 2 and parts[1].startswith("SIP"):
            found.append((Path(parts[0].rsplit(":", 2)[0]).parent.name, parts[1].split()[0]))
    return found


def test_each_plan_is_judged_by_the_configuration_nearest_to_it(sip, write, tmp_path, monkeypatch):
    """Two folders with different as-of dates in one run: each plan gets what it gets alone."""
    early = write("early/plan.yaml", MINIMAL)
    write("early/sip.toml", "as-of = 2026-08-10\n")
    late = write("late/plan.yaml", MINIMAL.replace("SIP-TEST-001", "SIP-TEST-002"))
    write("late/sip.toml", "as-of = 2026-10-01\nstrict = true\n")
    alone_early, alone_late = sip("validate", early), sip("validate", late)
    assert _codes(alone_early) == [] and alone_early.exit_code == 0
    assert ("late", "SIP504") in _codes(alone_late) and alone_late.exit_code == 1  # overdue; strict there
    both = sip("validate", early, late)
    assert _codes(both) == _codes(alone_early) + _codes(alone_late)
    assert both.exit_code == 1  # late's warnings fail the run: its configuration is strict
    monkeypatch.chdir(tmp_path)
    assert _codes(sip("validate", ".")) == _codes(both)  # found in a folder search, the same
    other = write("ci/workflow.yaml", "name: ci\non: push\n")  # not a plan, its result its own
    with_other = sip("validate", other, early)
    assert [c for c in _codes(with_other) if c[0] == "early"] == []
    assert sip("validate", "--as-of", "2026-08-10", early, late).exit_code == 0  # an option applies to all


def test_a_folders_exclude_still_applies_below_a_nested_configuration(sip, write, tmp_path):
    write("plans/sip.toml", 'exclude = ["drafts/**"]\n')
    write("plans/good.yaml", MINIMAL)
    write("plans/drafts/sip.toml", "as-of = 2026-08-10\n")
    write("plans/drafts/broken.yaml", BROKEN)
    out = sip("validate", "--as-of", AS_OF, tmp_path / "plans")
    assert out.exit_code == 0 and out.stdout.endswith("1 file checked: no problems\n")
    alone = sip("validate", tmp_path / "plans/drafts")  # searched on its own, its own settings
    assert alone.exit_code == 1


def test_plans_only_skips_yaml_that_is_not_a_plan(sip, write):
    plan = write("plans/plan.yaml", BROKEN)
    workflow = write(".github/workflows/ci.yml", "name: ci\non: push\njobs: {}\n")
    config = write(".pre-commit-config.yaml", "repos: []\n")
    out = sip("validate", "--plans-only", workflow, config, plan)
    assert out.exit_code == 1
    assert out.stdout.splitlines()[-1].startswith("1 file checked: 1 error")
    clean = sip("validate", "--plans-only", workflow, config)
    assert (clean.exit_code, clean.stdout) == (0, "0 files checked: no problems\n")
    assert sip("validate", workflow).exit_code == 1  # without the option, it is checked as a plan


def test_plans_only_takes_a_file_for_a_plan_only_when_its_sip_key_holds_a_version(sip, write):
    # docs/ci.md's own GitLab recipe names its job `sip:`: committing it must not fail the hook
    recipe = (
        (ROOT / "docs" / "ci.md").read_text(encoding="utf-8").split("# .gitlab-ci.yml\n")[1].split("```")[0]
    )
    assert recipe.startswith("sip:\n")
    job = write(".gitlab-ci.yml", recipe)
    plans = [
        write(name, MINIMAL.replace("sip: 1\n", first))
        for name, first in (
            ("a.yaml", 'sip: "1"  # quoted\n'),
            ("b.yaml", "sip: 2\r\n"),
            ("c.yaml", "sip: 1.0\n"),
        )
    ]
    out = sip("validate", "--plans-only", "--format", "json", job, *plans)
    assert json.loads(out.stdout)["files"] == 3


def test_sip003_never_prints_a_mapping_or_a_long_value(sip, write):
    job = write("job.yaml", "sip:\n  image: python:3.11\n  script:\n    - " + "x" * 500 + "\n")
    out = sip("validate", job)
    assert out.exit_code == 1
    assert (
        f"{job}:2:3: SIP003 'sip:' holds a mapping, not a format version: a plan starts with 'sip: 1'"
        in out.stdout
    )
    assert "python:3.11" not in out.stdout.split("\n")[0] and "x" * 50 not in out.stdout
    long = write("long.yaml", "sip: " + "9" * 300 + "x\n")
    out = sip("validate", long)
    assert (
        "SIP003 format version '99999999999999999999999999999999999...' is not one this sip knows"
        in out.stdout
    )
    assert "9" * 50 not in out.stdout.splitlines()[0]


def test_a_bad_configuration_below_stops_the_run_before_any_plan_is_checked(sip, write, tmp_path):
    write("plans/good.yaml", MINIMAL)
    write("plans/asia/sip.toml", "strcit = true\n")
    write("plans/asia/plan.yaml", MINIMAL.replace("SIP-TEST-001", "SIP-TEST-002"))
    out = sip("validate", tmp_path / "plans")
    assert (out.exit_code, out.stdout) == (2, "")
    assert "plans/asia/sip.toml:1: strcit: unknown setting; did you mean 'strict'?" in out.stderr
