"""Our exception hierarchy. Each error carries its exit code; only the CLI turns them into exits.

This module is a leaf: it imports nothing from the package.
"""

from __future__ import annotations

from enum import IntEnum
from pathlib import Path


class ExitCode(IntEnum):
    ok = 0
    failure = 1
    usage = 2
    input_file = 3
    encrypted = 4
    missing_dependency = 5
    ocr_failed = 6
    profile_invalid = 7
    output_error = 8
    validation_failed = 9
    partial_batch = 10
    resource_limit = 11
    interrupted = 130


class VorlagenparserError(Exception):
    """Base class: "this file (or this run) cannot be processed"."""

    exit_code: ExitCode = ExitCode.failure
    hint: str | None = None
    detail: str | None = None  # a traceback from the process that converted (shown with -v)

    def __init__(self, message: str, path: str | Path | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = str(path) if path is not None else None

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message

    def __reduce__(self) -> tuple[object, ...]:
        # Keeps errors picklable across process pools with their path intact.
        return (type(self), (self.message, self.path))


class InputFileError(VorlagenparserError):
    exit_code = ExitCode.input_file


class NotAPdfError(InputFileError):
    pass


class EmptyFileError(InputFileError):
    pass


class TruncatedPdfError(InputFileError):
    pass


class UnsupportedFileError(InputFileError):
    pass


class EncryptedPdfError(InputFileError):
    exit_code = ExitCode.encrypted
    hint = "remove the password protection (e.g. qpdf --decrypt) and try again"


class ResourceLimitError(VorlagenparserError):
    """The document needs more than a limit allows (memory, pixels, pages, time per page)."""

    exit_code = ExitCode.resource_limit


class MissingDependencyError(VorlagenparserError):
    exit_code = ExitCode.missing_dependency
    hint: str | None = ("install tesseract-ocr and tesseract-ocr-deu "
                        "(apt-get install tesseract-ocr tesseract-ocr-deu)")


class MissingLanguageError(MissingDependencyError):
    """A tesseract language or script model is not installed; the message names its package."""

    hint = None


class MissingPackageError(MissingDependencyError):
    """An optional Python package is missing; the message says what to install."""

    hint = None


class OcrError(VorlagenparserError):
    exit_code = ExitCode.ocr_failed


class ProfileError(VorlagenparserError):
    exit_code = ExitCode.profile_invalid


class OutputError(VorlagenparserError):
    exit_code = ExitCode.output_error


class QuerySyntaxError(VorlagenparserError):
    """A search query that cannot be read (an unmatched parenthesis, OR without a term)."""

    exit_code = ExitCode.usage


class ValidationFailedError(VorlagenparserError):
    exit_code = ExitCode.validation_failed


class CorrectionError(ValidationFailedError):
    """A corrected value that does not fit its field (not a date, a negative count), or a value
    path the document does not have; nothing is written."""
