"""Numbers that are not a person's, set aside before the search for identity documents, phone
and account numbers: dates, year ranges, document numbers, tariff codes, plan and item ids, the
numbers of a public web address's path, and amounts of money (docs/personal-data.md, "What is
kept").

Each shape is narrow on purpose: a word before a number (`BCA`, `NPR`, `HS`, `ISO`) or an id
around it (`CAP-2026-9841234567`) must not hide a phone or account number.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from sip.format.currencies import CURRENCIES
from sip.format.personal_data.tokens import END, START

_DAY, _MONTH, _YEAR = r"(?:0?[1-9]|[12][0-9]|3[01])", r"(?:0?[1-9]|1[0-2])", r"(?:19|20)[0-9]{2}"
SHAPES = re.compile(
    "|".join(
        rf"{START}(?:{shape}){END}"
        for shape in (
            rf"{_YEAR}([-/.]){_MONTH}\1{_DAY}(?:T[0-9:.]+Z?)?",  # 2026-08-15
            rf"{_DAY}([-/.]){_MONTH}\2(?:{_YEAR}|[0-9]{{2}})",  # 15/08/2026, 15.08.26
            rf"{_MONTH}([-/.]){_DAY}\3{_YEAR}",  # 08/15/2026
            rf"{_YEAR}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])",  # 20260815
            rf"{_YEAR}\s?[-/]\s?(?:{_YEAR}|[0-9]{{2}})",  # 2024-2026, 2025/26
            rf"{_YEAR}-[0-9]{{4,6}}",  # a document number: FR Doc. 2023-02247
            rf"{_YEAR}/[0-9]{{1,6}}",  # a regulation's number: (EU) 2024/3015
            r"[0-9]{4}\.[0-9]{2}(?:\.[0-9]{2,4}){0,2}",  # a tariff code: 1511.10.00, 8471.30.0100
        )
    )
    # a tariff code after its name, undotted: HS 151110, CN 61091000. Ten undotted digits are
    # a phone number's shape (HS 9841234567): a ten-digit code is written 8471.30.0100.
    + r"|(?i:\b(?:HS|HTS|HTSUS|HSN|CN|tariff|(?:sub)?heading)(?:\s+code)?\s*(?:no\.?|number)?"
    r"\s*[:.]?\s*)[0-9](?:[. ]?[0-9]){3,7}(?![0-9]|[. ][0-9])"
    # a ship's numbers, public by law: IMO 9123456 (seven digits), MMSI 567123456 (nine)
    r"|\b(?:IMO(?:\s+(?:no\.?|number))?\s*[:.]?\s*[0-9]{7}|MMSI\s*[:.]?\s*[0-9]{9})(?![0-9])"
)

# A plan or item id of three or more parts: CAP-2026-014, SIP-2026-011. Not when a part is
# itself shaped like a phone, account or document number (CAP-2026-9841234567, W-A1234567-2).
ID = re.compile(rf"{START}[A-Za-z]{{2,}}[A-Za-z0-9]*(?:-[A-Za-z0-9]+){{2,}}{END}")
_NOT_AN_ID_PART = re.compile(r"[0-9]{8}|(?:\A|-)[A-Za-z]{1,3}[0-9]{6}")


def is_id(text: str) -> bool:
    return not _NOT_AN_ID_PART.search(text)


# -- web addresses --------------------------------------------------------------------------------

# A web address up to its query: its scheme and host, and the numbers of its path that read as
# a document's (`/document/383786582/`, `world-asia-56789012`), are public. The rest of the path
# is read as any text (`/passport_PA0123456.pdf`), and so is the query (`?phone=...`).
URL = re.compile(r"(?i:\b(?:https?|ftp)://|(?<![\w.@-])www\.)[^\s?#<>\"'()]+")
_HOST = re.compile(r"(?i:(?:https?|ftp)://)?[^/]*")
_PATH_NUMBER = re.compile(r"(?:(?<=/)|(?<=[A-Za-z][-_]))[1-9][0-9]*(?=[/]|\.[A-Za-z]|[-_][A-Za-z]|\Z)")
# A number after one of these path words is a person's: /contact/60123456789, /u/9841234567
_PERSON_BEFORE = re.compile(
    r"(?i)(?<![A-Za-z])(?:contacts?|phones?|tel|call|sms|mobile|whatsapp|wa|viber|telegram|line|"
    r"signal|passports?|id|ic|nik|ktp|nid|nric|cnic|users?|u|profiles?|members?|people|person|"
    r"workers?|employees?|staff)[/_-]\Z"
)


def public_in_url(url: str) -> Iterator[tuple[int, int]]:
    """Spans of a web address (an URL match's text) that are public: its host, and the numbers
    of its path that no word names as a person's."""
    host = _HOST.match(url)
    assert host is not None  # it matches the empty string
    yield 0, host.end()
    path = url[host.end() :]
    for m in _PATH_NUMBER.finditer(path):
        if not _PERSON_BEFORE.search(path, max(0, m.start() - 16), m.start()):
            yield host.end() + m.start(), host.end() + m.end()


# -- amounts of money -----------------------------------------------------------------------------

_SYMBOLS = r"RM|Rp|Rs\.?|Tk|Ks|Php|MOP|HK\$|S\$|US\$|[$€£¥₹฿₱₫৳₨﷼₩]"
_CODES = "|".join(sorted(CURRENCIES))
_CURRENCY_BEFORE = re.compile(rf"(?:(?<![A-Za-z])(?:{_CODES})|{_SYMBOLS})\s?\Z")
_CURRENCY_AFTER = re.compile(
    rf"\A(?:,[0-9]{{1,2}})?\s?(?:(?:{_CODES})(?![A-Za-z])|(?i:ringgit|rupees?|rupiah|taka|baht|dong|kyats?|riels?|"
    r"yuan|renminbi|pesos?|dirhams?|riyals?|rials?|dinars?|dollars?|euros?|pounds?|francs?|won|"
    r"yen|million|billion|thousand|lakhs?|crores?)\b)"
)
# How an amount is written: in groups of thousands (1 500 000, 12.345.678, with cents or not),
# with one or two decimals, or as a plain number that is not a phone's or an account's: up to
# nine digits, or a round sum (ending in 000) up to twelve. Never starting with 0.
_GROUPED = re.compile(r"[1-9][0-9]{0,2}([ .'])[0-9]{3}(?:\1[0-9]{3})*(?:[.,][0-9]{1,2})?")
_DECIMALS = re.compile(r"[1-9][0-9]*\.[0-9]{1,2}")
_PLAIN = re.compile(r"[1-9](?:[0-9]{0,8}|[0-9]{6,8}000)")


def is_amount(number: str, before: str, after: str) -> bool:
    """A number (a digit run, stripped) is an amount of money: written with one or two decimals,
    or written as an amount next to a currency's code, symbol or name."""
    if _DECIMALS.fullmatch(number):
        return True
    if not (_CURRENCY_BEFORE.search(before) or _CURRENCY_AFTER.match(after)):
        return False
    return bool(_GROUPED.fullmatch(number) or _PLAIN.fullmatch(number))
