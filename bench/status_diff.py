"""Time `sip status` on a generated corpus and `sip diff` between two revisions of it.

    python bench/status_diff.py [--count 1000] [--mutate 50] [--runs 3] [--work /tmp/sip-bench-git]

The corpus is made by bench/generate.py (--count plans), committed to a fresh git
repository, then changed by `generate.py --mutate K` (a response moves forward, a due
date slips, a finding is added, a review logged, in K plans) and committed again.
Each figure is a whole process, wall-clock, the median of --runs runs.
- sip status: the figures made in the worker processes (what sip does).
- status via keep_plans: the same table with whole plans sent back to the main process
  and summarised there: the design sip did not take, kept here to show why.
- sip diff HEAD~1 HEAD: the K changed plans, read with `git cat-file --batch`.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

from timing import generated, timed  # bench/ is on the path when a script runs

ROOT = Path(__file__).resolve().parent.parent
AS_OF = "2026-08-10"
GIT = ["git", "-c", "user.name=bench", "-c", "user.email=bench@example.com", "-c", "commit.gpgsign=false"]
KEEP_PLANS = (
    "import datetime as dt, sys\n"
    "from sip.check.config import Settings\n"
    "from sip.read.discover import plan_files\n"
    "from sip.output.status import glance, rows_for\n"
    "from sip.check.run import validate\n"
    "as_of = dt.date.fromisoformat(sys.argv[1])\n"
    "run = validate(plan_files(sys.argv[2:]), Settings(as_of=as_of), keep_plans=True)\n"
    "rows_for(run, {r.file: glance(r.plan, as_of) for r in run.results if r.plan is not None})\n"
)


def git(work: Path, *args: str) -> None:
    subprocess.run([*GIT, *args], cwd=work, check=True, stdout=subprocess.DEVNULL)


def prepare(work: Path, count: int, mutate: int) -> Path:
    """A repository whose HEAD~1 is the corpus and HEAD the corpus with `mutate` plans changed."""
    repository = work / "repo"
    if (repository / ".git").is_dir():
        return repository
    shutil.rmtree(work, ignore_errors=True)
    generated(repository / "plans", count)
    generate = [sys.executable, str(ROOT / "bench" / "generate.py")]
    mutated = ["--mutate", str(mutate), "--from", str(repository / "plans"), "--out", str(work / "mutated")]
    subprocess.run([*generate, *mutated], check=True)
    git(repository, "init", "-q")
    git(repository, "add", "-A")
    git(repository, "commit", "-q", "-m", "corpus")
    shutil.rmtree(repository / "plans")
    shutil.copytree(work / "mutated", repository / "plans")
    git(repository, "add", "-A")
    git(repository, "commit", "-q", "-m", f"{mutate} plans change")
    return repository


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--mutate", type=int, default=50)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--work", type=Path, default=Path("/tmp/sip-bench-git"))
    parser.add_argument("--skip-keep-plans", action="store_true")
    options = parser.parse_args()
    repository = prepare(options.work, options.count, options.mutate)
    changed = subprocess.run(
        ["git", "diff", "--name-only", "HEAD~1", "HEAD"],
        cwd=repository,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    print(f"{options.count} plans; HEAD~1 -> HEAD changes {len(changed)} of them")

    sip = [sys.executable, "-m", "sip"]
    rows = [("sip status", timed([*sip, "status", "--as-of", AS_OF, "plans"], options.runs, repository))]
    if not options.skip_keep_plans:
        rows.append(
            (
                "status via keep_plans",
                timed([sys.executable, "-c", KEEP_PLANS, AS_OF, "plans"], options.runs, repository),
            )
        )
    rows.append(
        (
            "sip diff HEAD~1 HEAD",
            timed([*sip, "diff", "--as-of", AS_OF, "HEAD~1", "HEAD"], options.runs, repository),
        )
    )
    rows.append(
        (
            "sip diff --check HEAD~1 HEAD",
            timed(
                [*sip, "diff", "--check", "--as-of", AS_OF, "HEAD~1", "HEAD"],
                options.runs,
                repository,
                ok=(0, 1),
            ),
        )
    )
    width = max(len(name) for name, _ in rows)
    for name, seconds in rows:
        print(f"{name:<{width}}  {seconds:8.2f} s")


if __name__ == "__main__":
    main()
