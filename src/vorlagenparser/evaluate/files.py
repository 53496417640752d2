"""The entry point: truth files under a folder, each paired with its output file, both read and
checked, then scored."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from ..errors import VorlagenparserError
from .calibration import read_provenance
from .checkboxes import _boxes, pair_boxes
from .fields import compare_fields
from .keys import _CHECKBOX_KEYS, _IGNORED_TRUTH_KEYS, CONTENT_KEYS, ROW_FIELDS, UNTERZEICHNUNG_KEYS
from .report import DocumentResult, EvalReport


def evaluate(outdir: Path, truthdir: Path) -> EvalReport:
    """Score every ``*.truth.json`` under ``truthdir`` against ``X.json`` found under ``outdir``.

    A missing or unreadable output counts as all fields wrong; a broken truth file raises.
    """
    for folder in (outdir, truthdir):
        if not folder.is_dir():
            raise VorlagenparserError("not a folder", path=folder)
    truths = sorted(truthdir.rglob("*.truth.json"))
    if not truths:
        raise VorlagenparserError("no *.truth.json files found", path=truthdir)
    outputs = _index_outputs(outdir)
    return EvalReport(tuple(_evaluate_one(t, truthdir, outdir, outputs) for t in truths))


def _evaluate_one(truth_path: Path, truthdir: Path, outdir: Path,
                  outputs: Mapping[str, Sequence[Path]]) -> DocumentResult:
    relative = truth_path.relative_to(truthdir)
    stem = relative.name.removesuffix(".truth.json")
    output_path = _pick_output(outdir / relative.parent / f"{stem}.json", outputs.get(stem, ()))
    return evaluate_document(truth_path, output_path, (relative.parent / stem).as_posix())


def evaluate_document(truth_path: Path, output_path: Path | None,
                      name: str | None = None) -> DocumentResult:
    """Score one output file (``None``: there is none) against one truth file.

    ``name`` labels the result (default: the truth file's name without ``.truth.json``).
    """
    truth = _load_truth(truth_path)
    output, note = _load_output(output_path)
    boxes = pair_boxes(_boxes(truth.get("checkboxes")),
                       None if output is None else _boxes(output.get("checkboxes")))
    return DocumentResult(name or truth_path.name.removesuffix(".truth.json"), truth_path,
                          output_path, tuple(compare_fields(truth, output)), boxes, note,
                          provenance={} if output is None else read_provenance(output),
                          needs_review=None if output is None else output.get("needs_review") is True)


def _index_outputs(outdir: Path) -> dict[str, list[Path]]:
    index: dict[str, list[Path]] = {}
    for path in sorted(outdir.rglob("*.json")):
        if not path.name.endswith(".truth.json"):
            index.setdefault(path.name.removesuffix(".json"), []).append(path)
    return index


def _pick_output(mirrored: Path, candidates: Sequence[Path]) -> Path | None:
    # The same sub-folder as the truth file wins; otherwise the name must be unique.
    if mirrored.is_file():
        return mirrored
    if len(candidates) > 1:
        listed = ", ".join(str(c) for c in candidates[:3])
        raise VorlagenparserError(
            f"{len(candidates)} outputs could belong to {mirrored.name} ({listed}); "
            "keep outputs in the same sub-folders as their truth files", path=mirrored.parent)
    return candidates[0] if candidates else None


def _load_truth(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise VorlagenparserError(f"cannot read truth file: {exc}", path=path) from exc
    problems = truth_problems(data)
    if problems:
        raise VorlagenparserError("broken truth file: " + "; ".join(problems[:5]), path=path)
    assert isinstance(data, dict)  # truth_problems guarantees it
    return {k: v for k, v in data.items() if k not in _IGNORED_TRUTH_KEYS}


def _load_output(path: Path | None) -> tuple[dict[str, Any] | None, str | None]:
    if path is None:
        return None, "no output file"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        return None, f"output is not readable JSON: {exc}"
    if not isinstance(data, dict):
        return None, "output is not a JSON object"
    return data, None


def truth_problems(data: object) -> list[str]:
    """Structural mistakes in a truth file; a typo'd key must not silently score as "absent"."""
    if not isinstance(data, dict):
        return ["top level must be an object"]
    problems = [f"unknown key {k!r}" for k in data
                if k not in CONTENT_KEYS and k not in _IGNORED_TRUTH_KEYS]
    for table, keys in ROW_FIELDS.items():
        problems += _row_problems(table, data.get(table), frozenset(keys))
    problems += _row_problems("checkboxes", data.get("checkboxes"), _CHECKBOX_KEYS)
    unterzeichnung = data.get("unterzeichnung")
    if unterzeichnung is not None:
        problems += _row_problems("unterzeichnung", [unterzeichnung],
                                  frozenset(UNTERZEICHNUNG_KEYS))
    if not isinstance(data.get("anlagen", []), list):
        problems.append("anlagen must be a list")
    return problems


def _row_problems(name: str, rows: object, keys: frozenset[str]) -> list[str]:
    if rows is None:
        return []
    if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
        return [f"{name} must be a list of objects"]
    return [f"unknown key {name}[{i}].{k}" for i, row in enumerate(rows) for k in row
            if k not in keys]
