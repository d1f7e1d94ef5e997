"""The portfolio month by month (issue 19, item 3): the numbers in a site's charts equal those this
test computes on its own, from the plans at each month's last commit, read with git and PyYAML
(none of sip's figures, models or history code)."""

from __future__ import annotations

import calendar
import datetime as dt
import html
import re
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.conftest import AS_OF, EXAMPLES
from tests.gitrepo import Repo
from tests.portfolio_repo import portfolio_repo

MONEY = ("reimbursement", "back-pay", "compensation")


@pytest.fixture(scope="module")
def repo(tmp_path_factory):
    return portfolio_repo(tmp_path_factory.mktemp("portfolio"))


def month_end(label: str) -> dt.date:
    year, month = map(int, label.split("-"))
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def plans_at(root: Path, day: dt.date) -> list[dict]:
    """The plans as they stood at the last commit on or before day (the working tree for the
    report's own month)."""
    if day >= dt.date.fromisoformat(AS_OF):
        return [yaml.safe_load(p.read_text("utf-8")) for p in sorted((root / "plans").glob("*.yaml"))]
    commit = subprocess.run(
        ["git", "rev-list", "-1", "--first-parent", f"--before={day}T23:59:59", "HEAD"],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    if not commit:
        return []
    names = subprocess.run(
        ["git", "ls-tree", "-r", "--name-only", commit, "plans"],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return [
        yaml.safe_load(
            subprocess.run(
                ["git", "show", f"{commit}:{name}"], cwd=root, capture_output=True, text=True, check=True
            ).stdout
        )
        for name in names
    ]


def expected(plans: list[dict], day: dt.date) -> dict[str, float]:
    """This month's figures, computed here: open and past-due actions, money paid by currency,
    workers reached (each plan: per type of money remedy the sum of what they record, the most of
    any type; a planned remedy has reached no one)."""
    out: dict[str, float] = {"Open": 0, "Past due": 0, "Reached": 0}
    for plan in plans:
        actions = [*plan.get("responses", []), *plan.get("improvements", [])]
        for a in actions:
            if a["status"] in ("planned", "in-progress"):
                out["Open"] += 1
                out["Past due"] += a["due"] < day
        by_type: dict[str, list] = {}
        for r in plan.get("responses", []):
            if r["status"] == "cancelled":
                continue
            amount = r.get("amount")
            if amount:
                paid = amount.get("paid")
                if paid is None and r.get("schedule"):
                    paid = sum(i["amount"] for i in r["schedule"] if i.get("paid"))
                key = f"Paid {amount['currency']}"
                out[key] = out.get(key, 0) + (paid or 0)
            if r.get("remedy") in MONEY:
                reached = r.get("workers_reached")
                if reached is None and r["status"] == "planned":
                    reached = 0
                by_type.setdefault(r["remedy"], []).append(reached)
        known = [
            sum(v for v in values if v is not None)
            for values in by_type.values()
            if any(v is not None for v in values)
        ]
        out["Reached"] += max(known, default=0)
    return out


def charted(site: Path) -> dict[str, dict[str, float]]:
    """month -> series -> value, from the Markdown index's tables of the charts."""
    text = (site / "README.md").read_text("utf-8")
    history = text[text.index("## Month by month") : text.index("## By country")]
    out: dict[str, dict[str, float]] = {}
    for title, table in re.findall(r"### (.+?)\n\n(\|.+?)\n\n", history + "\n\n", re.DOTALL):
        lines = table.splitlines()
        header = [cell.strip() for cell in lines[0].strip("|").split("|")]
        currency = title.rsplit(", ", 1)[1] if title.startswith("Remedy money paid") else ""
        for line in lines[2:]:
            cells = [cell.strip() for cell in line.strip("|").split("|")]
            for name, value in zip(header[1:], cells[1:], strict=True):
                key = f"{name} {currency}" if currency else name
                out.setdefault(cells[0], {})[key] = float(value.replace(",", ""))
    return out


def test_the_charts_hold_what_the_plans_held_each_month(sip, repo, tmp_path, monkeypatch):
    monkeypatch.chdir(repo.root)
    out = sip("render", "--as-of", AS_OF, "-f", "md", "--out", tmp_path / "site", "plans")
    assert out.exit_code == 0, out.stderr
    found = charted(tmp_path / "site")
    assert list(found) == ["2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2026-07", "2026-08"]
    for month, values in found.items():
        day = dt.date.fromisoformat(AS_OF) if month == AS_OF[:7] else month_end(month)
        want = expected(plans_at(repo.root, day), day)
        assert values == {k: want.get(k, 0) for k in values}, month  # a currency not yet paid: 0
        assert {k for k, v in want.items() if v} <= set(values), month  # every currency paid is charted
    # the months show what changed: plans added, money paid, workers reached
    assert found["2026-04"]["Paid USD"] < found["2026-05"]["Paid USD"] < found["2026-06"]["Paid USD"]
    assert found["2026-03"]["Reached"] < found["2026-08"]["Reached"]


def test_since_bounds_the_history(sip, repo, tmp_path, monkeypatch):
    monkeypatch.chdir(repo.root)
    out = sip(
        "render", "--as-of", AS_OF, "-f", "md", "--since", "2026-05-20", "--out", tmp_path / "site", "plans"
    )
    assert out.exit_code == 0, out.stderr
    assert list(charted(tmp_path / "site")) == ["2026-05", "2026-06", "2026-07", "2026-08"]
    assert "since 2026-05-20" in (tmp_path / "site" / "README.md").read_text("utf-8")


def test_the_html_charts_say_the_same_numbers(sip, repo, tmp_path, monkeypatch):
    """Each SVG's text alternative lists every month's value, as the Markdown table does."""
    monkeypatch.chdir(repo.root)
    assert sip("render", "--as-of", AS_OF, "--out", tmp_path / "html", "plans").exit_code == 0
    assert sip("render", "--as-of", AS_OF, "-f", "md", "--out", tmp_path / "md", "plans").exit_code == 0
    page = (tmp_path / "html" / "index.html").read_text("utf-8")
    descriptions = dict(re.findall(r'<desc id="chart-([\w-]+)-desc">(.*?)</desc>', page))
    found = charted(tmp_path / "md")
    assert "<script" not in page
    for month, values in found.items():
        assert f"{month} {values['Open']:,.0f}" in descriptions["actions"]
        assert f"{month} {values['Reached']:,.0f}" in descriptions["reached"]
        assert f"{month} {values['Paid USD']:,.0f}" in descriptions["paid-USD"]


def test_no_history_and_outside_git(sip, repo, tmp_path, monkeypatch, write):
    monkeypatch.chdir(repo.root)
    out = sip("render", "--as-of", AS_OF, "-f", "md", "--no-history", "--out", tmp_path / "site", "plans")
    assert out.exit_code == 0, out.stderr
    assert "Month by month" not in (tmp_path / "site" / "README.md").read_text("utf-8")
    outside = tmp_path / "elsewhere"
    for plan in (repo.root / "plans").glob("*.yaml"):
        write(f"elsewhere/{plan.name}", plan.read_text("utf-8"))
    out = sip("render", "--as-of", AS_OF, "-f", "md", "--out", tmp_path / "site2", outside)
    assert out.exit_code == 0, out.stderr
    index = (tmp_path / "site2" / "README.md").read_text("utf-8")
    assert "The plans are not in a git repository" in index
    assert "Month by month" not in index


def test_a_bad_since_is_a_usage_error(sip, repo, tmp_path):
    out = sip("render", "--since", "2026-02-30", "--out", tmp_path / "site", repo.root / "plans")
    assert out.exit_code == 2
    assert "--since" in out.stderr


def _counting_reads(monkeypatch) -> list[tuple[str, str]]:
    import sip.commands.tasks.portfolio_history as history

    reads: list[tuple[str, str]] = []
    plan_at = history.plan_at

    def counted(top, version, settings):
        reads.append((version.path, version.blob))
        return plan_at(top, version, settings)

    monkeypatch.setattr(history, "plan_at", counted)
    return reads


def test_each_past_version_is_read_once_and_the_one_on_disk_not_at_all(sip, repo, tmp_path, monkeypatch):
    """History is read through one function, `plan_at`; a version that stood several months is
    read once, and a version that is the file on disk is not read from git (the run checked it)."""
    reads = _counting_reads(monkeypatch)
    monkeypatch.chdir(repo.root)
    assert sip("render", "--as-of", AS_OF, "-f", "md", "--out", tmp_path / "site", "plans").exit_code == 0
    assert len(reads) == len(set(reads))
    # the versions that differ from the files on disk: India's in March, the spec example's in
    # April and May, Penang's in June
    assert sorted(path for path, _ in reads) == [
        "plans/electronics-penang.yaml",
        "plans/seasonal-farm-india.yaml",
        "plans/spec-example.yaml",
        "plans/spec-example.yaml",
    ]


def test_a_shallow_clone_is_not_charted_as_if_its_cut_were_the_history(sip, repo, tmp_path, monkeypatch):
    """actions/checkout fetches one commit unless told otherwise: the index said "From the plans'
    git history" and charted from the clone's cut, or "holds no month before this one", of a
    repository with months of history. It says the history was not fetched, and how to fetch it."""
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "2", f"file://{repo.root}", str(clone)],
        check=True,
        capture_output=True,
    )
    monkeypatch.chdir(clone)
    out = sip("render", "--as-of", AS_OF, "-f", "md", "--out", tmp_path / "site", "plans")
    assert out.exit_code == 0, out.stderr
    index = (tmp_path / "site" / "README.md").read_text("utf-8")
    assert "Month by month" not in index
    assert "a shallow clone" in index and "git fetch --unshallow" in index and "fetch-depth: 0" in index


