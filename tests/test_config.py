"""Configuration: sip.toml or [tool.sip], found from the checked paths upward, then options."""

from __future__ import annotations

import json

import pytest

from tests.conftest import DATA

MINIMAL = (DATA / "minimal.yaml").read_text(encoding="utf-8")  # A-1 due 2026-09-15, 79 days
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
        "1 file checked: no problems\n")


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
        outcome.stdout)


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


@pytest.mark.parametrize(("text", "where", "says"), [
    ("as-of = 2026-08-10\nstrcit = true\n", ":2: strcit:", "did you mean 'strict'?"),
    ("as-of = 2026-08-10\nignore = [\"SIP5\"\n", ":2:", "not valid TOML"),
    ("as-of = 2026-08-10\nstrict = true true\n", ":2:15:", "not valid TOML"),
    ("as-of = 10\n", ":1: as-of:", "not a date"),
    ("strict = 'yes'\n", ":1: strict:", "true or false"),
    ("ignore = \"SIP101\"\n", ":1: ignore:", "cannot be ignored"),
    ("\n[deadlines]\nmajor = 30\nsevere = 5\n", ":4: deadlines:", "not a severity"),
    ("[deadlines]\nminor = -1\n", ":2: deadlines:", "0 or more"),
    ("[deadlines.protection]\nsevere = 3\n", ":2: deadlines:", "'severe' is not a severity"),
    ("[deadlines]\nremedy = 5\n", ":2: deadlines:", "remedy must be a table"),
    ("[deadlines.remedy]\nmajor = 1.5\n", ":2: deadlines:", "remedy.major must be a whole number"),
    ("max-file-size = \"big\"\n", ":1: max-file-size:", "not a size"),
    ("exclude = \"drafts\"\n", ":1: exclude:", "list of globs"),
])
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
    plan = write("plan.yaml", MINIMAL.replace("due: 2026-09-15", f"due: {today}")
                 .replace("identified: 2026-06-28", f"identified: {today}")
                 .replace("date: 2026-06-28", f"date: {today}")
                 .replace("opened: 2026-07-01", f"opened: {today}"))
    write("sip.toml", "# nothing set: as-of is today\n")
    assert codes(sip("validate", "--format", "json", plan)) == []  # due today is not past due
    yesterday = today - dt.timedelta(days=1)
    write("plan.yaml", plan.read_text().replace(f"due: {today}", f"due: {yesterday}")
          .replace(f"identified: {today}", f"identified: {yesterday}")
          .replace(f"date: {today}", f"date: {yesterday}")
          .replace(f"opened: {today}", f"opened: {yesterday}"))
    assert codes(sip("validate", "--format", "json", plan)) == ["SIP504"]
