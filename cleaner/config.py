"""Configuration: ``[tool.seedclean]`` in pyproject.toml (or a ``seedclean.toml``).

Found from the working directory upward, as ruff and black find theirs;
``--config PATH`` overrides the search.  Command-line ``--select``/``--ignore``
replace the configured ones.  Unknown keys and unknown rule codes are errors,
so a typo never silently turns a rule off.

    [tool.seedclean]
    select = ["ALL"]
    ignore = ["F"]
    include = ["*.txt", "*.md"]
    exclude = ["drafts/*"]
    time-budget = 10          # seconds per document, 0 = none
    html-details = 1000       # files shown side by side in report.html, "all" for every one

    [tool.seedclean.placenames]   # options of one detector
    min-names = 6
"""
from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

from .detectors import all_detectors, all_rules
from .selection import Selection
from .settings import Settings

TOP_LEVEL_KEYS = {"select", "ignore", "include", "exclude", "time-budget", "html-details"}

#: the options each detector reads, with their kind: "int", "number" (a
#: threshold) or "paths" (extra lexicon files, relative to the configuration
#: file).  A detector module may declare its own with a module-level
#: ``OPTIONS`` mapping of the same form, which then takes precedence.
DETECTOR_OPTIONS: dict[str, dict[str, str]] = {
    "markup": {},
    "mojibake": {},
    "whitespace": {},
    "pinyin": {"max_zone": "int", "min_annotations": "int", "min_default_share": "number",
               "min_traditional_share": "number", "min_coverage": "number"},
    "feed": {f"extra_{name}": "paths" for name in
             ("counters", "actions", "strong", "recommend", "bbs", "shortlinks")},
    "placenames": {"min_run": "int", "min_tokens": "int", "min_share": "number"},
    "boilerplate": {"extra_lexicons": "paths", "max_head_lines": "int", "max_tail_lines": "int"},
}


def detector_options(detector) -> dict[str, str]:
    """The options a detector accepts (name with underscores -> kind)."""
    module = sys.modules.get(getattr(detector.find, "__module__", ""), None)
    declared = getattr(module, "OPTIONS", None)
    if isinstance(declared, dict):
        return dict(declared)
    return DETECTOR_OPTIONS.get(detector.name, {})


def _option(path: Path, detector: str, key: str, kind: str, value):
    where = f"{path}: [tool.seedclean.{detector}] {key}"
    if kind == "int":
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ConfigError(f"{where} must be a whole number >= 0")
        return value
    if kind == "number":
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
            raise ConfigError(f"{where} must be a number >= 0")
        return value
    if kind == "paths":
        items = _strings(path, f"{detector}.{key}", value)
        out = []
        for item in items:
            file = Path(item).expanduser()
            if not file.is_absolute():
                file = path.parent / file
            if not file.is_file():
                raise ConfigError(f"{where}: no such file: {file}")
            out.append(str(file))
        return out
    return value


class ConfigError(ValueError):
    """The configuration cannot be used; the message names the file and key."""


def find_config(start: Path) -> Path | None:
    """The nearest pyproject.toml with a [tool.seedclean] table, or seedclean.toml."""
    start = start.resolve()
    for folder in (start, *start.parents):
        candidate = folder / "seedclean.toml"
        if candidate.is_file():
            return candidate
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            try:
                raw = candidate.read_text(encoding="utf-8")
            except OSError:
                continue
            try:
                data = tomllib.loads(raw)
            except tomllib.TOMLDecodeError as exc:
                if "tool.seedclean" in raw:  # ours, but broken: say so rather than ignore it
                    raise ConfigError(f"{candidate}: invalid TOML: {exc}") from exc
                continue
            if "seedclean" in data.get("tool", {}):
                return candidate
    return None


