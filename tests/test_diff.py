"""`sip diff` on real git repositories with a scripted history: what a reviewer sees, and
what `--check` refuses."""

from __future__ import annotations

import json

import pytest

from tests.conftest import AS_OF, DATA
from tests.gitrepo import Repo
from tests.goldens import assert_golden, formats_of

MINIMAL = (DATA / "minimal.yaml").read_text(encoding="utf-8")
# The minimal plan with a second finding, an action in progress, a done one and a review:
# clean under every rule of the plan format on AS_OF.
BASE = (
    MINIMAL.replace(
        """responses:
""",
        """  - id: F-2
    title: No written contracts for agency workers
    severity: minor
    source: S-1
    identified: 2026-06-28
responses:
""",
    )
    .replace(
        """root_causes:
""",
        """  - id: A-2
    kind: corrective
    addresses: [F-2]
    action: Written contracts in the workers' languages
    owner: Supplier HR Manager
    due: 2026-10-01
    status: in-progress
  - id: A-3
    kind: corrective
    addresses: [F-1]
    action: Post the legal hours limit in every unit
    owner: Supplier HR Manager
    due: 2026-07-30
    status: done
    completed: 2026-07-20
root_causes:
""",
    )
    .replace("    findings: [F-1]\n", "    findings: [F-1, F-2]\n")
    + """reviews:
  - date: 2026-07-15
    by: Responsible Sourcing Committee
    summary: Plan agreed with the supplier
"""
)
REVIEW = """  - date: 2026-08-09
    by: Responsible Sourcing Committee
    summary: Agreed the new dates with the supplier
"""


@pytest.fixture
def repo(tmp_path, monkeypatch):
    repository = Repo(tmp_path / "repo")
    repository.write("plans/a.yaml", BASE)
    repository.write("plans/b.yaml", MINIMAL.replace("SIP-TEST-001", "SIP-TEST-002"))
    repository.write(".github/workflows/ci.yml", "on: push\njobs: {}\n")
    repository.commit("first plans")
    monkeypatch.chdir(repository.root)
    return repository


def _diff(sip, *args: str) -> dict:
    out = sip("diff", "--as-of", AS_OF, "--format", "json", *args)
    assert out.exit_code == 0, out.stderr
    return json.loads(out.stdout)


def _changes(document: dict, path: str = "plans/a.yaml") -> list[dict]:
    plan = next(p for p in document["plans"] if path in (p["new_path"], p["old_path"]))
    return plan["changes"]


def _kinds(document: dict, path: str = "plans/a.yaml") -> list[tuple[str, bool]]:
    """The changes to the plan's content (diagnostics left out: the rules have their own tests)."""
    return [
        (c["kind"], "refused" in c)
        for c in _changes(document, path)
        if not c["kind"].startswith("diagnostic")
    ]


# (what the reviewer reads, the edits to plans/a.yaml, the changes, whether --check refuses)
CASES = [
    (
        "finding added",
        [
            (
                "responses:\n",
                "  - id: F-3\n    title: Wages paid late\n    severity: major\n"
                "    source: S-1\n    identified: 2026-07-01\nresponses:\n",
            )
        ],
        [("finding-added", False)],
        False,
    ),
    (
        "finding deleted",
        [
            (
                "  - id: F-2\n    title: No written contracts for agency workers\n    severity: minor\n"
                "    source: S-1\n    identified: 2026-06-28\n",
                "",
            )
        ],
        [("finding-removed", True)],
        True,
    ),
    (
        "action deleted",
        [
            (
                "  - id: A-3\n    kind: corrective\n    addresses: [F-1]\n    action: Post the legal hours "
                "limit in every unit\n    owner: Supplier HR Manager\n    due: 2026-07-30\n    status: done\n"
                "    completed: 2026-07-20\n",
                "",
            )
        ],
        [("action-removed", True)],
        True,
    ),
    (
        "status forward",
        [("due: 2026-09-15\n    status: planned", "due: 2026-09-15\n    status: in-progress")],
        [("status-forward", False)],
        False,
    ),
    (
        "status backward",
        [("status: done\n    completed: 2026-07-20\n", "status: in-progress\n")],
        [("status-backward", True), ("item-edited", False)],
        True,
    ),
    (
        "due date slipped without a review",
        [("due: 2026-09-15", "due: 2026-10-15")],
        [("due-later", True)],
        True,
    ),
    (
        "due date slipped with a review",
        [
            ("due: 2026-09-15", "due: 2026-10-15"),
            (
                "    summary: Plan agreed with the supplier\n",
                "    summary: Plan agreed with the supplier\n" + REVIEW,
            ),
        ],
        [("due-later", False), ("review-added", False)],
        False,
    ),
    ("due date brought forward", [("due: 2026-09-15", "due: 2026-09-01")], [("due-earlier", False)], False),
    (
        "action cancelled without a review",
        [("due: 2026-10-01\n    status: in-progress", "due: 2026-10-01\n    status: cancelled")],
        [("cancelled", True)],
        True,
    ),
    (
        "action cancelled with a review",
        [
            ("due: 2026-10-01\n    status: in-progress", "due: 2026-10-01\n    status: cancelled"),
            (
                "    summary: Plan agreed with the supplier\n",
                "    summary: Plan agreed with the supplier\n" + REVIEW,
            ),
        ],
        [("cancelled", False), ("review-added", False)],
        False,
    ),
    (
        "source deleted",
        [
            (
                "sources:\n  - id: S-1\n    kind: social-audit\n    reference: Audit report 2026-06-28\n"
                "    date: 2026-06-28\n",
                "sources:\n  - id: S-2\n    kind: social-audit\n    reference: "
                "Audit report 2026-06-28\n    date: 2026-06-28\n",
            )
        ],
        [("item-removed", False), ("item-added", False)],
        False,
    ),
    (
        "severity lowered and text edited",
        [("severity: major", "severity: minor"), ("Cap weekly hours", "Cap the weekly hours")],
        [("severity-changed", False), ("item-edited", False)],
        False,
    ),
]


