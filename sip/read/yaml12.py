"""Plain scalars read as the YAML 1.2 core schema says, and the core tags: `yes` is text,
`010` is ten, and `2026-07-20` is text (the models read dates)."""

from __future__ import annotations

import re

# YAML 1.2 core schema (https://yaml.org/spec/1.2.2/#1032-tag-resolution)
_INT = re.compile(r"[-+]?[0-9]+\Z")
_OCT = re.compile(r"0o[0-7]+\Z")
_HEX = re.compile(r"0x[0-9a-fA-F]+\Z")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?\Z")
_SPECIAL_FLOATS = {
    ".inf": float("inf"), ".Inf": float("inf"), ".INF": float("inf"),
    "+.inf": float("inf"), "+.Inf": float("inf"), "+.INF": float("inf"),
    "-.inf": float("-inf"), "-.Inf": float("-inf"), "-.INF": float("-inf"),
    ".nan": float("nan"), ".NaN": float("nan"), ".NAN": float("nan"),
}  # fmt: skip
_NULLS = frozenset(("", "~", "null", "Null", "NULL"))
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_NUMBER_START = frozenset("0123456789+-.")
CORE = "tag:yaml.org,2002:"
MAX_DIGITS = 100  # no number in a plan needs more; Python refuses to read over 4,300


class NumberTooLong(ValueError):
    def __init__(self, digits: int) -> None:
        super().__init__(
            f"a number of {digits:,} digits: sip reads numbers of at most "
            f"{MAX_DIGITS} digits (no plan needs more)"
        )


SCALAR_TAGS = {CORE + "str", CORE + "int", CORE + "float", CORE + "bool", CORE + "null", "!"}


def resolve_plain(text: str) -> object:
    """The value of an untagged plain scalar under the YAML 1.2 core schema."""
    if text in _NULLS:
        return None
    boolean = _BOOLS.get(text)
    if boolean is not None:
        return boolean
    if text[0] in _NUMBER_START:
        if len(text) > MAX_DIGITS + 2 and (_INT.match(text) or _OCT.match(text) or _HEX.match(text)):
            raise NumberTooLong(len(text.lstrip("+-0ox")))
        if _INT.match(text):
            return int(text)
        if _FLOAT.match(text):
            return float(text)
        if _OCT.match(text):
            return int(text[2:], 8)
        if _HEX.match(text):
            return int(text[2:], 16)
        special = _SPECIAL_FLOATS.get(text)
        if special is not None:
            return special
    return text


_TAG_TYPES: dict[str, type | tuple[type, ...]] = {
    "int": int,
    "float": (int, float),
    "bool": bool,
    "null": type(None),
}


def tagged_scalar(tag: str, text: str) -> tuple[object, bool]:
    """The value of a scalar with an explicit core tag, and whether the text fits the tag."""
    if tag in ("!", CORE + "str"):
        return text, True
    value = resolve_plain(text)
    expected = _TAG_TYPES[tag[len(CORE) :]]
    fits = isinstance(value, expected) and not (tag.endswith("int") and isinstance(value, bool))
    return value, fits
