"""The personal-data detector behind SIP601 and public reports: every shape it must mask, every
public number it must keep, and public output that holds none of the data planted in a plan."""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
import unicodedata

import pytest
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from sip.check.config import Settings
from sip.check.file import check_bytes
from sip.format.personal_data import MASK, find, find_in_name, keep, mask
from sip.model.fields import free_text
from sip.output.render.build import plan_report
from sip.output.render.environment import Templates
from sip.rules.sip601_personal_data import not_read
from tests.conftest import AS_OF, DATA, EXAMPLES, ROOT

# Issue 20's shapes, by item: (text, the datum that must be masked, the kind SIP601 names).
ISSUE_20 = {
    # 1. a word or a currency before a number does not keep it
    1: [
        ("Indonesian bank BCA 8881234567", "8881234567", "an ID number"),
        ("Nepali bank NMB 01234567890123", "01234567890123", "a phone number"),
        ("a bKash wallet bKash BDT 01712345678", "01712345678", "a phone number"),
        ("paid through NPR 9841234567", "9841234567", "an ID number"),
        ("reached on IMO 9841234567", "9841234567", "an ID number"),
        ("Rs. 9841234567 sent", "9841234567", "an ID number"),
        ("taka Tk 01712345678", "01712345678", "a phone number"),
        ("rupiah Rp 08123456789", "08123456789", "a phone number"),
        ("a tariff word HS 9841234567", "9841234567", "an ID number"),
        ("a standard's word ISO 01712345678", "01712345678", "a phone number"),
        ("in the plan CAP-2026-9841234567", "9841234567", "a phone number"),
    ],
    # 2. messaging links, percent-encoded or with a username; profile links
    2: [
        ("viber://chat?number=%2B9779841234567", "9779841234567", "a messaging account"),
        ("https://wa.me/%2B60123456789", "60123456789", "a phone number"),
        ("wa.me/%252B60123456789 (encoded twice)", "60123456789", "a phone number"),
        ("https://api.whatsapp.com/send?phone=%2B60123456789", "60123456789", "a messaging account"),
        ("https://example.org/form?phone=%2B60123456789", "60123456789", "a phone number"),
        ("mailto:ram%2Ethapa%40gmail.com", "ram%2Ethapa", "an e-mail address"),
        ("t.me/ramthapa98", "ramthapa98", "a messaging account"),
        ("https://m.me/ram.thapa.98", "ram.thapa.98", "a messaging account"),
        ("line.me/ti/p/~somchai88", "somchai88", "a messaging account"),
        ("https://www.instagram.com/siti.rahayu", "siti.rahayu", "a social media profile"),
        ("https://www.facebook.com/siti.rahayu.90", "siti.rahayu.90", "a social media profile"),
        (
            "https://www.facebook.com/profile.php?id=100012345678901",
            "100012345678901",
            "a social media profile",
        ),
    ],
    # 3. a web address's path, a quoted local part, a local part written out
    3: [
        ("https://example.org/files/passport_PA0123456.pdf", "PA0123456", "a passport or ID number"),
        ("https://example.org/contact/60123456789", "60123456789", "an ID number"),
        ('write to "siti rahayu"@gmail.com', "siti rahayu", "an e-mail address"),
        ("write to siti dot rahayu at gmail dot com", "siti dot", "an e-mail address"),
    ],
}

