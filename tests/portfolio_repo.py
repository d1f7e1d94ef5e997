"""A portfolio with a history: the examples committed month by month into a throwaway git
repository, as a brand's plans grow (issue 19, item 3). Used by the chart tests and the
screenshots of the portfolio page."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import EXAMPLES
from tests.gitrepo import Repo

# (date of the month's commit, the plans it holds, edits to their text: (file, old, new))
MONTHS: list[tuple[str, list[str], list[tuple[str, str, str]]]] = [
    ("2026-02-14", ["garment-closed-mauritius.yaml"], []),
    (
        "2026-03-13",
        ["garment-closed-mauritius.yaml", "seasonal-farm-india.yaml"],
        [("seasonal-farm-india.yaml", "workers_reached: 420", "workers_reached: 180")],
    ),
    (
        "2026-04-17",
        ["garment-closed-mauritius.yaml", "seasonal-farm-india.yaml", "spec-example.yaml"],
        [("spec-example.yaml", "paid: 340000", "paid: 0")],
    ),
    (
        "2026-05-15",
        [
            "garment-closed-mauritius.yaml",
            "seasonal-farm-india.yaml",
            "spec-example.yaml",
            "electronics-penang.yaml",
        ],
        [("spec-example.yaml", "paid: 340000", "paid: 120000")],
    ),
    (
        "2026-06-12",
        [
            "garment-closed-mauritius.yaml",
            "seasonal-farm-india.yaml",
            "spec-example.yaml",
            "electronics-penang.yaml",
            "fishing-vessel-thailand.yaml",
        ],
        [("electronics-penang.yaml", "workers_reached: 612", "workers_reached: 300")],
    ),
    (
        "2026-07-10",
        [
            "garment-closed-mauritius.yaml",
            "seasonal-farm-india.yaml",
            "spec-example.yaml",
            "electronics-penang.yaml",
            "fishing-vessel-thailand.yaml",
        ],
        [],
    ),
]


def portfolio_repo(root: Path) -> Repo:
    """The repository at root, its plans in plans/, one commit a month from February to July
    2026; the working tree as the last commit left it."""
    repo = Repo(root)
    for date, names, edits in MONTHS:
        for old in (root / "plans").glob("*.yaml") if (root / "plans").exists() else ():
            if old.name not in names:
                old.unlink()
        for name in names:
            text = (EXAMPLES / name).read_text("utf-8")
            for file, before, after in edits:
                if file == name:
                    assert before in text, (name, before)
                    text = text.replace(before, after, 1)
            repo.write(f"plans/{name}", text)
        repo.commit(f"plans as of {date}", date=date)
    return repo
