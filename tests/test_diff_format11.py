"""`sip diff` on the facts format 1.1 added: what a reviewer reads when an instalment is paid,
workers are reached, a determination or a dispute changes, a party or an effectiveness result
is added; and the three backward moves `--check` refuses unless the change logs a review."""

from __future__ import annotations

import json

import pytest

from tests.conftest import AS_OF, DATA
from tests.gitrepo import Repo

MINIMAL = (DATA / "minimal.yaml").read_text(encoding="utf-8")
BASE = (
    MINIMAL.replace(
        """    severity: major
    source: S-1
""",
        """    severity: major
    indicators: [excessive-overtime, withholding-of-wages]
    determination: substantiated
    source: S-1
""",
    )
    .replace(
        """root_causes:
""",
        """  - id: A-2
    kind: remedy
    remedy: back-pay
    addresses: [F-1]
    action: Pay the overtime premiums owed since January
    owner: Supplier Finance Manager
    due: 2026-10-30
    status: in-progress
    workers_covered: 300
    former_workers: 40
    workers_reached: 120
    amount: {committed: 30000, paid: 10000, currency: USD}
    schedule:
      - {due: 2026-07-30, amount: 10000, paid: 2026-07-29}
      - {due: 2026-10-30, amount: 20000}
root_causes:
""",
    )
    .replace(
        """    status: planned
root_causes:""",
        """    status: planned
root_causes:""",
    )
    + """reviews:
  - date: 2026-07-15
    by: Responsible Sourcing Committee
    summary: Plan agreed with the supplier
"""
)
REVIEW = (
    "    summary: Plan agreed with the supplier\n",
    "    summary: Plan agreed with the supplier\n  - date: 2026-08-09\n"
    "    by: Responsible Sourcing Committee\n    summary: Reviewed the auditor's new report\n",
)


@pytest.fixture
def repo(tmp_path, monkeypatch):
    repository = Repo(tmp_path / "repo")
    repository.write("plans/a.yaml", BASE)
    repository.commit("first plan")
    monkeypatch.chdir(repository.root)
    return repository


def _content_changes(sip) -> list[dict]:
    out = sip("diff", "--as-of", AS_OF, "--format", "json")
    assert out.exit_code == 0, out.stderr
    [plan] = json.loads(out.stdout)["plans"]
    return [c for c in plan["changes"] if not c["kind"].startswith("diagnostic")]


