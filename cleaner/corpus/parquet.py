"""Parquet shards: record batches in, record batches out."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator

from ..settings import Settings
from . import SUMMARY_FIELD
from .records import ShardStats, clean_text

BATCH_ROWS = 256


def output_schema(schema):
    """The input schema with a string ``seedclean`` column (replaced if present)."""
    import pyarrow as pa

    fields = [f for f in schema if f.name != SUMMARY_FIELD]
    fields.append(pa.field(SUMMARY_FIELD, pa.string()))
    return pa.schema(fields, metadata=schema.metadata)


def iter_batches(path: Path) -> tuple[object, Iterator[tuple[int, object]]]:
    """``(output schema, iterator of (first row number, record batch))``."""
    import pyarrow.parquet as pq

    handle = pq.ParquetFile(path)
    schema = output_schema(handle.schema_arrow)

    def batches():
        first = 1
        try:
            for batch in handle.iter_batches(batch_size=BATCH_ROWS):
                yield first, batch
                first += batch.num_rows
        finally:
            handle.close()

    return schema, batches()


def clean_batch(rel: str, first: int, batch, field: str, settings: Settings, schema,
                note=None, skip: dict[int, str] | None = None):
    """Clean the text column of a batch; add the summary column.

    ``note(row)`` is called as each row starts; the rows in ``skip`` (row ->
    reason) are passed through unchanged and reported as bad."""
    import pyarrow as pa

    stats = ShardStats()
    names = batch.schema.names
    n = batch.num_rows
    if field in names:
        column = batch.column(names.index(field))
        values = column.to_pylist()
        string_type = pa.types.is_string(column.type) or pa.types.is_large_string(column.type)
    else:
        column, values, string_type = None, [None] * n, False
    cleaned: list = []
    summaries: list = []
    for i, text in enumerate(values):
        if skip and i in skip:
            stats.add_bad(rel, first + i, skip[i])
            cleaned.append(text)
            summaries.append(None)
            continue
        if note is not None:
            note(i)
        if column is None or not string_type or not isinstance(text, str):
            reason = (f"no field {field!r}" if column is None
                      else f"field {field!r} is {'null' if text is None else type(text).__name__}, not a string")
            stats.add_bad(rel, first + i, reason)
            cleaned.append(text)
            summaries.append(None)
            continue
        try:
            out, summary, chars = clean_text(text, settings, rel)
        except Exception as exc:  # noqa: BLE001 - a bug must not stop the shard
            stats.add_bad(rel, first + i, f"internal error: {type(exc).__name__}: {exc}")
            cleaned.append(text)
            summaries.append(None)
            continue
        stats.add_record(summary, chars)
        cleaned.append(out)
        summaries.append(json.dumps(summary, ensure_ascii=False))
    arrays = []
    for name in schema.names:
        if name == SUMMARY_FIELD:
            arrays.append(pa.array(summaries, type=pa.string()))
        elif name == field and string_type:
            arrays.append(pa.array(cleaned, type=column.type))
        else:
            arrays.append(batch.column(names.index(name)))
    return pa.RecordBatch.from_arrays(arrays, schema=schema), stats
