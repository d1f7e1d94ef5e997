"""A throwaway git repository for tests of sip's git features: scripted commits of plan files."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

_IDENTITY = [
    "-c",
    "user.name=sip tests",
    "-c",
    "user.email=tests@example.com",
    "-c",
    "commit.gpgsign=false",
    "-c",
    "init.defaultBranch=main",
]


class Repo:
    def __init__(self, root: Path) -> None:
        self.root = root
        root.mkdir(parents=True, exist_ok=True)
        self.git("init", "-q")

    def git(self, *args: str, env: dict[str, str] | None = None) -> str:
        done = subprocess.run(
            ["git", *_IDENTITY, *args],
            cwd=self.root,
            capture_output=True,
            text=True,
            env=None if env is None else {**os.environ, **env},
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    def write(self, name: str, text: str) -> Path:
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    def edit(self, name: str, old: str, new: str) -> None:
        path = self.root / name
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} is not in {name}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    def commit(self, message: str, date: str | None = None) -> str:
        """Commit everything; `date` (YYYY-MM-DD) dates the commit, for the history of a portfolio."""
        self.git("add", "-A")
        when = (
            None
            if date is None
            else {"GIT_AUTHOR_DATE": f"{date}T12:00:00", "GIT_COMMITTER_DATE": f"{date}T12:00:00"}
        )
        self.git("commit", "-q", "-m", message, env=when)
        return self.git("rev-parse", "HEAD").strip()
