"""Time the rules against the rest of checking a plan, in one process, file by file.

    python bench/rules.py [--corpus /tmp/sip-bench-50] [--count 50] [--runs 5]

First `sip validate` on the corpus with and without the rules (`--ignore SIP2 ... --ignore
SIP6`), whole processes; then checking each plan in this process, which takes start-up and the
worker pool out of the figure; then what each rule costs. The machine may be shared, so figures are CPU time of this
process (not wall-clock), passes with and without the rules alternate, and each figure is the
fastest of --runs passes over the corpus, with the median beside it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sip.check.config import Settings  # noqa: E402
from sip.check.file import check_bytes, run_rules  # noqa: E402
from sip.check.schema_errors import validate_plan  # noqa: E402
from sip.read.loader import load  # noqa: E402
from sip.rules import REGISTRY  # noqa: E402
from sip.rules.context import Context  # noqa: E402
from sip.rules.index import index_plan  # noqa: E402

AS_OF = dt.date(2026, 8, 10)
RULES_OFF = ("SIP2", "SIP3", "SIP4", "SIP5", "SIP6")


def one_pass(work, items) -> float:
    started = time.process_time()
    for item in items:
        work(item)
    return time.process_time() - started


def process_cpu(command: list[str]) -> float:
    """CPU seconds of a whole `sip validate` process and its workers (user + system)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.exit(f"sip validate failed ({done.returncode}): {done.stderr.decode()[-500:]}")
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def whole_runs(corpus: Path, runs: int) -> None:
    sip = [sys.executable, "-m", "sip", "validate", "--as-of", str(AS_OF), str(corpus)]
    off = [*sip, *(arg for prefix in RULES_OFF for arg in ("--ignore", prefix))]
    times: dict[str, list[float]] = {"off": [], "on": []}
    for _ in range(runs):
        times["off"].append(process_cpu(off))
        times["on"].append(process_cpu(sip))
    for key, name in (("off", "rules off"), ("on", "all rules")):
        print(
            f"sip validate, {name}    {min(times[key]):6.2f} s CPU   (median "
            f"{statistics.median(times[key]):.2f})"
        )
    print(
        f"all rules / rules off      x{min(times['on']) / min(times['off']):.3f}   (medians "
        f"x{statistics.median(times['on']) / statistics.median(times['off']):.3f})"
    )


def fastest_pass(work, items, runs: int) -> float:
    return min(one_pass(work, items) for _ in range(runs))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=50)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--corpus", type=Path, default=None)
    options = parser.parse_args()
    corpus = options.corpus or Path(f"/tmp/sip-bench-{options.count}")
    if not corpus.is_dir():
        subprocess.run(
            [
                sys.executable,
                str(ROOT / "bench" / "generate.py"),
                "--count",
                str(options.count),
                "--out",
                str(corpus),
            ],
            check=True,
        )
    raws = [(p.name, p.read_bytes()) for p in sorted(corpus.glob("*.yaml"))]
    lines = sum(raw.count(b"\n") for _, raw in raws) / len(raws)
    print(f"{len(raws)} plans, {lines:,.0f} lines each on average; fastest of {options.runs} passes")
    whole_runs(corpus, options.runs)

    on, off = Settings(as_of=AS_OF), Settings(as_of=AS_OF, ignore=RULES_OFF)
    times: dict[str, list[float]] = {"off": [], "on": []}
    for _ in range(options.runs):
        times["off"].append(one_pass(lambda item: check_bytes(item[1], item[0], off), raws))
        times["on"].append(one_pass(lambda item: check_bytes(item[1], item[0], on), raws))
    per_plan = 1000 / len(raws)
    for key, name in (("off", "rules off"), ("on", "all rules")):
        print(
            f"check a plan, {name}    {min(times[key]) * per_plan:7.2f} ms   (median "
            f"{statistics.median(times[key]) * per_plan:.2f})"
        )
    print(
        f"all rules / rules off      x{min(times['on']) / min(times['off']):.3f}   (medians "
        f"x{statistics.median(times['on']) / statistics.median(times['off']):.3f})"
    )

    plans = []
    for _, raw in raws:
        loaded = load(raw)
        plan, problems = validate_plan(loaded.data, loaded.marks)
        assert plan is not None and not problems
        plans.append((plan, loaded.marks))
    index_time = fastest_pass(lambda item: index_plan(item[0]), plans, options.runs)
    print(f"  plan index               {index_time * per_plan:7.3f} ms")
    contexts = [(plan, Context(AS_OF, index=index_plan(plan))) for plan, _ in plans]
    for rule in REGISTRY:
        if rule.check is not None:
            spent = fastest_pass(lambda item, rule=rule: list(rule.check(*item)), contexts, options.runs)
            print(f"  {rule.CODE}                   {spent * per_plan:7.3f} ms")
    engine = fastest_pass(
        lambda item: list(run_rules(item[0], item[1], Context(AS_OF, index=index_plan(item[0])))),
        plans,
        options.runs,
    )
    print(f"  all rules with the engine {engine * per_plan:6.3f} ms")


if __name__ == "__main__":
    main()
