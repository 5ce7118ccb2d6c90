"""The ``seedclean`` command line.

    seedclean run SRC DST          clean a tree into DST, with report.json/.diff
    seedclean run --dry-run SRC    print diffs, write nothing (same as ``check``)
    seedclean check SRC...         exit 1 when any file would change
    seedclean fix FILE...          clean in place, atomically (pre-commit)
    seedclean rules                list every rule
    seedclean explain FILE         show every finding of one file

Exit codes: 0 nothing to do / done; 1 files would change (check) or were
changed (fix); 2 usage or configuration error, or some input could not be read.
"""
from __future__ import annotations

import contextlib
import sys
from pathlib import Path

import click

from . import __version__
from .batch import clean_file, discover
from .console import github_annotations, json_line, make_console, print_diff, summary_table
from .reports.diff import unified_diff
from .reports.prepare import findings_for_diff
from .runner import UsageError, default_jobs, run as run_batch
from .selection import UnknownRuleError
from .settings import Settings
from .supervise import interrupt_exit_code, interrupts_raise

EXIT_OK, EXIT_CHANGED, EXIT_ERROR = 0, 1, 2


def _settings(ctx_obj: dict, select, ignore, config) -> Settings:
    """Build run settings: configuration file first, then command-line options."""
    from .config import ConfigError, load_settings

    try:
        settings = load_settings(
            config_path=Path(config) if config else None,
            select=select or None,
            ignore=ignore or None,
            start=Path.cwd(),
        )
    except (ConfigError, UnknownRuleError) as exc:
        raise click.UsageError(str(exc)) from exc
    return _with_limits(settings)


def _with_limits(settings: Settings) -> Settings:
    """Apply --time-budget / --max-file-size (kept in the click context) to the settings."""
    import dataclasses

    ctx = click.get_current_context(silent=True)
    meta = ctx.meta if ctx is not None else {}
    changes = {}
    if meta.get("seedclean.time_budget") is not None:
        changes["time_budget"] = meta["seedclean.time_budget"]
    if meta.get("seedclean.max_file_bytes") is not None:
        changes["max_file_bytes"] = meta["seedclean.max_file_bytes"]
    if meta.get("seedclean.html_details") is not None:
        changes["html_details"] = meta["seedclean.html_details"]
    return dataclasses.replace(settings, **changes) if changes else settings


def _store(key):
    def callback(ctx, _param, value):
        ctx.meta[key] = value
        return value
    return callback


def _parse_size(ctx, _param, value):
    if value is None:
        return None
    text = value.strip().upper().removesuffix("B")
    factor = {"K": 1024, "M": 1024 ** 2, "G": 1024 ** 3}.get(text[-1:], 1)
    try:
        number = float(text[:-1] if factor > 1 else text)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a size (e.g. 64M, 500K, 1G)") from None
    if number <= 0:
        raise click.BadParameter("must be positive")
    ctx.meta["seedclean.max_file_bytes"] = int(number * factor)
    return value


