"""Load, merge and choose layout profiles (TOML files validated by :class:`Profile`)."""

from __future__ import annotations

import hashlib
import json
import tomllib
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..errors import ProfileError
from .model import Profile

__all__ = ["Profile", "list_profiles", "load_profile", "select_profile"]

# Keys that belong to one profile only and are never inherited through `extends`.
_OWN_KEYS = frozenset({"name", "description", "extends", "match", "priority"})


def _data_dir() -> Path:
    return Path(str(resources.files(__package__).joinpath("data")))


def list_profiles() -> list[str]:
    return sorted(p.stem for p in _data_dir().glob("*.toml"))


def _read(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except OSError as exc:
        raise ProfileError(f"cannot read profile ({exc.strerror})", path) from exc
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(f"invalid TOML: {exc}", path) from exc


def _merge(base: dict[str, Any], child: dict[str, Any]) -> dict[str, Any]:
    """Child values win; tables merge; lists of synonyms extend the parent's list."""
    out = {k: v for k, v in base.items() if k not in _OWN_KEYS}
    for key, value in child.items():
        old = out.get(key)
        if isinstance(old, dict) and isinstance(value, dict):
            out[key] = _merge(old, value)
        elif isinstance(old, list) and isinstance(value, list):
            out[key] = old + [v for v in value if v not in old]
        else:
            out[key] = value
    return out


def _resolve_path(name_or_path: str) -> Path:
    candidate = Path(name_or_path)
    if candidate.suffix == ".toml" or candidate.exists():
        return candidate
    builtin = _data_dir() / f"{name_or_path}.toml"
    if not builtin.exists():
        raise ProfileError(f"unknown profile (built in: {', '.join(list_profiles())})", name_or_path)
    return builtin


def _load_raw(path: Path, seen: tuple[str, ...] = ()) -> dict[str, Any]:
    raw = _read(path)
    parent = raw.get("extends")
    if parent is None and path.resolve() != (_data_dir() / "default.toml").resolve():
        parent = "default"  # every profile builds on the general vocabulary
    if parent:
        if parent in seen:
            raise ProfileError(f"profiles extend each other in a cycle: {' → '.join((*seen, parent))}", path)
        raw = _merge(_load_raw(_resolve_path(str(parent)), (*seen, str(parent))), raw)
    return raw


@lru_cache(maxsize=32)
def load_profile(name_or_path: str = "default") -> Profile:
    """Load a built-in profile by name or a user profile by path, merged over its parents."""
    path = _resolve_path(name_or_path)
    raw = _load_raw(path)
    raw.setdefault("name", path.stem)
    digest = hashlib.sha256(json.dumps(raw, sort_keys=True, ensure_ascii=False).encode()).hexdigest()
    try:
        return Profile.model_validate({**raw, "sha256": digest})
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise ProfileError(f"invalid profile at '{where}': {first['msg']}", path) from exc


def select_profile(first_page_text: str) -> Profile:
    """The built-in profile whose match keywords all occur on the first page (highest priority)."""
    from ..layout.normalize import fold

    text = fold(first_page_text)
    best = load_profile("default")
    for name in list_profiles():
        prof = load_profile(name)
        if prof.match and all(fold(k) in text for k in prof.match) and prof.priority > best.priority:
            best = prof
    return best
