"""Reading blobs by their id through one `git cat-file --batch` a process, kept open: a site's
history reads thousands of plan versions, and starting git for each was most of the cost
(bench/render.py --history)."""

from __future__ import annotations

import atexit
import os
import subprocess
from pathlib import Path
from typing import IO

from sip.exits import UsageError

_readers: dict[Path, subprocess.Popen[bytes]] = {}


def _reader(top: Path) -> subprocess.Popen[bytes]:
    reader = _readers.get(top)
    if reader is None or reader.poll() is not None:
        try:
            reader = subprocess.Popen(
                ["git", "cat-file", "--batch"],
                cwd=top,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                env={**os.environ, "GIT_OPTIONAL_LOCKS": "0"},
            )
        except FileNotFoundError:
            raise UsageError("git is not installed (or not on PATH); this command needs it") from None
        _readers[top] = reader
    return reader


def read_blob(top: Path, blob: str) -> bytes | None:
    """The blob's content, or None when git has no such blob."""
    reader = _reader(top)
    stdin, stdout = reader.stdin, reader.stdout
    assert stdin is not None and stdout is not None
    stdin.write(blob.encode("ascii") + b"\n")
    stdin.flush()
    header = stdout.readline().split()
    if len(header) != 3 or header[1] != b"blob":
        return None
    content = _read_exactly(stdout, int(header[2]))
    stdout.read(1)  # the line break after the content
    return content


def _read_exactly(stream: IO[bytes], size: int) -> bytes:
    chunks, left = [], size
    while left:
        chunk = stream.read(left)
        if not chunk:
            raise UsageError("git cat-file stopped before the end of a blob")
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


@atexit.register
def _close() -> None:
    for reader in _readers.values():
        if reader.stdin is not None:
            reader.stdin.close()
        reader.wait(timeout=5)
