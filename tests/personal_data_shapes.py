"""The shapes of personal data the detector must mask and the public numbers it must keep, and
the helpers that plant them and look for what leaks: shared by tests/test_personal_data.py (the
detector, SIP601) and tests/test_personal_data_public.py (public output)."""

from __future__ import annotations

import re
import unicodedata

import yaml

from sip.model.fields import free_text
from sip.rules.sip601_personal_data import not_read

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


def dump_quoted(plan: dict) -> bytes:
    return yaml.dump(plan, Dumper=_Quoting, allow_unicode=True, sort_keys=False).encode("utf-8")


def compact(text: str) -> str:
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


def tells(secret: str) -> list[str]:
    """What must not be in an output that was given `secret`: the datum without separators,
    and its digits when there are enough of them to be the datum's."""
    squeezed = compact(secret)
    digits = "".join(c for c in squeezed if c.isdigit())
    found = [squeezed]
    if len(digits) >= 6:
        found.append(digits)
    if "@" in squeezed or "at" in secret.split():
        found.append(re.split(r"@|at", squeezed.lstrip("@"))[0])
    return [tell for tell in found if len(tell) >= 4]
