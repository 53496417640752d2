from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from tests.hostile.conftest import obey_file_permissions

from vorlagenparser.batch.discover import discover, expand, file_digests, output_names, sniff_mime
from vorlagenparser.errors import InputFileError
from vorlagenparser.filenames import MAX_STEM_BYTES, output_stem


def touch(path: Path, data: bytes = b"%PDF-1.4\n") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def test_folders_are_walked_recursively_in_sorted_order(tmp_path: Path) -> None:
    for name in ("b.pdf", "a.PDF", "sub/c.tif", "sub/d.txt", ".hidden/e.pdf", "sub/.f.pdf"):
        touch(tmp_path / name)
    found = [p.relative_to(tmp_path).as_posix() for p in expand([tmp_path])]
    assert found == ["a.PDF", "b.pdf", "sub/c.tif"]


def test_named_files_globs_and_duplicates(tmp_path: Path) -> None:
    a = touch(tmp_path / "x" / "a.pdf")
    odd = touch(tmp_path / "odd.dat")
    found = expand([odd, str(tmp_path / "x" / "*.pdf"), a, tmp_path / "x"])
    assert found == [odd, a]


@pytest.mark.parametrize("inputs", [["missing.pdf"], ["nothing/*.pdf"]])
def test_missing_inputs_raise_before_any_work(tmp_path: Path, inputs: list[str],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(InputFileError, match="no such file"):
        expand(inputs)


def test_a_folder_without_documents_is_an_error(tmp_path: Path) -> None:
    touch(tmp_path / "readme.txt")
    with pytest.raises(InputFileError, match="no PDF"):
        discover([tmp_path])


def test_unique_stems_keep_their_name(tmp_path: Path) -> None:
    paths = [tmp_path / "a" / "x.pdf", tmp_path / "b" / "y.pdf"]
    assert output_names(paths) == {paths[0]: "x", paths[1]: "y"}


def test_equal_stems_get_as_many_folder_names_as_tell_them_apart(tmp_path: Path) -> None:
    paths = [tmp_path / "2019" / "rat" / "v.pdf", tmp_path / "2020" / "rat" / "v.pdf",
             tmp_path / "2020" / "bau" / "V.pdf"]
    names = output_names(paths)
    assert names == {paths[0]: "v__2019_rat", paths[1]: "v__2020_rat", paths[2]: "V__2020_bau"}
    assert output_names(list(reversed(paths))) == names  # order does not matter


def test_equal_stems_in_one_folder_fall_back_to_the_suffix(tmp_path: Path) -> None:
    paths = [tmp_path / "a" / "v.pdf", tmp_path / "a" / "v.tif"]
    names = output_names(paths)
    assert names[paths[0]].endswith("_pdf") and names[paths[1]].endswith("_tif")


def test_digests_and_mime_in_one_read(tmp_path: Path) -> None:
    data = b"%PDF-1.7\n" + bytes(range(256)) * 5000
    digests = file_digests(touch(tmp_path / "a.pdf", data))
    assert digests.sha256 == hashlib.sha256(data).hexdigest()
    assert digests.sha512 == hashlib.sha512(data).hexdigest()
    assert (digests.size, digests.mime_type) == (len(data), "application/pdf")


@pytest.mark.parametrize(("head", "mime"), [
    (b"\x89PNG\r\n\x1a\n...", "image/png"), (b"II*\x00", "image/tiff"),
    (b"\xff\xd8\xff\xe0", "image/jpeg"), (b"hello", None), (b"", None)])
def test_sniff_mime(head: bytes, mime: str | None) -> None:
    assert sniff_mime(head) == mime


def special_files(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    made = {"fifo": folder / "pipe.pdf", "device": folder / "zero.pdf",
            "loop": folder / "loop.pdf", "dangling": folder / "gone.pdf"}
    os.mkfifo(made["fifo"])
    made["device"].symlink_to("/dev/zero")
    made["loop"].symlink_to(folder / ".loop2.pdf")
    (folder / ".loop2.pdf").symlink_to(made["loop"])
    made["dangling"].symlink_to(folder / "nowhere.pdf")
    touch(folder / "good.pdf")
    return made


def test_unreadable_inputs_are_reported_with_a_reason_and_never_opened(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    made = special_files(tmp_path / "in")
    opened: list[str] = []
    real_open = os.open
    monkeypatch.setattr(os, "open", lambda path, *a, **k: opened.append(str(path)) or
                        real_open(path, *a, **k))
    found = discover([tmp_path / "in"])
    assert [f.path.name for f in found.files] == ["good.pdf"]
    reasons = {u.path.name: u.reason for u in found.unreadable}
    assert reasons == {
        "pipe.pdf": "is a FIFO (named pipe), not a file; it was not read",
        "zero.pdf": "is a character device, not a file; it was not read",
        "loop.pdf": "is a symbolic link loop (too many levels of symbolic links)",
        "gone.pdf": "is a broken symbolic link (its target does not exist)"}
    for path in made.values():
        with pytest.raises(InputFileError):
            file_digests(path)
    assert not {str(p) for p in made.values()} & set(opened)


def test_a_special_file_named_on_the_command_line_is_reported_not_missing(tmp_path: Path) -> None:
    made = special_files(tmp_path)
    found = discover([made["fifo"], made["loop"]])
    assert (found.files, len(found.unreadable)) == ([], 2)


def test_odd_names_get_safe_unique_short_output_names(tmp_path: Path) -> None:
    long_a = "Sitzungsvorlage_" + "ä" * 150 + "_A"
    long_b = "Sitzungsvorlage_" + "ä" * 150 + "_B"
    latin1 = os.fsdecode(b"Stra\xdfe")
    paths = [tmp_path / f"{stem}.pdf" for stem in
             ("a:b", "a?b", long_a, long_b, latin1, "Stra_xdfe", ".versteckt", "x\ny")]
    names = output_names(paths)
    assert len({n.casefold() for n in names.values()}) == len(paths)
    assert all(len(n.encode()) <= MAX_STEM_BYTES and n == output_stem(n) for n in names.values())
    assert names[paths[4]].startswith("Stra_xdfe") and names[paths[6]] == "_versteckt"
    assert names[paths[7]] == "x_y"
    assert output_names(list(reversed(paths))) == names


def test_a_folder_that_cannot_be_listed_is_reported(tmp_path: Path) -> None:
    locked = tmp_path / "in" / "gesperrt"
    touch(locked / "a.pdf")
    touch(tmp_path / "in" / "b.pdf")
    locked.chmod(0)
    script = ("import sys; from vorlagenparser.batch.discover import discover; "
              "found = discover([sys.argv[1]]); "
              "print([f.path.name for f in found.files], [u.reason for u in found.unreadable])")
    try:
        result = subprocess.run([sys.executable, "-c", script, str(tmp_path / "in")],
                                capture_output=True, text=True, timeout=60, check=True,
                                preexec_fn=obey_file_permissions)
    except subprocess.SubprocessError:
        pytest.skip("cannot give up root's file access here")
    finally:
        locked.chmod(0o755)
    assert result.stdout.strip() == "['b.pdf'] ['folder cannot be listed: Permission denied']"