def test_a_month_that_held_a_broken_plan_says_what_its_figures_leave_out(sip, tmp_path, monkeypatch):
    """A commit that broke a plan took that plan out of the month's figures: the chart dipped
    with nothing to say why. The index names the months and how many files each left out."""
    spec = (EXAMPLES / "spec-example.yaml").read_text("utf-8")
    repo = Repo(tmp_path / "repo")
    repo.write("plans/a.yaml", spec)
    repo.write("plans/b.yaml", spec.replace("SIP-2026-007", "SIP-2026-008"))
    repo.commit("two plans", date="2026-05-10")
    repo.write("plans/b.yaml", "sip: 1\nid: [broken\n")
    repo.commit("b broken", date="2026-06-10")
    repo.write("plans/b.yaml", spec.replace("SIP-2026-007", "SIP-2026-008"))
    repo.commit("b mended", date="2026-07-10")
    monkeypatch.chdir(repo.root)
    for format, name in (("md", "README.md"), ("html", "index.html")):
        out = sip("render", "--as-of", AS_OF, "-f", format, "--out", tmp_path / format, "plans")
        assert out.exit_code == 0, out.stderr
        index = html.unescape((tmp_path / format / name).read_text("utf-8"))
        assert (
            "Left out of those months' figures, as no plan sip could read then (a format error, or "
            "not a plan): 1 file in 2026-06." in index
        )
    out = sip(
        "render", "--as-of", AS_OF, "-f", "md", "--out", tmp_path / "since", "--since", "2026-07-01", "plans"
    )
    assert "Left out of those months" not in (tmp_path / "since" / "README.md").read_text("utf-8")


