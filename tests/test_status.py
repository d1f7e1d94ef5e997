"""`sip status`: the repository at a glance, most urgent first, in text, JSON and CSV."""

from __future__ import annotations

import csv
import io
import json

import pytest

from tests.conftest import AS_OF, DATA, ROOT
from tests.goldens import assert_golden, formats_of

MINIMAL = (DATA / "minimal.yaml").read_text(encoding="utf-8")
BROKEN = MINIMAL.replace("severity: major", "severity: severe")
EXAMPLES = [
    "examples",
    "examples/invalid/broken.yaml",
    "examples/invalid/typos.yaml",
    "examples/invalid/gaps.yaml",
]


@pytest.mark.parametrize("format,suffix", formats_of("status"))
def test_golden_status_of_the_examples(sip, monkeypatch, format, suffix):
    monkeypatch.chdir(ROOT)
    out = sip("status", "--as-of", AS_OF, "--format", format, *EXAMPLES)
    assert out.exit_code == 0
    assert_golden(f"status/examples.{suffix}", out.stdout)


def _plan(plan_id: str, *edits: tuple[str, str]) -> str:
    text = MINIMAL.replace("SIP-TEST-001", plan_id)
    for old, new in edits:
        assert old in text
        text = text.replace(old, new, 1)
    return text


@pytest.fixture
def repository(write, tmp_path):
    """Six plans whose order of urgency is known: (file, what makes it urgent)."""
    write("a-overdue.yaml", _plan("P-A", ("due: 2026-09-15", "due: 2026-08-01")))
    write("b-critical.yaml", _plan("P-B", ("severity: major", "severity: critical")))
    write(
        "c-closed.yaml",
        _plan(
            "P-C",
            ("status: active", "status: closed"),
            ("opened: 2026-07-01", "opened: 2026-07-01\nclosed: 2026-08-05"),
            ("due: 2026-09-15", "due: 2026-08-01"),
        ),
    )
    write("d-invalid.yaml", BROKEN.replace("SIP-TEST-001", "P-D"))
    write(
        "e-review-past.yaml",
        _plan("P-E", ("opened: 2026-07-01", "opened: 2026-07-01\nnext_review: 2026-08-01")),
    )
    write("f-calm.yaml", _plan("P-F", ("opened: 2026-07-01", "opened: 2026-07-01\nnext_review: 2026-09-01")))
    return tmp_path


def test_plans_are_sorted_by_urgency(sip, repository):
    document = json.loads(sip("status", "--as-of", AS_OF, "-f", "json", repository).stdout)
    assert [p["plan_id"] for p in document["plans"]] == ["P-D", "P-A", "P-B", "P-E", "P-F", "P-C"]


def test_json_has_each_plans_figures_and_the_totals(sip, repository):
    document = json.loads(sip("status", "--as-of", AS_OF, "-f", "json", repository).stdout)
    plans = {p["plan_id"]: p for p in document["plans"]}
    assert document["as_of"] == AS_OF
    assert plans["P-D"] == {
        "file": str(repository / "d-invalid.yaml"),
        "plan_id": "P-D",
        "format_valid": False,
        "errors": 1,
        "warnings": 0,
    }
    assert plans["P-A"]["actions"] == {"open": 2, "overdue": 1, "due_in_30_days": 0}
    assert plans["P-A"]["overdue_actions"] == ["A-1"]
    assert plans["P-B"]["findings"] == {"critical": 1, "major": 0, "minor": 0}
    assert plans["P-E"]["review_overdue"] is True and plans["P-E"]["next_review"] == "2026-08-01"
    assert plans["P-F"]["review_overdue"] is False
    totals = document["totals"]
    assert (totals["plans"], totals["invalid"], totals["reviews_overdue"]) == (6, 1, 1)
    assert totals["actions"] == {"open": 10, "overdue": 2, "due_in_30_days": 0}
    assert totals["findings"] == {"critical": 1, "major": 4, "minor": 0}


def test_text_table_flags_what_is_late_and_ends_with_totals(sip, repository):
    out = sip("status", "--as-of", AS_OF, repository)
    lines = out.stdout.splitlines()
    assert lines[0] == f"sip status as of {AS_OF}"
    row = next(line for line in lines if "P-E" in line)
    assert "2026-08-01 past" in row
    invalid = next(line for line in lines if "P-D" in line)
    assert "invalid" in invalid and "1 error" in invalid
    assert lines[-1].split()[:4] == ["Total", "6", "plans,", "1"]
    assert all(line == line.rstrip() for line in lines)


