"""SIP003 and SIP101-SIP103 through the real CLI: each case changes tests/data/minimal.yaml
(a clean plan) in one place and lists every diagnostic sip must give, as `line:col CODE path`."""

from __future__ import annotations

import json

import pytest

from tests.conftest import AS_OF, DATA

MINIMAL = (DATA / "minimal.yaml").read_text(encoding="utf-8")


def changed(old: str, new: str) -> str:
    assert MINIMAL.count(old) == 1, f"{old!r} must occur once in minimal.yaml"
    return MINIMAL.replace(old, new)


CASES = [
    # -- SIP101: a missing field, at the first key of the mapping that lacks it
    ("missing severity", changed("    severity: major\n", ""), ["18:5 SIP101 findings[0].severity"]),
    ("missing top-level field", changed("company: Example Brands plc\n", ""), ["1:1 SIP101 company"]),
    (
        "key with no value counts as absent, at the key",
        changed("severity: major", "severity:"),
        ["20:5 SIP101 findings[0].severity"],
    ),
    ("empty value of an optional field is fine", changed("  country: VN\n", "  country: VN\n  tier:\n"), []),
    (
        "missing nested mapping field",
        changed("      kind: business-process\n", ""),
        ["40:7 SIP101 risks[0].source.kind"],
    ),
    (
        "remedy without remedy type: at the item",
        changed("    kind: corrective\n", "    kind: remedy\n"),
        ["24:5 SIP101 responses[0].remedy"],
    ),
    (
        "closed plan without closed date: at the root",
        changed("status: active", "status: closed"),
        ["1:1 SIP101 closed"],
    ),
    # -- SIP102: a wrong value, at the value
    ("vocabulary", changed("severity: major", "severity: severe"), ["20:15 SIP102 findings[0].severity"]),
    ("integer id must be quoted", changed("  - id: F-1\n", "  - id: 1\n"), ["18:9 SIP102 findings[0].id"]),
    ("id pattern", changed("  - id: F-1\n", "  - id: F 1\n"), ["18:9 SIP102 findings[0].id"]),
    (
        "impossible date",
        changed("identified: 2026-06-28", "identified: 2026-02-30"),
        ["22:17 SIP102 findings[0].identified"],
    ),
    (
        "date-time is not a date",
        changed("identified: 2026-06-28", "identified: 2026-06-28T10:00:00"),
        ["22:17 SIP102 findings[0].identified"],
    ),
    ("quoted date is fine", changed("identified: 2026-06-28", 'identified: "2026-06-28"'), []),
    ("country code", changed("country: VN", "country: Vietnam"), ["8:12 SIP102 site.country"]),
    ("lower-case country", changed("country: VN", "country: vn"), ["8:12 SIP102 site.country"]),
    ("Kosovo is accepted", changed("country: VN", "country: XK"), []),
    (
        "empty list where one item is needed",
        changed("    addresses: [F-1]\n", "    addresses: []\n"),
        ["26:16 SIP102 responses[0].addresses"],
    ),
    (
        "blank required text",
        changed("cause: Order volumes doubled with unchanged lead times", 'cause: "  "'),
        ["35:12 SIP102 root_causes[0].cause"],
    ),
    (
        "negative count",
        changed("  country: VN\n", "  country: VN\n  workers: -3\n"),
        ["9:12 SIP102 site.workers"],
    ),
    (
        "boolean is not a count",
        changed("  country: VN\n", "  country: VN\n  workers: yes\n"),
        ["9:12 SIP102 site.workers"],
    ),
    (
        "migrant_workers over workers",
        changed("  country: VN\n", "  country: VN\n  workers: 10\n  migrant_workers: 11\n"),
        ["10:20 SIP102 site.migrant_workers"],
    ),
    (
        "next_review before opened",
        changed("opened: 2026-07-01\n", "opened: 2026-07-01\nnext_review: 2026-06-01\n"),
        ["12:14 SIP102 next_review"],
    ),
    (
        "closed date on an active plan",
        changed("opened: 2026-07-01\n", "opened: 2026-07-01\nclosed: 2026-08-01\n"),
        ["12:9 SIP102 closed"],
    ),
    (
        "remedy field on a corrective response",
        changed("    status: planned\nroot_causes", "    status: planned\n    voluntary: true\nroot_causes"),
        ["31:16 SIP102 responses[0].voluntary"],
    ),
    (
        "block list value of a scalar field: at its first dash",
        changed(
            "    title: Overtime above the legal limit in peak season\n", "    title:\n      - Overtime\n"
        ),
        ["20:7 SIP102 findings[0].title"],
    ),
    (
        "a list where a mapping belongs",
        changed("site:\n  name: Example Textiles, Unit 2\n  country: VN\n", "site: [Example Textiles]\n"),
        ["6:7 SIP102 site"],
    ),
    (
        "a non-core tag is never constructed",
        changed("severity: major", "severity: !!python/object:os.system major"),
        ["20:15 SIP102 findings[0].severity"],
    ),
    (
        "YAML 1.2: yes is text, so a text field accepts it",
        changed("cause: Order volumes doubled with unchanged lead times", "cause: yes"),
        [],
    ),
    # -- SIP103: an unknown field, at the key
    (
        "typo of a required key gives SIP103 and SIP101",
        changed("    title: Overtime", "    titel: Overtime"),
        ["18:5 SIP101 findings[0].title", "19:5 SIP103 findings[0].titel"],
    ),
    (
        "merge keys are unknown fields",
        changed("  country: VN\n", "  country: VN\n  <<: {tier: 1}\n"),
        ["9:3 SIP103 site.<<"],
    ),
    (
        "unknown key with no value",
        changed("  country: VN\n", "  country: VN\n  notes:\n"),
        ["9:3 SIP103 site.notes"],
    ),
    # -- SIP003: the format version
    (
        "missing version: at the root, still checked",
        changed("sip: 1\n", "").replace("severity: major", "severity: severe"),
        ["1:1 SIP003 sip", "19:15 SIP102 findings[0].severity"],
    ),
    ("version as text: still checked as 1", changed("sip: 1", 'sip: "1"'), ["1:6 SIP003 sip"]),
    ("version as a float", changed("sip: 1", "sip: 1.0"), ["1:6 SIP003 sip"]),
    ("version true is unknown", changed("sip: 1", "sip: true"), ["1:6 SIP003 sip"]),
    (
        "unknown version: nothing else is checked",
        changed("sip: 1", "sip: 2").replace("severity: major", "severity: severe"),
        ["1:6 SIP003 sip"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_format_case(sip, write, text, expected):
    plan = write("plan.yaml", text)
    out = sip("validate", "--as-of", AS_OF, "--format", "json", plan)
    found = [
        f"{d['line']}:{d['column']} {d['code']} {d['path']}" for d in json.loads(out.stdout)["diagnostics"]
    ]
    assert found == expected
    assert out.exit_code == (1 if expected else 0)


def test_messages_speak_to_people(sip, write):
    plan = write(
        "plan.yaml",
        changed("severity: major", "severity: severe")
        .replace("    title: Overtime", "    titel: Overtime")
        .replace("country: VN", "country: Malaysia"),
    )
    out = sip("validate", "--as-of", AS_OF, plan)
    assert "'severe' is not a severity; expected one of: critical, major, minor" in out.stdout
    assert "unknown field 'titel': did you mean 'title'?" in out.stdout
    assert "'Malaysia' is not an ISO 3166-1 alpha-2 country code; for Malaysia write MY" in out.stdout
    assert "required field 'title' is missing" in out.stdout


def test_unknown_key_far_from_any_lists_the_allowed_keys(sip, write):
    plan = write("plan.yaml", changed("  country: VN\n", "  country: VN\n  zzz: 1\n"))
    out = sip("validate", "--as-of", AS_OF, plan)
    assert (
        "unknown field 'zzz'; allowed here: name, country, supplier_id, tier, workers, migrant_workers"
        in out.stdout
    )


def test_lower_case_currency_gets_a_hint(sip, write):
    remedy = "    kind: remedy\n    remedy: back-pay\n    amount: {committed: 100, paid: 0, currency: usd}\n"
    plan = write("plan.yaml", changed("    kind: corrective\n", remedy))
    out = sip("validate", "--as-of", AS_OF, plan)
    assert "plan.yaml:27:49: SIP102 'usd': write the currency code in capitals (USD)" in out.stdout
