"""The search result list reads well at 80 columns: no word-per-line wrapping, titles cut."""

from __future__ import annotations

import io

from rich.console import Console

from vorlagenparser.cli.search import render_hits
from vorlagenparser.search import SearchHit

LONG_TITLE = ("Bebauungsplan Nr. 17 „Am Mühlbach“ der Stadt Musterstadt – Aufstellungsbeschluss, "
              "frühzeitige Beteiligung der Öffentlichkeit und der Träger öffentlicher Belange")
SNIPPET = ("… Der Stadtrat beschließt die Aufstellung des Bebauungsplanes Nr. 17 für das Gebiet "
           "am Mühlbach zwischen der Bahnlinie und der Kreisstraße K 12 sowie die frühzeitige …")


def _render(width: int) -> list[str]:
    start = SNIPPET.index("Bebauungsplanes")
    hit = SearchHit("0" * 64, "bv-17-2024-stadtentwicklung-und-umwelt", "BV/17/2024",
                    "2024-03-14", LONG_TITLE, SNIPPET, ((start, start + 15),))
    console = Console(file=io.StringIO(), width=width, color_system=None, record=True)
    render_hits(console, [hit, hit])
    return console.export_text().splitlines()


def test_at_80_columns_every_line_fits_and_none_is_a_lone_word() -> None:
    lines = _render(80)
    assert all(len(line) <= 80 for line in lines)
    assert all(len(line.split()) > 1 for line in lines if line.strip()), lines
    head, title, *snippet_lines = lines[:5]
    assert head.startswith(" 1. BV/17/2024  14.03.2024  bv-17-2024")
    assert title.startswith("    Bebauungsplan Nr. 17") and title.endswith("…")
    assert "Bebauungsplanes" in " ".join(snippet_lines)
    assert lines[-1] == "2 hits"


def test_a_narrow_terminal_still_shows_one_title_line() -> None:
    lines = _render(40)
    assert all(len(line) <= 40 for line in lines)
    assert lines[1].endswith("…") and lines[2].startswith("    …")
