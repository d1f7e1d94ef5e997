"""One module per command, each a function that returns an exit status."""
