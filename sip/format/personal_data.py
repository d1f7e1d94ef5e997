"""What looks like a worker's personal data in free text: the one detector behind SIP601
and the masking of public reports. docs/personal-data.md lists what it finds and keeps.

It errs towards flagging: a false alarm costs a waiver (or an entry in the configuration's
`public-identifiers`), a leak costs a worker. Text is read as a person would read it:
Unicode compatibility forms folded (NFKC: full-width digits and `＠`), digits of every script
read as digits, invisible characters (soft hyphens, zero-width spaces) dropped, and any
space or line break between the parts of a number seen through.

Order matters: the public identifiers a user listed are kept first; e-mail addresses are
found next; then shapes that look like numbers but are not a person's (dates, year ranges,
document numbers such as `2023-02247`, tariff codes, plan ids, amounts of money) are set
aside; then what is left is searched for identity documents, phone and account numbers.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from sip.format.currencies import CURRENCIES

MASK = "[redacted]"
EMAIL = "an e-mail address"
DOCUMENT = "a passport or ID number"
PHONE = "a phone number"
NUMBER = "an ID number"
ACCOUNT = "a bank account number"
HANDLE = "a messaging account"


class Match(NamedTuple):
    start: int
    end: int
    kind: str


# -- what text is read as ---------------------------------------------------------------------

_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63"), "-")


def normalise(text: str) -> tuple[str, list[int] | None]:
    """The text the patterns read, and for each of its characters the index of the character
    of `text` it comes from (None: the same text, index for index)."""
    if text.isascii():
        return text, None
    out: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        if ch.isascii():
            out.append(ch)
            where.append(i)
            continue
        if unicodedata.category(ch) == "Cf":  # soft hyphen, zero-width spaces and joiners, BOM
            continue
        if ch.isdecimal():  # Devanagari, Bengali, Thai, Myanmar, Arabic-Indic, full-width...
            folded = str(unicodedata.decimal(ch))
        elif ch.isspace():
            folded = " "
        else:
            folded = unicodedata.normalize("NFKC", ch).translate(_DASHES)
        for part in folded:
            out.append(part)
            where.append(i)
    return "".join(out), where


# -- shapes ------------------------------------------------------------------------------------

# A token starts after a space, punctuation or `_`, or after a hyphen that follows a letter
# (`worker-A1234567`, `passport_A1234567`), not inside a number (`12-A1234567`); it ends
# likewise (`A1234567-b`, `A1234567.pdf`, not `A1234567-2` nor the decimal `1234567.5`).
_B = r"(?<![^\W_])(?<![@.+])(?<![0-9]-)"
_E = r"(?![^\W_])(?!@)(?!-[0-9])(?!\.[0-9])"
_SEP = r"(?:\s{0,2}[-./]\s{0,2}|\s{1,3})"  # between the groups of a number; line breaks too

# Each pattern starts where a word starts (a lookbehind), so that a 40,000-character word is
# tried once, not from each of its characters (tests/test_personal_data.py times them).
_EMAIL = re.compile(
    r"(?<![\w.%+'-])[\w.%+'-]+(?:\s?\.\s?[\w%+'-]+){0,5}\s?@\s?[\w-]+"
    r"(?:\s?\.\s?[\w-]+)*"
)  # nguyen . van @ gmail . com too
_AT = r"(?:\s*[\[({<]\s*at\s*[\])}>]\s*|\s+at\s+)"
_DOT = r"(?:\s*[\[({<]\s*dot\s*[\])}>]\s*|\s+dot\s+|\.)"
_SPELLED_EMAIL = re.compile(
    rf"(?<![\w.+-])[\w.+-]+{_AT}[\w-]+(?:{_DOT}[\w-]+)*{_DOT}"
    r"[^\W\d_]{2,}(?![^\W\d_])",
    re.IGNORECASE,
)

# Numbers that are not a person's: set aside before the search for identifiers.
_DAY, _MONTH, _YEAR = r"(?:0?[1-9]|[12][0-9]|3[01])", r"(?:0?[1-9]|1[0-2])", r"(?:19|20)[0-9]{2}"
_NOT_PERSONAL = re.compile(
    "|".join(
        rf"{_B}(?:{shape}){_E}"
        for shape in (
            rf"{_YEAR}([-/.]){_MONTH}\1{_DAY}(?:T[0-9:.]+Z?)?",  # 2026-08-15
            rf"{_DAY}([-/.]){_MONTH}\2(?:{_YEAR}|[0-9]{{2}})",  # 15/08/2026, 15.08.26
            rf"{_MONTH}([-/.]){_DAY}\3{_YEAR}",  # 08/15/2026
            rf"{_YEAR}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])",  # 20260815
            rf"{_YEAR}\s?[-/]\s?(?:{_YEAR}|[0-9]{{2}})",  # 2024-2026, 2025/26
            rf"{_YEAR}-[0-9]{{4,6}}",  # a document number: FR Doc. 2023-02247
            rf"{_YEAR}/[0-9]{{1,6}}",  # a regulation's number: (EU) 2024/3015
            r"[0-9]{4}\.[0-9]{2}(?:\.[0-9]{2,4}){0,2}",  # a tariff code: 1511.10.00, 8471.30.0100
            r"[A-Za-z]{2,}[A-Za-z0-9]*(?:-[A-Za-z0-9]+){2,}",  # a plan or item id: CAP-2026-014
        )
    )
    + r"|(?i:\b(?:HS|HTS|HTSUS|HSN|CN|tariff|(?:sub)?heading)(?:\s+code)?\s*(?:no\.?|number)?"
    r"\s*[:.]?\s*[0-9][0-9. ]{3,14}[0-9])"  # HS 151110, tariff code 8471300100
    # a web address up to its query: a document's number in its path is public, but a
    # messaging link (wa.me/60123456789) and a query (?phone=...) are still read
    r"|(?i:\b(?:https?|ftp)://(?!(?:www\.)?(?:wa\.me|api\.whatsapp\.com|t\.me|line\.me|m\.me|"
    r"viber\.com|weixin|wechat)\b)[^\s?#<>\"'()]+)"
)
_SYMBOLS = r"RM|Rp|Rs\.?|Tk|Ks|Php|MOP|HK\$|S\$|US\$|[$€£¥₹฿₱₫৳₨﷼₩]"
_MONEY_BEFORE = re.compile(rf"(?:\b[A-Z]{{3}}|{_SYMBOLS})\s?\Z")
_MONEY_AFTER = re.compile(
    r"\A\s?(?:[A-Z]{3}\b|(?i:ringgit|rupees?|rupiah|taka|baht|dong|kyats?|riels?|yuan|renminbi|"
    r"pesos?|dirhams?|riyals?|rials?|dinars?|dollars?|euros?|pounds?|francs?|won|yen|"
    r"million|billion|thousand|lakhs?|crores?)\b)"
)
_AMOUNT = re.compile(r"[0-9]{1,3}(?:[ ,.'][0-9]{3})+(?:[.,][0-9]{1,2})?|[0-9]+(?:[.,][0-9]{1,2})?")

# Identity documents, by shape.
_NOT_PREFIX = {
    *CURRENCIES,
    "HS",
    "HTS",
    "HSN",
    "CN",
    "ISO",
    "IEC",
    "EN",
    "BS",
    "SA",
    "ILO",
    "FR",
    "EO",
    "WRO",
    "RM",
    "RP",
    "RS",
    "TK",
    "KS",
    "PHP",
    "NO",
    "TO",
    "IN",
    "OF",
    "ON",
    "AT",
    "BY",
    "OR",
    "AND",
    "THE",
    "FOR",
    "ALL",
    "ARE",
    "WAS",
}
_DOCUMENTS = (
    # Myanmar NRC: 12/OuKaMa(N)123456, in Burmese script too
    (
        NUMBER,
        re.compile(
            r"(?<![\w/])[0-9]{1,2}\s?/\s?[^\s()/0-9]{2,12}\s?\([^\s()]{1,8}\)\s?"
            r"[0-9]{5,6}(?![0-9])"
        ),
    ),
    # Malaysia MyKad 850101-14-5678, Thailand 1-2345-67890-12-3
    (
        NUMBER,
        re.compile(
            rf"{_B}(?:[0-9]{{6}}-[0-9]{{2}}-[0-9]{{4}}|"
            rf"[0-9]-[0-9]{{4}}-[0-9]{{5}}-[0-9]{{2}}-[0-9]){_E}"
        ),
    ),
    # IBAN: GB82 WEST 1234 5698 7654 32
    (ACCOUNT, re.compile(rf"{_B}[A-Z]{{2}}[0-9]{{2}}(?:\s?[A-Z0-9]{{4}}){{2,7}}(?:\s?[A-Z0-9]{{1,3}})?{_E}")),
    # UK National Insurance number: QQ123456C, QQ 12 34 56 C
    (NUMBER, re.compile(rf"{_B}[A-Za-z]{{2}}\s?[0-9]{{2}}\s?[0-9]{{2}}\s?[0-9]{{2}}\s?[A-Da-d]{_E}")),
    # India PAN: ABCDE1234F
    (NUMBER, re.compile(rf"{_B}[A-Z]{{5}}[0-9]{{4}}[A-Z]{_E}")),
    # Passports and most national IDs: letters then 6-9 digits, maybe a check letter:
    # A12345678, P1234567A (Philippines), S1234567D (Singapore NRIC/FIN), EB0123456,
    # MA123456 (Myanmar), a12345678, A 1234567, K-1234567
    (DOCUMENT, re.compile(rf"{_B}(?P<prefix>[A-Za-z]{{1,3}})(?P<sep>\s?-\s?|\s)?[0-9]{{6,9}}[A-Za-z]?{_E}")),
    # Mixed letters and digits: 12AB34567 (France), L01X00T47 (Germany), CA00000AA (Italy)
    (
        DOCUMENT,
        re.compile(
            rf"{_B}(?=[A-Za-z]*[0-9][0-9A-Za-z]*[A-Za-z])(?=(?:[A-Za-z]*[0-9]){{5}})"
            rf"[A-Za-z0-9]{{8,12}}{_E}"
        ),
    ),
)
_KEYWORD = (
    r"(?:(?<![^\W_])(?:ID|I\.D\.|IC|NRIC|FIN|KTP|NIK|NID|NRC|CNIC|PAN|CPR|QID|NI|NINO|SSN|UAN|HP|Tel|TEL)"
    r"|(?i:(?<![^\W_])(?:passports?|identity(?:\s+card)?|national\s+id|id\s+card|mykad|mykas|i-?kad|"
    r"aadhaa?r|iqama|civil\s+id|emirates\s+id|residence\s+(?:permit|card)|work\s+permit|"
    r"permit|visa|national\s+insurance|social\s+security|telephone|phone|mobile|cell|"
    r"whatsapp|viber|contact|hotline|tel)))"
    r"(?i:\s*(?:number|no\.?|num|#))?\s*[:#.=]?\s*"
)
_AFTER_KEYWORD = re.compile(
    _KEYWORD
    + r"(?P<value>(?:[A-Za-z]{1,3}\s?-?\s?)?\+?[0-9](?:[0-9]|"
    + _SEP
    + r"(?=[0-9]))*[0-9][A-Za-z]?)"
    + _E
)
_RUN = re.compile(
    rf"(?<![^\W_])(?<![+.])(?:\+\s?)?\(?[0-9]+\)?(?:{_SEP}\(?[0-9]+\)?)*[A-Za-z]?"
    r"(?![^\W_])(?!@)"
)
_MESSENGERS = (
    r"(?i:wechat|weixin|telegram|viber|whatsapp|facebook|fb|instagram|tiktok|zalo|skype|"
    r"kakaotalk|messenger)|LINE|Line(?=\s*ID)|IG|imo|Signal"
)  # `line: 3` is no messenger
_AFTER_MESSENGER = rf"(?<![^\W_])(?:{_MESSENGERS})(?i:\s*(?:id|account|handle|name))?\s*[:=]"
_HANDLE = re.compile(
    rf"{_AFTER_MESSENGER}\s*(?P<value>@?[\w.-]{{3,}})"
    r"|(?<![\w@.])(?P<at>@[A-Za-z_][\w.]{2,}\w)"
)
# Every shape above needs one of these (five digits close together, an '@', a spelled-out
# address, a messenger's name): text without any is passed over quickly.
MAYBE = re.compile(
    rf"[0-9](?:[^0-9]{{0,3}}[0-9]){{4}}|[A-Z]{{5}}[0-9]{{4}}|@|(?i:[\[({{<]\s*at\s*[\])}}>]|"
    rf"\sat\s+[\w-]+(?:\.[^\W\d_]|\s+dot\s))|{_AFTER_MESSENGER}"
)


class Keep(NamedTuple):
    """Public identifiers a user listed (`public-identifiers`): found as written, whatever
    the spacing or letter case, and never masked."""

    pattern: re.Pattern[str] | None


@lru_cache(maxsize=32)
def keep(identifiers: tuple[str, ...] = ()) -> Keep:
    parts = []
    for identifier in identifiers:
        text = normalise(identifier)[0].strip()
        if text:
            parts.append(r"\s*".join(re.escape(ch) for ch in text if not ch.isspace()))
    return Keep(re.compile("|".join(sorted(parts, key=len, reverse=True)), re.IGNORECASE) if parts else None)


NOTHING_KEPT = keep()


def find(text: str, kept: Keep = NOTHING_KEPT) -> list[Match]:
    """Spans of text that look like personal data, first to last, not overlapping."""
    if text.isascii() and not MAYBE.search(text):
        return []  # the common case stays cheap
    if len(text) <= 500:  # plans repeat their short texts (owners, roles, ids): remember them
        return _find_cached(text, kept)
    return _find_uncached(text, kept)


@lru_cache(maxsize=8192)
def _find_cached(text: str, kept: Keep) -> list[Match]:
    return _find_uncached(text, kept)


def _find_uncached(text: str, kept: Keep) -> list[Match]:
    norm, where = normalise(text)
    if where is not None and not MAYBE.search(norm):
        return []
    found = [(start, end, kind) for start, end, kind in _find(norm, kept)]
    if where is None:
        return [Match(*span) for span in found]
    return [Match(where[start], where[end - 1] + 1, kind) for start, end, kind in found]


def _find(text: str, kept: Keep) -> list[tuple[int, int, str]]:
    found: list[tuple[int, int, str]] = []
    work = list(text)  # what is claimed or set aside becomes NUL, which no pattern reads

    def set_aside(start: int, end: int, kind: str | None = None) -> None:
        work[start:end] = "\0" * (end - start)
        if kind:
            found.append((start, end, kind))

    def current() -> str:
        return "".join(work)

    if kept.pattern is not None:
        for m in kept.pattern.finditer(text):
            set_aside(m.start(), m.end())
    for pattern in (_EMAIL, _SPELLED_EMAIL):
        for m in pattern.finditer(current()):
            set_aside(m.start(), m.end(), EMAIL)
    for m in _HANDLE.finditer(current()):
        group = "value" if m.group("value") else "at"
        set_aside(m.start(group), m.end(group), HANDLE)
    now = current()
    for m in _NOT_PERSONAL.finditer(now):
        set_aside(m.start(), m.end())
    for kind, pattern in _DOCUMENTS:
        for m in pattern.finditer(current()):
            if kind == DOCUMENT and m.groupdict().get("prefix") is not None and _not_a_document(m):
                continue
            set_aside(m.start(), m.end(), kind)
    for m in _AFTER_KEYWORD.finditer(current()):
        value = m.group("value")
        if sum(c.isdigit() for c in value) >= 5:
            set_aside(m.start("value"), m.end("value"), PHONE if value.startswith("+") else NUMBER)
    now = current()
    for m in _RUN.finditer(now):
        number_kind = _number_kind(
            m.group(), now[max(0, m.start() - 6) : m.start()], now[m.end() : m.end() + 12]
        )
        if number_kind:
            set_aside(m.start(), m.end(), number_kind)
    return sorted(found)


def _not_a_document(m: re.Match[str]) -> bool:
    prefix, sep = m.group("prefix"), m.group("sep")
    if prefix.upper() in _NOT_PREFIX:
        return True
    # "A 1234567" and "K-1234567" are documents; "in 1234567" is a number in a sentence
    return bool(sep) and not prefix.isupper()


def _number_kind(run: str, before: str, after: str) -> str | None:
    digits = sum(c.isdigit() for c in run)
    stripped = run.strip()
    if stripped.startswith("+"):
        return PHONE if digits >= 7 else None
    if digits < 8:
        return None
    if _AMOUNT.fullmatch(stripped) and (
        _MONEY_BEFORE.search(before)
        or _MONEY_AFTER.match(after)
        or re.fullmatch(r"[0-9]+[.,][0-9]{1,2}", stripped)
    ):
        return None
    if stripped[-1].isalpha():
        return NUMBER  # a check letter: 12345678Z (Spain), ...002X (China)
    if stripped.startswith(("(", "0")) or any(not c.isdigit() for c in stripped):
        return PHONE
    return NUMBER


_NAME_PARTS = re.compile(r"[^-_./\\]+")


def find_in_name(name: str, kept: Keep = NOTHING_KEPT) -> list[Match]:
    """In an id or a file name, where `-`, `_`, `.` and `/` join words: the whole name, and each
    of its parts on its own (`worker-A1234567.yaml`), so that `ACME-2026-00123` stays an id."""
    spans = find(name, kept)
    for part in _NAME_PARTS.finditer(name):
        spans += [
            Match(m.start + part.start(), m.end + part.start(), m.kind) for m in find(part.group(), kept)
        ]
    merged: list[Match] = []
    for m in sorted(spans):
        if merged and m.start < merged[-1].end:
            last = merged.pop()
            m = Match(last.start, max(last.end, m.end), last.kind)
        merged.append(m)
    return merged


def mask(text: str, kept: Keep = NOTHING_KEPT, replacement: str = MASK, name: bool = False) -> str:
    """`text` with what looks like personal data replaced; `name`: text is an id or a file name."""
    out, last = [], 0
    for m in (find_in_name if name else find)(text, kept):
        out.append(text[last : m.start])
        out.append(replacement)
        last = m.end
    out.append(text[last:])
    return "".join(out)
