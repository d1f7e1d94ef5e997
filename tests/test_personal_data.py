"""The personal-data detector behind SIP601 and public reports: every shape it must mask, every
public number it must keep, and public output that holds none of the data planted in a plan."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

import pytest
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from sip.check.config import Settings
from sip.check.file import check_bytes
from sip.format.personal_data import MASK, find, keep, mask
from sip.output.render.build import plan_report
from sip.output.render.environment import Templates
from sip.rules.sip601_personal_data import LIST_FIELDS, PLAN_FIELDS
from tests.conftest import AS_OF, EXAMPLES

# (text, the datum in it that must be masked). docs/personal-data.md lists the same shapes.
MASKED = [
    ("passport A12345678", "A12345678"),
    ("Philippine passport P1234567A", "P1234567A"),
    ("Singapore NRIC S1234567D", "S1234567D"),
    ("Singapore FIN G1234567X", "G1234567X"),
    ("Chinese ID 11010519491231002X", "11010519491231002X"),
    ("passport in lower case a12345678", "a12345678"),
    ("passport with a space A 1234567", "A 1234567"),
    ("passport with a dash K-1234567", "K-1234567"),
    ("Bangladesh passport EB0123456", "EB0123456"),
    ("Myanmar passport MA123456", "MA123456"),
    ("Indonesian passport B1234567", "B1234567"),
    ("Thai ID 1-2345-67890-12-3", "1-2345-67890-12-3"),
    ("UK NI number QQ123456C", "QQ123456C"),
    ("UK NI number spaced QQ 12 34 56 C", "QQ 12 34 56 C"),
    ("8-digit local phone 91234567", "91234567"),
    ("Singapore phone 9123 4567", "9123 4567"),
    ("passport 09876543", "09876543"),
    ("Malaysian MyKad 850101-14-5678", "850101-14-5678"),
    ("Malaysian phone +60 12-345 6789", "+60 12-345 6789"),
    ("no-break spaces +60\u00a012\u2011345\u00a06789", "+60\u00a012\u2011345\u00a06789"),
    ("thin spaces +60\u200912\u2009345\u20096789", "+60\u200912\u2009345\u20096789"),
    ("full-width digits ０１２３４５６７８９", "０１２３４５６７８９"),
    ("Devanagari digits ९८४१२३४५६७", "९८४१२३४५६७"),
    ("Bengali digits ০১৭১১২৩৪৫৬৭", "০১৭১১২৩৪৫৬৭"),
    ("Thai digits ๐๘๑๒๓๔๕๖๗๘", "๐๘๑๒๓๔๕๖๗๘"),
    ("soft hyphen A12\u00ad345678", "A12\u00ad345678"),
    ("zero-width space +60 12\u200b345 6789", "+60 12\u200b345 6789"),
    ("broken over lines +60 12-345\n6789 called", "+60 12-345\n6789"),
    ("e-mail nguyen.van.a@example.com", "nguyen.van.a@example.com"),
    ("international domain nguyen@例え.jp", "nguyen@例え.jp"),
    ("full-width at sign rahimk＠example.com", "rahimk＠example.com"),
    ("spelled rahimk at gmail dot com today", "rahimk at gmail dot com"),
    ("bracketed rahimk [at] gmail [dot] com", "rahimk [at] gmail [dot] com"),
    ("in brackets rahimk(at)gmail.com", "rahimk(at)gmail.com"),
    ("spaced nguyen . van @ gmail . com", "nguyen . van @ gmail . com"),
    ("Indian Aadhaar 1234 5678 9012", "1234 5678 9012"),
    ("Indian PAN ABCDE1234F", "ABCDE1234F"),
    ("Indonesian NIK 3174012345678901", "3174012345678901"),
    ("Bangladesh NID 19851234567890123", "19851234567890123"),
    ("Emirates ID 784-1985-1234567-1", "784-1985-1234567-1"),
    ("Saudi iqama 2123456789", "2123456789"),
    ("Qatar ID 28412345678", "28412345678"),
    ("Nepal mobile 98412 34567", "98412 34567"),
    ("Myanmar NRC 12/OuKaMa(N)123456", "12/OuKaMa(N)123456"),
    ("Vietnamese CCCD 001234567890", "001234567890"),
    ("Cambodian phone 012 345 678", "012 345 678"),
    ("Philippine phone +63 917 123 4567", "+63 917 123 4567"),
    ("Chinese mobile 138 0013 8000", "138 0013 8000"),
    ("UK mobile 07700 900123", "07700 900123"),
    ("phone with area code (03) 1234 5678", "(03) 1234 5678"),
    ("Spanish DNI 12345678Z", "12345678Z"),
    ("French passport 12AB34567", "12AB34567"),
    ("German ID L01X00T47", "L01X00T47"),
    ("IBAN GB82 WEST 1234 5698 7654 32", "GB82 WEST 1234 5698 7654 32"),
    ("WeChat: zhangwei_88", "zhangwei_88"),
    ("passport no. 1234567", "1234567"),
    ("a messaging link https://wa.me/60123456789", "60123456789"),
    ("international prefix 0060 12 345 6789", "0060 12 345 6789"),
    ("Nepal citizenship 27-01-71-05846", "27-01-71-05846"),
    ("Bangladesh mobile 01712-345678", "01712-345678"),
    ("Myanmar NRC in Burmese ၁၂/ဥကမ(နိုင်)၁၂၃၄၅၆", "၁၂/ဥကမ(နိုင်)၁၂၃၄၅၆"),
    ("Thai passport AA1234567", "AA1234567"),
    ("Chinese passport EA1234567", "EA1234567"),
    ("LINE ID: somchai_88", "somchai_88"),
    ("fb: @nguyen.van.a", "@nguyen.van.a"),
    ("a query https://example.org/form?phone=60123456789", "60123456789"),
    ("an address in a link https://example.org/u/rahimk@gmail.com", "rahimk@gmail.com"),
]

# Public numbers and words that look like data but are not a person's: kept as written.
KEPT = [
    "FR Doc. 2023-02247",
    "tariff code 1511.10.00",
    "HTS 8471.30.0100",
    "HS 151110",
    "due 2026-08-15",
    "(2026-08-15 at the latest)",
    "15/08/2026",
    "15.08.26",
    "2024-2026",
    "2025/26",
    "20260815",
    "USD 1,250,000.00",
    "MYR 12000000",
    "RM 1500000",
    "USD 1500000",
    "EUR 12.345.678,90",
    "1,200,000 paid",
    "RM 1 500 000",
    "CAP-2026-014",
    "SIP-2026-011",
    "ISO 45001",
    "ISO 3166-1",
    "ISO/IEC 27001:2022",
    "SA8000",
    "ILO C029",
    "country MY, currency MYR",
    "case W-017",
    "F-1",
    "A-12 and RC-1",
    "at the latest",
    "met at the site. Then",
    "12:30",
    "84 hours a week",
    "2,400 workers",
    "1.5 million",
    "Arrived at 10.30",
    "production line: 3",
    "interview number 17",
    "version 1.10.0",
    "about 250 000 workers",
    "Regulation (EU) 2024/3015",
    "Assembly line: sewing",
    "warning signal: fatigue",
    "`file:line:column` diagnostics",
    "https://www.scribd.com/document/383786582/developing-a-strategy",
    "https://eumonitor.eu/9353000/1/j4nvhdfcs8bljza_j9vvik7m1c3gyxp/vlwcky4uwkxl",
]


class _Quoting(yaml.SafeDumper):
    """Every text quoted, so that YAML 1.2 reads a planted 09876543 as text, as a plan would."""


_Quoting.add_representer(
    str, lambda dumper, value: dumper.represent_scalar("tag:yaml.org,2002:str", value, style='"')
)


def _dump(plan: dict) -> bytes:
    return yaml.dump(plan, Dumper=_Quoting, allow_unicode=True, sort_keys=False).encode("utf-8")


def _compact(text: str) -> str:
    """Text as a reader sees it, without the separators a number may be written with."""
    text = unicodedata.normalize(
        "NFKC",
        "".join(
            str(unicodedata.decimal(c)) if c.isdecimal() else c
            for c in text
            if unicodedata.category(c) != "Cf"
        ),
    )
    return re.sub(r"[\s\-.()/\[\]]+", "", text).lower()


def _tells(secret: str) -> list[str]:
    """What must not be in an output that was given `secret`: the datum without separators,
    and its digits when there are enough of them to be the datum's."""
    compact = _compact(secret)
    digits = "".join(c for c in compact if c.isdigit())
    tells = [compact]
    if len(digits) >= 6:
        tells.append(digits)
    if "@" in compact or "at" in secret.split():
        tells.append(re.split(r"@|at", compact.lstrip("@"))[0])
    return [tell for tell in tells if len(tell) >= 4]


