"""Golden files: expected output kept in tests/goldens/, compared byte for byte.

Refresh them after an intended change with `SIP_UPDATE_GOLDENS=1 python -m pytest`, then
review the diff like any other change.
"""

from __future__ import annotations

import os
from pathlib import Path

GOLDENS = Path(__file__).resolve().parent / "goldens"


def assert_golden(name: str, actual: str) -> None:
    path = GOLDENS / name
    if os.environ.get("SIP_UPDATE_GOLDENS") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8", newline="\n")
        return
    assert path.exists(), f"no golden file {path}; create it with SIP_UPDATE_GOLDENS=1"
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, f"output differs from {path} (SIP_UPDATE_GOLDENS=1 refreshes it)"


# The suffix of each output format's golden files. The golden tests take the formats from
# sip's own registry (sip/output/formats.py): a format added there without a suffix here fails
# collection, and with one it fails until its golden file exists.
GOLDEN_SUFFIX = {
    "text": "txt",
    "json": "json",
    "github": "txt",
    "sarif": "json",
    "junit": "xml",
    "gitlab": "json",
    "csv": "csv",
    "md": "md",
    "html": "html",
}


def formats_of(command: str) -> list[tuple[str, str]]:
    from sip.output.formats import names

    return [(name, GOLDEN_SUFFIX[name]) for name in names(command)]