def _html_details(ctx, _param, value):
    if value is None:
        return None
    from .config import parse_html_details

    try:
        ctx.meta["seedclean.html_details"] = parse_html_details(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None
    return value


def limit_options(func):
    """--time-budget and --max-file-size (values go to the click context, read by _settings)."""
    func = click.option("--max-file-size", callback=_parse_size, expose_value=False, metavar="SIZE",
                        help="Report larger files instead of reading them (default 64M).")(func)
    func = click.option("--time-budget", type=click.FloatRange(min=0), callback=_store("seedclean.time_budget"),
                        expose_value=False, metavar="SECONDS",
                        help="Report a document that takes longer as timed out (default 20, or "
                             "time-budget in the configuration; 0 = no limit).")(func)
    return func


_common = [
    click.option("--select", multiple=True, metavar="CODES", help="Only these rule codes or prefixes (e.g. M,E3)."),
    click.option("--ignore", multiple=True, metavar="CODES", help="Skip these rule codes or prefixes."),
    click.option("--config", type=click.Path(dir_okay=False), help="Configuration file (default: nearest pyproject.toml with [tool.seedclean])."),
    click.option("--no-color", is_flag=True, help="No colour (NO_COLOR is honoured too)."),
    click.option("-q", "--quiet", is_flag=True, help="Print errors only."),
    click.option("-v", "--verbose", is_flag=True, help="Print every finding."),
]


def common_options(func):
    for option in reversed(_common):
        func = option(func)
    return func


def _error_line(rel_or_path: str, reason: str) -> None:
    from .paths import display_path

    click.echo(f"seedclean: error: {display_path(str(rel_or_path))}: {display_path(reason)}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="seedclean")
def main() -> None:
    """Clean scraped web-text seeds and explain every change.

    \b
    Exit codes:
      0  nothing to change, or done
      1  files would change (check, run --dry-run) or were changed (fix)
      2  usage or configuration error, or an input could not be read
    """


@main.command("run")
@click.argument("src", type=click.Path(path_type=Path))
@click.argument("dst", type=click.Path(path_type=Path), required=False)
@click.option("--dry-run", "--check", "dry_run", is_flag=True, help="Write nothing; print diffs; exit 1 if anything would change.")
@click.option("--diff/--no-diff", "show_diff", default=None, help="Print unified diffs (default: on for --dry-run).")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "github"]), default="text", show_default=True, help="Output format for findings.")
@click.option("-j", "--jobs", type=int, default=0, help="Worker processes (default: all cores).")
@click.option("--text-field", default="text", show_default=True, help="Field holding the text in JSONL/Parquet shards.")
@click.option("--engine", type=click.Choice(["local", "ray"]), default="local", show_default=True, help="Run on this machine, or on Ray Data.")
@click.option("--address", default=None, help="Ray cluster to join (--engine ray; default: start a local Ray).")
@click.option("--html-details", callback=_html_details, expose_value=False, metavar="N|all",
              help="Files shown side by side in report.html, the first of the run (default 1000; "
                   "the others are listed with their figures).")
@click.option("--resume", is_flag=True, callback=_store("seedclean.resume"), expose_value=False,
              help="Skip files whose output in DST, from an interrupted run with the same settings, is still valid.")
@limit_options
@common_options
def run_command(src, dst, dry_run, show_diff, fmt, jobs, text_field, engine, address, select, ignore, config, no_color, quiet, verbose):
    """Clean every file under SRC into DST (same relative paths) plus report.json and report.diff."""
    settings = _settings({}, select, ignore, config)
    if dst is None and not dry_run:
        raise click.UsageError("missing DST (or use --dry-run)")
    if engine == "ray":
        from .corpus.ray_engine import run_ray

        if dst is None or dry_run:
            raise click.UsageError("--engine ray needs DST and no --dry-run")
        try:
            summary = run_ray(src, dst, settings, address=address, text_field=text_field, num_cpus=jobs or None)
        except UsageError as exc:
            raise click.UsageError(str(exc)) from exc
        for result in summary.results:
            for note in result.notes:
                if note.startswith("bad record"):
                    click.echo(f"seedclean: warning: {note}", err=True)
            if result.status == "error":
                _error_line(result.rel, result.error)
        if not quiet:
            click.echo(f"wrote {len(summary.results) - len(summary.errors)} files, "
                       f"{dst / 'report.json'} and {dst / 'report.diff'}", err=True)
        sys.exit(EXIT_ERROR if summary.errors else EXIT_OK)
    sys.exit(_run(src, dst, settings, dry_run=dry_run, show_diff=show_diff, fmt=fmt,
                  jobs=jobs or default_jobs(), no_color=no_color, quiet=quiet, verbose=verbose,
                  text_field=text_field))