@pytest.mark.parametrize("edits,expected,refused", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_each_kind_of_change_and_what_check_refuses(sip, repo, edits, expected, refused):
    for old, new in edits:
        repo.edit("plans/a.yaml", old, new)
    document = _diff(sip)
    assert _kinds(document) == expected
    assert [p["new_path"] for p in document["plans"]] == ["plans/a.yaml"]
    check = sip("diff", "--as-of", AS_OF, "--check")
    assert check.exit_code == (1 if refused else 0), check.stdout


def test_slipped_due_date_says_by_how_many_days(sip, repo):
    repo.edit("plans/a.yaml", "due: 2026-09-15", "due: 2026-10-15")
    [change] = [c for c in _changes(_diff(sip)) if c["kind"] == "due-later"]
    assert change["text"] == "response A-1 due: 2026-09-15 -> 2026-10-15 (30 days later)"
    assert change["refused"] == "due date moved later with no review logged in this change"
    assert change["item"] == "A-1"


def test_waiver_added_and_removed(sip, repo):
    repo.write(
        "plans/a.yaml",
        BASE + "waivers:\n  - rule: SIP506\n    ids: [A-2]\n"
        "    reason: Agreed with the workers' representatives\n    until: 2026-12-31\n",
    )
    [added] = [c for c in _changes(_diff(sip)) if c["kind"] == "waiver-added"]
    assert added["text"] == (
        "waiver added: SIP506 for A-2 until 2026-12-31: Agreed with the workers' representatives"
    )
    repo.commit("waive")
    repo.write("plans/a.yaml", BASE)
    assert [c["kind"] for c in _changes(_diff(sip)) if c["kind"].startswith("waiver")] == ["waiver-removed"]


def test_diagnostics_that_appear_and_go_away_are_matched_by_item_not_line(sip, repo):
    repo.edit("plans/a.yaml", "severity: minor", "severity: severe")
    [appeared] = _changes(_diff(sip))[1:]
    assert appeared["kind"] == "diagnostic-appeared"
    assert appeared["text"].startswith(
        "SIP102 error (line 25, findings[F-2].severity) appeared: 'severe' is not a severity"
    )
    repo.commit("a mistake")
    # Fixing it while inserting a finding above: the SIP102 went away and no other appeared,
    # although every line below the new finding moved.
    repo.edit("plans/a.yaml", "severity: severe", "severity: minor")
    repo.edit(
        "plans/a.yaml",
        "findings:\n",
        "findings:\n  - id: F-0\n    title: Wages paid late\n"
        "    severity: major\n    source: S-1\n    identified: 2026-07-01\n",
    )
    changes = _changes(_diff(sip))
    assert [c["kind"] for c in changes][:2] == ["finding-added", "severity-changed"]
    sip102 = [c["kind"] for c in changes if c["text"].startswith("SIP102")]
    assert sip102 == ["diagnostic-resolved"]


def test_renamed_plan_is_followed(sip, repo):
    repo.git("mv", "plans/b.yaml", "plans/vietnam.yaml")
    document = _diff(sip)
    [plan] = document["plans"]
    assert (plan["old_path"], plan["new_path"], plan["plan_id"]) == (
        "plans/b.yaml",
        "plans/vietnam.yaml",
        "SIP-TEST-002",
    )
    assert [c["kind"] for c in plan["changes"]] == ["plan-renamed"]
    repo.edit("plans/vietnam.yaml", "due: 2026-09-15", "due: 2026-09-30")
    repo.commit("rename and slip")
    document = _diff(sip, "HEAD~1", "HEAD")
    assert _kinds(document, "plans/vietnam.yaml") == [("plan-renamed", False), ("due-later", True)]


def test_plans_added_and_removed(sip, repo):
    repo.write("plans/c.yaml", MINIMAL.replace("SIP-TEST-001", "SIP-TEST-003"))
    (repo.root / "plans/b.yaml").unlink()
    document = _diff(sip)
    assert _kinds(document, "plans/c.yaml") == [("plan-added", False)]  # untracked, still seen
    assert _changes(document, "plans/c.yaml")[0]["text"] == "plan added: 1 finding, 2 actions"
    assert _kinds(document, "plans/b.yaml") == [("plan-removed", True)]
    assert sip("diff", "--check").exit_code == 1


def test_between_two_commits_and_limited_to_paths(sip, repo):
    first = repo.git("rev-parse", "HEAD").strip()
    repo.edit(
        "plans/a.yaml", "due: 2026-09-15\n    status: planned", "due: 2026-09-15\n    status: in-progress"
    )
    repo.edit("plans/b.yaml", "due: 2026-09-15", "due: 2026-09-30")
    second = repo.commit("progress")
    repo.edit("plans/a.yaml", "severity: major", "severity: critical")  # not committed
    document = _diff(sip, first, second)
    assert (document["base"], document["head"]) == (first, second)
    assert [p["new_path"] for p in document["plans"]] == ["plans/a.yaml", "plans/b.yaml"]
    assert _kinds(document) == [("status-forward", False)]
    only_a = _diff(sip, first, second, "plans/a.yaml")
    assert [p["new_path"] for p in only_a["plans"]] == ["plans/a.yaml"]
    working = _diff(sip, "plans")  # HEAD against the working tree, under plans/
    assert _kinds(working) == [("severity-changed", False)]


def test_a_path_wins_over_a_revision_of_the_same_name(sip, repo):
    repo.git("branch", "plans")
    repo.edit("plans/a.yaml", "severity: major", "severity: critical")
    document = _diff(sip, "plans")
    assert document["base"] == "HEAD" and len(document["plans"]) == 1
    repo.commit("critical")
    document = _diff(sip, "plans^0")  # the branch, written so it cannot be a path
    assert document["base"] == "plans^0" and _kinds(document) == [("severity-changed", False)]


def test_files_that_are_not_plans_are_left_out(sip, repo):
    repo.write(".github/workflows/ci.yml", "on: [push, pull_request]\njobs: {}\n")
    repo.write("notes.md", "# notes\n")
    assert _diff(sip)["plans"] == []


def test_a_plan_that_is_not_yaml_at_the_head(sip, repo):
    repo.edit("plans/a.yaml", "title: Overtime", 'title: "Overtime')
    kinds = [c["kind"] for c in _changes(_diff(sip))]
    assert kinds == ["unreadable", "diagnostic-appeared"]


@pytest.mark.parametrize(
    "args,reason",
    [
        (["mian"], "mian: not a revision git knows, nor a file or folder here or in HEAD"),
        (["HEAD", "nowhere/"], "nowhere/: not a revision git knows, nor a file or folder"),
    ],
)
def test_unknown_revision_or_path_exits_2(sip, repo, args, reason):
    out = sip("diff", *args)
    assert out.exit_code == 2 and out.stdout == ""
    assert reason in out.stderr


def test_outside_a_git_repository_exits_2(sip, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    out = sip("diff")
    assert out.exit_code == 2 and out.stdout == ""
    assert "is not in a git repository" in out.stderr


def test_a_repository_without_commits_exits_2(sip, tmp_path, monkeypatch):
    Repo(tmp_path / "empty")
    monkeypatch.chdir(tmp_path / "empty")
    out = sip("diff")
    assert out.exit_code == 2 and "HEAD names no commit yet" in out.stderr


@pytest.mark.parametrize("format,suffix", formats_of("diff"))
def test_golden_review_of_a_change_set(sip, repo, format, suffix):
    repo.edit(
        "plans/a.yaml", "due: 2026-09-15\n    status: planned", "due: 2026-10-15\n    status: in-progress"
    )
    repo.edit("plans/a.yaml", "status: done\n    completed: 2026-07-20\n", "status: in-progress\n")
    repo.edit("plans/a.yaml", "severity: minor", "severity: severe")
    repo.git("mv", "plans/b.yaml", "plans/vietnam.yaml")
    repo.write("plans/c.yaml", MINIMAL.replace("SIP-TEST-001", "SIP-TEST-003"))
    out = sip("diff", "--as-of", AS_OF, "--check", "--format", format)
    assert out.exit_code == 1
    assert_golden(f"diff/change-set.{suffix}", out.stdout)
