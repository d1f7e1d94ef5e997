"""Generate a corpus of realistic, clean sip plans for benchmarking.

Each plan is one YAML file of about --lines lines (default 1,500, some 50 KB): one site in one of
thirteen countries, 25-35 findings with their responses, root causes, risks and improvements. Every
plan is valid under the plan format and clean under rules SIP201-SIP601 for the as-of date
2026-08-10, so a benchmark measures the common case. The output depends only on the options.

    python bench/generate.py --count 1000 --out /tmp/sip-bench [--seed 7] [--lines 1500]
    python bench/generate.py --mutate 50 --from /tmp/sip-bench --out /tmp/sip-bench-2 [--seed 7]

The second form (bench/mutate.py) copies a corpus and changes K of its active plans as a reviewer
would see them in `sip diff`: a response moves forward, a due date moves later, a finding is
added, a review logged.
Standard library only: the YAML is written as text, so it reads as if written by hand.
"""

from __future__ import annotations

import argparse
import itertools
import random
import time
from datetime import date, timedelta
from pathlib import Path
from typing import NamedTuple

from corpus_text import (  # bench/ is on the path when a script runs
    COMPANIES,
    CONTINGENCIES,
    DUE_NOTES,
    FOLLOW_UPS,
    OWNERS,
    PREFIXES,
    PROVIDERS,
    REMEDY_ACTIONS,
    REVIEWS,
    SECTION_NOTES,
    SITES,
    SOURCES,
    SURNAMES,
    THEMES,
    VERIFICATIONS,
    Pairs,
    Theme,
)

AS_OF = date(2026, 8, 10)
DEADLINE_DAYS = {"critical": 30, "major": 90, "minor": 180}


def quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def number(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:.2f}"


def flow(ids: list[str]) -> str:
    return "[" + ", ".join(ids) + "]"


class Block(NamedTuple):  # a literal block scalar, `key: |`
    lines: tuple[str, ...]


def field(lead: str, key: str, value: object) -> list[str]:
    """`key: value` with the key at column len(lead): Pairs nest, a tuple is a block sequence."""
    inner = " " * (len(lead) + 2)
    if isinstance(value, list):
        return [f"{lead}{key}:"] + [line for k, v in value for line in field(inner, k, v)]
    if isinstance(value, Block):
        return [f"{lead}{key}: |"] + [inner + line for line in value.lines]
    if isinstance(value, tuple):
        return [f"{lead}{key}:"] + [f"{inner}- {v}" for v in value]
    return [f"{lead}{key}: {value}"]


def item(pairs: Pairs) -> list[str]:
    return [line for i, (k, v) in enumerate(pairs) for line in field("    " if i else "  - ", k, v)]


