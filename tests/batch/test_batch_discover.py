from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from vorlagenparser.batch.discover import discover, expand, file_digests, output_names, sniff_mime
from vorlagenparser.errors import InputFileError


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
