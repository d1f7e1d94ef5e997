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


@pytest.mark.skipif(shutil.which("bash") is None, reason="the action's steps run in bash")
def test_the_validate_step_as_the_runner_runs_it(tmp_path):
    step = _validate_step()
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans/good.yaml").write_text(MINIMAL)
    (tmp_path / "more").mkdir()
    (tmp_path / "more/bad.yaml").write_text(MINIMAL.replace("severity: major", "severity: severe")
                                            .replace("SIP-TEST-001", "SIP-TEST-002"))
    env = {**os.environ, "SIP_PATHS": "plans more", "SIP_ARGS": "--as-of 2026-08-10",
           "SIP_SARIF": "true", "SIP_SARIF_FILE": "reports/sip.sarif",
           "PATH": str(Path(sys.executable).parent) + os.pathsep + os.environ["PATH"]}
    env.pop("GITHUB_STEP_SUMMARY", None)
    done = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
                          cwd=tmp_path, env=env, capture_output=True, text=True)
    assert done.returncode == 1, done.stderr
    assert done.stdout.startswith("::error file=more/bad.yaml,line=20,col=15,title=SIP102::")
    sarif = json.loads((tmp_path / "reports/sip.sarif").read_text())
    assert [r["ruleId"] for r in sarif["runs"][0]["results"]] == ["SIP102"]
    assert set(step["env"]) == {"SIP_PATHS", "SIP_ARGS", "SIP_SARIF", "SIP_SARIF_FILE"}
