"""A profile folder with two municipalities' profiles: each document gets its own in one batch."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from vorlagenparser.batch import SerialExecutor, run_batch
from vorlagenparser.cli import main
from vorlagenparser.errors import ExitCode, ProfileError
from vorlagenparser.options import ExtractOptions

pytest.importorskip("reportlab")


def _pdf(path: Path, lines: list[str]) -> Path:
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), invariant=1)
    y = 780
    for number, text in enumerate(lines):
        pdf.setFont("Helvetica-Bold" if number < 2 else "Helvetica", 12)
        pdf.drawString(72, y, text)
        y -= 24
    pdf.save()
    return path


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    """Two councils' documents; each numbers its papers under a label only its profile knows."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    _pdf(inputs / "stadt.pdf", ["Stadt Musterstadt", "Beschlussvorlage",
                                "Vorgangsnummer: MS-2024/17",
                                "Betreff: Sanierung der Grundschule am Markt"])
    _pdf(inputs / "kreis.pdf", ["Landkreis Beispielkreis", "Beschlussvorlage",
                                "Kennung: KT/88/2024", "Betreff: Ausbau der Kreisstraße K 12"])
    return inputs


@pytest.fixture
def profiles(tmp_path: Path) -> Path:
    folder = tmp_path / "profiles"
    folder.mkdir()
    (folder / "musterstadt.toml").write_text(
        'match = ["Stadt Musterstadt"]\n[fields.vorlagennummer]\nlabels = ["Vorgangsnummer"]\n',
        encoding="utf-8")
    (folder / "beispielkreis.toml").write_text(
        'match = ["Landkreis Beispielkreis"]\n[fields.vorlagennummer]\nlabels = ["Kennung"]\n',
        encoding="utf-8")
    return folder


def _results(out: Path) -> dict[str, tuple[str | None, str | None]]:
    docs = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in out.glob("*.json")
            if not p.name.startswith("run-")}  # the batch's run records lie beside the documents
    return {name: (d["source"]["profile"], d["vorlagennummer"]) for name, d in docs.items()}


def test_each_document_gets_the_profile_that_matches_it(archive: Path, profiles: Path,
                                                        tmp_path: Path) -> None:
    report = run_batch([archive], tmp_path / "out", executor=SerialExecutor(),
                       options=ExtractOptions(profiles=str(profiles)))
    assert report.done == 2
    assert _results(tmp_path / "out") == {"stadt": ("musterstadt", "MS-2024/17"),
                                          "kreis": ("beispielkreis", "KT/88/2024")}


def test_without_the_folder_both_fall_back_to_default(archive: Path, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "no-config"))
    run_batch([archive], tmp_path / "out", executor=SerialExecutor())
    assert _results(tmp_path / "out") == {"stadt": ("default", None), "kreis": ("default", None)}


def test_the_cli_uses_the_default_user_folder(archive: Path, profiles: Path, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    config = tmp_path / "config"
    (config / "vorlagenparser").mkdir(parents=True)
    profiles.rename(config / "vorlagenparser" / "profiles")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    assert main(["extract", str(archive / "kreis.pdf"), "--compact"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert (document["source"]["profile"], document["vorlagennummer"]) == (
        "beispielkreis", "KT/88/2024")


def test_a_broken_profile_stops_the_batch_before_any_work(archive: Path, profiles: Path,
                                                          tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]
                                                          ) -> None:
    (profiles / "tippfehler.toml").write_text('[fields.vorlagennumer]\nlabels = ["Nr."]\n',
                                              encoding="utf-8")
    with pytest.raises(ProfileError):
        run_batch([archive], tmp_path / "lib", executor=SerialExecutor(),
                  options=ExtractOptions(profiles=str(profiles)))
    code = main(["batch", str(archive), "--out", str(tmp_path / "out"), "--no-db",
                 "--profiles", str(profiles)])
    [line] = capsys.readouterr().err.strip().splitlines()
    assert code == ExitCode.profile_invalid
    assert "tippfehler.toml" in line and "'fields.vorlagennumer'" in line
    assert not list((tmp_path / "out").glob("*.json"))


def test_an_invalid_pattern_exits_7_not_1(archive: Path, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    profile = tmp_path / "regex.toml"
    profile.write_text('[fields.vorlagennummer]\nlabels = ["Nr."]\npattern = "(("\n',
                       encoding="utf-8")
    code = main(["extract", str(archive / "stadt.pdf"), "--profile", str(profile)])
    [line] = capsys.readouterr().err.strip().splitlines()
    assert code == ExitCode.profile_invalid
    assert "fields.vorlagennummer.pattern" in line and "invalid regular expression" in line


def test_profile_and_profiles_exclude_each_other(archive: Path, profiles: Path) -> None:
    assert main(["extract", str(archive / "stadt.pdf"), "--profile", "default",
                 "--profiles", str(profiles)]) == ExitCode.usage


def test_editing_a_profile_in_the_folder_changes_the_resume_fingerprint(profiles: Path) -> None:
    from vorlagenparser.batch.ledger import fingerprint

    options = ExtractOptions(profiles=str(profiles))
    before = fingerprint(options, "x:y", "1")
    (profiles / "musterstadt.toml").write_text('match = ["Stadt Musterstadt"]\npriority = 2\n',
                                               encoding="utf-8")
    assert fingerprint(options, "x:y", "1") != before
