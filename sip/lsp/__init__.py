"""`sip lsp`: sip's diagnostics, hover, definitions, completion and quick fixes in an editor,
over the Language Server Protocol."""
