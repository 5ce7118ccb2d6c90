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

    [tool.seedclean.placenames]   # options of one detector
    min-names = 6
"""
from __future__ import annotations

import sys
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

from .detectors import all_detectors, all_rules
from .selection import Selection
from .settings import Settings

TOP_LEVEL_KEYS = {"select", "ignore", "include", "exclude", "time-budget"}


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
            allowed = getattr(detectors[key], "options", None)
            if allowed:
                for opt in value:
                    if opt not in allowed:
                        raise ConfigError(f"{path}: unknown option {opt!r} for detector {key} "
                                          f"(options: {', '.join(sorted(allowed))})")
            options[key] = {k.replace("-", "_"): v for k, v in value.items()}
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
    budget = plain.get("time-budget", 0)
    if not isinstance(budget, (int, float)) or budget < 0:
        raise ConfigError(f"{path}: time-budget must be a number of seconds >= 0")
    return Settings(
        select=select,
        ignore=ignore,
        include=_strings(path, "include", plain["include"]) if "include" in plain else (),
        exclude=_strings(path, "exclude", plain["exclude"]) if "exclude" in plain else (),
        detector_options=options,
        time_budget=float(budget),
    )


def load_settings(*, config_path: Path | None = None, select=None, ignore=None, start: Path | None = None) -> Settings:
    """Settings from the configuration file (if any) overridden by command-line options."""
    if config_path is not None:
        if not config_path.is_file():
            raise ConfigError(f"{config_path}: configuration file not found")
        base = settings_from_table(read_table(config_path), config_path)
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
    return Settings(select=sel, ignore=ign, include=base.include, exclude=base.exclude,
                    detector_options=base.detector_options, time_budget=base.time_budget)
