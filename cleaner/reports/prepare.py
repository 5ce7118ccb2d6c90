"""Report pieces computed where a file is cleaned, so workers share the report work.

The diff text, the report.json row and the report.html payload of a file
depend only on that file, and travel as UTF-8 bytes.  When a run writes reports, each worker computes
them right after cleaning (``prepare``); the process that writes the reports
then only concatenates strings, so adding workers speeds the whole run up.
A piece is used only while the result still has the status it was prepared
with (a failed write turns a result into an error, which is described anew).
"""
from __future__ import annotations

from ..normalize import RENORMALISED_NOTES
from ..paths import display_path
from .diff import unified_diff


def prepare(result, html: bool = True) -> None:
    """Attach the diff, JSON row and (when ``html``) HTML payload of one cleaned file."""
    from .html_report import detail_payload

    name = display_path(result.rel)
    result.freeze_stats()
    findings_json = result.findings_json()  # shared by report.json and report.html
    result.prepared = {
        "status": result.status,
        "diff": unified_diff(result.original_text, result.cleaned_text, name,
                             findings_for_diff(result)).encode("utf-8") if result.status == "changed" else b"",
        "row_json": result.report_row_json(findings_json).encode("utf-8"),
        # report.html shows a file's detail only when it changed or has findings
        "html": detail_payload(result, findings_json).encode("utf-8")
        if html and (result.status == "changed" or result.findings) else None,
    }


def findings_for_diff(result):
    """The findings, when their offsets index the text as read (so they can anchor the diff)."""
    if RENORMALISED_NOTES.intersection(result.notes):
        return None
    return result.findings


def piece(result, key: str) -> bytes | None:
    """A prepared piece (UTF-8 bytes), or None when it is missing or out of date."""
    prepared = getattr(result, "prepared", None)
    if not prepared or prepared.get("status") != result.status:
        return None
    return prepared.get(key)
