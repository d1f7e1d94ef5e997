"""The one place that turns a command's outcome into an exit status: what `sip/cli.py` runs
for every command, and the fast path of `sip validate` (sip/entry.py) for its own."""

from __future__ import annotations

import sys
from collections.abc import Callable

from sip.exits import Exit, UsageError


def status_of(command: Callable[[], int], debug: bool = False) -> int:
    try:
        return int(command())
    except UsageError as error:
        from sip.output.plain_text import printable

        print(f"sip: {printable(str(error))}", file=sys.stderr)  # a path may hold a line break
        return Exit.USAGE
    except KeyboardInterrupt:
        print("sip: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away before the output was complete (| head): what was asked was
        # not done in full, so never 0 (a `validate` run returns its own status instead).
        from sip.files import silence_stdout

        silence_stdout()
        return Exit.USAGE
    except Exception as error:
        if debug:
            import traceback

            traceback.print_exc()
        else:
            kind = type(error).__name__
            print(
                f"sip: internal error ({kind}); this is a bug in sip. Run again with --debug "
                "for the details and please report them.",
                file=sys.stderr,
            )
        return Exit.BUG