def test_a_second_render_reads_no_past_version_again_and_draws_the_same(
    sip, repo, tmp_path, monkeypatch, result_cache
):
    """Issue 23, item 6: the history's versions through the result cache. What a version gave is
    kept under its blob and months and every setting but the as-of date: a render on another day
    reads none again; a corrupt entry is read again; --no-cache reads all and writes nothing."""
    monkeypatch.chdir(repo.root)
    reads = _counting_reads(monkeypatch)
    pages = []
    for n, extra in enumerate([(), (), ("--as-of", "2026-08-11"), ("--no-cache",)]):
        reads.clear()
        args = ["--as-of", AS_OF, *extra] if "--as-of" not in extra else list(extra)
        out = sip("render", *args, "-f", "md", "--out", tmp_path / f"site{n}", "plans")
        assert out.exit_code == 0, out.stderr
        pages.append((tmp_path / f"site{n}" / "README.md").read_text("utf-8"))
        assert len(reads) == (4 if n in (0, 3) else 0), (n, reads)
    assert pages[0] == pages[1] == pages[3]  # the same charts, cold, warm and without the cache
    assert "2026-07" in pages[2] and "Month by month" in pages[2]
    entries = [p for p in result_cache.rglob("*") if p.is_file() and len(p.name) == 40]
    assert len(entries) == 4  # one a past version; the --no-cache run wrote none
    for entry in entries:
        entry.write_bytes(b'{"key": "x", "value": [')
    reads.clear()
    out = sip("render", "--as-of", AS_OF, "-f", "md", "--out", tmp_path / "site-corrupt", "plans")
    assert out.exit_code == 0 and len(reads) == 4
    assert (tmp_path / "site-corrupt" / "README.md").read_text("utf-8") == pages[0]


def test_the_public_history_is_kept_apart_from_the_internal(sip, repo, tmp_path, monkeypatch):
    monkeypatch.chdir(repo.root)
    reads = _counting_reads(monkeypatch)
    for audience in ("internal", "public"):
        reads.clear()
        out = sip(
            "render",
            "--as-of",
            AS_OF,
            "-f",
            "md",
            "--audience",
            audience,
            "--out",
            tmp_path / audience,
            "plans",
        )
        assert out.exit_code == 0, out.stderr
        assert len(reads) == 4, audience  # the public's figures are of the public copies
