"""What the benchmark scripts share: timing a whole process, the median of several runs."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path


def timed(command: list[str], runs: int, cwd: Path | None = None, ok: tuple[int, ...] = (0,)) -> float:
    """Median wall-clock seconds of `command` over `runs` runs; stops the benchmark if the
    command fails, so that a figure never times an error."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        done = subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        times.append(time.perf_counter() - started)
        if done.returncode not in ok:
            sys.exit(f"{' '.join(command[:5])} failed ({done.returncode}): {done.stderr.decode()[-800:]}")
    return statistics.median(times)
