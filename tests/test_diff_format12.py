"""`sip diff` on the facts format 1.2 added (amendment section 5): documented fees, coverage
counts, money still owed in both forms, the reason some workers get no money remedy, grievance
channels, the site's languages and the new party kinds, as a reviewer reads them; and the three
changes `--check` refuses unless the change logs a review: `fees_documented.low` lowered,
`workers_affected` lowered, a grievance channel deleted.

The base is tests/data/hollow-done-right.yaml, a 1.2 plan clean on AS_OF, in a real git
repository."""

from __future__ import annotations

import json

import pytest

from tests.conftest import AS_OF, DATA
from tests.gitrepo import Repo
from tests.goldens import assert_golden, formats_of

BASE = (DATA / "hollow-done-right.yaml").read_text(encoding="utf-8")
REVIEW = (
    "\nimprovements:\n",
    "\nreviews:\n  - date: 2026-08-09\n    by: Supplier Compliance Committee\n"
    "    summary: Agreed the corrected figures with SP-1\n\nimprovements:\n",
)
FEES = "fees_documented: {low: 900, high: 1400, currency: USD}"
GC_2 = """  - id: GC-2
    name: Suggestion box in the canteen
    operated_by: site
    anonymous: true
    languages: [ms, en]
"""
UNCLAIMED = """    unclaimed:
      held_by: SP-1
      claim_until: 2027-06-30
      then: Paid into the migrant workers' welfare fund run by SP-1, with the workers' committee
"""


@pytest.fixture
def repo(tmp_path, monkeypatch):
    repository = Repo(tmp_path / "repo")
    repository.write("plans/poultry.yaml", BASE)
    repository.commit("the plan as agreed")
    monkeypatch.chdir(repository.root)
    return repository


def _content_changes(sip) -> list[dict]:
    out = sip("diff", "--as-of", AS_OF, "--format", "json")
    assert out.exit_code == 0, out.stderr
    [plan] = json.loads(out.stdout)["plans"]
    return [c for c in plan["changes"] if not c["kind"].startswith("diagnostic")]


def _review(changes: list[tuple]) -> list[tuple]:
    return [*changes, ("review-added", "review logged: 2026-08-09 by Supplier Compliance Committee", False)]


