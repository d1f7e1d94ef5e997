"""Quick fixes: the edits `sip fix` would make, with certainty, as code actions.

`sip fix` rewrites the whole text through ruamel.yaml's round trip and refuses when anything
but the fixed lines would change; so the fixed text differs from the editor's only on those
lines, and each differing block of lines is one fix's edit. One action per fix, on its
diagnostic, and one that makes them all (`source.fixAll`).
"""

from __future__ import annotations

import difflib

from lsprotocol import types

from sip.edit.fix import Fix, Outcome, fix_text
from sip.read.loader import Limits

# The codes `sip fix` can fix some cases of (a version written as "1"; a country name, a code
# in lower case, an id read as a number): the fixer runs only when one is reported.
FIXABLE_CODES = frozenset(("SIP003", "SIP102"))


def outcome(source: str, max_bytes: int) -> Outcome:
    return fix_text(source, Limits(max_bytes=max_bytes))


def edits(source: str, fixed: str) -> list[tuple[range, types.TextEdit]]:
    """Each block of changed lines as (the 1-based lines it replaces: none for lines only
    added, the edit)."""
    before, after = source.splitlines(True), fixed.splitlines(True)
    out = []
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for tag, a_start, a_end, b_start, b_end in matcher.get_opcodes():
        if tag == "equal":
            continue
        where = types.Range(
            start=types.Position(line=a_start, character=0), end=types.Position(line=a_end, character=0)
        )
        lines = range(a_start + 1, a_end + 1)
        out.append((lines, types.TextEdit(range=where, new_text="".join(after[b_start:b_end]))))
    return out


def code_actions(
    uri: str, source: str, fixed: Outcome, diagnostics: list[types.Diagnostic]
) -> list[types.CodeAction]:
    if fixed.refused or not fixed.fixes:
        return []
    blocks = edits(source, fixed.text)
    actions = []
    every: list[types.TextEdit] = []
    for fix in fixed.fixes:
        mine = [edit for lines, edit in blocks if _belongs(fix, lines)]
        if not mine:
            continue
        every += [edit for edit in mine if edit not in every]
        about = [
            d
            for d in diagnostics
            if d.code == fix.code and (fix.old is None or d.range.start.line == fix.line - 1)
        ]
        actions.append(
            types.CodeAction(
                title=f"sip fix: {fix.describe()}",
                kind=types.CodeActionKind.QuickFix,
                diagnostics=about or None,
                is_preferred=True,
                edit=types.WorkspaceEdit(changes={uri: mine}),
            )
        )
    if len(actions) > 1:
        actions.append(
            types.CodeAction(
                title=f"sip fix: fix all {len(actions)} certain problems",
                kind=types.CodeActionKind.SourceFixAll,
                edit=types.WorkspaceEdit(changes={uri: every}),
            )
        )
    return actions


def _belongs(fix: Fix, lines: range) -> bool:
    if fix.old is None:  # an added line (the version): the block that only inserts
        return not lines
    return fix.line in lines
