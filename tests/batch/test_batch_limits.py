"""Resource limits under supervision: time per step, memory per document, library noise, and
the extract command's child process that reports every outcome as the error it stands for."""

from __future__ import annotations

import logging
import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from batchfakes import LONG_EXTRACTOR
from tests.helpers import FULL_TEXT_PAGE

from vorlagenparser import limits
from vorlagenparser.batch import FileResult, ProcessExecutor, Status
from vorlagenparser.batch.isolated import error_of, extract_isolated
from vorlagenparser.batch.worker import Task, convert_one
from vorlagenparser.cli import main
from vorlagenparser.errors import (
    EncryptedPdfError,
    ExitCode,
    ResourceLimitError,
    VorlagenparserError,
)
from vorlagenparser.options import ExtractOptions
from vorlagenparser.pipeline import Extraction
from vorlagenparser.reading import Reading

MakeGood = Callable[..., list[Path]]


def copies(make_good: MakeGood, folder: Path, *words: str) -> list[Path]:
    [good] = make_good(folder, 1)
    paths = [folder / f"{word}.pdf" for word in words]
    for path in paths:
        shutil.copy(good, path)
    return paths


def run(executor: ProcessExecutor, paths: list[Path], extractor: str,
        options: ExtractOptions) -> dict[str, FileResult]:
    results: dict[str, FileResult] = {}
    executor.run([Task(str(p), "0" * 64, options, extractor) for p in paths],
                 lambda r: results.__setitem__(Path(r.path).stem, r))
    return results


def test_a_step_over_its_budget_raises_in_process() -> None:
    with pytest.raises(ResourceLimitError, match=r"x\.pdf: opening the file took longer than "
                       r"0\.05 s, the time limit per page \(--page-timeout\)"), \
            limits.timed("x.pdf", 0.05):
        time.sleep(0.1)
        limits.step("page 1")
    limits.step("page 1")  # outside a conversion: nothing is timed


@pytest.mark.slow
def test_the_supervisor_stops_a_stuck_step_but_not_a_long_document(
        tmp_path: Path, make_good: MakeGood, fake_extractor: str) -> None:
    paths = copies(make_good, tmp_path, "stuck", "paced")
    started = time.monotonic()
    results = run(ProcessExecutor(2), paths, fake_extractor, ExtractOptions(page_timeout_s=1))
    assert time.monotonic() - started < 20
    stuck, paced = results["stuck"], results["paced"]
    assert (stuck.status, stuck.error_type, stuck.error_code) == (
        Status.failed, "PageTimeout", ExitCode.resource_limit)
    assert stuck.message == ("page 1 took longer than 1 s, the time limit per page "
                             "(--page-timeout); the worker was stopped")
    assert paced.status is Status.done  # five pages, 2 s in all, none over 1 s


@pytest.mark.slow
def test_the_memory_limit_comes_from_the_options(tmp_path: Path, make_good: MakeGood,
                                                 fake_extractor: str) -> None:
    [hog] = copies(make_good, tmp_path, "hog")
    result = run(ProcessExecutor(1), [hog], fake_extractor,
                 ExtractOptions(max_memory_mb=300))["hog"]
    assert (result.error_type, result.error_code) == ("MemoryLimit", ExitCode.resource_limit)
    assert result.message is not None
    assert result.message.startswith("needs more than 300 MB of memory (--max-memory)")


def test_library_messages_on_stderr_go_to_the_debug_log(
        tmp_path: Path, make_good: MakeGood, fake_extractor: str,
        capfd: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture) -> None:
    [noisy] = copies(make_good, tmp_path, "noisy")
    with caplog.at_level(logging.DEBUG, logger="vorlagenparser.batch.worker"):
        result = convert_one(Task(str(noisy), "0" * 64, ExtractOptions(), fake_extractor))
    assert result.status is Status.done
    assert "TIFFReadDirectory" not in capfd.readouterr().err
    assert "TIFFReadDirectory: Warning" in caplog.text


def test_extract_isolated_returns_the_document_or_raises_its_error(
        tmp_path: Path, make_good: MakeGood, make_bad: Callable[[Path], dict[str, Path]],
        fake_extractor: str) -> None:
    [good] = make_good(tmp_path, 1)
    assert extract_isolated(good, extractor=fake_extractor).source.filename == good.name
    encrypted = make_bad(tmp_path / "bad")["encrypted"]
    with pytest.raises(EncryptedPdfError) as info:
        extract_isolated(encrypted, extractor=fake_extractor)
    assert info.value.exit_code == ExitCode.encrypted and info.value.hint
    [boom] = copies(make_good, tmp_path, "boom")
    with pytest.raises(VorlagenparserError, match="unexpected RuntimeError") as info:
        extract_isolated(boom, extractor=fake_extractor)
    assert info.value.detail is not None and "Traceback" in info.value.detail


