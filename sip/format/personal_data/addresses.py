"""E-mail addresses: as written (`nguyen . van @ gmail . com` too), with a quoted local part
(`"siti rahayu"@gmail.com`), and written out in words (`siti dot rahayu at gmail dot com`,
`rahimk [at] gmail [dot] com`). Each pattern claims the whole address."""

from __future__ import annotations

import re

EMAIL = re.compile(
    r"(?:(?<![\w.%+'-])[\w.%+'-]+(?:\s?\.\s?[\w%+'-]+){0,5}\s?"  # nguyen . van @ too
    r"|\"[^\"\n\0]{1,64}\"|\u201c[^\u201d\n\0]{1,64}\u201d)"  # a quoted local part
    r"@\s?[\w-]+(?:\s?\.\s?[\w-]+)*"
)

_AT = r"(?:\s*[\[({<]\s*at\s*[\])}>]\s*|\s+at\s+)"
_SPOKEN_DOT = r"(?:\s*[\[({<]\s*dot\s*[\])}>]\s*|\s+dot\s+)"
_DOT = rf"(?:{_SPOKEN_DOT}|\.)"
# The local part's words are joined by spoken dots only (a written `.` is inside [\w.+-]), so
# that no two ways of reading it compete.
SPELLED_EMAIL = re.compile(
    rf"(?<![\w.+-])[\w.+-]+(?:{_SPOKEN_DOT}[\w.+-]+){{0,4}}{_AT}[\w-]+(?:{_DOT}[\w-]+)*{_DOT}"
    r"[^\W\d_]{2,}(?![^\W\d_])",
    re.IGNORECASE,
)
