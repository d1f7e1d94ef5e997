"""The README's tour, run as written: every `console` block's commands in a shell, in order, on a
copy of the examples, each printing exactly what the README shows; every `diff` block applied
as the hand edit it describes. The blocks are read out of README.md, so the README cannot drift
from what sip does."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

_BLOCK = re.compile(r"^```(console|diff)\n(.*?)^```$", re.MULTILINE | re.DOTALL)


def tour_steps(text: str) -> list[tuple[str, str, str]]:
    """("run", command, expected output) and ("edit", file, diff) in the README's order."""
    steps = []
    for kind, body in _BLOCK.findall(text):
        if kind == "diff":
            target = re.search(r"^\+\+\+ (\S+)$", body, re.MULTILINE)
            assert target, "a diff block names the file it edits (+++ path)"
            steps.append(("edit", target.group(1), body))
            continue
        command, output = None, []
        for line in body.splitlines():
            if line.startswith("$ "):
                if command is not None:
                    steps.append(("run", command, "\n".join(output)))
                command, output = line[2:], []
            else:
                output.append(line)
        if command is not None:
            steps.append(("run", command, "\n".join(output)))
    return steps


def apply_edit(path: Path, diff: str) -> None:
    """Each `-` line followed by its `+` line: the one line of the file they replace."""
    lines = [line for line in diff.splitlines() if not line.startswith(("---", "+++"))]
    text = path.read_text(encoding="utf-8")
    for old, new in zip(lines[::2], lines[1::2], strict=True):
        assert old.startswith("-") and new.startswith("+"), (old, new)
        assert text.count(old[1:] + "\n") == 1, f"{old[1:]!r} is not one line of {path}"
        text = text.replace(old[1:] + "\n", new[1:] + "\n")
    path.write_text(text, encoding="utf-8")


def test_the_tour_runs_as_written_and_ends_clean(tmp_path):
    steps = tour_steps((ROOT / "README.md").read_text(encoding="utf-8"))
    commands = [step[1] for step in steps if step[0] == "run"]
    assert any(c.startswith(".venv/bin/sip fix ") for c in commands)
    assert any(step[0] == "edit" for step in steps)
    shutil.copytree(ROOT / "examples", tmp_path / "examples", ignore=shutil.ignore_patterns(".sip_cache"))
    # the hollow plan done right, which the tour checks where a clone has it
    (tmp_path / "tests" / "data").mkdir(parents=True)
    shutil.copy(ROOT / "tests" / "data" / "hollow-done-right.yaml", tmp_path / "tests" / "data")
    # `.venv/bin/sip` as the README writes it: this test's own installed sip
    (tmp_path / ".venv" / "bin").mkdir(parents=True)
    (tmp_path / ".venv" / "bin" / "sip").symlink_to(Path(sys.executable).parent / "sip")
    environment = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200"}
    environment.pop("GITHUB_ACTIONS", None)
    last = None
    for kind, subject, expected in steps:
        if kind == "edit":
            apply_edit(tmp_path / subject, expected)
            continue
        run = subprocess.run(
            subject,
            shell=True,
            cwd=tmp_path,
            env=environment,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            timeout=300,
        )
        assert run.returncode in (0, 1), f"{subject}\n{run.stdout}"
        assert run.stdout.rstrip("\n") == expected, subject
        last = (subject, run)
    # the last check of the tour's broken plan is clean
    checks = [s for s in steps if s[0] == "run" and "validate examples/invalid/typos.yaml" in s[1]]
    assert checks[-1][2] == "1 file checked: no problems"
    assert last is not None
    assert not list(tmp_path.glob("*.md")), "the tour leaves no report lying in the repository"
    # a report the tour writes under a .md name is Markdown (the extension chose the format)
    written = [p for p in tmp_path.rglob("*.md") if "examples" not in p.parts]
    assert written
    assert all("<!DOCTYPE" not in p.read_text(encoding="utf-8") for p in written)
