"""Cleaning files: find them, read and decode them, clean them, describe the outcome.

``discover`` walks a source tree; ``clean_file`` turns one file into a
:class:`FileResult` (never raising for bad input: the reason is recorded and
the batch goes on); ``iter_results`` does that for every file of a run.
Writing outputs and reports is the caller's job.
"""
from __future__ import annotations

import errno
import json
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from .atomic import atomic_write_bytes
from .decoding import DecodeFailure, decode_bytes
from .findings import Finding
from .paths import display_path, needs_escape, path_bytes_hex
from .pipeline import clean
from .settings import Settings

#: a file larger than this is reported and skipped rather than read whole
#: (``Settings.max_file_bytes`` / ``--max-file-size`` override it)
MAX_FILE_BYTES = 64 * 1024 * 1024
#: a file with a line longer than this is reported rather than cleaned
MAX_LINE_BYTES = 8 * 1024 * 1024


@dataclass
class FileResult:
    """What happened to one file."""

    rel: str
    status: str  # "changed" | "unchanged" | "error"
    encoding: str = ""
    error: str = ""
    notes: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    original_text: str = ""
    cleaned_text: str = ""
    output_bytes: bytes = b""
    stats: dict | None = None
    _row: dict | None = field(default=None, repr=False, compare=False)
    #: report pieces computed by the worker (see cleaner.reports.prepare)
    prepared: dict | None = field(default=None, repr=False, compare=False)
    raw_rel: str = ""  # the file name as found, when ``rel`` had to be escaped for display
    #: the output was written where the file was cleaned (see ``Settings.output_root``)
    written: bool = field(default=False, compare=False)
    #: (size, mtime_ns) of the source as read, and the size of the output written (for --resume)
    source_stat: tuple[int, int] | None = field(default=None, compare=False)
    output_size: int = field(default=-1, compare=False)

    @property
    def changed(self) -> bool:
        return self.status == "changed"

    def freeze_stats(self) -> None:
        """Compute the figures once, so the findings themselves can be dropped.

        Besides the per-file totals, ``by_detector`` (findings and characters
        removed/repaired per detector) and ``by_code`` (detector, findings and
        the first reason per rule code) feed the run's report summaries.
        """
        if self.stats is not None:
            return
        removed = repaired = 0
        detectors: dict[str, int] = {}
        by_detector: dict[str, dict[str, int]] = {}
        by_code: dict[str, list] = {}
        for f in self.findings:
            kind, chars = f.outcome()
            if kind == "flagged":
                kind = "repaired" if f.replacement.strip() else "removed"
            if kind == "removed":
                removed += chars
            else:
                repaired += chars
            detectors[f.detector] = detectors.get(f.detector, 0) + 1
            row = by_detector.get(f.detector)
            if row is None:
                row = by_detector[f.detector] = {"findings": 0, "removed": 0, "repaired": 0}
            row["findings"] += 1
            row[kind] += chars
            code = by_code.get(f.code)
            if code is None:
                by_code[f.code] = [f.detector, 1, f.reason]
            else:
                code[1] += 1
        self.stats = {"chars": {"removed": removed, "repaired": repaired}, "detectors": detectors,
                      "findings": len(self.findings), "by_detector": by_detector, "by_code": by_code}

    def slim(self) -> None:
        """Keep only the figures (and prepared report pieces): what a finished file needs to travel."""
        self.freeze_stats()
        self.output_bytes = b""
        self.original_text = ""
        self.cleaned_text = ""
        self.findings = []
        self._row = None

    def chars(self) -> dict[str, int]:
        self.freeze_stats()
        return self.stats["chars"]

    def detectors(self) -> dict[str, int]:
        self.freeze_stats()
        return self.stats["detectors"]

    def report_row(self) -> dict:
        """The per-file record of report.json with every finding (computed once)."""
        if self._row is None:
            row = self.summary()
            row["findings"] = [f.to_dict() for f in self.findings]
            self._row = row
        return self._row

    def findings_json(self) -> str:
        """The findings as the inside of a JSON array (each encoded the fast way)."""
        return ", ".join(f.to_json() for f in self.findings)

    def report_row_json(self, findings_json: str | None = None) -> str:
        """:meth:`report_row` as JSON text; ``findings_json`` if already encoded."""
        row = self.summary()
        row["findings"] = []
        head = json.dumps(row, ensure_ascii=False)
        if findings_json is None:
            findings_json = self.findings_json()
        return head[:-3] + "[" + findings_json + "]}"

    def summary(self) -> dict:
        """The per-file record of report.json (without the findings)."""
        row = {"path": display_path(self.rel), "status": self.status}
        if self.raw_rel or needs_escape(self.rel):
            row["path_bytes"] = path_bytes_hex(self.raw_rel or self.rel)
        if self.error:
            row["error"] = self.error
            return row
        row.update(
            encoding=self.encoding,
            notes=self.notes,
            chars_in=len(self.original_text),
            chars_out=len(self.cleaned_text),
            **{f"chars_{k}": v for k, v in self.chars().items()},
            detectors=self.detectors(),
        )
        return row