# (what changed, the edits, the changes a reviewer reads, whether --check refuses)
CASES = [
    # documented fees: low lowered or removed is refused without a review
    (
        "fees lowered",
        [(FEES, "fees_documented: {low: 600, high: 1400, currency: USD}")],
        [
            (
                "fees-lowered",
                "finding F-1 fees documented per worker: USD 900-1,400 -> USD 600-1,400 (lowered)",
                True,
            )
        ],
        True,
    ),
    (
        "fees lowered with a review",
        [(FEES, "fees_documented: {low: 600, high: 1400, currency: USD}"), REVIEW],
        _review(
            [
                (
                    "fees-lowered",
                    "finding F-1 fees documented per worker: USD 900-1,400 -> USD 600-1,400 (lowered)",
                    False,
                )
            ]
        ),
        False,
    ),
    (
        "fees removed",
        [(f"    {FEES}\n", "")],
        [("fees-lowered", "finding F-1 fees documented per worker: USD 900-1,400 -> (none) (lowered)", True)],
        True,
    ),
    (
        "fees raised, to one figure",
        [(FEES, "fees_documented: {low: 1200, currency: USD}")],
        [("fees-changed", "finding F-1 fees documented per worker: USD 900-1,400 -> USD 1,200", False)],
        False,
    ),
    (
        "only the high end lowered",
        [(FEES, "fees_documented: {low: 900, high: 1150.5, currency: USD}")],
        [
            (
                "fees-changed",
                "finding F-1 fees documented per worker: USD 900-1,400 -> USD 900-1,150.50",
                False,
            )
        ],
        False,
    ),
    (
        "fees restated in another currency: not compared",
        [(FEES, "fees_documented: {low: 4000, high: 6200, currency: MYR}")],
        [
            (
                "fees-changed",
                "finding F-1 fees documented per worker: USD 900-1,400 -> MYR 4,000-6,200",
                False,
            )
        ],
        False,
    ),
    # coverage counts
    (
        "workers affected lowered",
        [("workers_affected: 520", "workers_affected: 480")],
        [("affected-lowered", "finding F-1 workers affected: 520 -> 480 (lowered)", True)],
        True,
    ),
    (
        "workers affected lowered with a review",
        [("workers_affected: 520", "workers_affected: 480"), REVIEW],
        _review([("affected-lowered", "finding F-1 workers affected: 520 -> 480 (lowered)", False)]),
        False,
    ),
    (
        "workers affected raised",
        [("workers_affected: 520", "workers_affected: 1200")],
        [("affected-changed", "finding F-1 workers affected: 520 -> 1,200", False)],
        False,
    ),
    (
        "former workers of a finding and of a remedy",
        [
            ("    former_workers: 150\n    fees", "    former_workers: 160\n    fees"),
            (
                "    workers_covered: 150\n    former_workers: 150",
                "    workers_covered: 160\n    former_workers: 160",
            ),
        ],
        [
            ("item-edited", "finding F-1 edited: former workers 150 -> 160 of 520", False),
            (
                "item-edited",
                "response A-3 edited: workers covered 150 -> 160; former workers 150 -> 160 of 160",
                False,
            ),
        ],
        False,
    ),
    # why some workers get no money remedy (answers SIP409)
    (
        "not covered written",
        [
            (
                "    former_workers: 150\n",
                "    former_workers: 150\n    not_covered: Six workers paid no fee\n",
            )
        ],
        [("not-covered-changed", "finding F-1 why some workers get no money remedy: written", False)],
        False,
    ),
    # money still owed, in both forms
    (
        "claim date brought forward",
        [("claim_until: 2027-06-30", "claim_until: 2027-03-31")],
        [
            (
                "unclaimed-changed",
                "response A-2 unclaimed money: held by SP-1 until 2027-06-30 -> held by SP-1 until "
                "2027-03-31 (claim date 91 days earlier)",
                False,
            )
        ],
        False,
    ),
    (
        "money held by someone else",
        [("held_by: SP-1", "held_by: P-2")],
        [
            (
                "unclaimed-changed",
                "response A-2 unclaimed money: held by SP-1 until 2027-06-30 -> held by P-2 until 2027-06-30",
                False,
            )
        ],
        False,
    ),
    (
        "what happens after the claim date rewritten",
        [("then: Paid into the migrant", "then: Paid into the returnee")],
        [
            (
                "unclaimed-changed",
                "response A-2 unclaimed money: held by SP-1 until 2027-06-30, what happens then rewritten",
                False,
            )
        ],
        False,
    ),
    (
        "the mapping replaced by text",
        [(UNCLAIMED, "    unclaimed: Goes to a fund\n")],
        [
            (
                "unclaimed-changed",
                "response A-2 unclaimed money: held by SP-1 until 2027-06-30 -> text only, no holder or "
                "claim date",
                False,
            )
        ],
        False,
    ),
    (
        "added to a remedy that had none",
        [
            (
                "    contingency: Example Foods pays any refund",
                "    unclaimed: {held_by: SP-1, claim_until: 2027-08-31, then: Paid to the workers' fund}\n"
                "    contingency: Example Foods pays any refund",
            )
        ],
        [
            (
                "unclaimed-changed",
                "response A-3 unclaimed money: (none) -> held by SP-1 until 2027-08-31",
                False,
            )
        ],
        False,
    ),
    # grievance channels: a deletion needs a review
    (
        "grievance channel deleted",
        [(GC_2, "")],
        [
            (
                "item-removed",
                "grievance channel GC-2 deleted (run by site, anonymous, in ms, en): Suggestion box in the canteen",
                True,
            )
        ],
        True,
    ),
    (
        "grievance channel deleted with a review",
        [(GC_2, ""), REVIEW],
        _review(
            [
                (
                    "item-removed",
                    "grievance channel GC-2 deleted (run by site, anonymous, in ms, en): Suggestion box in "
                    "the canteen",
                    False,
                )
            ]
        ),
        False,
    ),
    (
        "grievance channel added",
        [
            (
                GC_2,
                GC_2 + "  - id: GC-3\n    name: Worker committee elected in August\n"
                "    operated_by: worker-organisation\n    anonymous: false\n    languages: [my, ne]\n",
            )
        ],
        [
            (
                "item-added",
                "grievance channel GC-3 added (run by worker-organisation, not anonymous, in my, ne): Worker "
                "committee elected in August",
                False,
            )
        ],
        False,
    ),
    (
        "grievance channel made worse",
        [
            (
                "    anonymous: true\n    languages: [my, ne, ms]\n    since: 2026-06-15",
                "    anonymous: false\n    languages: [my, ne]\n    since: 2026-09-01",
            ),
            ("    operated_by: third-party", "    operated_by: company"),
        ],
        [
            (
                "item-edited",
                "grievance channel GC-1 edited: operated by third-party -> company; anonymous yes -> no; "
                "languages my, ne, ms -> my, ne; since 2026-06-15 -> 2026-09-01",
                False,
            )
        ],
        False,
    ),
    # the site's languages, and who a party is
    (
        "site languages",
        [("  languages: [my, ne, ms]\nowner", "  languages: [my, ne, ms, bn]\nowner")],
        [("plan-edited", "plan edited: site languages my, ne, ms -> my, ne, ms, bn", False)],
        False,
    ),
    (
        "a party's kind",
        [("    kind: verifier\n", "    kind: employer\n")],
        [("item-edited", "party P-4 edited: kind verifier -> employer", False)],
        False,
    ),
    (
        "a party added",
        [
            (
                "\ngrievance_channels:\n",
                "  - id: P-5\n    name: Example Foods sourcing team\n    kind: own-staff\n"
                "    role: Follows the refunds\n\ngrievance_channels:\n",
            )
        ],
        [("item-added", "party P-5 added (own-staff): Example Foods sourcing team", False)],
        False,
    ),
]