@main.command("check")
@click.argument("srcs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--diff/--no-diff", "show_diff", default=True, help="Print unified diffs.")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "github"]), default="text", show_default=True)
@click.option("-j", "--jobs", type=int, default=0, help="Worker processes (default: all cores).")
@limit_options
@common_options
def check_command(srcs, show_diff, fmt, jobs, select, ignore, config, no_color, quiet, verbose):
    """Dry run: print what would change; exit 1 if any file would change."""
    settings = _settings({}, select, ignore, config)
    worst = EXIT_OK
    for src in srcs:
        code = _run(src, None, settings, dry_run=True, show_diff=show_diff, fmt=fmt,
                    jobs=jobs or default_jobs(), no_color=no_color, quiet=quiet, verbose=verbose)
        worst = max(worst, code)
    sys.exit(worst)


#: a run over more files than this shows a progress bar on a terminal
PROGRESS_MIN_FILES = 20


def _progress_for(src, settings, console, *, show: bool):
    """The files of a run, and a progress bar when the run is long and stderr is a terminal."""
    if not show or not console.is_terminal or not Path(src).exists():
        return None, None
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from .runner import plan

    files = plan(Path(src), settings)
    if len(files) <= PROGRESS_MIN_FILES:
        return files, None
    bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                   TimeRemainingColumn(), console=console, transient=True)
    return files, bar


def _run(src, dst, settings, *, dry_run, show_diff, fmt, jobs, no_color, quiet, verbose, text_field="text") -> int:
    out = make_console(no_color=no_color)
    err = make_console(stderr=True, no_color=no_color)
    if show_diff is None:
        show_diff = dry_run

    def on_result(result):
        if result.status == "error":
            _error_line(result.rel, result.error)
        for note in result.notes:
            if note.startswith("bad record"):
                click.echo(f"seedclean: warning: {note}", err=True)
        if fmt == "json":
            click.echo(json_line(result))
        elif fmt == "github":
            for line in github_annotations(result):
                click.echo(line)
        elif result.status == "changed":
            if show_diff and not quiet:
                print_diff(out, unified_diff(result.original_text, result.cleaned_text, result.rel,
                                                findings_for_diff(result)))
            if verbose:
                for f in result.findings:
                    click.echo(f"{result.rel}:{f.line}: {f.code} {f.reason}")

    ctx = click.get_current_context(silent=True)
    resume = bool(ctx and ctx.meta.get("seedclean.resume"))
    files, progress = _progress_for(src, settings, err, show=fmt == "text" and not quiet)
    if progress is not None:
        task = progress.add_task("cleaning", total=len(files))
        report_result = on_result

        def on_result(result):  # noqa: F811 - the same callback, plus a progress tick
            report_result(result)
            progress.advance(task)

    try:
        with interrupts_raise(), (progress if progress is not None else contextlib.nullcontext()):
            # texts and findings travel back from the workers only when something prints them
            details = fmt != "text" or (show_diff and not quiet) or verbose
            summary = run_batch(src, dst, settings, jobs=jobs, dry_run=dry_run, on_result=on_result,
                                text_field=text_field, resume=resume, files=files, details=details)
    except UsageError as exc:
        raise click.UsageError(str(exc)) from exc
    except OSError as exc:
        _error_line(str(dst or src), exc.strerror or str(exc))
        return EXIT_ERROR
    except KeyboardInterrupt as exc:
        _error_line(str(dst or src), "interrupted; no partial output was left"
                    + ("; rerun with --resume to finish" if dst is not None and not dry_run else ""))
        return interrupt_exit_code(exc)
    if summary.resume_note and not quiet:
        click.echo(f"seedclean: {summary.resume_note}", err=True)
    if fmt == "text" and not quiet:
        err.print(summary_table(summary.results))
        if dst is not None and not dry_run:
            err.print(f"wrote {len(summary.results) - len(summary.errors)} files, "
                      f"{dst / 'report.json'}, {dst / 'report.diff'} and {dst / 'report.html'}")
    if summary.errors:
        return EXIT_ERROR
    if dry_run and summary.changed:
        return EXIT_CHANGED
    return EXIT_OK