# The free-text fields SIP601 reads: every one but the owners' (sip/model/fields.py).
PLAN_FIELDS = tuple(f for f in free_text()[0] if ("", f) not in not_read())
LIST_FIELDS = {
    name: tuple(f for f in fields if (name, f) not in not_read()) for name, fields in free_text()[1].items()
}

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
    *[(text, secret) for item in (1, 2, 3) for text, secret, _ in ISSUE_20[item]],
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
    # what real plans write next to issue 20's shapes: amounts, tariff codes, standards, ids
    "USD 1,200",
    "MYR 250,000.00",
    "a fee of NPR 150000",
    "IDR 12345678",
    "VND 2500000000",
    "Rp 12.500.000",
    "INR 1,50,00,000",
    "12.345.678,90 EUR",
    "paid 150000000 rupiah",
    "CAP-2026-001",
    "HS 6109.10.00",
    "CN 61091000",
    "HTS 6109.10.0012",
    "IMO 9123456",
    "MMSI 567123456",
    "ISO 9001",
    "ISO 9001:2015",
    "section 4.2.1",
    "https://www.bbc.com/news/world-asia-56789012",
    "https://www.federalregister.gov/documents/2023/02/07/2023-02247/notice-of-finding",
    "https://www.ilo.org/wcmsp5/groups/public/---ed_norm/---declaration/documents/publication/wcms_854733.pdf",
    "www.example.org/report/383786582",
    "https://doi.org/10.1016/j.worlddev.2021.105678",
    "https://twitter.com/ilo/status/1234567890123456789",
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


# -- issue 20: shapes that leaked, through the command line ---------------------------------------


def _validate_and_publish(sip, write, tmp_path, shapes) -> None:
    """Each shape in a plan of its own: `sip validate` warns (SIP601) about each, naming its kind,
    and the public site of all of them shows none."""
    base = yaml.safe_load((EXAMPLES / "spec-example.yaml").read_text("utf-8"))
    for n, (text, _, _) in enumerate(shapes):
        plan = copy.deepcopy(base)
        plan["id"] = f"SIP-2026-{100 + n}"
        plan["findings"][0]["description"] = f"Noted in the interview: {text} (case W-017)"
        write(f"plans/plan-{n}.yaml", _dump(plan))
    checked = sip("validate", "--as-of", AS_OF, tmp_path / "plans")
    for n, (text, _, kind) in enumerate(shapes):
        warned = re.search(
            rf"plan-{n}\.yaml:[0-9]+:[0-9]+: SIP601 warning .*looks like ([^:]+):", checked.stdout
        )
        assert warned, f"no SIP601 for {text!r}"
        assert warned[1] == kind, text
    published = sip(
        "render", "--as-of", AS_OF, "--audience", "public", "--out", tmp_path / "site", tmp_path / "plans"
    )
    assert published.exit_code == 0, published.stderr
    import html

    site = _compact(
        " ".join(html.unescape(page.read_text("utf-8")) for page in (tmp_path / "site").iterdir())
    )
    for text, secret, _ in shapes:
        assert [tell for tell in _tells(secret) if tell in site] == [], text


def test_a_bank_currency_tariff_or_standard_word_before_a_number_does_not_keep_it(sip, write, tmp_path):
    """Issue 20, item 1: `BCA 8881234567`, `NPR 9841234567`, `HS 9841234567`..."""
    _validate_and_publish(sip, write, tmp_path, ISSUE_20[1])


def test_messaging_and_profile_links_are_found_however_they_are_encoded(sip, write, tmp_path):
    """Issue 20, item 2: `wa.me/%2B60...`, `mailto:ram%2Ethapa%40...`, `t.me/ramthapa98`..."""
    _validate_and_publish(sip, write, tmp_path, ISSUE_20[2])


def test_a_web_address_path_and_quoted_or_spelled_addresses_are_masked_whole(sip, write, tmp_path):
    """Issue 20, item 3: `.../passport_PA0123456.pdf`, `"a b"@x.com`, `siti dot rahayu at ...`"""
    _validate_and_publish(sip, write, tmp_path, ISSUE_20[3])


@pytest.mark.parametrize("entry", ["a", "12", "ISO", "Acme Sdn Bhd", "W-017"])
def test_a_public_identifier_that_is_not_a_whole_identifier_is_refused(sip, write, entry):
    """Issue 20, item 5: `["a"]` kept every text holding an `a`, so nothing was masked."""
    config = write("plans/sip.toml", f'strict = true\npublic-identifiers = ["+60 3-8000 8000", "{entry}"]\n')
    plan = write("plans/plan.yaml", (EXAMPLES / "spec-example.yaml").read_text("utf-8"))
    for command in (("validate", plan), ("render", "--audience", "public", plan)):
        outcome = sip(*command)
        assert outcome.exit_code == 2
        assert outcome.stdout == ""
        assert f"{config}:2: public-identifiers: {entry!r} is not a whole identifier" in outcome.stderr


