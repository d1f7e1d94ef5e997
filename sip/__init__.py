"""sip: corrective action and systems improvement plans for forced labour, kept in git and checked."""

__version__ = "0.1.0"
FORMAT_VERSION = 1
