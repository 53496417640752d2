"""The only module that runs tesseract: in-process through tesserocr, or the CLI as a fallback.

tesserocr keeps one ``PyTessBaseAPI`` alive per process and language set, so a page costs neither a
process spawn nor a model load. Without tesserocr the ``tesseract`` binary is run through
:func:`run`, the one subprocess helper (timeout, ``OMP_THREAD_LIMIT=1``, harmless stderr → empty
result plus a logged warning, anything else → :class:`OcrError` chained with ``from``).
Both backends hand tesseract's TSV to the same parser (:mod:`.tsv`).
"""

from __future__ import annotations

import functools
import logging
import os
import re
import shutil
import subprocess
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import numpy as np

from ..errors import MissingDependencyError, MissingLanguageError, OcrError
from ..pagemodel import GrayImage
from .engine import OcrEngine, OcrTimeoutError, OcrWord
from .tsv import TsvFormatError, parse_tsv

__all__ = [
    "DEFAULT_PSM",
    "CliEngine",
    "TesseractInfo",
    "TesserocrEngine",
    "create_engine",
    "debian_package",
    "probe",
    "run",
]

log = logging.getLogger(__name__)

# Fully automatic page segmentation. Measured against psm 4/6/11 on the scan samples
# (bench/bench_ocr.py --psm): 3 keeps label:value lines and table rows intact and is not slower.
DEFAULT_PSM = 3
_PROBE_TIMEOUT_S = 30.0
# Debian/Ubuntu, Fedora, Homebrew and source installs, newest first.
_TESSDATA_CANDIDATES = (
    "/usr/share/tesseract-ocr/5/tessdata",
    "/usr/share/tesseract-ocr/4.00/tessdata",
    "/usr/share/tessdata",
    "/usr/local/share/tessdata",
    "/opt/homebrew/share/tessdata",
)
# Script models (capitalised, e.g. "Fraktur") are packaged in Debian under their ISO 15924 code.
_SCRIPT_PACKAGE_CODES = {"Fraktur": "frak", "Latin": "latn", "Cyrillic": "cyrl", "Greek": "grek",
                         "Arabic": "arab", "Hebrew": "hebr"}
# Messages tesseract prints for pages that simply hold no (usable) text.
_HARMLESS = re.compile(
    r"Empty page|Too few characters|Image too small|Invalid resolution|Estimating resolution"
    r"|OSD: Weak margin|Line cannot be recognized|Image too large", re.IGNORECASE)


def tesseract_env() -> dict[str, str]:
    """The environment for tesseract: one OpenMP thread, because we parallelise across pages."""
    env = dict(os.environ)
    env.setdefault("OMP_THREAD_LIMIT", "1")
    return env


