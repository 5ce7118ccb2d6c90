"""Run settings: rule selection, per-detector options and file filters.

One :class:`Settings` object travels from the configuration (``[tool.seedclean]``
and command-line options) to every worker, so every file is cleaned the same
way and a run can be fingerprinted for ``--resume``.
"""
from __future__ import annotations

import fnmatch
import functools
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path, PurePath

from .selection import Selection


#: seconds one document may take before it is reported as timed out
DEFAULT_TIME_BUDGET = 20.0
#: report.html carries the side-by-side detail of this many files (the first of the run)
DEFAULT_HTML_DETAILS = 1000


@dataclass(frozen=True)
class Settings:
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    detector_options: dict = field(default_factory=dict, hash=False, compare=False)
    #: folder of the configuration file; include/exclude also match paths relative to it
    root: str = field(default="", compare=False)
    time_budget: float = 20.0  # seconds per document (DEFAULT_TIME_BUDGET); 0 = no limit
    max_file_bytes: int = 0  # a larger file is reported, not read; 0 = cleaner.batch.MAX_FILE_BYTES
    #: files whose detail report.html carries, the first ones of the run (-1 = every file);
    #: the others are listed with their figures, and report.json and report.diff have them whole
    html_details: int = field(default=DEFAULT_HTML_DETAILS, compare=False)
    #: workers also compute each file's report pieces (set by the runner when it writes reports)
    prepare_reports: bool = field(default=False, compare=False)
    #: workers write each cleaned file below this folder themselves (set by the runner)
    output_root: str = field(default="", compare=False)
    #: workers return only figures and report pieces, not texts and findings (set by the runner)
    slim_results: bool = field(default=False, compare=False)

    def html_detail_for(self, index: int) -> bool:
        """Whether report.html carries the detail of the run's file number ``index`` (from 0;
        -1 for a file cleaned outside a run, which always gets it)."""
        return index < 0 or self.html_details < 0 or index < self.html_details

    def selection(self) -> Selection:
        return _selection(self.select, self.ignore)

    def wants(self, rel: PurePath, path: PurePath | None = None) -> bool:
        """Whether a file passes the include/exclude globs.

        A glob matches the path relative to the source being cleaned
        (``rel``) or, when the file lies under the configuration's folder
        (``root``), the path relative to that folder, so
        ``exclude = ["drafts/*"]`` works for ``seedclean check drafts/x.txt``
        and ``seedclean run . out/`` alike.  A glob without a slash matches
        the file's name or any folder name on its path, as in .gitignore.
        """
        if not self.include and not self.exclude:
            return True
        names = [PurePath(rel).as_posix()]
        if path is not None and self.root:
            try:
                names.append(Path(path).resolve().relative_to(Path(self.root).resolve()).as_posix())
            except ValueError:
                pass
        if self.include and not any(_glob(n, pat) for n in names for pat in self.include):
            return False
        return not any(_glob(n, pat) for n in names for pat in self.exclude)

    def fingerprint(self) -> str:
        """A short hash of everything that affects the output, for ``--resume``."""
        from . import __version__

        payload = json.dumps(
            [__version__, self.select, self.ignore, self.detector_options],
            sort_keys=True, ensure_ascii=False, default=str,
        )
        return hashlib.sha256(payload.encode()).hexdigest()[:16]


@functools.lru_cache(maxsize=64)
def _selection(select: tuple[str, ...], ignore: tuple[str, ...]) -> Selection:
    """One :class:`Selection` per distinct select/ignore pair (a batch asks once per file)."""
    return Selection.from_options(select or None, ignore or None)


def _glob(name: str, pattern: str) -> bool:
    pattern = pattern.strip()
    if pattern.startswith("./"):
        pattern = pattern[2:]
    pattern = pattern.rstrip("/") or pattern
    if fnmatch.fnmatchcase(name, pattern):
        return True
    parts = name.split("/")
    if "/" not in pattern:
        # the file's name or any folder on its path, as .gitignore does
        return any(fnmatch.fnmatchcase(part, pattern) for part in parts)
    # a folder pattern covers everything below it: "drafts/old" excludes drafts/old/x.txt
    return any(fnmatch.fnmatchcase("/".join(parts[:k]), pattern) for k in range(1, len(parts)))