@pytest.mark.parametrize(("text", "secret"), MASKED, ids=[t for t, _ in MASKED])
def test_every_shape_is_masked(text, secret):
    masked = mask(text)
    assert MASK in masked
    assert not any(tell in _compact(masked) for tell in _tells(secret)), masked


@pytest.mark.parametrize("text", KEPT)
def test_public_numbers_are_kept(text):
    assert find(text) == []
    assert mask(text) == text


def test_listed_public_identifiers_are_kept_whatever_their_spacing():
    kept = keep(("+60 3-8000 8000", "hotline@example.org"))
    text = "Call the hotline on +60 3-8000  8000 or HOTLINE@example.org; worker +60 12-345 6789"
    assert mask(text, kept) == (f"Call the hotline on +60 3-8000  8000 or HOTLINE@example.org; worker {MASK}")


def test_the_configuration_keeps_public_identifiers_in_reports_and_sip601(sip, write):
    plan = yaml.safe_load((EXAMPLES / "spec-example.yaml").read_text("utf-8"))
    plan["findings"][0]["description"] = "Workers may call the hotline +60 3-8000 8000 at any time"
    path = write("plans/plan.yaml", yaml.safe_dump(plan, allow_unicode=True, sort_keys=False))
    assert "SIP601" in sip("validate", "--as-of", AS_OF, path).stdout
    write("plans/sip.toml", 'public-identifiers = ["+60 3-8000 8000"]\n')
    assert "SIP601" not in sip("validate", "--as-of", AS_OF, path).stdout
    public = sip("render", "-f", "md", "--as-of", AS_OF, "--audience", "public", path)
    assert "+60 3-8000 8000" in public.stdout.replace("\\", "")


