"""Fast PDF loader on PDFium (pypdfium2's ctypes API): the page model of :mod:`.pdf`, ~10× faster.

pdfminer interprets every content stream in Python (~70–100 ms per page); PDFium parses in C++
and we only read its results (~5 ms per page). Both loaders must be interchangeable, so this one
reproduces the pdfplumber loader's choices rather than PDFium's own text layout:

* **words** — pdfplumber's ``extract_words(x_tolerance=1.5, y_tolerance=2.5,
  extra_attrs=["fontname", "size"])``: characters form groups of one font and size (in content
  order), each group is split into lines (tops chained within 2.5 pt) and each line, sorted left
  to right, into words at spaces and at gaps over 1.5 pt. Boxes are pdfminer's: bottom at the
  font's descent below the baseline, top one font size above that; x from PDFium's loose box.
  The spaces and line breaks PDFium invents are dropped; unmapped glyphs read ``(cid:N)``;
  PDFium's end-of-line hyphen marker reads ``-``; the standard ZapfDingbats font reads as
  pdfminer's StandardEncoding letters (the glyph checkbox tables are keyed by them).
* **vertical words** — turned characters as pdfplumber char dicts, grouped by
  :func:`.vertical.vertical_words` like the pdfplumber loader does.
* **graphics** — pdfminer's path classification: one straight piece is a line, a closed
  axis-aligned four-corner path a rect, anything else a curve through its end points.
* **grids** — pdfplumber's table-finding stages (edges → intersections → cells → tables), fed
  with edges made from those graphics; no pdfplumber page is built.
* **coordinates** — points from the top left of the MediaBox after the page's /Rotate, exactly
  the frame pdfplumber reports.

Known differences from the pdfplumber loader, all small: font names may lack the subset tag;
text drawn twice at one place (fake bold) is kept once; a space glyph overlapping the next glyph
is dropped by PDFium (the two words may join); x extents include glyph ink that overhangs the
advance (italics, up to ~0.15 em); pdfminer has no width for "€" in the standard-14 fonts nor for
ZapfDingbats glyphs, so pdfplumber misplaces the rest of such a line and PDFium does not; word
order inside a page may differ where pdfplumber splits groups on float noise in the font size;
line widths default to PDFium's 1.0 where pdfminer reports 0. Bold comes from the font name
only, as in the pdfplumber loader: ``FPDFText_GetFontWeight`` reports 695 for plain Arial.

PDFium is not thread-safe, so one lock serialises every document this module opens.
"""

from __future__ import annotations

import logging

from .document import open_pdf_fast

__all__ = ["open_pdf_fast"]

log = logging.getLogger(__name__)
