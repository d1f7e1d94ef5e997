"""Which files `sip validate FOLDER` checks in a real repository: plans, not the hidden files
of the tools beside them, and not what the repository's .gitignore files leave out."""

from __future__ import annotations

import json

from tests.conftest import AS_OF, DATA
from tests.gitrepo import Repo

MINIMAL = (DATA / "minimal.yaml").read_text(encoding="utf-8")
BROKEN = MINIMAL.replace("country: VN", "country: vn")


def plan(number: int) -> str:
    return MINIMAL.replace("SIP-TEST-001", f"SIP-TEST-{number:03}")


def checked(sip, *paths) -> list[str]:
    out = sip("validate", "--as-of", AS_OF, "--format", "json", *paths)
    return sorted(d["file"] for d in json.loads(out.stdout)["diagnostics"])


def test_hidden_files_beside_plans_are_not_plans(sip, tmp_path, monkeypatch):
    # docs/ci.md's own recipes: a GitLab job named `sip:`, the pre-commit hook, yamllint
    repo = Repo(tmp_path)
    repo.write(".gitlab-ci.yml", "sip:\n  image: python:3.12\n  script: [sip validate .]\n")
    repo.write(".pre-commit-config.yaml", "repos:\n  - repo: local\n    hooks: []\n")
    repo.write(".yamllint.yml", "extends: default\n")
    repo.write("plans/.hidden.yaml", BROKEN)
    repo.write("plans/a.yaml", plan(1))
    monkeypatch.chdir(tmp_path)
    out = sip("validate", "--as-of", AS_OF, "--format", "json", ".")
    assert out.exit_code == 0, out.stdout
    assert json.loads(out.stdout)["files"] == 1
    # named on the command line, a hidden file is checked
    assert sip("validate", "--as-of", AS_OF, "plans/.hidden.yaml").exit_code == 1


def test_gitignore_files_are_honoured_as_git_reads_them(sip, tmp_path, monkeypatch):
    repo = Repo(tmp_path)
    repo.write(".gitignore", "build/\n*.draft.yaml\n/scratch.yaml\n")
    repo.write("plans/.gitignore", "!keep.draft.yaml\nold/\n")
    repo.write("plans/a.yaml", plan(1))
    repo.write("plans/b.draft.yaml", BROKEN)  # ignored by the top's *.draft.yaml
    repo.write("plans/keep.draft.yaml", BROKEN)  # brought back by the nearer negation
    repo.write("plans/old/c.yaml", BROKEN)  # in a folder the nearer file ignores
    repo.write("build/d.yaml", BROKEN)
    repo.write("build/.gitignore", "!d.yaml\n")  # nothing in an ignored folder comes back
    repo.write("scratch.yaml", BROKEN)  # anchored to the top
    repo.write("plans/scratch.yaml", BROKEN.replace("SIP-TEST-001", "SIP-TEST-009"))  # not anchored here
    monkeypatch.chdir(tmp_path)
    assert checked(sip, ".") == ["plans/keep.draft.yaml", "plans/scratch.yaml"]
    # searched from below the top, the top's .gitignore still applies
    assert checked(sip, "plans") == ["plans/keep.draft.yaml", "plans/scratch.yaml"]
    # named on the command line, an ignored file is checked
    assert checked(sip, "build/d.yaml", "plans/b.draft.yaml") == ["build/d.yaml", "plans/b.draft.yaml"]


def test_outside_a_work_tree_only_the_searched_folders_gitignore_files_apply(sip, tmp_path, monkeypatch):
    (tmp_path / ".gitignore").write_text("*.yaml\n", encoding="utf-8")  # above the search: not read
    folder = tmp_path / "plans"
    folder.mkdir()
    (folder / ".gitignore").write_text("drafts/\n", encoding="utf-8")
    (folder / "a.yaml").write_text(BROKEN, encoding="utf-8")
    (folder / "drafts").mkdir()
    (folder / "drafts" / "b.yaml").write_text(BROKEN, encoding="utf-8")
    monkeypatch.chdir(folder)
    assert checked(sip, ".") == ["a.yaml"]


def test_a_folder_with_only_ignored_plans_has_no_plan_to_check(sip, tmp_path):
    repo = Repo(tmp_path)
    repo.write(".gitignore", "*.yaml\n")
    repo.write("a.yaml", plan(1))
    out = sip("validate", tmp_path)
    assert out.exit_code == 2
    assert "no plan file (*.yaml, *.yml) found" in out.stderr
