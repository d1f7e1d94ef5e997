"""Identity documents, phone and account numbers, by shape: the documents of the countries plans
are written about, a number after a word that names one (`passport no. 1234567`), and any long
enough run of digits (docs/personal-data.md, "What is found")."""

from __future__ import annotations

import re

from sip.format.currencies import CURRENCIES
from sip.format.personal_data.kinds import ACCOUNT, DOCUMENT, NUMBER, PHONE
from sip.format.personal_data.public import is_amount
from sip.format.personal_data.tokens import END, SEP, START

# Words before digits that do not make them a document: `ISO 1234567` is read as a number.
_NOT_PREFIX = {
    *CURRENCIES,
    *("HS", "HTS", "HSN", "CN", "ISO", "IEC", "EN", "BS", "SA", "ILO", "FR", "EO", "WRO", "IMO"),
    *("RM", "RP", "RS", "TK", "KS", "PHP", "NO", "TO", "IN", "OF", "ON", "AT", "BY", "OR"),
    *("AND", "THE", "FOR", "ALL", "ARE", "WAS"),
}
DOCUMENTS = (
    # Myanmar NRC: 12/OuKaMa(N)123456, in Burmese script too
    (
        NUMBER,
        re.compile(
            r"(?<![\w/])[0-9]{1,2}\s?/\s?[^\s()/0-9\0]{2,12}\s?\([^\s()\0]{1,8}\)\s?"
            r"[0-9]{5,6}(?![0-9])"
        ),
    ),
    # Malaysia MyKad 850101-14-5678, Thailand 1-2345-67890-12-3
    (
        NUMBER,
        re.compile(
            rf"{START}(?:[0-9]{{6}}-[0-9]{{2}}-[0-9]{{4}}|"
            rf"[0-9]-[0-9]{{4}}-[0-9]{{5}}-[0-9]{{2}}-[0-9]){END}"
        ),
    ),
    # IBAN: GB82 WEST 1234 5698 7654 32
    (
        ACCOUNT,
        re.compile(rf"{START}[A-Z]{{2}}[0-9]{{2}}(?:\s?[A-Z0-9]{{4}}){{2,7}}(?:\s?[A-Z0-9]{{1,3}})?{END}"),
    ),
    # UK National Insurance number: QQ123456C, QQ 12 34 56 C
    (NUMBER, re.compile(rf"{START}[A-Za-z]{{2}}\s?[0-9]{{2}}\s?[0-9]{{2}}\s?[0-9]{{2}}\s?[A-Da-d]{END}")),
    # India PAN: ABCDE1234F
    (NUMBER, re.compile(rf"{START}[A-Z]{{5}}[0-9]{{4}}[A-Z]{END}")),
    # Passports and most national IDs: letters then 6-9 digits, maybe a check letter:
    # A12345678, P1234567A (Philippines), S1234567D (Singapore NRIC/FIN), EB0123456,
    # MA123456 (Myanmar), a12345678, A 1234567, K-1234567
    (
        DOCUMENT,
        re.compile(rf"{START}(?P<prefix>[A-Za-z]{{1,3}})(?P<sep>\s?-\s?|\s)?[0-9]{{6,9}}[A-Za-z]?{END}"),
    ),
    # Mixed letters and digits: 12AB34567 (France), L01X00T47 (Germany), CA00000AA (Italy)
    (
        DOCUMENT,
        re.compile(
            rf"{START}(?=[A-Za-z]*[0-9][0-9A-Za-z]*[A-Za-z])(?=(?:[A-Za-z]*[0-9]){{5}})"
            rf"[A-Za-z0-9]{{8,12}}{END}"
        ),
    ),
)
_KEYWORD = (
    r"(?:(?<![^\W_])(?:ID|I\.D\.|IC|NRIC|FIN|KTP|NIK|NID|NRC|CNIC|PAN|CPR|QID|NI|NINO|SSN|UAN|HP|Tel|TEL)"
    r"|(?i:(?<![^\W_])(?:passports?|identity(?:\s+card)?|national\s+id|id\s+card|mykad|mykas|i-?kad|"
    r"aadhaa?r|iqama|civil\s+id|emirates\s+id|residence\s+(?:permit|card)|work\s+permit|"
    r"permit|visa|national\s+insurance|social\s+security|telephone|phone|mobile|cell|"
    r"whatsapp|viber|contact|hotline|tel)))"
    r"(?![A-Za-z])"  # a word, not the start of one: IDR 12345678 is an amount, Telford a town
    r"(?i:\s*(?:number|no\.?|num|#))?\s*[:#.=]?\s*"
)
AFTER_KEYWORD = re.compile(
    _KEYWORD
    + r"(?P<value>(?:[A-Za-z]{1,3}\s?-?\s?)?\+?[0-9](?:[0-9]|"
    + SEP
    + r"(?=[0-9]))*[0-9][A-Za-z]?)"
    + END
)
RUN = re.compile(
    rf"(?<![^\W_])(?<![+.])(?:\+\s?)?\(?[0-9]+\)?(?:{SEP}\(?[0-9]+\)?)*[A-Za-z]?"
    r"(?![^\W_])(?!@)"
)


def not_a_document(m: re.Match[str]) -> bool:
    """A DOCUMENTS match with a prefix that is a word, not a document's letters."""
    prefix, sep = m.group("prefix"), m.group("sep")
    if prefix.upper() in _NOT_PREFIX:
        return True
    # "A 1234567" and "K-1234567" are documents; "in 1234567" is a number in a sentence
    return bool(sep) and not prefix.isupper()


def keyword_kind(value: str) -> str | None:
    if sum(c.isdigit() for c in value) < 5:
        return None
    return PHONE if value.startswith("+") else NUMBER


def number_kind(run: str, before: str, after: str) -> str | None:
    """What a run of digits is, given the few characters around it; None: not a person's."""
    digits = sum(c.isdigit() for c in run)
    stripped = run.strip()
    if stripped.startswith("+"):
        return PHONE if digits >= 7 else None
    if digits < 8 or is_amount(stripped, before, after):
        return None
    if stripped[-1].isalpha():
        return NUMBER  # a check letter: 12345678Z (Spain), ...002X (China)
    if stripped.startswith(("(", "0")) or any(not c.isdigit() for c in stripped):
        return PHONE
    return NUMBER
