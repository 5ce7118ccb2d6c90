"""A batch run: clean every file under SRC, write outputs and reports to DST.

The runner owns the order of operations for one run: refuse unsafe
destinations, clean files (one process or several), write each output
atomically as it is ready, stream report.json, report.diff and report.html, and return
the per-file results for the summary.  The command line is a thin layer on
top of it.
"""
from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from .atomic import AtomicTextWriter, remove_stale_temporaries, sync_filesystem
from .batch import FileResult, clean_file, discover, write_output
from .reports.diff import unified_diff
from .reports.html_report import HtmlReportWriter
from .reports.json_report import JsonReportWriter
from .reports.prepare import findings_for_diff, piece
from .paths import display_path, needs_escape
from .settings import Settings


class UsageError(ValueError):
    """The run cannot start (bad paths, bad options)."""


@dataclass
class RunSummary:
    results: list[FileResult] = field(default_factory=list)
    report_summary: dict = field(default_factory=dict)
    resume_note: str = ""

    @property
    def errors(self) -> list[FileResult]:
        return [r for r in self.results if r.status == "error"]

    @property
    def changed(self) -> list[FileResult]:
        return [r for r in self.results if r.status == "changed"]


def check_paths(src: Path, dst: Path | None) -> None:
    """Refuse a destination that is the source or lies inside it."""
    if not src.exists():
        raise UsageError(f"{src}: no such file or directory")
    if dst is None:
        return
    s, d = src.resolve(), dst.resolve()
    if s == d:
        raise UsageError(f"{dst}: the destination is the source; use 'seedclean fix' to clean in place")
    if src.is_dir() and d.is_relative_to(s):
        raise UsageError(f"{dst}: the destination lies inside the source {src}")
    if d.exists() and not d.is_dir():
        raise UsageError(f"{dst}: the destination exists and is not a directory")


def plan(src: Path, settings: Settings) -> list[tuple[Path, str]]:
    """The files of a run, after include/exclude filters."""
    return [(p, rel) for p, rel in discover(src) if settings.wants(Path(rel), p)]


def clean_all(files: list[tuple[Path, str]], settings: Settings, jobs: int = 1) -> Iterator[FileResult]:
    """Clean files in order, in this process or in ``jobs`` worker processes.

    With a time budget (``settings.time_budget`` > 0, the default) every file
    is cleaned in a supervised worker that is killed when it overruns, even
    with ``jobs == 1``, so one pathological document cannot stall the batch.
    """
    # workers when there is a budget to enforce, or more than one file to share out
    if files and (settings.time_budget > 0 or (jobs > 1 and len(files) > 1)):
        from .supervise import clean_supervised

        yield from clean_supervised(files, settings, max(1, jobs))
        return
    for index, (path, rel) in enumerate(files):
        yield clean_file(path, rel, settings, index)


def run(
    src: Path,
    dst: Path | None,
    settings: Settings,
    *,
    jobs: int = 1,
    dry_run: bool = False,
    on_result: Callable[[FileResult], None] | None = None,
    files: list[tuple[Path, str]] | None = None,
    text_field: str = "text",
    resume: bool = False,
    details: bool | None = None,
) -> RunSummary:
    """Clean ``src`` into ``dst`` (or only compute results when ``dry_run``).

    ``resume`` reuses the outputs of an earlier (interrupted) run into ``dst``
    that are still valid (see :mod:`cleaner.state`).  ``on_result`` sees each
    result with its texts and findings when ``details`` is true (the default
    when there is a callback); otherwise the workers write the outputs and
    send back only figures and report pieces, the fast path of a big run.
    """
    check_paths(src, None if dry_run else dst)
    if files is None:
        files = plan(src, settings)
    summary = RunSummary()
    # corpus shards (JSONL, Parquet) are cleaned record by record, written by cleaner.corpus
    from .corpus import run_shards, shard_kind, split_shards

    files, shards = split_shards(files)

    state = None

    def results(out: Path | None) -> Iterator[FileResult]:
        if state is not None and state.previous:
            yield from _resumed(files, settings, jobs, state, out)
        else:
            yield from clean_all(files, settings, jobs)
        yield from run_shards(shards, out, settings, jobs=jobs, text_field=text_field)

    if dry_run or dst is None:
        for result in results(None):
            _printable(result)
            if on_result:
                on_result(result)
            _slim(result)
            summary.results.append(result)
        return summary

    # the workers prepare each file's report pieces and write its output, so that
    # work is shared too and the results that travel back are small
    if details is None:
        details = on_result is not None
    settings = dataclasses.replace(settings, prepare_reports=True, output_root=str(dst), slim_results=not details)
    dst.mkdir(parents=True, exist_ok=True)
    remove_stale_temporaries(dst)
    from .state import RunState

    sources = dict((rel, path) for path, rel in files)
    state = RunState(dst, fingerprint=settings.fingerprint(), source=str(src), resume=resume)
    summary.resume_note = state.note
    complete = False
    try:
        _write_all(src, dst, settings, results, summary, on_result, state, sources, shard_kind)
        sync_filesystem(dst)  # outputs are written without a flush each: make them durable together
        complete = True
    finally:
        state.close(complete)
        if not complete:  # a worker stopped in the middle of a write leaves its temporary file
            remove_stale_temporaries(dst)
    return summary


def _write_all(src, dst, settings, results, summary, on_result, state, sources, shard_kind) -> None:
    with AtomicTextWriter(dst / "report.json", binary=True) as jhandle, \
            AtomicTextWriter(dst / "report.diff", binary=True) as dhandle, \
            AtomicTextWriter(dst / "report.html", binary=True) as hhandle:
        report = JsonReportWriter(jhandle, source=str(src), settings_fingerprint=settings.fingerprint())
        page = HtmlReportWriter(hhandle, source=str(src), settings_fingerprint=settings.fingerprint(),
                                detail_limit=settings.html_details)
        for result in results(dst):
            if result.status != "error" and not getattr(result, "resumed", False) and not shard_kind(result.rel):
                if not result.written:
                    write_output(result, dst / result.rel)
                source = sources.get(result.rel) if result.status != "error" else None
                if source is not None:
                    state.add(source, result, dst / result.rel if result.output_size < 0 else None)
            _printable(result)
            if result.status == "changed":
                dhandle.write(piece(result, "diff") or unified_diff(
                    result.original_text, result.cleaned_text, result.rel, findings_for_diff(result)).encode("utf-8"))
            report.add(result)
            page.add(result)
            if on_result:
                on_result(result)
            _slim(result)
            summary.results.append(result)
        summary.report_summary = report.close()
        page.close()


def _resumed(files, settings, jobs, state, dst) -> Iterator[FileResult]:
    """Results in input order: earlier ones still valid, the rest cleaned now."""
    keep = [state.can_reuse(path, rel, dst / rel) for path, rel in files]
    fresh = clean_all([f for f, k in zip(files, keep) if not k], settings, jobs)
    for (path, rel), k in zip(files, keep):
        if k:
            result = state.reuse(path, rel, dst / rel)
            if result is None:  # changed since the check: clean it after all
                result = next(clean_all([(path, rel)], settings, 1))
            yield result
        else:
            yield next(fresh)


def _printable(result: FileResult) -> None:
    """Escape a file name that would break a terminal line or UTF-8 report (raw name kept)."""
    if needs_escape(result.rel):
        result.raw_rel = result.rel
        result.rel = display_path(result.rel)


def _slim(result: FileResult) -> None:
    """Keep only the figures of a finished result, so memory stays flat on big runs."""
    result.slim()
    result.prepared = None


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)
