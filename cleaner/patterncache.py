"""Compiled regular expressions, kept between runs.

The detectors hold a few hundred regular expressions, some of them large
(lexicons of thousands of words, character classes over the codec tables).
Python compiles a pattern from its source in pure Python, and that used to
be about half of a run's start-up: noticeable on a pre-commit hook that
cleans three files, and paid again by every process of a batch that cannot
fork.

:func:`compile` is ``re.compile`` with a cache behind it.  The first time a
source is seen it is compiled as ``re.compile`` would, and the engine's
program for it is stored; later processes hand the stored program straight
to the engine.  A stored program is only used by the Python build that made
it (its version string and the engine's magic number name the file), and
only after it compiled to a pattern equal to ``re.compile``'s when it was
stored, so a cached pattern is the same pattern, not a similar one.

The cache is a file in ``$SEEDCLEAN_CACHE_DIR``, else
``$XDG_CACHE_HOME/seedclean``, else ``~/.cache/seedclean``; it is written at
exit (atomically) when the run compiled something new, and
``SEEDCLEAN_NO_CACHE=1`` turns it off.  Any trouble (no such directory, a
damaged file, a Python whose engine this module does not know) falls back
to plain ``re.compile``, silently: the cache can make a run start sooner,
never change what it does.
"""
from __future__ import annotations

import atexit
import marshal
import os
import re
import sys
import tempfile
import zlib
from pathlib import Path

try:  # the engine's own compiler, as re.compile uses it
    import _sre

    try:
        from re import _compiler, _parser
    except ImportError:  # Python 3.10
        import sre_compile as _compiler  # type: ignore[no-redef]
        import sre_parse as _parser  # type: ignore[no-redef]
    _ENGINE = (sys.implementation.name == "cpython" and hasattr(_sre, "compile")
               and hasattr(_compiler, "_code") and hasattr(_parser, "parse"))
except ImportError:  # pragma: no cover - not CPython
    _ENGINE = False

#: bumped when the layout of a stored entry changes
FORMAT = 1
#: a cache that grows past this many entries keeps only the patterns of the run that writes it
MAX_ENTRIES = 4000

_entries: dict | None = None     # (type, source, flags) -> stored program; None: not loaded yet
_new = 0                         # entries added by this process
_hits = 0                        # patterns this process took from the cache
_used: set = set()               # keys of the patterns this process compiled
_patterns: dict = {}             # the same keys -> the compiled patterns, for a second request
_owner = os.getpid()             # the process that saves (not a forked worker)
_enabled = _ENGINE and os.environ.get("SEEDCLEAN_NO_CACHE", "") not in ("1", "true", "yes")


def cache_dir() -> Path:
    """Where the cache file lives (see the module's summary)."""
    explicit = os.environ.get("SEEDCLEAN_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "seedclean"


def _build_key() -> tuple:
    return (FORMAT, sys.version, _sre.MAGIC, _sre.CODESIZE)


def cache_file() -> Path:
    """The cache file of this Python build."""
    tag = f"{zlib.crc32(repr(_build_key()).encode()):08x}"
    return cache_dir() / f"patterns-{sys.implementation.cache_tag}-{tag}.marshal"


def _load() -> dict:
    try:
        data = marshal.loads(cache_file().read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return {}
    if not isinstance(data, tuple) or len(data) != 2 or data[0] != _build_key() or not isinstance(data[1], dict):
        return {}
    return data[1]


def _program(source, flags: int) -> tuple:
    """What ``re.compile(source, flags)`` hands to the engine."""
    parsed = _parser.parse(source, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]  # opcodes are int subclasses
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (int(flags | parsed.state.flags), code, int(parsed.state.groups - 1), groupindex, tuple(indexgroup))


def _from_program(source, program: tuple) -> re.Pattern:
    flags, code, groups, groupindex, indexgroup = program
    return _sre.compile(source, flags, code, groups, groupindex, indexgroup)


def compile(source, flags: int = 0) -> re.Pattern:  # noqa: A001 - re.compile's name, on purpose
    """``re.compile(source, flags)``, from the cache when this source was compiled before."""
    global _entries, _new, _hits, _enabled
    if isinstance(source, re.Pattern) or not _enabled:
        return re.compile(source, flags)
    flags = int(flags)
    key = (type(source).__name__, source, flags)
    pattern = _patterns.get(key)
    if pattern is not None:  # asked again in this process (a pattern built in a function)
        return pattern
    if _entries is None:
        _entries = _load()
    _used.add(key)
    program = _entries.get(key)
    if program is not None:
        try:
            pattern = _patterns[key] = _from_program(source, program)
            _hits += 1
            return pattern
        except Exception:  # noqa: BLE001 - a damaged entry: compile afresh
            del _entries[key]
    pattern = _patterns[key] = re.compile(source, flags)
    try:
        program = _program(source, flags)
        if _from_program(source, program) == pattern:  # the same program, not a similar one
            _entries[key] = program
            _new += 1
    except Exception:  # noqa: BLE001 - an engine this module does not know: no cache from now on
        _enabled = False
    return pattern


def stats() -> dict[str, int]:
    """How this process used the cache: patterns taken from it, patterns added."""
    return {"hits": _hits, "new": _new, "stored": len(_entries or ())}


def longest_first(word: str) -> tuple[int, str]:
    """Sort key for the words of an alternation: longest first (so a word is
    not cut short by a shorter one it starts with), ties in a fixed order, so
    that a source built from a set is the same in every process."""
    return -len(word), word


def alternation(words) -> str:
    """The source of an alternation of ``words``, longest first (see
    :func:`longest_first`), that the engine tries quickly.

    Words that open with the same character without case (an ideograph, a
    digit, a sign) share one branch: that character, then the rest of each
    (longest first), so a position that opens none of them costs one test
    per such character instead of one per word.  It matches what the plain
    alternation matches, in the same order, under any flags: at a given
    position only the branch of the character found there can match (a
    character without case matches only itself, whatever the flags), and the
    words in it keep their order.  Words opening with a letter with case
    stay branches of their own (under IGNORECASE one of them may match
    where another first letter is written).
    """
    branches: list[str] = []
    shared: dict[str, list[str]] = {}
    words = sorted(set(words), key=longest_first)
    for word in words:
        first = word[:1]
        if first and first.lower() == first.upper():
            shared.setdefault(first, []).append(word[1:])
        elif first:
            branches.append(re.escape(word))
    for first, rests in sorted(shared.items()):
        if rests == [""]:
            branches.append(re.escape(first))
        else:
            branches.append(re.escape(first) + "(?:" + "|".join(map(re.escape, rests)) + ")")
    if words and not words[-1]:
        branches.append("")  # the empty word, last as in the plain alternation
    return "|".join(branches)


def save() -> bool:
    """Write the cache when this process compiled something new; True when written."""
    global _new
    if not _enabled or not _new or _entries is None or os.getpid() != _owner:
        return False
    entries = _entries
    if len(entries) > MAX_ENTRIES:  # mostly patterns of earlier versions: keep this run's
        entries = {k: v for k, v in entries.items() if k in _used}
    target = cache_file()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".patterns-", dir=target.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                marshal.dump((_build_key(), entries), handle)
            os.replace(tmp, target)
        except BaseException:
            os.unlink(tmp)
            raise
    except (OSError, ValueError):
        return False
    _new = 0
    return True


atexit.register(save)
