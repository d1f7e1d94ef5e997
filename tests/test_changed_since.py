"""`sip validate --changed-since REF`: only the plans a branch changed, SIP203 across all."""

from __future__ import annotations

import json

import pytest

from tests.conftest import AS_OF, DATA
from tests.gitrepo import Repo

MINIMAL = (DATA / "minimal.yaml").read_text(encoding="utf-8")
BROKEN = MINIMAL.replace("severity: major", "severity: severe")


def _plan(plan_id: str, text: str = MINIMAL) -> str:
    return text.replace("SIP-TEST-001", plan_id)


@pytest.fixture
def repo(tmp_path, monkeypatch):
    repository = Repo(tmp_path / "repo")
    repository.write("plans/a.yaml", _plan("P-A"))
    repository.write("plans/b.yaml", _plan("P-B", BROKEN))  # broken on main already
    repository.write("plans/c.yaml", _plan("P-C"))
    repository.commit("plans")
    repository.git("checkout", "-q", "-b", "feature")
    monkeypatch.chdir(repository.root)
    return repository


def _validate(sip, *args: str):
    out = sip("validate", "--as-of", AS_OF, "--format", "json", *args)
    return out, json.loads(out.stdout) if out.stdout else None


def test_only_changed_plans_are_checked(sip, repo):
    repo.edit("plans/a.yaml", "severity: major", "severity: minor")
    repo.commit("lower a finding")
    repo.write("plans/new.yaml", _plan("P-NEW"))  # untracked: changed too
    out, document = _validate(sip, "--changed-since", "main", "plans")
    assert document["files"] == 2
    assert out.exit_code == 0  # b.yaml's old error is not this branch's
    assert "2 of 4 plans changed since main" in out.stderr
    whole, everything = _validate(sip, "plans")
    assert everything["files"] == 4 and whole.exit_code == 1


def test_what_landed_on_the_ref_after_the_fork_is_not_charged_to_the_branch(sip, repo):
    repo.git("checkout", "-q", "main")
    repo.edit("plans/c.yaml", "severity: major", "severity: critical")
    repo.commit("main moves on")
    repo.git("checkout", "-q", "feature")
    _, document = _validate(sip, "--changed-since", "main", "plans")
    assert document["files"] == 0


def test_a_changed_plan_that_takes_an_unchanged_plans_id_gets_sip203(sip, repo):
    repo.write("plans/d.yaml", _plan("P-C"))
    out, document = _validate(sip, "--changed-since", "main", "plans")
    assert [(d["file"], d["code"]) for d in document["diagnostics"]] == [("plans/d.yaml", "SIP203")]
    assert "plan id P-C is already used by plans/c.yaml" in document["diagnostics"][0]["message"]
    assert out.exit_code == 1


def test_nothing_changed_is_a_clean_run(sip, repo):
    out, document = _validate(sip, "--changed-since", "main", "plans")
    assert out.exit_code == 0 and document["files"] == 0
    text = sip("validate", "--changed-since", "main", "plans")
    assert text.stdout == "0 files checked: no problems\n"


def test_unknown_ref_and_no_repository_exit_2(sip, repo, tmp_path, monkeypatch):
    out = sip("validate", "--changed-since", "mian", "plans")
    assert out.exit_code == 2 and out.stdout == ""
    assert "--changed-since mian: git knows no such revision" in out.stderr
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "plan.yaml").write_text(MINIMAL)
    monkeypatch.chdir(outside)
    out = sip("validate", "--changed-since", "main", ".")
    assert out.exit_code == 2 and "is not in a git repository" in out.stderr