@main.command("fix")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@limit_options
@common_options
def fix_command(files, select, ignore, config, no_color, quiet, verbose):
    """Clean FILES in place, atomically; exit 1 if any file was changed (pre-commit)."""
    from .runner import clean_all

    settings = _settings({}, select, ignore, config)
    wanted = []
    for given in files:
        for path, _rel in discover(given) if given.is_dir() else [(given, given.name)]:
            rel = str(path)
            if settings.wants(Path(rel), path):
                wanted.append((path, rel))
    stamps = {rel: _stamp(path) for path, rel in wanted}
    changed = errors = 0
    try:
        with interrupts_raise():
            for (path, rel), result in zip(wanted, clean_all(wanted, settings, 1)):
                if result.status == "error":
                    _error_line(rel, result.error)
                    errors += 1
                    continue
                if result.status != "changed":
                    continue
                problem = _replace_in_place(path, result.output_bytes, stamps[rel])
                if problem:
                    _error_line(rel, problem)
                    errors += 1
                    continue
                changed += 1
                if not quiet:
                    click.echo(f"fixed {rel} ({len(result.findings)} findings)")
                if verbose:
                    for f in result.findings:
                        click.echo(f"  {f.line}: {f.code} {f.reason}")
    except KeyboardInterrupt as exc:
        _error_line("fix", "interrupted; every file is either fully fixed or untouched")
        sys.exit(interrupt_exit_code(exc))
    if errors:
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_CHANGED if changed else EXIT_OK)


def _stamp(path: Path):
    try:
        st = path.stat()
        return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)
    except OSError:
        return None


def _replace_in_place(path: Path, data: bytes, stamp) -> str:
    """Atomically replace a source with its cleaned bytes; the reason when it was left as is.

    A symbolic link is followed (the link stays a link); a file changed since
    it was read is not overwritten; on any error the old file stays intact.
    """
    from .atomic import atomic_write_bytes

    if stamp is None or _stamp(path) != stamp:
        return "file changed while being cleaned; left as it is"
    try:
        target = path.resolve(strict=True)
        mode = target.stat().st_mode & 0o7777
        atomic_write_bytes(target, data, mode=mode)
    except OSError as exc:
        return f"cannot write: {exc.strerror or exc} (the file was left unchanged)"
    return ""


@main.command("rules")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable list.")
@common_options
def rules_command(as_json, select, ignore, config, no_color, quiet, verbose):
    """List every rule: code, name, description and an example."""
    import json

    from rich.table import Table

    from .detectors import all_rules

    selection = _settings({}, select, ignore, config).selection()
    rows = [(r.code, d.name, r.name, r.summary, r.example) for d, r in all_rules() if selection.enabled(r.code)]
    if as_json:
        click.echo(json.dumps([dict(zip(("code", "detector", "name", "summary", "example"), row)) for row in rows],
                              ensure_ascii=False, indent=1))
        return
    table = Table(header_style="bold")
    for col in ("code", "detector", "name", "what it removes or repairs", "example"):
        table.add_column(col, overflow="fold")
    for row in rows:
        table.add_row(*row)
    make_console(no_color=no_color).print(table)


@main.command("explain")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Findings as JSON.")
@common_options
def explain_command(file, as_json, select, ignore, config, no_color, quiet, verbose):
    """Show FILE with every finding highlighted, with its code and reason."""
    from .explain import explanation_dict, render_explanation

    settings = _settings({}, select, ignore, config)
    result = clean_file(file, str(file), settings)
    if result.status == "error":
        _error_line(str(file), result.error)
        sys.exit(EXIT_ERROR)
    if as_json:
        import json

        click.echo(json.dumps(explanation_dict(result), ensure_ascii=False, indent=1))
    else:
        render_explanation(make_console(no_color=no_color), result, quiet=quiet, verbose=verbose)
    sys.exit(EXIT_OK)


if __name__ == "__main__":  # pragma: no cover
    main()
