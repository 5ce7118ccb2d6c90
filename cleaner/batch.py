"""Cleaning files: find them, read and decode them, clean them, describe the outcome.

``discover`` walks a source tree; ``clean_file`` turns one file into a
:class:`FileResult` (never raising for bad input: the reason is recorded and
the batch goes on); ``iter_results`` does that for every file of a run.
Writing outputs and reports is the caller's job.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from .decoding import DecodeFailure, decode_bytes
from .findings import Finding
from .pipeline import clean
from .settings import Settings

#: a file larger than this is reported and skipped rather than read whole
MAX_FILE_BYTES = 512 * 1024 * 1024


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

    @property
    def changed(self) -> bool:
        return self.status == "changed"

    def freeze_stats(self) -> None:
        """Compute the figures once, so the findings themselves can be dropped."""
        if self.stats is None:
            self.stats = {"chars": self.chars(), "detectors": self.detectors(), "findings": len(self.findings)}

    def chars(self) -> dict[str, int]:
        if self.stats is not None:
            return self.stats["chars"]
        removed = sum(f.chars for f in self.findings if f.kind == "removed")
        repaired = sum(f.chars for f in self.findings if f.kind == "repaired")
        return {"removed": removed, "repaired": repaired}

    def detectors(self) -> dict[str, int]:
        if self.stats is not None:
            return self.stats["detectors"]
        out: dict[str, int] = {}
        for f in self.findings:
            out[f.detector] = out.get(f.detector, 0) + 1
        return out

    def summary(self) -> dict:
        """The per-file record of report.json (without the findings)."""
        row = {"path": self.rel, "status": self.status}
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
    for root, dirs, files in os.walk(src, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith(".seedclean-tmp-"):
                continue
            path = Path(root) / name
            yield path, path.relative_to(src).as_posix()


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


def read_file(path: Path) -> bytes:
    """Read a file, refusing what cannot be a text document."""
    if path.is_symlink() and not path.exists():
        raise OSError("broken symbolic link")
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise OSError(f"file too large ({size} bytes; the limit is {MAX_FILE_BYTES})")
    return path.read_bytes()


def clean_file(path: Path, rel: str, settings: Settings) -> FileResult:
    """Read, decode and clean one file; errors become a result with a reason."""
    try:
        data = read_file(path)
    except PermissionError:
        return FileResult(rel, "error", error="permission denied")
    except FileNotFoundError:
        return FileResult(rel, "error", error="file vanished before it could be read")
    except IsADirectoryError:
        return FileResult(rel, "error", error="is a directory")
    except OSError as exc:
        return FileResult(rel, "error", error=exc.strerror or str(exc))
    try:
        return clean_bytes(data, rel, settings)
    except RecursionError:
        return FileResult(rel, "error", error="document too deeply nested to clean")
    except MemoryError:
        return FileResult(rel, "error", error="out of memory while cleaning")
    except Exception as exc:  # a bug in a detector must not stop the batch
        return FileResult(rel, "error", error=f"internal error: {type(exc).__name__}: {exc}")


def iter_results(src: Path, settings: Settings) -> Iterator[FileResult]:
    """Clean every wanted file under ``src``, in order."""
    for path, rel in discover(src):
        if settings.wants(Path(rel)):
            yield clean_file(path, rel, settings)