# (what changed, the edits, the changes a reviewer reads, whether --check refuses)
CASES = [
    (
        "instalment paid",
        [
            (
                "      - {due: 2026-10-30, amount: 20000}",
                "      - {due: 2026-10-30, amount: 20000, paid: 2026-08-05}",
            )
        ],
        [
            (
                "instalment-paid",
                "response A-2 instalment 2 (due 2026-10-30, USD 20,000) paid 2026-08-05",
                False,
            )
        ],
        False,
    ),
    (
        "paid date removed without a review",
        [("{due: 2026-07-30, amount: 10000, paid: 2026-07-29}", "{due: 2026-07-30, amount: 10000}")],
        [
            (
                "instalment-unpaid",
                "response A-2 instalment 1 (due 2026-07-30, USD 10,000): paid date 2026-07-29 removed",
                True,
            )
        ],
        True,
    ),
    (
        "paid date removed with a review",
        [("{due: 2026-07-30, amount: 10000, paid: 2026-07-29}", "{due: 2026-07-30, amount: 10000}"), REVIEW],
        [
            (
                "instalment-unpaid",
                "response A-2 instalment 1 (due 2026-07-30, USD 10,000): paid date 2026-07-29 removed",
                False,
            ),
            ("review-added", "review logged: 2026-08-09 by Responsible Sourcing Committee", False),
        ],
        False,
    ),
    (
        "workers reached raised",
        [("workers_reached: 120", "workers_reached: 250")],
        [("reached-changed", "response A-2 workers reached: 120 -> 250 of 300", False)],
        False,
    ),
    (
        "workers reached lowered without a review",
        [("workers_reached: 120", "workers_reached: 100")],
        [("reached-lowered", "response A-2 workers reached: 120 -> 100 of 300 (lowered)", True)],
        True,
    ),
    (
        "determination moved down without a review",
        [("determination: substantiated", "determination: indicators-only")],
        [("determination-down", "finding F-1 determination: substantiated -> indicators-only (down)", True)],
        True,
    ),
    (
        "determination moved down with a review",
        [("determination: substantiated", "determination: not-substantiated"), REVIEW],
        [
            (
                "determination-down",
                "finding F-1 determination: substantiated -> not-substantiated (down)",
                False,
            ),
            ("review-added", "review logged: 2026-08-09 by Responsible Sourcing Committee", False),
        ],
        False,
    ),
    (
        "determination dropped: derived as suspected, still down from substantiated",
        [("    determination: substantiated\n", "")],
        [("determination-down", "finding F-1 determination: substantiated -> suspected (down)", True)],
        True,
    ),
    (
        "finding disputed",
        [
            (
                "    determination: substantiated\n",
                "    determination: substantiated\n"
                "    disputed: The supplier says the hours were voluntary\n",
            )
        ],
        [("dispute-changed", "finding F-1 disputed by the site", False)],
        False,
    ),
    (
        "party added",
        [
            ("root_causes:\n", "root_causes:\n"),
            (
                "reviews:\n",
                "parties:\n  - id: P-1\n    name: Example "
                "Verification Ltd\n    kind: verifier\n    role: Checks the repayments\nreviews:\n",
            ),
        ],
        [("item-added", "party P-1 added (verifier): Example Verification Ltd", False)],
        False,
    ),
    (
        "effectiveness recorded",
        [
            (
                "    status: planned\n",
                "    status: planned\n",
            ),
            (
                "    action: Plan peak orders with the supplier's capacity and extend lead times\n",
                "    action: Plan peak orders with the supplier's "
                "capacity and extend lead times\n    effectiveness: {date: 2026-08-01, result: partly-effective, "
                "evidence: Hours over the limit down by half}\n",
            ),
        ],
        [("effectiveness-changed", "improvement MS-1 effectiveness: (none) -> partly-effective", False)],
        False,
    ),
    # issue 21: an edit shows its values where a reviewer needs them, not only the field's name
    (
        "money paid",
        [("paid: 10000, currency: USD", "paid: 250000, currency: USD")],
        [("item-edited", "response A-2 edited: amount paid USD 10,000 -> USD 250,000", False)],
        False,
    ),
    (
        "verified, with who verified, whether independent and how many workers were asked",
        [
            (
                "    due: 2026-09-15\n    status: planned\n",
                "    due: 2026-09-15\n    status: done\n    completed: 2026-08-01\n"
                "    verification: {method: Interviews away from the site, evidence: Report VR-1, "
                "date: 2026-08-05, by: S-1, independent: true, workers_interviewed: 1200}\n",
            )
        ],
        [
            ("status-forward", "response A-1 status: planned -> done (forward)", False),
            (
                "item-edited",
                "response A-1 edited: completed (none) -> 2026-08-01; verified how; verification evidence; "
                "verified on (none) -> 2026-08-05; verified by (none) -> S-1; "
                "verified independently (none) -> yes; workers interviewed (none) -> 1,200",
                False,
            ),
        ],
        False,
    ),
    (
        "counts, lists and the text of a remedy",
        [
            ("workers_covered: 300", "workers_covered: 1500"),
            ("    addresses: [F-1]\n    action: Pay the", "    addresses: [F-1, F-2]\n    action: Pay the"),
            ("Pay the overtime premiums owed since January", "Pay the overtime premiums owed since March"),
        ],
        [
            (
                "item-edited",
                "response A-2 edited: action; addresses F-1 -> F-1, F-2; workers covered 300 -> 1,500",
                False,
            )
        ],
        False,
    ),
    (
        "the plan's own facts",
        [("  country: VN\n", "  country: VN\n  workers: 2500\n"), ("title: Excessive", "title: Much")],
        [("plan-edited", "plan edited: title; site workers (none) -> 2,500", False)],
        False,
    ),
    (
        "worker engagement logged",
        [
            (
                "reviews:\n",
                "worker_engagement:\n  - date: 2026-08-01\n    with: worker-committee\n    method: "
                "Meeting at the site\n    summary: Agreed the instalments\nreviews:\n",
            )
        ],
        [("engagement-added", "worker engagement logged: 2026-08-01 with worker-committee", False)],
        False,
    ),
]


@pytest.mark.parametrize("edits,expected,refused", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_format_11_changes_and_what_check_refuses(sip, repo, edits, expected, refused):
    for old, new in edits:
        repo.edit("plans/a.yaml", old, new)
    changes = _content_changes(sip)
    assert [(c["kind"], c["text"], "refused" in c) for c in changes] == expected
    check = sip("diff", "--as-of", AS_OF, "--check")
    assert check.exit_code == (1 if refused else 0), check.stdout
