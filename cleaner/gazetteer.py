"""Gazetteer of Chinese administrative divisions, for the place-name detector.

The names come from the division table that the ``cpca`` package ships
(``cpca/resources/adcodes.csv``: provinces, prefectures, counties, districts,
banners).  The CSV is read directly -- importing ``cpca`` would pull in pandas.
Every name is indexed in simplified and traditional script (OpenCC), both in
full (``石柱土家族自治县``) and as a stem with its suffix stripped (``石柱``).
Renamed or abolished divisions (``闸北区``, ``揭东县``) are tolerated by shape:
a short run of CJK characters ending in a division suffix.

Deriving the index (OpenCC conversions, stems of every name) takes a good
part of a second, and every worker process would pay it.  So the derived
index ships as ``cleaner/data/gazetteer.json``, stamped with a fingerprint of
the sources it was made from (the ``cpca`` tables and OpenCC's ``s2t``
dictionaries).  It is used only when the installed sources have the same
fingerprint; otherwise the index is derived from them as before.  After an
upgrade of either package, ``python -m cleaner.gazetteer`` writes it anew.

Everything is built lazily, once per process; a lookup is a dict access.
"""
from __future__ import annotations

import csv
import hashlib
import importlib.util
import json
import os
import re
import sys
from functools import cached_property, lru_cache
from pathlib import Path
from typing import NamedTuple

from . import patterncache

#: division suffixes, longest first (simplified; traditional added at build time)
_SUFFIXES_S = (
    "特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治州",
    "自治县", "自治旗", "林区", "特区", "新区", "矿区", "地区", "县", "市", "区",
    "旗", "盟", "州", "省",
)

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"

#: the shipped index (see the module docstring)
TABLE = Path(__file__).resolve().parent / "data" / "gazetteer.json"
_TABLE_FORMAT = 2

#: tokens remembered beyond the table, at most
_CACHE_LIMIT = 50000


class TokenInfo(NamedTuple):
    """What the gazetteer knows about one token.

    A plain tuple underneath, so a detector can count the fields of a whole
    line of tokens in C (``sum(map(itemgetter(0), infos))``).
    """

    division: bool      # a division name, known or by shape
    known: bool         # found in the table (full name or stem)
    suffixed: bool      # carries a division suffix
    province: str       # two-digit province code when unambiguous, else ""


NOT_DIVISION = TokenInfo(False, False, False, "")


def _resource_dir() -> str | None:
    spec = importlib.util.find_spec("cpca")
    if spec is None or not spec.origin:
        return None
    return os.path.join(os.path.dirname(spec.origin), "resources")


def _converter():
    try:
        import opencc  # noqa: PLC0415
    except ImportError:  # pragma: no cover - opencc is a dependency
        return None
    return opencc.OpenCC("s2t.json")


def _nation_pattern(nations: list[str]) -> re.Pattern | None:
    """Ethnic names and the autonomy suffix at the end of a division name."""
    if not nations:
        return None
    return patterncache.compile(
        "(?:" + "|".join(sorted({re.escape(n) for n in nations}, key=patterncache.longest_first)) + ")+"
        "(?:自治县|自治旗|自治州|自治区|自治縣|自治區)$")


def _stem(name: str, nation_re: re.Pattern | None, suffixes: tuple[str, ...]) -> str:
    """``石柱土家族自治县`` -> ``石柱``, ``神农架林区`` -> ``神农架``."""
    if nation_re is not None:
        m = nation_re.search(name)
        if m and m.start() >= 2:
            return name[: m.start()]
    for s in suffixes:
        if name.endswith(s) and len(name) - len(s) >= 2:
            return name[: -len(s)]
    return name


def _one(provs: set[str]) -> str:
    return next(iter(provs)) if len(provs) == 1 else ""


