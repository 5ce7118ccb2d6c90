"""Atomic file writes: a temporary file in the target directory, fsync, rename.

A reader (or a crash) sees either the old file or the complete new one, never
a half-written file.  Temporary files carry a recognisable prefix so that an
interrupted run's leftovers can be found and removed.
"""
from __future__ import annotations

import itertools
import os
import tempfile
from pathlib import Path

TEMP_PREFIX = ".seedclean-tmp-"
_CHUNK = 1 << 20


def atomic_write_bytes(path: Path, data: bytes, *, mode: int | None = None, durable: bool = True) -> None:
    """Write ``data`` to ``path`` atomically, creating parent directories.

    ``mode`` sets the permission bits of the new file (the in-place mode keeps
    the source's); otherwise the usual umask-derived default applies.  With
    ``durable`` the file and the rename are flushed to disk before returning
    (what replacing a source needs); a batch writing many new files passes
    ``durable=False`` and makes the whole run durable at once with
    :func:`sync_filesystem`, since one flush per file costs milliseconds on
    a real disk.  Either way a reader never sees a half-written file.
    """
    path = os.fspath(path)
    parent = os.path.dirname(path) or "."
    _make_directory(parent)
    fd, tmp_name = _create_temporary(parent, os.path.basename(path), 0o600 if mode is not None else 0o666)
    try:
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view[:_CHUNK])
                view = view[written:]
            if durable:
                os.fsync(fd)
        finally:
            os.close(fd)
        if mode is not None:
            os.chmod(tmp_name, mode)
        os.replace(tmp_name, path)
    except BaseException:
        try:
            os.unlink(tmp_name)
        except FileNotFoundError:
            pass
        raise
    if durable:
        _fsync_directory(parent)


#: directories this process has already created or found, so each costs one mkdir per run
_known_directories: set[str] = set()
_temporaries = itertools.count()


def _make_directory(directory: str) -> None:
    if directory not in _known_directories:
        os.makedirs(directory, exist_ok=True)
        if len(_known_directories) > 100_000:
            _known_directories.clear()
        _known_directories.add(directory)


def _create_temporary(directory: str, name: str, mode: int) -> tuple[int, str]:
    """A new, exclusively created temporary file beside ``name`` (``mode`` before the umask)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    while True:
        tmp_name = os.path.join(directory, f"{TEMP_PREFIX}{os.getpid()}-{next(_temporaries)}-{name[:64]}")
        try:
            return os.open(tmp_name, flags, mode), tmp_name
        except FileExistsError:  # left by an earlier process with the same pid
            continue
        except FileNotFoundError:  # the directory went away since it was made: make it again
            _known_directories.discard(directory)
            _make_directory(directory)


def sync_filesystem(path: Path) -> None:
    """Flush everything written to the file system that holds ``path`` (syncfs on Linux, else sync)."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        fd = os.open(path, os.O_RDONLY)
        try:
            if libc.syncfs(fd) == 0:
                return
        finally:
            os.close(fd)
    except (OSError, AttributeError):
        pass
    os.sync()


def _fsync_directory(directory: Path) -> None:
    """Make a rename durable (best effort: not every file system allows it)."""
    try:
        dfd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dfd)
    except OSError:
        pass
    finally:
        os.close(dfd)


def atomic_write_text(path: Path, text: str, *, mode: int | None = None) -> None:
    """Write ``text`` as UTF-8 atomically."""
    atomic_write_bytes(path, text.encode("utf-8"), mode=mode)


def remove_stale_temporaries(directory: Path) -> int:
    """Delete temporary files left by an interrupted run below ``directory``."""
    removed = 0
    for tmp in Path(directory).rglob(TEMP_PREFIX + "*"):
        try:
            tmp.unlink()
            removed += 1
        except OSError:
            pass
    return removed


class AtomicTextWriter:
    """A file opened for writing that appears at ``path`` only on success.

    Use as a context manager; if the block raises, the temporary file is
    deleted and ``path`` is left as it was.  The handle is UTF-8 text, or
    buffered bytes with ``binary`` (for writers that mostly copy pieces
    already encoded elsewhere).
    """

    def __init__(self, path: Path, *, binary: bool = False):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, self.tmp_name = tempfile.mkstemp(prefix=TEMP_PREFIX, dir=self.path.parent)
        if binary:
            self.handle = os.fdopen(fd, "wb", buffering=1 << 20)
        else:
            self.handle = os.fdopen(fd, "w", encoding="utf-8", newline="\n")

    def __enter__(self):
        return self.handle

    def __exit__(self, exc_type, exc, tb):
        try:
            if exc_type is None:
                self.handle.flush()
                os.fsync(self.handle.fileno())
            self.handle.close()
            if exc_type is None:
                umask = os.umask(0)
                os.umask(umask)
                os.chmod(self.tmp_name, 0o666 & ~umask)
                os.replace(self.tmp_name, self.path)
        finally:
            if os.path.exists(self.tmp_name):
                os.unlink(self.tmp_name)
        return False