def test_public_identifiers_are_kept_only_where_they_are_written_whole(sip, write, tmp_path):
    """Issue 20, item 5: an entry is matched whole, never inside a longer number or address."""
    write("plans/sip.toml", 'public-identifiers = ["+60 3-8000 8000", "hotline@example.org", "12345"]\n')
    plan = yaml.safe_load((EXAMPLES / "spec-example.yaml").read_text("utf-8"))
    plan["findings"][0]["description"] = (
        "Workers call the hotline +60 3-8000 8000 or write to hotline@example.org; case 12345. "
        "One gave +60 3-8000 80001, another x.hotline@example.org, a third +60 12345 6789"
    )
    path = write("plans/plan.yaml", _dump(plan))
    assert "SIP601" in sip("validate", "--as-of", AS_OF, path).stdout
    page = sip("render", "-f", "md", "--as-of", AS_OF, "--audience", "public", path).stdout.replace("\\", "")
    assert "hotline +60 3-8000 8000 or write to hotline@example.org; case 12345." in page
    assert "80001" not in page and "x.hotline" not in page and "6789" not in page


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
    # no diagnostic is published: no banner (not even a count: issue 19), no validation table,
    # and the index does not list the file that could not be read
    assert ", column " not in text and "<caption>Diagnostics</caption>" not in text
    assert "This plan has" not in text and "error" not in text


# -- every shape in every text field of the schema ------------------------------------------------

EVERY_FIELD = DATA / "every-field.yaml"
_ID_PATTERN = "^[A-Za-z0-9][A-Za-z0-9._-]*$"


def _schema_text_fields() -> dict[str, str]:
    """Every field of the JSON Schema whose value is text someone writes, by its dotted path (a
    list's items as `[]`): "text" (free text, an e-mail address) or "id" (an id, or a reference
    to one). Vocabulary values, dates and rule codes are left out: the schema refuses any other
    text there, so nothing planted in them is rendered."""
    schema = json.loads((ROOT / "schemas" / "sip-plan-1.schema.json").read_text("utf-8"))
    fields: dict[str, str] = {}

    def walk(node: dict, path: tuple[str, ...]) -> None:
        while "$ref" in node:
            node = schema["$defs"][node["$ref"].rsplit("/", 1)[-1]]
        for key in ("anyOf", "oneOf", "allOf"):
            for option in node.get(key, []):
                walk(option, path)
        for name, value in node.get("properties", {}).items():
            walk(value, (*path, name))
        if node.get("type") == "array":
            walk(node.get("items", {}), (*path, "[]"))
        if node.get("type") == "string" and "enum" not in node:
            if "pattern" not in node:
                fields[".".join(path)] = "text"
            elif node["pattern"] == _ID_PATTERN:
                fields[".".join(path)] = "id"

    walk(schema, ())
    return fields


TEXT_FIELDS = _schema_text_fields()


def _text_leaves(plan: dict) -> list[tuple[tuple, str]]:
    """(path, the field's kind) of each value of `plan` in a text field of the schema."""
    found = []

    def walk(node, path, dotted):
        if isinstance(node, dict):
            for key, value in node.items():
                walk(value, (*path, key), (*dotted, key))
        elif isinstance(node, list):
            for n, value in enumerate(node):
                walk(value, (*path, n), (*dotted, "[]"))
        elif isinstance(node, str) and ".".join(dotted) in TEXT_FIELDS:
            found.append((path, TEXT_FIELDS[".".join(dotted)]))

    walk(plan, (), ())
    return found


_EVERY = yaml.safe_load(EVERY_FIELD.read_text("utf-8"))
_EVERY_LEAVES = _text_leaves(_EVERY)


