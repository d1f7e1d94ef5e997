from __future__ import annotations

from pathlib import Path

from sip.exits import UsageError


def lsp_command(*, as_of: str | None, config: Path | None) -> int:
    """Serve the Language Server Protocol on standard input and output until the editor stops."""
    if config is not None and not config.is_file():
        raise UsageError(f"{config}: no such configuration file")
    try:
        from sip.lsp.server import serve
    except ImportError as error:  # pygls is the `lsp` extra: the command line stays light
        if (error.name or "").partition(".")[0] not in ("pygls", "lsprotocol", "cattrs", "attrs"):
            raise
        raise UsageError(
            f"sip lsp needs pygls ({error.name} is missing): pip install 'sip-remediation[lsp]'"
        ) from None
    from sip.lsp.document import Options

    return serve(Options(as_of=as_of, config=config))
