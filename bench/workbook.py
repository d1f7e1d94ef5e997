"""Time `sip export` and `sip import` of one generated plan of about 1,500 lines.

    python bench/workbook.py [--runs 5] [--lines 1500] [--work /tmp/sip-bench-workbook]

The plan is made by bench/generate.py. Figures are whole processes (Python's start-up and
sip's imports included), the median of --runs runs, wall-clock and CPU (user + system: what
the process itself costs, whatever else the machine is doing):
- sip export --force PLAN -o tracker.xlsx (--force: each run replaces the last one's)
- sip import --dry-run: a workbook in which a supplier changed every third action's status
  (with a completed date), read, checked, merged into the plan and the plan validated
  before and after; --dry-run so every run starts from the same plan.
Then the same two steps in this process, without start-up, for where the time goes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
AS_OF = "2026-08-10"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--lines", type=int, default=1500)
    parser.add_argument("--work", type=Path, default=Path("/tmp/sip-bench-workbook"))
    options = parser.parse_args()
    shutil.rmtree(options.work, ignore_errors=True)
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "generate.py"),
            "--count",
            "1",
            "--lines",
            str(options.lines),
            "--out",
            str(options.work / "plans"),
        ],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    plan = next((options.work / "plans").glob("*.yaml"))
    book = options.work / "tracker.xlsx"
    sip = [sys.executable, "-m", "sip"]
    lines = len(plan.read_text(encoding="utf-8").splitlines())
    export = [*sip, "export", "--force", "--as-of", AS_OF, str(plan), "-o", str(book)]
    rows = [("sip export", _timed(export, options.runs))]
    changed = _supplier(book)
    rows.append(
        (
            f"sip import --dry-run ({changed} cells changed)",
            _timed([*sip, "import", "--dry-run", "--as-of", AS_OF, str(book), str(plan)], options.runs),
        )
    )
    print(f"{plan.name}: {lines} lines, {plan.stat().st_size:,} bytes; median of {options.runs} runs")
    for name, (wall, cpu) in rows:
        print(f"  {name:45} {wall:6.2f} s wall  {cpu:6.2f} s CPU")
    _in_process(plan, book)


def _timed(command: list[str], runs: int) -> tuple[float, float]:
    """Median wall-clock and CPU seconds of a whole process; stops if the command fails."""
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        walls.append(time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        if done.returncode != 0:
            sys.exit(f"{' '.join(command[2:4])} failed ({done.returncode}): {done.stderr.decode()[-800:]}")
    return statistics.median(walls), statistics.median(cpus)


def _supplier(book: Path) -> int:
    """Every third action done the day before the as-of date, as a supplier would mark it."""
    import openpyxl

    workbook = openpyxl.load_workbook(book)
    actions = workbook["Actions"]
    changed = 0
    for row in range(2, actions.max_row + 1, 3):
        if actions[f"G{row}"].value in ("Planned", "In progress"):
            actions[f"G{row}"] = "Done"
            actions[f"H{row}"] = dt.date(2026, 8, 9)
            changed += 2
    workbook.save(book)
    return changed


def _in_process(plan: Path, book: Path) -> None:
    sys.path.insert(0, str(ROOT))
    from sip.check.config import Settings
    from sip.check.file import check_bytes
    from sip.edit.workbook_changes import supplier_changes
    from sip.edit.workbook_import import merge
    from sip.edit.workbook_read import read_workbook
    from sip.format.workbook_words import Words
    from sip.output.workbook import Export, workbook_bytes

    settings = Settings(as_of=dt.date.fromisoformat(AS_OF))
    raw = plan.read_bytes()
    started = time.perf_counter()
    result = check_bytes(raw, str(plan), settings, keep_plan=True)
    checked = time.perf_counter()
    workbook_bytes(Export(result.plan, str(plan), raw, settings.as_of))
    written = time.perf_counter()
    found = supplier_changes(read_workbook(book, len(raw)), result.plan, Words("en"))
    read = time.perf_counter()
    merged = merge(raw.decode(), found)
    done = time.perf_counter()
    check_bytes(merged.text.encode(), str(plan), settings)
    after = time.perf_counter()
    print("  in this process:")
    for name, seconds in (
        ("check the plan", checked - started),
        ("write the workbook", written - checked),
        ("read the workbook", read - written),
        ("merge (ruamel round trip)", done - read),
        ("check the merged plan", after - done),
    ):
        print(f"    {name:43} {seconds:6.3f} s")


if __name__ == "__main__":
    main()
