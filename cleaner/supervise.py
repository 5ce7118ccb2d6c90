"""Cleaning under a per-document time budget, in worker processes that can be killed.

A pathological document (a regular expression that backtracks, a detector
stuck in a loop, native code that never returns) must not stall a batch.  A
thread or an exception cannot stop code that is stuck inside C, but a process
can always be killed: each worker cleans one file at a time, the supervisor
gives it a deadline, and a worker that misses it is killed with SIGKILL, its
file reported as ``timed out after N s``, and a fresh worker takes its place.
A worker that dies on its own (a crash in native code, the OOM killer) fails
only the file it was cleaning, the same way.

Files travel to a worker in small batches (one message each way per batch,
not per file), and the worker notes in shared memory which file it is on
and since when; the supervisor reads that to enforce each file's deadline
and, when a worker dies, to name the file it died on.  The other files of
that batch are cleaned again elsewhere.

Results come back in input order, through a bounded window, so outputs and
reports are identical whatever the number of workers.  Workers ignore SIGINT
(the supervisor decides what an interrupt means) and, on Linux, die with the
supervisor even when it is killed with SIGKILL.
"""
from __future__ import annotations

import collections
import gc
import multiprocessing as mp
import os
import select
import signal
import time
from multiprocessing.connection import wait
from pathlib import Path
from typing import Iterator

from .batch import FileResult, clean_file
from .settings import Settings