def test_the_every_field_plan_holds_every_text_field_of_the_schema():
    dotted = set()
    for path, _ in _EVERY_LEAVES:
        dotted.add(".".join("[]" if isinstance(step, int) else step for step in path))
    assert len(TEXT_FIELDS) > 50
    assert set(TEXT_FIELDS) - dotted == set(), "add these fields to tests/data/every-field.yaml"


def _planted_value(kind: str, path: tuple, text: str, secret: str) -> str | None:
    """What to write in a field: the sentence in a free-text field; the datum alone in an id
    when it is shaped like one and is personal data on its own; nothing in an e-mail field
    (the schema refuses a sentence there, and owner e-mails are never published)."""
    if kind == "text":
        return None if path[-1] == "email" else text
    if re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", secret) and find_in_name(secret):
        return secret
    return None


def _put(plan: dict, path: tuple, value: str) -> None:
    node = plan
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = value


def _leaked(plan: dict, secret: str) -> list[str]:
    """What of `secret` the public report of `plan` (HTML and Markdown) shows."""
    import html

    result = check_bytes(_dump(plan), "plan.yaml", Settings(as_of=dt.date(2026, 8, 10)), keep_plan=True)
    assert result.plan is not None, [d.message for d in result.diagnostics]
    leaked = []
    for page in _public_pages_of(result):
        seen = _compact(html.unescape(page).replace("\\", ""))
        leaked += [tell for tell in _tells(secret) if tell in seen]
    return leaked


def _public_pages_of(result) -> list[str]:
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


@pytest.mark.parametrize(("text", "secret"), MASKED, ids=[t for t, _ in MASKED])
def test_every_shape_in_every_text_field_is_masked_for_the_public(text, secret):
    plan = copy.deepcopy(_EVERY)
    for path, kind in _EVERY_LEAVES:
        value = _planted_value(kind, path, f"x {text} y", secret)
        if value is not None:
            _put(plan, path, value)
    assert _leaked(plan, secret) == []


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    leaf=st.sampled_from(_EVERY_LEAVES),
    planted=st.sampled_from(MASKED),
    before=st.sampled_from(
        ["", "x ", "Worker ", "(", "call: ", "a-", "x_", "x.", '"', "\n", "**", "<b>", "#"]
    ),
    after=st.sampled_from(
        ["", " y", ".", ")", ", thanks", "-b", "_y", ".yaml", "\n", "**", "!", "</b>", ";"]
    ),
)
def test_public_output_never_holds_a_planted_datum_whatever_the_field(leaf, planted, before, after):
    """Any shape, in any text field of the schema, with anything around it (tests/data/
    every-field.yaml has a value in each)."""
    (path, kind), (text, secret) = leaf, planted
    value = _planted_value(kind, path, before + text + after, secret)
    event("planted" if value is not None else "not plantable here")
    if value is None:
        return
    plan = copy.deepcopy(_EVERY)
    _put(plan, path, value)
    assert _leaked(plan, secret) == [], (path, secret)


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


@pytest.mark.parametrize("name", ["A7654321", "worker-A7654321"])
def test_masking_an_id_again_and_again_finds_the_same(name):
    """The detector remembers short texts; masking an id (each time a public report shows it)
    added to what it remembered, doubling it for a one-part id: an id shown 40 times ran a
    public render out of memory."""
    for _ in range(16):
        assert mask(name, name=True) == name.replace("A7654321", MASK)
    assert len(find(name)) == 1


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
        "https://example.org/" + "1/" * 15000,
        "https://example.org/" + "contact-1-" * 4000,
        "t.me/" * 8000,
        "wa.me/" + "%2B" * 10000,
        "%25" * 12000 + "2B",
        "a dot " * 8000 + "at x",
        '"' * 20000 + "@x",
        "USD " * 10000 + "1",
        "CAP-" * 10000 + "1",
        "HS 1" * 10000,
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
