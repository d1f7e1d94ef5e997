"""Writing files safely: atomically, and never over a file sip did not make unless asked."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sip.exits import UsageError


def write_atomic(target: Path, text: str | bytes, *, made_by_sip: Callable[[Any], bool],
                 force: bool = False) -> None:
    """Write text (or bytes) to target through a temporary file and a rename, so a reader never
    sees a half-written file. An existing file is replaced only if made_by_sip(its text, or its
    bytes when bytes are written) or force."""
    binary = isinstance(text, bytes)
    if target.exists() and not force:
        try:
            old = target.read_bytes() if binary else target.read_text("utf-8")
        except (OSError, UnicodeDecodeError):
            old = None
        if old is None or not made_by_sip(old):
            raise UsageError(f"{target}: exists and was not written by sip; "
                             "use --force to replace it")
    target.parent.mkdir(parents=True, exist_ok=True)
    mode = _mode_for(target)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.",
                                         suffix=".tmp")
    try:
        if isinstance(text, bytes):
            with os.fdopen(handle, "wb") as binary_stream:
                binary_stream.write(text)
        else:
            with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
                stream.write(text)
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _mode_for(target: Path) -> int:
    """Keep a replaced file's permissions; a new file gets the usual 0666 less the umask
    (mkstemp's private 0600 would surprise whoever reads the report next)."""
    try:
        return target.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
