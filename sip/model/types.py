"""Field types shared by the plan models: ids, text, dates, codes, amounts.

Each raises a `PydanticCustomError` whose type slug the schema check turns into a
message for people (sip/check/schema_errors.py); the slugs are part of that contract.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Annotated, Any

from pydantic import AfterValidator, Field, PlainValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

from sip.format.countries import COUNTRIES
from sip.format.currencies import ACCEPTED_CURRENCIES
from sip.format.dates import DateError, parse_date
from sip.format.languages import LANGUAGES
from sip.model.facts import FREE_TEXT

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]*$"
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+\Z")


def _date(value: Any) -> dt.date:
    try:
        return parse_date(value)
    except DateError as error:
        if error.impossible:
            raise PydanticCustomError("sip_impossible_date", "no such date") from None
        if error.out_of_range:
            raise PydanticCustomError("sip_date_range", "a date out of range") from None
        raise PydanticCustomError("sip_date", "not a date") from None


def _text(value: str) -> str:
    if not value.strip():
        raise PydanticCustomError("sip_blank", "blank text")
    return value


def _country(value: str) -> str:
    if value not in COUNTRIES:
        raise PydanticCustomError("sip_country", "not a country code")
    return value


def _language(value: str) -> str:
    if value not in LANGUAGES:
        raise PydanticCustomError("sip_language", "not a language code")
    return value


def _currency(value: str) -> str:
    if value not in ACCEPTED_CURRENCIES:
        raise PydanticCustomError("sip_currency", "not a currency code")
    return value


def _email(value: str) -> str:
    if not _EMAIL.match(value):
        raise PydanticCustomError("sip_email", "not an e-mail address")
    return value


def _finite(value: float) -> float:
    if not math.isfinite(value):
        raise PydanticCustomError("sip_not_finite", "not a finite number")
    return value


Id = Annotated[
    str,
    Field(pattern=ID_PATTERN, description="An id: a letter or digit, then letters, digits, '.', '_' or '-'."),
]
# Free text: SIP601 and SIP602 read it, and the public report masks it (sip/model/facts.py).
Text = Annotated[str, AfterValidator(_text), FREE_TEXT]
Date = Annotated[
    dt.date,
    PlainValidator(_date),
    WithJsonSchema({"type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}),
]
Country = Annotated[
    str,
    AfterValidator(_country),
    WithJsonSchema(
        {
            "type": "string",
            "enum": sorted(COUNTRIES),
            "description": "ISO 3166-1 alpha-2 country code (XK for Kosovo).",
        }
    ),
]
Language = Annotated[
    str,
    AfterValidator(_language),
    WithJsonSchema(
        {
            "type": "string",
            "enum": sorted(LANGUAGES),
            "description": "ISO 639-1 language code, lower case (ne, my, ms).",
        }
    ),
]
Currency = Annotated[
    str,
    AfterValidator(_currency),
    WithJsonSchema(
        {
            "type": "string",
            "enum": sorted(ACCEPTED_CURRENCIES),
            "description": "ISO 4217 currency code, upper case.",
        }
    ),
]
# A finding's `repeats`: a finding of this plan (F-2), or of another plan as PLAN-ID/F-2 (format 1.2).
FindingRef = Annotated[
    str,
    Field(
        pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)?$",
        description="A finding id (F-2), or a plan id and a finding id of that plan (SIP-2025-003/F-2).",
    ),
]
Email = Annotated[str, AfterValidator(_email), WithJsonSchema({"type": "string", "format": "email"})]
# No workforce reaches a billion; the sums of many counts stay exact as JSON numbers (below 2^53)
# and as the floats charts and ratios read them.
MAX_COUNT = 1_000_000_000
Count = Annotated[int, Field(ge=0, le=MAX_COUNT)]
MAX_AMOUNT = 1e15  # no remedy reaches it, and the sums of many stay finite (no Infinity in JSON)
Amount = Annotated[float, Field(ge=0, le=MAX_AMOUNT), AfterValidator(_finite)]