def test_csv_is_one_line_per_plan_with_money_by_currency(sip, monkeypatch):
    monkeypatch.chdir(ROOT)
    out = sip("status", "--as-of", AS_OF, "-f", "csv", "examples", "examples/invalid/gaps.yaml")
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    by_file = {row["file"]: row for row in rows}
    india = by_file["examples/seasonal-farm-india.yaml"]
    assert (india["paid_INR"], india["committed_INR"]) == ("1890000", "1890000")
    assert india["paid_JOD"] == ""
    assert by_file["examples/invalid/gaps.yaml"]["committed_JOD"] == "63000"
    assert len(rows) == len(list((ROOT / "examples").glob("*.yaml"))) + 1


def test_status_without_a_path_is_the_current_folder(sip, write, tmp_path, monkeypatch):
    write("plans/a.yaml", MINIMAL)
    write(".gitlab-ci.yml", "sip:\n  script: [sip status]\n")  # hidden: not a plan
    monkeypatch.chdir(tmp_path)
    out = sip("status", "--as-of", AS_OF, "--format", "json")
    assert out.exit_code == 0, out.stderr
    assert [p["file"] for p in json.loads(out.stdout)["plans"]] == ["plans/a.yaml"]


def test_status_needs_plans(sip, tmp_path):
    out = sip("status", tmp_path)
    assert out.exit_code == 2 and out.stdout == ""
    assert "no plan file" in out.stderr


def test_one_plan_is_counted_in_the_singular(sip):
    out = sip("status", "--as-of", AS_OF, ROOT / "examples" / "spec-example.yaml")
    total = next(line for line in out.stdout.splitlines() if line.split()[:1] == ["Total"])
    assert total.split()[:3] == ["Total", "1", "plan"]


def test_workers_reached_and_overdue_instalments_in_every_format(sip):
    """Format 1.1: workers reached of workers covered by money remedies, and instalments past
    due with no paid date (tests/data/format11-report.yaml: 150 of 212, one instalment late)."""
    plans = [DATA / "format11-report.yaml", DATA / "minimal.yaml"]
    document = json.loads(sip("status", "--as-of", AS_OF, "--format", "json", *plans).stdout)
    by_id = {p["plan_id"]: p for p in document["plans"]}
    assert by_id["SIP-TEST-011"]["workers"] == {"covered": 212, "reached": 150}
    assert by_id["SIP-TEST-011"]["overdue_instalments"] == 1
    assert by_id["SIP-TEST-001"]["workers"] == {"covered": 0, "reached": None}
    assert document["totals"]["workers"] == {"covered": 212, "reached": 150}
    assert document["totals"]["overdue_instalments"] == 1
    rows = list(
        csv.DictReader(io.StringIO(sip("status", "--as-of", AS_OF, "--format", "csv", *plans).stdout))
    )
    row = next(r for r in rows if r["plan_id"] == "SIP-TEST-011")
    assert (row["workers_covered"], row["workers_reached"], row["overdue_instalments"]) == ("212", "150", "1")
    text = sip("status", "--as-of", AS_OF, *plans).stdout
    assert "Workers reached" in text and "Instalments" in text
    line = next(line for line in text.splitlines() if "SIP-TEST-011" in line)
    assert "150 / 212" in line


CONTROLS = "\x1b]0;owned\x07\x1b[31m\x9b2J\u202etxt.exe\u2066\u2028"


@pytest.mark.parametrize("format", [name for name, _ in formats_of("status")])
def test_control_characters_from_plan_text_never_reach_the_output(sip, write, format):
    # a site name and a plan id with raw escapes (YAML's "\e" is ESC), a bidi override,
    # a line separator and a C1 control; and a file name with an escape
    quoted = json.dumps(CONTROLS)
    plan = write(
        "plan\x1b[2J.yaml",
        MINIMAL.replace("name: Example Textiles, Unit 2", f"name: {quoted}"),
    )
    invalid = write("broken.yaml", BROKEN.replace("id: SIP-TEST-001", f"id: {json.dumps('X' + CONTROLS)}"))
    out = sip("status", "--as-of", AS_OF, "--format", format, plan, invalid)
    assert out.exit_code == 0, out.stderr
    raw = [ch for ch in out.stdout if ch in "\x1b\x07\x9b\u202e\u2066\u2028"]
    assert raw == [], (format, out.stdout)
    if format == "json":  # the values are whole, escaped as JSON escapes them
        document = json.loads(out.stdout)
        assert CONTROLS in {p.get("site") for p in document["plans"]}
    if format == "csv":
        site = next(r["site"] for r in csv.DictReader(io.StringIO(out.stdout)) if r["site"])
        assert site == "\\x1b]0;owned\\x07\\x1b[31m\\x9b2J\\u202etxt.exe\\u2066\\u2028"
