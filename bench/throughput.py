"""A run over many plans, cold and warm, next to the floor: issue 23 items 2 and 3.

    python bench/throughput.py [--count 1000] [--runs 5] [--before REV] [--corpus DIR]

Each figure is a whole process over --count generated plans (bench/generate.py), the median of
--runs runs taken in turn (so a busy moment of a shared machine hits every command alike):
- the bare event scan: libyaml's events for every file, nothing built, two processes (the floor);
- sip validate --no-cache: every plan read and checked (a cold run);
- sip validate, warm: the same with every result in the cache (made by an untimed run first);
- with --before REV, sip validate as that revision's code runs it (it has no cache).
CPU time (user + system of the process and its workers) is what a run costs whatever else the
machine does; wall-clock is what a user waits. Every run of sip prints the same bytes (checked).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from timing import AS_OF, EVENT_SCAN, Measured, checkout_of, generated, run_once, sip_command


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--before", help="a git revision to measure beside the working tree")
    parser.add_argument("--corpus", type=Path, default=None)
    options = parser.parse_args()
    corpus = options.corpus or Path(tempfile.gettempdir()) / f"sip-bench-{options.count}"
    if not corpus.is_dir():
        generated(corpus, options.count)
    files = sorted(str(p) for p in corpus.glob("*.yaml"))
    work = Path(tempfile.mkdtemp(prefix="sip-throughput-"))
    cache = work / "cache"
    now, _ = sip_command(None)
    validate = ["validate", "--as-of", AS_OF, "--format", "json", str(corpus)]
    commands: dict[str, tuple[list[str], dict[str, str]]] = {
        "bare event scan, 2 processes": ([sys.executable, "-c", EVENT_SCAN, *files], {}),
        "sip validate --no-cache (cold)": ([*now, *validate, "--no-cache"], {}),
        "sip validate, cache warm": ([*now, *validate], {"SIP_CACHE_DIR": str(cache)}),
    }
    if options.before:
        old, env = sip_command(checkout_of(options.before, work))
        commands[f"sip validate at {options.before}"] = ([*old, *validate], env)
    outputs = {
        name: subprocess.run(command, capture_output=True, env={**_environ(), **env}).stdout
        for name, (command, env) in commands.items()
        if name.startswith("sip")  # untimed: fills the cache, warms the disk, checks the output
    }
    if len(set(outputs.values())) != 1:
        sys.exit("sip's runs printed different output: " + ", ".join(outputs))
    measured = {name: Measured() for name in commands}
    for _ in range(options.runs):
        for name, (command, env) in commands.items():
            run_once(command, measured[name], env=env)
    floor = measured["bare event scan, 2 processes"]
    print(f"{len(files)} plans ({corpus}), median of {options.runs} runs, whole processes")
    width = max(len(name) for name in commands)
    print(f"{'command':<{width}}  {'wall':>7}  {'CPU':>7}  {'x scan CPU':>10}  {'CPU/plan':>9}")
    for name, m in measured.items():
        print(
            f"{name:<{width}}  {m.median_wall():6.2f}s  {m.median_cpu():6.2f}s  "
            f"{m.median_cpu() / floor.median_cpu():10.2f}  {m.median_cpu() / len(files) * 1000:7.2f}ms"
        )


def _environ() -> dict[str, str]:
    import os

    return dict(os.environ)


if __name__ == "__main__":
    main()
