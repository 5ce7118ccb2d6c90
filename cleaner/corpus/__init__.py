"""Corpus shards: JSONL (plain, gzip, zstd) and Parquet, cleaned record by record.

A shard under SRC is recognised by its extension and written to DST in the
same format: the text field cleaned, every other field passed through, and a
``seedclean`` field added with a per-record summary
(``{"changed": bool, "findings": {"markup": 3}}``).  Shards are streamed in
bounded memory, in chunks of records that can be cleaned in parallel.
"""
from __future__ import annotations

from pathlib import Path

JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz", ".jsonl.zst", ".ndjson.zst")
PARQUET_SUFFIXES = (".parquet",)

#: name of the per-record summary field added to every record
SUMMARY_FIELD = "seedclean"


def shard_kind(name: str) -> str | None:
    """``"jsonl"``, ``"parquet"`` or None for a file name."""
    lower = name.lower()
    if lower.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if lower.endswith(PARQUET_SUFFIXES):
        return "parquet"
    return None


def compression(name: str) -> str | None:
    lower = name.lower()
    if lower.endswith(".gz"):
        return "gzip"
    if lower.endswith(".zst"):
        return "zstd"
    return None


def split_shards(files: list[tuple[Path, str]]) -> tuple[list[tuple[Path, str]], list[tuple[Path, str]]]:
    """Split a run's files into (text documents, corpus shards)."""
    docs, shards = [], []
    for path, rel in files:
        (shards if shard_kind(rel) else docs).append((path, rel))
    return docs, shards


from .shards import run_shards  # noqa: E402

__all__ = ["run_shards", "shard_kind", "split_shards", "SUMMARY_FIELD"]
