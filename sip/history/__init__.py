"""The plans' history in git: reading revisions, the plans a branch changed (`--changed-since`),
and what changed in one plan between two revisions (`sip diff`)."""