class PlanWriter:
    def __init__(self, rng: random.Random, number: int):
        self.rng, self.number = rng, number
        self.counters: dict[str, int] = {}
        self.sections: dict[str, list[str]] = {
            name: []
            for name in (
                "sources",
                "findings",
                "service_providers",
                "responses",
                "root_causes",
                "risks",
                "improvements",
                "reviews",
            )
        }
        self.country = rng.choice(list(SITES))
        self.site = SITES[self.country]
        self.place = rng.choice(self.site.places)
        self.status = rng.choices(("active", "monitoring", "closed"), (85, 10, 5))[0]
        self.settled = self.status != "active"  # monitoring and closed plans have no open actions
        self.opened = date(2025, 10, 1) + timedelta(rng.randint(0, 272))
        self.horizon = AS_OF - timedelta(rng.randint(1, 25)) if self.status == "closed" else AS_OF
        self.themes = rng.sample(THEMES, len(THEMES))
        self.workers = rng.randint(300, 4000)
        self.migrants = int(self.workers * rng.uniform(0.4, 0.95))

    def new_id(self, prefix: str) -> str:
        self.counters[prefix] = self.counters.get(prefix, 0) + 1
        return f"{prefix}-{self.counters[prefix]}"

    def day(self, first: date, last: date) -> date:
        return first + timedelta(self.rng.randint(0, (last - first).days))

    def add(self, section: str, pairs: Pairs, comment: str = "") -> str:
        self.sections[section] += (["  # " + comment] if comment else []) + item(pairs)
        return str(pairs[0][1])

    def render(self, target_lines: int) -> str:
        rng, site = self.rng, self.site
        short = f"{rng.choice(PREFIXES)} {rng.choice(site.sectors)}"
        company = rng.choice(COMPANIES)
        title = f"{self.themes[0].short} and {self.themes[1].short.lower()} at {short}, {self.place}"
        lines = [
            f"# Corrective-action plan for {short}, {self.place} ({site.name}).",
            f"# Kept by the responsible sourcing team of {company}; reviewed monthly.",
            "sip: 1",
            f"id: SIP-BENCH-{self.number:04d}",
            f"title: {quote(title)}",
            f"status: {self.status}",
            f"company: {quote(company)}",
            f"involvement: {rng.choice(('caused', 'contributed', 'directly-linked'))}",
            "site:",
            f"  name: {quote(f'{short} {site.suffix}, {self.place}')}",
            f"  country: {self.country}",
            f"  supplier_id: SUP-{rng.randint(100, 9999):04d}",
            f"  tier: {rng.choice((1, 1, 2))}",
            f"  workers: {self.workers}",
            f"  migrant_workers: {self.migrants}",
            "owner:",
            f"  role: {quote(rng.choice(('Head of Responsible Sourcing', 'Human Rights Lead')))}",
            f"  name: {quote(rng.choice('ADJKMS') + '. ' + rng.choice(SURNAMES))}",
            f"  email: sourcing@{company.split()[0].lower()}.example.com",
            f"opened: {self.opened}",
            f"closed: {self.horizon}" if self.status == "closed" else f"next_review: {AS_OF + timedelta(60)}",
        ]
        self.add_context()
        themes = itertools.cycle(self.themes)
        while (
            not self.sections["findings"]
            or len(lines) + sum(len(body) + 3 for body in self.sections.values()) < target_lines - 40
        ):
            self.add_unit(next(themes))
        for name, body in self.sections.items():
            lines += ["", f"# {SECTION_NOTES[name]}", f"{name}:"] + body
        return "\n".join(lines) + "\n"

    def add_context(self) -> None:
        """Sources, service providers (the first one consulted) and reviews."""
        rng = self.rng
        self.source_dates = [self.opened - timedelta(rng.randint(26, 45))]
        self.source_dates += sorted(
            self.day(self.opened, self.horizon - timedelta(3)) for _ in range(rng.randint(2, 5))
        )
        for when in self.source_dates:
            kind, reference = rng.choice(SOURCES)
            self.add(
                "sources",
                [("id", self.new_id("S")), ("kind", kind), ("reference", quote(reference)), ("date", when)],
            )
        self.providers = []
        chosen = rng.sample(PROVIDERS, rng.randint(2, 4))
        chosen.sort(key=lambda provider: provider[0] == "other")  # the one surely consulted is a
        # victim service provider (format 1.1: SIP404 does not count kind other)
        for i, (kind, name, role) in enumerate(chosen):
            pairs: Pairs = [
                ("id", self.new_id("SP")),
                ("name", quote(name.format(place=self.place))),
                ("kind", kind),
                ("role", quote(role)),
            ]
            if i == 0 or rng.random() < 0.7:
                pairs.append(
                    ("consulted", self.day(self.opened - timedelta(10), self.opened + timedelta(20)))
                )
            self.providers.append(self.add("service_providers", pairs))
        first = min(self.opened + timedelta(20), self.horizon)
        for when in sorted(self.day(first, self.horizon) for _ in range(rng.randint(1, 4))):
            self.add(
                "reviews",
                [
                    ("date", when),
                    ("by", quote("Responsible Sourcing Committee")),
                    ("summary", quote(rng.choice(REVIEWS))),
                ],
            )

    def schedule(self, first: date, last: date) -> Pairs:
        """Due date, status and completion of an action due from first to last, clean on AS_OF."""
        rng = self.rng
        if not self.settled and last > AS_OF and rng.random() < 0.7:
            return [
                ("due", self.day(max(first, AS_OF + timedelta(1)), last)),
                ("status", rng.choice(("planned", "in-progress"))),
            ]
        due = self.day(first, last)
        completed = self.day(first, min(due + timedelta(7), self.horizon))
        if rng.random() < 0.4 and self.status != "closed":  # a closed plan verified it (SIP508)
            return [("due", due), ("status", "done"), ("completed", completed)]
        method, evidence = rng.choice(VERIFICATIONS)
        checked = self.day(completed, min(completed + timedelta(21), self.horizon))
        return [
            ("due", due),
            ("status", "verified"),
            ("completed", completed),
            ("verification", [("method", quote(method)), ("evidence", quote(evidence)), ("date", checked)]),
        ]

    def add_finding(self, theme: Theme, severity: str, identified: date, follow_up: str) -> str:
        rng = self.rng
        title = theme.title.format(origin=rng.choice(self.site.origins)) + follow_up
        pairs: Pairs = [("id", self.new_id("F")), ("title", quote(title))]
        if rng.random() < 0.15:
            pairs.append(
                ("description", Block(theme.details + ("Confirmed in interviews with several workers.",)))
            )
        elif rng.random() < 0.8:
            pairs.append(("description", quote(" ".join(theme.details))))
        pairs.append(("severity", severity))
        if theme.indicators:
            pairs.append(
                (
                    "indicators",
                    flow([i for i in theme.indicators if rng.random() < 0.7] or [theme.indicators[0]]),
                )
            )
        groups = [g for g in theme.groups if rng.random() < 0.8] or [theme.groups[0]]
        pairs += [
            ("workers_affected", rng.randint(5, self.migrants)),
            ("worker_groups", tuple(groups) if rng.random() < 0.2 else flow(groups)),
            (
                "source",
                rng.choice([f"S-{i + 1}" for i, d in enumerate(self.source_dates) if d <= identified]),
            ),
            ("identified", identified),
        ]
        if rng.random() < 0.5:
            pairs.append(
                ("evidence", quote(f"Audit report, section on {theme.short.lower()}; interview notes"))
            )
        return self.add(
            "findings",
            pairs,
            "Raised again at the follow-up audit" if follow_up and rng.random() < 0.3 else "",
        )

    def add_response(
        self,
        kind: str,
        action: str,
        fids: list[str],
        window: tuple[date, date],
        critical: bool,
        remedy: str = "",
    ) -> None:
        rng = self.rng
        pairs: Pairs = [("id", self.new_id("A")), ("kind", kind)] + ([("remedy", remedy)] if remedy else [])
        if remedy == "repatriation":
            pairs.append(("voluntary", "true"))
        pairs += [
            ("addresses", flow(fids) if rng.random() < 0.9 else tuple(fids)),
            ("action", quote(action)),
            ("owner", quote(rng.choice(OWNERS))),
        ]
        timing = self.schedule(*window)
        if rng.random() < 0.06:
            timing[0] = ("due", f"{timing[0][1]}  # {rng.choice(DUE_NOTES)}")
        pairs += timing[:3]
        if remedy:
            pairs.append(("workers_covered", rng.randint(5, self.migrants)))
        if remedy in ("reimbursement", "back-pay", "compensation"):
            currency = self.site.currency if rng.random() < 0.7 else "USD"
            rate = self.site.usd_rate if currency != "USD" else 1
            committed = round(rng.randint(50, 1200) * rng.randint(300, 4000) * rate, -2)
            paid = committed if len(timing) > 2 else round(committed * rng.choice((0, 0.25, 0.33, 0.5)), 2)
            pairs.append(
                ("amount", [("committed", number(committed)), ("paid", number(paid)), ("currency", currency)])
            )
            pairs.append(
                ("basis", rng.choice(("receipts", "worker-interviews", "corridor-benchmark", "other")))
            )
        if kind != "corrective" and rng.random() < 0.6:
            pairs.append(("providers", flow([rng.choice(self.providers)])))
        if critical or rng.random() < 0.3:
            pairs.append(("contingency", quote(rng.choice(CONTINGENCIES))))
        self.add("responses", pairs + timing[3:])

    def add_unit(self, theme: Theme) -> None:
        """One to three findings of one theme, with responses, root causes, risks and improvements."""
        rng = self.rng
        severity = rng.choice(theme.severities)
        first = self.day(self.opened - timedelta(25), self.horizon - timedelta(3))
        dates = [first] + sorted(
            min(first + timedelta(rng.randint(1, 15)), self.horizon - timedelta(3))
            for _ in range(rng.choices((0, 1, 2), (55, 35, 10))[0])
        )
        follow_ups = [""] + rng.sample(FOLLOW_UPS, len(dates) - 1)
        fids = [self.add_finding(theme, severity, *args) for args in zip(dates, follow_ups, strict=True)]
        # every response to these findings is due on or after the last was identified and the plan opened,
        # and within the severity's deadline from the first
        window = (max(dates[-1], self.opened), first + timedelta(DEADLINE_DAYS[severity]))
        critical = severity == "critical"
        if theme.indicators or critical:  # forced labour: protection and a lasting remedy
            self.add_response("protection", theme.protection, fids, window, critical)
            for remedy in rng.sample(list(REMEDY_ACTIONS), rng.choice((1, 1, 1, 2))):
                self.add_response("remedy", REMEDY_ACTIONS[remedy], fids, window, critical, remedy)
        if theme.money and rng.random() < (0.7 if theme.indicators else 0.4):
            self.add_response("remedy", theme.money[1], fids, window, critical, theme.money[0])
        self.add_response("corrective", theme.fix, fids, window, critical)
        for category, cause in rng.sample(theme.causes, rng.choices((1, len(theme.causes)), (75, 25))[0]):
            rc: Pairs = [
                ("id", self.new_id("RC")),
                ("findings", flow(fids)),
                ("category", category),
                ("cause", quote(cause)),
            ]
            if rng.random() < 0.7:
                rc.append(("method", rng.choice(("five-whys", "fishbone", "interviews", "document-review"))))
            rcid = self.add("root_causes", rc)
            kind, name, risk = theme.risk
            level = ("high", "medium") if theme.indicators else ("medium", "low")
            rid = self.add(
                "risks",
                [
                    ("id", self.new_id("R")),
                    ("risk", quote(risk)),
                    ("source", [("kind", kind), ("name", quote(name))]),
                    ("likelihood", rng.choice(level)),
                    ("impact", rng.choice(level)),
                    ("root_causes", flow([rcid])),
                ],
            )
            element, action, measure = theme.improvement
            pairs: Pairs = [
                ("id", self.new_id("MS")),
                ("element", element),
                ("addresses", flow([rcid, rid]) if rng.random() < 0.8 else (rcid, rid)),
                ("action", quote(action)),
                ("owner", quote(rng.choice(OWNERS))),
            ]
            pairs += self.schedule(self.opened, AS_OF + timedelta(240))
            self.add("improvements", pairs + ([("measure", quote(measure))] if rng.random() < 0.8 else []))


def generate(count: int, out: Path, seed: int, target_lines: int) -> None:
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    for number in range(1, count + 1):
        text = PlanWriter(rng, number).render(target_lines)
        (out / f"sip-bench-{number:04d}.yaml").write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Generate clean sip plans for benchmarking.")
    parser.add_argument("--out", type=Path, required=True, help="folder to write the plans to")
    parser.add_argument("--count", type=int, default=1000, help="how many plans to generate")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--lines", type=int, default=1500, help="about how many lines each plan has")
    parser.add_argument(
        "--mutate", type=int, metavar="K", help="copy the --from corpus, changing K active plans"
    )
    parser.add_argument(
        "--from", dest="source", type=Path, help="the corpus --mutate copies, one this script wrote"
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()
    if args.mutate is not None:
        from mutate import mutate  # it builds its plans' lines with this module's helpers

        if args.source is None or not args.source.is_dir():
            parser.error("--mutate needs --from, an existing folder of plans")
        changed = mutate(args.mutate, args.source, args.out, args.seed)
        print(f"copied {args.source} to {args.out}, changing {changed} plans", end="")
    else:
        generate(args.count, args.out, args.seed, args.lines)
        print(f"wrote {args.count} plans to {args.out}", end="")
    print(f" in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
