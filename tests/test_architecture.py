"""The dependency direction of STYLE.md, checked on the imports of every module."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parent.parent / "src" / "vorlagenparser"
LEAVES = {"errors", "geometry"}
# Module (or package) → packages of ours it must never import.
FORBIDDEN = {
    "errors": {"*"},
    "geometry": {"*"},
    "pagemodel": {"load", "ocr", "checkboxes", "layout", "batch", "writers", "cli", "pipeline"},
    "model": {"load", "ocr", "checkboxes", "layout", "batch", "writers", "cli", "pipeline"},
    "layout": {"load", "ocr", "batch", "writers", "cli", "pipeline"},
    "checkboxes": {"layout", "batch", "writers", "cli", "pipeline"},
    "load": {"layout", "checkboxes", "batch", "writers", "cli", "pipeline"},
    "writers": {"load", "ocr", "checkboxes", "layout", "cli", "pipeline"},
    "pipeline": {"batch", "writers", "cli"},
    # The search language and word forms are pure: databases run its SQL, not the reverse.
    "search": {"load", "ocr", "checkboxes", "layout", "batch", "writers", "cli", "pipeline",
               "profiles"},
    # Corrections are pure functions over the model; batch and review apply them.
    "corrections": {"load", "ocr", "checkboxes", "layout", "batch", "writers", "cli", "pipeline",
                    "review"},
    # The review tool shows and changes results; it never runs the extraction.
    "review": {"ocr", "checkboxes", "layout", "pipeline", "cli"},
}
THIRD_PARTY_HOME = {"click": {"cli"}, "rich": {"cli"}, "pdfplumber": {"load"},
                    "sqlite3": {"writers", "batch"}, "psycopg": {"writers"},
                    "Stemmer": {"search"}, "flask": {"review"}, "werkzeug": {"review"},
                    "jinja2": {"review"}}


def _modules() -> list[Path]:
    return sorted(PKG.rglob("*.py"))


def _ours(path: Path, node: ast.ImportFrom) -> str | None:
    """The top-level package of ours a relative import reaches, e.g. 'layout'."""
    if node.level == 0:
        mod = node.module or ""
        return mod.split(".")[1] if mod.startswith("vorlagenparser.") else None
    parts = list(path.relative_to(PKG).with_suffix("").parts)
    base = parts[: len(parts) - node.level]
    target = [*base, *(node.module.split(".") if node.module else [])]
    if not target:
        names = [a.name for a in node.names]
        return names[0] if names else None
    return target[0]


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PKG)))
def test_imports_follow_the_layers(path: Path) -> None:
    top = path.relative_to(PKG).with_suffix("").parts[0]
    banned = FORBIDDEN.get(top, set())
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            target = _ours(path, node)
            if target and target != top:
                assert "*" not in banned and target not in banned, f"{top} imports {target}"
        if isinstance(node, ast.Import | ast.ImportFrom):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
            for name in names:
                home = THIRD_PARTY_HOME.get(name.split(".")[0])
                if home is not None and node.col_offset >= 0:
                    assert top in home, f"{top} imports {name}"
