"""`sip diff` through the result cache: issue 23 item 6.

    python bench/diff_cache.py [--count 1000] [--mutate 50] [--runs 5] [--before REV]

The repository of bench/status_diff.py (--count generated plans, then --mutate of them changed
in one commit). Each figure is a whole process, the median of --runs runs in turn, wall-clock
and CPU: `sip diff HEAD~1 HEAD` reading each version of a changed plan once, with every check
done (--no-cache) and with the versions' results in the cache (a warm run, as when a reviewer
asks again or CI diffs after validating); with --before REV, as that revision's code does it.
Every run prints the same (checked).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import tempfile
from pathlib import Path

from status_diff import prepare
from timing import AS_OF, Measured, checkout_of, run_once, sip_command


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--mutate", type=int, default=50)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--before", help="a git revision to measure beside the working tree")
    parser.add_argument("--work", type=Path, default=Path("/tmp/sip-bench-git"))
    options = parser.parse_args()
    repository = prepare(options.work, options.count, options.mutate)
    scratch = Path(tempfile.mkdtemp(prefix="sip-diff-cache-"))
    now, _ = sip_command(None)
    diff = ["diff", "--as-of", AS_OF, "--format", "json", "HEAD~1", "HEAD"]
    commands = {
        "sip diff --no-cache": ([*now, *diff, "--no-cache"], {}),
        "sip diff, cache warm": ([*now, *diff], {"SIP_CACHE_DIR": str(scratch / "cache")}),
    }
    if options.before:
        old, env = sip_command(checkout_of(options.before, scratch))
        commands[f"sip diff at {options.before}"] = ([*old, *diff], env)
    printed = {
        subprocess.run(c, cwd=repository, capture_output=True, env={**os.environ, **e}).stdout
        for c, e in commands.values()
    }
    if len(printed) != 1:
        raise SystemExit("the runs printed different diffs")
    measured = {name: Measured() for name in commands}
    for _ in range(options.runs):
        for name, (command, env) in commands.items():
            run_once(command, measured[name], env=env, cwd=repository)
    print(f"{options.count} plans, {options.mutate} changed; median of {options.runs} runs, whole processes")
    width = max(len(name) for name in measured)
    for name, m in measured.items():
        print(f"{name:<{width}}  wall {m.median_wall():6.2f} s  CPU {m.median_cpu():6.2f} s")


if __name__ == "__main__":
    main()
