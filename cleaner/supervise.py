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
import queue
import select
import signal
import threading
import time
from multiprocessing.connection import wait
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

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


class ItemFailed(Exception):
    """An item could not be processed: its worker died or was killed on it, or it raised."""


def _worker(conn, task, settings: Settings, inherited: list, parent_pid: int, progress) -> None:
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

    def note(part: int) -> None:
        """Part ``part`` of the current item (a record of a chunk) starts now."""
        progress[2] = clock()
        progress[1] = part

    # a thread takes the batches off the pipe as they come, so the supervisor never
    # waits to send one (a big batch, a chunk of records, fills the pipe) while this
    # worker waits for it to take a result: neither side can block the other
    inbox: queue.SimpleQueue = queue.SimpleQueue()

    def receive() -> None:
        while True:
            try:
                message = conn.recv()
            except (EOFError, OSError):
                message = None
            inbox.put(message)
            if message is None:
                return

    threading.Thread(target=receive, daemon=True).start()
    while True:
        batch = inbox.get()
        if batch is None:
            return
        results = []
        for index, item in batch:
            # since when, then which part, then which item; the supervisor reads
            # them the other way round, and looks twice before it kills
            progress[2] = clock()
            progress[1] = 0
            progress[0] = index
            try:
                value = task(item, settings, note)
            except Exception as exc:  # noqa: BLE001 - reported for this item
                value = ItemFailed(f"internal error: {type(exc).__name__}: {exc}")
            results.append((index, value))
        progress[0] = -1
        try:
            conn.send(results)
        except (BrokenPipeError, OSError):
            return
        except Exception as exc:  # noqa: BLE001 - an unpicklable result
            conn.send([(index, ItemFailed(f"internal error: {type(exc).__name__}: {exc}")) for index, _item in batch])


#: batches each worker holds at a time: the one it is on and the next, already sent
PREFETCH = 2
#: the most files in one batch (fewer when a run has few files for its workers)
MAX_BATCH = 16
#: how often one item may be run again on the failure handler's word (each time with
#: one more part set aside, so a handler that always asks again still ends)
MAX_RETRIES = 1024


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
    """One worker process, the batches it holds and the item it is on."""

    def __init__(self, ctx, task, settings: Settings, siblings: list):
        self.conn, child = ctx.Pipe(duplex=True)
        fork = ctx.get_start_method() == "fork"
        #: [index of the item being processed (-1: none), part of it, time.monotonic() when that part started]
        self.progress = ctx.RawArray("d", [-1.0, 0.0, 0.0])
        self.proc = ctx.Process(target=_worker, args=(child, task, settings, siblings if fork else [],
                                                      os.getpid(), self.progress), daemon=True)
        self.proc.start()
        child.close()
        #: batches of (index, item) sent to this worker, in the order it takes them; the first is in progress
        self.tasks: collections.deque[list[tuple[int, object]]] = collections.deque()

    def current(self) -> tuple[int, int, float]:
        """(index of the item the worker is on or -1, the part of it, when that part started)."""
        index = int(self.progress[0])
        return index, int(self.progress[1]), self.progress[2]

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


def death_reason(proc, what: str = "file") -> str:
    """Why a worker is gone, for the ``what`` (file, record) it was cleaning."""
    code = proc.exitcode
    if code is not None and code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        return f"worker process died while cleaning this {what} (killed by {name})"
    return f"worker process died while cleaning this {what} (exit status {code})"


def timed_out_message(budget: float) -> str:
    return f"timed out after {budget:g} s (not cleaned; see --time-budget)"


#: what a failure handler decides for the item a worker died or was killed on:
#: ("result", value) ends it with that value; ("retry", item) runs that item instead
Decision = tuple[str, Any]


