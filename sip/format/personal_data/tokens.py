"""Where a token starts and ends, and what separates the groups of a number: shared by the
patterns of numbers and documents, and of the public numbers set aside before them."""

from __future__ import annotations

# A token starts after a space, punctuation or `_`, or after a hyphen that follows a letter
# (`worker-A1234567`, `passport_A1234567`), not inside a number (`12-A1234567`); it ends
# likewise (`A1234567-b`, `A1234567.pdf`, not `A1234567-2` nor the decimal `1234567.5`).
# Each pattern starts where a word starts, so that a 40,000-character word is tried once, not
# from each of its characters (tests/test_personal_data.py times them).
START = r"(?<![^\W_])(?<![@.+])(?<![0-9]-)"
END = r"(?![^\W_])(?!@)(?!-[0-9])(?!\.[0-9])"
SEP = r"(?:\s{0,2}[-./]\s{0,2}|\s{1,3})"  # between the groups of a number; line breaks too
