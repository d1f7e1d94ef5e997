"""The composite GitHub Action in action.yml: its inputs hang together, and its validate
step, run by bash as the runner runs it, checks the paths and writes the SARIF report."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import DATA, ROOT

ACTION = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
MINIMAL = (DATA / "minimal.yaml").read_text(encoding="utf-8")


def test_every_input_used_is_declared():
    text = (ROOT / "action.yml").read_text(encoding="utf-8")
    used = set(re.findall(r"inputs\.([a-z][a-z-]*)", text))
    assert used and used <= set(ACTION["inputs"])
    assert ACTION["runs"]["using"] == "composite"


def _validate_step() -> dict:
    return next(step for step in ACTION["runs"]["steps"] if step.get("name") == "sip validate")


def test_actions_are_current_majors_and_the_category_is_an_input():
    uses = [step["uses"] for step in ACTION["runs"]["steps"] if "uses" in step]
    assert uses == [
        "actions/setup-python@v6",
        "actions/cache@v5",
        "actions/cache@v5",
        "github/codeql-action/upload-sarif@v4",
    ]
    upload = next(
        step for step in ACTION["runs"]["steps"] if step.get("uses", "").startswith("github/codeql")
    )
    assert upload["with"]["category"] == "${{ inputs.category }}"
    assert set(ACTION["outputs"]) == {"errors", "warnings", "sarif"}
    assert all("steps.validate.outputs." in output["value"] for output in ACTION["outputs"].values())


def _run_step(step: dict, cwd: Path, **inputs: str) -> tuple[subprocess.CompletedProcess, dict[str, str]]:
    """A step's script under bash as the runner runs it, its inputs as environment variables;
    what it wrote to $GITHUB_OUTPUT."""
    outputs = cwd / "github-output.txt"
    outputs.write_text("")
    env = {
        **os.environ,
        **inputs,
        "GITHUB_OUTPUT": str(outputs),
        "PATH": str(Path(sys.executable).parent) + os.pathsep + os.environ["PATH"],
    }
    env.pop("GITHUB_STEP_SUMMARY", None)
    done = subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
    )
    pairs = [line.split("=", 1) for line in outputs.read_text().splitlines() if "=" in line]
    return done, dict(pairs)


@pytest.mark.skipif(shutil.which("bash") is None, reason="the action's steps run in bash")
def test_the_validate_step_as_the_runner_runs_it(tmp_path):
    step = _validate_step()
    (tmp_path / "my plans").mkdir()
    (tmp_path / "my plans/good.yaml").write_text(MINIMAL)
    (tmp_path / "more").mkdir()
    (tmp_path / "more/bad.yaml").write_text(
        MINIMAL.replace("severity: major", "severity: severe").replace("SIP-TEST-001", "SIP-TEST-002")
    )
    done, outputs = _run_step(
        step,
        tmp_path,
        SIP_PATHS="my plans\n  more  \n\n",
        SIP_ARGS="--as-of 2026-08-10 --ignore 'SIP601, SIP5'",
        SIP_SARIF="true",
        SIP_SARIF_FILE="reports/sip report.sarif",
    )
    assert done.returncode == 1, done.stderr
    assert done.stdout.startswith("::error file=more/bad.yaml,line=20,col=15,title=SIP102::")
    assert "2 files checked: 1 error, 0 warnings" in done.stdout  # both paths, the one with a space too
    sarif = json.loads((tmp_path / "reports/sip report.sarif").read_text())
    assert [r["ruleId"] for r in sarif["runs"][0]["results"]] == ["SIP102"]
    assert outputs == {"errors": "1", "warnings": "0", "sarif": "reports/sip report.sarif"}
    assert set(step["env"]) == {"SIP_PATHS", "SIP_ARGS", "SIP_SARIF", "SIP_SARIF_FILE", "SIP_CACHE_DIR"}


@pytest.mark.skipif(shutil.which("bash") is None, reason="the action's steps run in bash")
def test_the_validate_step_passes_a_clean_run_and_reports_no_sarif_when_not_asked(tmp_path):
    (tmp_path / "plan.yaml").write_text(MINIMAL)
    done, outputs = _run_step(
        _validate_step(),
        tmp_path,
        SIP_PATHS="",
        SIP_ARGS="--as-of 2026-08-10",
        SIP_SARIF="false",
        SIP_SARIF_FILE="sip.sarif",
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert outputs == {"errors": "0", "warnings": "0"}
    assert not (tmp_path / "sip.sarif").exists()


@pytest.mark.skipif(
    shutil.which("bash") is None or shutil.which("sha256sum") is None,
    reason="the action's steps run in bash, with coreutils",
)
def test_the_pip_cache_key_follows_sips_pyproject(tmp_path):
    step = next(step for step in ACTION["runs"]["steps"] if step.get("id") == "pip-cache")
    done, outputs = _run_step(step, tmp_path, GITHUB_ACTION_PATH=str(ROOT), RUNNER_OS="Linux")
    assert done.returncode == 0, done.stderr
    assert re.fullmatch(r"sip-pip-Linux-py3\.[0-9]+-[0-9a-f]{16}", outputs["key"])
    assert outputs["dir"]


@pytest.mark.skipif(shutil.which("bash") is None, reason="the action's steps run in bash")
def test_a_quoting_mistake_in_args_stops_the_step_and_says_so(tmp_path):
    (tmp_path / "plan.yaml").write_text(MINIMAL)
    done, outputs = _run_step(
        _validate_step(),
        tmp_path,
        SIP_PATHS=".",
        SIP_ARGS="--ignore 'SIP601",
        SIP_SARIF="false",
        SIP_SARIF_FILE="sip.sarif",
    )
    assert done.returncode != 0
    assert "sip action: the args input: No closing quotation" in done.stderr
    assert done.stdout == "" and outputs == {}  # sip did not run with half the options
