"""Where the Vorlage ends: a PDF may carry its Anlagen as further pages (cost tables, letters,
plans). Their dates, labels and titles are no fields of the Vorlage, so the layout reads only
the pages before the first page that announces itself as an Anlage ("Anlage 2", "Anlage 1 zur
Vorlage …", "Anhang A") in its first lines."""

from __future__ import annotations

import re

from .document import Doc

# "Anlage 2", "Anlage 1 zur Beschlussvorlage …", "Anhang A", "Beilage II": the page's own title,
# not an item of an Anlagen list ("Anlage 1: Lageplan", "1. Anlage …").
_ANNOUNCE = re.compile(r"^(?:Anlage|Anhang|Beilage)\s+(?:Nr\.\s*)?(?:\d{1,2}[a-z]?|[IVX]{1,4}|[A-H])"
                       r"(?:\s+(?:zu|zur|zum)\b.*)?$")


def vorlage_pages(doc: Doc) -> int:
    """The number of pages that belong to the Vorlage itself."""
    probe = doc.settings.attachment_probe_lines
    for page in doc.pages[1:]:
        lines = doc.on_page(page.number)[:probe]
        for line in lines:
            first = line.phrases[0].text.strip()
            if _ANNOUNCE.match(first) and len(line.phrases) <= 2:
                return page.number - 1
    return len(doc.pages)
