"""``seedclean run --engine ray``: the same cleaning on Ray Data.

Shards are read by Ray tasks (JSONL through a line-streaming datasource,
Parquet through Ray's reader), cleaned batch by batch with the functions the
local engine uses, and come back to the driver in input order, where they
are written as shards in the same format, with report.json and report.diff.
Plain text documents are cleaned by Ray tasks too.  So the output equals
the local engine's, record for record.
"""
from __future__ import annotations

import json
import pickle
from pathlib import Path

from ..atomic import AtomicTextWriter, atomic_write_bytes, remove_stale_temporaries
from ..batch import FileResult, clean_file
from ..reports.diff import unified_diff
from ..reports.prepare import findings_for_diff
from ..reports.json_report import JsonReportWriter
from ..runner import RunSummary, check_paths, plan
from ..settings import Settings
from . import shard_kind, split_shards
from .jsonl import CHUNK_RECORDS
from .records import ShardStats, clean_json_line, clean_text
from .shards import ShardWriter, shard_result


def _jsonl_datasource(paths: list[str]):
    """A Ray datasource yielding ``{path, line, raw}`` rows, streamed line by line."""
    from ray.data.datasource import FileBasedDatasource

    class JsonLinesSource(FileBasedDatasource):
        _FILE_EXTENSIONS = None

        def _read_stream(self, f, path: str):
            import pyarrow as pa

            number = 0
            rows: list[bytes] = []
            tail = b""

            def block(rows, first):
                return pa.table({
                    "path": pa.array([path] * len(rows), pa.string()),
                    "line": pa.array(range(first, first + len(rows)), pa.int64()),
                    "raw": pa.array(rows, pa.binary()),
                })

            while True:
                data = f.read(1 << 20)
                if not data:
                    break
                parts = (tail + data).split(b"\n")
                tail = parts.pop()
                for part in parts:
                    rows.append(part + b"\n")
                    if len(rows) >= CHUNK_RECORDS:
                        yield block(rows, number + 1)
                        number += len(rows)
                        rows = []
            if tail:
                rows.append(tail)
            if rows:
                yield block(rows, number + 1)

    return JsonLinesSource(paths)


def _clean_jsonl_batch(table, field: str, settings: Settings):
    import pyarrow as pa

    paths = table.column("path").to_pylist()
    out, bad, summaries, removed, repaired = [], [], [], [], []
    for path, raw in zip(paths, table.column("raw").to_pylist()):
        body = raw.rstrip(b"\r\n")
        try:
            line, reason, summary, chars = clean_json_line(body, field, settings, path)
        except Exception as exc:  # noqa: BLE001 - same as the local engine
            line, reason, summary, chars = None, f"internal error: {type(exc).__name__}: {exc}", None, None
        out.append(raw if line is None else line + raw[len(body):])
        bad.append(reason)
        summaries.append(json.dumps(summary) if summary is not None else None)
        removed.append(chars["removed"] if chars else 0)
        repaired.append(chars["repaired"] if chars else 0)
    return pa.table({
        "path": table.column("path"), "line": table.column("line"),
        "raw": pa.array(out, pa.binary()), "bad": pa.array(bad, pa.string()),
        "summary": pa.array(summaries, pa.string()),
        "removed": pa.array(removed, pa.int64()), "repaired": pa.array(repaired, pa.int64()),
    })


_HELPERS = ("path", "__sc_bad", "__sc_removed", "__sc_repaired")


def _clean_parquet_batch(table, field: str, settings: Settings):
    import pyarrow as pa

    from . import SUMMARY_FIELD

    names = table.column_names
    n = table.num_rows
    column = table.column(field) if field in names else None
    string_type = column is not None and (pa.types.is_string(column.type) or pa.types.is_large_string(column.type))
    values = column.to_pylist() if column is not None else [None] * n
    cleaned, summaries, bad, removed, repaired = [], [], [], [], []
    for text in values:
        reason = ""
        if column is None:
            reason = f"no field {field!r}"
        elif not string_type or not isinstance(text, str):
            reason = f"field {field!r} is {'null' if text is None else type(text).__name__}, not a string"
        if not reason:
            try:
                out, summary, chars = clean_text(text, settings)
            except Exception as exc:  # noqa: BLE001
                reason = f"internal error: {type(exc).__name__}: {exc}"
        if reason:
            cleaned.append(text), summaries.append(None), bad.append(reason), removed.append(0), repaired.append(0)
            continue
        cleaned.append(out)
        summaries.append(json.dumps(summary, ensure_ascii=False))
        bad.append("")
        removed.append(chars["removed"])
        repaired.append(chars["repaired"])
    if string_type:
        table = table.set_column(names.index(field), field, pa.array(cleaned, type=column.type))
    if SUMMARY_FIELD in names:
        table = table.drop_columns([SUMMARY_FIELD])
    return (table.append_column(SUMMARY_FIELD, pa.array(summaries, pa.string()))
            .append_column("__sc_bad", pa.array(bad, pa.string()))
            .append_column("__sc_removed", pa.array(removed, pa.int64()))
            .append_column("__sc_repaired", pa.array(repaired, pa.int64())))


def _clean_documents(table, settings: Settings):
    import pyarrow as pa

    results = [pickle.dumps(clean_file(Path(p), rel, settings))
               for p, rel in zip(table.column("file").to_pylist(), table.column("rel").to_pylist())]
    return pa.table({"result": pa.array(results, pa.binary())})


def _init_ray(address: str | None, num_cpus: int | None) -> bool:
    import ray

    if ray.is_initialized():
        return False
    if address:
        ray.init(address=address, log_to_driver=False)
    else:
        ray.init(num_cpus=num_cpus, include_dashboard=False, log_to_driver=False)
    return True


