"""Where sip's own data folders (templates/, schemas/) are: in the installed package, or at the
top of a source checkout, where people look for them (pyproject's force-include maps one onto
the other)."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def resource_dir(name: str) -> Path:
    """sip/<name> in a wheel; <repository>/<name> in a source checkout (an editable install)."""
    installed = _PACKAGE / name
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / name