def derive_index(rows: list[tuple[str, str]], nations: list[str]) -> dict:
    """The index from the division table: names and stems (simplified and
    traditional) with their province, the names that carry no suffix, and
    the suffixes (both scripts)."""
    conv = _converter()

    def variants(words: list[str]) -> list[list[str]]:
        if conv is None or not words:
            return [words]
        joined = conv.convert("\n".join(words)).split("\n")
        return [words, joined] if len(joined) == len(words) else [words]

    suffixes = list(_SUFFIXES_S)
    for group in variants(list(_SUFFIXES_S))[1:]:
        suffixes.extend(group)
    # equal lengths in any order: no two of them end the same name
    suffixes = sorted(set(suffixes), key=lambda s: (-len(s), s))
    nation_re = _nation_pattern(nations)
    ordered = tuple(suffixes)

    names: dict[str, set[str]] = {}
    suffixed: dict[str, bool] = {}
    stems: dict[str, set[str]] = {}
    raw_names = [name for _code, name in rows]
    codes = [code[:2] for code, _name in rows]
    for group in variants(raw_names):
        for name, prov in zip(group, codes):
            names.setdefault(name, set()).add(prov)
            stem = _stem(name, nation_re, ordered)
            suffixed[name] = stem != name
            if stem != name and len(stem) >= 2:
                stems.setdefault(stem, set()).add(prov)
    return {
        "suffixes": suffixes,
        "nations": sorted(set(nations)),
        "names": _by_province({k: _one(v) for k, v in names.items()}),
        "stems": _by_province({k: _one(v) for k, v in stems.items()}),
        "unsuffixed": sorted(k for k, v in suffixed.items() if not v),
    }


def _by_province(table: dict[str, str]) -> dict[str, list[str]]:
    """``{name: province}`` as ``{province: [names]}``: read back in C with
    ``dict.fromkeys``, one call per province."""
    out: dict[str, list[str]] = {}
    for name, prov in table.items():
        out.setdefault(prov, []).append(name)
    return {prov: sorted(out[prov]) for prov in sorted(out)}


def _from_provinces(groups: dict[str, list[str]], value=None) -> dict:
    """``{province: [names]}`` back to ``{name: value or province}``."""
    out: dict = {}
    for prov, names in groups.items():
        out.update(dict.fromkeys(names, prov if value is None else value(prov)))
    return out


class Gazetteer:
    """Division names (simplified and traditional) mapped to province codes."""

    def __init__(self, index: dict):
        self.suffixes = tuple(index["suffixes"])
        self._nations = list(index["nations"])
        self.names: dict[str, str] = _from_provinces(index["names"])
        self.stems: dict[str, str] = _from_provinces(index["stems"])
        # stems carry no suffix, nor do a few names (北京); full names override stems
        known = _from_provinces(index["stems"], lambda p: TokenInfo(True, True, False, p))
        known.update(_from_provinces(index["names"], lambda p: TokenInfo(True, True, True, p)))
        known.update({k: TokenInfo(True, True, False, self.names[k]) for k in index["unsuffixed"]})
        #: the table, and every other token classified so far
        self._cache: dict[str, TokenInfo] = known
        self._table_size = len(known)

    @classmethod
    def from_rows(cls, rows: list[tuple[str, str]], nations: list[str]) -> Gazetteer:
        return cls(derive_index(rows, nations))

    # the patterns are needed only for tokens outside the table: compiled then
    @cached_property
    def _nation_re(self) -> re.Pattern | None:
        return _nation_pattern(self._nations)

    @cached_property
    def _shape(self) -> re.Pattern:
        sfx = "|".join(re.escape(s) for s in self.suffixes)
        return patterncache.compile(f"[{_CJK}]{{2,5}}(?:{sfx})")

    def stem(self, name: str) -> str:
        """``石柱土家族自治县`` -> ``石柱``, ``神农架林区`` -> ``神农架``."""
        return _stem(name, self._nation_re, self.suffixes)

    def lookup(self, token: str) -> TokenInfo:
        """Classify one token (a single separator-free piece of text)."""
        info = self._cache.get(token)
        if info is not None:
            return info
        info = NOT_DIVISION
        if self._shape.fullmatch(token):
            stem = self.stem(token)
            prov = self.stems.get(stem)
            if prov is None:
                prov = self.names.get(stem)
            # renamed (揭东县 for 揭东区) when the stem is known; else abolished, by shape
            info = TokenInfo(True, prov is not None, True, prov or "")
        if len(self._cache) - self._table_size < _CACHE_LIMIT:
            self._cache[token] = info
        return info

    def lookup_all(self, tokens: list[str]) -> list[TokenInfo]:
        """:meth:`lookup` for each token; the tokens seen before are looked
        up in C, the rest one by one."""
        infos = list(map(self._cache.get, tokens))
        if not all(infos):   # an entry is None: a token not seen before
            lookup = self.lookup
            infos = [info or lookup(token) for info, token in zip(infos, tokens)]
        return infos


