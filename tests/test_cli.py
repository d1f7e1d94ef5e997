"""The command line as a user meets it: paths, options, formats, exit statuses."""

from __future__ import annotations

import json
import re
import subprocess
import sys

from tests.conftest import AS_OF, DATA, ROOT

MINIMAL = (DATA / "minimal.yaml").read_text(encoding="utf-8")
BROKEN = MINIMAL.replace("severity: major", "severity: severe")


def test_clean_plan_exits_0_with_a_summary(sip):
    out = sip("validate", "--as-of", AS_OF, DATA / "minimal.yaml")
    assert out.exit_code == 0
    assert out.stdout == "1 file checked: no problems\n"


def test_error_exits_1_in_the_familiar_shape(sip, write):
    plan = write("plan.yaml", BROKEN)
    out = sip("validate", "--as-of", AS_OF, plan)
    assert out.exit_code == 1
    lines = out.stdout.splitlines()
    assert lines[0] == (
        f"{plan}:20:15: SIP102 'severe' is not a severity; expected one of: critical, major, minor"
    )
    assert lines[-1] == (
        "1 file checked: 1 error, 0 warnings; 1 file not rule-checked until its format errors are fixed"
    )


def test_json_has_exactly_the_spec_shape(sip, write):
    plan = write("plan.yaml", BROKEN)
    document = json.loads(sip("validate", "--format", "json", plan).stdout)
    assert document == {
        "files": 1,
        "errors": 1,
        "warnings": 0,
        "diagnostics": [
            {
                "file": str(plan),
                "line": 20,
                "column": 15,
                "code": "SIP102",
                "severity": "error",
                "path": "findings[0].severity",
                "message": "'severe' is not a severity; expected one of: critical, major, minor",
            }
        ],
    }


def test_missing_path_exits_2_with_the_reason_on_stderr(sip, tmp_path):
    out = sip("validate", tmp_path / "nowhere.yaml")
    assert out.exit_code == 2
    assert out.stdout == ""
    assert f"{tmp_path / 'nowhere.yaml'}: no such file or folder" in out.stderr


def test_folder_without_plans_exits_2(sip, tmp_path):
    (tmp_path / "notes.txt").write_text("not a plan")
    out = sip("validate", tmp_path)
    assert out.exit_code == 2
    assert out.stdout == ""
    assert "no plan file (*.yaml, *.yml) found" in out.stderr


def test_bad_options_exit_2(sip):
    for args in (
        ["--format", "xml"],
        ["--as-of", "2026-13-01"],
        ["--as-of", "tomorrow"],
        ["--no-such-option"],
    ):
        out = sip("validate", *args, DATA / "minimal.yaml")
        assert out.exit_code == 2, args
        assert out.stdout == "", args
        assert out.stderr, args


def test_folders_are_searched_recursively_skipping_hidden_ones(sip, write, tmp_path):
    write("plans/a.yaml", MINIMAL)
    write("plans/deeper/b.yml", MINIMAL.replace("SIP-TEST-001", "SIP-TEST-002"))
    write("plans/.drafts/c.yaml", BROKEN)
    write("plans/readme.md", "# not a plan")
    out = sip("validate", "--as-of", AS_OF, "--format", "json", tmp_path / "plans")
    assert json.loads(out.stdout)["files"] == 2
    assert out.exit_code == 0


def test_a_file_named_explicitly_is_checked_whatever_its_extension_and_once(sip, write):
    plan = write("plan.txt", BROKEN)
    out = sip("validate", "--format", "json", plan, plan)
    document = json.loads(out.stdout)
    assert document["files"] == 1
    assert [d["code"] for d in document["diagnostics"]] == ["SIP102"]


def test_standard_input(sip):
    out = sip("validate", "--format", "json", "-", input=BROKEN)
    document = json.loads(out.stdout)
    assert [(d["file"], d["line"], d["code"]) for d in document["diagnostics"]] == [("-", 20, "SIP102")]
    assert out.exit_code == 1


def test_diagnostics_are_sorted_by_file_order_then_position(sip, write):
    second = write("b.yaml", BROKEN.replace("status: active", "status: open"))
    first = write("a.yaml", BROKEN)
    out = sip("validate", "--format", "json", second, first)
    found = [(d["file"], d["line"]) for d in json.loads(out.stdout)["diagnostics"]]
    assert found == [(str(second), 4), (str(second), 20), (str(first), 20)]


def test_colour_and_excerpt_on_request(sip, write):
    plan = write("plan.yaml", BROKEN)
    out = sip("validate", "--color", plan)
    assert "\x1b[" in out.stdout
    seen = re.sub(r"\x1b\[[0-9;]*m", "", out.stdout)  # what the terminal shows
    assert "20 |     severity: severe\n    |               ^\n" in seen


def test_internal_error_exits_3_without_traceback(sip, monkeypatch):
    import sip.check.file as check_module

    def explode(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(check_module, "load", explode)
    out = sip("validate", DATA / "minimal.yaml")
    assert out.exit_code == 3
    assert "this is a bug in sip" in out.stderr
    assert "Traceback" not in out.stderr
    debug = sip("--debug", "validate", DATA / "minimal.yaml")
    assert debug.exit_code == 3
    assert "Traceback" in debug.stderr and "RuntimeError: boom" in debug.stderr


def test_entry_point_and_module_run_for_real(tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_text(BROKEN, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "sip", "validate", str(plan)], capture_output=True, text=True, cwd=tmp_path
    )
    assert done.returncode == 1
    assert f"{plan}:20:15: SIP102" in done.stdout
    assert done.stderr == ""
    version = subprocess.run([sys.executable, "-m", "sip", "--version"], capture_output=True, text=True)
    assert version.returncode == 0 and version.stdout.startswith("sip ")


def test_cli_import_stays_light():
    code = (
        "import sys, sip.cli\n"
        "heavy = [m for m in ('pydantic', 'ruamel', 'jinja2', 'rich', 'yaml') if m in sys.modules]\n"
        "print(','.join(heavy))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ""


def test_help_and_version_do_not_import_heavy_libraries():
    code = (
        "import sys\nfrom sip.cli import app\n"
        "for args in (['--help'], ['--version']):\n"
        "    try:\n        app(args)\n    except SystemExit:\n        pass\n"
        "heavy = [m for m in ('pydantic', 'ruamel', 'jinja2', 'rich') if m in sys.modules]\n"
        "print('HEAVY=' + ','.join(heavy))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert "HEAVY=\n" in done.stdout, done.stdout[-300:]
