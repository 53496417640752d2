"""Extraction options, validated once at the edge before any file is opened."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from . import limits

OcrMode = Literal["auto", "always", "never"]

# Limits that decide whether a document may be converted, not what its output holds: a change
# must not make a resumed batch convert everything again (see batch.ledger.fingerprint).
LIMIT_FIELDS = frozenset({"max_memory_mb", "max_megapixels", "page_timeout_s"})


class ExtractOptions(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    profile: str | None = Field(
        default=None, description="profile name or path to a TOML file; None selects automatically")
    profiles: str | None = Field(
        default=None, description="a folder of user profiles to choose from by their match keywords")
    ocr: OcrMode = "auto"
    # tesseract models joined by "+": languages ("deu", "frk", "chi_sim") and scripts
    # ("Fraktur", or "script/Fraktur" where the script models sit in their own folder)
    languages: str = Field(default="deu",
                           pattern=r"^(script/)?[A-Za-z_]{3,}(\+(script/)?[A-Za-z_]{3,})*$")
    dpi: Annotated[int, Field(ge=100, le=600)] = 300
    ocr_timeout_s: Annotated[float, Field(gt=0, le=3600)] = 180.0
    max_pages: Annotated[int, Field(ge=1)] = limits.DEFAULT_MAX_PAGES
    max_file_mb: Annotated[float, Field(gt=0)] = 512.0
    # Resource limits: the defaults are in `limits`.
    max_memory_mb: Annotated[int, Field(ge=0, description=(
        "memory per document, enforced by the process that supervises the conversion "
        "(the extract command, batch workers); 0: no limit"))] = limits.DEFAULT_MAX_MEMORY_MB
    max_megapixels: Annotated[float, Field(gt=0, description=(
        "pixels of one rendered or decoded page (and of one image on a page), in millions"))] = (
        limits.DEFAULT_MAX_MEGAPIXELS)
    page_timeout_s: Annotated[float, Field(gt=0, description=(
        "seconds one page (or opening the file, or the layout step) may take"))] = (
        limits.DEFAULT_PAGE_TIMEOUT_S)

    @property
    def max_pixels(self) -> int:
        return int(self.max_megapixels * 1_000_000)

    @model_validator(mode="after")
    def _languages_need_ocr(self) -> ExtractOptions:
        if self.ocr == "never" and self.languages != "deu":
            raise ValueError("--languages has no effect with --ocr never")
        if self.profile and self.profiles:
            raise ValueError("--profile and --profiles exclude each other (one fixed profile, "
                             "or a folder to choose from)")
        return self
