"""Profiles are data: built-ins load, user profiles extend them, broken ones fail loudly."""

from __future__ import annotations

from pathlib import Path

import pytest

from vorlagenparser.errors import ExitCode, ProfileError
from vorlagenparser.profiles import (
    Profile,
    default_profiles_dir,
    list_profiles,
    load_profile,
    load_profile_dir,
    select_profile,
    user_profiles_dir,
)


def test_builtin_profiles_load() -> None:
    assert "default" in list_profiles()
    for name in list_profiles():
        profile = load_profile(name)
        assert profile.fields and profile.sections and profile.checkboxes
        assert len(profile.sha256) == 64


def test_user_profile_extends_default(tmp_path: Path) -> None:
    path = tmp_path / "musterstadt.toml"
    path.write_text('name = "musterstadt"\nmatch = ["Musterstadt"]\n'
                    '[fields.vorlagennummer]\nlabels = ["Vorgangsnummer"]\nkind = "id"\n', encoding="utf-8")
    profile = load_profile(str(path))
    labels = profile.fields["vorlagennummer"].labels
    assert "Vorgangsnummer" in labels and "Vorlagen-Nr." in labels  # extends, not replaces
    assert "betreff" in profile.fields


@pytest.mark.parametrize(("content", "needle"), [
    ("name = \n", "invalid TOML"),
    ('name = "x"\n[fields.datum]\nlabel = ["Datum"]\n', "fields.datum"),
    ('name = "x"\nreview_threshold = 3\n', "review_threshold"),
    ('name = "x"\nextends = "nope"\n', "unknown profile"),
])
def test_broken_profiles_name_file_and_key(tmp_path: Path, content: str, needle: str) -> None:
    path = tmp_path / "broken.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ProfileError) as info:
        load_profile(str(path))
    assert needle in str(info.value)


def test_select_falls_back_to_default() -> None:
    assert select_profile("Irgendeine Gemeinde, Beschlussvorlage").name == "default"


def _write(folder: Path, name: str, content: str) -> Path:
    path = folder / f"{name}.toml"
    path.write_text(content, encoding="utf-8")
    return path


@pytest.mark.parametrize(("content", "where"), [
    ('[fields.vorlagennumer]\nlabels = ["Vorgangsnummer"]\n', "fields.vorlagennumer"),
    ('[sections.begruendungen]\nheadings = ["Sachverhalt"]\n', "sections.begruendungen"),
    ('[zustaendigkeit]\nBeschluss = ["beschließend"]\n', "zustaendigkeit.Beschluss"),
    ('matches = ["Musterstadt"]\n', "matches"),
    ('[fields.betreff]\nlabels = ["Betreff"]\nlabel = "x"\n', "fields.betreff.label"),
])
def test_unknown_keys_and_field_names_are_rejected_with_their_path(
        tmp_path: Path, content: str, where: str) -> None:
    path = _write(tmp_path, "tippfehler", content)
    with pytest.raises(ProfileError) as info:
        load_profile(str(path))
    assert f"invalid profile at '{where}'" in str(info.value)
    assert str(path) in str(info.value) and "\n" not in str(info.value)
    assert info.value.exit_code == ExitCode.profile_invalid


def _inherited_patterns() -> int:
    return len(load_profile().sections["beschlussvorschlag"].patterns)


@pytest.mark.parametrize(("content", "where"), [
    ('[fields.vorlagennummer]\nlabels = ["Nr."]\npattern = "(\\\\d+"\n', "fields.vorlagennummer.pattern"),
    ('[fields.federfuehrung]\nlabels = ["Amt"]\nvalue_pattern = "[a-"\n',
     "fields.federfuehrung.value_pattern"),
    ('[sections.beschlussvorschlag]\nheadings = ["Antrag"]\npatterns = ["ok", "*x"]\n',
     # the index counts the inherited ones too: "*x" comes after the default's and "ok"
     f"sections.beschlussvorschlag.patterns.{_inherited_patterns() + 1}"),
])
def test_invalid_regular_expressions_are_rejected_at_load(tmp_path: Path, content: str,
                                                          where: str) -> None:
    path = _write(tmp_path, "regex", content)
    with pytest.raises(ProfileError) as info:
        load_profile(str(path))
    assert f"invalid profile at '{where}': invalid regular expression" in str(info.value)


def _fixed(name: str, match: list[str], priority: int = 0) -> Profile:
    return load_profile("default").model_copy(update={"name": name, "match": match,
                                                      "priority": priority})


def test_selection_by_priority_then_specificity() -> None:
    text = "Stadt Musterstadt – Der Oberbürgermeister – Amt für Umwelt"
    general = _fixed("stadt", ["Musterstadt"])
    specific = _fixed("umweltamt", ["Musterstadt", "Amt für Umwelt"])
    urgent = _fixed("vorrang", ["Musterstadt"], priority=5)
    other = _fixed("beispieldorf", ["Beispieldorf"], priority=9)
    assert select_profile(text, [general, specific]).name == "umweltamt"
    assert select_profile(text, [general, specific, urgent]).name == "vorrang"
    assert select_profile(text, [other]).name == "default"
    # Keywords are folded (case, umlauts) but match whole words only.
    assert select_profile("STADT MUSTERSTADT", [general]).name == "stadt"
    assert select_profile("Musterstadtwerke GmbH", [general]).name == "default"


def test_profile_folder_loads_all_and_resolves_siblings(tmp_path: Path) -> None:
    _write(tmp_path, "kreis", 'match = ["Landkreis Musterkreis"]\n'
                             '[fields.aktenzeichen]\nlabels = ["Geschäftszeichen Kreis"]\n')
    _write(tmp_path, "gemeinde", 'extends = "kreis"\nmatch = ["Gemeinde Musterdorf"]\n')
    profiles = {p.name: p for p in load_profile_dir(tmp_path)}
    assert set(profiles) == {"kreis", "gemeinde"}
    assert "Geschäftszeichen Kreis" in profiles["gemeinde"].fields["aktenzeichen"].labels
    assert profiles["gemeinde"].match == ["Gemeinde Musterdorf"]  # match is never inherited


def test_a_broken_profile_in_the_folder_fails_the_folder(tmp_path: Path) -> None:
    _write(tmp_path, "gut", 'match = ["Gut"]\n')
    _write(tmp_path, "kaputt", '[fields.vorlagennumer]\nlabels = ["x"]\n')
    with pytest.raises(ProfileError, match=r"fields\.vorlagennumer"):
        load_profile_dir(tmp_path)
    with pytest.raises(ProfileError, match="no such profile folder"):
        load_profile_dir(tmp_path / "absent")


def test_default_user_folder_follows_xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    folder = tmp_path / "vorlagenparser" / "profiles"
    assert default_profiles_dir() == folder
    assert user_profiles_dir() is None  # absent folder: built-ins only
    folder.mkdir(parents=True)
    assert user_profiles_dir() == str(folder)
    assert user_profiles_dir(fixed="default") is None  # a fixed profile needs no folder
    assert user_profiles_dir(tmp_path / "x") == str(tmp_path / "x")
    monkeypatch.delenv("XDG_CONFIG_HOME")
    assert default_profiles_dir() == Path.home() / ".config" / "vorlagenparser" / "profiles"
