"""From a layout's PLANS to documents and files: the start of every build() and generate()."""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from _samples.common import Look, Rendered, fix_bullets, random_look
from _samples.content import DocSpec, make_doc
from _samples.doc import Doc

V = TypeVar("V")


def plan_doc(
    rng: random.Random,
    plan: dict[str, Any],
    *,
    town: str,
    year: int,
    vorlagenart: str,
    nummer: str,
    n_folge: int | None = None,
    bullets: bool | None = None,
    sentences_per_para: tuple[int, int] = (2, 4),
) -> Doc:
    """make_doc for one of a layout's PLANS: n_begr and topic, and unless given here n_folge and
    bullets (default on), come from the plan."""
    spec = DocSpec(
        town=town,
        year=year,
        vorlagenart=vorlagenart,
        nummer=nummer,
        n_folge=int(plan["n_folge"]) if n_folge is None else n_folge,
        n_begr=int(plan["n_begr"]),
        sentences_per_para=sentences_per_para,
        bullets=bool(plan.get("bullets", True)) if bullets is None else bullets,
        topic=str(plan["topic"]),
    )
    return make_doc(rng, spec)


def plan_look(
    rng: random.Random,
    plan: dict[str, Any],
    doc: Doc,
    size: tuple[float, float] | None = None,
    **kwargs: Any,
) -> Look:
    """random_look from a plan's "families" and "size" (unless ``size`` is given), with the
    doc's bullets fixed for it (see :func:`fix_bullets`)."""
    look = random_look(rng, plan["families"], size=plan["size"] if size is None else size, **kwargs)
    fix_bullets(doc, look)
    return look


def render_plans(
    stem: str,
    count: int,
    build: Callable[[int], tuple[Doc, V]],
    render: Callable[[Doc, V, Path, int], Rendered],
    out_dir: Path,
) -> list[Rendered]:
    """Build and render a layout's samples 0..count-1 as ``<stem>_01.pdf``, ``<stem>_02.pdf``, ..."""
    results = []
    for index in range(count):
        doc, variant = build(index)
        results.append(render(doc, variant, out_dir / f"{stem}_{index + 1:02d}.pdf", index))
    return results
