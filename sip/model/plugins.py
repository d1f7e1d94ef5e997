"""sip's models are built and validated without pydantic plugins.

When pydantic builds a validator it looks for plugins (code that observes validations, for
tracing or logging): it imports importlib.metadata, and with it email, zipfile and csv, and reads
the entry points of every distribution installed beside it. That cost about 20 ms of CPU, 7 % of
checking a small plan, before sip read a byte. sip is a command, not a library inside someone's
service, and what it prints must not depend on what else is installed (a plugin that fails to
load makes pydantic print a warning). So, before pydantic first needs it, its plugin loader is
replaced by one that finds none. `PYDANTIC_DISABLE_PLUGINS=__all__` says the same to pydantic but
still pays for the import. tests/test_startup.py holds that this stands in for every name pydantic
imports from its loader, so a pydantic that asks for more fails there, not in a user's run.
"""

from __future__ import annotations

import sys
import types
from collections.abc import Iterable

LOADER = "pydantic.plugin._loader"


def without_plugins() -> None:
    """Before any model is built: afterwards pydantic has its own loader, which is then kept."""
    if LOADER not in sys.modules:
        loader = types.ModuleType(LOADER, __doc__)
        loader.get_plugins = get_plugins  # type: ignore[attr-defined]
        sys.modules[LOADER] = loader


def get_plugins() -> Iterable[object]:
    return ()
