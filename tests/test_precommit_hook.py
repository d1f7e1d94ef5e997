"""sip's pre-commit hook, installed for real from this checkout by the `pre-commit` package:
a commit with a broken plan is refused, a good one accepted."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import DATA, ROOT
from tests.gitrepo import Repo

pytest.importorskip("pre_commit", reason="pre-commit is in the test extra: pip install -e '.[test]'")

MINIMAL = (DATA / "minimal.yaml").read_text(encoding="utf-8")
BROKEN = MINIMAL.replace("severity: major", "severity: severe")
# What pip needs to install sip from a copy of the project.
PROJECT_FILES = ("sip", "schemas", "templates", "pyproject.toml", "README.md", ".pre-commit-hooks.yaml")
# pip failing to reach a package index, as opposed to the hook being wrong.
OFFLINE_SIGNS = (
    "NewConnectionError",
    "Temporary failure in name resolution",
    "No matching distribution",
    "Could not find a version",
    "Network is unreachable",
)


def _hook_repository(target: Path) -> str:
    """This checkout's working tree as a git repository pre-commit can clone: its commit id."""
    repository = Repo(target)
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / name)
    return repository.commit("sip as it is in this checkout")


def _pre_commit(*args: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *args], cwd=cwd, env=env, capture_output=True, text=True
    )


def test_the_hook_refuses_a_broken_plan_and_accepts_a_good_one(tmp_path):
    revision = _hook_repository(tmp_path / "sip")
    plans = Repo(tmp_path / "plans")
    plans.write(
        ".pre-commit-config.yaml",
        f"""repos:
  - repo: {tmp_path / "sip"}
    rev: {revision}
    hooks:
      - id: sip-validate
""",
    )  # no files: filter, as a user would write it first
    plans.write("README.md", "# Our plans\n")
    plans.write(".github/workflows/ci.yml", "name: ci\non: push\njobs: {}\n")  # YAML, not a plan
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "SKIP": ""}
    env.pop("GITHUB_ACTIONS", None)
    installed = _pre_commit("install-hooks", cwd=plans.root, env=env)
    if installed.returncode != 0:
        log = installed.stdout + installed.stderr
        if any(sign in log for sign in OFFLINE_SIGNS):
            pytest.skip(
                "pre-commit could not build the hook's environment (no package index "
                "reachable): " + log.strip().splitlines()[-1]
            )
        pytest.fail("pre-commit could not install sip's hook:\n" + log)
    assert _pre_commit("install", cwd=plans.root, env=env).returncode == 0

    def commit(message: str) -> tuple[int, str]:
        plans.git("add", "-A")
        done = subprocess.run(
            ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-m", message],
            cwd=plans.root,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        return done.returncode, done.stdout

    plans.write("plans/vietnam.yaml", BROKEN)
    status, output = commit("a plan with a mistake")
    assert status != 0
    assert "plans/vietnam.yaml:20:15: SIP102 'severe' is not a severity" in output
    assert "1 file checked: 1 error" in output  # the workflow and .pre-commit-config.yaml: skipped
    assert plans.git("rev-list", "--all").strip() == ""  # nothing was committed

    plans.write("plans/vietnam.yaml", MINIMAL)
    status, output = commit("the plan, fixed")
    assert status == 0, output
    assert "sip validate" in output and "Passed" in output
    assert plans.git("log", "--format=%s").strip() == "the plan, fixed"
