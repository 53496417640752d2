"""`vorlagenparser eval`: score an output folder against the truth files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..errors import ExitCode, OutputError
from .console import err, error_line, escape, out, warn_line

if TYPE_CHECKING:
    from rich.table import Table

    from ..evaluate import Calibration, DocumentResult, EvalReport, FlagStats

# Long values are cut in the mismatch list; the JSON report keeps them whole.
_MAX_VALUE = 70


@click.command("eval")
@click.argument("outdir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.argument("truthdir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--json", "json_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write the full report (with every mismatch) as JSON to this file.")
@click.option("--min-field-accuracy", type=click.FloatRange(0.0, 1.0), metavar="F",
              help="Exit 1 when the overall field accuracy (0–1) is below F.")
@click.option("--min-checkbox-accuracy", type=click.FloatRange(0.0, 1.0), metavar="F",
              help="Exit 1 when the checkbox accuracy (0–1) is below F.")
@click.option("--details", is_flag=True, help="List every wrong field and checkbox per document.")
@click.pass_context
def command(ctx: click.Context, outdir: Path, truthdir: Path, json_path: Path | None,
            min_field_accuracy: float | None, min_checkbox_accuracy: float | None,
            details: bool) -> None:
    """Compare extracted OUTDIR/**/X.json with TRUTHDIR/**/X.truth.json and print accuracies."""
    from ..evaluate import evaluate

    report = evaluate(outdir, truthdir)
    if json_path is not None:
        _write_report(report, json_path)
    out.print(_field_table(report))
    out.print(_summary(report))
    _print_calibration(report.calibration)
    if details:
        for document in report.documents:
            _print_document(document)
    failures = _below_minimums(report, min_field_accuracy, min_checkbox_accuracy)
    for failure in failures:
        error_line(failure)
    if failures:
        ctx.exit(ExitCode.failure)


def _write_report(report: EvalReport, path: Path) -> None:
    text = json.dumps(report.to_dict(), ensure_ascii=False, indent=2, default=str) + "\n"
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise OutputError(f"cannot write the report: {exc.strerror or exc}", path=path) from exc
    err.print(f"report written to {escape(str(path))}")


def _field_table(report: EvalReport) -> Table:
    from rich.table import Table

    table = Table(title="Field accuracy")
    table.add_column("field")
    table.add_column("correct", justify="right")
    table.add_column("total", justify="right")
    table.add_column("accuracy", justify="right")
    for stats in report.per_field:
        table.add_row(escape(stats.group), str(stats.correct), str(stats.total),
                      _percent(stats.accuracy))
    table.add_section()
    table.add_row("[bold]all fields[/]", str(report.fields_correct), str(report.fields_total),
                  f"[bold]{_percent(report.field_accuracy)}[/]")
    return table


def _summary(report: EvalReport) -> str:
    boxes = report.checkboxes
    missing = sum(d.note is not None for d in report.documents)
    similarities = report.long_text_similarities
    return "\n".join([
        f"documents: {len(report.documents)} ({missing} without usable output)",
        f"field accuracy: {_percent(report.field_accuracy)} "
        f"({report.fields_correct}/{report.fields_total})",
        f"checkbox accuracy: {_percent(boxes.accuracy)} ({boxes.correct}/{boxes.total}); "
        f"false positives {boxes.false_positives}, false negatives {boxes.false_negatives}",
        f"checkboxes found: {boxes.found}/{boxes.total}; missed {boxes.missed}, "
        f"phantoms {boxes.phantoms} (output boxes where the truth has none)",
        f"checkbox ties, of the boxes found: label {_percent(boxes.label_accuracy)} "
        f"({boxes.labels_correct}/{boxes.found}), field {_percent(boxes.field_accuracy)} "
        f"({boxes.fields_correct}/{boxes.found})",
        f"mean long-text similarity: {_percent(report.mean_long_text_similarity)} "
        f"over {len(similarities)} text(s)",
    ])


def _print_calibration(calibration: Calibration) -> None:
    if not calibration.values:
        return
    out.print(_bucket_table(calibration))
    out.print(_field_flag_table(calibration.per_field))
    out.print(_kind_flag_table([*calibration.per_kind, calibration.overall]))
    out.print("recall: of the wrong values, the share flagged; "
              "false flags: of the right values, the share flagged")
    out.print(f"phantom checkboxes (no truth box to judge them by): {calibration.phantoms}, "
              f"flagged {calibration.phantoms_flagged}")
    unflagged = calibration.unflagged_documents
    out.print(f"documents with a wrong value and no needs_review at all: {len(unflagged)}"
              + (f" ({escape(', '.join(unflagged))})" if unflagged else ""))


def _bucket_table(calibration: Calibration) -> Table:
    from rich.table import Table

    table = Table(title="Confidence calibration (non-null output values)")
    table.add_column("confidence")
    table.add_column("values", justify="right")
    table.add_column("right", justify="right")
    table.add_column("share right", justify="right")
    for bucket in calibration.buckets:
        table.add_row(bucket.label, str(bucket.total), str(bucket.right),
                      _percent(bucket.share_right))
    return table


def _field_flag_table(rows: list[FlagStats]) -> Table:
    from rich.table import Table

    # Two columns of "share (flagged/of)", so that the longest field names fit 80 characters.
    table = Table(title="needs_review per field")
    table.add_column("field", no_wrap=True)
    table.add_column("recall", justify="right")
    table.add_column("false flags", justify="right")
    for stats in rows:
        table.add_row(escape(stats.name),
                      _share(stats.recall, stats.wrong_flagged, stats.wrong),
                      _share(stats.false_flag_rate, stats.right_flagged, stats.right))
    return table


def _share(value: float | None, part: int, whole: int) -> str:
    return "–" if value is None else f"{value:.0%} ({part}/{whole})"


def _kind_flag_table(rows: list[FlagStats]) -> Table:
    from rich.table import Table

    table = Table(title="needs_review per kind of field")
    table.add_column("kind", no_wrap=True)
    for name in ("wrong", "flagged", "recall", "right", "flagged", "false flags"):
        table.add_column(name, justify="right")
    for stats in rows:
        if stats.name == "all values":
            table.add_section()
        table.add_row(escape(stats.name), str(stats.wrong), str(stats.wrong_flagged),
                      _percent(stats.recall), str(stats.right), str(stats.right_flagged),
                      _percent(stats.false_flag_rate))
    return table


def _print_document(document: DocumentResult) -> None:
    wrong = document.mismatches
    if not wrong and not document.checkbox_issues and document.note is None:
        return
    out.print(f"\n[bold]{escape(document.name)}[/]" +
              (f"  ({escape(document.note)})" if document.note else ""))
    for result in wrong:
        similarity = "" if result.similarity is None else f"  [{result.similarity:.3f}]"
        out.print(f"  {escape(result.path)}: expected {escape(_value(result.expected))}, "
                  f"got {escape(_value(result.got))}{escape(similarity)}")
    for issue in document.checkbox_issues:
        out.print(f"  checkbox {issue.kind} p.{issue.page} {escape(str(list(issue.bbox)))} "
                  f"{escape(repr(issue.label))}: expected {escape(_value(issue.expected))}, "
                  f"got {escape(_value(issue.got))}")


def _below_minimums(report: EvalReport, min_fields: float | None,
                    min_boxes: float | None) -> list[str]:
    failures = []
    accuracy = report.field_accuracy or 0.0
    if min_fields is not None and accuracy < min_fields:
        failures.append(f"field accuracy {_percent(accuracy)} is below {_percent(min_fields)}")
    box_accuracy = report.checkboxes.accuracy
    if min_boxes is not None and box_accuracy is None:
        warn_line("no truth checkboxes, so --min-checkbox-accuracy was not applied")
    elif min_boxes is not None and box_accuracy is not None and box_accuracy < min_boxes:
        failures.append(
            f"checkbox accuracy {_percent(box_accuracy)} is below {_percent(min_boxes)}")
    return failures


def _percent(value: float | None) -> str:
    return "–" if value is None else f"{value:.1%}"


def _value(value: object) -> str:
    from ..evaluate import MISSING

    if value is MISSING:
        return repr(value)
    text = json.dumps(value, ensure_ascii=False, default=repr)
    return text if len(text) <= _MAX_VALUE else text[:_MAX_VALUE - 1] + "…"
