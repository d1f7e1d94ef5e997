"""The file is empty, not a mapping, holds several documents, or is beyond the limits.

A plan is one YAML document whose top is a mapping. To keep CI safe from hostile
files, sip also refuses, before building anything: files over the size limit (5 MB
by default, `max-file-size`; standard input and git blobs too, never read past it),
anything that is not a regular file (a FIFO, a device such as a link to /dev/zero,
a socket: never opened for reading), a symlink loop, a symbolic link that leads out of
the git work tree it is in (file or folder, named or found: never read nor walked, so a
link to /etc/passwd or to / added to a repository shows nothing of it in a CI log), a
folder it may not list,
more than 100 alias uses, aliases that would expand to more than 100,000 nodes, a
recursive alias, nesting deeper than 64 levels, and a number of more than 100 digits.
Reported at 1:1 (a second document: where it starts; a long number: where it is).

sip lists at most 200 diagnostics a file; one more SIP004, after them, counts the rest
(or says that sip stopped looking, when a long list of broken items would otherwise
make millions of them). That note keeps the severity of what it cut: an error if an error
was cut, else a warning, so a plan with only warnings never fails because of the cap.

Fails:

    sip: 1
    id: SIP-2026-007
    ---
    sip: 1
    id: SIP-2026-008

Passes:

    sip: 1
    id: SIP-2026-007
"""

from sip.diagnostic import ERROR

CODE = "SIP004"
SEVERITY = ERROR
SUMMARY = "the file is empty, not a mapping, has several documents, or is over a limit"
# Found while reading (sip/read/loader.py; a file that cannot be opened or is over the size limit,
# and the count of problems left unlisted, by sip/check/file.py), not by a rule: until the bytes
# are one YAML mapping there is no plan for a rule to judge. The loader sits below the rules
# (docs/design.md), so it makes the problem itself; this module is the code's documentation.
# Never waived or ignored.
check = None
