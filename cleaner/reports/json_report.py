"""report.json: per file the encoding, detectors fired, characters removed/repaired, every finding."""
from __future__ import annotations

import datetime as _dt
import json
from typing import IO, Iterable

from .. import __version__
from .sink import Sink


def add_detector_totals(into: dict[str, dict[str, int]], by_detector: dict[str, dict[str, int]]) -> None:
    """Add one file's findings and characters removed/repaired per detector to run totals."""
    for name, row in by_detector.items():
        total = into.get(name)
        if total is None:
            total = into[name] = {"findings": 0, "removed": 0, "repaired": 0}
        total["findings"] += row["findings"]
        total["removed"] += row["removed"]
        total["repaired"] += row["repaired"]


class JsonReportWriter:
    """Streams report.json so a run over a million files keeps flat memory.

    The ``files`` array is written as results arrive; totals go in a
    ``summary`` object at the end.
    """

    def __init__(self, handle: IO, *, source: str, settings_fingerprint: str = ""):
        self.handle = handle
        self.sink = Sink(handle)
        self.first = True
        self.totals = {"files": 0, "changed": 0, "unchanged": 0, "errors": 0,
                       "chars_removed": 0, "chars_repaired": 0}
        self.by_detector: dict[str, dict[str, int]] = {}
        self.by_code: dict[str, int] = {}
        head = {
            "tool": "seedclean",
            "version": __version__,
            "created": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
            "source": source,
            "settings": settings_fingerprint,
        }
        text = json.dumps(head, ensure_ascii=False, indent=1)
        self.sink.write(text[:-2] + ',\n "files": [\n')

    def add(self, result) -> None:
        from .prepare import piece

        self.totals["files"] += 1
        self.totals[{"changed": "changed", "unchanged": "unchanged"}.get(result.status, "errors")] += 1
        result.freeze_stats()
        stats = result.stats
        add_detector_totals(self.by_detector, stats.get("by_detector", {}))
        if "by_detector" in stats:
            self.totals["chars_removed"] += stats["chars"]["removed"]
            self.totals["chars_repaired"] += stats["chars"]["repaired"]
        for code, (_detector, count, _reason) in stats.get("by_code", {}).items():
            self.by_code[code] = self.by_code.get(code, 0) + count
        if not self.first:
            self.sink.write(",\n")
        self.first = False
        self.sink.write("  ")
        self.sink.write(piece(result, "row_json") or result.report_row_json())

    def close(self) -> dict:
        summary = dict(self.totals, detectors=self.by_detector, codes=dict(sorted(self.by_code.items())))
        self.sink.write('\n ],\n "summary": ' + json.dumps(summary, ensure_ascii=False, indent=1) + "\n}\n")
        return summary


def write_all(handle: IO[str], results: Iterable, **kwargs) -> dict:
    writer = JsonReportWriter(handle, **kwargs)
    for r in results:
        writer.add(r)
    return writer.close()
