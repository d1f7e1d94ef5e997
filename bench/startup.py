"""Time checking one plan, a whole process each, next to yamllint and check-jsonschema.

    python -m pip install -e '.[bench]'
    python bench/startup.py [--runs 10] [--file examples/invalid/typos.yaml] [--before REV]

This is what a pre-commit hook pays per commit: `sip validate FILE` (cold: `--no-cache`, every
byte read and checked; warm: the plan's result in the cache, as on the commits after the first),
`yamllint FILE` (syntax and style only) and `check-jsonschema --schemafile
schemas/sip-plan-1.schema.json FILE` (the schema, no rules), each a whole process; with
--before REV, sip validate as that revision's code runs it. The commands run in turn, round after
round (so a busy moment of a shared machine hits all of them), after one untimed run each; each
figure is the median of --runs rounds, wall-clock and CPU (user + system).

sip's bytecode is compiled first, as pip does when it installs a wheel: in an editable
checkout with PYTHONDONTWRITEBYTECODE set, Python would otherwise compile sip's ~60 modules
from source on every run (about 20 ms here), which no installed tool pays.
"""

from __future__ import annotations

import argparse
import compileall
import shutil
import sys
import tempfile
from pathlib import Path

from timing import ROOT, Measured, checkout_of, run_once, sip_command

SCHEMA = ROOT / "schemas" / "sip-plan-1.schema.json"


def _tool(name: str) -> str | None:
    """The console script installed next to this Python (the bench extra), else on PATH."""
    return shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--file", type=Path, default=ROOT / "examples" / "invalid" / "typos.yaml")
    parser.add_argument("--before", help="a git revision to measure beside the working tree")
    parser.add_argument(
        "--no-compile",
        action="store_true",
        help="Time sip as the checkout is, without compiling its bytecode first.",
    )
    options = parser.parse_args()
    plan = str(options.file)
    work = Path(tempfile.mkdtemp(prefix="sip-startup-"))
    if not options.no_compile:
        compileall.compile_dir(ROOT / "sip", quiet=1)

    sip = _tool("sip")
    now = [sip] if sip else sip_command(None)[0]
    cache = {"SIP_CACHE_DIR": str(work / "cache")}
    commands: dict[str, tuple[list[str], dict[str, str]]] = {
        "sip validate (cold)": ([*now, "validate", "--no-cache", plan], {}),
        "sip validate (warm)": ([*now, "validate", plan], cache),
    }
    if options.before:
        checkout = checkout_of(options.before, work)
        if not options.no_compile:
            compileall.compile_dir(checkout / "sip", quiet=1)
        old, env = sip_command(checkout)
        if (checkout / "sip" / "check" / "cache.py").exists():  # a revision with the result cache
            commands[f"sip validate (cold) at {options.before}"] = (
                [*old, "validate", "--no-cache", plan],
                env,
            )
            commands[f"sip validate (warm) at {options.before}"] = (
                [*old, "validate", plan],
                {**env, "SIP_CACHE_DIR": str(work / "cache-before")},
            )
        else:
            commands[f"sip validate at {options.before}"] = ([*old, "validate", plan], env)
    for name, command in (
        ("yamllint", ["yamllint", plan]),
        ("check-jsonschema", ["check-jsonschema", "--schemafile", str(SCHEMA), plan]),
    ):
        found = _tool(name)
        if found:
            commands[name] = ([found, *command[1:]], {})
        else:
            print(f"{name} not found: pip install -e '.[bench]' to compare with it")

    measured = {name: Measured() for name in commands}
    for round_ in range(options.runs + 1):
        for name, (command, env) in commands.items():
            # the first round warms the disk cache (and sip's result cache): not counted
            run_once(command, measured[name] if round_ else Measured(), env=env, cwd=ROOT)

    lines = Path(plan).read_bytes().count(b"\n")
    print(f"{Path(plan).name} ({lines} lines), median of {options.runs} runs, whole process")
    base = measured.get("yamllint")
    width = max(len(name) for name in measured)
    head = f"{'command':<{width}}  {'wall':>7}  {'CPU':>7}"
    print(head + ("  x yamllint (wall, CPU)" if base else ""))
    for name, m in measured.items():
        row = f"{name:<{width}}  {m.median_wall() * 1000:5.0f}ms  {m.median_cpu() * 1000:5.0f}ms"
        if base:
            row += f"  {m.median_wall() / base.median_wall():6.2f} {m.median_cpu() / base.median_cpu():6.2f}"
        print(row)


if __name__ == "__main__":
    main()
