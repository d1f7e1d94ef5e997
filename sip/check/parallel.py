"""Run one function over many files on every core, surviving a worker that crashes.

Parsing is the whole cost of a run and it is per file, so files are spread over
processes in chunks. If a worker dies (a crash in a C extension), the pool breaks;
the unfinished files are then retried one per process, so that only the file that
crashes is reported, and the run goes on.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from typing import TypeVar

T = TypeVar("T")
S = TypeVar("S")  # a work item: a file name, or what a command sends (sip diff: a file's two versions)

MIN_FILES_FOR_WORKERS = 16


def workers_for(count: int) -> int:
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return 1 if count < MIN_FILES_FOR_WORKERS else max(1, min(cpus or 1, count // 8))


def map_files(
    work: Callable[[S], T],
    names: list[S],
    on_crash: Callable[[S], T],
    progress: Callable[[int], None] | None = None,
    keep: Callable[[T], T] = lambda result: result,
) -> list[T]:
    """work(name) for every name, in order. `on_crash(name)` stands in for a file that
    killed its worker process. `keep(result)` is what is kept of each, as it arrives."""
    count = workers_for(len(names))
    if count == 1:
        results = []
        for name in names:
            results.append(keep(work(name)))
            if progress:
                progress(1)
        return results
    from concurrent.futures.process import BrokenProcessPool  # here: one file needs no pool

    results_by_index: dict[int, T] = {}
    try:
        for index, result in _in_pool(work, names, count, progress):
            results_by_index[index] = keep(result)
    except BrokenProcessPool:
        for index, name in enumerate(names):
            if index not in results_by_index:
                results_by_index[index] = keep(_isolated(work, name, on_crash))
                if progress:
                    progress(1)
    return [results_by_index[i] for i in range(len(names))]


def _in_pool(
    work: Callable[[S], T], names: list[S], count: int, progress: Callable[[int], None] | None
) -> Iterator[tuple[int, T]]:
    from concurrent.futures import ProcessPoolExecutor

    chunk = max(1, min(32, len(names) // (count * 8)))
    batches = [list(range(i, min(i + chunk, len(names)))) for i in range(0, len(names), chunk)]
    with ProcessPoolExecutor(max_workers=count) as pool:
        futures = [pool.submit(_run_batch, work, [names[i] for i in batch]) for batch in batches]
        for batch, future in zip(batches, futures, strict=True):
            yield from zip(batch, future.result(), strict=True)
            if progress:
                progress(len(batch))


def _run_batch(work: Callable[[S], T], names: list[S]) -> list[T]:
    return [work(name) for name in names]


def _isolated(work: Callable[[S], T], name: S, on_crash: Callable[[S], T]) -> T:
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    with ProcessPoolExecutor(max_workers=1) as pool:
        try:
            return pool.submit(work, name).result()
        except BrokenProcessPool:
            return on_crash(name)
