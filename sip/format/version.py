"""The plan format's version: what `sip:` says in every plan this sip reads."""

from typing import Final, Literal

FORMAT_VERSION: Final = 1
FormatVersion = Literal[1]  # the models' type for `sip:`; FORMAT_VERSION's value, for type checkers
