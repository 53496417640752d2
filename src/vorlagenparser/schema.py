"""JSON Schemas generated from the pydantic models, and the check that the committed ones agree.

The models are the source of truth; ``schemas/*.schema.json`` in the repository are generated
artefacts for people and tools outside Python. Checking and writing them needs a source checkout;
an installed package can only print them.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Final

from pydantic import BaseModel
from pydantic.json_schema import JsonSchemaMode

from .errors import OutputError, VorlagenparserError
from .model import SCHEMA_VERSION, Vorlage

JSON_SCHEMA_DIALECT: Final = "https://json-schema.org/draft/2020-12/schema"
# No public URL exists for the project, so the ids are URNs (valid URIs that promise no download).
_ID_PREFIX: Final = "urn:vorlagenparser:schema"
_MAX_DIFF_VALUE: Final = 80


def generate_schema() -> dict[str, Any]:
    """The output contract (:class:`~vorlagenparser.model.Vorlage`) as JSON Schema 2020-12."""
    return _wrap(
        Vorlage,
        mode="serialization",  # the output as written: every contract key present, null allowed
        schema_id=f"{_ID_PREFIX}:beschlussvorlage:{SCHEMA_VERSION}",
        title="Beschlussvorlage",
        description=(
            "One German municipal council document (Beschlussvorlage, Drucksache, Antrag) as "
            f"extracted by vorlagenparser, schema version {SCHEMA_VERSION}. Generated from "
            "vorlagenparser.model.Vorlage; do not edit by hand."),
    )


def generate_profile_schema() -> dict[str, Any] | None:
    """The layout profile format, or None while ``vorlagenparser.profiles.model`` is absent."""
    profile = _optional_model("vorlagenparser.profiles.model", "Profile")
    if profile is None:
        return None
    return _wrap(
        profile,
        schema_id=f"{_ID_PREFIX}:profile",
        title="vorlagenparser layout profile",
        description=("A layout profile (label synonyms, sections, checkbox mappings, table "
                     "headers). Generated from vorlagenparser.profiles.model.Profile; do not "
                     "edit by hand."),
    )


def generated_schemas() -> dict[str, dict[str, Any]]:
    """File name → schema, for every model that exists in this version of the package."""
    makers: dict[str, Callable[[], dict[str, Any] | None]] = {
        "beschlussvorlage.schema.json": generate_schema,
        "profile.schema.json": generate_profile_schema,
    }
    made = {name: make() for name, make in makers.items()}
    return {name: schema for name, schema in made.items() if schema is not None}


def schema_text(schema: dict[str, Any]) -> str:
    """The one serialisation used for files and stdout, so they compare byte for byte."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def repo_root(start: Path | None = None) -> Path:
    """The source checkout that holds this package (``pyproject.toml`` + ``src/vorlagenparser``).

    Walking up from the package avoids guessing from the working directory; an installed
    package has no such ancestor and gets a clear error instead of a stray ``schemas/`` folder.
    """
    here = (start or Path(__file__)).resolve()
    for folder in here.parents:
        if (folder / "pyproject.toml").is_file() and (folder / "src" / "vorlagenparser").is_dir():
            return folder
    raise VorlagenparserError(
        "no source checkout found above the installed package; schema files can only be checked "
        "or written from a repository checkout (printing the schema works anywhere)",
        path=here.parent)


def schema_path(name: str = "beschlussvorlage.schema.json", root: Path | None = None) -> Path:
    return (root or repo_root()) / "schemas" / name


def check_schema(path: Path, expected: dict[str, Any] | None = None) -> list[str]:
    """Differences between the committed file and the generated schema; empty means in sync."""
    wanted = generate_schema() if expected is None else expected
    if not path.is_file():
        return [f"{path} does not exist (run `vorlagenparser schema --write`)"]
    try:
        committed = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        return [f"{path} is not readable JSON: {exc}"]
    return list(diff_json(wanted, committed))


def check_schemas(root: Path | None = None) -> dict[Path, list[str]]:
    """Every generated schema against its committed file (only files with differences)."""
    results = {schema_path(name, root): check_schema(schema_path(name, root), schema)
               for name, schema in generated_schemas().items()}
    return {path: diffs for path, diffs in results.items() if diffs}


def write_schemas(root: Path | None = None) -> list[Path]:
    """Rewrite every generated schema file; returns the paths written."""
    written = []
    for name, schema in generated_schemas().items():
        path = schema_path(name, root)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(schema_text(schema), encoding="utf-8")
        except OSError as exc:
            raise OutputError(f"cannot write schema: {exc.strerror or exc}", path=path) from exc
        written.append(path)
    return written


def diff_json(expected: object, actual: object, path: str = "$") -> Iterator[str]:
    """Readable differences, each with the JSON path where the committed file departs."""
    if isinstance(expected, dict) and isinstance(actual, dict):
        for key in expected:
            if key not in actual:
                yield f"{path}.{key}: missing from the committed file"
            else:
                yield from diff_json(expected[key], actual[key], f"{path}.{key}")
        for key in actual:
            if key not in expected:
                yield f"{path}.{key}: in the committed file but no longer generated"
    elif isinstance(expected, list) and isinstance(actual, list) and len(expected) == len(actual):
        for i, (a, b) in enumerate(zip(expected, actual, strict=True)):
            yield from diff_json(a, b, f"{path}[{i}]")
    elif expected != actual or type(expected) is not type(actual):
        yield f"{path}: committed {_short(actual)}, generated {_short(expected)}"


def _wrap(model: type[BaseModel], *, schema_id: str, title: str, description: str,
          mode: JsonSchemaMode = "validation") -> dict[str, Any]:
    # The header keys come first so the file reads well; the model's own title is replaced.
    body = model.model_json_schema(mode=mode)
    body.pop("title", None)
    body.pop("description", None)
    return {"$schema": JSON_SCHEMA_DIALECT, "$id": schema_id, "title": title,
            "description": description, **body}


def _optional_model(module_name: str, attribute: str) -> type[BaseModel] | None:
    # Imported lazily: the profile model is written separately and may not exist yet. Only the
    # absence of that module is tolerated; an import error inside it must still surface.
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name and (module_name == exc.name or module_name.startswith(exc.name + ".")):
            return None
        raise
    model = getattr(module, attribute, None)
    return model if isinstance(model, type) and issubclass(model, BaseModel) else None


def _short(value: object) -> str:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return text if len(text) <= _MAX_DIFF_VALUE else text[:_MAX_DIFF_VALUE - 1] + "…"
