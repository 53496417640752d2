"""The dependency direction of STYLE.md as an explicit whitelist of import edges.

A *unit* is a top-level module or subpackage of ``vorlagenparser`` (``layout``, ``pipeline``, …);
the package's own ``__init__`` (the public API) is the unit ``vorlagenparser``. Every import of
every module is read with ``ast``: absolute and relative, at module level or inside a function
(lazy), under ``TYPE_CHECKING`` too, and ``importlib.import_module("vorlagenparser.…")`` with a
constant name. An edge from one unit to another must be whitelisted below; the whitelist itself
must point down the data flow

    load → ocr → checkboxes → layout → validate → pipeline → writers → archive → batch → cli

with the shared utilities at the bottom, importable from every stage above them.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parent.parent / "src" / "vorlagenparser"
FACADE = "vorlagenparser"  # the package's __init__: the public API

# Every unit, from the bottom up. An edge may only point to a unit listed earlier.
LAYERS = (
    # Shared utilities; the first ones are leaves that import nothing of ours.
    "errors", "geometry", "disjoint", "lazy", "collector", "heap", "filenames", "limits", "options",
    "parsing", "pagemodel", "paper", "inkblobs", "model", "profiles",
    # Pure functions over the model and the contract.
    "search", "corrections", "schema", "jsonvalidate",
    # The extraction stages, in the order the data flows.
    "load", "ocr", "checkboxes", "layout", "reading", "trust", "validate", "pipeline", "inspect",
    # What is done with the results.
    "writers", "archive", "batch", "evaluate", "review",
    # The public API and the shell around it.
    FACADE, "cli", "__main__",
)
SHARED = frozenset({"errors", "geometry", "disjoint", "lazy", "collector", "heap", "filenames",
                    "options", "parsing", "limits", "pagemodel", "paper", "inkblobs", "model",
                    "profiles"})

# Unit → the units it may import besides the shared utilities. For the shared utilities
# themselves and for the pure units this is all they may import.
ALLOWED: dict[str, frozenset[str]] = {k: frozenset(v) for k, v in {
    "errors": (),
    "geometry": (),
    "disjoint": (),
    "lazy": (),
    # How our own processes set the garbage collector and glibc's allocator (leaves).
    "collector": (),
    "heap": (),
    "filenames": (),
    # The limits' defaults live in `limits`, so the CLI shows them without loading pydantic.
    "options": ("limits",),
    "parsing": (),
    "limits": ("errors",),
    "pagemodel": ("geometry",),
    "paper": ("pagemodel",),
    # Blobs of ink and their sizes, for the OCR's second looks and the raster checkboxes.
    "inkblobs": ("pagemodel",),
    "model": (),
    # TODO(lead): profiles (a shared utility) imports layout.normalize.fold lazily in
    # select_profile; move the text folding below both (e.g. into parsing/) to drop this edge.
    "profiles": ("errors", "layout"),
    # The search language and word forms are pure: databases run its SQL, not the reverse.
    "search": ("errors",),
    # Corrections are pure functions over the model; writers, batch and review apply them.
    "corrections": ("errors", "geometry", "model", "parsing"),
    "schema": (),
    "jsonvalidate": ("schema",),
    "load": (),
    "ocr": ("load",),
    "checkboxes": (),
    "layout": (),
    # The reading stages, without the layout stage but for its label vocabulary (`layout.vocab`):
    # the extract command's child reads a file while the command loads the layout stage.
    "reading": ("load", "ocr", "checkboxes", "layout"),
    # Review flags over the finished model; validation raises them.
    "trust": (),
    "validate": ("layout", "trust"),
    # TODO(lead): pipeline, archive and batch import __version__ from the package's __init__
    # (the public API, which itself imports pipeline): move the version into a leaf module.
    "pipeline": ("ocr", "layout", "reading", "validate", FACADE),
    "inspect": ("load", "layout", "pipeline"),
    "writers": ("corrections", "search"),
    "archive": ("ocr", "pipeline", "writers", FACADE),
    "batch": ("load", "reading", "pipeline", "corrections", "writers", "archive", FACADE),
    # The scorer reads JSON files; it must not share code with what it scores.
    "evaluate": ("errors", "model"),
    # The review tool shows and changes results; it never runs the extraction itself.
    "review": ("load", "corrections", "writers", "archive", "batch"),
    FACADE: ("pipeline",),
    "cli": ("schema", "jsonvalidate", "search", "inspect", "writers", "archive", "batch",
            "evaluate", "review", FACADE),
    "__main__": ("cli",),
}.items()}
# Units whose whitelist is exact: no blanket access to the shared utilities.
EXACT = SHARED | {"search", "corrections", "evaluate"}
# Edges of today's graph that point up the layers; each has a TODO(lead) above.
UPWARD = frozenset({("profiles", "layout"), ("pipeline", FACADE), ("archive", FACADE),
                    ("batch", FACADE)})

THIRD_PARTY_HOME = {"click": {"cli"}, "rich": {"cli"}, "pdfplumber": {"load"},
                    "sqlite3": {"writers", "batch"}, "psycopg": {"writers"},
                    "Stemmer": {"search"}, "flask": {"review"}, "werkzeug": {"review"},
                    "jinja2": {"review"}}


def unit_of(path: Path, root: Path) -> str:
    parts = path.relative_to(root).with_suffix("").parts
    return FACADE if parts == ("__init__",) else parts[0]


def _is_unit(name: str, root: Path) -> bool:
    return (root / name).is_dir() or (root / f"{name}.py").is_file()


def _package_of(path: Path, root: Path) -> list[str]:
    parts = list(path.relative_to(root).with_suffix("").parts)
    return parts[:-1]  # a module's package; for an __init__ the package it opens


def _targets(path: Path, root: Path, node: ast.AST) -> Iterator[str]:
    """The units of ours that one import node reaches."""
    if isinstance(node, ast.Import):
        for alias in node.names:
            yield from _absolute(alias.name, [], root)
    elif isinstance(node, ast.ImportFrom):
        names = [alias.name for alias in node.names]
        if node.level == 0:
            yield from _absolute(node.module or "", names, root)
            return
        package = _package_of(path, root)
        if node.level - 1 > len(package):
            raise AssertionError(f"{path}:{node.lineno}: relative import beyond the package")
        base = package[: len(package) - (node.level - 1)]
        full = base + (node.module.split(".") if node.module else [])
        yield from _resolve(full, names, root)
    elif (isinstance(node, ast.Call) and _called_name(node.func) == "import_module"
          and node.args and isinstance(node.args[0], ast.Constant)
          and isinstance(node.args[0].value, str)):
        yield from _absolute(node.args[0].value, [], root)


def _called_name(func: ast.expr) -> str | None:
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else None


def _absolute(module: str, names: list[str], root: Path) -> Iterator[str]:
    parts = module.split(".")
    if parts[0] == "vorlagenparser":
        yield from _resolve(parts[1:], names, root)


def _resolve(parts: list[str], names: list[str], root: Path) -> Iterator[str]:
    if parts:
        yield parts[0]
        return
    # "from vorlagenparser import x" / "from .. import x": a unit, or a name of the API.
    for name in names or [FACADE]:
        yield name if _is_unit(name, root) else FACADE


def import_edges(root: Path) -> dict[tuple[str, str], list[str]]:
    """(importing unit, imported unit) → where, as "file:line", for every import in ``root``."""
    edges: dict[tuple[str, str], list[str]] = {}
    for path in sorted(root.rglob("*.py")):
        source = unit_of(path, root)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            for target in _targets(path, root, node):
                if target != source:
                    where = f"{path.relative_to(root)}:{getattr(node, 'lineno', 0)}"
                    edges.setdefault((source, target), []).append(where)
    return edges


def allowed(source: str, target: str) -> bool:
    if target in ALLOWED.get(source, ()):
        return True
    return target in SHARED and source not in EXACT and source in LAYERS


def violations(root: Path) -> list[str]:
    return [f"{source} imports {target} ({', '.join(where)})"
            for (source, target), where in sorted(import_edges(root).items())
            if not allowed(source, target)]


def test_every_unit_has_a_place_in_the_layers() -> None:
    units = {unit_of(p, PKG) for p in PKG.rglob("*.py")}
    assert units - set(LAYERS) == set(), "place the new unit in LAYERS and ALLOWED"
    assert set(ALLOWED) == set(LAYERS)


def test_imports_follow_the_whitelist() -> None:
    assert violations(PKG) == []


def test_whitelist_points_down_the_layers() -> None:
    rank = {unit: i for i, unit in enumerate(LAYERS)}
    upward = {(s, t) for s, targets in ALLOWED.items() for t in targets if rank[t] >= rank[s]}
    assert upward == UPWARD  # nothing new; and a mended TODO is struck from UPWARD too


def test_whitelist_has_no_stale_edges() -> None:
    """An edge nobody uses any more is dropped, so it cannot come back unnoticed."""
    used = set(import_edges(PKG))
    stale = {(s, t) for s, targets in ALLOWED.items() for t in targets} - used
    assert stale == set()


def test_only_the_cli_uses_the_review_app_and_the_scorer() -> None:
    for unit in ("review", "evaluate", "inspect"):
        assert [s for s, targets in ALLOWED.items() if unit in targets] == ["cli"], unit


@pytest.mark.parametrize("path", sorted(PKG.rglob("*.py")), ids=lambda p: str(p.relative_to(PKG)))
def test_outside_systems_are_touched_from_their_home_only(path: Path) -> None:
    unit = unit_of(path, PKG)
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            names = [node.module or ""]
        else:
            continue
        for name in names:
            home = THIRD_PARTY_HOME.get(name.split(".")[0])
            assert home is None or unit in home, f"{unit} imports {name} (line {node.lineno})"


FAKE_MODULES = {
    "__init__.py": "__version__ = '0'\n",
    "errors.py": "",
    "geometry.py": "",
    "cli/__init__.py": "def main() -> None: ...\n",
    "review/__init__.py": "",
    "layout/__init__.py": "",
    "layout/ties.py": "from .. import errors\nfrom ..geometry import x\nfrom . import other\n",
    "layout/other.py": "def f() -> None:\n    from ..cli import main\n",
    "ocr/__init__.py": "",
    "ocr/engine.py": "def f() -> None:\n    import vorlagenparser.layout.ties\n",
    "checkboxes/__init__.py": "from .. import review, __version__\n",
    "load/__init__.py": "import importlib\nm = importlib.import_module('vorlagenparser.cli')\n",
}


def test_the_checker_finds_new_edges(tmp_path: Path) -> None:
    root = tmp_path / "vorlagenparser"
    for name, text in FAKE_MODULES.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    edges = import_edges(root)
    assert set(edges) == {("layout", "errors"), ("layout", "geometry"), ("layout", "cli"),
                          ("ocr", "layout"), ("checkboxes", "review"), ("checkboxes", FACADE),
                          ("load", "cli")}
    assert edges[("ocr", "layout")] == ["ocr/engine.py:2"]  # lazy, inside a function
    assert [v.split(" (")[0] for v in violations(root)] == [
        "checkboxes imports review", "checkboxes imports vorlagenparser", "layout imports cli",
        "load imports cli", "ocr imports layout"]
    # An import that climbs out of the package is refused, not guessed.
    (root / "layout/other.py").write_text("from ... import cli\n", encoding="utf-8")
    with pytest.raises(AssertionError, match="beyond the package"):
        import_edges(root)