def run_ray(src: Path, dst: Path, settings: Settings, *, address: str | None = None,
            text_field: str = "text", num_cpus: int | None = None) -> RunSummary:
    """Clean ``src`` into ``dst`` on Ray Data; same outputs and report as the local engine."""
    import ray
    import ray.data

    check_paths(src, dst)
    docs, shards = split_shards(plan(src, settings))
    started = _init_ray(address, num_cpus)
    ctx = ray.data.DataContext.get_current()
    ctx.execution_options.preserve_order = True
    ctx.enable_progress_bars = False
    summary = RunSummary()
    dst.mkdir(parents=True, exist_ok=True)
    remove_stale_temporaries(dst)
    try:
        with AtomicTextWriter(dst / "report.json") as jhandle, AtomicTextWriter(dst / "report.diff") as dhandle:
            report = JsonReportWriter(jhandle, source=str(src), settings_fingerprint=settings.fingerprint())

            def emit(result: FileResult) -> None:
                if result.status == "changed" and result.original_text != result.cleaned_text:
                    dhandle.write(unified_diff(result.original_text, result.cleaned_text, result.rel,
                                               findings_for_diff(result)))
                report.add(result)
                result.freeze_stats()
                result.output_bytes, result.original_text, result.cleaned_text, result.findings = b"", "", "", []
                summary.results.append(result)

            if docs:
                items = [{"file": str(p.resolve()), "rel": rel} for p, rel in docs]
                ds = ray.data.from_items(items).map_batches(
                    _clean_documents, fn_kwargs={"settings": settings}, batch_format="pyarrow", batch_size=16)
                for batch in ds.iter_batches(batch_format="pyarrow", batch_size=None):
                    for blob in batch.column("result").to_pylist():
                        result = pickle.loads(blob)
                        if result.status != "error":
                            try:
                                atomic_write_bytes(dst / result.rel, result.output_bytes)
                            except OSError as exc:
                                result.status, result.error = "error", f"cannot write: {exc.strerror or exc}"
                        emit(result)
            for kind in ("jsonl", "parquet"):
                group = [(p, rel) for p, rel in shards if shard_kind(rel) == kind]
                if group:
                    for result in _run_group(kind, group, dst, settings, text_field):
                        emit(result)
            summary.report_summary = report.close()
    finally:
        if started:
            ray.shutdown()
    # the local engine reports documents first, then shards in path order
    summary.results.sort(key=lambda r: (bool(shard_kind(r.rel)), r.rel))
    return summary


def _run_group(kind: str, group, dst: Path, settings: Settings, text_field: str):
    import pyarrow.parquet as pq
    import ray.data

    from .parquet import output_schema

    by_path = {str(p.resolve()): (p, rel) for p, rel in group}
    paths = list(by_path)
    if kind == "jsonl":
        ds = ray.data.read_datasource(_jsonl_datasource(paths)).map_batches(
            _clean_jsonl_batch, fn_kwargs={"field": text_field, "settings": settings}, batch_format="pyarrow")
    else:
        ds = ray.data.read_parquet(paths, include_paths=True).map_batches(
            _clean_parquet_batch, fn_kwargs={"field": text_field, "settings": settings}, batch_format="pyarrow")
    seen: set[str] = set()
    current = None  # (path, rel, writer, stats, schema)

    def finish(state):
        path, rel, writer, stats, _schema = state
        writer.commit()
        return shard_result(rel, kind, stats)

    for batch in ds.iter_batches(batch_format="pyarrow", batch_size=None):
        paths_col = batch.column("path").to_pylist()
        start = 0
        while start < len(paths_col):
            path = paths_col[start]
            end = start
            while end < len(paths_col) and paths_col[end] == path:
                end += 1
            part = batch.slice(start, end - start)
            if current is None or current[0] != path:
                if current is not None:
                    yield finish(current)
                seen.add(path)
                _p, rel = by_path[path]
                schema = output_schema(pq.read_schema(path)) if kind == "parquet" else None
                current = (path, rel, ShardWriter(dst / rel, kind, schema), ShardStats(), schema)
            _path, rel, writer, stats, schema = current
            if kind == "jsonl":
                for line, reason, summ, rem, rep in zip(part.column("line").to_pylist(), part.column("bad").to_pylist(),
                                                        part.column("summary").to_pylist(), part.column("removed").to_pylist(),
                                                        part.column("repaired").to_pylist()):
                    if summ is not None:
                        stats.add_record(json.loads(summ), {"removed": rem, "repaired": rep})
                    elif reason:
                        stats.add_bad(rel, line, reason)
                writer.write(b"".join(part.column("raw").to_pylist()))
            else:
                first = stats.records + 1
                for i, (reason, summ, rem, rep) in enumerate(zip(
                        part.column("__sc_bad").to_pylist(), part.column("seedclean").to_pylist(),
                        part.column("__sc_removed").to_pylist(), part.column("__sc_repaired").to_pylist())):
                    if reason:
                        stats.add_bad(rel, first + i, reason)
                    else:
                        stats.add_record(json.loads(summ), {"removed": rem, "repaired": rep})
                table = part.select(schema.names).cast(schema)
                for rb in table.to_batches():
                    writer.write(rb)
            start = end
    if current is not None:
        yield finish(current)
    # shards with no records at all
    for path, (p, rel) in by_path.items():
        if path not in seen:
            schema = output_schema(pq.read_schema(path)) if kind == "parquet" else None
            writer = ShardWriter(dst / rel, kind, schema)
            writer.commit()
            yield shard_result(rel, kind, ShardStats())