def _load_rows(resdir: str) -> tuple[list[tuple[str, str]], list[str]]:
    rows: list[tuple[str, str]] = []
    with open(os.path.join(resdir, "adcodes.csv"), encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        next(reader, None)
        for rec in reader:
            if len(rec) < 2:
                continue
            code, name = rec[0].strip(), rec[1].strip()
            if not code.isdigit() or not name or "直辖" in name or name.endswith(("岛", "海域")):
                continue
            rows.append((code, name))
    nations: list[str] = []
    path = os.path.join(resdir, "56_nations.csv")
    if os.path.exists(path):
        with open(path, encoding="utf-8") as fh:
            nations = [ln.strip().split(",")[0] for ln in fh if ln.strip()]
        nations = [n for n in nations if n.endswith("族")]
        # prefecture names often use the ethnonym without 族 (…蒙古自治州, …哈萨克自治州)
        nations += [n[:-1] for n in nations if len(n) >= 3]
    return rows, nations


def _opencc_files() -> list[str]:
    """OpenCC's ``s2t`` configuration and the dictionaries it names, if found."""
    spec = importlib.util.find_spec("opencc")
    if spec is None or not spec.origin:
        return []
    share = os.path.join(os.path.dirname(spec.origin), "clib", "share", "opencc")
    config = os.path.join(share, "s2t.json")
    try:
        with open(config, encoding="utf-8") as fh:
            named = re.findall(r'"file"\s*:\s*"([^"]+)"', fh.read())
    except OSError:
        return []
    return [config] + [os.path.join(share, name) for name in named]


def fingerprint(resdir: str) -> str:
    """A digest of everything the index is derived from: the cpca tables
    (content) and OpenCC's ``s2t`` configuration (content) and dictionaries
    (sizes)."""
    h = hashlib.sha1(f"format {_TABLE_FORMAT}\n".encode())
    for name in ("adcodes.csv", "56_nations.csv"):
        h.update(name.encode())
        try:
            h.update(Path(resdir, name).read_bytes())
        except OSError:
            h.update(b"-")
    files = _opencc_files()
    h.update(b"opencc" if files else b"no opencc")
    for i, path in enumerate(files):
        h.update(os.path.basename(path).encode())
        try:
            h.update(Path(path).read_bytes() if i == 0 else str(os.path.getsize(path)).encode())
        except OSError:
            h.update(b"-")
    return h.hexdigest()


def _shipped_index(source: str) -> dict | None:
    """The shipped index, when it was derived from these very sources."""
    try:
        index = json.loads(TABLE.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return index if index.get("source") == source else None


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer (built on first use)."""
    resdir = _resource_dir()
    if resdir is None or not os.path.exists(os.path.join(resdir, "adcodes.csv")):
        return Gazetteer.from_rows([], [])
    index = _shipped_index(fingerprint(resdir))
    if index is not None:
        return Gazetteer(index)
    rows, nations = _load_rows(resdir)
    return Gazetteer.from_rows(rows, nations)


def write_table(path: Path = TABLE) -> Path:
    """Derive the index from the installed sources and write it to ``path``."""
    resdir = _resource_dir()
    if resdir is None or not os.path.exists(os.path.join(resdir, "adcodes.csv")):
        raise SystemExit("cpca's division table is not installed")
    index = {"source": fingerprint(resdir), **derive_index(*_load_rows(resdir))}
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")) + "\n",
                    encoding="utf-8")
    return path


if __name__ == "__main__":
    print(write_table(Path(sys.argv[1]) if len(sys.argv) > 1 else TABLE))
