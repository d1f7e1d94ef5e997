"""`sip diff` output: text for a terminal, JSON for tools, Markdown for a pull-request comment."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TextIO

from sip.diagnostic import readable
from sip.format.wording import plural
from sip.history.plan_diff import PlanDiff
from sip.output.formats import Style
from sip.output.plain_text import printable

WORKTREE_WORDS = "the working tree"


@dataclass(frozen=True)
class DiffReport:
    """What `sip diff` writes, in any format; head None is the working tree."""

    diffs: list[PlanDiff]
    base: str
    head: str | None


def _title(diff: PlanDiff) -> str:
    return readable(printable(diff.path + (f" ({diff.plan_id})" if diff.plan_id else "")))


def _refused_count(diffs: list[PlanDiff]) -> int:
    return sum(len(d.refused) for d in diffs)


def _summary(diffs: list[PlanDiff]) -> str:
    plans = len(diffs)
    refused = _refused_count(diffs)
    text = f"{plural(plans, 'plan')} changed"
    if refused:
        text += f"; {plural(refused, 'change')} that --check refuses"
    return text


def write_text(report: DiffReport, stream: TextIO, style: Style) -> None:
    diffs, base, head = report.diffs, report.base, report.head
    stream.write(f"sip diff {printable(base)} .. {printable(head or WORKTREE_WORDS)}\n")
    for diff in diffs:
        stream.write(f"\n{_title(diff)}\n")
        if not diff.changes:
            stream.write("  (no change a reviewer needs to see: formatting or comments only)\n")
        for change in diff.changes:
            mark = "!" if change.refused else change.sign
            line = f"  {mark} {printable(change.text)}"
            if change.refused:
                line += f"  [refused: {printable(change.refused)}]"
            stream.write(line + "\n")
    stream.write(f"\n{_summary(diffs)}\n")


def write_json(report: DiffReport, stream: TextIO, style: Style) -> None:
    diffs, base, head = report.diffs, report.base, report.head
    document = {
        "base": base,
        "head": head,
        "plans": [
            {
                "old_path": d.old_path and readable(d.old_path),
                "new_path": d.new_path and readable(d.new_path),
                "plan_id": d.plan_id,
                "changes": [c.to_dict() for c in d.changes],
            }
            for d in diffs
        ],
        "refused": _refused_count(diffs),
    }
    json.dump(document, stream, ensure_ascii=False, indent=2)
    stream.write("\n")


def write_markdown(report: DiffReport, stream: TextIO, style: Style) -> None:
    diffs, base, head = report.diffs, report.base, report.head
    shown_head = f"`{_code(head)}`" if head else WORKTREE_WORDS
    lines = [f"## sip diff: `{_code(base)}` .. {shown_head}", "", _summary(diffs) + "."]
    refused = [(d, c) for d in diffs for c in d.refused]
    if refused:
        lines += ["", "### Needs a reviewer's decision", ""]
        lines += [f"- `{_code(d.path)}`: {_md(c.text)} (**{_md(c.refused)}**)" for d, c in refused]
    for diff in diffs:
        lines += ["", f"### {_md(_title(diff))}", ""]
        if not diff.changes:
            lines.append("- no change a reviewer needs to see (formatting or comments only)")
        for change in diff.changes:
            prefix = "**refused**: " if change.refused else ""
            lines.append(f"- {_SIGN_WORDS[change.sign]} {prefix}{_md(change.text)}")
    stream.write("\n".join(lines) + "\n")


_SIGN_WORDS = {"+": "➕", "-": "➖", "~": "✏️"}


def _code(text: str) -> str:
    return readable(printable(text)).replace("`", "'")


def _md(text: str) -> str:
    """Plain text that Markdown shows as written, on one line (a line break in a review's `by`
    must not start a paragraph or a heading of its own)."""
    text = printable(text)
    for character in "\\`*_[]<&|#~":
        text = text.replace(character, "\\" + character)
    return text
