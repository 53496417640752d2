"""`vorlagenparser batch`: convert folders of documents in parallel, resumably."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from .limit_options import limit_options, pop_limits

DEFAULT_DB_NAME = "vorlagen.sqlite"


@click.command("batch")
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--out", "out_dir", required=True,
              type=click.Path(file_okay=False, path_type=Path),
              help="Folder for <name>.json per input, the database and the resume state.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes [default: number of cores].")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=300.0,
              show_default=True, help="Seconds per file before its worker is stopped.")
@limit_options
@click.option("--max-tasks-per-child", type=click.IntRange(min=1), default=20,
              show_default=True, help="Files per worker process before it is replaced.")
@click.option("--jsonl", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write one line per document to this JSON Lines file.")
@click.option("--db", help=f"SQLite file or postgresql:// URL [default: OUT/{DEFAULT_DB_NAME}].")
@click.option("--no-db", is_flag=True, help="Write no database.")
@click.option("--profile", help="Layout profile name or TOML file [default: chosen per file].")
@click.option("--profiles", "profiles_dir", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Folder of user profiles; each file gets the one whose match keywords fit "
                   "[default: $XDG_CONFIG_HOME/vorlagenparser/profiles when it exists].")
@click.option("--ocr", type=click.Choice(["auto", "always", "never"]), default="auto",
              show_default=True)
@click.option("--languages", default="deu", show_default=True, help="Tesseract languages.")
@click.option("--retry-failed/--skip-failed", default=True, show_default=True,
              help="Try files again that failed in an earlier run.")
@click.option("--archive", is_flag=True,
              help="Also write OUT/<name>.pdf (searchable PDF/A-2b) and OUT/<name>.alto.xml "
                   "(ALTO 4 full text).")
@click.option("--executor", "executor_name", type=click.Choice(["process", "dask"]),
              default="process", show_default=True)
@click.option("--scheduler", help="Dask scheduler address, e.g. tcp://host:8786.")
@click.option("--extractor", default=None, hidden=True,
              help="module:function to extract one file (tests inject fakes here).")
def command(inputs: tuple[str, ...], out_dir: Path, jobs: int | None, timeout: float,
            max_tasks_per_child: int, jsonl: Path | None, db: str | None,
            no_db: bool, profile: str | None, profiles_dir: Path | None, ocr: str, languages: str,
            retry_failed: bool, archive: bool, executor_name: str, scheduler: str | None,
            extractor: str | None, **limits: Any) -> int:
    """Convert INPUT files, folders or globs into OUT/<name>.json and a database.

    Re-running the same command skips what is already converted. Bad files are reported one
    line each and listed in OUT/failures.jsonl; the exit code is 10 when some failed. Every
    run writes OUT/run-<UTC time>.json, which 'vorlagenparser verify OUT' checks against.
    """
    from ..batch import DEFAULT_EXTRACTOR, DaskExecutor, Executor, ProcessExecutor, run_batch
    from ..batch.worker import preload_modules
    from ..options import ExtractOptions
    from ..profiles import user_profiles_dir
    from ..writers import Writer, create, database_writer
    from .progress import batch_progress, render_summary

    if no_db and db:
        raise click.UsageError("--db and --no-db exclude each other")
    if scheduler and executor_name != "dask":
        raise click.UsageError("--scheduler needs --executor dask")
    extractor = extractor or DEFAULT_EXTRACTOR
    options = ExtractOptions.model_validate(
        {"profile": profile, "ocr": ocr, "languages": languages,
         "profiles": user_profiles_dir(profiles_dir, profile), **pop_limits(limits)})
    writers: list[Writer] = [create("jsonl", jsonl)] if jsonl else []
    if not no_db:
        writers.append(database_writer(db or str(out_dir / DEFAULT_DB_NAME)))
    executor: Executor = (
        DaskExecutor(scheduler) if executor_name == "dask" else
        ProcessExecutor(jobs, timeout_s=timeout, max_tasks_per_child=max_tasks_per_child,
                        preload=preload_modules(extractor)))
    with batch_progress() as progress:
        report = run_batch(inputs, out_dir, options=options, writers=writers, executor=executor,
                           extractor=extractor, retry_failed=retry_failed, progress=progress,
                           archive=archive)
    render_summary(report, out_dir)
    return report.exit_code
