"""SIP001, SIP002 and SIP004 through the real CLI: broken, repeated, empty, hostile and huge files."""

from __future__ import annotations

import json
import time

import pytest

from tests.conftest import AS_OF, DATA

MINIMAL = (DATA / "minimal.yaml").read_bytes()

CASES = [
    # SIP001: the parser's first problem, at its mark
    ("unclosed flow list", b"sip: 1\nid: [a, b\ntitle: x\n", ["3:6 SIP001"]),
    ("unclosed quote", b'sip: 1\nid: "SIP-1\n', ["3:1 SIP001"]),
    ("bad indentation", b"sip: 1\nsite:\n  name: a\n country: MY\n", ["4:2 SIP001"]),
    ("tab indentation", b"sip: 1\nsite:\n\tname: a\n", ["3:1 SIP001"]),
    ("invalid UTF-8 at the first bad byte", b"sip: 1\nid: caf\xe9\n", ["2:8 SIP001"]),
    ("control character", b"sip: 1\nid: a\x07b\n", ["2:6 SIP001"]),
    ("undefined alias", b"sip: 1\nid: *nowhere\n", ["2:5 SIP001"]),
    # SIP002: every repeated key, not the first; the first value is kept
    (
        "repeated key",
        MINIMAL.replace(b"status: active\n", b"status: active\nstatus: draft\n"),
        ["5:1 SIP002 status"],
    ),
    (
        "repeated key in a list item",
        MINIMAL.replace(b"    severity: major\n", b"    severity: major\n    severity: minor\n"),
        ["21:5 SIP002 findings[0].severity"],
    ),
    # SIP004: at 1:1, or where the second document starts
    ("empty file", b"", ["1:1 SIP004"]),
    ("only comments", b"# a plan will go here\n\n", ["1:1 SIP004"]),
    ("null document", b"null\n", ["1:1 SIP004"]),
    ("a list at the top", b"- sip: 1\n", ["1:1 SIP004"]),
    ("a scalar at the top", b"just text\n", ["1:1 SIP004"]),
    ("two documents", MINIMAL + b"---\nsip: 1\n", ["53:1 SIP004"]),
    ("nesting deeper than 64", b"sip: 1\nid: " + b"[" * 65 + b"]" * 65 + b"\n", ["1:1 SIP004"]),
    ("block nesting deeper than 64", b"".join(b" " * i + b"a:\n" for i in range(70)), ["1:1 SIP004"]),
    ("100,000 nested brackets do not crash", b"[" * 100_000, ["1:1 SIP004"]),
    ("recursive alias", b"sip: 1\nid: &a [*a]\n", ["1:1 SIP004"]),
    ("more than 100 aliases", b"sip: 1\nx: &a 1\ny: [" + b", ".join([b"*a"] * 101) + b"]\n", ["1:1 SIP004"]),
]


def _found(out) -> list[str]:
    """`line:col CODE path` of each diagnostic; the path is empty for the file as a whole."""
    return [
        f"{d['line']}:{d['column']} {d['code']} {d['path']}".rstrip()
        for d in json.loads(out.stdout)["diagnostics"]
    ]


@pytest.mark.parametrize(("raw", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_loading_case(sip, write, raw, expected):
    plan = write("plan.yaml", raw)
    out = sip("validate", "--as-of", AS_OF, "--format", "json", plan)
    assert _found(out) == expected
    assert out.exit_code == 1


def test_bom_is_accepted(sip, write):
    plan = write("plan.yaml", b"\xef\xbb\xbf" + MINIMAL)
    out = sip("validate", "--as-of", AS_OF, plan)
    assert out.exit_code == 0, out.stdout


def test_repeated_key_keeps_the_first_value(sip, write):
    plan = write(
        "plan.yaml", MINIMAL.replace(b"    severity: major\n", b"    severity: major\n    severity: severe\n")
    )
    out = sip("validate", "--as-of", AS_OF, "--format", "json", plan)
    assert _found(out) == ["21:5 SIP002 findings[0].severity"]  # 'severe' was dropped, so no SIP102


def test_syntax_message_is_plain_words(sip, write):
    plan = write("plan.yaml", b"sip: 1\nid: [a, b\ntitle: x\n")
    out = sip("validate", plan)
    assert (
        "plan.yaml:3:6: SIP001 invalid YAML: the list opened with '[' on line 2 needs ',' "
        "between items and a closing ']'"
    ) in out.stdout


def test_alias_bomb_is_refused_quickly(sip, write):
    lines = [b"sip: 1", b"a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for level in range(1, 9):
        refs = b", ".join([b"*a%d" % (level - 1)] * 10)
        lines.append(b"a%d: &a%d [%s]" % (level, level, refs))
    plan = write("bomb.yaml", b"\n".join(lines) + b"\n")
    started = time.perf_counter()
    out = sip("validate", "--format", "json", plan)
    elapsed = time.perf_counter() - started
    assert _found(out) == ["1:1 SIP004"]
    assert "expand to more than 100,000 nodes" in out.stdout
    assert elapsed < 30  # a guard against hanging, not a performance target


def test_alias_within_limits_is_expanded(sip, write):
    text = (
        MINIMAL.replace(b"  - id: S-1\n", b"  - id: S-1\n")
        .replace(b"    date: 2026-06-28\n", b"    date: &found 2026-06-28\n")
        .replace(b"    identified: 2026-06-28\n", b"    identified: *found\n")
    )
    out = sip("validate", "--as-of", AS_OF, write("plan.yaml", text))
    assert out.exit_code == 0, out.stdout


def test_file_over_the_size_limit(sip, write, tmp_path):
    (tmp_path / "sip.toml").write_text('max-file-size = "1KB"\n')
    plan = write("plan.yaml", MINIMAL + b"# padding\n" * 200)
    out = sip("validate", "--format", "json", plan)
    assert _found(out) == ["1:1 SIP004"]
    assert "over the limit of 1,024" in out.stdout
