"""The personal-data detector's cheap look before its patterns (sip/format/personal_data/screen.py)
changes no answer: the same spans, with and without it, on every text of the examples, the real
cases, the benchmark's generated plans, and random text."""

from __future__ import annotations

import contextlib
import subprocess
import sys

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from sip.format.personal_data import NOTHING_KEPT, find, keep
from tests.conftest import EXAMPLES, ROOT
from tests.test_personal_data import KEPT, MASKED


def _texts(node, out: list[str]) -> list[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            _texts(key, out)
            _texts(value, out)
    elif isinstance(node, list):
        for value in node:
            _texts(value, out)
    elif isinstance(node, str):
        out.append(node)
    return out


def _plan_texts(paths) -> list[str]:
    texts: list[str] = []
    for path in paths:
        # every line too: a comment or a scalar YAML did not read as text still reads as text
        raw = path.read_text("utf-8")
        texts += raw.splitlines()
        with contextlib.suppress(yaml.YAMLError):
            _texts(yaml.safe_load(raw), texts)
    return texts


def _same(text: str, kept=NOTHING_KEPT) -> None:
    found = find(text, kept)
    assert found == find(text, kept, screen=False), text
    end = 0
    for match in found:  # and the spans are the text's, in order, never overlapping
        assert end <= match.start < match.end <= len(text), (text, found)
        end = match.end


def test_the_same_answers_on_the_examples_and_the_real_cases():
    plans = [*EXAMPLES.rglob("*.yaml"), *(ROOT / "tests" / "data" / "cases").glob("*.yaml")]
    texts = _plan_texts(plans) + [text for text, _ in MASKED] + KEPT
    assert len(texts) > 1000
    found = 0
    for text in texts:
        _same(text)
        found += bool(find(text))
    assert found >= len(MASKED)  # the comparison saw texts the detector finds something in


def test_the_same_answers_on_the_benchmarks_generated_plans(tmp_path):
    subprocess.run(
        [sys.executable, str(ROOT / "bench" / "generate.py"), "--count", "12", "--out", str(tmp_path)],
        check=True,
        capture_output=True,
    )
    texts = _plan_texts(sorted(tmp_path.glob("*.yaml")))
    assert len(texts) > 10_000
    for text in texts:
        _same(text)


# Random text made of the pieces shapes are made of, so that near misses are common.
_PIECES = st.sampled_from(
    [
        *"0123456789 @:=/%.-_+()[]<>\"'\n\t",
        *"aAtTdoxyzDOTIGE",
        " at ",
        " AT ",
        "[at]",
        "(dot)",
        " dot ",
        "%2B",
        "%40",
        "%252B",
        "%E0%A5%AF",
        "%2",
        "+60 ",
        "wa.me/",
        "t.me/",
        "https://",
        "www.",
        "instagram.com/",
        "viber://",
        "WeChat:",
        "LINE ID:",
        "passport ",
        "phone ",
        "HS ",
        "USD ",
        "Rs. ",
        "NPR ",
        "CAP-2026-",
        "1,200",
        "2026-08-15",
        "\u00a0",
        "\u200b",
        "\uff10",
        "\u096f",
        "\uff20",
        "\u2013",
        "gmail",
        ".com",
    ]
)


@settings(max_examples=3000, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join))
def test_the_same_answers_on_random_text(text):
    _same(text)


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=80))
def test_the_same_answers_on_any_text(text):
    _same(text)


@pytest.mark.parametrize(
    "text", ["+60 3-8000 8000 or +60 12-345 6789", "hotline@example.org at gmail dot com"]
)
def test_the_same_answers_with_public_identifiers(text):
    _same(text, keep(("+60 3-8000 8000", "hotline@example.org")))
