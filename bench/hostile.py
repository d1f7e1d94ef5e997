"""Time the inputs issue 10 found slow, as whole processes, and bound what they print.

    python bench/hostile.py [--runs 3] [--out /tmp/sip-hostile]

- a valid plan of 4.9 MB (bench/generate.py with many lines), rendered to HTML (the issue:
  40 s, quadratic in the findings; the target: under 3 s);
- 1.5 MB of `findings: [{}, {}, ...]` (375,000 empty findings), validated (the issue: 72 s,
  3.2 GB, 210 MB of output; the target: under 3 s with bounded output);
- the same valid plan validated alone, the floor of its render;
- a forced render of 15,000 findings that nothing addresses (the issue: 180 s).

Figures are the median wall-clock seconds of --runs runs; the machine is shared, so the
user CPU time of the last run is printed too. Standard library only.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
from pathlib import Path

from timing import generated, timed  # bench/ is on the path when a script runs

ROOT = Path(__file__).resolve().parent.parent
AS_OF = "2026-08-10"
TARGET_BYTES = int(4.9 * 1024 * 1024)


def big_plan(folder: Path) -> Path:
    """The largest generated plan that stays under 4.9 MB (the default max-file-size is 5 MB)."""
    target = folder / "big" / "sip-bench-0001.yaml"
    if not target.exists():
        lines = 145_000
        while True:
            target.unlink(missing_ok=True)
            generated(target.parent, 1, "--lines", str(lines))
            if target.stat().st_size <= TARGET_BYTES:
                break
            lines -= 500
    return target


def empty_findings(folder: Path) -> Path:
    target = folder / "empty-findings.yaml"
    head = (
        "sip: 1\nid: X\ntitle: t\nstatus: active\ncompany: c\nsite: {name: s, country: MY}\n"
        "owner: {role: r}\nopened: 2026-01-01\nfindings: ["
    )
    count = (1_500_000 - len(head)) // 4
    target.write_text(head + ", ".join(["{}"] * count) + "]\n", encoding="utf-8")
    return target


def many_findings(folder: Path, count: int = 15_000) -> Path:
    """A plan of `count` findings that nothing addresses: valid, with an error or more for each
    finding (no response, no root cause), for `render --force`."""
    target = folder / "many-findings.yaml"
    head = (
        "sip: 1\nid: X\ntitle: t\nstatus: active\ncompany: c\nsite: {name: s, country: MY}\n"
        "owner: {role: r}\nopened: 2026-01-01\nsources:\n  - {id: S-1, kind: social-audit, "
        "reference: Audit, date: 2026-01-01}\nfindings:\n"
    )
    findings = "".join(
        f"  - {{id: F-{n}, title: Finding {n}, severity: major, source: S-1, identified: 2026-01-02}}\n"
        for n in range(1, count + 1)
    )
    target.write_text(head + findings, encoding="utf-8")
    return target


def output_bytes(command: list[str]) -> tuple[int, float]:
    """Bytes printed on standard output by one run, and its user CPU seconds."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime
    done = subprocess.run(command, capture_output=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime
    return len(done.stdout), after - before


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", type=Path, default=Path("/tmp/sip-hostile"))
    options = parser.parse_args()
    options.out.mkdir(parents=True, exist_ok=True)
    sip = [sys.executable, "-m", "sip"]
    plan = big_plan(options.out)
    empty = empty_findings(options.out)
    many = many_findings(options.out)
    page = options.out / "big.html"
    cases = [
        (
            f"sip render, valid plan of {plan.stat().st_size:,} bytes "
            f"({plan.read_text('utf-8').count(chr(10) + '  - id: F-'):,} findings), HTML",
            [*sip, "render", "--as-of", AS_OF, "--force", "--out", str(page), str(plan)],
            (0,),
        ),
        ("sip validate, the same plan", [*sip, "validate", "--as-of", AS_OF, str(plan)], (0,)),
        (
            f"sip validate, {empty.stat().st_size / 1024 / 1024:.2f} MB of empty findings",
            [*sip, "validate", "--as-of", AS_OF, str(empty)],
            (1,),
        ),
        (
            "sip validate --format json, the same",
            [*sip, "validate", "--format", "json", "--as-of", AS_OF, str(empty)],
            (1,),
        ),
        (
            "sip render --force, 15,000 findings with errors (no responses), HTML",
            [*sip, "render", "--as-of", AS_OF, "--force", str(many)],
            (0,),
        ),
    ]
    print(f"{'case':<72} {'median s':>9} {'user s':>7} {'stdout':>10}")
    for name, command, ok in cases:
        seconds = timed(command, options.runs, ok=ok)
        printed, user = output_bytes(command)
        print(f"{name:<72} {seconds:>9.2f} {user:>7.2f} {printed:>10,}")


if __name__ == "__main__":
    main()
