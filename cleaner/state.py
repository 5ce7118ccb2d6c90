"""What a run into DST has done so far, so an interrupted run can be resumed.

Two hidden files in DST (``discover`` skips names that start with
``.seedclean``, so a later run over DST does not take them for input):

``.seedclean-state.json``
    the settings fingerprint and the source of the run, written atomically
    at the start and again (``"complete": true``) at the end;
``.seedclean-records.jsonl``
    one line per file, appended after the file's output has been written:
    the source's size and modification time, the output's size and the
    file's report.json row (findings included); the texts for report.diff
    and report.html are the output itself and the decoded source.

``--resume`` reuses a file's record, instead of cleaning it again, when the
fingerprint is unchanged, the source still has the recorded size and time,
and the output exists, is at least as new as the source and has the recorded
size.  The resumed run writes the same outputs, report.json and report.diff
as an uninterrupted one (timestamps aside).  A torn last line, left by a run
killed while appending, is ignored.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

from .atomic import atomic_write_text
from .batch import FileResult
from .decoding import decode_bytes
from .findings import Finding

#: records written between two flushes of the records file
FLUSH_EVERY = 64

STATE_NAME = ".seedclean-state.json"
RECORDS_NAME = ".seedclean-records.jsonl"
_FINDING_FIELDS = ("code", "start", "end", "replacement", "reason", "detector", "before",
                   "orig_start", "orig_end", "line", "extra")


def _finding(data: dict) -> Finding:
    return Finding(**{k: data[k] for k in _FINDING_FIELDS if k in data})


def record_line(rel: str, size: int, mtime_ns: int, output_size: int, row_json: bytes) -> bytes:
    """One line of the records file: the source's size and time, the output's size, the report row."""
    head = json.dumps({"rel": rel, "size": size, "mtime_ns": mtime_ns, "output_size": output_size}, ensure_ascii=True)
    return b"".join((head[:-1].encode("ascii"), b', "row": ', row_json, b"}\n"))


class RunState:
    """The resume state of one destination directory."""

    def __init__(self, dst: Path, *, fingerprint: str, source: str, resume: bool):
        self.dst = Path(dst)
        self.fingerprint = fingerprint
        self.previous: dict[str, dict] = {}
        self.note = ""
        if resume:
            self._load()
        atomic_write_text(self.dst / STATE_NAME, json.dumps(
            {"fingerprint": fingerprint, "source": source, "complete": False}, indent=1) + "\n")
        # keep the old lines when resuming (a later line for the same file wins)
        self._records = open(self.dst / RECORDS_NAME, "ab" if self.previous else "wb")
        self._pending = 0

    def _load(self) -> None:
        try:
            state = json.loads((self.dst / STATE_NAME).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.note = "nothing to resume: no state from an earlier run"
            return
        if state.get("fingerprint") != self.fingerprint:
            self.note = "nothing to resume: the settings changed since the earlier run"
            return
        try:
            with open(self.dst / RECORDS_NAME, encoding="utf-8", errors="replace") as handle:
                for line in handle:
                    try:
                        record = json.loads(line)
                        self.previous[record["rel"]] = record
                    except (ValueError, KeyError, TypeError):
                        continue  # a torn line from a killed run
        except OSError:
            pass

    def can_reuse(self, path: Path, rel: str, target: Path) -> bool:
        """Whether the earlier output of ``rel`` is still valid (a cheap check on sizes and times)."""
        record = self.previous.get(rel)
        if record is None:
            return False
        try:
            src, out = os.stat(path), os.stat(target)
        except OSError:
            return False
        if (src.st_size, src.st_mtime_ns) != (record["size"], record["mtime_ns"]):
            return False
        return out.st_mtime_ns >= src.st_mtime_ns and out.st_size == record["output_size"]

    def reuse(self, path: Path, rel: str, target: Path) -> FileResult | None:
        """The earlier result of ``rel`` when its output is still valid, else None."""
        if not self.can_reuse(path, rel, target):
            return None
        record = self.previous[rel]
        row = record["row"]
        result = FileResult(rel, row["status"], encoding=row.get("encoding", ""), notes=list(row.get("notes", [])),
                            findings=[_finding(f) for f in row.get("findings", [])])
        try:
            # the texts (for the reports) are the output and the decoded source: no cleaning needed
            data = Path(path).read_bytes()
            result.output_bytes = Path(target).read_bytes()
            result.original_text = decode_bytes(data).text
            result.cleaned_text = result.output_bytes.decode("utf-8")
        except (OSError, ValueError):
            return None
        if len(result.output_bytes) != record["output_size"] or (result.output_bytes != data) != (row["status"] == "changed"):
            return None
        result.resumed = True
        return result

    def add(self, path: Path, result: FileResult, target: Path | None) -> None:
        """Record a file whose output has just been written.

        The source's size and time are the ones it had when it was read (the
        worker reports them), so a source changed since then is cleaned again
        on resume.  Records are flushed in batches: one lost to a crash only
        means that file is cleaned again.
        """
        if result.source_stat is not None and result.output_size >= 0:
            size, mtime_ns = result.source_stat
            output_size = result.output_size
        else:
            if target is None:
                return
            try:
                src, out = os.stat(path), os.stat(target)
            except OSError:
                return
            size, mtime_ns, output_size = src.st_size, src.st_mtime_ns, out.st_size
        from .reports.prepare import piece

        line = piece(result, "record")  # written out where the file was cleaned
        if line is None:
            result.freeze_stats()
            row_json = piece(result, "row_json") or result.report_row_json().encode("utf-8")
            line = record_line(result.rel, size, mtime_ns, output_size, row_json)
        self._records.write(line)
        self._pending += 1
        if self._pending >= FLUSH_EVERY:
            self._records.flush()
            self._pending = 0

    def close(self, complete: bool) -> None:
        self._records.close()
        if complete:
            atomic_write_text(self.dst / STATE_NAME, json.dumps(
                {"fingerprint": self.fingerprint, "complete": True}, indent=1) + "\n")
