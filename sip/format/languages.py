"""Language codes: ISO 639-1, its 184 two-letter codes (written in lower case) with their English
names, as of 2026; and the names and the country codes people write for them, for hints."""

from __future__ import annotations

LANGUAGES: dict[str, str] = {
    "aa": "Afar",
    "ab": "Abkhazian",
    "ae": "Avestan",
    "af": "Afrikaans",
    "ak": "Akan",
    "am": "Amharic",
    "an": "Aragonese",
    "ar": "Arabic",
    "as": "Assamese",
    "av": "Avaric",
    "ay": "Aymara",
    "az": "Azerbaijani",
    "ba": "Bashkir",
    "be": "Belarusian",
    "bg": "Bulgarian",
    "bh": "Bihari languages",
    "bi": "Bislama",
    "bm": "Bambara",
    "bn": "Bengali",
    "bo": "Tibetan",
    "br": "Breton",
    "bs": "Bosnian",
    "ca": "Catalan",
    "ce": "Chechen",
    "ch": "Chamorro",
    "co": "Corsican",
    "cr": "Cree",
    "cs": "Czech",
    "cu": "Church Slavonic",
    "cv": "Chuvash",
    "cy": "Welsh",
    "da": "Danish",
    "de": "German",
    "dv": "Dhivehi",
    "dz": "Dzongkha",
    "ee": "Ewe",
    "el": "Greek",
    "en": "English",
    "eo": "Esperanto",
    "es": "Spanish",
    "et": "Estonian",
    "eu": "Basque",
    "fa": "Persian",
    "ff": "Fulah",
    "fi": "Finnish",
    "fj": "Fijian",
    "fo": "Faroese",
    "fr": "French",
    "fy": "Western Frisian",
    "ga": "Irish",
    "gd": "Scottish Gaelic",
    "gl": "Galician",
    "gn": "Guarani",
    "gu": "Gujarati",
    "gv": "Manx",
    "ha": "Hausa",
    "he": "Hebrew",
    "hi": "Hindi",
    "ho": "Hiri Motu",
    "hr": "Croatian",
    "ht": "Haitian Creole",
    "hu": "Hungarian",
    "hy": "Armenian",
    "hz": "Herero",
    "ia": "Interlingua",
    "id": "Indonesian",
    "ie": "Interlingue",
    "ig": "Igbo",
    "ii": "Sichuan Yi",
    "ik": "Inupiaq",
    "io": "Ido",
    "is": "Icelandic",
    "it": "Italian",
    "iu": "Inuktitut",
    "ja": "Japanese",
    "jv": "Javanese",
    "ka": "Georgian",
    "kg": "Kongo",
    "ki": "Kikuyu",
    "kj": "Kuanyama",
    "kk": "Kazakh",
    "kl": "Greenlandic",
    "km": "Khmer",
    "kn": "Kannada",
    "ko": "Korean",
    "kr": "Kanuri",
    "ks": "Kashmiri",
    "ku": "Kurdish",
    "kv": "Komi",
    "kw": "Cornish",
    "ky": "Kyrgyz",
    "la": "Latin",
    "lb": "Luxembourgish",
    "lg": "Ganda",
    "li": "Limburgish",
    "ln": "Lingala",
    "lo": "Lao",
    "lt": "Lithuanian",
    "lu": "Luba-Katanga",
    "lv": "Latvian",
    "mg": "Malagasy",
    "mh": "Marshallese",
    "mi": "Maori",
    "mk": "Macedonian",
    "ml": "Malayalam",
    "mn": "Mongolian",
    "mr": "Marathi",
    "ms": "Malay",
    "mt": "Maltese",
    "my": "Burmese",
    "na": "Nauru",
    "nb": "Norwegian Bokmål",
    "nd": "North Ndebele",
    "ne": "Nepali",
    "ng": "Ndonga",
    "nl": "Dutch",
    "nn": "Norwegian Nynorsk",
    "no": "Norwegian",
    "nr": "South Ndebele",
    "nv": "Navajo",
    "ny": "Chichewa",
    "oc": "Occitan",
    "oj": "Ojibwa",
    "om": "Oromo",
    "or": "Oriya",
    "os": "Ossetian",
    "pa": "Punjabi",
    "pi": "Pali",
    "pl": "Polish",
    "ps": "Pashto",
    "pt": "Portuguese",
    "qu": "Quechua",
    "rm": "Romansh",
    "rn": "Rundi",
    "ro": "Romanian",
    "ru": "Russian",
    "rw": "Kinyarwanda",
    "sa": "Sanskrit",
    "sc": "Sardinian",
    "sd": "Sindhi",
    "se": "Northern Sami",
    "sg": "Sango",
    "si": "Sinhala",
    "sk": "Slovak",
    "sl": "Slovenian",
    "sm": "Samoan",
    "sn": "Shona",
    "so": "Somali",
    "sq": "Albanian",
    "sr": "Serbian",
    "ss": "Swati",
    "st": "Southern Sotho",
    "su": "Sundanese",
    "sv": "Swedish",
    "sw": "Swahili",
    "ta": "Tamil",
    "te": "Telugu",
    "tg": "Tajik",
    "th": "Thai",
    "ti": "Tigrinya",
    "tk": "Turkmen",
    "tl": "Tagalog",
    "tn": "Tswana",
    "to": "Tonga",
    "tr": "Turkish",
    "ts": "Tsonga",
    "tt": "Tatar",
    "tw": "Twi",
    "ty": "Tahitian",
    "ug": "Uyghur",
    "uk": "Ukrainian",
    "ur": "Urdu",
    "uz": "Uzbek",
    "ve": "Venda",
    "vi": "Vietnamese",
    "vo": "Volapük",
    "wa": "Walloon",
    "wo": "Wolof",
    "xh": "Xhosa",
    "yi": "Yiddish",
    "yo": "Yoruba",
    "za": "Zhuang",
    "zh": "Chinese",
    "zu": "Zulu",
}

