"""Change some plans of a generated corpus as a reviewer would see them in a follow-up commit
(bench/generate.py --mutate K --from FOLDER): a due date moved, an action done, money paid, a
finding added. Standard library only, as the generator.
"""

from __future__ import annotations

import random
import re
import shutil
from datetime import date, timedelta
from pathlib import Path

from generate import AS_OF, flow, item, quote  # bench/ is on the path when a script runs


def section_end(lines: list[str], section: str) -> int:
    """Where a top-level list ends: before the next top-level key and the blank lines and comments above it."""
    start = lines.index(f"{section}:")
    end = next((i for i in range(start + 1, len(lines)) if lines[i][:1] not in ("", " ", "#")), len(lines))
    while not lines[end - 1].strip() or lines[end - 1].startswith("#"):
        end -= 1
    return end


def mutate_plan(text: str) -> str:
    """The plan after a follow-up visit: one response under way, a due date later, a finding, a review."""
    lines = text.splitlines()
    start = lines.index("responses:")
    unfinished = [
        i
        for i in range(start, section_end(lines, "responses"))
        if lines[i] in ("    status: planned", "    status: in-progress")
    ]
    if unfinished:  # a planned response gets under way; failing that, one under way is done
        i = min(unfinished, key=lambda j: (lines[j] != "    status: planned", j))
        done = ["    status: done", f"    completed: {AS_OF - timedelta(1)}"]
        lines[i : i + 1] = ["    status: in-progress"] if lines[i].endswith("planned") else done
    start = lines.index("improvements:")
    for i in range(start, section_end(lines, "improvements") - 1):  # improvements have no deadline to keep
        if lines[i].startswith("    due: ") and lines[i + 1] in (
            "    status: planned",
            "    status: in-progress",
        ):
            lines[i] = f"    due: {date.fromisoformat(lines[i][9:19]) + timedelta(30)}"
            break
    last = dict.fromkeys(("F", "A", "RC", "R", "MS"), 0)
    for prefix, n in re.findall(r"^  - id: (F|A|RC|R|MS)-(\d+)$", text, re.MULTILINE):
        last[prefix] = max(last[prefix], int(n))
    f, a, rc, r, ms = (f"{prefix}-{n + 1}" for prefix, n in last.items())
    identified = AS_OF - timedelta(6)
    added = {
        "findings": [
            ("id", f),
            ("title", quote("Drinking water in the packing hall not tested")),
            ("severity", "minor"),
            ("worker_groups", flow(["migrant"])),
            ("source", "S-1"),
            ("identified", identified),
        ],
        "responses": [
            ("id", a),
            ("kind", "corrective"),
            ("addresses", flow([f])),
            ("action", quote("Test the water monthly and post results in workers' languages")),
            ("owner", quote("Supplier Operations Manager")),
            ("due", identified + timedelta(60)),
            ("status", "planned"),
        ],
        "root_causes": [
            ("id", rc),
            ("findings", flow([f])),
            ("category", "capacity"),
            ("cause", quote("No maintenance plan for water and sanitation")),
        ],
        "risks": [
            ("id", r),
            ("risk", quote("Unsafe drinking water")),
            ("likelihood", "low"),
            ("impact", "medium"),
            ("source", [("kind", "operational-function"), ("name", quote("Facilities maintenance"))]),
            ("root_causes", flow([rc])),
        ],
        "improvements": [
            ("id", ms),
            ("element", "monitoring"),
            ("addresses", flow([rc, r])),
            ("action", quote("Preventive maintenance plan for water and sanitation")),
            ("owner", quote("Supplier Operations Manager")),
            ("due", AS_OF + timedelta(90)),
            ("status", "planned"),
        ],
        "reviews": [
            ("date", AS_OF - timedelta(1)),
            ("by", quote("Responsible Sourcing Committee")),
            ("summary", quote("Follow-up visit: one response under way, a due date moved, a finding added")),
        ],
    }
    for section, pairs in added.items():
        end = section_end(lines, section)
        lines[end:end] = item(pairs)
    return "\n".join(lines) + "\n"


def mutate(count: int, source: Path, out: Path, seed: int) -> int:
    out.mkdir(parents=True, exist_ok=True)
    plans = sorted(source.glob("*.yaml"))
    active = [path for path in plans if "\nstatus: active\n" in path.read_text(encoding="utf-8")]
    chosen = set(random.Random(seed).sample(active, min(count, len(active))))
    for path in plans:
        if path in chosen:
            (out / path.name).write_text(mutate_plan(path.read_text(encoding="utf-8")), encoding="utf-8")
        else:
            shutil.copyfile(path, out / path.name)
    return len(chosen)
