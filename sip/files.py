"""Reading and writing files safely.

Reading: only regular files, never more than a limit (a symlink to /dev/zero, a FIFO or a
3 GB file costs nothing), and never through a symbolic link that leaves the git work tree it is
in (a pull request that adds `plans/x.yaml -> /etc/passwd` must not get a line of it printed in
a CI log, nor `plans/all -> /` walk the runner's disk). Writing: only regular files, through a
temporary file in the target's own folder and an atomic rename, never over a file sip did not
make unless asked.
A symlink is followed (its target is written), and a file whose hard links or owner a rename
would lose is rewritten in place instead (docs/design.md, "Writing files").
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sip.exits import UsageError

HEAD = 1024 * 1024  # what is read of a file to tell whether sip made it
BINARY_LIMIT = 50 * 1024 * 1024  # a binary file sip wrote (a workbook) is read whole, up to this
_SYSTEM = ("/dev/", "/proc/", "/sys/")


class NotRegularFile(OSError):
    """A path that is a folder, a device, a FIFO or a socket: never read nor replaced."""

    def __init__(self, kind: str) -> None:
        super().__init__(errno.EINVAL, f"is {kind}, not a regular file")
        self.kind = kind


class TooLarge(OSError):
    def __init__(self, size: int | None, limit: int) -> None:
        super().__init__(errno.EFBIG, "too large")
        self.size = size  # None when only reading found it out (standard input, a pipe)
        self.limit = limit


class OutsideLink(OSError):
    """A path whose symbolic links lead out of the git work tree it is in: never read."""

    def __init__(self, top: str) -> None:
        why = f"is a symbolic link out of its git work tree ({top}); sip does not follow it"
        super().__init__(errno.EACCES, why)


def outside_work_tree(path: str | Path) -> str | None:
    """The top of the git work tree `path` is in, when its symbolic links lead out of it; None
    when they do not, when it has none, or when it is in no work tree (a plain folder: a link is
    the user's own)."""
    absolute = os.path.abspath(path)
    real = os.path.realpath(path)
    if real == absolute:
        return None
    top = work_tree(os.path.dirname(absolute))
    if top is None:
        return None
    real_top = os.path.realpath(top)
    if real == real_top or real.startswith(real_top.rstrip(os.sep) + os.sep):
        return None
    return top


def work_tree(folder: str) -> str | None:
    """The top of the git work tree `folder` (absolute) is in: the nearest folder at or above it
    holding `.git` (a folder, or a file in a linked work tree or a submodule); None outside one."""
    if os.path.lexists(os.path.join(folder, ".git")):
        return folder
    parent = os.path.dirname(folder)
    return None if parent == folder else work_tree(parent)


def _refuse_outside(path: str | Path) -> None:
    top = outside_work_tree(path)
    if top is not None:
        raise OutsideLink(top)


def kind_of(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def reason(error: OSError) -> str:
    """An OSError in words, for a one-line message."""
    if isinstance(error, NotRegularFile | TooLarge | OutsideLink):
        return error.strerror or "cannot be read"
    if error.errno == errno.ELOOP:
        return "a loop of symbolic links"
    if error.errno == errno.ENOTDIR:
        return "a path under a file (a part of it is not a folder)"
    return (error.strerror or str(error)).lower()


def read_limited(path: str | Path, limit: int | None) -> bytes:
    """The bytes of a regular file, refusing anything else without reading it (a FIFO is
    opened without waiting for a writer) and anything over `limit` bytes (checked before and
    while reading: at most limit + 1 bytes are read). Raises OSError (NotRegularFile,
    TooLarge, OutsideLink, or the system's)."""
    _refuse_outside(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotRegularFile(kind_of(info.st_mode))
        if limit is not None and info.st_size > limit:
            raise TooLarge(info.st_size, limit)
        return _read_upto(lambda n: os.read(fd, n), limit)
    finally:
        os.close(fd)


def read_start(path: str | Path, size: int) -> bytes:
    """Up to the first `size` bytes of a regular file, refusing anything else unread (a FIFO
    is opened without waiting for a writer). Raises OSError (NotRegularFile, OutsideLink, or the
    system's)."""
    _refuse_outside(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotRegularFile(kind_of(info.st_mode))
        chunks: list[bytes] = []
        left = size
        while left > 0 and (chunk := os.read(fd, min(left, 1 << 20))):
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def read_stream_limited(read: Callable[[int], bytes], limit: int | None) -> bytes:
    """Standard input or a pipe, read to at most limit + 1 bytes."""
    return _read_upto(read, limit)


def _read_upto(read: Callable[[int], bytes], limit: int | None) -> bytes:
    chunks: list[bytes] = []
    total = 0
    while True:
        want = 1 << 20 if limit is None else min(1 << 20, limit + 1 - total)
        chunk = read(want)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        total += len(chunk)
        if limit is not None and total > limit:
            raise TooLarge(None, limit)


def check_target(target: Path) -> tuple[Path, os.stat_result | None]:
    """The regular file to write for `target` (a symlink's target) and its status (None: it
    does not exist yet). Raises UsageError for anything sip must not write."""
    real = Path(os.path.realpath(target))
    if str(real).startswith(_SYSTEM) or str(target).startswith(_SYSTEM):
        raise UsageError(
            f"{target}: is in a system folder (/dev, /proc, /sys); sip writes only regular files: name a file"
        )
    try:
        info: os.stat_result | None = os.stat(real)
    except FileNotFoundError:
        info = None
    except OSError as error:
        raise UsageError(f"{target}: cannot write there: {reason(error)}") from None
    if info is not None and not stat.S_ISREG(info.st_mode):
        raise UsageError(f"{target}: is {kind_of(info.st_mode)}; sip writes only regular files")
    return real, info


def read_head(path: Path) -> str | None:
    """The start of a regular file, to tell whether sip made it; None if it cannot be read."""
    try:
        with open(path, "rb") as handle:
            return handle.read(HEAD).decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def write_atomic(
    target: Path, text: str | bytes, *, made_by_sip: Callable[[Any], bool] | None = None, force: bool = False
) -> None:
    """Write text (or bytes) to target through a temporary file and a rename in the same
    folder, so a reader never sees a half-written file. An existing file is replaced only if
    made_by_sip(its start; for bytes, the whole file up to BINARY_LIMIT, a zip's directory
    being at its end) or force (made_by_sip None: always). Every failure is a UsageError
    (exit 2)."""
    real, info = check_target(target)
    if info is not None and made_by_sip is not None and not force:
        old: str | bytes | None
        if isinstance(text, bytes):
            try:
                old = read_limited(real, BINARY_LIMIT)
            except OSError:
                old = None
        else:
            old = read_head(real)
        if old is None or not made_by_sip(old):
            raise UsageError(f"{target}: exists and was not written by sip; use --force to replace it")
    data = text if isinstance(text, bytes) else text.encode("utf-8")
    try:
        _make_folders(target, real)
        if info is not None and info.st_nlink > 1:
            _write_in_place(real, data)  # a rename would split the hard links
            return
        if not _replace(real, data, info):
            _write_in_place(real, data)  # the owner could not be kept by a rename
    except (FileExistsError, NotADirectoryError):
        raise UsageError(
            f"{target}: cannot write there: a part of the path is a file, not a folder"
        ) from None
    except OSError as error:
        raise UsageError(f"{target}: cannot write: {reason(error)}") from None


def write_quietly(target: Path, data: bytes) -> bool:
    """Write a file only sip reads back (an entry of the result cache): through a temporary
    file beside it and a rename, so a reader never sees half of it, and two runs writing the
    same entry at once leave one whole; not flushed to disk (a lost entry is only checked
    again). False, never an exception, when it cannot be written: a full disk or a folder
    sip may not write is no reason to fail a run."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
    except OSError:
        return False
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, target)
        return True
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        return False


def _make_folders(target: Path, real: Path) -> None:
    """Create the missing folders of the path as it was named, and no other: never the folders
    of a symlink's target (a dangling link would have them made anywhere on disk)."""
    if real.parent.is_dir():
        return
    if target.is_symlink():
        raise UsageError(f"{target}: is a link to {real}, whose folder does not exist")
    existing = target.parent
    while not os.path.lexists(existing) and existing != existing.parent:
        existing = existing.parent
    if not existing.is_dir():
        what = "a link to nothing" if existing.is_symlink() else "not a folder"
        raise UsageError(f"{target}: cannot write there: {existing} is {what}")
    target.parent.mkdir(parents=True, exist_ok=True)


def _replace(real: Path, data: bytes, info: os.stat_result | None) -> bool:
    handle, temporary = tempfile.mkstemp(dir=real.parent, prefix=f".{real.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, _mode_for(info))
        if info is not None and (info.st_uid, info.st_gid) != _owner(temporary):
            try:
                os.chown(temporary, info.st_uid, info.st_gid)
            except PermissionError:
                Path(temporary).unlink(missing_ok=True)
                return False
        os.replace(temporary, real)
        return True
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _owner(path: str) -> tuple[int, int]:
    info = os.stat(path)
    return info.st_uid, info.st_gid


def _write_in_place(real: Path, data: bytes) -> None:
    """Rewrite the file's own content, keeping its inode (hard links, owner, permissions).
    Not atomic: the new text is written in one call and the file cut to its length."""
    with open(real, "r+b") as stream:
        stream.write(data)
        stream.truncate()
        stream.flush()
        os.fsync(stream.fileno())


def _mode_for(info: os.stat_result | None) -> int:
    """Keep a replaced file's permissions; a new file gets the usual 0666 less the umask
    (mkstemp's private 0600 would surprise whoever reads the report next)."""
    if info is not None:
        return info.st_mode & 0o7777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def silence_stdout() -> None:
    """After a broken pipe: send what is left of standard output nowhere, so that Python's
    flush at exit does not fail again with "Exception ignored ... BrokenPipeError"."""
    import sys

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass
