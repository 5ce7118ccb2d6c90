"""Atomic file writes: a temporary file in the target directory, fsync, rename.

A reader (or a crash) sees either the old file or the complete new one, never
a half-written file.  Temporary files carry a recognisable prefix so that an
interrupted run's leftovers can be found and removed.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

TEMP_PREFIX = ".seedclean-tmp-"
_CHUNK = 1 << 20


def atomic_write_bytes(path: Path, data: bytes, *, mode: int | None = None) -> None:
    """Write ``data`` to ``path`` atomically, creating parent directories.

    ``mode`` sets the permission bits of the new file (the in-place mode keeps
    the source's); otherwise the usual umask-derived default applies.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=TEMP_PREFIX, dir=path.parent)
    try:
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view[:_CHUNK])
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        if mode is None:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(tmp_name, mode)
        os.replace(tmp_name, path)
    except BaseException:
        try:
            os.unlink(tmp_name)
        except FileNotFoundError:
            pass
        raise
    _fsync_directory(path.parent)


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
    """A text file opened for writing that appears at ``path`` only on success.

    Use as a context manager; if the block raises, the temporary file is
    deleted and ``path`` is left as it was.
    """

    def __init__(self, path: Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, self.tmp_name = tempfile.mkstemp(prefix=TEMP_PREFIX, dir=self.path.parent)
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