def _die_with_parent() -> None:
    """Ask Linux to SIGKILL this process when its parent dies (no orphaned workers)."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except Exception:  # noqa: BLE001 - not Linux: best effort
        pass


def _worker(conn, settings: Settings, inherited: list, parent_pid: int, progress) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _die_with_parent()
    if os.getppid() != parent_pid:  # the parent died before prctl took effect
        os._exit(1)
    for other in inherited:  # pipe ends of sibling workers, copied by fork
        try:
            other.close()
        except OSError:
            pass
    clock = time.monotonic
    while True:
        try:
            batch = conn.recv()
        except (EOFError, OSError):
            return
        if batch is None:
            return
        results = []
        for index, path, rel in batch:
            # since when, then which: the supervisor reads which, then since when
            progress[1] = clock()
            progress[0] = index
            results.append((index, clean_file(path, rel, settings, index)))
        progress[0] = -1
        try:
            conn.send(results)
        except (BrokenPipeError, OSError):
            return
        except Exception as exc:  # noqa: BLE001 - an unpicklable result
            conn.send([(index, FileResult(rel, "error", error=f"internal error: {type(exc).__name__}: {exc}"))
                       for index, _path, rel in batch])


#: batches each worker holds at a time: the one it is cleaning and the next, already sent
PREFETCH = 2
#: the most files in one batch (fewer when a run has few files for its workers)
MAX_BATCH = 16


def batch_size(files: int, jobs: int) -> int:
    """Files per batch: up to MAX_BATCH, but small enough that every worker gets several batches."""
    return max(1, min(MAX_BATCH, files // (jobs * 8)))


#: a document that makes every detector load its tables
_WARM_UP = "中文 測試 風(fēng) Ã© 鍙戦€佺殑 锟斤拷 凤山县| 石首市| 疏附县\n责任编辑：王\n<p>x&nbsp;</p>\n"
_warm = False


def warm_up() -> None:
    global _warm
    if not _warm:
        from .pipeline import clean

        clean(_WARM_UP)
        _warm = True


def _context():
    methods = mp.get_all_start_methods()
    return mp.get_context("fork" if "fork" in methods else "spawn")


class _Waiter:
    """Waits until a worker has a result or has died, or a timeout passes.

    ``multiprocessing.connection.wait`` builds a new selector on every call;
    a batch waits once per file, so this keeps one ``poll`` object and only
    re-registers when the set of workers changes.
    """

    def __init__(self):
        self._poll = select.poll() if hasattr(select, "poll") else None
        self._fds: frozenset[int] = frozenset()

    def wait(self, slots: list["_Slot"], timeout: float | None) -> set[int]:
        """The file descriptors (connections, sentinels) that are ready."""
        if self._poll is None:
            found = wait([s.conn for s in slots] + [s.proc.sentinel for s in slots], timeout)
            return {x if isinstance(x, int) else x.fileno() for x in found}
        fds = frozenset(fd for s in slots for fd in (s.conn.fileno(), s.proc.sentinel))
        if fds != self._fds:
            for fd in self._fds - fds:
                try:
                    self._poll.unregister(fd)
                except (KeyError, ValueError):
                    pass
            for fd in fds - self._fds:
                self._poll.register(fd, select.POLLIN | select.POLLHUP | select.POLLERR)
            self._fds = fds
        try:
            events = self._poll.poll(None if timeout is None else max(0, int(timeout * 1000) + 1))
        except InterruptedError:
            return set()
        return {fd for fd, _event in events}


class _Slot:
    """One worker process, the batches it holds and the file it is on."""

    def __init__(self, ctx, settings: Settings, siblings: list):
        self.conn, child = ctx.Pipe(duplex=True)
        fork = ctx.get_start_method() == "fork"
        #: [index of the file being cleaned (-1: none), time.monotonic() when it started]
        self.progress = ctx.RawArray("d", [-1.0, 0.0])
        self.proc = ctx.Process(target=_worker, args=(child, settings, siblings if fork else [], os.getpid(),
                                                      self.progress), daemon=True)
        self.proc.start()
        child.close()
        #: batches sent to this worker, in the order it cleans them; the first is in progress
        self.tasks: collections.deque[list[tuple[int, str, str]]] = collections.deque()

    def current(self) -> tuple[int, float]:
        """(index of the file the worker is cleaning or -1, when it started)."""
        index = int(self.progress[0])
        return index, self.progress[1]

    def stop(self, kill: bool = False) -> None:
        if kill and self.proc.is_alive():
            try:
                os.kill(self.proc.pid, signal.SIGKILL)
            except (ProcessLookupError, TypeError):
                pass
        else:
            try:
                self.conn.send(None)
            except OSError:
                pass
        self.proc.join(timeout=None if kill else 2)
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join()
        self.conn.close()


def _death_reason(proc) -> str:
    code = proc.exitcode
    if code is not None and code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        return f"worker process died while cleaning this file (killed by {name})"
    return f"worker process died while cleaning this file (exit status {code})"


def timed_out_message(budget: float) -> str:
    return f"timed out after {budget:g} s (not cleaned; see --time-budget)"


def clean_supervised(files: list[tuple[Path, str]], settings: Settings, jobs: int,
                     budget: float | None = None) -> Iterator[FileResult]:
    """Yield one :class:`FileResult` per file, in input order, each cleaned within ``budget`` seconds."""
    budget = settings.time_budget if budget is None else budget
    n = len(files)
    if n == 0:
        return
    ctx = _context()
    if ctx.get_start_method() == "fork":
        # load the lazily built tables (gazetteer, pinyin, character frequencies) once,
        # before forking, so workers share them and no budget is spent on loading;
        # frozen out of the garbage collector's sight, so a worker's collections do
        # not touch (and so copy) every page of them
        warm_up()
        gc.freeze()
    size = batch_size(n, max(1, jobs))
    window = max(4, jobs * 4) * size
    items = [(i, str(p), rel) for i, (p, rel) in enumerate(files)]
    done: dict[int, FileResult] = {}
    slots: list[_Slot] = []

    def spawn() -> _Slot:
        return _Slot(ctx, settings, [s.conn for s in slots])

    #: files to clean again, one at a time, after their worker died or was killed
    retry: collections.deque[tuple[int, str, str]] = collections.deque()
    next_yield = next_submit = 0
    waiter = _Waiter()
    limit = budget if budget > 0 else float("inf")

    def fail(k: int, slot: _Slot, reason: str, culprit: int) -> None:
        """Report the file the worker was on, clean its other files elsewhere, replace the worker.

        A worker that dies between files (while reading a batch or sending its
        results) names no file: its files are cleaned again one at a time, and
        one that then fails alone is the culprit."""
        if culprit < 0 and slot.tasks and len(slot.tasks[0]) == 1:
            culprit = slot.tasks[0][0][0]
        for batch in slot.tasks:
            for task in batch:
                if task[0] == culprit:
                    done[culprit] = FileResult(task[2], "error", error=reason)
                else:
                    retry.append(task)
        slot.tasks.clear()
        slot.stop(kill=True)
        slots[k] = spawn()

    try:
        for _ in range(max(1, min(jobs, n))):
            slots.append(spawn())
        while next_yield < n:
            # keep every worker PREFETCH batches ahead, so it never waits for the supervisor
            for slot in slots:
                while len(slot.tasks) < PREFETCH:
                    if retry:
                        batch = [retry.popleft()]
                    elif next_submit < n and next_submit < next_yield + window:
                        batch = items[next_submit:min(n, next_submit + size)]
                        next_submit += len(batch)
                    else:
                        break
                    slot.tasks.append(batch)
                    try:
                        slot.conn.send(batch)
                    except OSError:
                        break  # the worker is dead: found below through its sentinel
            while next_yield in done:
                yield done.pop(next_yield)
                next_yield += 1
            if next_yield >= n:
                break
            busy = [s for s in slots if s.tasks]
            if not busy:
                continue
            now = time.monotonic()
            deadlines = [started + limit for index, started in (s.current() for s in busy) if index >= 0]
            timeout = None if not deadlines or limit == float("inf") else max(0.0, min(deadlines) - now) + 0.01
            if timeout is None and budget > 0:
                timeout = min(limit, 1.0)  # a worker between files: look again soon
            ready = waiter.wait(busy, timeout)
            for k, slot in enumerate(slots):
                if not slot.tasks:
                    continue
                try:
                    if slot.conn.fileno() in ready:
                        for got, result in slot.conn.recv():
                            done[got] = result
                        slot.tasks.popleft()
                        continue
                except (EOFError, OSError):
                    pass
                index, started = slot.current()
                if not slot.proc.is_alive():
                    slot.proc.join()
                    fail(k, slot, _death_reason(slot.proc), index)
                elif index >= 0 and time.monotonic() >= started + limit:
                    time.sleep(0.01)  # read again: the worker may be moving to its next file
                    if slot.current()[0] == index:
                        fail(k, slot, timed_out_message(budget), index)
    finally:
        for slot in slots:
            slot.stop(kill=bool(slot.tasks))


class Interrupted(KeyboardInterrupt):
    """SIGTERM (or SIGINT) received: unwind, removing temporary files, then exit."""

    def __init__(self, signum: int):
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


def interrupt_exit_code(exc: BaseException) -> int:
    """128 + the signal number, as shells report it (130 for Ctrl-C, 143 for SIGTERM)."""
    return 128 + getattr(exc, "signum", signal.SIGINT)


class interrupts_raise:
    """Within the block, SIGTERM raises :class:`Interrupted` as SIGINT raises KeyboardInterrupt.

    So ``finally`` blocks run on both: workers are stopped, temporary files
    removed, no partial output is left.  Only in the main thread; the old
    handler is restored on exit.
    """

    def __enter__(self):
        import threading

        self.old = None
        if threading.current_thread() is threading.main_thread():
            def handler(signum, _frame):
                raise Interrupted(signum)

            self.old = signal.signal(signal.SIGTERM, handler)
        return self

    def __exit__(self, *exc):
        if self.old is not None:
            signal.signal(signal.SIGTERM, self.old)
        return False
