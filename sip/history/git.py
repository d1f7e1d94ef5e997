"""The plans' history, read with the `git` command (the one every CI and laptop has).

Paths given to and returned by this module are relative to the repository's top folder,
with forward slashes, as git writes them. Anything git refuses is a UsageError with
git's own reason: sip cannot do what was asked (exit 2).
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

from sip.exits import UsageError
from sip.files import TooLarge, read_limited, reason

WORKTREE = None  # the "revision" of the files on disk


@dataclass(frozen=True)
class Changed:
    status: str  # git's letter: A added, D deleted, M modified, R renamed, T type changed
    old: str | None  # the path at the base; None when added
    new: str | None  # the path at the head; None when deleted


class Repository:
    def __init__(self, cwd: Path | None = None) -> None:
        self.cwd = (cwd or Path.cwd()).resolve()
        try:
            top = self._git("rev-parse", "--show-toplevel").decode().strip()
        except UsageError:
            raise UsageError(
                f"{self.cwd} is not in a git repository; this command reads the plans' history with git"
            ) from None
        self.top = Path(top).resolve()

    def _git(self, *args: str, input: bytes | None = None) -> bytes:
        command = ["git", "-c", "core.quotepath=off", *args]
        try:
            done = subprocess.run(
                command,
                cwd=self.cwd,
                input=input,
                capture_output=True,
                env={**os.environ, "GIT_OPTIONAL_LOCKS": "0"},
            )
        except FileNotFoundError:
            raise UsageError("git is not installed (or not on PATH); this command needs it") from None
        if done.returncode != 0:
            reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
            raise UsageError(f"git {args[0]}: {reason[-1] if reason else 'failed'}")
        return done.stdout

    # -- revisions and paths -----------------------------------------------------------------

    def commit(self, revision: str) -> str | None:
        """The commit a revision names, or None when git knows no such commit."""
        if revision.startswith("-"):
            return None
        try:
            out = self._git("rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}")
        except UsageError:
            return None
        return out.decode().strip() or None

    def merge_base(self, a: str, b: str) -> str:
        return self._git("merge-base", a, b).decode().strip()

    def exists_at(self, revision: str, path: str) -> bool:
        """Whether path (relative to the current folder) names a file or folder at revision."""
        relative = self.relative_to_top(path)
        try:
            self._git("cat-file", "-e", f"{revision}:{relative}")
        except UsageError:
            return False
        return True

    def relative_to_top(self, path: str) -> str:
        absolute = (self.cwd / path).resolve() if not Path(path).is_absolute() else Path(path)
        try:
            return absolute.relative_to(self.top).as_posix()
        except ValueError:
            raise UsageError(f"{path}: outside the git repository at {self.top}") from None

    def for_display(self, top_relative: str) -> str:
        """A repository path as the user would type it from the current folder."""
        return Path(os.path.relpath(self.top / top_relative, self.cwd)).as_posix()

    # -- history -----------------------------------------------------------------------------

    def shallow(self) -> bool:
        """Whether this is a shallow clone (actions/checkout's default): its history stops at a
        cut that is no event in the plans' past."""
        return self._git("rev-parse", "--is-shallow-repository").decode().strip() == "true"

    def first_parents(self) -> list[tuple[str, str]]:
        """(commit, committer date YYYY-MM-DD) of HEAD's first-parent line, newest first: the
        history of the branch as it landed (a merged branch's own commits are not the branch's
        past). Empty when HEAD has no commit yet."""
        if self.commit("HEAD") is None:
            return []
        out = self._git("log", "--first-parent", "--format=%H %cs", "HEAD").decode()
        return [tuple(line.split(" ", 1)) for line in out.splitlines() if line]  # type: ignore[misc]

    def blobs(self, revision: str, paths: list[str]) -> dict[str, tuple[str, int]]:
        """top-relative path -> (blob id, size in bytes) of every file at revision under paths
        (top-relative folders or files; "." the whole tree)."""
        whole = not paths or "." in paths  # ls-tree knows no pathspec magic: --full-tree paths
        out = self._git("ls-tree", "-r", "-l", "-z", "--full-tree", revision, "--", *([] if whole else paths))
        found = {}
        for entry in out.decode("utf-8", "surrogateescape").split("\0"):
            if not entry:
                continue
            header, _, path = entry.partition("\t")
            mode, kind, blob, size = header.split()
            if kind == "blob" and mode in ("100644", "100755"):
                found[path] = (blob, int(size))
        return found

    def hashes(self, files: list[str]) -> dict[str, str]:
        """file -> the blob id its content on disk has (`git hash-object`), for files that can be read."""
        names = [f for f in files if "\n" not in f and "\r" not in f]
        if not names:
            return {}
        try:
            out = self._git("hash-object", "--stdin-paths", input="".join(f"{n}\n" for n in names).encode())
        except UsageError:  # a file that vanished, or cannot be read: no shortcut for any
            return {}
        return dict(zip(names, out.decode().split(), strict=True))

    # -- what changed ------------------------------------------------------------------------

    def changes(self, base: str, head: str | None, paths: list[str]) -> list[Changed]:
        """Files that differ between base and head (None: the working tree, untracked files
        included), renames detected, limited to paths (relative to the current folder)."""
        specs = [_top_spec(self.relative_to_top(p)) for p in paths] or [":(top)"]
        revisions = [base] if head is WORKTREE else [base, head]
        out = self._git("diff", "--name-status", "-z", "-M", "--no-ext-diff", *revisions, "--", *specs)
        changes = _parse_name_status(out.decode("utf-8", "surrogateescape"))
        if head is WORKTREE:
            untracked = self._git(
                "ls-files", "-z", "--others", "--exclude-standard", "--full-name", "--", *specs
            )
            changes += [
                Changed("A", None, name)
                for name in untracked.decode("utf-8", "surrogateescape").split("\0")
                if name
            ]
        return changes

    def read(
        self,
        revision: str | None,
        paths: list[str],
        limit: int | None = None,
    ) -> dict[str, bytes | Unreadable | None]:
        """The content of each path at revision (None: the working tree); None when absent;
        Unreadable (the reason) when it is over `limit` bytes or not a regular file. A blob's
        size is asked of git first, so that an oversized one is never read."""
        if revision is WORKTREE:
            return {p: _read_file(self.top / p, limit) for p in paths}
        out: dict[str, bytes | Unreadable | None] = {}
        # `cat-file --batch` takes one name a line: a name with a line break is asked alone
        batchable = [p for p in paths if "\n" not in p and "\r" not in p]
        for path in paths:
            if path not in batchable:
                out[path] = self._read_one(revision, path, limit)
        if not batchable:
            return out
        request = "".join(f"{revision}:{p}\n" for p in batchable).encode("utf-8", "surrogateescape")
        sizes = _parse_batch_check(self._git("cat-file", "--batch-check", input=request))
        wanted = []
        for path, found in zip(batchable, sizes, strict=True):
            if found is None or found[0] != b"blob":
                out[path] = None
            elif limit is not None and found[1] > limit:
                out[path] = _too_large(found[1], limit, revision)
            else:
                wanted.append(path)
        if wanted:
            request = "".join(f"{revision}:{p}\n" for p in wanted).encode("utf-8", "surrogateescape")
            contents = _parse_batch(self._git("cat-file", "--batch", input=request))
            out.update(zip(wanted, contents, strict=True))
        return out

    def _read_one(self, revision: str, path: str, limit: int | None) -> bytes | Unreadable | None:
        name = f"{revision}:{path}"
        try:
            if self._git("cat-file", "-t", name).strip() != b"blob":
                return None
            size = int(self._git("cat-file", "-s", name))
        except UsageError:
            return None
        if limit is not None and size > limit:
            return _too_large(size, limit, revision)
        return self._git("cat-file", "blob", name)


def _top_spec(relative: str) -> str:
    """A pathspec from the top folder ('.' itself matches nothing there: git wants ':(top)')."""
    return ":(top)" if relative == "." else f":(top){relative}"


class Unreadable(str):
    """Why a file's content was not read: too large, or not a regular file."""


def _too_large(size: int, limit: int, revision: str) -> Unreadable:
    return Unreadable(
        f"the file is {size:,} bytes at {revision}, over the limit of {limit:,} "
        "(max-file-size); it was not read"
    )


def _read_file(path: Path, limit: int | None) -> bytes | Unreadable | None:
    try:
        return read_limited(path, limit)
    except FileNotFoundError:
        return None
    except TooLarge as error:
        size = f"{error.size:,} bytes" if error.size is not None else "larger"
        return Unreadable(f"the file is {size}, over the limit of {limit:,} (max-file-size); it was not read")
    except OSError as error:
        return Unreadable(f"the file cannot be read: {reason(error)}")


def _parse_batch_check(out: bytes) -> list[tuple[bytes, int] | None]:
    """`git cat-file --batch-check` output: '<oid> <type> <size>' or '<name> missing'."""
    found: list[tuple[bytes, int] | None] = []
    for line in out.split(b"\n")[:-1] if out.endswith(b"\n") else out.split(b"\n"):
        header = line.rsplit(b" ", 2)
        if len(header) != 3 or header[-1] in (b"missing", b"ambiguous") or not header[2].isdigit():
            found.append(None)
        else:
            found.append((header[1], int(header[2])))
    return found


def _parse_name_status(text: str) -> list[Changed]:
    fields = text.split("\0")
    out: list[Changed] = []
    i = 0
    while i < len(fields) and fields[i]:
        status = fields[i][0]
        if status in "RC":
            old, new = fields[i + 1], fields[i + 2]
            out.append(Changed("R" if status == "R" else "A", old if status == "R" else None, new))
            i += 3
            continue
        path = fields[i + 1]
        out.append(Changed(status, None if status == "A" else path, None if status == "D" else path))
        i += 2
    return out


def _parse_batch(out: bytes) -> list[bytes | None]:
    """`git cat-file --batch` output: '<oid> <type> <size>\\n<content>\\n' or '<name> missing\\n'."""
    contents: list[bytes | None] = []
    position = 0
    while position < len(out):
        end = out.index(b"\n", position)
        header = out[position:end].rsplit(b" ", 2)
        position = end + 1
        if header[-1] in (b"missing", b"ambiguous") or len(header) != 3:
            contents.append(None)
            continue
        size = int(header[2])
        contents.append(out[position : position + size] if header[1] == b"blob" else None)
        position += size + 1
    return contents