def test_a_bad_public_identifiers_setting_is_refused_with_its_line(sip, write):
    write("plans/sip.toml", 'strict = true\npublic-identifiers = "+60 3-8000 8000"\n')
    plan = write("plans/plan.yaml", (EXAMPLES / "spec-example.yaml").read_text("utf-8"))
    outcome = sip("validate", plan)
    assert outcome.exit_code == 2
    assert "sip.toml:2: public-identifiers: must be a list of texts" in outcome.stderr


# -- public output holds none of what was planted --------------------------------------------------

_EXAMPLES = sorted(p for p in EXAMPLES.glob("*.yaml"))
_TEMPLATES = Templates()


def _plant(plan: dict, datum: str, secret: str) -> dict:
    """`datum` (a sentence holding `secret`) in every free-text field SIP601 reads, and `secret`
    in the supplier id when it is shaped like an id and can be told on its own."""

    def put(item: dict, dotted: str) -> None:
        *parents, last = dotted.split(".")
        for step in parents:
            item = item.setdefault(step, {})
        item[last] = f"x {datum} y"

    for dotted in PLAN_FIELDS:
        put(plan, dotted)
    if re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", secret) and find(secret):
        plan["site"]["supplier_id"] = secret
    for name, fields in LIST_FIELDS.items():
        for item in plan.get(name) or []:
            for dotted in fields:
                if (name, dotted) in _REMEDY_ONLY and item.get("kind") != "remedy":
                    continue  # the model refuses it on any other kind (SIP102): nothing would render
                first = dotted.split(".")[0]
                if "." in dotted and not isinstance(item.get(first), dict):
                    continue  # absent, or a text where a mapping may be (`unclaimed`, format 1.2)
                put(item, dotted)
    return plan