def test_extract_isolated_reads_in_the_child_and_lays_out_in_the_caller(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import vorlagenparser.pipeline as pipeline

    laid_out: list[tuple[int, int]] = []
    lay_out = pipeline.lay_out

    def spy(reading: Reading) -> Extraction:
        laid_out.append((os.getpid(), len(reading.document.pages)))
        return lay_out(reading)

    monkeypatch.setattr(pipeline, "lay_out", spy)
    vorlage = extract_isolated(FULL_TEXT_PAGE)
    assert laid_out == [(os.getpid(), 1)]
    assert vorlage.model_dump_json() == pipeline.extract(FULL_TEXT_PAGE).model_dump_json()


def test_extract_isolated_lays_out_a_long_document_in_the_child(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import vorlagenparser.pipeline as pipeline

    laid_out: list[int] = []
    lay_out = pipeline.lay_out

    def spy(reading: Reading) -> Extraction:
        laid_out.append(os.getpid())  # in a forked child: its own copy of the list
        return lay_out(reading)

    monkeypatch.setattr(pipeline, "lay_out", spy)
    vorlage = extract_isolated(FULL_TEXT_PAGE, extractor=LONG_EXTRACTOR)
    assert laid_out == []
    assert vorlage.model_dump_json() == pipeline.extract(FULL_TEXT_PAGE).model_dump_json()


def test_an_error_of_the_callers_layout_is_said_as_a_childs_would_be(
        monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(reading: Reading) -> Extraction:
        raise RuntimeError("boom")

    def slow(reading: Reading) -> Extraction:
        raise ResourceLimitError(limits.too_slow(limits.LAYOUT, 1), reading.path)

    monkeypatch.setattr("vorlagenparser.pipeline.lay_out", boom)
    with pytest.raises(VorlagenparserError, match=r"\.pdf: unexpected RuntimeError: boom") as info:
        extract_isolated(FULL_TEXT_PAGE)
    assert info.value.exit_code == ExitCode.failure
    assert info.value.detail is not None and "in boom" in info.value.detail
    monkeypatch.setattr("vorlagenparser.pipeline.lay_out", slow)
    with pytest.raises(ResourceLimitError, match="the layout took longer than 1 s") as info:
        extract_isolated(FULL_TEXT_PAGE)
    assert info.value.exit_code == ExitCode.resource_limit


def test_a_conversion_that_goes_on_from_another_process_starts_with_its_own_step() -> None:
    heard: list[str] = []
    limits.set_listener(heard.append)
    try:
        with pytest.raises(ResourceLimitError, match=r"x\.pdf: the layout took longer than 0\.05 s"), \
                limits.timed("x.pdf", 0.05, limits.LAYOUT):
            time.sleep(0.1)
    finally:
        limits.set_listener(None)
    assert heard == ["the layout"]


@pytest.mark.slow
def test_extract_isolated_stops_a_stuck_child(tmp_path: Path, make_good: MakeGood,
                                              fake_extractor: str) -> None:
    [stuck] = copies(make_good, tmp_path, "stuck")
    with pytest.raises(VorlagenparserError, match="page 1 took longer than 1 s") as info:
        extract_isolated(stuck, ExtractOptions(page_timeout_s=1), extractor=fake_extractor)
    assert info.value.exit_code == ExitCode.resource_limit


def test_error_of_keeps_type_code_and_path() -> None:
    result = FileResult(path="a.pdf", status=Status.failed, sha256="", error_code=11,
                        error_type="MemoryLimit", message="needs more than 768 MB")
    error = error_of(result)
    assert (str(error), error.exit_code) == ("a.pdf: needs more than 768 MB", 11)


def test_verbose_extract_prints_the_childs_traceback(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    def failing(path: Path, options: ExtractOptions) -> None:
        error = VorlagenparserError("unexpected KeyError: 'x'", path)
        error.detail = "Traceback (most recent call last):\n  File 'layout.py'\nKeyError: 'x'"
        raise error

    monkeypatch.setattr("vorlagenparser.batch.isolated.extract_isolated", failing)
    path = tmp_path / "a.pdf"
    assert main(["extract", str(path)]) == ExitCode.failure
    assert "Traceback" not in capsys.readouterr().err
    assert main(["-v", "extract", str(path)]) == ExitCode.failure
    assert "KeyError: 'x'" in capsys.readouterr().err.splitlines()[-1]
