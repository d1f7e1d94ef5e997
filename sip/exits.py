"""Exit statuses: decided here and nowhere else."""

from __future__ import annotations

from enum import IntEnum


class Exit(IntEnum):
    OK = 0  # nothing failed the run
    FAILED = 1  # the plans have errors (or warnings, under --strict / --fail-on warning)
    USAGE = 2  # sip could not do what was asked: bad option, missing path, no plan found
    BUG = 3  # an unexpected error inside sip


class UsageError(Exception):
    """Raised for anything that should end the run with exit 2 and a one-line reason on stderr."""


FAIL_ON = ("error", "warning", "never")


def exit_for(errors: int, warnings: int, fail_on: str = "error") -> Exit:
    """The status of a run that checked plans: what fails it is the user's choice."""
    if fail_on == "never":
        return Exit.OK
    if errors or (fail_on == "warning" and warnings):
        return Exit.FAILED
    return Exit.OK


def exit_for_diff(refused: int, check: bool) -> Exit:
    """`sip diff`: a report unless --check, which fails on changes a reviewer must not accept
    silently (sip/history/plan_diff.py)."""
    return Exit.FAILED if check and refused else Exit.OK


def exit_for_import(new_errors: int, conflicts: int) -> Exit:
    """`sip import`: 1 when the plan would get new errors (nothing written) or when a change
    conflicted with the plan (the rest is written); a refused workbook is a UsageError (2)."""
    return Exit.FAILED if new_errors or conflicts else Exit.OK
