"""Where the Vorlage ends: a PDF may carry its Anlagen as further pages (cost tables, letters,
plans). Their dates, labels and titles are no fields of the Vorlage, so the layout reads only
the pages before the first page that announces itself as an Anlage ("Anlage 2", "Anlage 1 zur
Vorlage …", "Anhang A") in its first lines."""

from __future__ import annotations

from .document import Doc
from .text import announces_attachment


def vorlage_pages(doc: Doc) -> int:
    """The number of pages that belong to the Vorlage itself."""
    probe = doc.settings.attachment_probe_lines
    for page in doc.pages[1:]:
        lines = doc.on_page(page.number)[:probe]
        for line in lines:
            first = line.phrases[0].text.strip()
            if announces_attachment(first) and len(line.phrases) <= 2:
                return page.number - 1
    return len(doc.pages)
