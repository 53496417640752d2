"""The bad-input corpus: every kind of hostile, damaged or odd input a council archive holds.

Each :class:`Kind` makes one input in a folder and says what ``vorlagenparser extract`` must
do with it: the exit code and a word of the one-line message (``exit_code`` 0: it converts).
Nothing here is committed as a binary; ``python scripts/make_badinputs.py DIR`` writes it all.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from vorlagenparser.errors import ExitCode

from . import bombs, files, images, structure

OK, INPUT, ENCRYPTED, LIMIT = (ExitCode.ok, ExitCode.input_file, ExitCode.encrypted,
                               ExitCode.resource_limit)


@dataclass(frozen=True, slots=True)
class Kind:
    name: str
    group: str  # structure | bomb | active | image | name | special
    filename: str | bytes  # bytes: a name that is not valid UTF-8
    make: Callable[[Path], Path]
    exit_code: int  # of `vorlagenparser extract` (0: converts)
    needle: str = ""  # appears in the one-line message (case-insensitive)
    bomb: bool = False  # measure peak memory and time
    marker: str | None = None  # active content: this file must never appear
    in_batch: bool = True  # a batch over the folder sees it as an input
    unprivileged: bool = False  # the expectation holds only without root's DAC override

    def create(self, folder: Path) -> Path:
        return self.make(_join(folder, self.filename))


def _join(folder: Path, name: str | bytes) -> Path:
    return folder / (name if isinstance(name, str) else name.decode("utf-8", "surrogateescape"))


def _marked(maker: Callable[[Path, Path], Path], marker: str) -> Callable[[Path], Path]:
    return lambda path: maker(path, path.parent / marker)


def _long_name(size: int = 250) -> str:
    """A name of exactly ``size`` UTF-8 bytes, umlauts included."""
    stem = ("Sitzungsvorlage_" + "Bebauungsplan_Mühlbach_" * 12).encode()
    cut = stem[: size - 4].decode("utf-8", "ignore")
    return cut + "x" * (size - 4 - len(cut.encode())) + ".pdf"


_S = structure
KINDS: tuple[Kind, ...] = (
    # --- damaged structure ---------------------------------------------------------------
    Kind("truncated_half", "structure", "truncated_half.pdf", _S.truncated_half, INPUT, "truncated"),
    Kind("truncated_with_eof", "structure", "truncated_with_eof.pdf", _S.truncated_with_eof, INPUT,
         "damaged"),
    Kind("corrupt_xref", "structure", "corrupt_xref.pdf", _S.corrupt_xref, OK),
    Kind("no_trailer", "structure", "no_trailer.pdf", _S.no_trailer, INPUT, "damaged"),
    Kind("no_xref_no_trailer", "structure", "no_xref_no_trailer.pdf", _S.no_xref_no_trailer, OK),
    Kind("garbage_body", "structure", "garbage_body.pdf", _S.garbage_body, INPUT, "damaged"),
    Kind("header_only", "structure", "header_only.pdf", _S.header_only, INPUT, "damaged"),
    Kind("leading_garbage", "structure", "leading_garbage.pdf", _S.leading_garbage, OK),
    Kind("wrong_stream_length", "structure", "wrong_stream_length.pdf", _S.wrong_stream_length, OK),
    Kind("encrypted_user_password", "structure", "encrypted_user.pdf", _S.encrypted_user_password,
         ENCRYPTED, "encrypted"),
    Kind("encrypted_aes256_user_password", "structure", "encrypted_aes256.pdf",
         _S.encrypted_aes256_user_password, ENCRYPTED, "encrypted"),
    Kind("encrypted_owner_only", "structure", "encrypted_owner_only.pdf", _S.encrypted_owner_only, OK),
    Kind("zero_pages", "structure", "zero_pages.pdf", _S.zero_pages, INPUT, "no pages"),
    Kind("zero_size_page", "structure", "zero_size_page.pdf", _S.zero_size_page, INPUT, "page 1"),
    Kind("inverted_mediabox", "structure", "inverted_mediabox.pdf", _S.inverted_mediabox, OK),
    Kind("huge_page", "structure", "huge_page.pdf", _S.huge_page, LIMIT, "pixels", bomb=True),
    Kind("tiny_page", "structure", "tiny_page.pdf", _S.tiny_page, OK),
    Kind("rotated_page", "structure", "rotated_page.pdf", _S.rotated_page, OK),
    Kind("rotate_45", "structure", "rotate_45.pdf", _S.rotate_45, OK),
    Kind("deep_page_tree", "structure", "deep_page_tree.pdf", _S.deep_page_tree, INPUT, "page 1"),
    Kind("circular_page_tree", "structure", "circular_page_tree.pdf", _S.circular_page_tree, INPUT,
         "page 1"),
    Kind("page_count_lie", "structure", "page_count_lie.pdf", _S.page_count_lie, LIMIT, "pages"),
    Kind("shared_page_object", "structure", "shared_page_object.pdf", _S.shared_page_object, OK),
    Kind("broken_font_program", "structure", "broken_font.pdf", _S.broken_font_program, OK),
    Kind("garbage_operators", "structure", "garbage_operators.pdf", _S.garbage_operators, OK),
    Kind("blank_300_pages", "structure", "blank_300_pages.pdf", _S.blank_300_pages, OK, bomb=True),
    Kind("over_page_limit", "structure", "over_page_limit.pdf", _S.over_page_limit, LIMIT, "pages"),
    # --- resource bombs --------------------------------------------------------------------
    Kind("flate_bomb_content", "bomb", "flate_bomb_content.pdf", bombs.flate_bomb_content, LIMIT,
         "memory", bomb=True),
    Kind("flate_bomb_image", "bomb", "flate_bomb_image.pdf", bombs.flate_bomb_image, LIMIT,
         "pixels", bomb=True),
    Kind("image_huge_declared", "bomb", "image_huge_declared.pdf", bombs.image_huge_declared,
         LIMIT, "pixels", bomb=True),
    Kind("xobject_fanout", "bomb", "xobject_fanout.pdf", bombs.xobject_fanout, LIMIT, "memory",
         bomb=True),
    Kind("self_recursive_xobject", "bomb", "self_recursive_xobject.pdf",
         bombs.self_recursive_xobject, OK, bomb=True),
    Kind("mutually_recursive_xobjects", "bomb", "mutually_recursive_xobjects.pdf",
         bombs.mutually_recursive_xobjects, OK, bomb=True),
    Kind("rect_flood", "bomb", "rect_flood.pdf", bombs.rect_flood, OK, bomb=True),
    Kind("noise_pages", "bomb", "noise_pages.pdf", bombs.noise_pages, OK, bomb=True),
    # --- active content: converts, never runs -----------------------------------------------
    Kind("javascript_actions", "active", "javascript.pdf",
         _marked(bombs.javascript_actions, ".javascript-ran"), OK, marker=".javascript-ran"),
    Kind("launch_action", "active", "launch.pdf", _marked(bombs.launch_action, ".launch-ran"), OK,
         marker=".launch-ran"),
    # --- images ------------------------------------------------------------------------------
    Kind("png_bomb", "image", "png_bomb.png", images.png_bomb, LIMIT, "pixels", bomb=True),
    Kind("png_truncated", "image", "png_truncated.png", images.png_truncated, INPUT, "truncated"),
    Kind("png_bad_crc", "image", "png_bad_crc.png", images.png_bad_crc, INPUT, "corrupt"),
    Kind("png_tiny", "image", "png_tiny.png", images.png_tiny, INPUT, "pixels"),
    Kind("gif_named_png", "image", "gif_named.png", images.gif_named_png, INPUT, "unsupported"),
    Kind("jpeg_bomb", "image", "jpeg_bomb.jpg", images.jpeg_bomb, LIMIT, "pixels", bomb=True),
    Kind("jpeg_truncated", "image", "jpeg_truncated.jpg", images.jpeg_truncated, INPUT, "truncated"),
    Kind("tiff_bomb", "image", "tiff_bomb.tif", images.tiff_bomb, LIMIT, "pixels", bomb=True),
    Kind("tiff_truncated", "image", "tiff_truncated.tif", images.tiff_truncated, INPUT, "truncated"),
    Kind("tiff_corrupt_second_page", "image", "tiff_corrupt_page.tif",
         images.tiff_corrupt_second_page, INPUT, "page 2"),
    Kind("tiff_over_page_limit", "image", "tiff_over_page_limit.tif", images.tiff_over_page_limit,
         LIMIT, "pages"),
    # --- not what the name says ------------------------------------------------------------
    Kind("empty", "special", "empty.pdf", files.empty, INPUT, "empty"),
    Kind("text_named_pdf", "special", "text.pdf", files.text_named_pdf, INPUT, "not a PDF"),
    Kind("html_named_pdf", "special", "download.pdf", files.html_named_pdf, INPUT, "not a PDF"),
    Kind("png_named_pdf", "special", "scan-as.pdf", files.png_named_pdf, INPUT, "not a PDF"),
    # --- special files ---------------------------------------------------------------------
    Kind("fifo", "special", "fifo.pdf", files.fifo, INPUT, "FIFO"),
    Kind("symlink_dev_zero", "special", "dev-zero.pdf", files.symlink_to("/dev/zero"), INPUT,
         "device"),
    Kind("symlink_loop", "special", "loop-a.pdf", files.symlink_loop, INPUT, "symbolic link"),
    Kind("symlink_dangling", "special", "dangling.pdf", files.symlink_to("no-such-target.pdf"),
         INPUT, "symbolic link"),
    Kind("unix_socket", "special", "socket.pdf", files.unix_socket, INPUT, "socket"),
    Kind("unreadable", "special", "unreadable.pdf", files.unreadable, INPUT, "permission",
         unprivileged=True),
    Kind("folder_named_pdf", "special", "ordner.pdf", files.folder_named_pdf, INPUT, "folder",
         in_batch=False),
    Kind("symlink_to_good", "special", "link-to-good.pdf", files.symlink_to_good, OK),
    # --- odd names, sound documents: all convert ------------------------------------------
    Kind("name_250_bytes", "name", _long_name(), files.good_file, OK),
    Kind("name_latin1", "name", files.LATIN1_NAME, files.good_file, OK),
    Kind("name_newline", "name", files.NEWLINE_NAME, files.good_file, OK),
    Kind("name_spaces", "name", files.SPACES_NAME, files.good_file, OK),
    Kind("name_leading_dash", "name", files.DASH_NAME, files.good_file, OK),
    Kind("name_shell_characters", "name", files.SHELL_NAME, files.good_file, OK),
    Kind("name_control_characters", "name", files.CONTROL_NAME, files.good_file, OK),
    Kind("name_unicode", "name", files.UNICODE_NAME, files.good_file, OK),
    Kind("name_upper_suffix", "name", files.UPPER_NAME, files.good_file, OK),
)

BY_NAME = {kind.name: kind for kind in KINDS}


def make_corpus(folder: Path, names: list[str] | None = None) -> dict[str, Path]:
    """Create the kinds (all, or those named) in ``folder``; returns kind name → input path."""
    folder.mkdir(parents=True, exist_ok=True)
    chosen = [BY_NAME[n] for n in names] if names else list(KINDS)
    return {kind.name: kind.create(folder) for kind in chosen}


__all__ = ["BY_NAME", "KINDS", "Kind", "make_corpus"]
