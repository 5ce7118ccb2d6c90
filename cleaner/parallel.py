"""Cleaning in worker processes, results in input order.

Work is submitted in a bounded window so memory stays flat however many
items (files, or chunks of corpus records) there are; results come back in
the order of the input, so outputs and reports are identical to a
one-process run.

A worker that dies (killed by the OS, a crash in native code) breaks the
whole pool, and every item in flight fails with it, not only the culprit.
So after a break the pool is rebuilt and the items that were in flight are
retried one at a time: an item that breaks the pool again on its own is the
culprit and is reported as an error; the others are cleaned normally and
the run goes on.
"""
from __future__ import annotations

import collections
import gc
import multiprocessing as mp
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from .batch import FileResult, clean_file
from .settings import Settings

_settings: Settings | None = None


def _init(settings: Settings) -> None:
    global _settings
    _settings = settings
    # load the lazily built tables (a no-op when they came with the fork)
    from .supervise import warm_up

    warm_up()


def worker_settings() -> Settings:
    """The settings a worker was started with (for task functions of other modules)."""
    return _settings if _settings is not None else Settings()


class ItemFailed(Exception):
    """An item could not be processed: its worker died or raised."""


def ordered_map(
    fn: Callable[[Any], Any],
    items: Iterable[Any],
    settings: Settings,
    jobs: int,
    *,
    window: int | None = None,
) -> Iterator[tuple[Any, Any]]:
    """Yield ``(item, fn(item))`` in input order, computed in ``jobs`` processes.

    ``fn`` must be a picklable module-level function; it can reach the run's
    settings through :func:`worker_settings`.  When an item cannot be
    processed the value is an :class:`ItemFailed` carrying the reason.
    """
    window = window or max(4, jobs * 4)
    source = iter(items)
    # entries: [item, future or None, suspect]
    pending: collections.deque = collections.deque()

    context = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else None
    if context is not None:
        # load the tables (gazetteer, pinyin, compiled patterns) once, here, so every
        # worker gets them with the fork instead of loading its own copy; frozen out of
        # the collector's sight, so a worker's collections do not copy their pages
        from .supervise import warm_up

        warm_up()
        gc.freeze()

    def new_pool() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_init, initargs=(settings,))

    pool = new_pool()
    exhausted = False
    try:
        while True:
            suspects = any(entry[2] for entry in pending)
            while not exhausted and not suspects and len(pending) < window:
                try:
                    item = next(source)
                except StopIteration:
                    exhausted = True
                    break
                pending.append([item, pool.submit(fn, item), False])
            if not pending:
                break
            entry = pending[0]
            item, future, suspect = entry
            if future is None:  # a suspect, run alone
                future = entry[1] = pool.submit(fn, item)
            try:
                value = future.result()
            except BrokenProcessPool:
                pool.shutdown(wait=False, cancel_futures=True)
                pool = new_pool()
                if suspect:
                    pending.popleft()
                    yield item, ItemFailed("worker process died while processing this item")
                else:
                    for other in pending:
                        other[1], other[2] = None, True
                continue
            except Exception as exc:  # noqa: BLE001 - reported per item
                pending.popleft()
                yield item, ItemFailed(f"internal error: {type(exc).__name__}: {exc}")
                continue
            pending.popleft()
            yield item, value
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _work(item: tuple[int, str, str]) -> FileResult:
    index, path, rel = item
    return clean_file(path, rel, _settings, index)


def clean_parallel(files: list[tuple[Path, str]], settings: Settings, jobs: int) -> Iterator[FileResult]:
    """Yield one :class:`FileResult` per file, in input order."""
    items = ((i, str(p), rel) for i, (p, rel) in enumerate(files))
    for (_index, path, rel), value in ordered_map(_work, items, settings, jobs):
        if isinstance(value, ItemFailed):
            yield FileResult(rel, "error", error=str(value))
        else:
            yield value
