"""Running a batch of shards: stream chunks, clean them (in workers), write in order.

All chunks of all shards go through one ordered stream, so the worker pool
stays busy across shard boundaries and the output is the same, byte for
byte, whatever the number of processes.  Each output shard is written to a
temporary file and renamed into place when complete.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Iterator

from ..atomic import TEMP_PREFIX
from ..batch import FileResult
from ..settings import Settings
from ..supervise import ItemFailed, supervised_map
from . import shard_kind
from .records import ShardStats

DEFAULT_TEXT_FIELD = "text"


def _items(shards: list[tuple[Path, str]], field: str) -> Iterator[tuple]:
    """The work stream: start / chunk / end (or error) for each shard, in order."""
    for index, (path, rel) in enumerate(shards):
        kind = shard_kind(rel)
        try:
            if kind == "parquet":
                from .parquet import iter_batches

                schema, chunks = iter_batches(path)
            else:
                from .jsonl import iter_chunks

                schema, chunks = None, iter_chunks(path)
            yield ("start", index, schema)
            for first, payload in chunks:
                # the last element: records set aside (offset -> reason) after they stalled or killed a worker
                yield ("chunk", index, (kind, rel, first, payload, field, schema, {}))
        except Exception as exc:  # noqa: BLE001 - an unreadable shard fails alone
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            yield ("error", index, f"cannot read shard: {type(exc).__name__}: {reason}")
            continue
        yield ("end", index, None)


def process(item: tuple, settings: Settings, note=None):
    """Clean one chunk of the work stream (other items pass through).

    ``note(offset)`` is told as each record starts, so a supervisor can hold
    every record to the time budget and name the one a worker died on."""
    tag, index, payload = item
    if tag != "chunk":
        return item
    kind, rel, first, data, field, schema, skip = payload
    if kind == "parquet":
        from .parquet import clean_batch

        out, stats = clean_batch(rel, first, data, field, settings, schema, note=note, skip=skip)
    else:
        from .jsonl import clean_chunk

        out, stats = clean_chunk(rel, first, data, field, settings, note=note, skip=skip)
    return ("done", index, (out, stats))


def _chunk_failed(item: tuple, part: int, reason: str):
    """A record stalled or killed its worker: clean the chunk again with that record
    passed through as bad; without a record to blame the chunk fails."""
    tag, index, payload = item
    if tag != "chunk" or part < 0:
        return "result", ItemFailed(reason)
    *head, skip = payload
    return "retry", (tag, index, (*head, {**skip, part: reason}))


class ShardWriter:
    """One output shard, written to a temporary file and renamed on success."""

    def __init__(self, target: Path | None, kind: str, schema):
        self.target, self.kind = target, kind
        self.tmp = self.raw = self.stream = None
        if target is None:
            return
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, self.tmp = tempfile.mkstemp(prefix=TEMP_PREFIX, dir=target.parent)
        if kind == "parquet":
            import pyarrow.parquet as pq

            os.close(fd)
            self.stream = pq.ParquetWriter(self.tmp, schema)
        else:
            from .jsonl import open_write

            self.raw = os.fdopen(fd, "wb")
            self.stream = open_write(self.raw, target.name)

    def write(self, out) -> None:
        if self.stream is None:
            return
        if self.kind == "parquet":
            self.stream.write_batch(out)
        else:
            self.stream.write(out)

    def commit(self) -> None:
        if self.target is None:
            return
        if self.stream is not self.raw:
            self.stream.close()
        if self.raw is not None:
            self.raw.flush()
            os.fsync(self.raw.fileno())
            self.raw.close()
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(self.tmp, 0o666 & ~umask)
        os.replace(self.tmp, self.target)

    def abort(self) -> None:
        if self.target is None:
            return
        for handle in (self.stream, self.raw):
            try:
                if handle is not None:
                    handle.close()
            except Exception:  # noqa: BLE001
                pass
        try:
            os.unlink(self.tmp)
        except OSError:
            pass


def shard_result(rel: str, kind: str, stats: ShardStats) -> FileResult:
    notes = [f"{stats.records} records, {stats.changed} changed, {stats.bad} bad"] + stats.notes
    result = FileResult(rel, "changed" if stats.changed else "unchanged", encoding=kind, notes=notes)
    result.stats = {"chars": dict(stats.chars), "detectors": dict(stats.detectors),
                    "findings": sum(stats.detectors.values())}
    return result


def run_shards(
    shards: list[tuple[Path, str]],
    dst: Path | None,
    settings: Settings,
    *,
    jobs: int = 1,
    text_field: str = DEFAULT_TEXT_FIELD,
) -> Iterator[FileResult]:
    """Clean shards into ``dst`` (same relative paths); ``dst`` None writes nothing.

    Yields one :class:`FileResult` per shard, in order.  Bad records are
    passed through and listed in the result's notes with file:line.
    """
    if not shards:
        return
    items = _items(shards, text_field)
    if jobs <= 1 and settings.time_budget <= 0:
        stream = ((item, process(item, settings)) for item in items)
    else:
        # in workers that can be killed, so a record over the time budget (or one
        # that kills its worker) is set aside and the shard goes on
        stream = supervised_map(process, items, settings, jobs, on_failure=_chunk_failed, what="record")
    writer: ShardWriter | None = None
    stats = ShardStats()
    failed: str = ""
    try:
        for item, value in stream:
            index = item[1]
            rel = shards[index][1]
            kind = shard_kind(rel)
            if isinstance(value, Exception):  # a worker died on this chunk
                failed = failed or f"chunk starting at line {item[2][2]}: {value}"
                continue
            tag = value[0]
            if tag == "start":
                stats, failed = ShardStats(), ""
                try:
                    writer = ShardWriter(dst / rel if dst is not None else None, kind, value[2])
                except OSError as exc:
                    failed = f"cannot write {dst / rel}: {exc.strerror or exc}"
                    writer = ShardWriter(None, kind, None)
            elif tag == "done":
                out, chunk_stats = value[2]
                stats.merge(chunk_stats)
                if not failed:
                    try:
                        writer.write(out)
                    except OSError as exc:
                        failed = f"cannot write {dst / rel}: {exc.strerror or exc}"
            elif tag == "error" or (tag == "end" and failed):
                if writer is not None:
                    writer.abort()
                writer = None
                yield FileResult(rel, "error", encoding=kind, error=failed or value[2])
            else:  # end
                try:
                    writer.commit()
                except OSError as exc:
                    writer.abort()
                    yield FileResult(rel, "error", encoding=kind, error=f"cannot write {dst / rel}: {exc.strerror or exc}")
                else:
                    yield shard_result(rel, kind, stats)
                writer = None
    finally:
        if writer is not None:
            writer.abort()
