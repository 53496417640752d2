"""Load, merge and choose layout profiles (TOML files validated by :class:`Profile`).

Built-in profiles ship in ``data/``; users add their own in a folder (``--profiles DIR``, by
default ``$XDG_CONFIG_HOME/vorlagenparser/profiles``). For each document the profile whose
``match`` keywords all occur on its first page is chosen: highest ``priority`` first, then the
most specific (more keywords, then longer ones), else ``default``.
"""

from __future__ import annotations

import hashlib
import json
import os
import tomllib
from collections.abc import Callable, Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar, cast

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from ..errors import ProfileError
from .model import Profile

__all__ = ["Profile", "default_profiles_dir", "list_profiles", "load_profile",
           "load_profile_dir", "per_profile", "select_profile", "user_profiles_dir"]

# Keys that belong to one profile only and are never inherited through `extends`.
_OWN_KEYS = frozenset({"name", "description", "extends", "match", "priority"})


def _data_dir() -> Path:
    return Path(str(resources.files(__package__).joinpath("data")))


@lru_cache(maxsize=1)
def list_profiles() -> tuple[str, ...]:
    """The built-in profiles' names. They ship with the package and are loaded once each
    (:func:`load_profile`), so the folder is listed once too, not for every document."""
    return tuple(sorted(p.stem for p in _data_dir().glob("*.toml")))


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


def _resolve_path(name_or_path: str, beside: Path | None = None) -> Path:
    """A path, a profile in the folder of the profile that extends it, or a built-in name."""
    candidate = Path(name_or_path)
    if candidate.suffix == ".toml" or candidate.exists():
        return candidate
    sibling = beside / f"{name_or_path}.toml" if beside is not None else None
    if sibling is not None and sibling.is_file():
        return sibling
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
        try:
            parent_path = _resolve_path(str(parent), path.parent)
        except ProfileError as exc:
            raise ProfileError(f"extends {exc.message}: {parent}", path) from exc
        raw = _merge(_load_raw(parent_path, (*seen, str(parent))), raw)
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
        errors = exc.errors(include_url=False)
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        raise ProfileError(_describe(errors[0]) + more, path) from exc


def _describe(error: ErrorDetails) -> str:
    """"invalid profile at 'fields.vorlagennumer': unknown name …" — the dotted path of the key."""
    where = ".".join(str(part) for part in error["loc"] if part != "[key]")
    message = error["msg"].removeprefix("Value error, ")
    if error["type"] == "extra_forbidden":
        message = "unknown key (not part of the profile format; see schemas/profile.schema.json)"
    return f"invalid profile at '{where}': {message}"


def default_profiles_dir() -> Path:
    """Where a user's own profiles live: ``$XDG_CONFIG_HOME/vorlagenparser/profiles``
    (``~/.config/vorlagenparser/profiles`` when the variable is unset)."""
    config = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(config) / "vorlagenparser" / "profiles"


def user_profiles_dir(explicit: str | Path | None = None, fixed: str | None = None) -> str | None:
    """The folder to choose profiles from: ``explicit`` when given; else, unless a ``fixed``
    profile is used, the default user folder when it exists; else None (built-ins only)."""
    if explicit is not None:
        return str(explicit)
    folder = default_profiles_dir()
    return str(folder) if fixed is None and folder.is_dir() else None


def load_profile_dir(folder: str | Path) -> tuple[Profile, ...]:
    """Every ``*.toml`` profile in ``folder``, validated (a broken one fails, never skipped)."""
    path = Path(folder)
    if not path.is_dir():
        raise ProfileError("no such profile folder", path)
    return tuple(load_profile(str(file)) for file in sorted(path.glob("*.toml")))


def select_profile(first_page_text: str, candidates: Sequence[Profile] = ()) -> Profile:
    """The profile whose match keywords all occur on the first page, among ``candidates`` (user
    profiles) and the built-ins: highest priority, then most keywords, then longest keywords.
    Without a fitting one, ``default``."""
    from ..layout.normalize import fold

    text = f" {fold(first_page_text)} "  # keywords match whole words: "Kiel" is not "Kielce"
    fitting = [prof for prof in (*candidates, *map(load_profile, list_profiles()))
               if prof.match and all(f" {fold(k)} " in text for k in prof.match)]
    if not fitting:
        return load_profile("default")
    # max() keeps the first of equals: user profiles (in file name order) before built-ins.
    return max(fitting, key=lambda p: (p.priority, len(p.match), sum(len(k) for k in p.match)))


T = TypeVar("T")

_PER_PROFILE_SIZE = 64  # profiles in use at once are few (load_profile caches 32)
_PER_PROFILE: dict[tuple[int, Callable[[Profile], Any]], tuple[Profile, Any]] = {}


def per_profile(profile: Profile, build: Callable[[Profile], T]) -> T:
    """``build(profile)``, made once per profile object: profiles are frozen and loaded once,
    so what is derived from one alone (vocabularies) serves every document read with it."""
    slot = (id(profile), build)
    cached = _PER_PROFILE.get(slot)
    if cached is not None and cached[0] is profile:
        return cast(T, cached[1])
    built = build(profile)
    if len(_PER_PROFILE) >= _PER_PROFILE_SIZE:
        _PER_PROFILE.clear()
    _PER_PROFILE[slot] = (profile, built)  # the profile kept alive: its id stays its own
    return built