# Free-text fields a response may hold only when it is a remedy (format 1.1).
_REMEDY_ONLY = frozenset({("responses", "unclaimed"), ("responses", "unclaimed.then")})


def _public_pages(raw: bytes) -> list[str]:
    result = check_bytes(raw, "plan.yaml", Settings(as_of=dt.date(2026, 8, 10)), keep_plan=True)
    assert result.plan is not None, [d.message for d in result.diagnostics]
    return [
        _TEMPLATES.render(
            f"report.{format}.j2",
            report=plan_report(
                result.plan,
                result.diagnostics,
                as_of=dt.date(2026, 8, 10),
                public=True,
                source_file="plan.yaml",
                forced=True,
            ),
        )
        for format in ("html", "md")
    ]


@pytest.mark.parametrize("example", _EXAMPLES, ids=[p.name for p in _EXAMPLES])
def test_every_example_rendered_for_the_public_holds_no_planted_datum(example):
    original = yaml.safe_load(example.read_text("utf-8"))
    for text, secret in MASKED:
        plan = _plant(yaml.safe_load(yaml.safe_dump(original)), text, secret)
        raw = _dump(plan)
        for page in _public_pages(raw):
            import html

            seen = _compact(html.unescape(page).replace("\\", ""))
            leaked = [tell for tell in _tells(secret) if tell in seen]
            assert leaked == [], f"{example.name}: {secret!r} leaked"


def test_public_site_masks_ids_supplier_ids_file_names_and_shows_no_diagnostics(sip, write, tmp_path):
    plan = yaml.safe_load((EXAMPLES / "spec-example.yaml").read_text("utf-8"))
    plan["id"] = "P1234567A"
    plan["site"]["supplier_id"] = "S1234567D"
    plan["owner"]["email"] = "rahimk@example.com"
    plan["findings"][0]["evidence"] = "QQ123456C"
    plan["responses"][0]["due"] = "2020-01-01"  # an error whose message would name the plan
    write("plans/worker-A7654321.yaml", yaml.safe_dump(plan, allow_unicode=True, sort_keys=False))
    broken = write("plans/broken-E7654321.yaml", "sip: 1\nid: [\n")
    assert broken.exists()
    outcome = sip(
        "render",
        "--as-of",
        AS_OF,
        "--audience",
        "public",
        "--force",
        "--out",
        tmp_path / "site",
        tmp_path / "plans",
    )
    assert outcome.exit_code == 1  # the broken file cannot be rendered
    written = sorted((tmp_path / "site").iterdir())
    text = " ".join(p.name + " " + p.read_text("utf-8") for p in written)
    for secret in ("P1234567A", "S1234567D", "A7654321", "E7654321", "rahimk", "QQ123456C"):
        assert secret not in text
    # no diagnostic is published: not in the forced banner, the validation table or the index
    assert ", column " not in text and "<caption>Diagnostics</caption>" not in text
    assert "This plan has 1 error" in text
    assert "The messages are not published" in text


_LEAVES: list[tuple] = []


def _leaves(node, path=()):
    if isinstance(node, dict):
        for key, value in node.items():
            _leaves(value, (*path, key))
    elif isinstance(node, list):
        for n, value in enumerate(node):
            _leaves(value, (*path, n))
    elif isinstance(node, str):
        _LEAVES.append(path)


