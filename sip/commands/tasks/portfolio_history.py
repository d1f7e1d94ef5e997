"""The portfolio month by month, for a site's index (`sip render` of plans in a git repository).

Before the run (`past_of`): the months, the plan files each held at its end, and for each file of
the run the months at which its content on disk already stood: the run's own workers take that
version's figures as of those months where they check the file (sip/commands/tasks/render_site.py),
so the version is not read twice. After the run (`portfolio_history`): every other version,
each once however many months it stood, read through `sip.history.past.plan_at` in worker
processes, its figures as of each month's end. What a version gave is kept in the result cache
(`--no-cache` aside), keyed on its blob, the months and the settings but the as-of date, so the
next render reads from git only the versions it has not read before.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from sip.check.cache import Cache, settings_key
from sip.check.config import Settings
from sip.check.parallel import map_files
from sip.exits import UsageError
from sip.history.git import Repository
from sip.history.past import Month, Version, months, on_disk, plan_at
from sip.output.portfolio import PlanFigures, figures_as_json, figures_from_json, plan_figures
from sip.output.progress import progress_bar
from sip.output.render.audience import without_confidential
from sip.output.render.history_view import history_view
from sip.output.render.index_context import HistoryView

NOT_IN_GIT = "The plans are not in a git repository, so there is no month-by-month history to chart."
# A chart that starts at a shallow clone's cut would show an arbitrary window as the whole history.
SHALLOW = (
    "The plans are in a shallow clone, whose history stops where the clone was cut, so there is no "
    "month-by-month history to chart: fetch the whole history first (git fetch --unshallow; in "
    "GitHub Actions, actions/checkout with fetch-depth: 0)."
)

# A version's figures as of the ends of the months it stood at.
Dated = list[tuple[dt.date, PlanFigures]]
# A version of a plan file, and the ends of the months it stood at.
Item = tuple[Version, list[dt.date]]


@dataclass(frozen=True)
class Past:
    """The months before the report's, and what the run's own check of the files covers."""

    top: Path
    since: dt.date | None
    months: list[Month]
    # run file -> its path from the top, and the month ends its content on disk stood at
    on_disk: dict[str, tuple[str, tuple[dt.date, ...]]]

    def dates(self) -> dict[str, tuple[dt.date, ...]]:
        """run file -> the month ends whose figures the run's workers take."""
        return {file: ends for file, (_, ends) in self.on_disk.items()}


def past_of(
    paths: Sequence[str], files: Sequence[str], settings: Settings, since: dt.date | None
) -> Past | str:
    """The past of the plans under paths, or the sentence that says why there is none."""
    named = [Path(p) for p in paths if p != "-"]
    if not named:
        return NOT_IN_GIT
    first = named[0] if named[0].is_dir() else named[0].parent
    try:
        repository = Repository(first.resolve())
        inside = [repository.relative_to_top(str(p.resolve())) for p in named]
    except UsageError:
        return NOT_IN_GIT
    if repository.shallow():
        return SHALLOW
    found = months(repository, inside, settings, since, settings.as_of)
    if not found:
        when = f" since {since}" if since else ""
        return f"The plans' git history holds no month before this one{when}: nothing to chart yet."
    return Past(repository.top, since, found, on_disk(repository, list(files), found))


def figures_at(plan, ends: Sequence[dt.date], settings: Settings, public: bool) -> Dated:
    """A plan's figures as of each date (for the public: without its confidential items)."""
    if public:
        plan = without_confidential(plan)[0]
    return [(end, plan_figures(plan, end, settings.deadlines)) for end in ends]


def portfolio_history(
    past: Past,
    settings: Settings,
    public: bool,
    now: list[PlanFigures],
    from_run: Dated,
    cache: Cache | None = None,
) -> HistoryView:
    """`now`: the run's plans' figures, the last month's; `from_run`: the figures the run's workers
    took of the versions on disk, as of the months those stood."""
    covered = {(path, end) for path, ends in past.on_disk.values() for end in ends}
    dates: dict[Version, list[dt.date]] = defaultdict(list)
    for month in past.months:
        for version in month.versions:
            if (version.path, month.end) not in covered:
                dates[version].append(month.end)
    keys = _keys(cache, settings, public)
    cached: list[Dated] = []
    work = []
    for item in dates.items():
        known = _cached(cache, keys(item)) if cache else None
        if known is None:
            work.append(item)
        else:
            cached.append(known)
    with progress_bar(len(work), "Reading the plans' history") as progress:
        found = map_files(
            partial(_figures, top=past.top, settings=settings, public=public),
            work,
            on_crash=_nothing,
            progress=progress,
        )
    if cache:
        for item, figures in zip(work, found, strict=True):
            if figures is not None:  # a crash is no answer to keep
                cache.put_value(keys(item), [[end.isoformat(), figures_as_json(f)] for end, f in figures])
    by_month: dict[dt.date, list[PlanFigures]] = defaultdict(list)
    every = [*from_run, *(pair for figures in [*cached, *found] for pair in figures or ())]
    for end, f in every:
        by_month[end].append(f)
    ends = [month.end for month in past.months]
    unread = [len(month.versions) - len(by_month[month.end]) for month in past.months]
    return history_view(
        [*ends, settings.as_of], [*(by_month[end] for end in ends), now], past.since, [*unread, 0]
    )


def _figures(item: Item, top: Path, settings: Settings, public: bool) -> Dated | None:
    """In a worker: one version of a plan file, its figures as of each month's end it stood at
    (none when it was no plan sip could read then)."""
    version, ends = item
    plan = plan_at(top, version, settings).plan
    return [] if plan is None else figures_at(plan, ends, settings, public)


def _nothing(item: Item) -> Dated | None:
    return None  # the version killed its worker: left out, and not kept in the cache


def _keys(cache: Cache | None, settings: Settings, public: bool) -> Callable[[Item], str]:
    """A version's key: its blob and months, the audience, and every setting but the as-of date
    (a past month's figures are as of its own end, whatever day the site is rendered)."""
    base = settings_key(dataclasses.replace(settings, as_of=dt.date(1900, 1, 1)))

    def key(item: Item) -> str:
        version, ends = item
        assert cache is not None
        months = ",".join(end.isoformat() for end in ends)
        return cache.value_key("history", base, str(public), version.blob, str(version.size), months)

    return key


def _cached(cache: Cache, key: str) -> Dated | None:
    value = cache.get_value(key)
    if not isinstance(value, list):
        return None
    try:
        return [(dt.date.fromisoformat(end), figures_from_json(f)) for end, f in value]
    except (ValueError, TypeError):
        return None  # a corrupt entry is a miss
