"""How one report's cost grows with the plan's size: context and HTML for synthetic plans of
20, 200 and 800 findings (each with a response, a root cause, a risk and an improvement).

    python bench/render_scaling.py

Prints the best of three runs per size, in this process (templates compiled once first). A
report whose lookups are built once grows in proportion to the plan; one that scans every
response for each finding grows with its square.
"""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import yaml

from sip.model import Plan
from sip.output.render.build import plan_report
from sip.output.render.environment import Templates

ROOT = Path(__file__).resolve().parent.parent
SIZES = (20, 200, 800)


def plan_of(size: int) -> Plan:
    data = yaml.safe_load((ROOT / "tests" / "data" / "minimal.yaml").read_text("utf-8"))
    day = dt.date(2026, 6, 1)
    for k in range(size):
        data["findings"].append(
            {
                "id": f"FX-{k}",
                "title": f"Finding {k}",
                "severity": "major",
                "indicators": ["deception"],
                "source": "S-1",
                "identified": day,
            }
        )
        data["responses"].append(
            {
                "id": f"AX-{k}",
                "kind": "corrective",
                "addresses": [f"FX-{k}"],
                "action": f"Act {k}",
                "owner": "X",
                "due": dt.date(2026, 9, 1),
                "status": "planned",
                "contingency": "c",
            }
        )
        data["root_causes"].append(
            {"id": f"RCX-{k}", "findings": [f"FX-{k}"], "category": "policy", "cause": f"Cause {k}"}
        )
        data["risks"].append(
            {
                "id": f"RX-{k}",
                "risk": f"Risk {k}",
                "likelihood": "low",
                "source": {"kind": "business-process", "name": "n"},
                "impact": "low",
                "root_causes": [f"RCX-{k}"],
            }
        )
        data["improvements"].append(
            {
                "id": f"MX-{k}",
                "element": "policy",
                "addresses": [f"RCX-{k}"],
                "action": "a",
                "owner": "o",
                "due": dt.date(2026, 12, 1),
                "status": "planned",
            }
        )
    return Plan.model_validate(data)


def main() -> None:
    templates = Templates()
    as_of = dt.date(2026, 8, 10)
    templates.render(
        "report.html.j2", report=plan_report(plan_of(1), [], as_of=as_of, public=False, source_file="x")
    )
    for size in SIZES:
        plan = plan_of(size)
        best = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            report = plan_report(plan, [], as_of=as_of, public=False, source_file="x")
            templates.render("report.html.j2", report=report)
            best = min(best, time.perf_counter() - start)
        print(f"{size:>5} findings: {best * 1000:8.1f} ms")


if __name__ == "__main__":
    main()
