"""The detector pipeline: run each detector in order, apply its findings, keep them all.

``clean(text)`` is the public entry point (re-exported by ``cleaner``).  Each
stage sees the text produced by the stage before it; its findings are
resolved for overlaps, applied, and then mapped back so that every finding in
the result names its span in the original (newline-normalised) document.
"""
from __future__ import annotations

import operator
from dataclasses import dataclass, field
from typing import Iterable, Mapping

from .detectors import Context, Detector, all_detectors
from .findings import Finding, OffsetMap, outcome_of, resolve_overlaps
from .frontmatter import split_front_matter
from .normalize import normalize_newlines, to_nfc
from .selection import DEFAULT_SELECTION, Selection


#: how often a repeating detector may run on its own output
MAX_REPEAT = 4
#: how often the whole pipeline may run over a document (see _another_sweep)
MAX_SWEEPS = 3
_NO_OPTIONS: Mapping = {}


@dataclass
class CleanResult:
    """The cleaned text, every finding, and document-level notes."""

    text: str
    findings: list[Finding] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    original: str = ""

    @property
    def changed(self) -> bool:
        return self.text != self.original

    def counts(self) -> dict[str, int]:
        """Number of findings per rule code."""
        out: dict[str, int] = {}
        for f in self.findings:
            out[f.code] = out.get(f.code, 0) + 1
        return out

    def chars_by_detector(self) -> dict[str, dict[str, int]]:
        """Characters removed and repaired per detector."""
        out: dict[str, dict[str, int]] = {}
        for f in self.findings:
            row = out.setdefault(f.detector, {"removed": 0, "repaired": 0})
            row[f.kind] += f.chars
        return out


def _active(detectors: Iterable[Detector], selection: Selection) -> list[tuple[Detector, frozenset | None]]:
    """The detectors with at least one selected rule, each with the codes to
    keep (``None`` when all of its rules are selected, so nothing is filtered)."""
    detectors = tuple(detectors)
    # keyed by identity: hashing the detectors themselves would cost more than the plan saves
    key = (tuple(map(id, detectors)), selection)
    plan = _plans.get(key)
    if plan is None:
        plan = []
        for d in detectors:
            codes = frozenset(c for c in d.codes if selection.enabled(c))
            if codes:
                plan.append((d, None if len(codes) == len(set(d.codes)) else codes))
        if len(_plans) > 64:
            _plans.clear()
        _plans[key] = plan
    return plan


#: detector plans per (detectors, selection), so a batch decides once, not once per document
_plans: dict = {}


