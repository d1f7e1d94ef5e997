"""sip's models are built and validated without pydantic plugins.

When pydantic builds a validator it looks for plugins (code that observes validations, for
tracing or logging): it imports importlib.metadata, and with it email, zipfile and csv, and reads
the entry points of every distribution installed beside it. That cost about 20 ms of CPU, 7 % of
checking a small plan, before sip read a byte. sip is a command, not a library inside someone's
service, and what it prints must not depend on what else is installed (a plugin that fails to
load makes pydantic print a warning). So, before pydantic first needs it, its plugin loader is
replaced by one that finds none. `PYDANTIC_DISABLE_PLUGINS=__all__` says the same to pydantic but
still pays for the import. tests/test_startup.py holds that this stands in for every name pydantic
imports from its loader today. A later pydantic (sip allows any 2.x) that asks for another name
gets pydantic's own loader instead, told to find no plugins: slower, never broken.
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
        loader.__getattr__ = _pydantics_own  # type: ignore[method-assign]
        sys.modules[LOADER] = loader


def get_plugins() -> Iterable[object]:
    return ()


def _pydantics_own(name: str) -> object:
    """A name this loader does not have: pydantic's real loader takes its place, with plugins
    disabled the public way, and gives it."""
    if name.startswith("__"):  # the import system asks a module for __path__ and the like
        raise AttributeError(name)
    import importlib
    import os

    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    sys.modules.pop(LOADER, None)
    return getattr(importlib.import_module(LOADER), name)