def run(args: list[str], *, timeout_s: float,
        stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    """Run tesseract (``args[0]``) once. The single place a subprocess is started.

    Returns the finished process whatever its exit code; callers judge stderr. Raises
    MissingDependencyError when the binary is gone, OcrTimeoutError after ``timeout_s``.
    """
    log.debug("running %s", " ".join(args))
    try:
        return subprocess.run(args, input=stdin, capture_output=True, timeout=timeout_s,
                              env=tesseract_env(), check=False)
    except FileNotFoundError as exc:
        raise MissingDependencyError(f"cannot run {args[0]}: not found") from exc
    except subprocess.TimeoutExpired as exc:
        raise OcrTimeoutError(f"tesseract took longer than {timeout_s:g} s") from exc
    except OSError as exc:
        raise OcrError(f"cannot run {args[0]}: {exc}") from exc


@dataclass(frozen=True, slots=True)
class TesseractInfo:
    """What is installed. ``backend`` is None when OCR is impossible."""

    binary: str | None
    version: str | None
    tessdata: Path | None
    languages: frozenset[str]
    tesserocr_version: str | None

    @property
    def backend(self) -> Literal["tesserocr", "cli"] | None:
        if self.tessdata is None:
            return None
        if self.tesserocr_version is not None:
            return "tesserocr"
        return "cli" if self.binary else None

    def missing_languages(self, languages: str) -> list[str]:
        return [lang for lang in languages.split("+") if lang not in self.languages]


@functools.cache
def probe() -> TesseractInfo:
    """Find the tesseract binary, tesserocr, the tessdata folder and its languages (cached)."""
    binary = shutil.which("tesseract")
    version, listed_dir = _probe_binary(binary) if binary else (None, None)
    tessdata = _find_tessdata(listed_dir)
    languages = frozenset(
        p.relative_to(tessdata).with_suffix("").as_posix()
        for pattern in ("*.traineddata", "script/*.traineddata")
        for p in tessdata.glob(pattern)) if tessdata else frozenset()
    return TesseractInfo(binary=binary, version=version, tessdata=tessdata,
                         languages=languages, tesserocr_version=_tesserocr_version())


def _probe_binary(binary: str) -> tuple[str | None, Path | None]:
    try:
        ver = run([binary, "--version"], timeout_s=_PROBE_TIMEOUT_S)
        langs = run([binary, "--list-langs"], timeout_s=_PROBE_TIMEOUT_S)
    except OcrError as exc:
        log.warning("tesseract probe failed: %s", exc)
        return None, None
    out = (ver.stdout or ver.stderr).decode("utf-8", "replace")
    match = re.search(r"tesseract\s+v?(\d+[\w.\-]*)", out)
    listed = re.search(r'languages in "([^"]+)"', langs.stdout.decode("utf-8", "replace"))
    return (match.group(1) if match else None,
            Path(listed.group(1)) if listed else None)


def _find_tessdata(listed_dir: Path | None) -> Path | None:
    env = os.environ.get("TESSDATA_PREFIX")
    candidates = [Path(env)] if env else []
    if env:
        candidates.append(Path(env) / "tessdata")
    if listed_dir is not None:
        candidates.append(listed_dir)
    candidates.extend(Path(c) for c in _TESSDATA_CANDIDATES)
    for folder in candidates:
        if folder.is_dir() and any(folder.glob("*.traineddata")):
            return folder
    return None


def _tesserocr_version() -> str | None:
    try:
        _import_tesserocr()
        import tesserocr
    except ImportError:
        return None
    first = str(tesserocr.tesseract_version()).split("\n", 1)[0]
    return first.removeprefix("tesseract ").strip() or "unknown"


def _import_tesserocr() -> None:
    # libtesseract reads OMP_THREAD_LIMIT when it is loaded, so set it before the import.
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    import tesserocr  # noqa: F401


def create_engine(languages: str, psm: int = DEFAULT_PSM,
                  backend: Literal["tesserocr", "cli"] | None = None) -> OcrEngine:
    """An engine for ``languages`` ("deu", "deu+eng"); MissingDependencyError if impossible."""
    info = probe()
    chosen = backend or info.backend
    if chosen is None or info.tessdata is None:
        raise MissingDependencyError("tesseract is not installed (neither tesserocr nor the "
                                     "tesseract binary with a tessdata folder was found)")
    missing = info.missing_languages(languages)
    if missing:
        have = ", ".join(sorted(info.languages)) or "none"
        packages = " ".join(dict.fromkeys(debian_package(m) for m in missing))
        raise MissingLanguageError(
            f"tesseract language pack(s) {', '.join(missing)} missing (installed: {have}); "
            f"install them with: apt-get install {packages}")
    if chosen == "tesserocr":
        return TesserocrEngine(languages, info.tessdata, psm, info)
    if info.binary is None:
        raise MissingDependencyError("the tesseract binary is not installed")
    return CliEngine(languages, info.tessdata, psm, info)


def debian_package(model: str) -> str:
    """The Debian package holding a tesseract model: ``frk`` → ``tesseract-ocr-frk``,
    ``chi_sim`` → ``tesseract-ocr-chi-sim``, ``Fraktur`` → ``tesseract-ocr-script-frak``."""
    name = model.removeprefix("script/")
    if name[:1].isupper():
        code = _SCRIPT_PACKAGE_CODES.get(name, name[:4].lower())
        return f"tesseract-ocr-script-{code}"
    return "tesseract-ocr-" + name.lower().replace("_", "-")


def _contiguous(image: GrayImage) -> GrayImage:
    if image.ndim != 2 or image.dtype != np.uint8:
        raise OcrError(f"expected a 2-D uint8 grayscale image, got {image.dtype} {image.shape}")
    return np.ascontiguousarray(image)


def _words_from_tsv(tsv: str) -> list[OcrWord]:
    try:
        return parse_tsv(tsv)
    except TsvFormatError as exc:
        raise OcrError(f"unreadable tesseract output: {exc}") from exc


class _Engine:
    """What both Tesseract backends report about themselves."""

    _version: str
    _languages: str

    @property
    def version(self) -> str:
        return self._version

    @property
    def languages(self) -> str:
        return self._languages


class TesserocrEngine(_Engine):
    """tesseract in-process: one API per engine, reused for every page (not thread-safe → lock)."""

    name = "tesserocr"

    def __init__(self, languages: str, tessdata: Path, psm: int, info: TesseractInfo) -> None:
        _import_tesserocr()
        import tesserocr

        self._tesserocr: Any = tesserocr
        self._tessdata = tessdata
        self._languages = languages
        self._version = info.tesserocr_version or "unknown"
        self._lock = threading.Lock()
        self._osd: Any = None
        try:
            self._api: Any = tesserocr.PyTessBaseAPI(
                path=f"{tessdata}/", lang=languages, psm=psm, oem=tesserocr.OEM.DEFAULT)
        except RuntimeError as exc:
            raise MissingDependencyError(f"tesseract cannot load {languages!r}: {exc}") from exc
        self._api.SetVariable("preserve_interword_spaces", "1")
        self._psm = psm

    def recognise(self, image: GrayImage, dpi: int, *,
                  timeout_s: float | None = None, psm: int | None = None) -> list[OcrWord]:
        img = _contiguous(image)
        height, width = img.shape
        data = img.tobytes()  # tesseract borrows this buffer until Recognize returns
        timeout_ms = round(timeout_s * 1000) if timeout_s else 0
        with self._lock:
            try:
                self._api.SetPageSegMode(self._psm if psm is None else psm)
                self._api.SetImageBytes(data, width, height, 1, width)
                self._api.SetSourceResolution(dpi)
                if not self._api.Recognize(timeout_ms):
                    raise OcrTimeoutError(f"tesseract stopped after {timeout_s:g} s"
                                          if timeout_s else "tesseract could not recognise page")
                tsv = self._api.GetTSVText(0)
            except RuntimeError as exc:
                raise OcrError(f"tesseract failed: {exc}") from exc
            finally:
                self._api.Clear()
        return _words_from_tsv(tsv)

    def orientation(self, image: GrayImage) -> tuple[int, float]:
        img = _contiguous(image)
        height, width = img.shape
        data = img.tobytes()
        with self._lock:
            osd = self._osd_api()
            if osd is None:
                return 0, 0.0
            try:
                osd.SetImageBytes(data, width, height, 1, width)
                result = osd.DetectOrientationScript()
            except RuntimeError as exc:
                log.warning("tesseract orientation detection failed: %s", exc)
                return 0, 0.0
            finally:
                osd.Clear()
        if not result:
            return 0, 0.0
        # orient_deg is how far the image is turned clockwise; the correction turns it back.
        return (360 - int(result["orient_deg"])) % 360, float(result["orient_conf"])

    def _osd_api(self) -> Any:
        if self._osd is None:
            tess = self._tesserocr
            try:
                self._osd = tess.PyTessBaseAPI(path=f"{self._tessdata}/", lang="osd",
                                               psm=tess.PSM.OSD_ONLY)
            except RuntimeError as exc:
                log.warning("no orientation detection (osd.traineddata missing?): %s", exc)
                self._osd = False
        return self._osd or None


def _pgm(image: GrayImage) -> bytes:
    """An uncompressed PGM: the cheapest format tesseract reads from stdin."""
    height, width = image.shape
    return f"P5\n{width} {height}\n255\n".encode("ascii") + image.tobytes()


class CliEngine(_Engine):
    """The ``tesseract`` binary, one process per call (slower: spawn + model load every page)."""

    name = "tesseract-cli"

    def __init__(self, languages: str, tessdata: Path, psm: int, info: TesseractInfo) -> None:
        if info.binary is None:
            raise MissingDependencyError("the tesseract binary is not installed")
        self._binary = info.binary
        self._tessdata = tessdata
        self._languages = languages
        self._psm = psm
        self._version = info.version or "unknown"

    def _args(self, *extra: str) -> list[str]:
        return [self._binary, "stdin", "stdout", "--tessdata-dir", str(self._tessdata), *extra]

    def recognise(self, image: GrayImage, dpi: int, *,
                  timeout_s: float | None = None, psm: int | None = None) -> list[OcrWord]:
        args = self._args(
            "--psm",
            str(self._psm if psm is None else psm),
            "--dpi",
            str(dpi),
            "-l",
            self._languages,
            "-c",
            "preserve_interword_spaces=1",
            "tsv",
        )
        proc = run(args, timeout_s=timeout_s or 600.0, stdin=_pgm(_contiguous(image)))
        if not _succeeded(proc, "recognition"):
            return []
        return _words_from_tsv(proc.stdout.decode("utf-8", "replace"))

    def orientation(self, image: GrayImage) -> tuple[int, float]:
        proc = run(self._args("--psm", "0", "-l", "osd"), timeout_s=120.0,
                   stdin=_pgm(_contiguous(image)))
        if not _succeeded(proc, "orientation detection"):
            return 0, 0.0
        out = proc.stdout.decode("utf-8", "replace")
        rotate = re.search(r"Rotate:\s*(\d+)", out)
        conf = re.search(r"Orientation confidence:\s*([\d.]+)", out)
        if not rotate or not conf:
            return 0, 0.0
        return int(rotate.group(1)) % 360, float(conf.group(1))


def _succeeded(proc: subprocess.CompletedProcess[bytes], what: str) -> bool:
    """True on success; False (with a warning) for harmless failures; OcrError otherwise."""
    stderr = proc.stderr.decode("utf-8", "replace").strip()
    if proc.returncode == 0:
        if stderr:
            log.debug("tesseract %s: %s", what, stderr)
        return True
    if _HARMLESS.search(stderr):
        log.warning("tesseract %s gave no result: %s", what, stderr.splitlines()[-1])
        return False
    last = stderr.splitlines()[-1] if stderr else "no message"
    raise OcrError(f"tesseract {what} failed (exit {proc.returncode}): {last}")
