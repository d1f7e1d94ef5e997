"""One module per command, each a function that returns an exit status. What several commands
share, or hand to worker processes, is the floor beneath them: `tasks/`."""
