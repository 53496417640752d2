"""`vorlagenparser extract`: JSON out, and one clear line with a non-zero exit for bad files."""

from __future__ import annotations

import json
import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from tests.helpers import ROOT, sample_files

from vorlagenparser.cli import COMMAND_MODULES, cli, main
from vorlagenparser.errors import ExitCode

DIGITAL = sample_files("digital")


def _encrypted_pdf(path: Path) -> Path:
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    enc = pdfencrypt.StandardEncryption("geheim", ownerPassword="owner", strength=128)
    c = canvas.Canvas(str(path), encrypt=enc)
    c.drawString(72, 720, "Beschlussvorlage")
    c.save()
    return path


@pytest.mark.parametrize(("name", "content", "needle"), [
    ("empty.pdf", b"", "empty"),
    ("text.pdf", b"hello world, not a pdf\n" * 10, "not a PDF"),
    ("notes.txt", b"just text", "unsupported"),
    ("cut.pdf", b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "truncated"),
    ("garbage.pdf", b"%PDF-1.4\n" + bytes(range(256)) * 8 + b"\n%%EOF\n", ""),
])
def test_bad_files_give_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str,
                                 content: bytes, needle: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    code = main(["extract", str(path)])
    err = capsys.readouterr().err.strip()
    assert code != 0
    assert len(err.splitlines()) == 1, err
    assert str(path) in err and needle in err
    assert "Traceback" not in err


def test_encrypted_pdf(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _encrypted_pdf(tmp_path / "secret.pdf")
    code = main(["extract", str(path)])
    err = capsys.readouterr().err.strip()
    assert code == 4
    assert "encrypted" in err and str(path) in err


def test_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(tmp_path / "nope.pdf")]) != 0
    assert "nope.pdf" in capsys.readouterr().err


@pytest.mark.skipif(not DIGITAL, reason="no samples")
def test_extract_to_stdout_and_file(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["extract", "--compact", str(DIGITAL[0])])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout.splitlines()[0])
    assert data["schema_version"] == "1.0"
    out = tmp_path / "x.json"
    result = runner.invoke(cli, ["extract", str(DIGITAL[0]), "-o", str(out)])
    assert result.exit_code == 0
    assert json.loads(out.read_text())["source"]["sha256"] == data["source"]["sha256"]


def test_every_command_module_holds_its_command() -> None:
    with click.Context(cli) as ctx:
        names = cli.list_commands(ctx)
        commands = [cli.get_command(ctx, name) for name in names]
    assert [command.name if command else None for command in commands] == names
    assert names == sorted(path.stem for path in (ROOT / "src/vorlagenparser/cli").glob("*.py")
                           if _is_command_module(path))


def _is_command_module(path: Path) -> bool:
    return "\n@click.command(" in path.read_text(encoding="utf-8")


def test_every_command_has_help() -> None:
    runner = CliRunner()
    for name in COMMAND_MODULES:
        result = runner.invoke(cli, [name, "--help"])
        assert result.exit_code == 0, name
        assert "Usage" in result.output


def test_every_command_is_documented_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in COMMAND_MODULES:
        assert f"vorlagenparser {name}" in readme, name


def test_every_exit_code_and_limit_option_is_documented_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    paragraph = readme[readme.index("Exit codes:"):]
    paragraph = paragraph[: paragraph.index("\n\n")]
    documented = {int(n) for n in re.findall(r"(?<![\w-])(\d+) [A-Za-z]", paragraph)}
    assert {int(code) for code in ExitCode} <= documented
    for option in ("--max-memory", "--max-megapixels", "--max-pages", "--page-timeout"):
        assert option in readme, option
