"""JSONL shards (plain, gzip, zstd): line streaming, chunks of records."""
from __future__ import annotations

import gzip
import io
from pathlib import Path
from typing import BinaryIO, Iterator

from ..settings import Settings
from . import compression
from .records import ShardStats, clean_json_line

#: a chunk closes at this many records or bytes, whichever comes first
CHUNK_RECORDS = 256
CHUNK_BYTES = 1 << 20


def open_read(path: Path) -> BinaryIO:
    kind = compression(path.name)
    if kind == "gzip":
        return gzip.open(path, "rb")
    if kind == "zstd":
        import zstandard

        raw = open(path, "rb")
        reader = zstandard.ZstdDecompressor().stream_reader(raw, read_across_frames=True, closefd=True)
        return io.BufferedReader(reader, buffer_size=1 << 20)
    return open(path, "rb", buffering=1 << 20)


def open_write(handle: BinaryIO, name: str) -> BinaryIO:
    """Wrap an open binary file in the compressor its name calls for (deterministic output)."""
    kind = compression(name)
    if kind == "gzip":
        return gzip.GzipFile(filename="", mode="wb", fileobj=handle, mtime=0)
    if kind == "zstd":
        import zstandard

        return zstandard.ZstdCompressor(level=3).stream_writer(handle, closefd=False)
    return handle


def iter_chunks(path: Path) -> Iterator[tuple[int, list[bytes]]]:
    """Yield ``(number of the first line, lines with their terminators)``."""
    lines: list[bytes] = []
    size = 0
    first = 1
    number = 0
    with open_read(path) as handle:
        for line in handle:
            number += 1
            lines.append(line)
            size += len(line)
            if len(lines) >= CHUNK_RECORDS or size >= CHUNK_BYTES:
                yield first, lines
                lines, size, first = [], 0, number + 1
    if lines:
        yield first, lines


def clean_chunk(rel: str, first: int, lines: list[bytes], field: str, settings: Settings,
                note=None, skip: dict[int, str] | None = None) -> tuple[bytes, ShardStats]:
    """Clean a chunk of JSONL lines: the output bytes and the chunk's figures.

    ``note(offset)`` is called as each line starts; the lines in ``skip``
    (offset -> reason) are passed through unchanged and reported as bad."""
    stats = ShardStats()
    out: list[bytes] = []
    for offset, raw in enumerate(lines):
        if skip and offset in skip:
            out.append(raw)
            stats.add_bad(rel, first + offset, skip[offset])
            continue
        if note is not None:
            note(offset)
        body = raw.rstrip(b"\r\n")
        ending = raw[len(body):]
        try:
            line, bad, summary, chars = clean_json_line(body, field, settings, rel)
        except RecursionError:
            line, bad, summary, chars = None, "too deeply nested to clean", None, None
        except Exception as exc:  # noqa: BLE001 - a bug must not stop the shard
            line, bad, summary, chars = None, f"internal error: {type(exc).__name__}: {exc}", None, None
        if line is None:
            out.append(raw)
            if bad:
                stats.add_bad(rel, first + offset, bad)
            continue
        stats.add_record(summary, chars)
        out.append(line + ending)
    return b"".join(out), stats
