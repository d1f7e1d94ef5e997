"""Peak memory of a run as the number of plans grows: issue 23 item 1.

    python bench/memory.py [--counts 2000 20000] [--before REV] [--format text] [--work DIR]

`sip validate --no-cache` over each count of generated plans (bench/generate.py; the largest
count is generated once and the smaller ones are its first files, linked), its peak resident
memory (of its largest process: the main one, which keeps what the run found until it writes
it) from /usr/bin/time -v. With --before REV, the same with that revision's code, in turn.
The generated plans are clean but for about twenty warnings each on the as-of date, so the text
output shows a source line for each: what grew with every plan before.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from timing import AS_OF, Measured, checkout_of, generated, run_once, sip_command


def corpus_of(work: Path, count: int, largest: int) -> Path:
    full = work / f"plans-{largest}"
    generated(full, largest)
    if count == largest:
        return full
    part = work / f"plans-{count}"
    if len(list(part.glob("*.yaml"))) != count:
        part.mkdir(parents=True, exist_ok=True)
        for plan in sorted(full.glob("*.yaml"))[:count]:
            if not (part / plan.name).exists():
                os.link(plan, part / plan.name)
    return part


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--counts", type=int, nargs="+", default=[2000, 20000])
    parser.add_argument("--before", help="a git revision to measure beside the working tree")
    parser.add_argument("--format", default="text")
    parser.add_argument("--work", type=Path, default=Path("/tmp/sip-bench-memory"))
    options = parser.parse_args()
    largest = max(options.counts)
    versions = {"now": sip_command(None)}
    if options.before:
        versions[options.before] = sip_command(checkout_of(options.before, options.work))
    peaks: dict[tuple[str, int], Measured] = {}
    for count in sorted(options.counts):
        corpus = corpus_of(options.work, count, largest)
        for version, (command, env) in versions.items():
            extra = ["--no-cache"] if version == "now" else []
            m = peaks[(version, count)] = Measured()
            arguments = ["validate", "--as-of", AS_OF, "--format", options.format, *extra, str(corpus)]
            run_once([*command, *arguments], m, env=env)
            print(
                f"{version:>10}  {count:>6} plans  peak {m.peak_kib / 1024:8.1f} MiB  "
                f"wall {m.wall[0]:7.1f} s  CPU {m.cpu[0]:7.1f} s",
                flush=True,
            )
    smallest = min(options.counts)
    for version in versions:
        ratio = peaks[(version, largest)].peak_kib / peaks[(version, smallest)].peak_kib
        print(f"{version}: peak at {largest:,} plans is {ratio:.2f}x the peak at {smallest:,}")


if __name__ == "__main__":
    main()
