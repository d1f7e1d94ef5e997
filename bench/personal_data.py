"""Time the personal-data detector on generated plans: SIP601 on each plan, and masking every
text of each plan as a public report does; with --before, the same on the code of a git revision,
in the same run.

    python bench/personal_data.py [--corpus /tmp/sip-bench-1000] [--count 1000] [--runs 5]
                                  [--before REV]

Figures are CPU time of one process (not wall-clock), the fastest of --runs passes over the
corpus with the median beside it, per plan. The detector's memory of short texts is emptied
before each pass, as at the start of a run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

from timing import generated  # bench/ is on the path when a script runs

ROOT = Path(__file__).resolve().parent.parent
AS_OF = dt.date(2026, 8, 10)


def measure(corpus: Path, runs: int) -> dict[str, list[float]]:
    """Seconds per pass over the corpus, for each measure; run with the code on sys.path[0]."""
    from sip.check.schema_errors import validate_plan
    from sip.format import personal_data
    from sip.read.loader import load
    from sip.rules import sip601_personal_data
    from sip.rules.context import Context
    from sip.rules.index import index_plan

    contexts, texts = [], []
    for path in sorted(corpus.glob("*.yaml")):
        loaded = load(path.read_bytes())
        plan, problems = validate_plan(loaded.data, loaded.marks)
        assert plan is not None and not problems, path
        contexts.append((plan, Context(AS_OF, index=index_plan(plan))))
        texts.append(_strings(loaded.data, []))

    def sip601() -> None:
        for plan, context in contexts:
            list(sip601_personal_data.check(plan, context))

    def masking() -> None:
        for plan_texts in texts:
            for text in plan_texts:
                personal_data.mask(text)

    times: dict[str, list[float]] = {"SIP601": [], "mask": []}
    for _ in range(runs):
        for name, work in (("SIP601", sip601), ("mask", masking)):
            personal_data._find_cached.cache_clear()
            started = time.process_time()
            work()
            times[name].append((time.process_time() - started) / len(contexts))
    return times


def _strings(node: object, out: list[str]) -> list[str]:
    if isinstance(node, dict):
        for value in node.values():
            _strings(value, out)
    elif isinstance(node, list):
        for value in node:
            _strings(value, out)
    elif isinstance(node, str):
        out.append(node)
    return out


def before(rev: str, corpus: Path, runs: int) -> dict[str, list[float]]:
    """The same measures on the code of a revision, in a process of its own."""
    with tempfile.TemporaryDirectory() as folder:
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", rev, "sip"], check=True, capture_output=True
        ).stdout
        with tarfile.open(fileobj=__import__("io").BytesIO(archive)) as tar:
            tar.extractall(folder, filter="data")
        done = subprocess.run(
            [
                sys.executable,
                __file__,
                "--root",
                folder,
                "--corpus",
                str(corpus),
                "--runs",
                str(runs),
                "--json",
            ],
            check=True,
            capture_output=True,
            text=True,
        )
        return json.loads(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--corpus", type=Path, default=None)
    parser.add_argument("--before", help="a git revision to measure beside the working tree")
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args()
    sys.path.insert(0, str(options.root))
    corpus = options.corpus or Path(f"/tmp/sip-bench-{options.count}")
    if not corpus.is_dir():
        generated(corpus, options.count)
    if options.json:
        print(json.dumps(measure(corpus, options.runs)))
        return
    results = {"this tree": measure(corpus, options.runs)}
    if options.before:
        results[options.before] = before(options.before, corpus, options.runs)
    plans = len(list(corpus.glob("*.yaml")))
    print(f"{plans} plans in {corpus}; ms of CPU a plan, fastest of {options.runs} passes (median)")
    for name in ("SIP601", "mask"):
        for label, times in results.items():
            print(
                f"  {name:6} {label:12} {min(times[name]) * 1000:7.3f} ms   "
                f"({statistics.median(times[name]) * 1000:.3f})"
            )


if __name__ == "__main__":
    main()
