"""What the server makes of one open plan: its settings, its diagnostics and its items.

The text is the editor's, saved or not. Settings are found as `sip validate` finds them for
the file (the nearest sip.toml or pyproject.toml with [tool.sip] above it, or `--config`),
then `--as-of`. Items (the ids a reference can name) come from the loaded data when the text
reads as YAML, and from a tolerant scan of the lines when it does not (a half-typed plan).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from sip.check.config import Settings, settings_for, with_options
from sip.check.file import check_bytes
from sip.diagnostic import Diagnostic
from sip.exits import UsageError
from sip.format.lists import ID_LISTS, TITLE_FIELD
from sip.lsp.scan import scan_items
from sip.read.discover import PLAN_SUFFIXES, excluded
from sip.read.loader import Limits, Loaded, load
from sip.read.positions import Marks, Position


@dataclass(frozen=True)
class Options:
    """`sip lsp`'s options: they apply to every plan, as on the command line."""

    as_of: str | None = None
    config: Path | None = None


@dataclass(frozen=True)
class Item:
    id: str
    list_name: str  # "findings"
    title: str  # the item's title field ('' when it has none yet)
    start: Position  # the id's value
    end: Position  # just past it


@dataclass
class Snapshot:
    """One version of a document's text, loaded."""

    source: str
    loaded: Loaded
    items: list[Item] = field(default_factory=list)

    def item(self, item_id: str) -> Item | None:
        return next((item for item in self.items if item.id == item_id), None)


@dataclass
class Analysis:
    snapshot: Snapshot
    diagnostics: list[Diagnostic]
    settings: Settings
    config_error: str | None = None


def settings_for_file(path: Path | None, options: Options) -> tuple[Settings, str | None]:
    """The settings `sip validate PATH` would use; a configuration sip cannot use is reported
    (the command line would stop with exit 2) and the defaults apply meanwhile."""
    try:
        return settings_for([str(path)] if path else [], options.config, as_of=options.as_of), None
    except UsageError as error:
        as_of = dt.date.fromisoformat(options.as_of) if options.as_of else None
        return with_options(Settings(), as_of=as_of), str(error)


def is_checked(path: Path | None, settings: Settings) -> bool:
    """Whether `sip validate` run on the repository would check the file: a *.yaml or *.yml
    neither hidden nor in a hidden folder (.github/workflows holds YAML that is no plan), and
    not left out by the configuration's `exclude` or a .gitignore. An unsaved buffer (no path)
    is checked."""
    if path is None:
        return True
    if not path.name.endswith(PLAN_SUFFIXES):
        return False
    root = settings.root or Path.cwd()
    try:
        inside = path.resolve().relative_to(root.resolve()).parts[:-1]
    except ValueError:
        inside = ()
    if any(part.startswith(".") for part in (*inside, path.name)):
        return False
    from sip.read.gitignore import ignored

    return not excluded(path, settings.exclude, settings.root) and not ignored(path, root)


def snapshot(source: str, settings: Settings | None = None) -> Snapshot:
    limits = Limits(max_bytes=settings.max_file_size) if settings else Limits()
    loaded = load(source.encode("utf-8", "surrogatepass"), limits, ends=True)
    if loaded.ok:
        items = items_in(loaded)
    else:
        items = [Item(i, name, title, start, end) for i, name, title, start, end in scan_items(source)]
    return Snapshot(source, loaded, items)


def analyse(source: str, path: Path | None, options: Options) -> Analysis | None:
    """None for a file `sip validate` would not check (`is_checked`)."""
    settings, config_error = settings_for_file(path, options)
    if not is_checked(path, settings):
        return None
    shot = snapshot(source, settings)
    name = str(path) if path else "untitled"
    result = check_bytes(source.encode("utf-8", "surrogatepass"), name, settings, loaded=shot.loaded)
    return Analysis(shot, result.diagnostics, settings, config_error)


def items_in(loaded: Loaded) -> list[Item]:
    data, marks = loaded.data, loaded.marks
    if not isinstance(data, dict) or marks is None:
        return []
    out: list[Item] = []
    for name in ID_LISTS:
        entries, entry_marks = data.get(name), marks.child(name)
        if not isinstance(entries, list) or not isinstance(entry_marks, Marks):
            continue
        for position, entry in enumerate(entries):
            item_marks = entry_marks.child(position)
            if not isinstance(entry, dict) or not isinstance(item_marks, Marks):
                continue
            item_id, start = entry.get("id"), item_marks.child("id")
            if not isinstance(item_id, str) or not isinstance(start, tuple):
                continue
            title = entry.get(TITLE_FIELD[name])
            out.append(
                Item(
                    item_id,
                    name,
                    " ".join(str(title).split()) if title else "",
                    start,
                    item_marks.ends.get("id", start),
                )
            )
    return out
