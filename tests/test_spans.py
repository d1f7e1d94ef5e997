"""Where a node ends: the loader records it, `span` gives a diagnostic's extent (the editor
underlines it). Each case: YAML, a path, the position a diagnostic would point at, and the text
from there to the node's end."""

from __future__ import annotations

import pytest

from sip.read.loader import load
from sip.read.positions import parse_path, span

CASES = [
    ("plain scalar", "a:\n  b: hello world  # note\n", "a.b", (2, 6), "hello world"),
    ("quoted scalar", 'a: "two words"\n', "a", (1, 4), '"two words"'),
    ("flow list item", "a: [F-1, F-22]\n", "a[1]", (1, 10), "F-22"),
    ("flow list", "a: [F-1, F-22]\nb: 1\n", "a", (1, 4), "[F-1, F-22]"),
    ("flow mapping", "a: {x: 1, y: 2}\n", "a", (1, 4), "{x: 1, y: 2}"),
    ("key through its value", "a:\n  titel: x y\n", "a.titel", (2, 3), "titel: x y"),
    (
        "block mapping in a list: to its last value",
        "l:\n  - id: F-1\n    t: x\n\n  # comment\n  - id: F-2\n",
        "l[0]",
        (2, 5),
        "id: F-1\n    t: x",
    ),
    ("block list", "l:\n  - a\n  - b\nm: 1\n", "l", (2, 3), "- a\n  - b"),
    (
        "block scalar: to the next line's start",
        "a: |\n  one\n  two\nb: 1\n",
        "a",
        (1, 4),
        "|\n  one\n  two\n",
    ),
    ("nested flow in block", "a:\n  - {id: 7, n: [1, 2]}\n", "a[0].n", (2, 16), "[1, 2]"),
    ("an alias: the alias itself", "x: &k v\ny: *k\n", "y", (2, 4), "*k"),
    ("absent field: the mapping that lacks it", "a:\n  b: 1\n", "a.c", (2, 3), "b: 1"),
    ("absent top-level field: no node", "a: 1\n", "c", (1, 1), None),
    ("not the node's start: no span", "a:\n  b: hello\n", "a.b", (2, 7), None),
]


@pytest.mark.parametrize(("name", "text", "path", "at", "expected"), CASES, ids=[c[0] for c in CASES])
def test_span_covers_the_node(name, text, path, at, expected):
    loaded = load(text.encode(), ends=True)
    found = span(loaded.marks, parse_path(path), at)
    if expected is None:
        assert found is None
        return
    lines = text.split("\n")
    (start_line, start_column), (end_line, end_column) = found
    assert (start_line, start_column) == at
    if start_line == end_line:
        covered = lines[start_line - 1][start_column - 1 : end_column - 1]
    else:
        covered = "\n".join(
            [
                lines[start_line - 1][start_column - 1 :],
                *lines[start_line : end_line - 1],
                lines[end_line - 1][: end_column - 1],
            ]
        )
    assert covered == expected
