"""sip: corrective action and systems improvement plans for forced labour, kept in git and checked.

The pipeline, one package a step (docs/design.md):
format (facts, no pydantic) -> read (bytes to data and positions) -> model (pydantic) ->
rules -> check (one file, a whole run) -> history (git) -> output | edit -> lsp -> commands -> cli.
"""

__version__ = "0.1.0"