def supervised_map(
    task: Callable[[Any, Settings, Callable[[int], None]], Any],
    items: Iterable[Any],
    settings: Settings,
    jobs: int,
    *,
    on_failure: Callable[[Any, int, str], Decision],
    budget: float | None = None,
    batch: int = 1,
    window: int | None = None,
    what: str = "file",
) -> Iterator[tuple[Any, Any]]:
    """Yield ``(item, task(item, settings, note))`` in input order, computed in ``jobs`` workers.

    ``task`` must be a module-level function; it may call ``note(part)`` as it
    starts each part of its item (a record of a chunk), which makes the time
    budget apply per part and lets a failure name the part.  A part that runs
    over ``budget`` seconds (0: no limit) gets its worker killed.  For the item a worker died or was killed on,
    ``on_failure(item, part, reason)`` decides (``part`` is -1 when unknown);
    the other items that worker held are processed again elsewhere.  An item
    whose task raised comes back as an :class:`ItemFailed`.  ``items`` is read
    lazily, at most ``window`` items ahead of the one last yielded.
    """
    budget = settings.time_budget if budget is None else budget
    source = iter(items)
    ctx = _context()
    if ctx.get_start_method() == "fork":
        # load the lazily built tables (gazetteer, pinyin, character frequencies) once,
        # before forking, so workers share them and no budget is spent on loading;
        # frozen out of the garbage collector's sight, so a worker's collections do
        # not touch (and so copy) every page of them
        warm_up()
        gc.freeze()
    jobs = max(1, jobs)
    window = window or max(4, jobs * 4) * batch
    #: items read from the source and not yet yielded, by index
    held: dict[int, Any] = {}
    done: dict[int, Any] = {}
    attempts: dict[int, int] = {}
    slots: list[_Slot] = []

    def spawn() -> _Slot:
        return _Slot(ctx, task, settings, [s.conn for s in slots])

    #: (index, item) to process again, one at a time, after their worker died or was killed
    retry: collections.deque[tuple[int, Any]] = collections.deque()
    next_yield = next_read = 0
    exhausted = False
    waiter = _Waiter()
    limit = budget if budget > 0 else float("inf")

    def fail(k: int, slot: _Slot, reason: str, culprit: int, part: int) -> None:
        """Settle the item the worker was on, send its other items elsewhere, replace the worker.

        A worker that dies between items (while reading a batch or sending its
        results) names no item: its items are then tried again one at a time,
        and one that fails alone is the culprit."""
        if culprit < 0 and slot.tasks and len(slot.tasks[0]) == 1:
            culprit, part = slot.tasks[0][0][0], -1
        for sent in slot.tasks:
            for index, item in sent:
                if index != culprit:
                    retry.append((index, item))
                    continue
                attempts[index] = attempts.get(index, 0) + 1
                kind, value = on_failure(item, part, reason)
                if kind == "retry" and attempts[index] <= MAX_RETRIES:
                    retry.append((index, value))  # the original item is what is yielded
                else:
                    done[index] = value if kind == "result" else ItemFailed(reason)
        slot.tasks.clear()
        slot.stop(kill=True)
        slots[k] = spawn()

    def next_batch() -> list[tuple[int, Any]]:
        """The next batch to send: a retry alone, else up to ``batch`` new items (empty: none now)."""
        nonlocal next_read, exhausted
        if retry:
            return [retry.popleft()]
        sent: list[tuple[int, Any]] = []
        while not exhausted and len(sent) < batch and next_read < next_yield + window:
            try:
                item = next(source)
            except StopIteration:
                exhausted = True
                break
            held[next_read] = item
            sent.append((next_read, item))
            next_read += 1
        return sent

    try:
        while True:
            # keep every worker PREFETCH batches ahead, so it never waits for the supervisor;
            # a worker is started only when there is a batch for it (a small run forks few)
            pending = None
            for slot in slots:
                while len(slot.tasks) < PREFETCH:
                    pending = next_batch()
                    if not pending:
                        break
                    slot.tasks.append(pending)
                    try:
                        slot.conn.send(pending)
                    except OSError:
                        break  # the worker is dead: found below through its sentinel
                    pending = None
                if pending == []:
                    break
            while len(slots) < jobs and pending != []:
                pending = next_batch()
                if not pending:
                    break
                slots.append(spawn())
                slots[-1].tasks.append(pending)
                try:
                    slots[-1].conn.send(pending)
                except OSError:
                    pass  # found below through its sentinel
            while next_yield in done:
                yield held.pop(next_yield), done.pop(next_yield)
                next_yield += 1
            if exhausted and next_yield >= next_read:
                break
            busy = [s for s in slots if s.tasks]
            if not busy:
                continue
            now = time.monotonic()
            deadlines = [started + limit for index, _part, started in (s.current() for s in busy) if index >= 0]
            if limit == float("inf"):
                timeout = None
            elif deadlines:
                timeout = max(0.0, min(deadlines) - now) + 0.01
            else:
                timeout = min(limit, 1.0)  # workers between items: look again soon
            ready = waiter.wait(busy, timeout)
            for k, slot in enumerate(slots):
                if not slot.tasks:
                    continue
                try:
                    if slot.conn.fileno() in ready:
                        for got, value in slot.conn.recv():
                            done[got] = value
                        slot.tasks.popleft()
                        continue
                except (EOFError, OSError):
                    pass
                index, part, started = slot.current()
                if not slot.proc.is_alive():
                    slot.proc.join()
                    fail(k, slot, death_reason(slot.proc, what), index, part)
                elif index >= 0 and time.monotonic() >= started + limit:
                    time.sleep(0.01)  # look again: the worker may be moving on
                    if slot.current()[:2] == (index, part):
                        fail(k, slot, timed_out_message(budget), index, part)
    finally:
        for slot in slots:
            slot.stop(kill=bool(slot.tasks))


def _clean_file_task(item: tuple[int, str, str], settings: Settings, _note) -> FileResult:
    index, path, rel = item
    return clean_file(path, rel, settings, index)


def _file_failed(item: tuple[int, str, str], _part: int, reason: str) -> Decision:
    return "result", FileResult(item[2], "error", error=reason)


def clean_supervised(files: list[tuple[Path, str]], settings: Settings, jobs: int,
                     budget: float | None = None) -> Iterator[FileResult]:
    """Yield one :class:`FileResult` per file, in input order, each cleaned within ``budget`` seconds."""
    if not files:
        return
    items = ((i, str(p), rel) for i, (p, rel) in enumerate(files))
    size = batch_size(len(files), max(1, jobs))
    for (_index, _path, rel), value in supervised_map(_clean_file_task, items, settings, jobs, budget=budget,
                                                      on_failure=_file_failed, batch=size):
        yield value if not isinstance(value, ItemFailed) else FileResult(rel, "error", error=str(value))


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
