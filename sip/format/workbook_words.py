"""The supplier workbook's own words, in the languages sip ships: headings, the Read-me,
drop-down labels and the messages `sip import` gives about cells.

The English text is the message id; each other language is a gettext catalogue,
`sip/locale/<code>/LC_MESSAGES/sip.po`, compiled to the `.mo` beside it that the standard
library's `gettext` reads (Babel, a test dependency, extracts and compiles them; see
CONTRIBUTING.md). Words marked N_("...") here are translated where they are shown.

A label is what a person reads in a cell ("In progress"); the plan keeps the token
(`in-progress`), and so does the workbook's hidden sheet. Import maps a label of any shipped
language back to its token, so a workbook exported in one language imports whatever the
language of the person who runs `sip import`.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import gettext

DOMAIN = "sip"
LOCALE = Path(__file__).resolve().parent.parent / "locale"
# The languages sip ships, by ISO 639-1 code, each named in its own words.
LANGUAGES = {"en": "English", "ms": "Bahasa Melayu"}
SOURCE_LANGUAGE = "en"


def N_(text: str) -> str:
    """Marks text to translate where it is shown (Babel's extractor finds it)."""
    return text


class Words:
    """One language's words: `_ = Words("ms").gettext; _("Status")`."""

    def __init__(self, language: str) -> None:
        if language not in LANGUAGES:
            raise ValueError(language)
        self.language = language
        self._catalogue = _catalogue(language)

    def gettext(self, text: str) -> str:
        return self._catalogue.gettext(text)


@cache
def _catalogue(language: str) -> gettext.NullTranslations:
    import gettext  # here, not at the top: `sip --help` names the languages, and stays light

    if language == SOURCE_LANGUAGE:
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, localedir=LOCALE, languages=[language])


def every_language() -> list[Words]:
    return [Words(code) for code in LANGUAGES]


# The labels of the tokens a workbook shows. A test holds each table to its vocabulary in
# sip/format/vocab.py, so a word added there fails until it has its label here.

STATUS = {
    "planned": N_("Planned"),
    "in-progress": N_("In progress"),
    "done": N_("Done"),
    "verified": N_("Verified"),
    "cancelled": N_("Cancelled"),
}
# What each status means, for the Read-me.
STATUS_MEANING = {
    "planned": N_("not started yet"),
    "in-progress": N_("started, not finished"),
    "done": N_("finished; give the date in Completed"),
    "verified": N_("finished and checked; fill in the verification columns"),
    "cancelled": N_("will not be done; tell the plan's owner why"),
}
YES, NO = N_("Yes"), N_("No")

KIND = {
    "protection": N_("Protection"),
    "remedy": N_("Remedy"),
    "corrective": N_("Corrective"),
    "improvement": N_("Improvement"),
}
KIND_MEANING = {
    "protection": N_("keeps workers safe now"),
    "remedy": N_("repairs the harm done to the workers"),
    "corrective": N_("stops the practice at the site"),
    "improvement": N_("changes the management system so the problem does not come back"),
}
REMEDY = {
    "reimbursement": N_("Reimbursement of recruitment fees and costs"),
    "back-pay": N_("Back pay"),
    "compensation": N_("Compensation"),
    "rehabilitation": N_("Rehabilitation"),
    "repatriation": N_("Voluntary repatriation"),
    "reintegration": N_("Reintegration"),
    "legal-aid": N_("Legal aid"),
}
ELEMENT = {
    "policy": N_("Policy"),
    "procedure": N_("Procedure"),
    "recruitment": N_("Recruitment"),
    "training": N_("Training"),
    "grievance-mechanism": N_("Grievance mechanism"),
    "monitoring": N_("Monitoring"),
    "supplier-contracts": N_("Supplier contracts"),
    "purchasing-practices": N_("Purchasing practices"),
    "worker-engagement": N_("Worker engagement"),
    "documentation": N_("Documentation"),
    "incident-response": N_("Incident response"),
    "awareness": N_("Awareness"),
    "wages": N_("Wages"),
    "housing": N_("Housing"),
}
SEVERITY = {
    "critical": N_("Critical (zero tolerance)"),
    "major": N_("Major"),
    "minor": N_("Minor"),
}
# The ILO's own wording (ILO Indicators of Forced Labour, 2012).
INDICATOR = {
    "abuse-of-vulnerability": N_("Abuse of vulnerability"),
    "deception": N_("Deception"),
    "restriction-of-movement": N_("Restriction of movement"),
    "isolation": N_("Isolation"),
    "physical-and-sexual-violence": N_("Physical and sexual violence"),
    "intimidation-and-threats": N_("Intimidation and threats"),
    "retention-of-identity-documents": N_("Retention of identity documents"),
    "withholding-of-wages": N_("Withholding of wages"),
    "debt-bondage": N_("Debt bondage"),
    "abusive-working-and-living-conditions": N_("Abusive working and living conditions"),
    "excessive-overtime": N_("Excessive overtime"),
}


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def status_token(text: str) -> str | None:
    """The status a cell names: its token, or its label in any shipped language."""
    token = _tokens(tuple(STATUS.items())).get(_key(text))
    return token if isinstance(token, str) else None


def yes_no(text: str) -> bool | None:
    """True or False for yes or no in any shipped language (or true/false), else None."""
    answer = _tokens(((True, YES), (False, NO))).get(_key(text))
    return answer if isinstance(answer, bool) else None


@cache
def _tokens(labels: tuple[tuple[object, str], ...]) -> dict[str, object]:
    found: dict[str, object] = {}
    for token, label in labels:
        found[_key(str(token).lower())] = token
        for words in every_language():
            found.setdefault(_key(words.gettext(label)), token)
    return found
