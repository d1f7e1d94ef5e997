"""Time checking one plan, a whole process each, next to yamllint and check-jsonschema.

    python -m pip install -e '.[bench]'
    python bench/startup.py [--runs 10] [--file examples/spec-example.yaml]

This is what a pre-commit hook pays per commit: `sip validate FILE`, `yamllint FILE` (syntax
and style only) and `check-jsonschema --schemafile schemas/sip-plan-1.schema.json FILE` (the
schema, no rules), each a whole process, wall clock. The three run in turn, round after round
(so a busy moment of a shared machine hits all three), after one untimed run each; each
figure is the median of --runs rounds.

sip's bytecode is compiled first, as pip does when it installs a wheel: in an editable
checkout with PYTHONDONTWRITEBYTECODE set, Python would otherwise compile sip's ~60 modules
from source on every run (about 20 ms here), which no installed tool pays.
"""

from __future__ import annotations

import argparse
import compileall
import shutil
import statistics
import sys
from pathlib import Path

from timing import timed  # bench/ is on the path when a script runs

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = ROOT / "schemas" / "sip-plan-1.schema.json"


def _tool(name: str) -> str | None:
    """The console script installed next to this Python (the bench extra), else on PATH."""
    return shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--file", type=Path, default=ROOT / "examples" / "spec-example.yaml")
    parser.add_argument(
        "--no-compile",
        action="store_true",
        help="Time sip as the checkout is, without compiling its bytecode first.",
    )
    options = parser.parse_args()
    plan = str(options.file)
    if not options.no_compile:
        compileall.compile_dir(ROOT / "sip", quiet=1)

    sip = _tool("sip")
    commands = {
        "sip validate": [sip, "validate", plan] if sip else [sys.executable, "-m", "sip", "validate", plan]
    }
    for name, command in (
        ("yamllint", ["yamllint", plan]),
        ("check-jsonschema", ["check-jsonschema", "--schemafile", str(SCHEMA), plan]),
    ):
        found = _tool(name)
        if found:
            commands[name] = [found, *command[1:]]
        else:
            print(f"{name} not found: pip install -e '.[bench]' to compare with it")

    # yamllint's default rules find long lines in the example (exit 1): a finished lint all the same.
    ok = {"yamllint": (0, 1)}
    times: dict[str, list[float]] = {name: [] for name in commands}
    for round_ in range(options.runs + 1):
        for name, command in commands.items():
            seconds = timed(command, 1, cwd=ROOT, ok=ok.get(name, (0,)))
            if round_:  # the first round warms the disk cache
                times[name].append(seconds)

    lines = Path(plan).read_bytes().count(b"\n")
    print(f"{Path(plan).name} ({lines} lines), median of {options.runs} runs, whole process")
    base = statistics.median(times["yamllint"]) if "yamllint" in times else None
    width = max(len(name) for name in times)
    print(f"{'command':<{width}}  {'median':>8}  {'min':>8}" + ("  x yamllint" if base else ""))
    for name, values in times.items():
        median = statistics.median(values)
        row = f"{name:<{width}}  {median * 1000:6.0f} ms  {min(values) * 1000:5.0f} ms"
        print(row + (f"  {median / base:10.2f}" if base else ""))


if __name__ == "__main__":
    main()
