"""What is known when a plan is started (`sip new`'s options and questions), and how a person's
answers are read: each checked as the format checks it, with what to write instead when it is
not valid. The country and the site's languages have no default a person could accept unread.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sip.format.countries import COUNTRIES, country_code_for
from sip.format.dates import DateError, parse_date
from sip.format.languages import LANGUAGES, capitals_hint, language_code_for, language_hint
from sip.model.types import ID_PATTERN

TODO = "TODO"


@dataclass(frozen=True)
class Start:
    """What is known when a plan is started."""

    id: str
    title: str
    site: str
    country: str
    company: str
    owner_role: str
    opened: dt.date
    languages: tuple[str, ...] = ()  # () : not known yet, a commented line to fill in
    country_guessed: bool = False  # not given: the comment asks to check it


# What a start can be given (the command's options and prompts), with each one's default.
QUESTIONS = {
    "id": "Plan id",
    "title": "Title (the plan in one line)",
    "site": "Site (the facility, agent, farm or ship)",
    "country": "Country of the site (ISO code or name)",
    "languages": "Languages the site's workers read (ISO 639-1 codes or names, e.g. ne, my, ms; "
    "Enter: not known yet)",
    "company": "Company that owns the plan",
    "owner_role": "Accountable role",
    "opened": "Opened on (YYYY-MM-DD)",
}


def defaults(today: dt.date, environ: dict[str, str]) -> dict[str, str]:
    return {
        "id": f"SIP-{today.year}-001",
        "title": TODO,
        "site": TODO,
        "country": guessed_country(environ),
        "languages": "",  # not known: a guess from the locale would be the writer's, not the workers'
        "company": TODO,
        "owner_role": "Head of Responsible Sourcing",
        "opened": today.isoformat(),
    }


def guessed_country(environ: dict[str, str]) -> str:
    """The locale's territory (LANG=en_MY.UTF-8 gives MY), else GB; marked for checking."""
    for name in ("LC_ALL", "LC_CTYPE", "LANG"):
        match = re.match(r"[a-z]{2,3}_([A-Z]{2})", environ.get(name, ""))
        if match and match.group(1) in COUNTRIES:
            return match.group(1)
    return "GB"


def read_value(name: str, text: str) -> str | dt.date | tuple[str, ...]:
    """One start value as a person typed it; ValueError says what is wrong with it."""
    text = text.strip()
    if name == "languages":
        return read_languages(text)
    if not text:
        raise ValueError("it cannot be blank")
    if name == "id" and not re.match(ID_PATTERN, text):
        raise ValueError(f"{text!r} is not an id: a letter or digit, then letters, digits, '.', '_' or '-'")
    if name == "country":
        code = text.upper() if text.upper() in COUNTRIES else country_code_for(text)
        if code is None:
            raise ValueError(f"{text!r} is not a country: write its ISO 3166-1 code, e.g. MY")
        return code
    if name == "opened":
        try:
            return parse_date(text)
        except DateError:
            raise ValueError(f"{text!r} is not a date; write it as YYYY-MM-DD") from None
    return text


def read_languages(text: str) -> tuple[str, ...]:
    """`ne, my, Bahasa Malaysia` or `ne my ms`: codes or names, each once; blank: not known yet."""
    parts = [p.strip() for p in text.split(",")] if "," in text else [text]
    codes: list[str] = []
    for part in parts:
        words = [part] if part in LANGUAGES or language_code_for(part) else part.split()
        for word in words:
            if word != word.lower() and word.lower() in LANGUAGES:  # `MY`: Malaysia's, or Burmese?
                raise ValueError(f"{word!r}: {capitals_hint(word)}")
            code = word if word in LANGUAGES else language_code_for(word)
            if code is None:
                raise ValueError(f"{word!r} is not an ISO 639-1 language code{language_hint(word)}")
            codes.append(code)
    return tuple(dict.fromkeys(codes))
