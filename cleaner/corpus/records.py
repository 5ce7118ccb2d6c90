"""One record's text: clean it and summarise what was found.

Shared by the local and the Ray engines, so both produce the same records.
"""
from __future__ import annotations

import json

from ..pipeline import clean
from ..settings import Settings
from . import SUMMARY_FIELD
from .jsonread import loads

#: at most this many bad-record notes are kept per shard (the count is exact)
MAX_NOTES = 100


def clean_text(text: str, settings: Settings, rel: str | None = None) -> tuple[str, dict, dict]:
    """Clean one record's text: ``(cleaned, summary, chars)``.

    A record's text keeps its own ending: the final newline a document gets
    is added only when the text had one, so a clean record is unchanged.
    """
    had_newline = text.endswith("\n")
    # a record's summary counts findings: they need not be placed in the text
    result = clean(text if had_newline else text + "\n", selection=settings.selection(),
                   options=settings.detector_options, path=rel, locate=False)
    out = result.text
    if not had_newline and out.endswith("\n"):
        out = out[:-1]
    counts: dict[str, int] = {}  # per detector, in pipeline order
    chars = {"removed": 0, "repaired": 0}
    for finding in result.findings:
        detector = finding.detector
        counts[detector] = counts.get(detector, 0) + 1
        kind, n = finding.outcome()
        if n:  # a flagged finding (kind "flagged") changes no characters
            chars[kind] += n
    return out, {"changed": out != text, "findings": counts}, chars


#: ``json.dumps(obj, ensure_ascii=False)`` without making an encoder per record
_encode = json.JSONEncoder(ensure_ascii=False).encode


class ShardStats:
    """Totals of one shard, merged from its chunks (in order)."""

    def __init__(self):
        self.records = self.changed = self.bad = 0
        self.detectors: dict[str, int] = {}
        self.chars = {"removed": 0, "repaired": 0}
        self.notes: list[str] = []

    def add_record(self, summary: dict, chars: dict) -> None:
        self.records += 1
        self.changed += summary["changed"]
        for k, v in summary["findings"].items():
            self.detectors[k] = self.detectors.get(k, 0) + v
        for k, v in chars.items():
            self.chars[k] += v

    def add_bad(self, rel: str, line: int, reason: str) -> None:
        self.records += 1
        self.bad += 1
        if len(self.notes) < MAX_NOTES:
            self.notes.append(f"bad record {rel}:{line}: {reason} (passed through unchanged)")

    def merge(self, other: "ShardStats") -> None:
        self.records += other.records
        self.changed += other.changed
        self.bad += other.bad
        for k, v in other.detectors.items():
            self.detectors[k] = self.detectors.get(k, 0) + v
        for k, v in other.chars.items():
            self.chars[k] += v
        room = MAX_NOTES - len(self.notes)
        if room > 0:
            self.notes.extend(other.notes[:room])


def clean_json_line(line: bytes | str, field: str, settings: Settings, rel: str | None = None):
    """Clean one JSONL line (without its terminator).

    Returns ``(output line in UTF-8 or None when passed through, bad reason or "",
    summary, chars)``.  Blank lines are passed through without a report.
    """
    if not line.strip():
        return None, "", None, None
    try:
        obj = loads(line)
    except (ValueError, UnicodeDecodeError) as exc:
        return None, f"not JSON ({str(exc).split(':')[0]})", None, None
    if not isinstance(obj, dict):
        return None, f"not a JSON object ({type(obj).__name__})", None, None
    if field not in obj:
        return None, f"no field {field!r}", None, None
    text = obj[field]
    if not isinstance(text, str):
        return None, f"field {field!r} is {type(text).__name__}, not a string", None, None
    cleaned, summary, chars = clean_text(text, settings, rel)
    obj[field] = cleaned
    obj[SUMMARY_FIELD] = summary
    # a lone surrogate (a record may escape one: "\\ud800") has no UTF-8 form: it
    # is written back as the same escape, which is what backslashreplace writes
    return _encode(obj).encode("utf-8", "backslashreplace"), "", summary, chars