@pytest.mark.parametrize("edits,expected,refused", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_format_12_changes_and_what_check_refuses(sip, repo, edits, expected, refused):
    for old, new in edits:
        repo.edit("plans/poultry.yaml", old, new)
    changes = _content_changes(sip)
    assert [(c["kind"], c["text"], "refused" in c) for c in changes] == expected
    check = sip("diff", "--as-of", AS_OF, "--check")
    assert check.exit_code == (1 if refused else 0), check.stdout


def test_what_was_removed_reads_back_when_added(sip, repo):
    """The other way round from a base without them: documented fees and the reason some
    workers get no money remedy recorded, text turned into the mapping SIP405 asks for."""
    repo.edit("plans/poultry.yaml", f"    {FEES}\n", "")
    repo.edit(
        "plans/poultry.yaml", "    former_workers: 150\n", "    former_workers: 150\n    not_covered: None\n"
    )
    repo.edit("plans/poultry.yaml", UNCLAIMED, "    unclaimed: Goes to a fund\n")
    repo.commit("before")
    repo.write("plans/poultry.yaml", BASE)
    assert [(c["kind"], c["text"]) for c in _content_changes(sip)] == [
        ("fees-changed", "finding F-1 fees documented per worker: (none) -> USD 900-1,400"),
        ("not-covered-changed", "finding F-1 why some workers get no money remedy: removed"),
        (
            "unclaimed-changed",
            "response A-2 unclaimed money: text only, no holder or claim date -> held by SP-1 until 2027-06-30",
        ),
    ]
    assert sip("diff", "--as-of", AS_OF, "--check").exit_code == 0


@pytest.mark.parametrize("format,suffix", formats_of("diff"))
def test_golden_review_of_a_format_12_change(sip, repo, format, suffix):
    """A supplier's change that makes the plan look better by shrinking the problem: fewer
    workers, lower fees, the channel in the workers' languages gone, less time to claim."""
    repo.edit("plans/poultry.yaml", "workers_affected: 520", "workers_affected: 480")
    repo.edit("plans/poultry.yaml", FEES, "fees_documented: {low: 600, high: 1400, currency: USD}")
    repo.edit(
        "plans/poultry.yaml",
        "  - id: GC-1\n    name: Helpline of SP-1 for migrant workers, by phone and messaging app\n"
        "    operated_by: third-party\n    anonymous: true\n    languages: [my, ne, ms]\n    since: 2026-06-15\n",
        "",
    )
    repo.edit("plans/poultry.yaml", "claim_until: 2027-06-30", "claim_until: 2026-12-31")
    repo.edit(
        "plans/poultry.yaml", "    former_workers: 150\n", "    former_workers: 150\n    not_covered: Left\n"
    )
    out = sip("diff", "--as-of", AS_OF, "--check", "--format", format)
    assert out.exit_code == 1
    assert_golden(f"diff/format-1.2.{suffix}", out.stdout)
