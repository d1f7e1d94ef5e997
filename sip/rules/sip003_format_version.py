"""`sip:` is missing or names a format version this sip does not know.

Every plan starts with `sip: 1`, the integer version of the plan format, so that a
later format can change without breaking plans written today. A missing `sip:` is
reported at the top of the file and the plan is still checked as version 1; `"1"`
or `1.0` are reported and checked as version 1; any other version is reported and
nothing else is checked.

Fails:

    id: SIP-2026-007
    title: Recruitment fees at Example Gloves

Passes:

    sip: 1
    id: SIP-2026-007
    title: Recruitment fees at Example Gloves
"""

from __future__ import annotations

from sip.diagnostic import ERROR, Problem
from sip.format.version import FORMAT_VERSION
from sip.read.positions import MISSING, Marks, locate

CODE = "SIP003"
SEVERITY = ERROR
SUMMARY = "`sip:` is missing or names a format version this sip does not know"
# Not a rule over a plan: the version decides which model reads the file, so it is checked on
# the loaded data before there is a model (`check_version`, called by sip/check/file.py and by
# `sip fix`). It cannot be waived or ignored, like every SIP0xx.
check = None


def check_version(data: dict, marks: Marks) -> tuple[Problem | None, bool]:
    """The SIP003 problem, if any, and whether the file can be checked as this format version."""
    if "sip" not in data or data["sip"] is None:
        line, column = locate(marks, ("sip",), MISSING)
        return Problem(
            CODE,
            f"the format version is missing: add 'sip: {FORMAT_VERSION}' "
            f"as the first line; checked as version {FORMAT_VERSION}",
            "sip",
            line,
            column,
            "sip_version_missing",
        ), True
    version = data["sip"]
    line, column = locate(marks, ("sip",))
    if type(version) is int and version == FORMAT_VERSION:
        return None, True
    if not isinstance(version, bool) and version in (1, "1", 1.0):
        return Problem(
            CODE,
            f"write the format version as the integer {FORMAT_VERSION} "
            f"(sip: {FORMAT_VERSION}), not {version!r}; checked as version {FORMAT_VERSION}",
            "sip",
            line,
            column,
            "sip_version_form",
        ), True
    if isinstance(version, dict | list):  # a CI job named `sip:`, say: never printed whole
        shape = "a mapping" if isinstance(version, dict) else "a list"
        return Problem(
            CODE,
            f"'sip:' holds {shape}, not a format version: a plan starts with 'sip: {FORMAT_VERSION}'; "
            "nothing else was checked",
            "sip",
            line,
            column,
            "sip_version_unknown",
        ), False
    shown = repr(version) if len(repr(version)) <= 40 else repr(version)[:36] + "...'"
    return Problem(
        CODE,
        f"format version {shown} is not one this sip knows (it reads "
        f"version {FORMAT_VERSION}); nothing else was checked",
        "sip",
        line,
        column,
        "sip_version_unknown",
    ), False