# Other names of the languages above, as people write them (lower case), beyond their names above.
_LANGUAGE_ALIASES = {
    "bahasa indonesia": "id",
    "bahasa malaysia": "ms",
    "bahasa melayu": "ms",
    "bangla": "bn",
    "cambodian": "km",
    "cantonese": "zh",
    "castilian": "es",
    "central khmer": "km",
    "chewa": "ny",
    "chuang": "za",
    "church slavic": "cu",
    "divehi": "dv",
    "farsi": "fa",
    "filipino": "tl",
    "flemish": "nl",
    "gaelic": "gd",
    "gikuyu": "ki",
    "haitian": "ht",
    "kalaallisut": "kl",
    "kirghiz": "ky",
    "kiswahili": "sw",
    "kwanyama": "kj",
    "letzeburgesch": "lb",
    "limburgan": "li",
    "limburger": "li",
    "maldivian": "dv",
    "mandarin": "zh",
    "moldavian": "ro",
    "moldovan": "ro",
    "myanmar": "my",
    "navaho": "nv",
    "nepalese": "ne",
    "nuosu": "ii",
    "nyanja": "ny",
    "occidental": "ie",
    "old bulgarian": "cu",
    "old church slavonic": "cu",
    "old slavonic": "cu",
    "ossetic": "os",
    "panjabi": "pa",
    "provençal": "oc",
    "pushto": "ps",
    "sinhalese": "si",
    "tigrigna": "ti",
    "uighur": "ug",
    "valencian": "ca",
}

# The country codes of the countries migrant workers most often come from or work in, written
# where their main language's code belongs (`np` for Nepali, `MY` for Malay): a hint names the
# language code. Only where the country has one main language; `in` (India) and `lk` (Sri Lanka)
# do not, so they get no hint. Some are language codes too (`my` is Burmese, `et` Estonian).
_COUNTRY_LANGUAGE = {
    "my": "ms",
    "bn": "ms",
    "sa": "ar",
    "ae": "ar",
    "kw": "ar",
    "om": "ar",
    "tw": "zh",
    "la": "lo",
    "np": "ne",
    "mm": "my",
    "bd": "bn",
    "vn": "vi",
    "kh": "km",
    "ph": "tl",
    "pk": "ur",
    "cn": "zh",
    "jp": "ja",
    "kr": "ko",
    "gr": "el",
    "ua": "uk",
    "cz": "cs",
    "dk": "da",
    "et": "am",
}
_NAMES = {name.casefold(): code for code, name in LANGUAGES.items()} | _LANGUAGE_ALIASES


def language_code_for(name: str) -> str | None:
    """The code of a language written by name ('Nepali', 'Burmese', 'Bahasa Malaysia'), if certain."""
    return _NAMES.get(" ".join(name.split()).casefold())


def means_another_language(value: str) -> bool:
    """'MY': a language code in capitals that is also the code of a country whose language is
    another one (Malaysia's is Malay, my is Burmese)."""
    lower = value.lower()
    return value != lower and lower in LANGUAGES and _COUNTRY_LANGUAGE.get(lower, lower) != lower


def capitals_hint(value: str) -> str:
    """What to say of a language code written in capitals ('MY'), in words after it. When the
    country of that code speaks another language (MY is Malaysia, and my is Burmese), it says
    which code to write for that language: the case alone cannot be fixed for the writer."""
    lower = value.lower()
    said = f"language codes are lower case, and {lower} is {LANGUAGES[lower]}"
    if not means_another_language(value):
        return said
    from sip.format.countries import COUNTRIES

    country = _COUNTRY_LANGUAGE[lower]
    return (
        f"{said}; {value.upper()} is also the country code of {COUNTRIES[value.upper()]}: "
        f"for {LANGUAGES[country]} write {country}"
    )


def language_hint(value: str) -> str:
    """What to write instead of a value that is not a language code, in words to follow "is not
    an ISO 639-1 language code": '; for Nepali write ne', '; did you mean my (Burmese)?'."""
    import difflib

    code = language_code_for(value)
    if code is not None:
        return f"; for {value.strip()} write {code}"
    country = _COUNTRY_LANGUAGE.get(value.lower())
    if country is not None:
        from sip.format.countries import COUNTRIES

        return (
            f"; {value.upper()} is the country code of {COUNTRIES[value.upper()]}: for "
            f"{LANGUAGES[country]} write {country}"
        )
    if len(value) > 3:
        close = difflib.get_close_matches(value.casefold(), list(_NAMES), n=1, cutoff=0.8)
        if close:
            code = _NAMES[close[0]]
            return f"; did you mean {code} ({LANGUAGES[code]})?"
    return " (two lower-case letters, such as ne for Nepali, my for Burmese, ms for Malay)"