def clean(
    text: str,
    *,
    select: Iterable[str] | str | None = None,
    ignore: Iterable[str] | str | None = None,
    selection: Selection | None = None,
    options: Mapping[str, Mapping] | None = None,
    path: str | None = None,
    detectors: Iterable[Detector] | None = None,
    locate: bool = True,
) -> CleanResult:
    """Clean one document.

    ``select``/``ignore`` take rule codes or prefixes (``"M"``, ``"E301"``);
    ``options`` maps a detector name to its settings.  Returns a
    :class:`CleanResult` whose ``text`` is the clean document (NFC, ``\\n``
    line endings, one trailing newline) and whose ``findings`` explain every
    removed or repaired span.

    With ``locate=False`` the findings are not placed in the original text:
    they come in pipeline order, and ``orig_start``, ``orig_end`` and
    ``line`` stay unset.  What each finding removed or repaired, and why, is
    the same; a caller that only counts findings (a corpus record's summary)
    saves the mapping back through every stage.
    """
    if selection is None:
        selection = Selection.from_options(select, ignore) if (select or ignore) else DEFAULT_SELECTION
    options = options or {}
    original = text
    text, notes = normalize_newlines(text)
    text, composed = to_nfc(text)
    if composed:
        notes.append("nfc")
    normalized = text

    front, body, body_offset = split_front_matter(text)
    if front and front != text[:body_offset]:
        notes.append("front-matter-trailing-space")

    state: dict = {"has_front_matter": bool(front)}
    maps: list[OffsetMap] = []
    staged: list[tuple[int, list[Finding]]] = []
    current = body
    ctx = Context(options=_NO_OPTIONS, path=path, state=state)  # one per document, its options set per detector
    plan = _active(detectors if detectors is not None else all_detectors(), selection)
    for sweep in range(MAX_SWEEPS):
        changed_by: list[str] = []
        for detector, keep in plan:
            ctx.options = options.get(detector.name, _NO_OPTIONS)
            # a round whose findings all applied and that the detector calls settled needs no check
            settled = detector.settled if keep is None else None
            for _round in range(MAX_REPEAT if detector.repeat else 1):
                found = detector.find(current, ctx)
                if not isinstance(found, list):
                    found = list(found)
                if keep is not None:
                    found = [f for f in found if f.code in keep]
                if not found:
                    break
                found = resolve_overlaps(found)
                current, offset_map = _apply_stage(current, found, detector.name, locate)
                staged.append((len(maps), found))
                if locate:
                    maps.append(offset_map)
                changed_by.append(detector.name)
                if settled is not None and settled(found, ctx):
                    break
        if not _another_sweep(changed_by, state):
            break

    findings: list[Finding] = []
    for depth, found in staged:
        if not locate:
            findings.extend(found)
            continue
        if depth == 0:
            for f in found:
                f.orig_start = f.start + body_offset
                f.orig_end = f.end + body_offset
        else:
            # starts and ends of sorted, non-overlapping findings both ascend:
            # map them through the earlier stages in one walk per stage
            starts = [f.start for f in found]
            ends = [f.end for f in found]
            for m in maps[depth - 1::-1]:
                starts = m.starts_to_old(starts)
                ends = [e if e >= s else s for s, e in zip(starts, m.ends_to_old(ends))]
            for f, start, end in zip(found, starts, ends):
                f.orig_start = start + body_offset
                f.orig_end = end + body_offset
        findings.extend(found)
    if locate:
        findings.sort(key=_ORIGINAL_SPAN)
        _number_lines(normalized, findings)

    if staged:  # a repair can leave decomposed characters; untouched NFC text stays NFC
        current, composed = to_nfc(current)
        if composed:
            notes.append("nfc-after-repair")
    if front:
        # a blank line between front matter and body is layout the author chose: keep one
        first_line = body.split("\n", 1)[0]
        gap = "\n" if "\n" in body and not first_line.strip() else ""
        current = front + gap + current if current.strip() else front
    return CleanResult(text=current, findings=findings, notes=notes, original=original)


_ORIGINAL_SPAN = operator.attrgetter("orig_start", "orig_end")


def _another_sweep(changed_by: list[str], state: dict) -> bool:
    """Whether the pipeline runs over the document once more.

    A comment thread shows its records to the feed detector only once the
    site's chrome around them is gone: when the boilerplate detector changed
    a page the feed detector found feed chrome on, the page is read again
    (each later sweep only when the one before changed it), so that the
    result is a fixed point.  Other pages are read once.
    """
    if not state.get("feed") or "boilerplate" not in changed_by:
        return False
    return changed_by.index("boilerplate") > changed_by.index("feed") if "feed" in changed_by else True


def _apply_stage(text: str, found: list[Finding], detector: str,
                 mapped: bool = True) -> tuple[str, OffsetMap | None]:
    """Apply one stage's sorted, non-overlapping findings; name their detector and
    keep the text they cover.  Returns the new text and the map back to ``text``
    (``None`` unless ``mapped``)."""
    parts: list[str] = []
    starts: list[int] = []
    rows: list[tuple[int, int, int, int]] = []
    add_part, add_start, add_row = parts.append, starts.append, rows.append
    pos = delta = 0
    for f in found:
        start = f.start
        end = f.end
        replacement = f.replacement
        f.detector = detector
        f.before = before = text[start:end]
        # the finding is final now: its outcome while the parts are at hand
        f._outcome = outcome_of(before, replacement, end - start)
        add_part(text[pos:start])
        add_part(replacement)
        pos = end
        if mapped:
            new_start = start + delta
            size = len(replacement)
            add_start(new_start)
            add_row((new_start, new_start + size, start, end))
            delta += size - (end - start)
    parts.append(text[pos:])
    return "".join(parts), OffsetMap.from_rows(starts, rows) if mapped else None


def _number_lines(text: str, findings: list[Finding]) -> None:
    """Set each finding's 1-based line in ``text`` (findings sorted by original start)."""
    line, pos = 1, 0
    count = text.count
    for f in findings:
        start = f.orig_start
        if start > pos:
            line += count("\n", pos, start)
            pos = start
        f.line = line
