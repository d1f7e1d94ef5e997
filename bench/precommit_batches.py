"""What the pre-commit hook pays to check plan ids across the whole repository (SIP203).

    python bench/precommit_batches.py [--count 1000] [--runs 5] [--work /tmp/sip-bench-hook]

pre-commit hands the hook its files in batches once their names pass about 128 KiB, so
`sip validate --plans-only` (the hook's entry) reads the id of every other plan in the
repository, from the top of each file, to compare each batch with all of them
(sip/history/repository.py). The corpus is bench/generate.py's (--count plans of some
1,500 lines), in a git repository. Each figure is a whole process, wall-clock, the median of
--runs runs:
- one staged plan, as the hook runs it (--plans-only: the other plans' ids are read);
- the same plan checked alone (no --plans-only: nothing else is read), the hook's cost before;
- every plan, as CI's `sip validate plans/` and a hook given every file at once.
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


def prepare(work: Path, count: int) -> Path:
    repository = work / "repo"
    if (repository / ".git").is_dir() and len(list((repository / "plans").glob("*.yaml"))) == count:
        return repository
    shutil.rmtree(work, ignore_errors=True)
    generated(repository / "plans", count)
    subprocess.run(["git", "init", "-q"], cwd=repository, check=True)
    return repository


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--work", type=Path, default=Path("/tmp/sip-bench-hook"))
    options = parser.parse_args()
    repository = prepare(options.work, options.count)
    one = str(sorted((repository / "plans").glob("*.yaml"))[0].relative_to(repository))
    sip = [sys.executable, "-m", "sip", "validate", "--as-of", AS_OF]
    rows = [
        (
            "hook, one staged plan (reads every other id)",
            timed([*sip, "--plans-only", one], options.runs, repository),
        ),
        ("the same plan alone (reads nothing else)", timed([*sip, one], options.runs, repository)),
        (f"every plan ({options.count})", timed([*sip, "plans"], max(1, options.runs // 2), repository)),
    ]
    print(f"{options.count} plans in a git repository")
    width = max(len(name) for name, _ in rows)
    for name, seconds in rows:
        print(f"{name:<{width}}  {seconds:8.2f} s")


if __name__ == "__main__":
    main()
