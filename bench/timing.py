"""What the benchmark scripts share: timing a whole process, the median of several runs."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path


def generated(out: Path, count: int, *options: str) -> Path:
    """`out` holding bench/generate.py's `count` plans (more `options` for it), generated unless
    they are there already."""
    if len(list(out.glob("*.yaml"))) != count:
        generate = [sys.executable, str(Path(__file__).with_name("generate.py"))]
        command = [*generate, "--count", str(count), "--out", str(out), *options]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return out


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


# -- what the issue 23 benchmarks share: CPU time, peak memory, the code before, the floor -------

ROOT = Path(__file__).resolve().parent.parent
AS_OF = "2026-08-10"  # the date generated plans are checked on

# The floor a plan reader cannot go under: libyaml's events for every file, nothing built, two
# processes (as sip's two workers). Standard library and PyYAML only.
EVENT_SCAN = (
    "import os, sys\n"
    "from yaml._yaml import CParser\n"
    "def scan(names):\n"
    "    for name in names:\n"
    "        with open(name, 'rb') as handle:\n"
    "            parser = CParser(handle.read().decode('utf-8'))\n"
    "        while parser.get_event() is not None:\n"
    "            pass\n"
    "names = sys.argv[1:]\n"
    "half = len(names) // 2\n"
    "child = os.fork()\n"
    "if child == 0:\n"
    "    scan(names[:half])\n"
    "    os._exit(0)\n"
    "scan(names[half:])\n"
    "os.waitpid(child, 0)\n"
)


class Measured:
    """Whole-process runs of one command: wall-clock and CPU (user + system, the process and its
    workers: what it costs whatever else the machine is doing), and the peak memory of its
    largest process."""

    def __init__(self) -> None:
        self.wall: list[float] = []
        self.cpu: list[float] = []
        self.peak_kib = 0

    def median_wall(self) -> float:
        return statistics.median(self.wall)

    def median_cpu(self) -> float:
        return statistics.median(self.cpu)


def run_once(
    command: list[str],
    into: Measured,
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
    ok: tuple[int, ...] = (0, 1),
) -> None:
    """Run `command` once under /usr/bin/time -v when there is one (for the peak memory), adding
    its wall-clock and CPU seconds to `into`."""
    import os
    import resource

    timer = ["/usr/bin/time", "-v"] if Path("/usr/bin/time").exists() else []
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(
        [*timer, *command],
        cwd=cwd,
        env={**os.environ, **(env or {})},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    into.wall.append(time.perf_counter() - started)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    into.cpu.append((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime))
    stderr = done.stderr.decode("utf-8", "replace")
    if done.returncode not in ok:
        sys.exit(f"{' '.join(command[:6])} failed ({done.returncode}): {stderr[-800:]}")
    for line in stderr.splitlines():
        if "Maximum resident set size" in line:
            into.peak_kib = max(into.peak_kib, int(line.rsplit(":", 1)[1]))


def checkout_of(revision: str, folder: Path) -> Path:
    """The `sip` package of a git revision, extracted under folder (the code before a change,
    measured in the same run as the working tree's)."""
    import io
    import tarfile

    target = folder / f"sip-at-{revision.replace('/', '_')}"
    if not (target / "sip").is_dir():
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", revision, "sip"], check=True, capture_output=True
        )
        with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
            tar.extractall(target, filter="data")
    return target


def sip_command(checkout: Path | None) -> tuple[list[str], dict[str, str]]:
    """How to run sip: this checkout's (as its console script does, from sip/entry.py), or the
    package of another revision first on the path, started as its own console script was."""
    if checkout is None:
        return [sys.executable, "-m", "sip"], {}
    # -P: the current folder is not put first on the path (it may be this checkout, whose sip
    # would be imported instead of the revision's)
    start = "sip.entry" if (checkout / "sip" / "entry.py").exists() else "sip.cli"
    return [
        sys.executable,
        "-P",
        "-c",
        f"import sys; from {start} import main; sys.argv[0] = 'sip'; main()",
    ], {"PYTHONPATH": str(checkout)}
