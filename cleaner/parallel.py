"""Cleaning files in worker processes, results in input order.

Work is submitted in a bounded window so memory stays flat however many
files there are; results come back in the order of the input, so the output
and the reports are identical to a one-process run.  A worker that dies
(e.g. killed by the OS) fails only the file it was cleaning: the pool is
rebuilt and the batch goes on.
"""
from __future__ import annotations

import collections
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Iterator

from .batch import FileResult, clean_file
from .settings import Settings

_settings: Settings | None = None


def _init(settings: Settings) -> None:
    global _settings
    _settings = settings
    # warm up lazily loaded tables once per worker
    from .pipeline import clean

    clean("")


def _work(item: tuple[str, str]) -> FileResult:
    path, rel = item
    return clean_file(Path(path), rel, _settings)


def clean_parallel(files: list[tuple[Path, str]], settings: Settings, jobs: int) -> Iterator[FileResult]:
    """Yield one :class:`FileResult` per file, in input order."""
    window = max(4, jobs * 4)
    pending: collections.deque = collections.deque()
    items = iter([(str(p), rel) for p, rel in files])
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_init, initargs=(settings,))
    try:
        exhausted = False
        while True:
            while not exhausted and len(pending) < window:
                item = next(items, None)
                if item is None:
                    exhausted = True
                    break
                pending.append((item, pool.submit(_work, item)))
            if not pending:
                break
            item, future = pending.popleft()
            try:
                yield future.result()
            except BrokenProcessPool:
                yield FileResult(item[1], "error", error="worker process died while cleaning this file")
                # resubmit what was in flight on a fresh pool
                pool.shutdown(wait=False, cancel_futures=True)
                pool = ProcessPoolExecutor(max_workers=jobs, initializer=_init, initargs=(settings,))
                pending = collections.deque((it, pool.submit(_work, it)) for it, _ in pending)
            except Exception as exc:  # noqa: BLE001 - reported per file
                yield FileResult(item[1], "error", error=f"internal error: {type(exc).__name__}: {exc}")
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