def read_table(path: Path) -> dict:
    """The seedclean table of a configuration file."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from exc
    if path.name == "pyproject.toml":
        return data.get("tool", {}).get("seedclean", {})
    return data.get("tool", {}).get("seedclean", data)


def _strings(path: Path, key: str, value) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{path}: [tool.seedclean] {key} must be a string or a list of strings")
    return tuple(value)


def settings_from_table(table: dict, path: Path) -> Settings:
    """Validate a [tool.seedclean] table and turn it into settings."""
    detectors = {d.name: d for d in all_detectors()}
    known_codes = [r.code for _, r in all_rules()]
    options: dict[str, dict] = {}
    plain: dict = {}
    for key, value in table.items():
        if isinstance(value, dict):
            if key not in detectors:
                raise ConfigError(f"{path}: unknown detector table [tool.seedclean.{key}] "
                                  f"(detectors: {', '.join(sorted(detectors))})")
            allowed = detector_options(detectors[key])
            opts = {}
            for opt, val in value.items():
                name = opt.replace("-", "_")
                if name not in allowed:
                    known = ", ".join(sorted(o.replace("_", "-") for o in allowed)) or "none"
                    raise ConfigError(f"{path}: unknown option {opt!r} for detector {key} (options: {known})")
                opts[name] = _option(path, key, opt, allowed[name], val)
            options[key] = opts
        elif key in TOP_LEVEL_KEYS:
            plain[key] = value
        else:
            raise ConfigError(f"{path}: unknown key {key!r} in [tool.seedclean] "
                              f"(known: {', '.join(sorted(TOP_LEVEL_KEYS))})")
    select = _strings(path, "select", plain["select"]) if "select" in plain else ()
    ignore = _strings(path, "ignore", plain["ignore"]) if "ignore" in plain else ()
    try:
        Selection.from_options(select or None, ignore or None, known_codes)
    except ValueError as exc:
        raise ConfigError(f"{path}: {exc}") from exc
    budget = plain.get("time-budget", Settings.time_budget)
    if not isinstance(budget, (int, float)) or budget < 0:
        raise ConfigError(f"{path}: time-budget must be a number of seconds >= 0")
    try:
        html_details = parse_html_details(plain.get("html-details", Settings.html_details))
    except ValueError as exc:
        raise ConfigError(f"{path}: html-details {exc}") from None
    return Settings(
        select=select,
        ignore=ignore,
        include=_strings(path, "include", plain["include"]) if "include" in plain else (),
        exclude=_strings(path, "exclude", plain["exclude"]) if "exclude" in plain else (),
        detector_options=options,
        root=str(path.parent.resolve()),
        time_budget=float(budget),
        html_details=html_details,
    )


def parse_html_details(value) -> int:
    """``html-details``: a number of files >= 0, or ``"all"`` (-1)."""
    if isinstance(value, str) and value.strip().lower() == "all":
        return -1
    try:
        number = int(value) if isinstance(value, (int, str)) and not isinstance(value, bool) else -1
    except ValueError:
        number = -1
    if number < 0:
        raise ValueError("must be a number of files >= 0 or \"all\"")
    return number


def load_settings(*, config_path: Path | None = None, select=None, ignore=None, start: Path | None = None) -> Settings:
    """Settings from the configuration file (if any) overridden by command-line options."""
    if config_path is not None:
        if not config_path.is_file():
            raise ConfigError(f"{config_path}: configuration file not found")
        table = read_table(config_path)
        if config_path.name == "pyproject.toml" and not table:
            raise ConfigError(f"{config_path}: no [tool.seedclean] table")
        base = settings_from_table(table, config_path)
    else:
        found = find_config(start or Path.cwd())
        base = settings_from_table(read_table(found), found) if found else Settings()
    known_codes = [r.code for _, r in all_rules()]
    if select:
        Selection.from_options(select, None, known_codes)
        sel = tuple(select)
    else:
        sel = base.select
    if ignore:
        Selection.from_options(None, ignore, known_codes)
        ign = tuple(ignore)
    else:
        ign = base.ignore
    return dataclasses.replace(base, select=sel, ignore=ign)