def discover(src: Path) -> Iterator[tuple[Path, str]]:
    """Yield ``(path, relative name)`` for every regular file below ``src``.

    A single file yields itself.  Symbolic links to directories are not
    followed (no loops); hidden directories such as ``.git`` are skipped.
    Order is sorted and stable, so runs are reproducible.
    """
    src = Path(src)
    if src.is_file():
        yield src, src.name
        return
    top = os.fspath(src)
    for root, dirs, files in os.walk(src, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        base = Path(root)
        prefix = os.path.relpath(root, top).replace(os.sep, "/") + "/" if root != top else ""
        for name in sorted(files):
            if name.startswith(".seedclean"):  # our temporaries and resume state
                continue
            yield base / name, prefix + name


def clean_bytes(data: bytes, rel: str, settings: Settings) -> FileResult:
    """Decode and clean one file's bytes."""
    try:
        decoded = decode_bytes(data)
    except DecodeFailure as exc:
        return FileResult(rel, "error", error=str(exc))
    result = clean(
        decoded.text,
        selection=settings.selection(),
        options=settings.detector_options,
        path=rel,
    )
    out = result.text.encode("utf-8")
    notes = list(result.notes)
    if decoded.encoding != "utf-8":
        notes.insert(0, f"decoded from {decoded.encoding}")
    elif decoded.bom:
        notes.insert(0, "utf-8 byte-order mark")
    return FileResult(
        rel,
        "changed" if out != data else "unchanged",
        encoding=decoded.encoding,
        notes=notes,
        findings=result.findings,
        original_text=decoded.text,
        cleaned_text=result.text,
        output_bytes=out,
    )


class InputError(Exception):
    """A file that cannot be cleaned; the message is the one-line reason."""


_KINDS = ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a named pipe"), (stat.S_ISSOCK, "a socket"),
          (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"))


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB"


def _longest_line_over(data: bytes, limit: int) -> int:
    """The length of the first line longer than ``limit`` bytes, or 0."""
    start, find = 0, data.find
    while True:
        nl = find(b"\n", start)
        end = len(data) if nl < 0 else nl
        if end - start > limit:
            return end - start
        if nl < 0:
            return 0
        start = nl + 1


def read_file(path: Path, max_bytes: int | None = None, max_line_bytes: int | None = None) -> bytes:
    """Read a regular file whole, refusing what cannot be a text document (see :func:`read_file_stat`)."""
    return read_file_stat(path, max_bytes, max_line_bytes)[0]


def read_file_stat(path: Path, max_bytes: int | None = None,
                   max_line_bytes: int | None = None) -> tuple[bytes, os.stat_result]:
    """Read a regular file whole, refusing what cannot be a text document; also return its stat.

    Raises :class:`InputError` (or ``OSError``) with a one-line reason: not a
    regular file (pipe, device, socket: reading those could block or never
    end), too large (checked from the size alone, before reading), a line too
    long, empty, or changed while it was being read.  At most ``max_bytes + 1``
    bytes are ever read, even from a file that grows.
    """
    max_bytes = MAX_FILE_BYTES if max_bytes is None else max_bytes
    max_line_bytes = MAX_LINE_BYTES if max_line_bytes is None else max_line_bytes
    st = os.stat(path)
    for test, what in _KINDS:
        if test(st.st_mode):
            raise InputError(f"not a regular file ({what})")
    if st.st_size > max_bytes:
        raise InputError(f"file too large ({_mb(st.st_size)}; the limit is {_mb(max_bytes)})")
    # O_NONBLOCK: a file swapped for a named pipe after the check must not block the open
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise InputError("not a regular file")
        chunks, total = [], 0
        while True:
            chunk = _read_chunk(fd, min(1 << 20, max_bytes + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > max_bytes:
                raise InputError(f"file too large (grew past {_mb(max_bytes)} while being read)")
        after = os.fstat(fd)
    finally:
        os.close(fd)
    if total != st.st_size or (after.st_size, after.st_mtime_ns) != (st.st_size, st.st_mtime_ns):
        raise InputError("file changed while being read")
    if total == 0:
        raise InputError("empty file")
    data = b"".join(chunks)
    if total > max_line_bytes:
        longest = _longest_line_over(data, max_line_bytes)
        if longest:
            raise InputError(f"line too long ({_mb(longest)} in one line; the limit is {_mb(max_line_bytes)})")
    return data, st


def _read_chunk(fd: int, size: int) -> bytes:
    return os.read(fd, size)


def _os_reason(path: Path, exc: OSError) -> str:
    code = exc.errno
    if code in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if code == errno.ELOOP:
        return "symbolic link loop"
    if code == errno.ENOENT:
        if os.path.islink(path):
            return "broken symbolic link"
        return "file vanished before it could be read"
    if code == errno.EISDIR:
        return "not a regular file (a directory)"
    if code == errno.ENAMETOOLONG:
        return "file name too long"
    return f"cannot read: {exc.strerror or exc}"


def clean_file(path: str | Path, rel: str, settings: Settings, index: int = -1) -> FileResult:
    """Read, decode and clean one file; errors become a result with a reason.

    ``index`` is the file's place in its run (from 0), which decides whether
    report.html carries its detail (see ``Settings.html_details``)."""
    try:
        data, st = read_file_stat(path, getattr(settings, "max_file_bytes", None) or None)
    except InputError as exc:
        return FileResult(rel, "error", error=str(exc))
    except OSError as exc:
        return FileResult(rel, "error", error=_os_reason(path, exc))
    try:
        result = clean_bytes(data, rel, settings)
        result.source_stat = (st.st_size, st.st_mtime_ns)
        if settings.prepare_reports and result.status != "error":
            from .reports.prepare import prepare

            prepare(result, html=settings.html_detail_for(index))
        if settings.output_root and result.status != "error":
            write_output(result, os.path.join(settings.output_root, rel))
            if result.prepared is not None and result.status != "error":
                # the resume record too, so the process that writes it only copies bytes
                from .state import record_line

                result.prepared["record"] = record_line(rel, st.st_size, st.st_mtime_ns, result.output_size,
                                                        result.prepared["row_json"])
        if settings.slim_results:
            result.slim()
        return result
    except RecursionError:
        return FileResult(rel, "error", error="document too deeply nested to clean")
    except MemoryError:
        return FileResult(rel, "error", error="out of memory while cleaning")
    except Exception as exc:  # a bug in a detector must not stop the batch
        return FileResult(rel, "error", error=f"internal error: {type(exc).__name__}: {exc}")


def write_output(result: FileResult, target: str | Path) -> None:
    """Write a cleaned file atomically; a failure turns the result into an error with the reason."""
    try:
        atomic_write_bytes(target, result.output_bytes, durable=False)  # the run syncs once at the end
        result.written = True
        result.output_size = len(result.output_bytes)
    except OSError as exc:
        result.status = "error"
        result.error = f"cannot write {display_path(str(target))}: {exc.strerror or exc}"


def iter_results(src: Path, settings: Settings) -> Iterator[FileResult]:
    """Clean every wanted file under ``src``, in order."""
    for path, rel in discover(src):
        if settings.wants(Path(rel)):
            yield clean_file(path, rel, settings)
