"""Profiles are data: built-ins load, user profiles extend them, broken ones fail loudly."""

from __future__ import annotations

from pathlib import Path

import pytest

from vorlagenparser.errors import ProfileError
from vorlagenparser.profiles import list_profiles, load_profile, select_profile


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
