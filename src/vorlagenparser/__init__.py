"""vorlagenparser: German council documents (Beschlussvorlagen, Drucksachen, Anträge) to JSON.

The public API; everything else is internal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .errors import (
    EncryptedPdfError,
    ExitCode,
    InputFileError,
    MissingDependencyError,
    OcrError,
    OutputError,
    ProfileError,
    VorlagenparserError,
)
from .lazy import lazy_attributes

if TYPE_CHECKING:
    from .model import SCHEMA_VERSION, Vorlage
    from .options import ExtractOptions

__version__ = "0.1.0"

__all__ = [
    "SCHEMA_VERSION",
    "EncryptedPdfError",
    "ExitCode",
    "ExtractOptions",
    "InputFileError",
    "MissingDependencyError",
    "OcrError",
    "OutputError",
    "ProfileError",
    "Vorlage",
    "VorlagenparserError",
    "__version__",
    "extract",
]


def extract(path: str, options: ExtractOptions | None = None) -> Vorlage:
    """Extract one document (PDF, TIFF, PNG or JPEG) into a validated :class:`Vorlage`."""
    from .pipeline import extract as _extract

    return _extract(path, options)


# The pydantic models cost about 100 ms to build: loaded on first use, so that importing the
# package (and `vorlagenparser --help`) starts in a blink.
_LAZY = {"SCHEMA_VERSION": "model", "Vorlage": "model", "ExtractOptions": "options"}


__getattr__ = lazy_attributes(__name__, _LAZY, globals())
