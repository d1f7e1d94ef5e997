"""Plain scalars follow the YAML 1.2 core schema, not PyYAML's YAML 1.1 habits."""

import math

import pytest

from sip.read.yaml12 import resolve_plain

CASES = [
    ("yes", "yes"),
    ("no", "no"),
    ("on", "on"),
    ("y", "y"),  # 1.1 booleans are text in 1.2
    ("true", True),
    ("False", False),
    ("TRUE", True),
    ("", None),
    ("~", None),
    ("null", None),
    ("NULL", None),
    ("010", 10),
    ("0o10", 8),
    ("0x1F", 31),
    ("-7", -7),
    ("+3", 3),  # 1.1 read 010 as 8
    ("12:30", "12:30"),  # 1.1 read this as 750 (base 60)
    ("1_000", "1_000"),  # 1.1 allowed underscores
    ("1e3", 1000.0),
    ("1.5", 1.5),
    (".5", 0.5),
    ("-.inf", -math.inf),
    ("2026-07-20", "2026-07-20"),  # no timestamp type in 1.2: the models read dates
    ("SIP-2026-007", "SIP-2026-007"),
    ("+", "+"),
    ("-", "-"),
    (".", "."),
]


@pytest.mark.parametrize(("text", "value"), CASES, ids=[c[0] or "empty" for c in CASES])
def test_plain_scalar(text, value):
    resolved = resolve_plain(text)
    assert resolved == value and type(resolved) is type(value)


def test_nan_is_a_float():
    assert math.isnan(resolve_plain(".nan"))
