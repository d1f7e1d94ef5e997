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


class Hooked:
    """A plans repository with sip's hook installed for real, and a way to commit in it."""

    def __init__(self, root: Path, sip_repository: Path, revision: str, cache: Path) -> None:
        self.repo = Repo(root)
        self.repo.write(
            ".pre-commit-config.yaml",
            f"""repos:
  - repo: {sip_repository}
    rev: {revision}
    hooks:
      - id: sip-validate
""",
        )  # no files: filter, as a user would write it first
        self.env = {**os.environ, "PRE_COMMIT_HOME": str(cache), "SKIP": ""}
        self.env.pop("GITHUB_ACTIONS", None)
        installed = _pre_commit("install-hooks", cwd=root, env=self.env)
        if installed.returncode != 0:
            log = installed.stdout + installed.stderr
            if any(sign in log for sign in OFFLINE_SIGNS):
                pytest.skip(
                    "pre-commit could not build the hook's environment (no package index "
                    "reachable): " + log.strip().splitlines()[-1]
                )
            pytest.fail("pre-commit could not install sip's hook:\n" + log)
        assert _pre_commit("install", cwd=root, env=self.env).returncode == 0

    def commit(self, message: str) -> tuple[int, str]:
        self.repo.git("add", "-A")
        done = subprocess.run(
            ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-m", message],
            cwd=self.repo.root,
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        return done.returncode, done.stdout


@pytest.fixture(scope="module")
def hooked(tmp_path_factory):
    """A new plans repository with the hook, each time; sip's environment is built once."""
    base = tmp_path_factory.mktemp("hook")
    revision = _hook_repository(base / "sip")
    count = 0

    def make() -> Hooked:
        nonlocal count
        count += 1
        return Hooked(base / f"plans-{count}", base / "sip", revision, base / "cache")

    return make


def test_the_hook_refuses_a_broken_plan_and_accepts_a_good_one(hooked):
    hook = hooked()
    plans = hook.repo
    plans.write("README.md", "# Our plans\n")
    plans.write(".github/workflows/ci.yml", "name: ci\non: push\njobs: {}\n")  # YAML, not a plan
    plans.write("plans/vietnam.yaml", BROKEN)
    status, output = hook.commit("a plan with a mistake")
    assert status != 0
    assert "plans/vietnam.yaml:20:15: SIP102 'severe' is not a severity" in output
    assert "1 file checked: 1 error" in output  # the workflow and .pre-commit-config.yaml: skipped
    assert plans.git("rev-list", "--all").strip() == ""  # nothing was committed

    plans.write("plans/vietnam.yaml", MINIMAL)
    status, output = hook.commit("the plan, fixed")
    assert status == 0, output
    assert "sip validate" in output and "Passed" in output
    assert plans.git("log", "--format=%s").strip() == "the plan, fixed"


def test_a_plan_id_shared_across_precommits_batches_is_refused(hooked):
    # pre-commit splits past 128 KiB of file names, require_serial or not: 600 plans with long
    # names are two batches, and the first and the last share an id
    hook = hooked()
    folder = "plans/" + "a-long-folder-name-as-some-teams-write-them-" * 5
    names = [f"{folder}/plan-{n:04}-{'x' * 30}.yaml" for n in range(600)]
    for n, name in enumerate(names):
        hook.repo.write(name, MINIMAL.replace("SIP-TEST-001", f"SIP-TEST-{n % 599:04}"))
    status, output = hook.commit("many plans")
    assert output.count("files checked") >= 2, output[-2000:]  # it did run in batches
    assert status != 0
    assert f"{names[0]}:2:5: SIP203 plan id SIP-TEST-0000 is already used by {names[-1]}" in output
    assert f"{names[-1]}:2:5: SIP203 plan id SIP-TEST-0000 is already used by {names[0]}" in output
    # a new plan that takes the id of a plan already committed is refused on its own
    hook.repo.git("commit", "-q", "--no-verify", "-m", "many plans, without the hook")
    hook.repo.write(names[-1], MINIMAL.replace("SIP-TEST-001", "SIP-TEST-9999"))
    assert hook.commit("the duplicate, renamed")[0] == 0
    hook.repo.write("plans/new.yaml", MINIMAL.replace("SIP-TEST-001", "SIP-TEST-0005"))
    status, output = hook.commit("a new plan")
    assert status != 0
    assert f"plans/new.yaml:2:5: SIP203 plan id SIP-TEST-0005 is already used by {names[5]}" in output
