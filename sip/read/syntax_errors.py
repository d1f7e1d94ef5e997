"""What a plan author reads when the YAML parser gives up (SIP001): libyaml's words about a tab
in the indentation, a key without its colon, a quote or bracket never closed, turned into
sentences about the plan's own line (sip/read/loader.py reads the file)."""

from __future__ import annotations

import re

import yaml


def tab_in_indentation(text: str, error: yaml.MarkedYAMLError) -> tuple[str, int, int] | None:
    """A tab where YAML wants spaces (libyaml says "found a tab character that violates
    indentation", or that the tab "cannot start any token"): at the tab, in sip's words."""
    mark = error.problem_mark
    if mark is None:
        return None
    lines = text.splitlines()
    line = lines[mark.line] if mark.line < len(lines) else ""
    indent = line[: len(line) - len(line.lstrip(" \t"))]
    about_a_tab = "tab character" in (error.problem or "") or line[mark.column : mark.column + 1] == "\t"
    if "\t" not in indent or not about_a_tab:
        return None
    message = (
        "invalid YAML: a tab in the indentation; YAML indents with spaces only: replace the tab with spaces"
    )
    return message, mark.line + 1, indent.index("\t") + 1


# A line that reads as `key value`: a key the author forgot the ':' of (`- id F-1`).
_NO_COLON = re.compile(r"([ \t]*(?:-[ \t]+)?)([A-Za-z_][A-Za-z0-9_]*)[ \t]+([^\s#:'\"][^#]*?)[ \t]*(?:#.*)?")


def missing_colon(text: str, error: yaml.MarkedYAMLError) -> tuple[str, int, int] | None:
    """A key written without its ':' (`- id F-1`): YAML reads it and the next line as one
    text and fails at the next line's ':', or finds no ':' for the key the line starts. The
    message, line and column (where the ':' belongs) when that line reads as `key value`."""
    problem, lines = error.problem or "", text.splitlines()
    if "could not find expected ':'" in problem and error.context_mark is not None:
        candidates = range(min(error.context_mark.line, len(lines) - 1), -1, -1)
    elif "mapping values are not allowed" in problem and error.problem_mark is not None:
        candidates = range(min(error.problem_mark.line, len(lines)) - 1, -1, -1)
    else:
        return None
    for number in candidates:
        line = lines[number]
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        found = _NO_COLON.fullmatch(line)
        if found is None or ": " in found.group(3):
            return None
        prefix, key, value = found.groups()
        message = (
            f"invalid YAML: '{key}' has no ':' after it, so YAML read it and the next line as one "
            f"text; write '{key}: {value}'"
        )
        return message, number + 1, len(prefix) + len(key) + 1
    return None


def syntax_message(error: yaml.MarkedYAMLError) -> str:
    """libyaml's words, turned into what a plan author can act on."""
    problem = (error.problem or "").strip()
    context = (error.context or "").strip()
    mark = error.context_mark
    opened = f" on line {mark.line + 1}" if mark is not None else ""
    if "quoted scalar" in context:
        return f"invalid YAML: the quote opened{opened} is never closed"
    if "flow sequence" in context:
        return f"invalid YAML: the list opened with '['{opened} needs ',' between items and a closing ']'"
    if "flow mapping" in context:
        return (
            f"invalid YAML: the mapping opened with '{{'{opened} needs ',' between items and a closing '}}'"
        )
    if "cannot start any token" in problem:
        return "invalid YAML: this character cannot start a value; quote text that starts with @ or `"
    if "mapping values are not allowed" in problem:
        return (
            "invalid YAML: a ':' that YAML reads as a new key; put text that holds ': ' in "
            "quotes, or fix the indentation"
        )
    if "expected '-' indicator" in problem:
        return f"invalid YAML: the list that starts{opened} has an item that is not lined up with its '-'"
    if "expected key" in problem:
        return (
            f"invalid YAML: this line does not line up with the keys of the mapping that "
            f"starts{opened}, or text after a quoted value goes on past the closing quote"
        )
    detail = f"{problem} ({context}{opened})" if context else problem
    return "invalid YAML: " + (detail or "the parser could not read this")