_SPEC = yaml.safe_load((EXAMPLES / "spec-example.yaml").read_text("utf-8"))
_leaves(_SPEC)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    path=st.sampled_from(_LEAVES),
    planted=st.sampled_from(MASKED),
    before=st.sampled_from(
        ["", "x ", "Worker ", "(", "call: ", "a-", "x_", "x.", '"', "\n", "**", "<b>", "#"]
    ),
    after=st.sampled_from(
        ["", " y", ".", ")", ", thanks", "-b", "_y", ".yaml", "\n", "**", "!", "</b>", ";"]
    ),
)
def test_public_output_never_holds_a_planted_datum_whatever_the_field(path, planted, before, after):
    text, secret = planted
    plan = yaml.safe_load(yaml.safe_dump(_SPEC))
    node = plan
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = before + text + after
    raw = _dump(plan)
    result = check_bytes(raw, "plan.yaml", Settings(as_of=dt.date(2026, 8, 10)), keep_plan=True)
    event("rendered" if result.plan is not None else "not a plan")
    if result.plan is None:
        return
    import html

    for format in ("html", "md"):
        page = _TEMPLATES.render(
            f"report.{format}.j2",
            report=plan_report(
                result.plan,
                result.diagnostics,
                as_of=dt.date(2026, 8, 10),
                public=True,
                source_file="plan.yaml",
                forced=True,
            ),
        )
        seen = _compact(html.unescape(page).replace("\\", ""))
        assert [t for t in _tells(secret) if t in seen] == [], (path, secret)


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("plans/worker-A7654321.yaml", f"plans/worker-{MASK}.yaml"),
        ("plan_09876543.yaml", f"plan_{MASK}.yaml"),
        ("P1234567A", MASK),
        ("ACME-2026-00123", "ACME-2026-00123"),  # a plan id's shape is kept
        ("SIP-2026-007", "SIP-2026-007"),
        ("plans/electronics-penang.yaml", "plans/electronics-penang.yaml"),
    ],
)
def test_ids_and_file_names_are_masked_part_by_part(name, shown):
    assert mask(name, name=True) == shown


@pytest.mark.parametrize(
    "text",
    [
        "1-" * 20000 + "x",
        "A1" * 20000,
        "1" * 40000 + "x",
        "1 " * 20000 + "x",
        "a@" * 20000,
        "x at " * 10000 + "y",
        "(1)" * 15000 + "x",
        "+1 " * 15000,
        "12/" * 15000,
        "a.b-c+d " * 5000 + "@x",
        "a . " * 10000 + "@",
        "passport 1-" * 4000,
        "GB82 " * 8000,
        "QQ 12 " * 7000,
    ],
    ids=lambda text: repr(text[:8]),
)
def test_no_text_makes_the_detector_slow(text):
    """Every pattern starts where a word starts: 40,000 characters of one shape are read in
    milliseconds (an unanchored pattern took 50 s on some of these)."""
    import time

    started = time.perf_counter()
    find(text)
    assert time.perf_counter() - started < 2


def test_public_report_masks_every_item_id_and_its_links_still_resolve(sip, write):
    plan = yaml.safe_load((EXAMPLES / "spec-example.yaml").read_text("utf-8"))
    text = yaml.safe_dump(plan, allow_unicode=True, sort_keys=False)
    ids = sorted(
        {
            item["id"]
            for name in (
                "sources",
                "findings",
                "responses",
                "root_causes",
                "risks",
                "improvements",
                "service_providers",
                "parties",
            )
            for item in plan.get(name) or []
            if "id" in item
        },
        key=len,
        reverse=True,
    )
    secrets = {old: f"X{n:02d}A{1234560 + n}Z" for n, old in enumerate(ids)}  # passport-shaped
    for old, new in secrets.items():
        text = re.sub(rf"(?<![\w-]){re.escape(old)}(?![\w-])", new, text)
    path = write("plans/plan.yaml", text)
    internal = sip("render", "--as-of", AS_OF, path).stdout
    assert all(new in internal for new in secrets.values())  # the renaming took
    for format in ("html", "md"):
        page = sip("render", "-f", format, "--as-of", AS_OF, "--audience", "public", path).stdout
        assert [new for new in secrets.values() if new in page] == []
        links = set(re.findall(r'href="#([^"]+)"' if format == "html" else r"\]\(#([^)]+)\)", page))
        anchors = set(re.findall(r'\bid="([^"]+)"', page))
        assert {a for a in links if a.startswith("redacted-")}, "no masked item is linked"
        assert links - anchors == set()
