"""Gazetteer of Chinese administrative divisions, for the place-name detector.

The names come from the division table that the ``cpca`` package ships
(``cpca/resources/adcodes.csv``: provinces, prefectures, counties, districts,
banners).  The CSV is read directly -- importing ``cpca`` would pull in pandas.
Every name is indexed in simplified and traditional script (OpenCC), both in
full (``石柱土家族自治县``) and as a stem with its suffix stripped (``石柱``).
Renamed or abolished divisions (``闸北区``, ``揭东县``) are tolerated by shape:
a short run of CJK characters ending in a division suffix.

Everything is built lazily, once per process; a lookup is a dict access.
"""
from __future__ import annotations

import csv
import importlib.util
import os
import re
from dataclasses import dataclass
from functools import lru_cache

#: division suffixes, longest first (simplified; traditional added at build time)
_SUFFIXES_S = (
    "特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治州",
    "自治县", "自治旗", "林区", "特区", "新区", "矿区", "地区", "县", "市", "区",
    "旗", "盟", "州", "省",
)

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"


@dataclass(frozen=True)
class TokenInfo:
    """What the gazetteer knows about one token."""

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


class Gazetteer:
    """Division names (simplified and traditional) mapped to province codes."""

    def __init__(self, rows: list[tuple[str, str]], nations: list[str]):
        conv = _converter()

        def variants(words: list[str]) -> list[list[str]]:
            if conv is None or not words:
                return [words]
            joined = conv.convert("\n".join(words)).split("\n")
            return [words, joined] if len(joined) == len(words) else [words]

        suffixes = list(_SUFFIXES_S)
        for group in variants(list(_SUFFIXES_S))[1:]:
            suffixes.extend(group)
        # ethnic prefixes of autonomous divisions: 土家族自治县 -> strip whole
        nation_sfx = []
        for n in nations:
            for s in ("自治县", "自治旗", "自治州", "自治区"):
                nation_sfx.append(n + s)
        # combined names such as 土家族苗族自治县
        for group in variants(nation_sfx)[1:]:
            nation_sfx.extend(group)
        self.suffixes = tuple(sorted(set(suffixes), key=len, reverse=True))
        self._nation_re = re.compile(
            "(?:" + "|".join(sorted({re.escape(n) for n in nations}, key=len, reverse=True)) + ")+"
            "(?:自治县|自治旗|自治州|自治区|自治縣|自治區)$"
        ) if nations else None

        names: dict[str, set[str]] = {}
        suffixed: dict[str, bool] = {}
        stems: dict[str, set[str]] = {}
        raw_names = [name for _code, name in rows]
        codes = [code[:2] for code, _name in rows]
        for group in variants(raw_names):
            for name, prov in zip(group, codes):
                names.setdefault(name, set()).add(prov)
                stem = self.stem(name)
                suffixed[name] = stem != name
                if stem != name and len(stem) >= 2:
                    stems.setdefault(stem, set()).add(prov)

        def one(provs: set[str]) -> str:
            return next(iter(provs)) if len(provs) == 1 else ""

        self.names = {k: one(v) for k, v in names.items()}
        self.stems = {k: one(v) for k, v in stems.items()}
        self._known: dict[str, TokenInfo] = {
            k: TokenInfo(True, True, False, one(v)) for k, v in stems.items()}
        self._known.update({k: TokenInfo(True, True, suffixed[k], one(v)) for k, v in names.items()})
        self._seen: dict[str, TokenInfo] = {}
        sfx = "|".join(re.escape(s) for s in self.suffixes)
        self._shape = re.compile(f"[{_CJK}]{{2,5}}(?:{sfx})")

    def stem(self, name: str) -> str:
        """``石柱土家族自治县`` -> ``石柱``, ``神农架林区`` -> ``神农架``."""
        if self._nation_re is not None:
            m = self._nation_re.search(name)
            if m and m.start() >= 2:
                return name[: m.start()]
        for s in self.suffixes:
            if name.endswith(s) and len(name) - len(s) >= 2:
                return name[: -len(s)]
        return name

    def lookup(self, token: str) -> TokenInfo:
        """Classify one token (a single separator-free piece of text)."""
        info = self._known.get(token)
        if info is not None:
            return info
        info = self._seen.get(token)
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
        if len(self._seen) < 50000:
            self._seen[token] = info
        return info


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


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer (built on first use)."""
    resdir = _resource_dir()
    if resdir is None or not os.path.exists(os.path.join(resdir, "adcodes.csv")):
        return Gazetteer([], [])
    rows, nations = _load_rows(resdir)
    return Gazetteer(rows, nations)
