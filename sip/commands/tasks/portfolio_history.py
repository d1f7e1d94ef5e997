"""The portfolio month by month, for a site's index (`sip render` of plans in a git repository):
each month's plans read through `sip.history.past.plan_at`, in worker processes, each version of
a plan file once however many months it stood; their figures as of each month's end.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from functools import partial
from pathlib import Path

from sip.check.config import Settings
from sip.check.parallel import map_files
from sip.exits import UsageError
from sip.history.git import Repository
from sip.history.past import Version, months, plan_at
from sip.output.portfolio import PlanFigures, plan_figures
from sip.output.progress import progress_bar
from sip.output.render.audience import without_confidential
from sip.output.render.history_view import history_view
from sip.output.render.index_context import HistoryView

NOT_IN_GIT = "The plans are not in a git repository, so there is no month-by-month history to chart."


def portfolio_history(
    paths: Sequence[str],
    settings: Settings,
    public: bool,
    now: list[PlanFigures],
    since: dt.date | None,
) -> tuple[HistoryView | None, str | None]:
    """The history and None, or None and the sentence that says why there is none. `now`: the
    figures of the run's own plans, the last month's."""
    named = [Path(p) for p in paths if p != "-"]
    if not named:
        return None, NOT_IN_GIT
    first = named[0] if named[0].is_dir() else named[0].parent
    try:
        repository = Repository(first.resolve())
        inside = [repository.relative_to_top(str(p.resolve())) for p in named]
    except UsageError:
        return None, NOT_IN_GIT
    past = months(repository, inside, settings, since, settings.as_of)
    if not past:
        when = f" since {since}" if since else ""
        return None, f"The plans' git history holds no month before this one{when}: nothing to chart yet."
    dates: dict[Version, list[dt.date]] = defaultdict(list)
    for month in past:
        for version in month.versions:
            dates[version].append(month.end)
    work = list(dates.items())
    with progress_bar(len(work), "Reading the plans' history") as progress:
        found = map_files(
            partial(_figures, repository=repository, settings=settings, public=public),
            work,
            on_crash=_nothing,
            progress=progress,
        )
    by_month: dict[dt.date, list[PlanFigures]] = defaultdict(list)
    for figures in found:
        for end, f in figures:
            by_month[end].append(f)
    ends = [month.end for month in past]
    return history_view([*ends, settings.as_of], [*(by_month[end] for end in ends), now], since), None


def _figures(
    item: tuple[Version, list[dt.date]], repository: Repository, settings: Settings, public: bool
) -> list[tuple[dt.date, PlanFigures]]:
    """In a worker: one version of a plan file, its figures as of each month's end it stood at
    (none when it was no plan sip could read then)."""
    version, ends = item
    result = plan_at(repository, version, settings)
    plan = result.plan
    if plan is None:
        return []
    if public:
        plan = without_confidential(plan)[0]
    return [(end, plan_figures(plan, end, settings.deadlines)) for end in ends]


def _nothing(item: tuple[Version, list[dt.date]]) -> list[tuple[dt.date, PlanFigures]]:
    return []
